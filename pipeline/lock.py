"""One writer at a time: an advisory lock on a file beside the database.

`fcntl.flock` is released by the kernel when the holding process dies, even by
`kill -9`, so a crashed run never leaves a lock that blocks the next one; what is written
into the file (pid, command, start time) is only there to name the holder in the "busy"
message, to writers and to readers that DuckDB turns away while the run writes.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import os
import re
from pathlib import Path


class Busy(Exception):
    """Another process holds the database or the lock; the message names it."""


def lock_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + ".lock")


class WriterLock:
    def __init__(self, db_path: str | Path, what: str = "ombudsman"):
        self.path = lock_path(db_path)
        self.what = what
        self._file = None

    def __enter__(self) -> "WriterLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise Busy(f"a run is in progress ({holder}); try again when it has finished") from None
        handle.seek(0)
        handle.truncate()
        since = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        handle.write(f"pid {os.getpid()}, {self.what}, since {since}")
        handle.flush()
        self._file = handle
        return self

    def __exit__(self, *exc) -> None:
        if self._file is not None:
            self._file.seek(0)
            self._file.truncate()
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def holder(db_path: str | Path) -> str | None:
    """What the lock file says about the writer holding it ("pid 12, ombudsman run, since
    ..."), or None when no writer holds it. Only reads: never creates the file."""
    try:
        handle = open(lock_path(db_path))
    except OSError:
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return handle.read().strip() or "another process"
        except OSError:
            return None
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None


_DUCKDB_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def busy_error(db_path: str | Path, duckdb_message: str, writing: bool) -> Busy:
    """The Busy to raise when DuckDB refuses to open the file because another process has
    it: a run in progress (from the lock file), or the process DuckDB names."""
    if not writing:  # a writer holds the lock itself: whoever DuckDB names is a reader
        run = holder(db_path)
        if run:
            return Busy(f"a run is in progress ({run}); try again when it has finished")
    m = _DUCKDB_HOLDER.search(duckdb_message)
    who = f"pid {m['pid']} ({Path(m['program']).name})" if m else "another process"
    if writing:
        return Busy(f"the database is open in {who}; close it there and try again")
    return Busy(f"the database is being written by {who}; try again when it has finished")

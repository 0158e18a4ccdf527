"""Progress of long jobs, shown the way the reader can use it.

The jobs (pipeline.jobs) only say `progress.advance("extract")` per decision; nothing is
shown unless a caller set a reporter with `progress.reporting(...)`, as the CLI does:

- on a terminal, a tqdm bar per stage (tqdm comes with spaCy);
- elsewhere (cron, systemd, a log file), one line per stage every `every` seconds and
  one when the stage ends, so a log says how far a run got and how fast.

A context variable, not an argument threaded through every job: the jobs stay plain
functions and library callers (tests, notebooks) see nothing.
"""
from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import time
from typing import Iterator, TextIO

# What each stage counts, for the lines and bars.
STAGES = {"store": "records read", "extract": "decisions extracted"}
EVERY_SECONDS = float(os.environ.get("OMBUDSMAN_PROGRESS_EVERY", 30))

_reporter: contextvars.ContextVar = contextvars.ContextVar("ombudsman_progress", default=None)


def advance(stage: str, n: int = 1) -> None:
    """Count `n` more items done in `stage` (a no-op unless a reporter is set)."""
    reporter = _reporter.get()
    if reporter is not None:
        reporter.advance(stage, n)


class LogLines:
    """Periodic progress lines, for a stream that is not a terminal."""

    def __init__(self, stream: TextIO, prefix: str = "", every: float = EVERY_SECONDS):
        self.stream, self.prefix, self.every = stream, prefix, every
        self.stage: str | None = None

    def _line(self, final: bool = False) -> None:
        elapsed = time.monotonic() - self.started
        rate = f", {self.count / elapsed:.1f}/s" if elapsed > 0 else ""
        what = STAGES.get(self.stage, self.stage)
        self.stream.write(f"{self.prefix}{self.count:,} {what}{' in ' if final else ' after '}{elapsed:.1f} s{rate}\n")
        self.stream.flush()
        self.last = time.monotonic()

    def advance(self, stage: str, n: int) -> None:
        if stage != self.stage:
            self.end()
            self.stage, self.count, self.started, self.last = stage, 0, time.monotonic(), time.monotonic()
        self.count += n
        if time.monotonic() - self.last >= self.every:
            self._line()

    def end(self) -> None:
        if self.stage is not None:
            self._line(final=True)
        self.stage = None


class Bars:
    """A tqdm bar per stage, for a terminal (redrawn in place, left on screen when done)."""

    def __init__(self, stream: TextIO, prefix: str = ""):
        self.stream, self.prefix = stream, prefix
        self.stage: str | None = None
        self.bar = None

    def advance(self, stage: str, n: int) -> None:
        if stage != self.stage:
            self.end()
            from tqdm import tqdm

            self.stage = stage
            columns, rows = _size(self.stream)
            self.bar = tqdm(desc=f"{self.prefix}{stage}", unit=" decisions", file=self.stream, ncols=columns,
                            nrows=rows, mininterval=0.2)
        self.bar.update(n)

    def end(self) -> None:
        if self.bar is not None:
            self.bar.close()
        self.stage, self.bar = None, None


def _size(stream: TextIO) -> tuple[int, int]:
    # A terminal that reports no size (a bare pty, some CI consoles) gets 80 x 24: tqdm
    # draws nothing in a screen of width or height 0.
    try:
        size = os.get_terminal_size(stream.fileno())
        return size.columns or 80, size.lines or 24
    except (OSError, AttributeError, ValueError):
        return 80, 24


def for_stream(stream: TextIO | None = None, prefix: str = ""):
    """Bars on a terminal, periodic lines anywhere else."""
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return Bars(stream, prefix) if tty else LogLines(stream, prefix)


@contextlib.contextmanager
def reporting(reporter) -> Iterator:
    """Show the progress of the jobs run inside the block through `reporter`."""
    token = _reporter.set(reporter)
    try:
        yield reporter
    finally:
        reporter.end()
        _reporter.reset(token)

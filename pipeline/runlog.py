"""The run log: every writing command runs as one logged run (`logged_run`), and `ombudsman
status` reads the log back (`recent_runs`, `failures`).

A failure is *resolved* once the same decision (source and reference) landed after it:
extracted later, or, for a failure before extraction (fetching, parsing, ingesting),
stored later. A failure that names no decision (a malformed JSON line) stays open.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

import duckdb

R = TypeVar("R")


def logged_run(db_path: str | Path | None, command: str, work: Callable[[duckdb.DuckDBPyConnection, int], R]) -> R:
    """Run `work(con, run_id)` as one run of `command`: holding the writer lock so that two
    writers never interleave, with a row in `runs` (marked failed if `work` raises; left
    'running' if the process is killed, which the next run marks interrupted). `work`
    returns a result with `.status` and `.counts` (pipeline.jobs.JobResult)."""
    from pipeline import db
    from pipeline.lock import WriterLock

    # Not a DuckDB file: say so before a lock file appears beside it.
    path = db.check_database_file(db.db_path(db_path))
    with WriterLock(path, f"ombudsman {command}"):
        con = db.connect(path)
        try:
            db.mark_interrupted_runs(con)
            run_id = db.start_run(con, command)
            try:
                result = work(con, run_id)
            except BaseException as exc:
                db.finish_run(con, run_id, "failed", {}, f"{type(exc).__name__}: {exc}")
                raise
            # A source that could not be reached is the run's error: `status` shows it.
            unreachable = getattr(result, "unreachable", None)
            db.finish_run(con, run_id, result.status, result.counts, "; ".join(unreachable) or None if unreachable else None)
            return result
        finally:
            con.close()

RUN_COLUMNS = ["run", "command", "started", "finished", "status", "counts", "error"]
FAILURE_COLUMNS = ["recorded", "run", "stage", "decision", "where", "reason", "resolved"]

_FAILURES = """
SELECT f.recorded_at, f.run_id, f.stage,
       CASE WHEN f.reference IS NOT NULL THEN coalesce(f.source || ':', '') || f.reference END,
       f.origin, f.reason,
       CASE WHEN d.extracted_at > f.recorded_at THEN d.extracted_at
            WHEN f.stage <> 'extract' AND r.ingested_at > f.recorded_at THEN r.ingested_at END AS resolved_at
FROM failures f
LEFT JOIN decisions d ON d.source = f.source AND d.reference = f.reference
LEFT JOIN records r ON r.source = f.source AND r.reference = f.reference
"""


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[tuple[Any, ...]]:
    """The last `limit` runs, newest first, in the order of RUN_COLUMNS."""
    return con.execute("SELECT run_id, command, started_at, finished_at, status, counts, error FROM runs "
                       "ORDER BY run_id DESC LIMIT ?", [limit]).fetchall()


def failures(con: duckdb.DuckDBPyConnection, include_resolved: bool = False,
             limit: int = 20) -> tuple[list[tuple[Any, ...]], int]:
    """The newest failures (in the order of FAILURE_COLUMNS), open ones only unless
    `include_resolved`, and how many resolved ones were left out."""
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    rows = con.execute(f"SELECT * FROM ({_FAILURES}) {where} ORDER BY recorded_at DESC LIMIT ?", [limit]).fetchall()
    hidden = 0 if include_resolved else con.execute(
        f"SELECT count(*) FROM ({_FAILURES}) WHERE resolved_at IS NOT NULL").fetchone()[0]
    return rows, hidden

"""The run log as a library: what every writing command goes through, without the CLI."""
from __future__ import annotations

import duckdb
import pytest

from pipeline import db, runlog
from pipeline.jobs import JobResult
from pipeline.lock import Busy, WriterLock
from pipeline.records import InputFailure


def test_a_logged_run_leaves_one_row_and_closes_the_database(tmp_path):
    path = tmp_path / "t.duckdb"
    result = runlog.logged_run(path, "extract", lambda con, run_id: JobResult(counts={"extracted": 2}))
    assert result.status == "ok"
    con = db.connect(path, read_only=True)  # the writer has closed it: a reader may open it
    assert con.execute("SELECT run_id, command, status, counts FROM runs").fetchall() == [(1, "extract", "ok", '{"extracted": 2}')]
    assert runlog.recent_runs(con)[0][:2] == (1, "extract")


def test_a_run_that_raises_is_marked_failed(tmp_path):
    path = tmp_path / "t.duckdb"

    def work(con, run_id):
        raise RuntimeError("the disk is full")

    with pytest.raises(RuntimeError):
        runlog.logged_run(path, "ingest", work)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT status, error FROM runs").fetchall() == [("failed", "RuntimeError: the disk is full")]


def test_a_second_writer_is_busy(tmp_path):
    path = tmp_path / "t.duckdb"
    with WriterLock(path, "ombudsman run"):
        with pytest.raises(Busy, match=r"a run is in progress \(pid \d+, ombudsman run, since .* UTC\)"):
            runlog.logged_run(path, "extract", lambda con, run_id: JobResult())


def test_failures_resolve_when_the_decision_is_stored_later(tmp_path):
    path = tmp_path / "t.duckdb"
    failure = InputFailure("page.html", "no decision article", source="lgsco", reference="25 900 009", stage="parse")
    con = db.connect(path)
    db.record_failures(con, None, [failure])
    assert [r[3] for r in runlog.failures(con)[0]] == ["lgsco:25 900 009"]
    con.execute("INSERT INTO records (decision_id, source, reference, truncated, text, text_sha256, ingested_at) "
                "VALUES ('lgsco:25 900 009', 'lgsco', '25 900 009', false, 't', 'x', TIMESTAMP '2100-01-01')")  # later than the failure
    rows, hidden = runlog.failures(con)
    assert rows == [] and hidden == 1
    assert runlog.failures(con, include_resolved=True)[0][0][-1] is not None

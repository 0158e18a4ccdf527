"""No fiction in real data (issue 14, part C): the bundled sample stands in for an empty
database, is marked as sample data, says so in the report, and is gone the moment a real
decision is stored. Real DuckDB files, the real command line."""
import json
import os
import subprocess
import sys

import duckdb

from conftest import REPO, SAMPLE


def ombudsman(*args, db, raw):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300,
                          env={**os.environ, "OMBUDSMAN_RAW": str(raw)})


def _real_decision(tmp_path):
    """A decision that is not from the sample folder (its text borrowed, its reference new)."""
    data = json.loads((SAMPLE / "records.jsonl").read_text().splitlines()[0])
    path = tmp_path / "real.jsonl"
    path.write_text(json.dumps({**data, "reference": "26 123 456"}) + "\n")
    return path


def _count(dbfile, sql):
    con = duckdb.connect(str(dbfile), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_sample_stands_in_until_real_decisions_arrive(tmp_path):
    dbfile, raw = tmp_path / "ombudsman.duckdb", tmp_path / "raw"
    first = ombudsman("run", "--offline", db=dbfile, raw=raw)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("FICTIONAL SAMPLE DATA")
    sample_n = _count(dbfile, "SELECT count(*) FROM records WHERE is_sample")
    assert sample_n == _count(dbfile, "SELECT count(*) FROM records") > 0
    assert ombudsman("report", "--out", tmp_path / "r1.html", db=dbfile, raw=raw).returncode == 0
    assert "Fictional sample data" in (tmp_path / "r1.html").read_text()

    real = ombudsman("ingest", _real_decision(tmp_path), db=dbfile, raw=raw)
    assert real.returncode == 0, real.stderr
    assert f"{sample_n} fictional sample decisions removed: real decisions are stored now" in real.stderr
    # every table, and the tables the views read (rebuilt before they are read), hold the real decision only
    for table in ("records", "decisions", "bodies", "faults", "payments", "deadlines", "fault_findings",
                  "remedy_payments"):
        assert _count(dbfile, f"SELECT count(*) FROM {table} WHERE decision_id <> 'lgsco:26 123 456'") == 0, table
    assert ombudsman("report", "--out", tmp_path / "r2.html", db=dbfile, raw=raw).returncode == 0
    assert "Fictional sample data" not in (tmp_path / "r2.html").read_text()

    # The next offline night does not bring the sample back, and an explicit ingest of it is refused.
    assert ombudsman("run", "--offline", db=dbfile, raw=raw).returncode == 0
    again = ombudsman("ingest", SAMPLE, db=dbfile, raw=raw)
    assert "fictional sample decisions (data/sample) not stored: the database holds real decisions" in again.stderr
    assert _count(dbfile, "SELECT count(*) FROM records") == 1

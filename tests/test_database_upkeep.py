"""Keeping a database healthy unattended (issue 14, part A): a decision that cannot be
extracted is not retried every night, `ombudsman forget` removes a decision for good, and a
database of the previous schema is migrated in place. Real DuckDB files throughout."""
import dataclasses
import json
import subprocess
import sys

import duckdb

from conftest import REPO, SAMPLE
from pipeline import db, jobs
from pipeline.records import DecisionRecord


def ombudsman(*args, db):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


# A record stored before texts were capped at read: 21 million characters, no line break,
# past the pipeline's nlp.max_length: spaCy refuses it (E088).
HUGE = DecisionRecord(source="lgsco", reference="25 990 999", text="x" * 21_000_000)


def test_a_decision_that_failed_extraction_is_not_retried_until_it_changes(con):
    db.store_records(con, [HUGE])
    first = jobs.extract_pending(con, workers=1)
    assert first.counts == {"extracted": 0, "failed": 1} and first.failures[0].stage == "extract"
    again = jobs.extract_pending(con, workers=1)  # the next night: nothing to do, exit 0
    assert again.counts == {"extracted": 0, "failed": 0} and again.status == "ok"
    assert [r.decision_id for r in db.pending_records(con, version="a newer extractor")] == [HUGE.decision_id]
    assert [r.decision_id for r in db.pending_records(con, everything=True)] == [HUGE.decision_id]
    fixed = dataclasses.replace(HUGE, text="Summary: We found fault by the Council.")
    db.store_records(con, [fixed])  # a new text is tried again, and lands
    assert jobs.extract_pending(con, workers=1).counts == {"extracted": 1, "failed": 0}
    assert con.execute("SELECT count(*) FROM extraction_failures").fetchone()[0] == 0


def _sample_copy(tmp_path, n=3):
    """The first n sample records, as a user's own file (not the bundled sample folder)."""
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join((SAMPLE / "records.jsonl").read_text().splitlines()[:n]) + "\n")
    return path, [json.loads(line)["reference"] for line in path.read_text().splitlines()]


def test_forget_removes_a_decision_and_all_its_rows(tmp_path):
    path, refs = _sample_copy(tmp_path)
    dbfile = tmp_path / "t.duckdb"
    assert ombudsman("ingest", path, db=dbfile).returncode == 0
    gone = ombudsman("forget", f"lgsco:{refs[0]}", refs[1], db=dbfile)
    assert gone.returncode == 0, gone.stderr
    lines = gone.stdout.splitlines()
    assert lines[0].startswith(f"forgot lgsco:{refs[0]}: records 1, decisions 1, bodies ")
    assert lines[1].startswith(f"forgot lgsco:{refs[1]}: records 1, decisions 1")
    con = duckdb.connect(str(dbfile), read_only=True)
    for table in ("records", "decisions", "bodies", "faults", "payments", "deadlines"):
        left = {r[0] for r in con.execute(f"SELECT DISTINCT decision_id FROM {table}").fetchall()}
        assert not left & {f"lgsco:{refs[0]}", f"lgsco:{refs[1]}"}, table
    assert con.execute("SELECT count(*) FROM decisions").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM remedy_by_fault").fetchone() is not None  # views still read
    con.close()


def test_forget_an_unknown_reference_is_one_line_and_removes_nothing(tmp_path):
    path, refs = _sample_copy(tmp_path, n=1)
    dbfile = tmp_path / "t.duckdb"
    assert ombudsman("ingest", "--no-extract", path, db=dbfile).returncode == 0
    unknown = ombudsman("forget", refs[0], "99 999 999", db=dbfile)
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == ("ombudsman forget: no decision '99 999 999' in the database "
                                      "(give 'source:reference' or a reference)")
    con = duckdb.connect(str(dbfile), read_only=True)
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == 1  # all or nothing


def test_schema_1_database_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(db.SCHEMA.replace(",\n    is_sample     BOOLEAN NOT NULL DEFAULT false  -- from the bundled fictional sample (data/sample)", "")
                .split("-- Records whose extraction failed")[0] + ";")
    old.execute("INSERT INTO schema_info VALUES ('schema_version', '1')")
    old.execute("INSERT INTO records VALUES ('lgsco:1', 'lgsco', '1', NULL, NULL, NULL, NULL, NULL, false, 'text', 'sha', "
                "'/srv/ombudsman-data/data/sample/records.jsonl:1', now())")
    old.close()
    con = db.connect(path)
    assert con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone() == (str(db.SCHEMA_VERSION),)
    assert con.execute("SELECT decision_id, is_sample FROM records").fetchall() == [("lgsco:1", True)]
    assert con.execute("SELECT count(*) FROM extraction_failures").fetchone() == (0,)

"""The database: a real DuckDB file, idempotent loads, re-extraction replaces rows."""
import dataclasses

import pytest

from pipeline import db, jobs
from pipeline.records import DecisionRecord

TEXT = """Elmshire County Council (25 900 001)
Decision : Upheld
Decision date : 20 Jan 2025
Summary: Mrs X complained about Elmshire County Council (the Council). We found fault in the delay in completing her care assessment.
Agreed action
Within one month of the final decision, the Council will apologise to Mrs X and pay her £300 for the distress caused by the delay.
"""
RECORD = DecisionRecord(source="lgsco", reference="25 900 001", text=TEXT, title="Elmshire County Council (25 900 001)")


def _counts(con):
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("records", "decisions", "bodies", "faults", "payments", "deadlines")}


def test_store_and_extract_twice_leaves_the_same_rows(con):
    db.store_records(con, [RECORD])
    jobs.extract_pending(con)
    first = _counts(con)
    assert first["decisions"] == 1 and first["payments"] == 1 and first["deadlines"] == 1
    db.store_records(con, [RECORD])
    assert jobs.extract_pending(con).counts["extracted"] == 0  # unchanged: nothing to do
    jobs.extract_pending(con, everything=True)
    assert _counts(con) == first


def test_changed_text_is_re_extracted_and_replaces_old_rows(con):
    db.store_records(con, [RECORD])
    jobs.extract_pending(con)
    changed = dataclasses.replace(RECORD, text=TEXT.replace("£300", "£450"))
    assert db.store_records(con, [changed]) == {"new": 0, "changed": 1, "unchanged": 0}
    assert jobs.extract_pending(con).counts["extracted"] == 1
    assert con.execute("SELECT amount_gbp FROM payments").fetchall() == [(450,)]


def test_typed_columns_and_provenance(con):
    db.store_records(con, [RECORD])
    jobs.extract_pending(con)
    row = con.execute("""SELECT p.amount_gbp, p.purposes, p.fault_categories, d.due_date, r.text, p.start_char, p.end_char, p.sentence
                         FROM payments p JOIN deadlines d USING (decision_id) JOIN records r USING (decision_id)""").fetchone()
    amount, purposes, cats, due, text, start, end, sentence = row
    assert float(amount) == 300 and purposes == ["distress"] and cats == ["delay"]
    assert due.isoformat() == "2025-02-20"
    assert text[start:end].strip() == sentence


def test_failed_load_rolls_back(con):
    db.store_records(con, [RECORD])
    jobs.extract_pending(con)
    before = _counts(con)
    from pipeline.extraction import extract_one

    ex = extract_one(RECORD)
    ex.payments[0].amount = "not a number"  # makes the Arrow conversion fail mid-load
    with pytest.raises(Exception):
        db.load(con, [ex])
    assert _counts(con) == before


def test_schema_version_is_checked(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    con.execute("UPDATE schema_info SET value = '0'")
    con.close()
    try:
        db.connect(path)
    except db.DatabaseError as exc:
        assert "schema version 0" in str(exc)
    else:
        raise AssertionError("an old schema must be refused")


def test_an_extractor_error_becomes_one_failure_row(con, monkeypatch):
    from pipeline import extraction

    real = extraction.extract

    def flaky(records, nlp=None, batch_size=64):
        records = list(records)
        if any(r.reference == "25 900 002" for r in records):
            raise RuntimeError("boom")
        return real(records, nlp)

    monkeypatch.setattr(jobs, "extract", flaky)
    bad = dataclasses.replace(RECORD, reference="25 900 002")
    db.store_records(con, [RECORD, bad])
    result = jobs.extract_pending(con)
    assert result.counts == {"extracted": 1, "failed": 1}
    assert con.execute("SELECT reference, stage, reason FROM failures").fetchall() == [
        ("25 900 002", "extract", "extraction failed: RuntimeError: boom")]


def test_a_ccg_is_followed_into_the_icb_that_replaced_it(con):
    text = ("NHS Leeds CCG (21 900 001)\nSummary: Mr B complained about NHS Leeds CCG (the CCG) and Leeds City Council "
            "(the Council). We found fault by the CCG in the delay in agreeing his continuing healthcare funding.\n")
    record = DecisionRecord(source="lgsco", reference="21 900 001", text=text, title="NHS Leeds CCG (21 900 001)")
    db.store_records(con, [record])
    jobs.extract_pending(con)
    rows = con.execute("SELECT name, canonical_name, body_type, at_fault, successor_name FROM bodies ORDER BY name").fetchall()
    assert ("NHS Leeds CCG", "NHS Leeds Clinical Commissioning Group", "ccg", True,
            "NHS West Yorkshire Integrated Care Board") in rows
    assert ("Leeds City Council", "Leeds City Council", "council", False, None) in rows

"""Bad input never costs good records: every field's type and size is checked when a record
is read, a bad record is one located failure row, and the rest of the batch lands in a real
DuckDB file (issue 14, part A)."""
import json
import subprocess
import sys

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from pipeline import db, jobs
from pipeline.records import MAX_REFERENCE_CHARS, MAX_TEXT_CHARS, DecisionRecord, InputFailure, read_jsonl

GOOD = {"source": "lgsco", "reference": "25 900 001", "title": "Elmshire County Council (25 900 001)",
        "url": "https://www.lgo.org.uk/decisions/x/y/25-900-001", "category": "Adult care services",
        "outcome": "Upheld", "decision_date": "2025-01-20", "text": "Summary: We found fault.", "truncated": False}


def _jsonl(path, objects):
    path.write_text("".join(json.dumps(o) + "\n" for o in objects))
    return path


def _good(i: int) -> dict:
    return {**GOOD, "reference": f"25 900 {i:03d}"}


def test_wrong_field_types_are_located_failures_and_the_batch_lands(tmp_path):
    path = _jsonl(tmp_path / "r.jsonl", [
        _good(1),
        {**_good(2), "title": ["a", "list"]},
        {**_good(3), "url": 42},
        {**_good(4), "category": {"an": "object"}},
        {**_good(5), "outcome": 1.5},
        {**_good(6), "reference": 25900006},
        {**_good(7), "text": ["para one", "para two"]},
        {**_good(8), "truncated": "yes"},
        _good(9),
    ])
    con = db.connect(tmp_path / "t.duckdb")
    result = jobs.ingest(con, [path])
    assert result.counts["new"] == 2 and result.status == "partial"
    failures = dict(con.execute("SELECT origin, reason FROM failures").fetchall())
    assert failures == {
        f"{path}:2": "title must be a string, got list",
        f"{path}:3": "url must be a string, got number",
        f"{path}:4": "category must be a string, got object",
        f"{path}:5": "outcome must be a string, got number",
        f"{path}:6": "reference must be a string, got number",  # refused, not converted: see records.FIELD_TYPES
        f"{path}:7": "text must be a string, got list",  # was "has no text"
        f"{path}:8": "truncated must be true or false, got a string",
    }
    assert sorted(r[0] for r in con.execute("SELECT reference FROM records").fetchall()) == ["25 900 001", "25 900 009"]


def test_nul_characters_are_dropped_from_text_and_title(tmp_path):
    [record] = read_jsonl(_jsonl(tmp_path / "r.jsonl", [{**GOOD, "title": "Elm\x00shire", "text": "We found\x00 fault."}]))
    assert record.title == "Elmshire" and record.text == "We found fault."


def test_a_huge_reference_is_refused_not_made_an_id(tmp_path):
    path = _jsonl(tmp_path / "r.jsonl", [{**GOOD, "reference": "9" * 1_000_000}, _good(2)])
    con = db.connect(tmp_path / "t.duckdb")
    result = jobs.ingest(con, [path])
    [failure] = result.failures
    assert failure.reason == f"reference is 1,000,000 characters, more than {MAX_REFERENCE_CHARS}: not a case reference"
    assert failure.reference is None  # the failure row does not store the megabyte either
    assert con.execute("SELECT max(length(decision_id)) FROM records").fetchone()[0] == len("lgsco:25 900 002")


def test_a_text_past_the_limit_is_refused_at_read_in_one_line(tmp_path):
    path = _jsonl(tmp_path / "r.jsonl", [{**GOOD, "text": "x" * (30 * 1024 * 1024)}, _good(2)])
    first, second = read_jsonl(path)
    assert isinstance(first, InputFailure) and isinstance(second, DecisionRecord)
    assert first.reason == (f"lgsco:25 900 001 text is 31,457,280 characters, more than the {MAX_TEXT_CHARS:,} "
                            "a decision can have (MAX_TEXT_CHARS)")


def test_a_scraped_record_past_the_limit_never_reaches_records(tmp_path):
    con = db.connect(tmp_path / "t.duckdb")
    huge = DecisionRecord(source="lgsco", reference="25 900 003", text="x" * (MAX_TEXT_CHARS + 1),
                          origin="https://www.lgo.org.uk/decisions/x/y/25-900-003")
    result = jobs.store(con, [huge], run_id=None)
    assert "MAX_TEXT_CHARS" in result.failures[0].reason
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == 0


def test_cli_load_with_bad_types_is_partial_without_traceback(tmp_path):
    path = _jsonl(tmp_path / "r.jsonl", [*(_good(i) for i in range(1, 6)), {**_good(6), "title": 7}])
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(tmp_path / "t.duckdb"), "ingest",
                          "--no-extract", str(path)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr and "ArrowTypeError" not in run.stderr
    assert f"{path}:6: title must be a string, got number" in run.stderr
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == 5


# -- property: random records of random field types and sizes ------------------------------
_ANY_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                         max_leaves=5)
_FIELDS = ("source", "reference", "url", "title", "decision_date", "category", "outcome", "text", "truncated")
_BAD_RECORD = st.fixed_dictionaries({}, optional={name: _ANY_JSON | st.text(max_size=300) for name in _FIELDS}).filter(
    lambda d: not (isinstance(d.get("source"), str) and d["source"] in ("lgsco", "phso")
                   and isinstance(d.get("reference"), str) and d["reference"].strip()
                   and isinstance(d.get("text"), str) and d["text"].strip()))  # surely not a good record


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.booleans(), _BAD_RECORD, st.sampled_from([0, 1, 5000, MAX_TEXT_CHARS + 1])),
                min_size=1, max_size=12))
def test_every_good_record_lands_and_every_bad_one_is_a_located_failure(tmp_path_factory, lines):
    tmp = tmp_path_factory.mktemp("prop")
    objects, good_refs, bad_lines = [], set(), set()
    for lineno, (good, bad, size) in enumerate(lines, start=1):
        if good:
            objects.append({**_good(lineno), "text": "Summary: fault. " + "x" * min(size, 5000)})
            good_refs.add(f"25 900 {lineno:03d}")
        elif size > MAX_TEXT_CHARS:  # a well-typed record whose text is too long
            objects.append({**_good(lineno), "text": "x" * size})
            bad_lines.add(f"r.jsonl:{lineno}")
        else:
            objects.append(bad)
            bad_lines.add(f"r.jsonl:{lineno}")
    path = _jsonl(tmp / "r.jsonl", objects)
    con = db.connect(tmp / "t.duckdb")
    try:
        jobs.ingest(con, [path])
        landed = {r[0] for r in con.execute("SELECT reference FROM records").fetchall()}
        failed = {r[0].rsplit("/", 1)[-1] for r in con.execute("SELECT origin FROM failures").fetchall()}
    finally:
        con.close()
    assert landed == good_refs
    assert failed == bad_lines

"""What the command line prints, as people use it: one renderer for every command that
prints rows, usage errors as exit 2, no traceback when a pipe closes, failures that close
once the decision lands."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import REPO
from handbuilt_db import build
from pipeline.render import render, table


def ombudsman(*args, db=None):
    cmd = [sys.executable, "-m", "pipeline.cli"] + (["--db", str(db)] if db else []) + [str(a) for a in args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=300)


def no_traceback(result) -> str:
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("output") / "t.duckdb"
    build(path).close()
    return path


# --- the renderer ---------------------------------------------------------------------------

def test_table_marks_truncation_and_right_aligns_numbers():
    text = table(["name", "amount_gbp", "n"], [("x" * 80, Decimal("5.00"), 3), ("short", Decimal("1250.50"), None)])
    lines = text.splitlines()
    assert lines[2].startswith("x" * 59 + "…  ")
    assert lines[2].endswith("   5.00  3") and lines[3].endswith("1250.50")
    assert lines[-1] == "(2 rows)"


def test_csv_writes_lists_as_json_arrays_and_json_writes_amounts_as_numbers():
    rows = [("lgsco:1", Decimal("200.00"), ["distress", "time_and_trouble"], dt.date(2024, 1, 2))]
    out = io.StringIO()
    render(["id", "amount_gbp", "purposes", "due"], rows, "csv", out)
    read = list(csv.reader(io.StringIO(out.getvalue())))
    assert read[1] == ["lgsco:1", "200.00", '["distress", "time_and_trouble"]', "2024-01-02"]
    assert json.loads(read[1][2]) == ["distress", "time_and_trouble"]
    out = io.StringIO()
    render(["id", "amount_gbp", "purposes", "due"], [rows[0], ("lgsco:2", Decimal("12.50"), [], None)], "json", out)
    assert json.loads(out.getvalue()) == [
        {"id": "lgsco:1", "amount_gbp": 200, "purposes": ["distress", "time_and_trouble"], "due": "2024-01-02"},
        {"id": "lgsco:2", "amount_gbp": 12.5, "purposes": [], "due": None}]


# --- end to end ----------------------------------------------------------------------------------

def test_query_formats_end_to_end(db):
    result = ombudsman("query", "SELECT decision_id, amount_gbp, purposes FROM payments ORDER BY amount_gbp DESC LIMIT 1",
                       "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"decision_id": "phso:P-000004", "amount_gbp": 2000, "purposes": ["distress"]}]
    result = ombudsman("query", "SELECT purposes FROM payments ORDER BY amount_gbp DESC LIMIT 1", "--format", "csv", db=db)
    assert result.stdout.splitlines() == ["purposes", '"[""distress""]"']
    result = ombudsman("query", "SELECT sentence || repeat('x', 100) AS s, amount_gbp FROM payments LIMIT 1", db=db)
    assert "…" in result.stdout


@pytest.mark.parametrize("sql", ["", "   ", "-- nothing\n", ";"])
def test_an_empty_query_is_a_usage_error(db, sql):
    result = ombudsman("query", sql, db=db)
    assert result.returncode == 2
    assert no_traceback(result).count("\n") == 1


def test_several_statements_are_refused_in_one_line(db):
    result = ombudsman("query", "SELECT 1; SELECT 2", db=db)
    assert result.returncode == 2
    assert no_traceback(result).strip() == "ombudsman query: one statement at a time (2 given): run them one by one"


@pytest.mark.parametrize("command", ['query "SELECT range FROM range(200000)"', "status", "query 'SELECT 1' --format json"])
def test_a_closed_pipe_ends_quietly(db, command):
    result = subprocess.run(f"{sys.executable} -m pipeline.cli --db {db} {command} | head -1",
                            shell=True, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.stdout.count("\n") == 1
    assert no_traceback(result) == ""


@pytest.mark.parametrize("args", [["similar", "21 000 001", "--k", "0"], ["similar", "21 000 001", "--k", "x"],
                                  ["query", "SELECT 1", "--nope"], ["status", "--format", "xml"],
                                  ["run", "--sources", "lgsco,nowhere", "--offline"], ["run", "--limit", "0"]])
def test_usage_errors_exit_2(db, args):
    result = ombudsman(*args, db=db)
    assert result.returncode == 2, result.stderr
    no_traceback(result)


def test_similar_renders_through_the_same_renderer(db):
    result = ombudsman("similar", "21 000 001", "--k", "2", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and isinstance(rows[0]["score"], float) and isinstance(rows[0]["shared terms"], list)


def test_status_closes_failures_once_the_decision_lands(tmp_path):
    db = tmp_path / "t.duckdb"
    good = {"source": "lgsco", "reference": "25 900 001", "title": "Elmshire County Council (25 900 001)",
            "text": "Summary: We found fault by Elmshire County Council (the Council) in the delay."}
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({k: v for k, v in good.items() if k != "text"}) + "\n{broken\n")
    assert ombudsman("ingest", first, db=db).returncode == 1
    before = ombudsman("status", "--format", "json", db=db)
    assert before.returncode == 0, before.stderr
    assert {(r["decision"], r["where"]) for r in json.loads(before.stdout)} == {
        ("lgsco:25 900 001", f"{first}:1"), (None, f"{first}:2")}

    fixed = tmp_path / "fixed.jsonl"
    fixed.write_text(json.dumps(good) + "\n")
    assert ombudsman("ingest", fixed, db=db).returncode == 0
    after = ombudsman("status", "--format", "json", db=db)
    # resolved: hidden by default; the malformed line names no decision, so it stays open
    assert [(r["decision"], r["where"]) for r in json.loads(after.stdout)] == [(None, f"{first}:2")]
    assert "1 resolved since" in ombudsman("status", db=db).stdout
    every = ombudsman("status", "--all", "--format", "json", db=db)
    rows = {r["decision"]: r for r in json.loads(every.stdout)}
    assert rows["lgsco:25 900 001"]["resolved"] is not None and rows[None]["resolved"] is None
    assert dt.datetime.fromisoformat(rows[None]["recorded"])  # dated

"""The command line end to end, as a user runs it: exit codes and one-line errors."""
import json
import subprocess
import sys

from conftest import REPO

GOOD = {"source": "lgsco", "reference": "25 900 001", "title": "Elmshire County Council (25 900 001)",
        "text": "Summary: We found fault by Elmshire County Council (the Council) in the delay. The Council agreed to pay Mrs X £200 for her distress."}


def ombudsman(*args, db=None, cwd=None):
    cmd = [sys.executable, "-m", "pipeline.cli"] + (["--db", str(db)] if db else []) + [str(a) for a in args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd or REPO, timeout=120)


def test_ingest_partial_batch_then_query(tmp_path):
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps(GOOD) + "\n{broken\n")
    db = tmp_path / "t.duckdb"
    result = ombudsman("ingest", records, db=db)
    assert result.returncode == 3, result.stderr
    assert f"{records}:2: malformed JSON" in result.stderr
    assert "Traceback" not in result.stderr
    out = ombudsman("query", "SELECT payer, amount_gbp FROM payments", "--format", "json", db=db)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"payer": "Elmshire County Council", "amount_gbp": 200}]
    failures = ombudsman("query", "SELECT stage, origin FROM failures", "--format", "csv", db=db)
    assert f"ingest,{records}:2" in failures.stdout


def test_query_is_read_only(tmp_path):
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps(GOOD) + "\n")
    db = tmp_path / "t.duckdb"
    ombudsman("ingest", records, db=db)
    result = ombudsman("query", "DELETE FROM payments", db=db)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "read-only" in result.stderr.lower()


def test_query_without_database_says_what_to_do(tmp_path):
    result = ombudsman("query", "SELECT 1", db=tmp_path / "none.duckdb")
    assert result.returncode == 1
    assert "run `ombudsman run` or `ombudsman ingest` first" in result.stderr


def test_annotate_prints_the_gold_format(tmp_path):
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps(GOOD) + "\n")
    result = ombudsman("annotate", records)
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    assert set(line) == {"source", "reference", "gold"}
    assert set(line["gold"]) == {"decision_date", "outcome", "fault_found", "bodies", "faults", "payments", "deadlines"}
    assert line["gold"]["payments"] == [{"payer": "Elmshire County Council", "amount": 200, "purposes": ["distress"], "status": "recommended"}]


def test_eval_scores_predictions_against_gold(tmp_path):
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps(GOOD) + "\n")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"source": "lgsco", "reference": "25 900 001", "gold": {
        "decision_date": None, "outcome": None, "fault_found": True,
        "bodies": [{"name": "Elmshire County Council", "type": "council"}],
        "faults": [{"body": "Elmshire County Council", "category": "delay"}],
        "payments": [{"payer": "Elmshire County Council", "amount": 200, "purposes": ["distress"], "status": "recommended"},
                     {"payer": "Elmshire County Council", "amount": 100, "purposes": ["distress"], "status": "recommended"}],
        "deadlines": []}}) + "\n")
    result = ombudsman("eval", records, gold, "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["fields"]["payments: amount"] == {"precision": 1.0, "recall": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1}
    assert scores["fields"]["bodies: name"]["f1"] == 1.0


def test_usage_error_exit_code():
    assert ombudsman("scrape", "nowhere").returncode == 2

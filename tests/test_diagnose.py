"""The miss report for gold that cites each fault's sentence (pipeline.diagnose)."""
import json

from pipeline.diagnose import main, misses
from pipeline.records import DecisionRecord

TEXT = ("Harwell Borough Council (25 999 201)\n\nDecision : Upheld\n\nSummary: Mrs P complained about her mother's care. "
        "The Council took nine weeks to reply to Mrs P's complaint. The Council's officers sang in the corridor. "
        "The Council has agreed to apologise to Mrs P.\n")
GOLD = {"decision_date": None, "outcome": "upheld", "fault_found": True,
        "bodies": [{"name": "Harwell Borough Council", "type": "council"}],
        "faults": [
            {"body": "Harwell Borough Council", "category": "complaint_handling",
             "sentence": "The Council took nine weeks to reply to Mrs P's complaint."},
            {"body": "Harwell Borough Council", "category": "communication",
             "sentence": "The Council's officers sang in the corridor."},
        ], "payments": [], "deadlines": []}


def test_a_sentence_with_no_failure_in_it_is_reported_as_not_a_finding(nlp) -> None:
    record = DecisionRecord(source="lgsco", reference="25 999 201", text=TEXT, title="Harwell Borough Council (25 999 201)")
    found = list(misses([record], {"25 999 201": GOLD}, nlp))
    assert [(m.category, m.kind) for m in found] == [("communication", "not a finding")]
    assert found[0].reading.startswith("summary; fault word no")


def test_the_command_reports_each_miss_and_refuses_the_sealed_holdout(tmp_path, capsys) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "records.jsonl").write_text(json.dumps({"source": "lgsco", "reference": "25 999 201", "text": TEXT,
                                                      "title": "Harwell Borough Council (25 999 201)"}) + "\n")
    (folder / "gold.jsonl").write_text(json.dumps({"source": "lgsco", "reference": "25 999 201", "gold": GOLD}) + "\n")
    assert main([str(folder)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 not a finding"
    sealed = tmp_path / "holdout"
    sealed.mkdir()
    assert main([str(sealed)]) == 1
    assert "sealed" in capsys.readouterr().err

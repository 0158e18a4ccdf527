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


def test_dev_gold_takes_the_sentences_marked_for_it(tmp_path) -> None:
    """The dev corpus's gold cites no sentences: the marked ones (by offsets into the very
    text) stand in, the describing sentence before a bare verdict."""
    import copy
    import hashlib

    from pipeline.diagnose import cite_marked_sentences

    record = DecisionRecord(source="lgsco", reference="25 999 201", text=TEXT, title=None)
    gold = copy.deepcopy(GOLD)
    for fault in gold["faults"]:
        del fault["sentence"]
    sentence = "The Council took nine weeks to reply to Mrs P's complaint."
    start = TEXT.index(sentence)
    row = {"source": "lgsco", "reference": "25 999 201", "text_sha1": hashlib.sha1(TEXT.encode("utf-8")).hexdigest(),
           "sentences": [{"start": start, "end": start + len(sentence), "kind": "described",
                          "faults": [{"body": "Harwell Borough Council", "category": "complaint_handling"}]}],
           "unlocated": []}
    marked = tmp_path / "marked.jsonl"
    marked.write_text(json.dumps(row) + "\n")
    cite_marked_sentences([record], {"25 999 201": gold}, marked)
    assert [f.get("sentence") for f in gold["faults"]] == [sentence, None]
    # marks made on another version of the text are not used
    other = DecisionRecord(source="lgsco", reference="25 999 201", text=TEXT + " More.", title=None)
    for fault in gold["faults"]:
        fault.pop("sentence", None)
    cite_marked_sentences([other], {"25 999 201": gold}, marked)
    assert [f.get("sentence") for f in gold["faults"]] == [None, None]

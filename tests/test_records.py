"""Bad input gets a clear, located error, and the rest of the batch is still read."""
import json

from pipeline.inputs import read_inputs
from pipeline.records import DecisionRecord, InputFailure, read_jsonl

GOOD = {"source": "lgsco", "reference": "25 900 001", "text": "Summary: We found fault.", "decision_date": "2025-01-20"}


def _write(path, lines):
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_malformed_line_is_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    path = _write(tmp_path / "r.jsonl", [
        json.dumps(GOOD).encode(),
        b'{"source": "lgsco", "reference": ',
        json.dumps({**GOOD, "reference": "25 900 002"}).encode(),
    ])
    results = list(read_jsonl(path))
    assert [type(r) for r in results] == [DecisionRecord, InputFailure, DecisionRecord]
    assert results[1].origin == f"{path}:2"
    assert "malformed JSON" in results[1].reason


def test_record_without_text(tmp_path):
    path = _write(tmp_path / "r.jsonl", [json.dumps({**GOOD, "text": "  "}).encode()])
    [failure] = read_jsonl(path)
    assert isinstance(failure, InputFailure)
    assert failure.reason == "lgsco:25 900 001 has no text"


def test_unparseable_and_impossible_dates(tmp_path):
    path = _write(tmp_path / "r.jsonl", [
        json.dumps({**GOOD, "decision_date": "sometime in spring"}).encode(),
        json.dumps({**GOOD, "decision_date": "2025-02-30"}).encode(),
        json.dumps({**GOOD, "decision_date": "27 Feb 2025"}).encode(),
    ])
    first, second, third = read_jsonl(path)
    assert "unreadable date 'sometime in spring'" in first.reason
    assert isinstance(second, InputFailure)
    assert third.decision_date == "2025-02-27"


def test_non_utf8_line(tmp_path):
    path = _write(tmp_path / "r.jsonl", [json.dumps(GOOD).encode(), "{\"text\": \"caf\xe9\"}".encode("latin-1")])
    good, bad = read_jsonl(path)
    assert isinstance(good, DecisionRecord)
    assert bad.reason == "not UTF-8 text"


def test_folder_with_unsupported_and_missing_files(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    results = list(read_inputs([tmp_path / "notes.txt", tmp_path / "missing.jsonl"]))
    assert [r.reason for r in results] == ["unsupported file type (expected .jsonl or .html)", "no such file"]


def test_html_page_without_article_is_a_parse_failure(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Nothing here</p></body></html>")
    [failure] = read_inputs([page])
    assert isinstance(failure, InputFailure)
    assert failure.stage == "parse"


def test_lone_surrogates_from_json_escapes_are_replaced(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"source": "lgsco", "reference": "25 900 003", "text": "fault \\ud800 here"}\n')
    [record] = read_jsonl(path)
    assert record.text == "fault \ufffd here"
    assert record.text_sha256  # encodes without error

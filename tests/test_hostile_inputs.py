"""Bad input, tried on purpose: each gives a failure row or a sane extraction, the rest
of the batch lands, and nothing crashes (tests/fixtures/bad/README.md lists the files)."""
import json
import subprocess
import sys
from decimal import Decimal

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SAMPLE

BAD = REPO / "tests" / "fixtures" / "bad"


def ombudsman(*args, db):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_hostile_corpus_lands_what_it_can(tmp_path):
    huge = tmp_path / "huge.html"
    with open(huge, "wb") as f:  # a 50 MB "page"
        f.write(b"<html><body><article id='article'><h1>Oldfield Borough Council (25 990 040)</h1>")
        f.write(b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p></article></body></html>")
    sample = json.loads((SAMPLE / "records.jsonl").read_text().splitlines()[0])
    repeated = tmp_path / "repeated.jsonl"
    # 140 times: just under MAX_TEXT_CHARS (pipeline/records.py)
    repeated.write_text(json.dumps({**sample, "reference": "25 990 050", "text": (sample["text"] + "\n") * 140}) + "\n")
    db = tmp_path / "t.duckdb"
    result = ombudsman("ingest", BAD, huge, repeated, db=db)
    assert result.returncode == 3, result.stderr  # partial: some failed, the rest landed
    assert "Traceback" not in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    failures = dict(con.execute("SELECT origin, reason FROM failures").fetchall())
    assert failures[str(BAD / "empty.jsonl")] == "empty file: no records"
    assert failures[str(BAD / "binary.jsonl")] == "binary file, not JSON lines"
    assert failures[f"{BAD / 'latin1.jsonl'}:1"] == "not UTF-8 text"
    assert failures[f"{BAD / 'broken_middle.jsonl'}:2"].startswith("malformed JSON")
    assert failures[f"{BAD / 'dates.jsonl'}:1"] == "implausible date '2099-01-01'"
    assert failures[f"{BAD / 'dates.jsonl'}:2"] == "unreadable date '2025-02-30'"
    assert failures[f"{BAD / 'not_a_record.jsonl'}:1"] == "not a JSON object"
    assert "source must be one of" in failures[f"{BAD / 'not_a_record.jsonl'}:2"]
    assert "larger than 20 MB" in failures[str(huge)]
    assert failures[str(BAD / "no_article.html")] == 'page has no decision article (<article id="article">)'
    landed = {r[0] for r in con.execute("SELECT reference FROM decisions").fetchall()}
    assert landed == {"25 990 010", "25 990 012", "25 990 022", "25 990 030", "25 990 050"}
    # "£1,00,000" and "£-50" are not sums; the £150 is.
    assert con.execute("SELECT amount_gbp FROM payments WHERE decision_id = 'lgsco:25 990 030'").fetchall() == [(Decimal("150.00"),)]
    # A text repeated 140 times is read once: the same sums as the original decision.
    original = ombudsman("annotate", SAMPLE / "records.jsonl", db=db)
    first = json.loads(original.stdout.splitlines()[0])["gold"]["payments"]
    repeated_rows = con.execute("SELECT count(*) FROM payments WHERE decision_id = 'lgsco:25 990 050'").fetchone()[0]
    assert repeated_rows == len(first)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("£0123456789,.- \nabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ():;")) |
               st.characters(), max_size=600),
       st.sampled_from(["", "Agreed action\n", "Summary: We found fault by Oldfield Borough Council (the Council). ",
                        "Recommendations:\nwithin 20 working days of the date of this report the Trust should pay £",
                        "By 31 February 2025 the Council will pay £"]))
def test_random_text_never_crashes_the_extractor(nlp, noise, lead):
    from pipeline.extraction import extract_one
    from pipeline.records import DecisionRecord

    ex = extract_one(DecisionRecord(source="lgsco", reference="00 000 000", text=lead + noise,
                                    decision_date="2025-01-31"), nlp)
    assert all(p.amount > 0 for p in ex.payments)
    for d in ex.deadlines:
        assert d.due_date is None or d.due_date.year > 2000


def test_role_words_spelt_with_characters_that_match_case_insensitively(nlp):
    """"ſ" (long s) and "İ" match "s" and "i" in a case-insensitive pattern: "the ſurgery"
    is a role mention like "the surgery", not a KeyError."""
    from pipeline.extract.bodies import GP_PRACTICE, find_role_mentions
    from pipeline.extraction import extract_one
    from pipeline.records import DecisionRecord

    found = "The ſurgery and the PRACTİCE failed to refer Mr X. This was fault by the Council."
    assert [(m.text, m.body_type) for m in find_role_mentions(found)][:2] == [
        ("The ſurgery", GP_PRACTICE), ("the PRACTİCE", GP_PRACTICE)]
    text = f"Summary: We found fault by Oldfield Borough Council (the Council).\n\nWhat I found\n{found}\n"
    ex = extract_one(DecisionRecord(source="lgsco", reference="00 000 001", text=text, decision_date="2025-01-31"), nlp)
    assert [b.name for b in ex.bodies] == ["Oldfield Borough Council"]

"""The labelled sentences of data/annotations that no generator rebuilds: well formed, and
none modelled on a decision that an evaluation set holds."""
from __future__ import annotations

import json
import re

from conftest import REPO
from pipeline.extract.vocabulary import FAULT_CATEGORIES

ANNOTATIONS = REPO / "data" / "annotations"
REAL = REPO / "data" / "real"


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_modelled_sentences_are_well_formed() -> None:
    rows = _lines(ANNOTATIONS / "modelled_sentences.jsonl")
    assert len(rows) == len({r["text"] for r in rows}) > 500
    for r in rows:
        assert isinstance(r["finding"], bool) and r["text"].strip() == r["text"], r
        assert set(r["categories"]) <= set(FAULT_CATEGORIES), r
        # (an LGSCO decision page, or since session 25 a PHSO case summary or decision report)
        assert re.match(r"https?://(?:(?:www\.)?lgo\.org\.uk/decisions/|(?:www\.|decisions\.)?ombudsman\.org\.uk/)",
                        r["modelled_on"]), r


def test_no_sentence_is_modelled_on_a_decision_of_an_evaluation_set() -> None:
    used = {r["modelled_on"] for r in _lines(ANNOTATIONS / "modelled_sentences.jsonl")}
    held = {s["url"] for path in REAL.glob("*/sources.jsonl") for s in _lines(path)}
    references = {s["reference"].replace(" ", "-") for path in REAL.glob("*/sources.jsonl") for s in _lines(path)}
    assert not used & held
    assert not {u for u in used if u.rstrip("/").rsplit("/", 1)[-1].split("?")[0] in references}

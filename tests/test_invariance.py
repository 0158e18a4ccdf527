"""What the extractor reads must not change with what does not change a decision's meaning.

Each test rewrites every decision of a set in one meaning-preserving way (its line breaks
dropped, its quotation marks straightened, two spaces after its full stops, its council
named after another place, its page's metadata or title gone) and
counts the decisions whose extraction comes out the same. A rule keyed to one corpus's
typography or names fails these where no accuracy figure would show it: the decisions it
will meet come from other pages, exports and councils.

The floors are a little under what was measured (session 18, on the code that added
`pipeline.text.with_line_breaks`); each test prints its figures.
"""
from __future__ import annotations

import csv
import dataclasses
import random
import re
from pathlib import Path
from typing import Callable

import pytest

from pipeline.evaluate import name_key, to_gold
from pipeline.extraction import extract
from pipeline.records import DecisionRecord, read_jsonl

from conftest import REPO

# The written sets the extractor was developed on (not the sealed holdout, not the blind sets).
WRITTEN = [REPO / "data" / "written" / name for name in "abcdefghijklmnopqrst"]
FIELDS = ("faults", "bodies", "payments", "deadlines", "outcome", "decision_date", "fault_found")


def _records(folder: Path) -> list[DecisionRecord]:
    return [r for r in read_jsonl(folder / "records.jsonl") if isinstance(r, DecisionRecord)]


def _view(gold: dict, rename: Callable[[str], str] = lambda name: name) -> dict:
    """An extraction's facts in a form that compares equal whatever their order."""
    key = lambda name: name_key(rename(name)) if name else ""
    return {
        "faults": sorted((key(f["body"]), f["category"]) for f in gold["faults"]),
        "bodies": sorted((key(b["name"]), b["type"]) for b in gold["bodies"]),
        "payments": sorted((key(p["payer"]), p["amount"], p["status"]) for p in gold["payments"]),
        "deadlines": sorted((key(d["body"]), d["due_date"] or "") for d in gold["deadlines"]),
        "outcome": gold["outcome"], "decision_date": gold["decision_date"], "fault_found": gold["fault_found"],
    }


def _extracted(records: list[DecisionRecord], nlp) -> dict[str, dict]:
    return {e.record.reference: to_gold(e)["gold"] for e in extract(records, nlp)}


def _same_share(records, rewrite: Callable[[DecisionRecord], DecisionRecord | None], nlp,
                rename_back: Callable[[str], Callable[[str], str]] = lambda ref: (lambda name: name)) -> dict[str, float]:
    """For each field, the share of rewritten decisions whose extraction is unchanged."""
    rewritten = [r2 for r in records if (r2 := rewrite(r)) is not None]
    assert rewritten, "nothing to rewrite"
    before = _extracted([r for r in records if r.reference in {r2.reference for r2 in rewritten}], nlp)
    after = _extracted(rewritten, nlp)
    same = {field: 0 for field in FIELDS}
    for reference, gold in after.items():
        old, new = _view(before[reference]), _view(gold, rename_back(reference))
        for field in FIELDS:
            same[field] += old[field] == new[field]
    shares = {field: n / len(after) for field, n in same.items()}
    print(f"{len(after)} decisions, unchanged: " + ", ".join(f"{f} {v:.3f}" for f, v in shares.items()))
    return shares


@pytest.fixture(scope="module")
def written_records() -> list[DecisionRecord]:
    return [r for folder in WRITTEN for r in _records(folder)]


def _flattened(record: DecisionRecord) -> DecisionRecord:
    return dataclasses.replace(record, text=re.sub(r"\s*\n\s*", " ", record.text))


def _straight_quotes(record: DecisionRecord) -> DecisionRecord:
    text = record.text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    return dataclasses.replace(record, text=text)


# Measured (session 18): every field unchanged in every dev decision but one decision's
# payments (a full decision whose remedy gives each body's actions under a subheading, which
# a flattened text loses).
FLAT_DEV_FLOORS = {"faults": 0.97, "bodies": 0.98, "payments": 0.97, "deadlines": 0.97,
                   "outcome": 0.99, "decision_date": 0.99, "fault_found": 0.99}
# Measured on written sets A-T (810 decisions): faults 0.977, bodies 0.999, payments 0.994,
# deadlines 0.983, outcome, decision date and fault found 1.0.
FLAT_WRITTEN_FLOORS = {"faults": 0.95, "bodies": 0.98, "payments": 0.97, "deadlines": 0.95,
                       "outcome": 0.99, "decision_date": 0.99, "fault_found": 0.99}


def test_dev_decisions_read_alike_without_their_line_breaks(dev_records, nlp):
    shares = _same_share(list(dev_records.values()), _flattened, nlp)
    assert {f: shares[f] for f in FIELDS if shares[f] < FLAT_DEV_FLOORS[f]} == {}


def test_written_decisions_read_alike_without_their_line_breaks(written_records, nlp):
    shares = _same_share(written_records, _flattened, nlp)
    assert {f: shares[f] for f in FIELDS if shares[f] < FLAT_WRITTEN_FLOORS[f]} == {}


def _two_spaces_after_a_full_stop(record: DecisionRecord) -> DecisionRecord:
    return dataclasses.replace(record, text=record.text.replace(". ", ".  "))


# Measured: 1.0 for every field on both, each rewrite. (Before the sentence splitter read a
# full stop across the spaces after it, two spaces left faults unchanged in 47% of the dev
# decisions and 45% of the written ones: every such sentence ran into the next.)
@pytest.mark.parametrize("rewrite", [_straight_quotes, _two_spaces_after_a_full_stop])
@pytest.mark.parametrize("where", ["dev", "written"])
def test_typography_does_not_matter(where, rewrite, request, nlp):
    records = (list(request.getfixturevalue("dev_records").values()) if where == "dev"
               else request.getfixturevalue("written_records"))
    shares = _same_share(records, rewrite, nlp)
    assert min(shares.values()) >= 0.99


def _without_title(record: DecisionRecord) -> DecisionRecord | None:
    """The record without its title, where its text opens with the title line as LGSCO
    pages do ("Leeds City Council (23 014 989)"); PHSO texts do not repeat theirs."""
    first_line = record.text.lstrip().split("\n", 1)[0]
    if not record.title or not first_line.strip().endswith(f"({record.reference})"):
        return None
    return dataclasses.replace(record, title=None)


# Measured: every field of every such decision unchanged (dev 103, written 730). Before the
# text's title line stood in for a missing title, dev bodies were unchanged in 96%.
@pytest.mark.parametrize("where", ["dev", "written"])
def test_a_record_without_its_title_reads_alike_when_the_text_opens_with_it(where, request, nlp):
    records = (list(request.getfixturevalue("dev_records").values()) if where == "dev"
               else request.getfixturevalue("written_records"))
    shares = _same_share(records, _without_title, nlp)
    assert min(shares.values()) >= 0.99


# A council named after another place: its name in the title and the text, in every form
# that spells the place ("Wigan Council", "Wigan's residents").
_COUNCIL = re.compile(r"^(.+?) (Metropolitan Borough Council|Borough Council|County Council|City Council|District Council|Council)$")


def _other_places() -> dict[str, list[str]]:
    places: dict[str, list[str]] = {}
    with open(REPO / "data" / "reference" / "bodies.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            match = _COUNCIL.match(row["canonical_name"])
            if row["body_type"] == "council" and not row["valid_to"] and match:
                places.setdefault(match.group(2), []).append(match.group(1))
    return places


def _place_swap(seed: int):
    rng, places, swaps = random.Random(seed), _other_places(), {}

    def rewrite(record: DecisionRecord) -> DecisionRecord | None:
        match = _COUNCIL.match((record.title or "").split(" (")[0].strip())
        if not match or match.group(1) not in record.text:
            return None
        old = match.group(1)
        new = rng.choice([p for p in places[match.group(2)] if p != old and p not in record.text])
        swaps[record.reference] = (old, new)
        swap = lambda s: re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, s)
        return dataclasses.replace(record, text=swap(record.text), title=swap(record.title))

    def rename_back(reference: str) -> Callable[[str], str]:
        old, new = swaps[reference]
        return lambda name: re.sub(rf"(?<!\w){re.escape(new)}(?!\w)", old, name)

    return rewrite, rename_back


@pytest.mark.parametrize("where", ["dev", "written"])
def test_a_council_named_after_another_place_reads_alike(where, request, nlp):
    """Measured: all 61 dev decisions whose title names a council by its place, and 596 of
    the 597 written ones (the one: a title's "&" the text writes "and", left unswapped)."""
    records = (list(request.getfixturevalue("dev_records").values()) if where == "dev"
               else request.getfixturevalue("written_records"))
    rewrite, rename_back = _place_swap(seed=7)
    shares = _same_share(records, rewrite, nlp, rename_back)
    assert min(shares.values()) >= 0.99


# LGSCO pages' metadata lines, from "Category :" to the decision date.
_METADATA = re.compile(r"Category\s*:.*?Decision date\s*:\s*\d{1,2} \w+ \d{4}\s*\n", re.S)


def _without_metadata(record: DecisionRecord) -> DecisionRecord | None:
    """The record as a page or an export without metadata gives it: no date, outcome or
    category, in the record or in the text. (Only records that had them.)"""
    text = _METADATA.sub("", record.text, count=1)
    if text == record.text and not (record.outcome or record.decision_date):
        return None
    return dataclasses.replace(record, text=text, outcome=None, decision_date=None, category=None)


# Measured (session 18), the share of decisions whose faults / fault_found are unchanged
# without their metadata: dev (96 with metadata) 0.990 / 0.958, written sets A-T (767)
# 0.944 / 0.939. Before a summary's remedy counted as its finding of fault when no outcome
# is given, dev was 0.906 for faults. (Outcome and date go with the metadata, and the
# deadlines counted from the date with them.)
@pytest.mark.parametrize("where, floors", [("dev", {"faults": 0.97, "fault_found": 0.94}),
                                           ("written", {"faults": 0.93, "fault_found": 0.92})])
def test_faults_do_not_depend_on_the_pages_metadata(where, floors, request, nlp):
    records = (list(request.getfixturevalue("dev_records").values()) if where == "dev"
               else request.getfixturevalue("written_records"))
    shares = _same_share(records, _without_metadata, nlp)
    assert {f: shares[f] for f in floors if shares[f] < floors[f]} == {}

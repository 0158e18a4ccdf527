"""Why the extractor missed a gold fault: for gold that cites each fault's sentence
(data/written/b, c, d: `"sentence"` in each fault; the dev corpus through the sentences
marked in data/annotations/dev_fault_sentences.jsonl), what the extractor made of that
sentence.

    python -m pipeline.diagnose data/written/c [--reference "24 980 011"]
    python -m pipeline.diagnose ../shared/corpus/dev

Each missed (body, category) pair is put in one of three kinds, the first that applies:

* `holder`: the category was found in the decision, for another body;
* `category`: the sentence was read as a finding, but not with this category;
* `not a finding`: the sentence was not read as a finding at all (or was not found).

with the sentence's section, whether it uses a fault word, its specific category cues and
the fault model's scores. Only for development sets: reading a sealed set's misses uses it up.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from pipeline import extraction as ex
from pipeline.extract import faults
from pipeline.extract.sentence import Sentence
from pipeline.evaluate import name_key
from pipeline.nlp import create_nlp
from pipeline.records import DecisionRecord, read_jsonl

MARKED = Path(__file__).resolve().parent.parent / "data" / "annotations" / "dev_fault_sentences.jsonl"


@dataclass(frozen=True)
class Miss:
    reference: str
    body: str
    category: str
    kind: str          # "holder", "category" or "not a finding"
    sentence: str
    reading: str       # what the extractor made of the sentence


def _reading(sent: Sentence | None) -> str:
    if sent is None:
        return "sentence not found among the sections read"
    cues = sorted(faults.strong_categories(sent.text))
    scores = ""
    if sent.scores is not None:
        top = sorted(sent.scores.categories.items(), key=lambda kv: -kv[1])[:3]
        scores = f"; model finding {sent.scores.finding:.2f}, topics " + ", ".join(f"{c} {p:.2f}" for c, p in top)
    return f"{sent.section}; fault word {'yes' if sent.fault_word else 'no'}; cues {cues or 'none'}{scores}"


def _sentence_of(cited: str, sentences: list[Sentence]) -> Sentence | None:
    """The extractor's sentence holding the cited one (or held by it: splits differ)."""
    head = cited.strip()[:40]
    return next((s for s in sentences if head in s.text or (s.text.strip() and s.text.strip()[:40] in cited)), None)


def misses(records: Iterable[DecisionRecord], gold: dict[str, dict], nlp=None) -> Iterator[Miss]:
    nlp = nlp or create_nlp()
    for record in records:
        g = gold.get(record.reference)
        if g is None:
            continue
        found, _, sentences = ex.extract_with_sentences(record, nlp)
        predicted = {(name_key(f.body), f.category) for f in found.faults}
        sentences = faults.split_at_initials(sentences)
        for fault in g.get("faults") or []:
            body, category = fault["body"], fault["category"]
            if (name_key(body), category) in predicted:
                continue
            sent = _sentence_of(fault.get("sentence", ""), sentences) if fault.get("sentence") else None
            if any(c == category for _, c in predicted):
                kind = "holder"
            elif sent is not None and faults.is_finding(sent, True):
                kind = "category"
            else:
                kind = "not a finding"
            yield Miss(record.reference, body, category, kind, fault.get("sentence", ""), _reading(sent))


def cite_marked_sentences(records: Iterable[DecisionRecord], gold: dict[str, dict], marked: Path = MARKED) -> None:
    """Give each gold fault without a `"sentence"` the first sentence marked as stating it
    (one that says what went wrong before a bare "That was fault."), where the marks were
    made on this very text."""
    if not marked.exists():
        return
    marks = {(row["source"], row["reference"]): row for row in map(json.loads, marked.read_text(encoding="utf-8").splitlines())}
    for record in records:
        row = marks.get((record.source, record.reference))
        g = gold.get(record.reference)
        if row is None or g is None or row["text_sha1"] != hashlib.sha1(record.text.encode("utf-8")).hexdigest():
            continue
        ordered = sorted(row["sentences"], key=lambda s: (s["kind"] != "described", s["start"]))
        for fault in g.get("faults") or []:
            if fault.get("sentence"):
                continue
            s = next((s for s in ordered if {"body": fault["body"], "category": fault["category"]} in s["faults"]), None)
            if s is not None:
                fault["sentence"] = record.text[s["start"]:s["end"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.diagnose", description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="a set with records.jsonl and gold.jsonl (faults citing their sentence)")
    ap.add_argument("--reference", help="only this decision")
    args = ap.parse_args(argv)
    if "holdout" in args.folder.parts:
        print("error: data/holdout is sealed: read only its scores (`ombudsman eval`)", file=sys.stderr)
        return 1
    try:
        records = [r for r in read_jsonl(args.folder / "records.jsonl") if isinstance(r, DecisionRecord)
                   and (args.reference is None or r.reference == args.reference)]
        gold = {json.loads(line)["reference"]: json.loads(line)["gold"]
                for line in (args.folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: cannot read {args.folder}: {exc}", file=sys.stderr)
        return 1
    cite_marked_sentences(records, gold)
    kinds: Counter[str] = Counter()
    for miss in misses(records, gold):
        kinds[miss.kind] += 1
        print(f"[{miss.kind}] {miss.reference} {miss.body}: {miss.category}\n    {miss.sentence[:240]}\n    {miss.reading}")
    print(", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) or "no misses")
    return 0


if __name__ == "__main__":
    sys.exit(main())

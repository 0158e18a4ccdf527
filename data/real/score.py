"""Score the extractor on the real decision sets of data/real, given their texts.

    .venv/bin/python data/real/score.py TEXTS.jsonl [TEXTS.jsonl ...] [--sets read,second,sixth,seventh,phso-read,...] [--kinds]

The texts are not in the repository (they are the publisher's, not ours: data/real/README.md).
Each TEXTS file is JSON Lines with at least `source`, `reference` and `text` for some of
the decisions; a text is used only when its SHA-256 is the one in the set's
`sources.jsonl`, so a figure is always on the very excerpt that was annotated. The other
fields of each record (url, title, metadata) come from `sources.jsonl`. Prints, per set,
how many texts were found and the scores of `ombudsman eval` on those decisions; with
`--kinds`, also how many fault errors are of each kind (`evaluate.fault_error_kinds`:
counts, so a scores-only set's errors can be weighed without reading any).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from pipeline.evaluate import fault_error_kinds, predict, read_gold, score  # noqa: E402
from pipeline.records import DecisionRecord  # noqa: E402

SETS = ("read", "second", "sixth", "seventh", "eighth", "phso-read", "phso-second", "phso-fourth", "ninth", "sealed", "third", "fourth", "fifth", "phso-third", "ninth-test", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "eighteenth-test", "nineteenth", "nineteenth-test", "twentieth", "twentieth-test", "twentyfirst", "twentyfirst-test", "twentysecond", "twentysecond-test")
# Scores only: nobody has read their errors. (The second set's errors were read from
# session 21 on and the eleventh's from session 25, so they are development sets now, like
# the read set: data/real/README.md.)
UNSEEN = ("sealed", "third", "fourth", "fifth", "phso-third", "ninth-test", "twelfth", "fifteenth", "eighteenth-test", "nineteenth-test", "twentieth-test", "twentyfirst-test", "twentysecond-test")


def texts_by_key(paths: list[Path]) -> dict[tuple[str, str], str]:
    out = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[(row["source"], row["reference"])] = row["text"]
    return out


def records_for(name: str, texts: dict[tuple[str, str], str]) -> tuple[list[DecisionRecord], list[str]]:
    """The set's records whose text is given and matches; and what is missing or differs."""
    records, problems = [], []
    for line in (HERE / name / "sources.jsonl").read_text(encoding="utf-8").splitlines():
        src = json.loads(line)
        text = texts.get((src["source"], src["reference"]))
        if text is None:
            problems.append(f"{src['reference']}: no text given")
        elif hashlib.sha256(text.encode("utf-8")).hexdigest() != src["text_sha256"]:
            problems.append(f"{src['reference']}: the text given is not the one annotated (SHA-256 differs)")
        else:
            records.append(DecisionRecord(source=src["source"], reference=src["reference"], text=text, url=src["url"],
                                          title=src["title"], decision_date=src["decision_date"],
                                          category=src["category"], outcome=src["outcome"], truncated=True))
    return records, problems


def _kinds_table(kinds) -> str:
    return "\n".join(["", "fault errors by kind"] + [f"  {n:4d}  {kind}" for kind, n in sorted(kinds.items())])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="+", type=Path)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--kinds", action="store_true", help="also count the fault errors of each kind")
    args = parser.parse_args(argv)
    texts = texts_by_key(args.texts)
    pooled_predictions, pooled_gold = {}, {}
    for name in args.sets.split(","):
        records, problems = records_for(name, texts)
        given = {(r.source, r.reference) for r in records}
        gold = {k: v for k, v in read_gold(HERE / name / "gold.jsonl").items() if k in given}
        print(f"== {name}: {len(records)} decisions with their annotated text ({len(problems)} missing or different)")
        for problem in problems[:10]:
            print(f"   {problem}")
        if not records:
            continue
        predictions = predict(records)
        print(score(predictions, gold).table())
        if args.kinds:
            print(_kinds_table(fault_error_kinds(predictions, gold)))
        if name in UNSEEN:
            pooled_predictions.update(predictions)
            pooled_gold.update(gold)
    unseen = [name for name in args.sets.split(",") if name in UNSEEN]
    if len(unseen) > 1 and pooled_gold:
        print(f"== the unseen sets pooled ({', '.join(unseen)}): {len(pooled_gold)} decisions")
        print(score(pooled_predictions, pooled_gold).table())
        if args.kinds:
            print(_kinds_table(fault_error_kinds(pooled_predictions, pooled_gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a layer learned on real decisions would add to the extractor's faults: measured, not shipped.

    .venv/bin/python data/real/learned_layer.py TEXTS.jsonl [TEXTS.jsonl ...] [--decision-reader]

For every body the extractor finds at fault and every category, the signals the extractor
already computes become one row (`signals`): whether the rules gave the pair and from which
section, the fault model's best score for the category among the findings, the summary and
the sentences naming the body, how often specific and broad cues name it in the findings,
the summary, the complaint, the page's subject and title, the body's type, and so on. A
logistic regression on those rows, labelled by the gold, decides the pairs instead of the
rules. It is scored twice:
- on the development sets (every set with texts outside `score.UNSEEN`) by 5-fold
  cross-validation, folds fixed by a hash of the reference, beside the extractor's own score
  on the same decisions; the threshold is the best of a few on this cross-validation;
- trained on all of them, once on the unseen sets, at that threshold.
`--from-repository` trains the layer instead on what the repository and `../shared` hold
(the written development sets a-t and the dev corpus) and scores both groups with it.
`--decision-reader` adds one more signal: a TF-IDF reader of each decision's summary,
findings and decision sections (words and characters), trained on the development sets and
the dev corpus (`../shared/corpus/dev`, when present) to say which categories the decision
holds; out of fold on the development sets.

Why it is not shipped (models/MODEL_CARD.md, session 30): it learns only from the real texts,
which the repository does not hold, so `make train` could not rebuild it; trained on what
the repository does hold (the written sets, the dev corpus) it lowers the development sets.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Iterable

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from score import SETS, UNSEEN, records_for, texts_by_key  # noqa: E402

from pipeline import text as sections  # noqa: E402
from pipeline.evaluate import name_key, read_gold  # noqa: E402
from pipeline.extract import faults as fault_rules  # noqa: E402
from pipeline.extract.bodies import BODY_TYPES  # noqa: E402
from pipeline.extract.vocabulary import FAULT_CATEGORIES  # noqa: E402
from pipeline.extraction import extract_with_sentences  # noqa: E402
from pipeline.nlp import build_nlp  # noqa: E402
from pipeline.records import DecisionRecord, read_jsonl  # noqa: E402

K = 5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
DEV_CORPUS = HERE.parent.parent.parent / "shared" / "corpus" / "dev"
READ_BY_THE_READER = (sections.SUMMARY, sections.FINDINGS, sections.DECISION)


def fold_of(reference: str) -> int:
    return int(hashlib.sha256(reference.encode("utf-8")).hexdigest(), 16) % K


def signals(record: DecisionRecord, nlp) -> list[tuple[str, str, dict[str, float]]]:
    """(body key, category, signals) for each body the extractor finds at fault and each category."""
    extraction, registry, sentences = extract_with_sentences(record, nlp)
    given = {}
    for f in extraction.faults:
        given.setdefault((name_key(f.body), f.category), f)
    at_fault = {name_key(f.body) for f in extraction.faults}
    in_fault_sections = [s for s in sentences if s.section in fault_rules.FAULT_SECTIONS]
    findings = [s for s in in_fault_sections if fault_rules.is_finding(s, True)]
    summary = [s for s in sentences if s.section == sections.SUMMARY]
    complaint = [s for s in sentences if s.section == sections.COMPLAINT]
    cues = {id(s): fault_rules.strong_categories(s.text) for s in sentences}
    broad = {id(s): fault_rules.rule_categories(s.text) for s in sentences}
    subject = fault_rules.strong_categories(record.category or "") | fault_rules.rule_categories(record.category or "")
    title = fault_rules.rule_categories(record.title or "")
    key_of = {k: name_key(b.name) for k, b in registry.bodies.items()}
    type_of = {name_key(b.name): b.body_type for b in registry.bodies.values()}

    def best(among, category: str) -> float:
        return max((s.scores.categories.get(category, 0.0) for s in among if s.scores), default=0.0)

    rows = []
    for body in sorted(at_fault):
        naming = [s for s in findings if any(key_of.get(k) == body for _, k in s.bodies)]
        for category in FAULT_CATEGORIES:
            pair = given.get((body, category))
            said = pair.provenance.sentence if pair else ""
            row = {
                "rules_gave_it": float(pair is not None),
                "rules_read_it_in_summary": float(pair is not None and pair.provenance.section == sections.SUMMARY),
                "rules_read_it_in_decision": float(pair is not None and pair.provenance.section == sections.DECISION),
                "cue_in_its_sentence": float(category in fault_rules.strong_categories(said)) if pair else 0.0,
                "broad_cue_in_its_sentence": float(category in fault_rules.rule_categories(said)) if pair else 0.0,
                "categories_of_body": float(sum(1 for b, _ in given if b == body)),
                "bodies_at_fault": float(len(at_fault)),
                "phso": float(record.source == "phso"),
                "model_best_finding": best(findings, category),
                "model_best_summary": best(summary, category),
                "model_best_fault_section": best(in_fault_sections, category),
                "model_best_naming_body": best(naming, category),
                "cue_findings": float(sum(category in cues[id(s)] for s in findings)),
                "cue_summary_not_finding": float(sum(category in cues[id(s)] for s in summary if s not in findings)),
                "cue_complaint": float(sum(category in cues[id(s)] for s in complaint)),
                "cue_naming_body": float(sum(category in cues[id(s)] for s in naming)),
                "broad_cue_findings": float(sum(category in broad[id(s)] for s in findings)),
                "broad_cue_anywhere": float(sum(category in broad[id(s)] for s in sentences)),
                "cue_in_subject": float(category in subject),
                "cue_in_title": float(category in title),
                "upheld": float(extraction.outcome == "upheld"),
                "partly_upheld": float(extraction.outcome == "partly_upheld"),
                "findings": float(len(findings)),
            }
            row.update({f"body_{t}": float(type_of.get(body) == t) for t in BODY_TYPES})
            row.update({f"category_{c}": float(c == category) for c in FAULT_CATEGORIES})
            rows.append((body, category, row))
    return rows


class Table:
    """The rows of a group of decisions, with their labels and what scoring needs."""

    def __init__(self, records: list[DecisionRecord], gold: dict[tuple[str, str], dict], nlp) -> None:
        self.records = records
        self.keys: list[tuple[str, str]] = []  # (source, reference) of each row
        self.categories: list[str] = []
        rows, labels = [], []
        for record in records:
            g = gold[(record.source, record.reference)]
            right = {(name_key(f["body"]), f["category"]) for f in g["faults"]}
            for body, category, row in signals(record, nlp):
                self.keys.append((record.source, record.reference))
                self.categories.append(category)
                rows.append(row)
                labels.append(float((body, category) in right))
        self.names = list(rows[0]) if rows else []
        self.x = np.array([[r[n] for n in self.names] for r in rows])
        self.y = np.array(labels)
        self.gold_pairs = sum(len({(name_key(f["body"]), f["category"]) for f in gold[(r.source, r.reference)]["faults"]})
                              for r in records)
        self.folds = np.array([fold_of(ref) for _, ref in self.keys])

    def with_column(self, name: str, values: np.ndarray) -> None:
        self.names.append(name)
        self.x = np.column_stack([self.x, values])

    def f1(self, chosen: np.ndarray) -> tuple[float, int, int]:
        right = int(self.y[chosen].sum())
        wrong = int(chosen.sum()) - right
        return 2 * right / (2 * right + wrong + (self.gold_pairs - right)), right, wrong


def layer():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=3000))


def out_of_fold(table: Table) -> np.ndarray:
    p = np.zeros(len(table.y))
    for k in range(K):
        held = table.folds == k
        p[held] = layer().fit(table.x[~held], table.y[~held]).predict_proba(table.x[held])[:, 1]
    return p


# --- the decision reader ------------------------------------------------------------------

def _read_text(record: DecisionRecord) -> str:
    parts = [record.text[s.start:s.end] for s in sections.split_sections(record.text) if s.kind in READ_BY_THE_READER]
    return " ".join(parts) or record.text


def _holds(gold: dict) -> list[float]:
    return [float(any(f["category"] == c for f in gold["faults"])) for c in FAULT_CATEGORIES]


def decision_reader_scores(train: list[tuple[DecisionRecord, dict]], score_on: list[DecisionRecord]) -> np.ndarray:
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200_000)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True, max_features=200_000)
    texts = [_read_text(r) for r, _ in train]
    x = sparse.hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
    reader = OneVsRestClassifier(LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced"))
    reader.fit(x, np.array([_holds(g) for _, g in train]))
    texts = [_read_text(r) for r in score_on]
    return reader.predict_proba(sparse.hstack([words.transform(texts), chars.transform(texts)]).tocsr())


def _reader_column(table: Table, by_decision: dict[tuple[str, str], np.ndarray]) -> np.ndarray:
    return np.array([by_decision[key][FAULT_CATEGORIES.index(c)] for key, c in zip(table.keys, table.categories)])


def add_decision_reader(development: Table, unseen: Table, gold: dict, extra: list[tuple[DecisionRecord, dict]]) -> None:
    labelled = [(r, gold[(r.source, r.reference)]) for r in development.records]
    scores: dict[tuple[str, str], np.ndarray] = {}
    for k in range(K):
        held = [r for r in development.records if fold_of(r.reference) == k]
        train = [pair for pair in labelled if fold_of(pair[0].reference) != k] + extra
        scores.update({(r.source, r.reference): p for r, p in zip(held, decision_reader_scores(train, held))})
    development.with_column("decision_reader", _reader_column(development, scores))
    every = decision_reader_scores(labelled + extra, unseen.records)
    unseen.with_column("decision_reader", _reader_column(unseen, {(r.source, r.reference): p for r, p in zip(unseen.records, every)}))


def _dev_corpus() -> list[tuple[DecisionRecord, dict]]:
    if not (DEV_CORPUS / "gold.jsonl").exists():
        return []
    gold = read_gold(DEV_CORPUS / "gold.jsonl")
    return [(r, gold[(r.source, r.reference)]) for r in read_jsonl(DEV_CORPUS / "records.jsonl")
            if isinstance(r, DecisionRecord) and (r.source, r.reference) in gold]


def _repository_sets() -> tuple[list[DecisionRecord], dict]:
    """The decisions the repository and ../shared hold with gold: the written development
    sets (not the blind u and v) and the dev corpus."""
    records, gold = [], {}
    for folder in sorted((HERE.parent / "written").iterdir()):
        if folder.name in ("u", "v") or not (folder / "gold.jsonl").exists():
            continue
        gold.update(read_gold(folder / "gold.jsonl"))
        records += [r for r in read_jsonl(folder / "records.jsonl") if isinstance(r, DecisionRecord)]
    for record, g in _dev_corpus():
        records.append(record)
        gold[(record.source, record.reference)] = g
    return records, gold


# --- command line -------------------------------------------------------------------------

def _load(names: Iterable[str], texts) -> tuple[list[DecisionRecord], dict]:
    records, gold = [], {}
    for name in names:
        found, _ = records_for(name, texts)
        records += found
        gold.update(read_gold(HERE / name / "gold.jsonl"))
    return records, gold


def _line(label: str, result: tuple[float, int, int]) -> str:
    f1, right, wrong = result
    return f"  {label:42s} F1 {f1:.3f}  ({right} right, {wrong} wrong)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="+", type=Path)
    parser.add_argument("--decision-reader", action="store_true", help="add a TF-IDF reader of the whole decision")
    parser.add_argument("--from-repository", action="store_true",
                        help="train the layer on the written sets a-t and the dev corpus instead")
    args = parser.parse_args(argv)
    texts = texts_by_key(args.texts)
    nlp = build_nlp()
    dev_records, dev_gold = _load([n for n in SETS if n not in UNSEEN], texts)
    unseen_records, unseen_gold = _load(UNSEEN, texts)
    if not dev_records or not unseen_records:
        print("no texts given for the development or the unseen sets", file=sys.stderr)
        return 2
    development, unseen = Table(dev_records, dev_gold, nlp), Table(unseen_records, unseen_gold, nlp)
    if args.decision_reader:
        add_decision_reader(development, unseen, dev_gold, _dev_corpus())
    rules = development.names.index("rules_gave_it")
    if args.from_repository:
        ours = Table(*_repository_sets(), nlp)
        fitted = layer().fit(ours.x, ours.y)
        print(f"the layer trained on {len(ours.records)} decisions of the written sets and the dev corpus")
        for label, table in (("development sets", development), ("unseen sets", unseen)):
            p = fitted.predict_proba(table.x)[:, 1]
            print(f"{label}: {len(table.records)} decisions")
            print(_line("the extractor's rules", table.f1(table.x[:, rules] == 1)))
            for t in THRESHOLDS:
                print(_line(f"the layer at {t}", table.f1(p >= t)))
        return 0

    print(f"development sets: {len(dev_records)} decisions, {development.gold_pairs} gold pairs; "
          f"{K}-fold cross-validation of the layer")
    print(_line("the extractor's rules", development.f1(development.x[:, rules] == 1)))
    p = out_of_fold(development)
    results = {t: development.f1(p >= t) for t in THRESHOLDS}
    for t, result in results.items():
        print(_line(f"the layer at {t}", result))
    chosen = max(results, key=lambda t: results[t][0])
    print(f"unseen sets: {len(unseen_records)} decisions, {unseen.gold_pairs} gold pairs; the layer trained on the "
          f"development sets, at {chosen}")
    print(_line("the extractor's rules", unseen.f1(unseen.x[:, rules] == 1)))
    fitted = layer().fit(development.x, development.y)
    print(_line(f"the layer at {chosen}", unseen.f1(fitted.predict_proba(unseen.x)[:, 1] >= chosen)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

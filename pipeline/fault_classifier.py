"""Sentence-level fault classifier: is this sentence the Ombudsman finding fault, and of what kind?

Two linear models over TF-IDF features:

* ``finding``: one binary logistic regression — the sentence states a finding of fault
  (maladministration, service failure, "a failing"), as opposed to an allegation, a
  "no fault" finding, background, law, a remedy or the Ombudsman's role text;
* ``categories``: one-vs-rest logistic regressions for the 14 fault categories of
  ANNOTATION.md, trained on finding sentences only, so they answer "if this is a finding,
  what is it about?".

The model is stored as JSON (vocabulary, idf, coefficients, intercepts, thresholds,
metadata) — never pickle — and prediction needs only numpy and scipy: the TF-IDF transform
is re-implemented here from the stored vocabulary and idf, and checked against
scikit-learn's at training time. scikit-learn is imported only to train.

Library use::

    clf = FaultClassifier.load("models/fault_classifier.json")
    preds = clf.predict(["The Council was at fault for the delay in completing the assessment."])
    clf.labels(preds[0])            # -> ["delay", "assessment"] when it is a finding, else []

CLI::

    python -m pipeline.fault_classifier train data/annotations/fault_sentences.jsonl models/fault_classifier.json
    python -m pipeline.fault_classifier eval-dev /work/shared/corpus/dev
    python -m pipeline.fault_classifier predict "This was fault." "Mrs X complains the ICB failed to ..."
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np
import scipy.sparse as sp

FORMAT = "fault-classifier/1"
SEED = 13
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "fault_classifier.json"

CATEGORIES: tuple[str, ...] = (
    "delay", "complaint_handling", "communication", "assessment", "decision_making",
    "care_planning", "service_provision", "care_quality", "commissioning",
    "provider_oversight", "joint_working", "safeguarding", "record_keeping",
    "charging_funding",
)

# Feature settings. Word 1-2-grams carry the frame ("was at fault for" vs "complains");
# character n-grams inside word boundaries make the category models robust to inflection
# ("commissioned"/"commissioning", "assess"/"reassessment") and to unseen body names.
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
CHAR_MIN_DF = 3
C_FINDING = 4.0
C_CATEGORY = 8.0
SIG_DIGITS = 6  # stored precision; the in-memory model is rounded the same way

# sklearn's default token pattern, so the stored vocabulary means the same thing here.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE = re.compile(r"\s\s+")
# Words that mark a sentence worth scoring in a decision (eval-dev).
FAULT_CUE = re.compile(r"\b(fault|faults|failing|failings|failed)\b", re.I)


# --- prediction ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """Probabilities for one sentence."""

    finding: float
    categories: dict[str, float] = field(default_factory=dict)


def labels(prediction: Prediction, threshold: float | dict[str, float] = 0.5,
           finding_threshold: float = 0.5) -> list[str]:
    """The categories of a sentence that is a finding; ``[]`` when it is not a finding.

    ``threshold`` is one cut-off for all categories or one per category.
    """
    if prediction.finding < finding_threshold:
        return []
    cut = (lambda c: threshold.get(c, 0.5)) if isinstance(threshold, dict) else (lambda c: threshold)
    return [c for c, p in prediction.categories.items() if p >= cut(c)]


def _word_ngram_groups(tokens: list[str], ngram_range: tuple[int, int]) -> Iterator[Iterable[str]]:
    """sklearn's word n-grams of a token list, one iterable per n: the 1-grams, the 2-grams, ..."""
    lo, hi = ngram_range
    for n in range(lo, hi + 1):
        yield tokens if n == 1 else map(" ".join, zip(*(tokens[k:] for k in range(n))))


def _word_terms(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """sklearn's word analyzer: lowercase, default token pattern, n-grams joined by a space."""
    return list(chain.from_iterable(_word_ngram_groups(_TOKEN.findall(text.lower()), ngram_range)))


def _char_wb_words(text: str) -> list[str]:
    """The lower-cased words ``char_wb`` takes its n-grams from (sklearn's whitespace handling)."""
    return _WHITE.sub(" ", text.lower()).split()


def _padded_char_ngrams(word: str, ngram_range: tuple[int, int]) -> list[str]:
    """sklearn's ``char_wb`` n-grams of one word: n-grams of the space-padded word."""
    w = f" {word} "
    lo, hi = ngram_range
    out: list[str] = []
    for n in range(lo, hi + 1):
        if len(w) <= n:  # a short word is counted once, whole, and no longer n-gram is tried
            out.append(w)
            break
        out.extend(w[i:i + n] for i in range(len(w) - n + 1))
    return out


def _char_wb_terms(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """sklearn's ``char_wb`` analyzer: n-grams inside space-padded words."""
    return [g for word in _char_wb_words(text) for g in _padded_char_ngrams(word, ngram_range)]


# Bound on a block's word -> char n-gram ids cache. Prose reuses few words, so almost every
# word is a hit after the first few hundred sentences; but numbers, references and names
# never stop arriving, so on a long run the cache is cleared when it passes this size
# (as spaCy's tokenizer cache is) rather than growing without limit. 200,000 entries of
# ordinary words are about 30 MB.
_WORD_CACHE_MAX = 200_000


def _sublinear_tfidf(ends: list[int], ids: list[int], idf: np.ndarray) -> sp.csr_matrix:
    """sklearn's TfidfVectorizer output (sublinear tf, idf, l2 norm) from term ids per row.

    Row ``r`` holds ``ids[ends[r]:ends[r + 1]]``, one id per occurrence of a vocabulary term.
    Works on the CSR arrays directly: one sort-and-sum of duplicates, then vectorised
    arithmetic on the data array, with no intermediate sparse products.
    """
    n_rows, n_terms = len(ends) - 1, len(idf)
    # int32 is the index type scipy would pick (and convert to) anyway; too many ids raise
    # OverflowError here rather than wrap
    x = sp.csr_matrix((np.ones(len(ids)), np.asarray(ids, dtype=np.int32),
                       np.asarray(ends, dtype=np.int32)), shape=(n_rows, n_terms))
    x.sum_duplicates()  # one entry per (row, term), whose value is the term's count
    data = (1.0 + np.log(x.data)) * idf[x.indices]
    row_of = np.repeat(np.arange(n_rows), np.diff(x.indptr))
    norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n_rows))
    norms[norms == 0.0] = 1.0  # a row with no vocabulary term stays all zero
    data *= (1.0 / norms)[row_of]
    x.data = data
    return x


@dataclass
class TfidfBlock:
    """One TF-IDF vectoriser (sublinear tf, idf, l2 norm) rebuilt from its vocabulary and idf."""

    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    terms: list[str]
    idf: np.ndarray

    def __post_init__(self) -> None:
        self.index = {t: i for i, t in enumerate(self.terms)}
        # lower-cased word -> vocabulary ids of its char_wb n-grams (see _WORD_CACHE_MAX)
        self._word_cache: dict[str, tuple[int, ...]] = {}

    def analyse(self, text: str) -> list[str]:
        if self.analyzer == "word":
            return _word_terms(text, self.ngram_range)
        return _char_wb_terms(text, self.ngram_range)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        add_ids = self._add_word_ids if self.analyzer == "word" else self._add_char_wb_ids
        ids: list[int] = []
        ends = [0]
        for text in texts:
            add_ids(text, ids)
            ends.append(len(ids))
        return _sublinear_tfidf(ends, ids, self.idf)

    # The _add_*_ids methods find the terms `analyse` finds, but go straight to vocabulary ids
    # and append them to one list for the whole batch: per-term Python work is what prediction
    # costs, so it is kept to one dict lookup per word n-gram and, for char n-grams, to none
    # at all for a word already in the cache.

    def _add_word_ids(self, text: str, out: list[int]) -> None:
        get = self.index.get
        for grams in _word_ngram_groups(_TOKEN.findall(text.lower()), self.ngram_range):
            out += [i for i in map(get, grams) if i is not None]

    def _add_char_wb_ids(self, text: str, out: list[int]) -> None:
        cache = self._word_cache
        if len(cache) > _WORD_CACHE_MAX:
            cache.clear()
        for word in _char_wb_words(text):
            ids = cache.get(word)
            if ids is None:
                ids = cache[word] = self._char_wb_word_ids(word)
            out += ids

    def _char_wb_word_ids(self, word: str) -> tuple[int, ...]:
        get = self.index.get
        return tuple(i for i in map(get, _padded_char_ngrams(word, self.ngram_range)) if i is not None)

    def to_dict(self) -> dict[str, Any]:
        return {"analyzer": self.analyzer, "ngram_range": list(self.ngram_range),
                "vocabulary": self.terms, "idf": self.idf.tolist()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TfidfBlock":
        return cls(d["analyzer"], (int(d["ngram_range"][0]), int(d["ngram_range"][1])),
                   list(d["vocabulary"]), np.asarray(d["idf"], dtype=np.float64))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _round(a: np.ndarray) -> np.ndarray:
    """Round to the stored precision, so a saved and reloaded model predicts identically."""
    return np.array([float(f"{v:.{SIG_DIGITS}g}") for v in np.ravel(a)]).reshape(np.shape(a))


@dataclass
class FaultClassifier:
    """Finding + category scorer. Build with `train` or `load`; score with `predict`."""

    blocks: list[TfidfBlock]
    finding_coef: np.ndarray            # (n_features,)
    finding_intercept: float
    category_labels: list[str]
    category_coef: np.ndarray           # (n_features, n_labels)
    category_intercept: np.ndarray      # (n_labels,)
    finding_threshold: float = 0.5
    category_thresholds: dict[str, float] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    def features(self, sentences: Sequence[str]) -> sp.csr_matrix:
        return sp.hstack([b.transform(sentences) for b in self.blocks], format="csr")

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        """Probabilities for each sentence: one sparse matrix product per model for the batch."""
        if not sentences:
            return []
        x = self.features(sentences)
        p_find = _sigmoid(x @ self.finding_coef + self.finding_intercept)
        p_cat = _sigmoid(np.asarray(x @ self.category_coef) + self.category_intercept)
        # .tolist() turns the arrays into Python floats in C, not one numpy scalar at a time
        cats = self.category_labels
        return [Prediction(f, dict(zip(cats, row))) for f, row in zip(p_find.tolist(), p_cat.tolist())]

    def labels(self, prediction: Prediction) -> list[str]:
        """`labels` with this model's stored thresholds."""
        return labels(prediction, self.category_thresholds or 0.5, self.finding_threshold)

    # -- persistence --

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": [b.to_dict() for b in self.blocks],
            "finding": {"coef": self.finding_coef.tolist(), "intercept": self.finding_intercept,
                        "threshold": self.finding_threshold},
            "categories": {"labels": self.category_labels,
                           # one row per label: easier to read than a features x labels matrix
                           "coef": self.category_coef.T.tolist(),
                           "intercept": self.category_intercept.tolist(),
                           "thresholds": self.category_thresholds},
            "metadata": self.metadata,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "FaultClassifier":
        if d.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model (format={d.get('format')!r})")
        cats = d["categories"]
        return cls(
            blocks=[TfidfBlock.from_dict(b) for b in d["features"]],
            finding_coef=np.asarray(d["finding"]["coef"], dtype=np.float64),
            finding_intercept=float(d["finding"]["intercept"]),
            category_labels=list(cats["labels"]),
            category_coef=np.asarray(cats["coef"], dtype=np.float64).T.copy(),
            category_intercept=np.asarray(cats["intercept"], dtype=np.float64),
            finding_threshold=float(d["finding"].get("threshold", 0.5)),
            category_thresholds={k: float(v) for k, v in cats.get("thresholds", {}).items()},
            metadata=d.get("metadata", {}),
        )

    def save(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> "FaultClassifier":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


# --- training (needs scikit-learn) --------------------------------------------------------


@dataclass(frozen=True)
class Example:
    text: str
    finding: bool
    categories: tuple[str, ...]


def read_examples(path: str | Path) -> list[Example]:
    out: list[Example] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        unknown = set(row.get("categories", [])) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"{path}:{n}: unknown categories {sorted(unknown)}")
        out.append(Example(row["text"], bool(row["finding"]), tuple(row.get("categories", []))))
    return out


def _fit_blocks(texts: Sequence[str]) -> list[TfidfBlock]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    blocks = []
    for analyzer, ngrams, min_df in (("word", WORD_NGRAMS, 1), ("char_wb", CHAR_NGRAMS, CHAR_MIN_DF)):
        vec = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, min_df=min_df,
                              sublinear_tf=True, lowercase=True, dtype=np.float64)
        ref = vec.fit_transform(texts)
        terms = [""] * len(vec.vocabulary_)
        for t, i in vec.vocabulary_.items():
            terms[i] = t
        block = TfidfBlock(analyzer, ngrams, terms, _round(vec.idf_))
        # Our transform must be sklearn's (up to the stored idf precision).
        ours = block.transform(texts)
        if abs(ours - ref).max() > 1e-4:
            raise AssertionError(f"{analyzer} TF-IDF re-implementation differs from scikit-learn")
        blocks.append(block)
    return blocks


def train(examples: Sequence[Example], seed: int = SEED) -> FaultClassifier:
    """Fit features and both models on ``examples``."""
    from sklearn.linear_model import LogisticRegression

    texts = [e.text for e in examples]
    blocks = _fit_blocks(texts)
    x = sp.hstack([b.transform(texts) for b in blocks], format="csr")
    y = np.array([e.finding for e in examples], dtype=int)
    lr = LogisticRegression(C=C_FINDING, class_weight="balanced", max_iter=2000, random_state=seed)
    lr.fit(x, y)

    find_idx = np.flatnonzero(y == 1)
    xf = x[find_idx]
    coefs, intercepts = [], []
    for cat in CATEGORIES:
        yc = np.array([cat in examples[i].categories for i in find_idx], dtype=int)
        m = LogisticRegression(C=C_CATEGORY, class_weight="balanced", max_iter=2000, random_state=seed)
        m.fit(xf, yc)
        coefs.append(m.coef_.ravel())
        intercepts.append(m.intercept_[0])
    return FaultClassifier(
        blocks=blocks,
        finding_coef=_round(lr.coef_.ravel()),
        finding_intercept=float(_round(lr.intercept_)[0]),
        category_labels=list(CATEGORIES),
        category_coef=_round(np.vstack(coefs).T),
        category_intercept=_round(np.array(intercepts)),
        category_thresholds={c: 0.5 for c in CATEGORIES},
    )


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(model: FaultClassifier, examples: Sequence[Example]) -> dict[str, Any]:
    """Finding accuracy/F1 on all examples; category micro/macro F1 on the gold findings."""
    preds = model.predict([e.text for e in examples])
    gold_f = np.array([e.finding for e in examples])
    pred_f = np.array([p.finding >= model.finding_threshold for p in preds])
    tp = int((gold_f & pred_f).sum())
    fp = int((~gold_f & pred_f).sum())
    fn = int((gold_f & ~pred_f).sum())
    out: dict[str, Any] = {"n": len(examples), "finding_accuracy": float((gold_f == pred_f).mean()),
                           "finding_f1": _prf(tp, fp, fn)[2]}
    per: dict[str, float] = {}
    totals = [0, 0, 0]
    for cat in model.category_labels:
        thr = model.category_thresholds.get(cat, 0.5)
        c_tp = c_fp = c_fn = 0
        for e, p in zip(examples, preds):
            if not e.finding:
                continue
            g, h = cat in e.categories, p.categories[cat] >= thr
            c_tp += g and h
            c_fp += h and not g
            c_fn += g and not h
        per[cat] = round(_prf(c_tp, c_fp, c_fn)[2], 3)
        totals = [totals[0] + c_tp, totals[1] + c_fp, totals[2] + c_fn]
    out["category_micro_f1"] = _prf(*totals)[2]
    out["category_macro_f1"] = float(np.mean(list(per.values())))
    out["category_f1"] = per
    return out


def _split(examples: Sequence[Example], seed: int) -> tuple[list[Example], list[Example]]:
    """Stratified 80/20 split on finding + first category."""
    from sklearn.model_selection import train_test_split

    keys = [f"{e.finding}:{e.categories[0] if e.categories else ''}" for e in examples]
    counts = Counter(keys)
    keys = [k if counts[k] >= 5 else f"{k.split(':')[0]}:rare" for k in keys]
    idx = np.arange(len(examples))
    tr, te = train_test_split(idx, test_size=0.2, random_state=seed, stratify=keys)
    return [examples[i] for i in tr], [examples[i] for i in te]


def train_and_report(data: Path, out: Path, seed: int = SEED) -> dict[str, Any]:
    start = time.perf_counter()
    examples = read_examples(data)
    tr, te = _split(examples, seed)
    held_out = evaluate(train(tr, seed), te)
    model = train(examples, seed)
    seconds = time.perf_counter() - start
    model.metadata = {
        "trained_on": str(data), "n_examples": len(examples),
        "n_findings": sum(e.finding for e in examples),
        "category_counts": {c: sum(c in e.categories for e in examples) for c in CATEGORIES},
        "seed": seed, "features": {"word_ngrams": list(WORD_NGRAMS), "char_wb_ngrams": list(CHAR_NGRAMS),
                                   "char_min_df": CHAR_MIN_DF, "sublinear_tf": True,
                                   "n_features": int(sum(len(b.terms) for b in model.blocks))},
        "regularisation": {"C_finding": C_FINDING, "C_category": C_CATEGORY, "class_weight": "balanced"},
        "held_out": {"fraction": 0.2, "n_train": len(tr), "n_test": len(te), **held_out},
        "train_seconds": round(seconds, 1),
    }
    model.save(out)
    return model.metadata


# --- evaluation on real decisions ---------------------------------------------------------


def split_sentences(text: str) -> list[str]:
    """Rough sentence split for decision text: lines, bullets, then sentence ends."""
    out: list[str] = []
    for line in text.splitlines():
        for part in re.split(r"\s*[•▪]\s*", line):
            for s in re.split(r"(?<=[.!?;])\s+(?=[A-Z‘'\"(])", part.strip()):
                s = re.sub(r"^(?:[-–]\s*|\d+\.\s+)", "", s.strip())
                if len(s) > 3:
                    out.append(s)
    return out


def eval_dev(model: FaultClassifier, corpus: Path, gate: bool = True,
             verbose: bool = False) -> dict[str, Any]:
    """Per-decision category P/R/F1 against gold faults, from fault-cue sentences only.

    For every dev decision with gold faults, score the sentences containing "fault",
    "failing" or "failed"; a decision's predicted categories are the union over those
    sentences (only sentences predicted to be findings when ``gate``).
    """
    gold = {(g["source"], g["reference"]): g["gold"]
            for g in map(json.loads, (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    tp = fp = fn = 0
    per_doc: list[dict[str, Any]] = []
    for rec in map(json.loads, (corpus / "records.jsonl").read_text(encoding="utf-8").splitlines()):
        g = gold.get((rec["source"], rec["reference"]))
        gold_cats = {f["category"] for f in (g or {}).get("faults") or []}
        if not gold_cats:
            continue
        sents = [s for s in split_sentences(rec["text"]) if FAULT_CUE.search(s)]
        predicted: set[str] = set()
        for s, p in zip(sents, model.predict(sents)):
            predicted.update(model.labels(p) if gate else
                             [c for c, v in p.categories.items() if v >= model.category_thresholds.get(c, 0.5)])
        d_tp, d_fp, d_fn = len(predicted & gold_cats), len(predicted - gold_cats), len(gold_cats - predicted)
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn
        per_doc.append({"reference": rec["reference"], "gold": sorted(gold_cats),
                        "predicted": sorted(predicted), "f1": round(_prf(d_tp, d_fp, d_fn)[2], 3)})
        if verbose:
            print(f"{rec['reference']:>14}  F1 {per_doc[-1]['f1']:.2f}  gold={sorted(gold_cats)}  "
                  f"pred={sorted(predicted)}")
    p, r, f = _prf(tp, fp, fn)
    return {"decisions": len(per_doc), "gated_by_finding": gate, "micro_precision": round(p, 3),
            "micro_recall": round(r, 3), "micro_f1": round(f, 3),
            "macro_f1": round(float(np.mean([d["f1"] for d in per_doc])) if per_doc else 0.0, 3),
            "per_decision": per_doc}


# --- CLI ----------------------------------------------------------------------------------


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.fault_classifier", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train on a fault_sentences.jsonl file and write the JSON model")
    t.add_argument("data", type=Path)
    t.add_argument("model", type=Path)
    t.add_argument("--seed", type=int, default=SEED)
    e = sub.add_parser("eval-dev", help="per-decision category scores on a corpus dir (records+gold)")
    e.add_argument("corpus", type=Path)
    e.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    e.add_argument("--no-gate", action="store_true", help="do not require the sentence to be a finding")
    e.add_argument("-v", "--verbose", action="store_true")
    pr = sub.add_parser("predict", help="score sentences given as arguments (or stdin lines)")
    pr.add_argument("sentences", nargs="*")
    pr.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    args = ap.parse_args(list(argv) if argv is not None else None)

    try:
        if args.cmd == "train":
            meta = train_and_report(args.data, args.model, args.seed)
            h = meta["held_out"]
            print(f"trained on {meta['n_examples']} sentences ({meta['n_findings']} findings), "
                  f"{meta['features']['n_features']} features, in {meta['train_seconds']}s")
            print(f"held-out ({h['n_test']} sentences): finding accuracy {h['finding_accuracy']:.3f}, "
                  f"finding F1 {h['finding_f1']:.3f}; categories micro F1 {h['category_micro_f1']:.3f}, "
                  f"macro F1 {h['category_macro_f1']:.3f}")
            print(f"wrote {args.model}")
        elif args.cmd == "eval-dev":
            res = eval_dev(FaultClassifier.load(args.model), args.corpus, not args.no_gate, args.verbose)
            print(f"{res['decisions']} decisions with gold faults; per-decision categories: "
                  f"micro P {res['micro_precision']:.3f} R {res['micro_recall']:.3f} "
                  f"F1 {res['micro_f1']:.3f}; macro F1 {res['macro_f1']:.3f}")
        else:
            clf = FaultClassifier.load(args.model)
            sents = args.sentences or [l.strip() for l in sys.stdin if l.strip()]
            for s, p in zip(sents, clf.predict(sents)):
                top = sorted(p.categories.items(), key=lambda kv: -kv[1])[:3]
                print(json.dumps({"text": s, "finding": round(p.finding, 3), "labels": clf.labels(p),
                                  "top": {k: round(v, 3) for k, v in top}}, ensure_ascii=False))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

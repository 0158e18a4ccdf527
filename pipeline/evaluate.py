"""Predictions in the gold format of ANNOTATION.md, and scores against gold.

Matching rules (the same for every field, so figures compare across runs):
- names match after normalising case, punctuation, "&"/"and", a leading "the", "Ltd"/
  "Limited", and "Integrated Care Board"/"ICB", "Clinical Commissioning Group"/"CCG";
- list fields are multisets: two £500 payments in gold need two in the prediction;
- status and purposes are scored on payments matched by amount and payer; body type on
  bodies matched by name.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipeline.extract.vocabulary import FAULT_CATEGORIES
from pipeline.extract import registry
from pipeline.extraction import Extraction, extract


def _num(value) -> float | int:
    f = float(value)
    return int(f) if f.is_integer() else f


def to_gold(ex: Extraction, remedies: bool = False) -> dict:
    """One prediction line, exactly in the gold format; with `remedies`, also the
    remedies list the sample's gold adds (docs/remedies.md)."""
    line = {
        "source": ex.record.source,
        "reference": ex.record.reference,
        "gold": {
            "decision_date": ex.decision_date.isoformat() if ex.decision_date else None,
            "outcome": ex.outcome,
            "fault_found": ex.fault_found,
            "bodies": [{"name": b.name, "type": b.body_type} for b in ex.bodies],
            "faults": [{"body": f.body, "category": f.category} for f in ex.faults],
            "payments": [
                {"payer": p.payer, "amount": _num(p.amount), "purposes": p.purposes, "status": p.status}
                for p in ex.payments
            ],
            "deadlines": [
                {"body": d.body, "due_date": d.due_date.isoformat() if d.due_date else None,
                 "due_text": d.due_text, "actions": d.actions}
                for d in ex.deadlines
            ],
        },
    }
    if remedies:
        line["gold"]["remedies"] = [
            {"body": r.body, "kind": r.kind, "for_whom": r.for_whom, "due_date": r.due_date.isoformat() if r.due_date else None,
             "theme": r.theme, "amount": _num(r.amount) if r.amount is not None else None, "action": r.action}
            for r in ex.remedies
        ]
    return line


def name_key(name: str | None) -> str:
    return registry.expand_key(registry.name_key(name)) if name else ""


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, pred: Iterable, gold: Iterable) -> None:
        p, g = Counter(pred), Counter(gold)
        overlap = sum((p & g).values())
        self.tp += overlap
        self.fp += sum(p.values()) - overlap
        self.fn += sum(g.values()) - overlap

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Scores:
    decisions: int = 0
    fields: dict[str, Tally] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    by_category: dict[str, Tally] = field(default_factory=dict)  # faults (body, category), one category at a time

    def tally(self, name: str) -> Tally:
        return self.fields.setdefault(name, Tally())

    def accuracy(self, name: str) -> Accuracy:
        return self.accuracies.setdefault(name, Accuracy())

    def as_dict(self) -> dict:
        return {
            "decisions": self.decisions,
            "fields": {k: {"precision": round(t.precision, 3), "recall": round(t.recall, 3), "f1": round(t.f1, 3),
                           "tp": t.tp, "fp": t.fp, "fn": t.fn} for k, t in self.fields.items()},
            "accuracy": {k: {"accuracy": round(a.value, 3), "n": a.total} for k, a in self.accuracies.items()},
            "faults_by_category": {k: {"precision": round(t.precision, 3), "recall": round(t.recall, 3),
                                       "f1": round(t.f1, 3), "tp": t.tp, "fp": t.fp, "fn": t.fn}
                                   for k, t in self.by_category.items()},
        }

    def category_table(self) -> str:
        """Faults (body, category) scored one category at a time."""
        lines = [f"{'faults: body+category, by category':32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, t in self.by_category.items():
            lines.append(f"  {name:30} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:5d} {t.fp:5d} {t.fn:5d}")
        return "\n".join(lines)

    def table(self) -> str:
        lines = [f"{self.decisions} decisions", "",
                 f"{'field':32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, t in self.fields.items():
            lines.append(f"{name:32} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:5d} {t.fp:5d} {t.fn:5d}")
        lines += ["", f"{'accuracy':32} {'acc':>6} {'n':>5}"]
        for name, a in self.accuracies.items():
            lines.append(f"{name:32} {a.value:6.3f} {a.total:5d}")
        return "\n".join(lines)


FIELD_ORDER = [
    "bodies: name", "faults: body+category", "faults: category per decision",
    "payments: amount", "payments: amount+payer", "deadlines: due_date", "deadlines: due_date+body",
]
ACCURACY_ORDER = ["outcome", "fault_found", "decision_date", "bodies: type (matched)",
                  "payments: status (matched)", "payments: purposes (matched)"]


def score(predictions: dict[tuple[str, str], dict], gold: dict[tuple[str, str], dict]) -> Scores:
    """Score predictions (gold-format dicts keyed by (source, reference)) against gold."""
    s = Scores()
    for name in FIELD_ORDER:
        s.tally(name)
    for name in ACCURACY_ORDER:
        s.accuracy(name)
    for key, g in gold.items():
        p = predictions.get(key)
        if p is None:
            s.errors.append(f"{key[0]}:{key[1]}: no prediction")
            p = {"bodies": [], "faults": [], "payments": [], "deadlines": [], "outcome": None,
                 "fault_found": None, "decision_date": None}
        s.decisions += 1
        for fld in ("outcome", "fault_found", "decision_date"):
            s.accuracy(fld).add(p.get(fld) == g.get(fld))
        pb = {name_key(b["name"]): b["type"] for b in p["bodies"]}
        gb = {name_key(b["name"]): b["type"] for b in g["bodies"]}
        s.tally("bodies: name").add(list(pb), list(gb))
        for k in set(pb) & set(gb):
            s.accuracy("bodies: type (matched)").add(pb[k] == gb[k])
        s.tally("faults: body+category").add(
            {(name_key(f["body"]), f["category"]) for f in p["faults"]},
            {(name_key(f["body"]), f["category"]) for f in g["faults"]})
        for category in FAULT_CATEGORIES:
            s.by_category.setdefault(category, Tally()).add(
                {(name_key(f["body"]), f["category"]) for f in p["faults"] if f["category"] == category},
                {(name_key(f["body"]), f["category"]) for f in g["faults"] if f["category"] == category})
        s.tally("faults: category per decision").add({f["category"] for f in p["faults"]}, {f["category"] for f in g["faults"]})
        s.tally("payments: amount").add([float(x["amount"]) for x in p["payments"]], [float(x["amount"]) for x in g["payments"]])
        s.tally("payments: amount+payer").add(
            [(float(x["amount"]), name_key(x["payer"])) for x in p["payments"]],
            [(float(x["amount"]), name_key(x["payer"])) for x in g["payments"]])
        unmatched = list(p["payments"])
        for gp in g["payments"]:
            for cand in unmatched:
                if float(cand["amount"]) == float(gp["amount"]) and name_key(cand["payer"]) == name_key(gp["payer"]):
                    unmatched.remove(cand)
                    s.accuracy("payments: status (matched)").add(cand["status"] == gp["status"])
                    s.accuracy("payments: purposes (matched)").add(set(cand["purposes"]) == set(gp["purposes"]))
                    break
        s.tally("deadlines: due_date").add([d["due_date"] for d in p["deadlines"]], [d["due_date"] for d in g["deadlines"]])
        s.tally("deadlines: due_date+body").add(
            [(d["due_date"], name_key(d["body"])) for d in p["deadlines"]],
            [(d["due_date"], name_key(d["body"])) for d in g["deadlines"]])
        if "remedies" in g:  # only the gold that has them (the sample's): see docs/remedies.md
            _score_remedies(s, p.get("remedies", []), g["remedies"])
    return s


def _score_remedies(s: Scores, pred: list[dict], gold: list[dict]) -> None:
    """Remedies as multisets of (body, kind), of (body, kind, due date), and the systemic
    ones' themes as (body, theme)."""
    s.tally("remedies: kind+body").add([(name_key(r["body"]), r["kind"]) for r in pred],
                                       [(name_key(r["body"]), r["kind"]) for r in gold])
    s.tally("remedies: kind+body+due_date").add([(name_key(r["body"]), r["kind"], r["due_date"]) for r in pred],
                                                [(name_key(r["body"]), r["kind"], r["due_date"]) for r in gold])
    s.tally("remedies: for_whom+body").add([(name_key(r["body"]), r["for_whom"]) for r in pred],
                                           [(name_key(r["body"]), r["for_whom"]) for r in gold])
    s.tally("themes: theme+body").add([(name_key(r["body"]), r["theme"]) for r in pred if r["for_whom"] == "others"],
                                      [(name_key(r["body"]), r["theme"]) for r in gold if r["for_whom"] == "others"])


def predict(records: Iterable, nlp=None, remedies: bool = False) -> dict[tuple[str, str], dict]:
    """Each record's extraction in the gold format, keyed as `read_gold` keys the gold."""
    out = {}
    for ex in extract(records, nlp):
        line = to_gold(ex, remedies=remedies)
        out[(line["source"], line["reference"])] = line["gold"]
    return out


def read_gold(path: str | Path) -> dict[tuple[str, str], dict]:
    out = {}
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                obj = json.loads(line)
                out[(obj["source"], obj["reference"])] = obj["gold"]
            except (json.JSONDecodeError, KeyError) as exc:
                raise ValueError(f"{path}:{lineno}: not a gold line ({exc})") from None
    return out


def differences(predictions: dict[tuple[str, str], dict], gold: dict[tuple[str, str], dict]) -> list[str]:
    """Per decision, what the prediction missed (-) and added (+), field by field."""
    lines = []
    keyed = {
        "bodies": lambda b: (name_key(b["name"]), b["type"]),
        "faults": lambda f: (name_key(f["body"]), f["category"]),
        "payments": lambda p: (float(p["amount"]), name_key(p["payer"]), p["status"], tuple(sorted(p["purposes"]))),
        "deadlines": lambda d: (d["due_date"], name_key(d["body"])),
        "remedies": lambda r: (name_key(r["body"]), r["kind"], r["due_date"], r["theme"]),
    }
    for key, g in gold.items():
        p = predictions.get(key) or {}
        out = []
        for fld in ("outcome", "fault_found", "decision_date"):
            if p.get(fld) != g.get(fld):
                out.append(f"  {fld}: predicted {p.get(fld)!r}, gold {g.get(fld)!r}")
        for fld, fn in keyed.items():
            if fld not in g:
                continue  # remedies: only where the gold has them
            pc, gc = Counter(map(fn, p.get(fld, []))), Counter(map(fn, g.get(fld, [])))
            for item in (gc - pc):
                out.append(f"  - {fld} {item}")
            for item in (pc - gc):
                out.append(f"  + {fld} {item}")
        if out:
            lines.append(f"{key[0]}:{key[1]}")
            lines.extend(out)
    return lines


def fault_error_kinds(predictions: dict[tuple[str, str], dict], gold: dict[tuple[str, str], dict]) -> Counter:
    """How many fault (body, category) errors of each kind: counts a set's errors can be
    read as without reading one decision (the way scores-only sets are looked at).

    Missed pairs: in a decision given no pair at all; of a body given no fault; of a body
    given others. False pairs: in a decision whose gold finds none; on a body the gold
    does not blame; a wrong category on a blamed body."""
    kinds: Counter = Counter()
    for key, g in gold.items():
        p = predictions.get(key) or {}
        gold_pairs = {(name_key(f["body"]), f["category"]) for f in g.get("faults", [])}
        pred_pairs = {(name_key(f["body"]), f["category"]) for f in p.get("faults", [])}
        gold_bodies, pred_bodies = {b for b, _ in gold_pairs}, {b for b, _ in pred_pairs}
        for body, _ in gold_pairs - pred_pairs:
            kinds["missed: the decision was given no fault" if not pred_pairs else
                  "missed: the body was given no fault" if body not in pred_bodies else
                  "missed: a category of a body found at fault"] += 1
        for body, _ in pred_pairs - gold_pairs:
            kinds["false: the gold finds no fault" if not gold_pairs else
                  "false: a body the gold does not blame" if body not in gold_bodies else
                  "false: a wrong category for a body the gold blames"] += 1
    return kinds

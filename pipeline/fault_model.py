"""The fault sentence model, loaded from `models/fault_model.skops`.

For each sentence it gives the probability that the Ombudsman finds fault in it
(`finding`) and, for each of the fourteen fault categories of ANNOTATION.md, the
probability that the sentence is about that category. It is scikit-learn: TF-IDF over
word 1-2-grams and character 3-5-grams within words, into logistic regressions (one for
`finding`, one per category). Trained by `make train` (pipeline.fault_training) and
persisted with skops, which loads only the types it is told to trust: no pickle.

Why scikit-learn and not spaCy's textcat_multilabel: under 5-fold cross-validation of the
whole extractor on the dev corpus, the same training sentences gave fault (body,
category) F1 0.597 here and at best 0.576 with textcat_multilabel's bag of words
(models/MODEL_CARD.md); the character n-grams carry the small data further.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from pipeline.extract.vocabulary import FAULT_CATEGORIES

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = REPO / "models" / "fault_model.skops"
FINDING = "finding"
# What a saved model may contain; skops refuses to load anything else.
TRUSTED_MODULES = ("sklearn.", "numpy", "scipy.")


@dataclass(frozen=True)
class Prediction:
    """Probabilities for one sentence."""

    finding: float
    categories: dict[str, float] = field(default_factory=dict)


class FaultModel:
    """A fitted feature union, a `finding` classifier and a one-vs-rest category classifier."""

    def __init__(self, features, finding, categories, labels: Sequence[str] = FAULT_CATEGORIES):
        self.features = features
        self.finding = finding
        self.categories = categories
        self.labels = list(labels)

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> "FaultModel":
        import skops.io as sio

        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"{path}: no fault model there; `make train` builds it")
        untrusted = sio.get_untrusted_types(file=path)
        refused = [t for t in untrusted if not t.startswith(TRUSTED_MODULES)]
        if refused:
            raise ValueError(f"{path}: refusing to load types that are not scikit-learn's: {refused}")
        parts = sio.load(path, trusted=untrusted)
        return cls(parts["features"], parts["finding"], parts["categories"], parts["labels"])

    def save(self, path: str | Path) -> None:
        import skops.io as sio

        Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Deflated: the vocabularies are most of the file, as JSON text.
        sio.dump({"features": self.features, "finding": self.finding, "categories": self.categories,
                  "labels": self.labels}, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        if not sentences:
            return []
        x = self.features.transform(sentences)
        finding = self.finding.predict_proba(x)[:, 1]
        cats = np.asarray(self.categories.predict_proba(x))
        return [Prediction(float(f), dict(zip(self.labels, map(float, row)))) for f, row in zip(finding, cats)]

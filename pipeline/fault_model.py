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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from pipeline.extract.vocabulary import FAULT_CATEGORIES

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = REPO / "models" / "fault_model.skops"
FINDING = "finding"
MAX_CACHED_WORDS = 200_000  # distinct words whose n-gram ids a process keeps


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
        self._blocks: list[CachedTfidf] | None = None
        self._weights: tuple[np.ndarray, np.ndarray] | bool | None = None  # see `_probabilities`

    def transform(self, sentences: Sequence[str]):
        """The features of `sentences`: scikit-learn's own `features.transform`, computed
        with each word's n-grams looked up once per process (see `CachedTfidf`)."""
        if self._blocks is None:
            self._blocks = [CachedTfidf(v) for _, v in self.features.transformer_list]
        return sp.hstack([block.transform(sentences) for block in self._blocks], format="csr")

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> "FaultModel":
        import skops.io as sio
        from skops.io.exceptions import UntrustedTypesFoundException

        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"{path}: no fault model there; `make train` builds it")
        # With nothing added to its trusted list, skops loads only the types it trusts by
        # default (scikit-learn's, numpy's, scipy's) and refuses the file otherwise.
        try:
            parts = sio.load(path, trusted=[])
        except UntrustedTypesFoundException as exc:
            raise ValueError(f"{path}: refusing to load types that are not scikit-learn's: {exc}") from None
        return cls(parts["features"], parts["finding"], parts["categories"], parts["labels"])

    def save(self, path: str | Path) -> None:
        """Persist with skops, as the same bytes whenever the model is the same (see
        `_same_bytes_each_time`), so that `make train` changes the file only when the model changes."""
        import skops.io as sio

        Path(path).parent.mkdir(parents=True, exist_ok=True)
        sio.dump({"features": self.features, "finding": self.finding, "categories": self.categories,
                  "labels": self.labels}, path)
        _same_bytes_each_time(Path(path))

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        if not sentences:
            return []
        x = self.transform(sentences)
        probabilities = self._probabilities(x)
        return [Prediction(row[0], dict(zip(self.labels, row[1:]))) for row in probabilities.tolist()]

    def _probabilities(self, x) -> np.ndarray:
        """`finding` then each category's probability, one row per sentence: what
        `predict_proba` of the finding classifier and of each one-vs-rest estimator give
        (the sigmoid of each linear score), as one matrix product instead of fifteen
        scikit-learn calls. A model whose estimators are not all logistic regressions
        (a label constant in training gets a constant predictor) is asked the slow way."""
        if self._weights is None:
            estimators = [self.finding, *self.categories.estimators_]
            if all(type(e).__name__ == "LogisticRegression" and e.coef_.shape[0] == 1 for e in estimators):
                self._weights = (np.vstack([e.coef_ for e in estimators]).T, np.concatenate([e.intercept_ for e in estimators]))
            else:
                self._weights = False
        if self._weights is False:
            return np.column_stack([self.finding.predict_proba(x)[:, 1], np.asarray(self.categories.predict_proba(x))])
        coef, intercept = self._weights
        return 1.0 / (1.0 + np.exp(-(np.asarray(x @ coef) + intercept)))


# skops names each object by its `id()` (a memory address) in its schema, and the arrays'
# files after those names; the zip stamps each file with the time it was written.
_OBJECT_NUMBER = re.compile(r'("__id__": |"file": ")(\d+)')


def _same_bytes_each_time(path: Path) -> None:
    """Rewrite a skops file so that it depends on the model alone: its object numbers
    renumbered in the order the schema first gives them (the same objects keep the same
    number, which is all skops reads them for), its files in name order with a fixed
    time. Deflated: the vocabularies are most of the file, as JSON text."""
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    numbers: dict[str, str] = {}

    def renumber(m: re.Match) -> str:
        return m.group(1) + numbers.setdefault(m.group(2), str(len(numbers) + 1))
    schema = _OBJECT_NUMBER.sub(renumber, files.pop("schema.json").decode("utf-8"))
    renamed = {"schema.json": schema.encode("utf-8")}
    for name, data in files.items():
        stem, dot, suffix = name.partition(".")
        if stem not in numbers:
            raise ValueError(f"{path}: skops wrote {name}, which its schema does not name; cannot make the file reproducible")
        renamed[numbers[stem] + dot + suffix] = data
    with zipfile.ZipFile(path, "w") as z:
        for name in sorted(renamed):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, renamed[name], compresslevel=9)


class CachedTfidf:
    """`TfidfVectorizer.transform` of one fitted vectorizer (word or `char_wb` n-grams,
    lower-cased, sublinear tf, idf, l2 norm), with the features of each word worked out
    once per process instead of once per occurrence.

    scikit-learn analyses every word of every sentence again, and its vocabulary lookup is
    a Python loop over every n-gram: on 30 sentences a decision that tripled what scoring
    cost. Here a word's character n-gram ids are cached, and a sentence costs one lookup
    per word (and per word pair). The result equals scikit-learn's (tested); training and
    the saved model are scikit-learn's own.
    """

    def __init__(self, vectorizer):
        if vectorizer.analyzer not in ("word", "char_wb") or not vectorizer.lowercase or vectorizer.binary \
                or vectorizer.norm != "l2" or not vectorizer.sublinear_tf or not vectorizer.use_idf \
                or vectorizer.preprocessor or vectorizer.tokenizer or vectorizer.strip_accents:
            raise ValueError("CachedTfidf covers lower-cased, sublinear, l2-normed word or char_wb TF-IDF only")
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.idf = np.asarray(vectorizer.idf_)
        self.analyzer = vectorizer.analyzer
        self.ngram_range = vectorizer.ngram_range
        self.token = re.compile(vectorizer.token_pattern)
        self._word_ids: dict[str, tuple[int, ...]] = {}

    def transform(self, sentences: Sequence[str]) -> sp.csr_matrix:
        ids_of = self._word_ngram_ids if self.analyzer == "word" else self._char_wb_ids
        indptr, indices = [0], []
        for sentence in sentences:
            indices.extend(ids_of(sentence.lower()))
            indptr.append(len(indices))
        x = sp.csr_matrix((np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
                          shape=(len(sentences), len(self.idf)))
        x.sum_duplicates()
        x.data = (np.log(x.data) + 1.0) * self.idf[x.indices]  # sublinear tf times idf
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        x.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(x.indptr))
        return x

    def _word_ngram_ids(self, text: str) -> list[int]:
        tokens = self.token.findall(text)
        lo, hi = self.ngram_range
        grams = tokens if lo == 1 else []
        for n in range(max(lo, 2), hi + 1):
            grams = grams + [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
        vocabulary = self.vocabulary
        return [vocabulary[g] for g in grams if g in vocabulary]

    def _char_wb_ids(self, text: str) -> list[int]:
        out: list[int] = []
        cache = self._word_ids
        for word in text.split():
            ids = cache.get(word)
            if ids is None:
                if len(cache) >= MAX_CACHED_WORDS:  # bounded memory in a long-running worker
                    cache.clear()
                ids = cache[word] = self._one_word_char_ids(word)
            out.extend(ids)
        return out

    def _one_word_char_ids(self, word: str) -> tuple[int, ...]:
        # scikit-learn's _char_wb_ngrams for one word, padded with a space each side; a word
        # shorter than n gives itself once and stops the longer n-grams.
        w = f" {word} "
        grams = []
        for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
            if len(w) <= n:
                grams.append(w)
                break
            grams.extend(w[i:i + n] for i in range(len(w) - n + 1))
        return tuple(self.vocabulary[g] for g in grams if g in self.vocabulary)

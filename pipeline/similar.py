"""Similar cases: from one decision to the decisions most like it.

Each decision is represented by what the publisher found and decided (the summary,
findings and decision sections of its text, see pipeline.text), as a TF-IDF vector over
words and word pairs; the neighbours are the decisions with the highest cosine
similarity. The complaint and background sections are left out on purpose: two
complaints about the same council can tell very different stories, while the findings
say what went wrong, which is the pattern a researcher follows.

Building the vectors costs about 8 seconds per 5,000 full-length decisions on a 2-core
machine (sectioning 3 s, TF-IDF 5 s; `make bench`'s decisions): a minute or more for
60,000. So the index is kept on disk (`FindingsIndex`, in the user's cache folder) under
a fingerprint of the records it was built from (every decision's id and text hash): the
next question about the same records reads it back (60,000 bench decisions, 2026-12-04:
60 s to build, 0.44 s to answer from the kept index, 353 MB on disk), and any change to the
records (a nightly run's new decisions, a corrected text) gives a new fingerprint, so an
index is never stale. Without a writable cache folder it is built on each call, as before.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import scipy.sparse as sp

from pipeline.text import DECISION, FINDINGS, SUMMARY, split_sections

SECTIONS = (SUMMARY, FINDINGS, DECISION)
# Part of the index's folder name: raise it when what goes into the vectors changes
# (sections, noise, stop words, vectorizer settings), so old indexes are not read.
INDEX_VERSION = 1
# Letters standing for people ("Mr X", "Mrs Y") and reference numbers say nothing about
# what went wrong; they are removed before vectorising.
_NOISE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z]\b|\b\d[\d ]*\d[a-z]?\b|\bP-\d+\b")
# Dates are everywhere in decisions and say nothing about the fault either.
# The same goes for the words every decision uses to say anything at all.
_FORMULA_WORDS = ("did", "does", "didn", "council", "councils", "fault", "ombudsman", "decision", "complaint",
                  "complained", "complains", "said", "says", "told", "asked", "found", "find", "finds", "mr", "mrs",
                  "ms", "miss", "dr", "agreed", "agree", "recommend", "recommended", "say", "think", "considered")
_DATE_WORDS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday")


class UnknownReference(ValueError):
    """A reference that names no decision (or more than one) in the database."""


@dataclass(frozen=True)
class SimilarCase:
    decision_id: str
    source: str
    reference: str
    title: str | None
    decision_date: dt.date | None
    url: str | None
    score: float                 # cosine similarity, 0..1
    shared_terms: list[str]      # the terms that contribute most to the similarity


def findings_text(text: str) -> str:
    """The summary, findings and decision sections; the whole text when it has none of them
    (an excerpt, or a page without headings)."""
    parts = [text[s.start:s.end] for s in split_sections(text) if s.kind in SECTIONS]
    joined = "\n".join(p for p in parts if p.strip())
    return _NOISE.sub(" ", joined if joined.strip() else text)


def _key(reference: str) -> str:
    return re.sub(r"[\s\-_]", "", reference).lower()


def resolve(con: duckdb.DuckDBPyConnection, reference: str) -> str:
    """The decision_id a user's reference names: 'lgsco:23 011 903a', '23 011 903a', '23011903A'."""
    ref = reference.strip()
    rows = con.execute("SELECT decision_id, source, reference FROM records").fetchall()
    if ":" in ref:
        source, _, rest = ref.partition(":")
        hits = [d for d, s, r in rows if s == source.strip().lower() and _key(r) == _key(rest)]
    else:
        hits = [d for d, _, r in rows if _key(r) == _key(ref)]
    if not hits:
        raise UnknownReference(f"no decision with reference {reference!r} in the database")
    if len(hits) > 1:
        raise UnknownReference(f"reference {reference!r} is ambiguous: give one of {', '.join(sorted(hits))}")
    return hits[0]


def default_cache_dir() -> Path:
    """Where indexes are kept: $OMBUDSMAN_CACHE, else $XDG_CACHE_HOME/ombudsman, else
    ~/.cache/ombudsman."""
    if os.environ.get("OMBUDSMAN_CACHE"):
        return Path(os.environ["OMBUDSMAN_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ombudsman"


KEPT_INDEXES = 3  # older fingerprints' indexes are removed when a new one is saved


@dataclass
class FindingsIndex:
    """The TF-IDF rows of every decision's findings text, l2-normalised, and the terms."""

    ids: list[str]            # decision_id of each row, in decision_id order
    matrix: sp.csr_matrix
    terms: list[str]

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection) -> "FindingsIndex":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

        rows = con.execute("SELECT decision_id, text FROM records ORDER BY decision_id").fetchall()
        ids = [r[0] for r in rows]
        docs = [findings_text(r[1]) for r in rows]
        del rows
        # Words and word pairs ("home care", "discharge plan"); a term in nine decisions in ten
        # ("council", "complaint") tells none of them apart, once there are enough to judge.
        vectorizer = TfidfVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS | set(_DATE_WORDS) | set(_FORMULA_WORDS)),
                                     ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                                     max_df=0.9 if len(docs) >= 20 else 1.0, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b")
        try:
            matrix = vectorizer.fit_transform(docs).tocsr()
            terms = vectorizer.get_feature_names_out().tolist()
        except ValueError:  # no usable words at all (an empty or numbers-only corpus)
            matrix, terms = sp.csr_matrix((len(ids), 0)), []
        return cls(ids, matrix, terms)

    def save(self, folder: Path) -> None:
        """Write to `folder` (created whole or not at all: a half-written index is never read)."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder.parent))
        try:
            sp.save_npz(tmp / "matrix.npz", self.matrix, compressed=False)
            (tmp / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
            # One term a line: terms are letters and one space ("home care"), never a newline.
            (tmp / "terms.txt").write_text("\n".join(self.terms), encoding="utf-8")
            tmp.rename(folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            if not folder.is_dir():  # (another process may have saved the same index first)
                raise

    @classmethod
    def load(cls, folder: Path) -> "FindingsIndex":
        matrix = sp.load_npz(folder / "matrix.npz").tocsr()
        ids = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        text = (folder / "terms.txt").read_text(encoding="utf-8")
        terms = text.split("\n") if text else []
        if matrix.shape != (len(ids), len(terms)):
            raise ValueError(f"{folder}: index files do not agree")
        return cls(ids, matrix, terms)


def records_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """A hash of every record's id and text hash: it changes whenever the texts do."""
    digest = hashlib.sha256()
    for decision_id, text_sha in con.execute("SELECT decision_id, text_sha256 FROM records ORDER BY decision_id").fetchall():
        digest.update(f"{decision_id}\t{text_sha}\n".encode("utf-8"))
    return digest.hexdigest()[:32]


def findings_index(con: duckdb.DuckDBPyConnection, cache_dir: Path | None = None) -> FindingsIndex:
    """The index of the records in `con`: from `cache_dir` when it holds one for these very
    records, else built (and saved there when it can be). `cache_dir=None`: never cached."""
    if cache_dir is None:
        return FindingsIndex.build(con)
    folder = Path(cache_dir) / "similar" / f"{INDEX_VERSION}-{records_fingerprint(con)}"
    if folder.is_dir():
        try:
            return FindingsIndex.load(folder)
        except (OSError, ValueError):  # damaged or from elsewhere: build it again
            shutil.rmtree(folder, ignore_errors=True)
    index = FindingsIndex.build(con)
    try:
        index.save(folder)
        _remove_old_indexes(folder.parent, keep=KEPT_INDEXES)
    except OSError:
        pass  # a read-only or full disk costs speed, never the answer
    return index


def _remove_old_indexes(parent: Path, keep: int) -> None:
    folders = sorted((f for f in parent.iterdir() if f.is_dir() and not f.name.startswith(".")),
                     key=lambda f: f.stat().st_mtime, reverse=True)
    for old in folders[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def similar(con: duckdb.DuckDBPyConnection, reference: str, k: int = 10,
            cache_dir: Path | None = None) -> list[SimilarCase]:
    """The k decisions most like `reference`, most similar first (none with nothing in
    common). `cache_dir`: where the index is kept between calls (see `findings_index`)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    target = resolve(con, reference)
    index = findings_index(con, cache_dir)
    matrix, i = index.matrix, index.ids.index(target)
    scores = np.asarray((matrix @ matrix[i].T).todense()).ravel()  # rows are l2-normalised: dot = cosine
    scores[i] = -1.0
    order = [j for j in np.argsort(-scores, kind="stable") if scores[j] > 0][:k]
    found = [index.ids[j] for j in order]
    meta = {row[0]: row[1:] for row in con.execute("""
        SELECT r.decision_id, r.source, r.reference, coalesce(d.title, r.title), coalesce(d.decision_date, r.decision_date),
               coalesce(d.url, r.url)
        FROM records r LEFT JOIN decisions d USING (decision_id)
        WHERE r.decision_id IN (SELECT unnest(?))""", [found]).fetchall()}
    out = []
    for j, decision_id in zip(order, found):
        contrib = matrix[i].multiply(matrix[j]).tocsr()  # each shared term's part of the score
        top = [index.terms[contrib.indices[t]] for t in np.argsort(-contrib.data, kind="stable")[:5] if contrib.data[t] > 0]
        source, ref, title, date, url = meta[decision_id]
        out.append(SimilarCase(decision_id, source, ref, title, date, url, round(float(scores[j]), 4), top))
    return out

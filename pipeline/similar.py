"""Similar cases: from one decision to the decisions most like it.

Each decision is represented by what the publisher found and decided (the summary,
findings and decision sections of its text, see pipeline.text), as a TF-IDF vector over
words and word pairs; the neighbours are the decisions with the highest cosine
similarity. The complaint and background sections are left out on purpose: two
complaints about the same council can tell very different stories, while the findings
say what went wrong, which is the pattern a researcher follows.

The vectors are built from the database on each call, so they are never stale. That
costs about 8 seconds per 5,000 full-length decisions on a 2-core machine (sectioning 3 s,
TF-IDF 5 s; measured on `make bench`'s decisions, 2026-12-03): about 1.5 minutes for
60,000. Excerpts of about 2,000 characters cost about 1 second per 5,000.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import duckdb
import numpy as np

from pipeline.text import DECISION, FINDINGS, SUMMARY, split_sections

SECTIONS = (SUMMARY, FINDINGS, DECISION)
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


def similar(con: duckdb.DuckDBPyConnection, reference: str, k: int = 10) -> list[SimilarCase]:
    """The k decisions most like `reference`, most similar first (none with nothing in common)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    if k < 1:
        raise ValueError("k must be at least 1")
    target = resolve(con, reference)
    rows = con.execute("""
        SELECT r.decision_id, r.source, r.reference, coalesce(d.title, r.title), coalesce(d.decision_date, r.decision_date),
               coalesce(d.url, r.url), r.text
        FROM records r LEFT JOIN decisions d USING (decision_id)
        ORDER BY r.decision_id""").fetchall()
    ids = [r[0] for r in rows]
    docs = [findings_text(r[6]) for r in rows]
    # Words and word pairs ("home care", "discharge plan"); a term in nine decisions in ten
    # ("council", "complaint") tells none of them apart, once there are enough to judge.
    vectorizer = TfidfVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS | set(_DATE_WORDS) | set(_FORMULA_WORDS)), ngram_range=(1, 2),
                                 sublinear_tf=True, min_df=1, max_df=0.9 if len(docs) >= 20 else 1.0,
                                 token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b")
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:  # no usable words at all (an empty or numbers-only corpus)
        return []
    i = ids.index(target)
    scores = np.asarray((matrix @ matrix[i].T).todense()).ravel()  # rows are l2-normalised: dot = cosine
    scores[i] = -1.0
    order = [j for j in np.argsort(-scores, kind="stable") if scores[j] > 0][:k]
    terms = vectorizer.get_feature_names_out()
    target_vec = matrix[i].toarray().ravel()
    out = []
    for j in order:
        contrib = target_vec * matrix[j].toarray().ravel()
        top = [terms[t] for t in np.argsort(-contrib)[:5] if contrib[t] > 0]
        _, source, ref, title, date, url, _ = rows[j]
        out.append(SimilarCase(ids[j], source, ref, title, date, url, round(float(scores[j]), 4), top))
    return out

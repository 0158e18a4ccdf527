"""The spaCy pipeline: `spacy.blank("en")` plus the project's registered components.

No statistical model is downloaded (see DESIGN.md): ombudsman prose is formulaic, so
rule components find the candidates (sentences, body names, sums, deadline phrases) and a
small trained model (scikit-learn, saved with skops in models/fault_model.skops, rebuilt by
`make train`; see pipeline.fault_model) reads whether a sentence finds fault and which
fault categories it names.

Each component writes to a Doc extension, and declares which it writes and which it reads
(`assigns`, `requires`), so `nlp.analyze_pipes()` checks their order; the decision-level
assembly in `pipeline.extraction` turns those candidates into rows. Build the Language once per
process with `build_nlp()` (cached), never per document.
"""
from __future__ import annotations

import functools
import gc
import re
from bisect import bisect_right
from pathlib import Path
from typing import Iterable, Iterator

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from pipeline.tokenizer import blank_english
from pipeline.extract import bodies as body_rules
from pipeline.extract import dates as date_rules
from pipeline.extract import money as money_rules
from pipeline.extract.cues import Cue, fold
from pipeline.extract.vocabulary import FAULT_WORD, could_be_finding, is_allegation

for _name in ("sentence_offsets", "fault_words", "body_mentions", "amounts", "deadline_phrases", "fault_scores",
              "finding_wording"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# What decides a sentence start is a property of a token's text: its kind, worked out
# once per distinct word (`_word_kind`) and kept by the word's ORTH id.
_BULLETS = ("•", "●", "▪")
_FINALS = (".", "?", "!")
# A company's name ends a sentence with its own full stop, one token to the tokenizer:
# "... through Sunnivale Homecare Ltd. We found the Council at fault".
_FINAL_ABBREVIATIONS = ("Ltd.", "Inc.", "plc.", "Plc.", "PLC.", "LLP.")
_OPENERS = ("•", "-", "“", '"')  # may start a sentence after a full stop, like a capital
NEWLINE, BULLET, FINAL, CAPITAL_LIKE, SPACE = 1, 2, 4, 8, 16
_LENGTH_SHIFT = 8  # a kind's bits below, the word's length in characters above


def _word_kind(text: str) -> int:
    """The sentence-start bits of a word's text, and its length above them."""
    # istitle/isdigit/isupper are what spaCy's IS_TITLE, IS_DIGIT, IS_UPPER test.
    capital_like = text.istitle() or text.isdigit() or text.isupper() or text in _OPENERS
    return ((NEWLINE if "\n" in text else 0) | (BULLET if text in _BULLETS else 0) | (FINAL if text in _FINALS or text in _FINAL_ABBREVIATIONS else 0)
            | (CAPITAL_LIKE if capital_like else 0) | (SPACE if text.isspace() else 0) | len(text) << _LENGTH_SHIFT)


class LineSentences:
    """Sentences end at line breaks, bullets and sentence-final punctuation.

    Decisions are lists and numbered paragraphs as much as prose, so a line break always
    starts a sentence; a full stop does when the next word starts like a sentence (a
    capital, a digit, a bullet or a quote), whatever spaces lie between them. Whitespace
    tokens never start one.
    Computed on whole-Doc arrays and set in one array write: a Python loop over the
    tokens costs as much as tokenising. The Doc gives two columns (each token's ORTH id
    and offset: `Doc.to_array` costs about 70 ns a cell, so the fewer the better); what
    each distinct word's text says is looked up once per Doc in `_kinds`, which learns
    each new word the first time it is seen. The sentences' character offsets go to
    `doc._.sentence_offsets` as well, for the components and the assembly that read
    every sentence: `doc.sents` builds a Span object per sentence each time it is read.
    """

    def __init__(self, vocab):
        self.strings = vocab.strings
        self._kinds: dict[int, int] = {}  # ORTH id -> _word_kind(its text)

    def _kinds_of(self, words: list[int]) -> list[int]:
        kinds = list(map(self._kinds.get, words))  # (a C loop: most words are known)
        if None in kinds:
            for i, (orth, kind) in enumerate(zip(words, kinds)):
                if kind is None:
                    kinds[i] = self._kinds[orth] = _word_kind(self.strings[orth])
        return kinds

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            doc._.sentence_offsets = []
            return doc
        orth, idx = doc.to_array([ORTH, IDX]).T
        words, which = numpy.unique(orth, return_inverse=True)
        kind = numpy.array(self._kinds_of(words.tolist()), dtype="int64")[which]
        newline, bullet, final, capital_like, space = ((kind & bit) != 0 for bit in (NEWLINE, BULLET, FINAL, CAPITAL_LIKE, SPACE))
        # A full stop ends a sentence across the spaces after it: "fault.  The Council" has
        # a space token between them (spaCy keeps one space as the word's own whitespace,
        # more as a token), and must split as "fault. The Council" does.
        last_word = numpy.maximum.accumulate(numpy.where(space, -1, numpy.arange(n)))
        final_before = numpy.where(last_word[:-1] >= 0, final[last_word[:-1]], False)
        start = (newline[:-1] | bullet[1:] | (final_before & capital_like[1:])) & ~space[1:]
        starts = numpy.full(n, -1, dtype="int64")
        starts[0] = 1
        starts[1:][start] = 1
        doc.from_array([SENT_START], starts.view("uint64").reshape(n, 1))
        first = numpy.flatnonzero(starts == 1)
        last = numpy.append(first[1:] - 1, n - 1)
        idx = idx.astype("int64")
        doc._.sentence_offsets = list(zip(idx[first].tolist(), (idx[last] + (kind[last] >> _LENGTH_SHIFT)).tolist()))
        return doc


@Language.factory("line_sentences", assigns=["token.is_sent_start", "doc._.sentence_offsets"])
def make_line_sentences(nlp: Language, name: str) -> LineSentences:
    return LineSentences(nlp.vocab)


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """The Doc's sentences as character offsets: from `line_sentences` when it ran,
    else from whatever set the boundaries."""
    ext = doc._  # (each `doc._` builds an object: read it once)
    if ext.sentence_offsets is None:
        ext.sentence_offsets = [(sent.start_char, sent.end_char) for sent in doc.sents]
    return ext.sentence_offsets


def doc_text(doc: Doc) -> str:
    """The Doc's text, from user_data when the caller stored it: spaCy rebuilds Doc.text
    from the tokens on every access, which costs as much as tokenising again."""
    return doc.user_data.get("text") or doc.text


def doc_folded(doc: Doc) -> str:
    """`fold(doc_text(doc))`, worked out once per Doc for the components that search it."""
    folded = doc.user_data.get("folded")
    if folded is None:
        folded = doc.user_data["folded"] = fold(doc_text(doc))
    return folded


@Language.component("fault_words", requires=["doc._.sentence_offsets"], assigns=["doc._.fault_words"])
def fault_words(doc: Doc) -> Doc:
    """Which sentences use a fault word ("fault", "failings", "maladministration"), as a
    list of booleans parallel to `doc._.sentence_offsets`. Only those can be findings
    outside a summary; the scorer and the assembly both ask, so each sentence is
    searched once (a `Cue`: only when its folded text holds one of the anchors, found for
    all the sentences in one scan of the Doc)."""
    text, folded = doc_text(doc), doc_folded(doc)
    offsets = sentence_offsets(doc)
    if len(folded) != len(text):  # folding can lengthen text ("ß" -> "ss"): sentence by sentence
        doc._.fault_words = [FAULT_WORD.found_in(text[a:b]) for a, b in offsets]
        return doc
    doc._.fault_words = [anchored and FAULT_WORD.pattern_finds(text[a:b], folded[a:b])
                         for (a, b), anchored in zip(offsets, FAULT_WORD.could_match_each(folded, offsets))]
    return doc


@Language.component("body_mentions", assigns=["doc._.body_mentions"])
def body_mentions(doc: Doc) -> Doc:
    """Names of organisations, with the aliases defined after them, and role mentions."""
    text = doc_text(doc)
    # in text order, not overlapping; central government's agencies in a PHSO text only
    found = body_rules.find_named_bodies(text, central_government=doc.user_data.get("source") == "phso")
    starts = [m.start for m in found]
    for role in body_rules.find_role_mentions(text):
        i = bisect_right(starts, role.start) - 1  # the last name starting at or before the role
        if i < 0 or role.start >= found[i].end:  # a role inside a name is part of the name
            found.append(role)
    doc._.body_mentions = sorted(found, key=lambda m: m.start)
    return doc


@Language.component("amounts", assigns=["doc._.amounts"])
def amounts(doc: Doc) -> Doc:
    """Every sum of money in pounds (`Amount`s: character offsets and value)."""
    doc._.amounts = [money_rules.Amount(m.start(), m.end(), value) for m, value in money_rules.find_amounts(doc_text(doc))]
    return doc


# Each pattern starts with its words, the word boundary before them checked after them
# by a lookbehind: `re` skips to the places a pattern's first word could start (to each
# "within" at once) only when the pattern starts with letters; one that starts with "\b"
# is tried at every position of every section.
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
_ABSOLUTE = Cue(re.compile(
    r"(?:by(?<=\bby)|before(?<=\bbefore)|no later than(?<=\bno later than)|not later than(?<=\bnot later than)"
    r"|on or before(?<=\bon or before))"
    rf"\s+(?:the\s+)?(?:{_WEEKDAY}(?:the\s+)?)?({date_rules.DATE_PATTERN}|{date_rules.MONTH_END_PATTERN})", re.IGNORECASE))
# "within one month of our final decision", "within 28 days of receiving the final
# decision", "within three months of the Ombudsman's final decision", "within the next
# three months"; the anchor is optional (a bare period counts from the decision too).
_DOCUMENT = (r"(?:(?:the\s+ombudsm[ae]n['’]?s\s+|the\s+|our\s+|this\s+|my\s+)?(?:final\s+)?"
             r"(?:decision(?:\s+statement)?|report|statement)|this\s+letter)")
# "of receiving", "of us issuing", "of the publication of", "of the date of"
_TO_DOCUMENT = (r"(?:(?:(?:us|me)\s+)?(?:receiving|issuing|publishing|sending)\s+"
                r"|(?:the\s+)?(?:date\s+of\s+)?(?:receipt|publication|issue)\s+of\s+)?(?:(?:the\s+)?date\s+of\s+)?")
_RELATIVE = Cue(re.compile(
    rf"within(?<=\bwithin)\s+(?:the\s+next\s+)?({date_rules.PERIOD_PATTERN})"
    rf"(?:\s+(?:of|from|after|following)\s+{_TO_DOCUMENT}{_DOCUMENT}"
    r"(?:\s+(?:being|is)\s+(?:issued|published|sent))?)?",
    re.IGNORECASE,
))


@Language.component("deadline_phrases", assigns=["doc._.deadline_phrases"])
def deadline_phrases(doc: Doc) -> Doc:
    """"by 29 October 2025" and "within one month of the final decision" phrases."""
    found = []
    text, folded = doc_text(doc), doc_folded(doc)
    for (a, b), (da, db) in _ABSOLUTE.match_spans(text, folded):
        found.append(date_rules.DeadlinePhrase(a, b, text[a:b], text[da:db], None))
    for (a, b), (pa, pb) in _RELATIVE.match_spans(text, folded):
        found.append(date_rules.DeadlinePhrase(a, b, text[a:b], None, text[pa:pb]))
    doc._.deadline_phrases = sorted(found)
    return doc


class FaultScorer:
    """Scores the sentences of a findings-like section with the trained fault model
    (pipeline.fault_model), all the scored sentences of a batch of Docs at once."""

    def __init__(self, model_path: str):
        from pipeline.fault_model import DEFAULT_MODEL, FaultModel

        path = Path(model_path) if model_path else DEFAULT_MODEL
        # Without its model the pipeline would silently lose most fault categories.
        self.model = FaultModel.load(path)

    def __call__(self, doc: Doc) -> Doc:
        self._score([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Score many docs' sentences in one batch: per-call overhead, not arithmetic, is
        what the model costs on short sections."""
        for batch in minibatch(docs, size=batch_size):
            self._score(batch)
            yield from batch

    def _score(self, docs: list[Doc]) -> None:
        texts: list[str] = []
        owners: list[tuple[dict, int]] = []
        for doc in docs:
            ext = doc._
            ext.fault_scores = ext.finding_wording = None
            if not doc.user_data.get("score_faults", True):
                continue
            scores: dict = {}
            wording: set[int] = set()
            text = doc_text(doc)
            section = doc.user_data.get("section")
            for (a, b), fault_word in zip(sentence_offsets(doc), ext.fault_words):
                can_find, scored = read_wording(section, fault_word, text[a:b])
                if can_find:
                    wording.add(a)
                if scored:
                    texts.append(text[a:b])
                    owners.append((scores, a))
            ext.fault_scores, ext.finding_wording = scores, wording
        for (scores, start), pred in zip(owners, self.model.predict(texts) if texts else []):
            scores[start] = pred


def read_wording(section: str | None, fault_word: bool, sentence: str) -> tuple[bool, bool]:
    """(Can the sentence find fault by its wording, is it scored by the fault model?)
    Summaries and decisions state findings in plain words, so their sentences are
    candidates; elsewhere only sentences that use a fault word can be findings. Of those,
    only sentences whose wording can find fault are scored (nobody reads the others'
    scores), and the summary's allegations, whose topic is what a finding that names none
    was about. The answer to the first goes to `doc._.finding_wording`, so the extraction
    does not ask again."""
    if section in ("summary", "decision"):
        can_find = could_be_finding(sentence)
        return can_find, can_find or (section == "summary" and is_allegation(sentence))
    can_find = fault_word and could_be_finding(sentence)
    return can_find, can_find


def is_scored(section: str | None, fault_word: bool, sentence: str) -> bool:
    """Does the fault model score this sentence? (See `read_wording`.)"""
    return read_wording(section, fault_word, sentence)[1]


@Language.factory("fault_scores", default_config={"model_path": ""},
                  requires=["doc._.sentence_offsets", "doc._.fault_words"], assigns=["doc._.fault_scores", "doc._.finding_wording"])
def make_fault_scores(nlp: Language, name: str, model_path: str) -> FaultScorer:
    return FaultScorer(model_path)


PIPELINE = ["line_sentences", "fault_words", "body_mentions", "amounts", "deadline_phrases", "fault_scores"]


def create_nlp(model_path: str = "", score_faults: bool = True) -> Language:
    """The pipeline; without `fault_scores` when `score_faults` is false (training the fault
    model reads the other components' candidates before there is a model)."""
    nlp = blank_english()
    # No parser or NER holds per-token memory here, so long sections are affordable;
    # the default 1,000,000-character guard would reject a long report's findings.
    nlp.max_length = 20_000_000
    for name in PIPELINE:
        if name == "fault_scores":
            if score_faults:
                nlp.add_pipe(name, config={"model_path": model_path})
        else:
            nlp.add_pipe(name)
    return nlp


@functools.lru_cache(maxsize=2)
def build_nlp(model_path: str = "") -> Language:
    """The pipeline, built once per process.

    The pipeline and its fault model (vocabularies, lexemes, coefficients) live as long as
    the process; `gc.freeze()` takes them out of what the garbage collector walks. Without
    it each collection re-examined them and the collector took about a tenth of the
    extraction time (1.5 ms a decision, against 0.4 after; pipeline/bench.py's corpus)."""
    nlp = create_nlp(model_path)
    gc.freeze()
    return nlp

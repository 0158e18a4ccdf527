"""One sentence of a decision as the readers see it: its text, offsets and section, with
the bodies, sums and deadlines found in it and the fault model's scores."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.extract.dates import DeadlinePhrase
from pipeline.extract.money import Amount
from pipeline.extract.registry import BodyRegistry
from pipeline.extracted import Provenance
from pipeline.nlp import sentence_offsets


@dataclass(slots=True)  # one per sentence of every decision: slots make them cheaper to build and read
class Sentence:
    text: str
    start: int      # offsets in the decision text
    end: int
    section: str
    bodies: list[tuple[int, str]]           # (offset in decision text, body key), in order
    amounts: list[Amount]
    deadlines: list[DeadlinePhrase]
    scores: object | None
    fault_word: bool = False  # uses a fault word (pipeline.nlp.fault_words)
    # Can its wording find fault (`vocab.could_be_finding`)? None when the scorer did not
    # work it out (a pipeline without the fault model).
    can_find: bool | None = None
    opens_paragraph: bool = False  # the first sentence after a line break
    heading: str = ""  # the heading of its section, on the section's first sentence only

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.text.strip(), self.start, self.end, self.section)


# A period counted from something other than the decision ("within 28 days of receiving
# her invoice", "within two weeks of completing the review") cannot be resolved: its
# deadline has no date. The phrase patterns (pipeline.nlp) take the decision's own anchors.
_ANCHORED_ELSEWHERE = re.compile(r"[ \t]+(?:of|from|after|following)\s+(?![^.;:,\n]{0,60}?\b(?:decision|report|statement|letter)\b)", re.I)


def sentences_of(doc: Doc, offset: int, section: str, registry: BodyRegistry) -> list[Sentence]:
    """The `Sentence`s of one section's Doc, `offset` its start in the decision text, each with
    its share of the components' candidates and the bodies they name resolved by `registry`."""
    # Every candidate list is sorted by start, so each sentence takes its share by bisection.
    ext = doc._  # (each `doc._` builds an object: read it once)
    mentions = ext.body_mentions or []
    mention_starts = [m.start for m in mentions]
    amounts = ext.amounts or []
    amount_starts = [a.start for a in amounts]
    deadlines = ext.deadline_phrases or []
    deadline_starts = [d.start for d in deadlines]
    out: list[Sentence] = []
    scores = ext.fault_scores or {}
    wording = ext.finding_wording
    doc_text = doc.user_data.get("text") or doc.text  # Doc.text is rebuilt on every access
    aliases = registry.bare_aliases(doc_text)
    alias_starts = [a[0] for a in aliases]
    last_end = 0
    for (s, e), fault_word in zip(sentence_offsets(doc), ext.fault_words):
        sent_text = doc_text[s:e]
        if not sent_text.strip():
            continue
        opens_paragraph = last_end == 0 or "\n" in doc_text[last_end:s]
        last_end = e
        bodies: list[tuple[int, str]] = []
        # (Most sentences hold no sum, deadline or alias: the slices are taken only when
        # the bisection says there is something in them.)
        i, j = bisect_left(mention_starts, s), bisect_left(mention_starts, e)
        for m in mentions[i:j] if i < j else ():
            key = registry.resolve_or_placeholder(m)
            if key is not None:
                bodies.append((offset + m.start, key))
        i, j = bisect_left(alias_starts, s), bisect_left(alias_starts, e)
        for bs, key in aliases[i:j] if i < j else ():
            if not any(abs(b - (offset + bs)) < 3 for b, _ in bodies):
                bodies.append((offset + bs, key))
        if len(bodies) > 1:
            bodies.sort()
        i, j = bisect_left(amount_starts, s), bisect_left(amount_starts, e)
        sent_amounts = [Amount(offset + a, offset + b, v) for a, b, v in amounts[i:j]] if i < j else []
        i, j = bisect_left(deadline_starts, s), bisect_left(deadline_starts, e)
        sent_deadlines = [DeadlinePhrase(offset + a, offset + b, t, d, None if p and _ANCHORED_ELSEWHERE.match(doc_text, b) else p)
                          for a, b, t, d, p in deadlines[i:j]] if i < j else []
        out.append(Sentence(sent_text, offset + s, offset + e, section, bodies, sent_amounts, sent_deadlines,
                            scores.get(s), fault_word, None if wording is None else s in wording, opens_paragraph,
                            "" if out else doc.user_data.get("heading", "")))
    return out

"""Who acts in a remedy sentence: the bodies it gives work to.

"The ICB and the Council will each pay ..." gives work to both; "With regard to the ICB,
I recommend: ..." to the ICB; a sentence naming no body at its start ("It should also
remind staff ...") to the body the remedy was last about. The payments, deadlines and
remedies readers all ask these questions of the same `Sentence`s
(pipeline.extraction.read_sentences), whose `bodies` are (offset in the decision text,
body key) pairs in order.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from pipeline.extract.sentence import Sentence

# Where the subject of a remedy sentence ends: its modal or its verb.
SUBJECT_END = re.compile(r"\b(?:will|should|must|shall|is to|are to|agreed|agrees|has|have|had|pays?|writes?|apologis\w*|refunds?)\b", re.I)
# A subject can be named after a lead-in: "With regard to the ICB, ...", "For the Council: ...".
_LEAD_IN = re.compile(r"(?:regard|relation to|regarding|for)\s*(?:the\s*)?$", re.I)


# A subject that stands for all of a decision's principal bodies: "they", "both", "the
# organisations", "the two bodies" (a pattern to embed, without word boundaries).
PLURAL_SUBJECT = r"they|both|each|(?:both|each|the)\s+(?:of them\s+|two\s+)?(?:organisations|bodies|authorities)"

# Where a remedy sentence's next clause starts: after ", and", ";" or ":", or at an "and"
# before the next remedy verb ("refund the £2,146.50 she has already paid and pay her
# £200", "The Council will pay £450, and both organisations will apologise").
_NEXT_CLAUSE = re.compile(r",?\s+and\s+(?=(?:to\s+)?(?:pay|refund|reimburse|repay|apologi[sz]e|waive|make)\b)|"
                          r",\s+and\s+|[;:]\s+", re.I)


def clause_start(text: str, end: int | None = None) -> int:
    """Where the clause holding text[end] (the text's end by default) starts."""
    return max((m.end() for m in _NEXT_CLAUSE.finditer(text, 0, len(text) if end is None else end)), default=0)


def unique(items: Iterable[str]) -> list[str]:
    """The items in their first order, each once."""
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def subjects(sent: Sentence) -> list[str]:
    """The bodies a remedy sentence gives work to: "the ICB and the Council will each pay"."""
    m = SUBJECT_END.search(sent.text)
    end = sent.start + (m.start() if m else len(sent.text))
    lead = [k for off, k in sent.bodies if off < end]
    if len(lead) > 1:
        return unique(lead)
    one = subject(sent)
    return [one] if one else []


def current_subject(sentences: list[Sentence], i: int) -> str | None:
    """The body the remedy is about so far: the subject of the latest sentence, up to and
    including sentences[i], that has one."""
    return next((s for s in map(subject, sentences[i::-1]) if s), None)


def subject(sent: Sentence) -> str | None:
    """The body a remedy sentence is about: the first body named near its start."""
    if not sent.bodies:
        return None
    offset, key = sent.bodies[0]
    lead = sent.text[:offset - sent.start]
    if len(lead.split()) <= 8 or _LEAD_IN.search(lead):
        return key
    return None


# The words before a body that make it what a verb acts on, not who acted ("failed to
# monitor the Care Home", "payments to the home", "contacted the Trust"): its findings and
# sums are not that body's.
OBJECT_LEAD = re.compile(
    r"(?:monitor\w*|oversee\w*|oversight (?:of|over)|commission\w*|instruct\w*|contact\w*|told|asked|to|from|with|pay|paid|paying|"
    r"of|about|than|between|ensuring|chase\w*|by|on|upon)\s+(?:the\s+|an?\s+)?$", re.I)

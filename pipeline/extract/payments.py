"""What the words around a sum say about it: awarded or not, new or already offered, for
how many people, and whether a sentence outside the remedy section still sets a remedy.

These are rules on a sentence's text and a sum's character offsets in it (no spaCy, no
body registry), so each can be tested on a sentence written for the test.
`pipeline.extraction.read_payments` walks the sentences and asks them.

Forms, from what unseen LGSCO and PHSO decisions showed the extractor missing:
- distractors: sums the complainant asked for, claimed or paid; ranges and caps quoted
  from guidance ("between £1,000 and £5,000"); sums the Ombudsman declines to recommend;
  offers the complainant turned down;
- sums already paid, refunded or agreed before the decision and endorsed by it
  (`previously_offered` in ANNOTATION.md);
- reductions of a bill or invoice, which remedy like a refund;
- recommendations stated outside a recognised remedy heading ("We recommend that the
  Trust pays ...", a list after "To remedy the injustice, the Council should:");
- one sum for each of several people.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# The complainant or their family, as decisions name them: "Mrs X", "Mr and Mrs Y", "she".
_PERSON = (r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:and\s+(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?[A-Z]\b|"
           r"\b(?:she|he|they|the complainant|the family|her family|his family|the resident)\b)")

# The complainant wants, claims or reports a sum: "Mrs X told us she wants the Trust to pay
# her £10,000", "Mr Y is seeking £5,000", "He says the Trust should pay him £2,000". The
# person and the verb come before the sum in its clause, with no recommendation between.
_WANTS = re.compile(
    _PERSON + r"[^.;£]{0,40}?\b(?:(?:wants?|wanted|would (?:like|prefer)|(?:is|was|are|were) (?:seeking|asking for|looking for|claiming)|"
    r"seeks?|sought|asked (?:for|the \w+ (?:to|for))|asks? (?:for|the \w+ (?:to|for))|requested|claims?|claimed|expects?|expected)\b[^£]{0,80}|"
    # what they say ought to be paid: "He says the Trust should pay him £2,000"
    r"(?:says?|said|told us|tells us|believes?|believed|feels?|felt|thinks?|thought|argues?|argued|considers?)\b"
    r"[^.;£]{0,80}?\b(?:should|ought to|must|deserves?|is entitled to|was entitled to)\b[^£]{0,50}|"
    # what they complain was not paid: "She also complained it failed to refund a £1828.57 deposit"
    r"complain(?:s|ed)?\b[^.;£]{0,60}?\b(?:failed to|did not|didn't|refused to|would not|will not|has not|had not)\s+"
    r"(?:refund|repay|pay|reimburse|return)\b[^£]{0,40})$",
    _I)
# ... unless the body then agreed: "Mrs X asked the Council to refund £450 and it has agreed to".
_AGREED_AFTER = re.compile(r"^[^.;£]{0,40}?\b(?:and|which|as)\s+(?:it|they|the \w+)\s+(?:has\s+|have\s+)?(?:now\s+)?"
                           r"(?:agreed|accepted|will|offered|paid)\b", _I)
_OUR_WORDS = re.compile(r"\b(?:we|I) (?:would |also |therefore |now )?(?:recommend|ask|consider|find|decided|agree)|\bour (?:view|recommendation)|"
                        r"\bhas agreed\b|\bagreed to\b", _I)

# The complainant's own outlay: "Mrs X paid £3,600 for private physiotherapy".
_PERSON_PAID = re.compile(
    _PERSON + r"\s+(?:had\s+|has\s+|have\s+)?(?:already\s+)?(?:paid|spent|incurred|lost|was charged|were charged|"
    r"had to pay|has had to pay|needed to pay|borrowed)\s+(?:out\s+)?(?:about\s+|around\s+|over\s+|almost\s+|nearly\s+|more than\s+|"
    r"just over\s+|just under\s+|some\s+|in excess of\s+|approximately\s+|roughly\s+)?$", _I)

# Ranges and caps are guidance or background, not one sum awarded: "between £1,000 and
# £5,000", "£500 to £1,000", "£250-£500"; "up to £1,000" where the sentence quotes guidance.
_RANGE_BEFORE = re.compile(r"\bbetween\s*$|£\s?[\d,.]+\s*(?:to|-|–|and)\s*$", _I)
_RANGE_OPEN_BEFORE = re.compile(r"\bbetween\s*£\s?[\d,.]+\s*(?:and|-|–)\s*$", _I)
_RANGE_AFTER = re.compile(r"^\s*(?:to|-|–)\s*£\s?\d", _I)
_CAP_BEFORE = re.compile(r"\b(?:up to|a maximum of|no more than|in the region of|in the range of|typically|usually|normally)\s*$", _I)
_GUIDANCE = re.compile(r"\bguidance\b|\bscale\b|\bprinciples\b|\blevel (?:\d|one|two|three|four|five|six)\b|\bband\b|"
                       r"\b(?:typically|usually|normally|generally)\b", _I)

# The Ombudsman declines a sum: "We do not recommend a financial remedy of £2,000".
_DECLINED_BY_US = re.compile(
    r"\b(?:do|does|did|will|would|could|can|are|is) not (?:recommend|ask|consider|think|find|award|agree)\w*\b[^.;£]{0,60}$|"
    r"\bnot (?:recommending|asking for|awarding)\b[^.;£]{0,60}$|\bdeclined? to (?:recommend|ask for|award)\b[^.;£]{0,60}$", _I)
# The complainant turned an offer down: "offered Mrs X £300, which she declined".
_TURNED_DOWN = re.compile(r"^[^.;£]{0,40}?\b(?:she|he|they|Mrs? [A-Z]|Ms [A-Z]|Miss [A-Z])\s+(?:has\s+|had\s+)?"
                          r"(?:declined|refused|rejected|turned (?:it |this )?down|did not accept)\b", _I)


# ... or after it: "a private ambulance would have cost £480, ... and we do not recommend a
# payment for this".
_DECLINED_AFTER = re.compile(r"^[^.;]*?\b(?:we|I) (?:do|did|will|would) not (?:recommend|ask for|award) (?:a |any )?(?:payment|refund|reimbursement|remedy)\b", _I)
# A sum the decision replaces: "instead of the £100 it offered, pay him £600".
_REPLACED = re.compile(r"\b(?:instead of|rather than|in place of|replac\w+)\s+(?:the\s+|its\s+|their\s+)?\s*$", _I)


# A sum a remedy leaves out: "write off the debt apart from the outstanding care home fees of £2,804.12".
_EXCEPTED = re.compile(r"\b(?:apart from|except(?: for)?|other than|excluding|save for)\b[^.;£]{0,60}$", _I)


def replaced(text: str, start: int) -> bool:
    """Is the sum at text[start:] one the decision replaces with another ("instead of £300";
    "increased its offer from £2,000 to over £2,600")?"""
    if _REPLACED.search(text[max(0, start - 30):start]):
        return True
    after = text.find(" ", start)
    return after > 0 and bool(_FROM_BEFORE.search(text[max(0, start - 10):start]) and _TO_AFTER.match(text, after))


_FROM_BEFORE = re.compile(r"\bfrom\s+$", _I)
_TO_AFTER = re.compile(r"\s+to\s+(?:over\s+|about\s+|around\s+|just over\s+|more than\s+)?£", _I)


def not_awarded(text: str, start: int, end: int) -> bool:
    """True when the words around the sum at text[start:end] say it is not awarded:
    wanted, claimed or paid by the complainant, a range or cap from guidance, declined by
    the Ombudsman, an offer the complainant turned down, one the decision replaces or one it
    leaves out ("apart from the outstanding fees of £X")."""
    lead = text[max(0, start - 160):start]
    clause_lead = re.split(r"[.;:•]\s|\b(?:but|however|and we|we therefore)\b", lead)[-1]
    wants = _WANTS.search(clause_lead)
    if wants and not _OUR_WORDS.search(clause_lead[wants.start():]) and not _AGREED_AFTER.search(text[end:end + 80]):
        return True
    if _PERSON_PAID.search(lead[-60:]):
        return True
    tail = text[end:end + 60]
    if _RANGE_OPEN_BEFORE.search(lead[-40:]) or _RANGE_AFTER.match(tail):
        return True
    if _RANGE_BEFORE.search(lead[-20:]) and re.search(r"\bbetween\b|£\s?[\d,.]+\s*(?:to|-|–)\s*$", lead[-40:], _I):
        return True
    if _CAP_BEFORE.search(lead[-25:]) and _GUIDANCE.search(text):
        return True
    if _DECLINED_BY_US.search(clause_lead):
        return True
    if in_breakdown(text, start):
        return True
    if replaced(text, start) or _EXCEPTED.search(lead[-80:]):
        return True
    if _DECLINED_AFTER.search(text[end:end + 160]):
        return True
    return bool(_TURNED_DOWN.search(tail))


_BREAKDOWN_BEFORE = re.compile(r"£\s?[\d,.]+\s*\([^()£]*$")


def in_breakdown(text: str, start: int) -> bool:
    """Is the sum at text[start] how the sum before it was worked out: "£5,500 (11 months at
    £500 each)", "£1,050 (£150 for each month ...)"?"""
    return bool(_BREAKDOWN_BEFORE.search(text, max(0, start - 60), start))


# A sum already paid, refunded, reduced or agreed before the decision, which the decision
# endorses: "has already reimbursed Mr Y £120", "has already accepted the fault and agreed
# to pay £300", "the payment of £1,500 the Council made was a suitable remedy", "has
# reduced the invoice by £1000, which remedies her injustice".
_ALREADY_DONE = re.compile(
    r"\balready\s+(?:[\w’']+\s+){0,8}?(?:offered|paid|agreed|made|given|proposed|reimbursed|refunded|credited|waived|"
    r"reduced|awarded|written off|wrote off)\b[^.;£]{0,60}$", _I)
_DONE_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|also\s+)?(?:reimbursed|refunded|credited|waived|reduced|written off)\b[^.;£]{0,60}$", _I)
_ENDORSED_AFTER = re.compile(
    r"^[^.;]{0,200}?\b(?:was|is|were|are|has been)\s+(?:a\s+|an\s+)?(?:satisfactory|suitable|sufficient|adequate|appropriate|"
    r"reasonable|proportionate|fair|enough)\b|^[^.;]{0,40}?,?\s*which (?:remedies|remedied|is a (?:suitable|satisfactory|fair) remedy)", _I)
_NEW_SUM_BEFORE = re.compile(r"\b(?:further|additional|extra|more|should|must|will|recommend\w*|to pay)\b[^£]{0,30}$", _I)


def already_done(text: str, start: int, end: int, clause_start: int = 0) -> bool:
    """True when the sum at text[start:end] was paid, refunded, reduced or agreed before
    the decision (the forms `vocabulary.PREVIOUSLY_OFFERED` does not cover); its clause
    starts at or after clause_start."""
    lead = text[max(clause_start, start - 150):start]
    lead = re.split(r"[.;•]\s", lead)[-1]
    if _NEW_SUM_BEFORE.search(lead) and not _ALREADY_DONE.search(lead):
        return False
    if _ALREADY_DONE.search(lead) or _DONE_BEFORE.search(lead):
        return True
    if re.search(r"\b(?:the|its|this|a)\s+(?:payment|offer|refund|sum)\s+of\s*$", lead, _I):
        return bool(_ENDORSED_AFTER.search(text[end:end + 240]))
    return False


# A bill or charge reduced by a sum remedies like a refund: "reduce Mrs X's outstanding
# invoice by £640", "reduce the amount he owes by £500"; a weekly rate reduced is not a
# remedy ("reduced her charges by £20 a week").
_REDUCED_BY = re.compile(r"\breduc\w*\s+(?:[\w’'-]+\s+){0,5}?(?:invoices?|bills?|charges?|fees?|debts?|arrears|account|"
                         r"contributions?|balance|owes?|owed|owing|outstanding)\s+by\s*$", _I)
_RATE_AFTER = re.compile(r"^\s*(?:a|per|each|every)\s+(?:week|month|hour|day|night|year)\b|^\s*(?:weekly|monthly)\b", _I)


def reduces_a_bill(text: str, start: int, end: int) -> bool:
    return bool(_REDUCED_BY.search(text[max(0, start - 80):start])) and not _RATE_AFTER.match(text[end:end + 20])


# A sentence that sets a remedy by its own words, wherever it stands: "We recommend that
# the Trust pays ...", "the Trust should pay ...", "has agreed to pay ...".
RECOMMENDS = re.compile(
    r"\b(?:we|I)\s+(?:would\s+|also\s+|therefore\s+|now\s+)?(?:recommend|recommended|ask|asked)\b|"
    r"\b(?:should|must|will|shall|(?:has|have|had)\s+agreed\s+to|agreed\s+to|agrees\s+to|is\s+to|are\s+to)\s+(?:also\s+|now\s+)?"
    r"(?:pay|refund|reimburse|repay|waive|make\s+(?:a|an)\s+(?:\w+\s+)?payment|reduce|credit|write\s+off)\b", _I)
# The line that opens a list of remedy actions: "To remedy the injustice caused, the
# Council should:", "The Trust has agreed to:", "We recommend that within one month the Trust:".
REMEDY_LEAD = re.compile(
    r"(?:\b(?:should|must|will|shall|agreed to|agrees to|has agreed|have agreed|recommend\w*|is to|are to)\b|"
    r"\bto (?:remedy|put (?:things|this|it) right|address|recognise)\b|\bthe following\b)[^:]{0,80}:\s*$", _I)
# A list item: a bullet, "1.", "(a)", "ii)" at the start of the sentence.
LIST_ITEM = re.compile(r"^\s*(?:[•\-–*·▪]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s", _I)


# One sum for each of several people: "pay each of the neighbours £250" (two, when the
# text does not count them), "each of the three children", "Mr and Mrs Y £200 each".
_EACH_OF = re.compile(r"\beach\s+of\s+(?:them|both|(?:the|her|his|their|these|those)\s+(?:(?P<n>two|three|four|five|six|2|3|4|5|6)\s+)?[\w-]+(?:s|ren|ple|men)\b)", _I)
_SUM_EACH = re.compile(r"^\s*(?:to\s+)?each\b", _I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def recipients(clause_before: str, clause_after: str) -> int:
    """How many people one sum is paid to, from the words of its clause before and after it."""
    m = _EACH_OF.search(clause_before) or _EACH_OF.search(clause_after[:40])
    if m:
        n = (m.group("n") or "").lower()
        return int(n) if n.isdigit() else _NUMBERS.get(n, 2)
    if _SUM_EACH.match(clause_after):
        people = re.findall(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b", clause_before[-60:])
        return max(2, len(people))
    return 1


# What a sum is for, where the purpose cues of `vocabulary.PURPOSE_CUES` miss the form:
# a service the person went without ("she missed out on a property", "its failure to
# provide her with support") and money the person laid out ("the amount Mr B paid for
# school transport", a bill reduced).
_LOST_SERVICE = re.compile(r"\bmissed out on\b|\bfail\w*\s+to\s+(?:provide|deliver|arrange|secure)\b|\bwent without\b", _I)
_LAID_OUT = re.compile(r"\b(?:amount|sum|cost|costs)\s+(?:that\s+)?(?:\w+\s+){0,2}(?:had\s+)?paid\b|\breduc\w*\s+(?:[\w’'-]+\s+){0,5}?"
                       r"(?:invoices?|bills?|charges?|fees?|debts?|arrears|account|contributions?|balance)\b", _I)


def more_purposes(text: str) -> list[str]:
    return (["loss_of_service"] if _LOST_SERVICE.search(text) else []) + (["financial_loss"] if _LAID_OUT.search(text) else [])

"""What the words around a sum say about it: awarded or not, new or already offered, for
how many people, and whether a sentence outside the remedy section still sets a remedy.

The rules come first: each works on a sentence's text and a sum's character offsets in it
(no spaCy, no body registry), so each can be tested on a sentence written for the test.
`read_payments`, at the end, walks a decision's sentences and asks them, and finds who pays.

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

import dataclasses
import re

from pipeline import text as sections_mod
from pipeline.extract import subjects as subject_rules
from pipeline.extract import vocabulary as vocab
from pipeline.extract.money import Amount
from pipeline.extract.registry import BodyRegistry
from pipeline.extract.sentence import Sentence
from pipeline.extracted import Payment

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


# --- reading a decision's sums ---------------------------------------------------------

# "The Council and the ICB will each pay him £250", "the Trust and the Council have each
# agreed to apologise and pay Mrs V £250": one sum from each body of the clause.
_EACH_PAYS = re.compile(r"\beach\s+(?:agreed\s+to\s+|will\s+|should\s+)?(?:apologi[sz]e\s+(?:to\s+[^,;£]{1,40}?\s+)?and\s+(?:to\s+)?)?"
                        r"(?:pay|refund|make|give)\b", re.I)


def _each_pays(sent: Sentence, amount_start: int, current: str | None) -> list[str]:
    """The bodies that each pay the sum at amount_start, when the sentence says they each
    do ("it and the ICB": `current`, the body the remedy is about, and the ICB)."""
    before = sent.text[:amount_start - sent.start]
    found = list(_EACH_PAYS.finditer(before))
    if not found:
        return []
    each = found[-1]
    lo = sent.start + subject_rules.clause_start(before, each.start())
    payers = [k for off, k in sent.bodies if lo <= off < sent.start + each.start()]
    if current is not None and re.match(r"\s*it\s+and\b", sent.text[lo - sent.start:]):
        payers.insert(0, current)
    payers = subject_rules.unique(payers)
    return payers if len(payers) > 1 else []


def _listed_under_an_award(read: list[Sentence], i: int, start: int, end: int) -> bool:
    """A sum in a sub-item of a remedy item that awards it: "reimburse the costs Miss B
    incurred (...): • School 1 - £568 • School 2 - £943"."""
    sent = read[i]
    if not LIST_ITEM.match(sent.text) or not_awarded(sent.text, start - sent.start, end - sent.start) \
            or vocab.NOT_AWARD.search(sent.text[max(0, start - sent.start - 40):end - sent.start + 30]):
        return False
    for j in range(i - 1, max(-1, i - 4), -1):
        lead = read[j]
        if lead.section != sent.section:
            return False
        if lead.text.rstrip().endswith(":"):
            return bool(vocab.AWARD_VERB.search(lead.text)) and LIST_ITEM.match(lead.text) is not None
        if not LIST_ITEM.match(lead.text):
            return False
    return False


_JOINED_SUMS = re.compile(r"^\s*(?:along with|in addition to|on top of|as well as|plus|and) the\s*$", re.I)


def _clause(start: int, end: int, sent: Sentence) -> str:
    """The words that go with a sum: from the previous sum (or the sentence start) to the
    next one. "£250 along with the £500 already offered for the distress" is one clause
    for both sums."""
    before = _sums_before(sent, start)
    after = [a for a in sent.amounts if a.start >= end]
    lo = before[-1][1] if before and not _JOINED_SUMS.match(sent.text[before[-1][1] - sent.start:start - sent.start]) else sent.start
    if before and lo == sent.start:
        lo = before[-2][1] if len(before) > 1 else sent.start
    hi = sent.end
    for nxt in after:
        if _JOINED_SUMS.match(sent.text[end - sent.start:nxt[0] - sent.start]):
            end = nxt[1]
            continue
        hi = nxt[0]
        break
    return sent.text[lo - sent.start:hi - sent.start]


_NEXT_REMEDY = re.compile(r"(?:\band|,|;)\s+(?:to\s+|will\s+|should\s+)?(?:waive|refund|reimburse|apologi[sz]e|remind|review|write|pay|arrange|provide)\b", re.I)


def _purpose_text(start: int, end: int, sent: Sentence) -> str:
    """The words that say what a sum is for: after it ("£250 for the avoidable distress"),
    up to the next remedy or sum; or, when those say nothing, just before it ("waive
    outstanding fees of £181")."""
    after = [a for a in sent.amounts if a.start >= end]
    hi = after[0].start if after else sent.end
    following = sent.text[end - sent.start:hi - sent.start]
    if _JOINED_SUMS.match(following):  # "£250 along with the £500 already offered for ..."
        nxt = after[1][0] if len(after) > 1 else sent.end
        following = sent.text[after[0].end - sent.start:nxt - sent.start]
    m = _NEXT_REMEDY.search(following)
    if m:
        following = following[:m.start()]
    before = _sums_before(sent, start)
    lo = max(before[-1][1] if before else sent.start, start - 70)
    lead = sent.text[lo - sent.start:start - sent.start]
    cut = list(re.finditer(r"(?:\band|,|;)\s+(?:to\s+)?", lead))
    if cut and _HOW_MUCH.match(lead, cut[-1].end()):
        # "refund the overcharge, which the Council estimates at £2,970.40": the sum's
        # clause is the one its "which" describes
        lead = lead[cut[-2].end():] if len(cut) > 1 else lead
    else:
        lead = lead[cut[-1].end():] if cut else lead
    if _MONEY_BACK.search(lead):
        return lead  # "refund the £318.60 Mrs N paid for care she did not receive": money back
    if vocab.PURPOSE_CUE_SET.found_in(following):
        return following
    return lead + following


_MONEY_BACK = re.compile(r"\b(?:refund|reimburse|repay|waive|write off|backdate|return|restore)\w*\b", re.I)
_HOW_MUCH = re.compile(r"which (?:it|they|the \w+) (?:calculates?|estimates?|puts?|says? (?:is|comes to))\b", re.I)


# "£300 for the uncertainty caused by the dispute over his refund": money named in what
# caused the distress is not money the sum pays back.
_CAUSED_BY = re.compile(r"\b(?:caused|created|resulting|arising)\s+(?:to\s+\w+\s+)?(?:by|from)\b|\bof (?:sorting|dealing)\b", re.I)


# A distress named as such (not a generic "injustice"); "harm" as in "risk of harm".
_NAMED_DISTRESS = re.compile(r"distress|frustrat|uncertain|anxiety|upset|worry|stress|harm", re.I)
_ANOTHER_PURPOSE = re.compile(r",?\s+and\s+(?:for\s+)?(?:the\s+|her\s+|his\s+|their\s+)?(?=time and trouble|inconvenience|distress|frustrat|uncertain)", re.I)


def _named_purposes(text: str) -> set[str]:
    """The purposes a text's words name; money given back is a financial loss."""
    named = set(vocab.PURPOSE_CUE_SET.found_in(text)) | set(more_purposes(text))
    return named | {"financial_loss"} if _MONEY_BACK.search(text) else named


def _purposes(clause: str) -> list[str]:
    named = _named_purposes(clause)
    head = _CAUSED_BY.split(clause, 1)[0]
    if head != clause and vocab.PURPOSE_CUE_SET.found_in(head):
        # ("... caused by the delays, and her time and trouble": a second purpose after the cause)
        also = _ANOTHER_PURPOSE.search(clause, len(head))
        in_head = _named_purposes(head + " " + clause[also.end():] if also else head)
        # (what caused a named distress is not paid for; what caused an "injustice" may be:
        # "to recognise the injustice caused by its failure to provide support")
        from_cause = {"financial_loss"} | ({"loss_of_service", "time_and_trouble"} if _NAMED_DISTRESS.search(head) else set())
        named -= from_cause - in_head
    found = [p for p in vocab.PURPOSE_CUES if p in named]
    if "financial_loss" in found and "distress" in found and not _NAMED_DISTRESS.search(clause):
        found.remove("distress")
    return found or ["distress"]


def _sums_before(sent: Sentence, start: int) -> list[Amount]:
    """The sentence's sums before `start`, less those that only say how a sum was worked out
    ("£5,500 (11 months at £500 each)")."""
    return [a for a in sent.amounts if a.end <= start and not in_breakdown(sent.text, a.start - sent.start)]


def _is_award(sent: Sentence, start: int, end: int, clause: str) -> bool:
    s, e = start - sent.start, end - sent.start
    if not_awarded(sent.text, s, e):
        return False
    if reduces_a_bill(sent.text, s, e):
        return True
    window = sent.text[max(0, s - 80):e + 60]
    near = sent.text[max(0, s - 40):e + 30]
    if vocab.NOT_AWARD.search(near) and not re.search(r"refund|reimburs|waiv|settle|credit|writ\w* off|pay (?:her|him|them|mrs?|ms|miss)", near, re.I) \
            and not _PAID_THEM.search(window):
        return False
    if vocab.AWARD_VERB.search(window):
        return True
    # the next sum of a list the same verb awards: "pay her £500 for the distress of the
    # five extra weeks her family spent in bed and breakfast, and £150 for her time"
    before = _sums_before(sent, start)
    return bool(before) and bool(_LIST_AND.search(sent.text, before[-1][1] - sent.start, s)) \
        and _is_award(sent, before[-1][0], before[-1][1], clause)


# "Jobcentre Plus paid him £350 for the benefit he lost": a sum paid to the person (not a
# rate: "paid her £73 a week") is paid, whatever it makes good.
_PAID_THEM = re.compile(r"\bpaid (?:her|him|them|mrs?|ms|miss)\b(?![^.]{0,30}\b(?:a|per|each|every) (?:week|month|year|day)\b)", re.I)
_LIST_AND = re.compile(r"[^£.;]{0,200}?(?:,|\s*;|,?\s+(?:and|plus))\s+(?:a further\s+|another\s+|an additional\s+)?$")


# Sections whose sums count only when the sentence sets a remedy by its own words ("We
# recommend that the Trust pays ...") or stands in a list a remedy line opens ("To remedy
# the injustice, the Council should:"): PHSO and older LGSCO texts put recommendations under
# headings we do not know, or under none. Read only when the remedy, decision and summary
# sections give no sum.
_STATED_ELSEWHERE = (sections_mod.FINDINGS, sections_mod.HEADER, sections_mod.COMPLAINT)
_ELSEWHERE = "elsewhere"


def _sets_remedy(read: list[Sentence], i: int, start: int) -> bool:
    """The sentence read[i] sets a remedy: its own words recommend or agree a payment before
    the sum, or it is an item of a list opened by a remedy line."""
    sent = read[i]
    if RECOMMENDS.search(sent.text[:start - sent.start]):
        return True
    j = i
    # (back over the list's items, and the later sentences of an item: "• contact the mother
    # ... and liaise with her. Any communications with her should ...")
    while j > 0 and (LIST_ITEM.match(read[j].text) or (j < i and not read[j].opens_paragraph)) \
            and read[j - 1].section == sent.section and i - j < 12:
        j -= 1
        if REMEDY_LEAD.search(read[j].text.rstrip()):
            return True
    return False


def read_payments(sentences: list[Sentence], registry: BodyRegistry, default_payer: str | None,
                  remedy_reported: bool = False) -> list[Payment]:
    """The sums awarded. `remedy_reported`: the remedy section reports what the body did
    after the investigation (a PHSO case summary's "Putting it right: The Trust apologised
    and paid her £500"), so a sum paid there is the remedy, not one offered before it."""
    by_section: dict[str, list[Payment]] = {}
    read = [s for s in sentences if s.section in (sections_mod.REMEDY, sections_mod.SUMMARY, sections_mod.DECISION,
                                                  sections_mod.FINDINGS, sections_mod.HEADER, sections_mod.COMPLAINT)]
    for i, sent in enumerate(read):
        if not sent.amounts:
            continue
        current = subject_rules.current_subject(read, i)  # looked for only where there is a sum
        for start, end, amount in sent.amounts:
            if amount < 1:
                continue  # "£0.55 per mile": pence are a rate, never a sum awarded
            clause = _clause(start, end, sent)
            if not (_is_award(sent, start, end, clause) or _listed_under_an_award(read, i, start, end)):
                continue
            previously = _previously_offered(sent, start, end) and not (
                remedy_reported and sent.section == sections_mod.REMEDY and not _BEFORE_US.search(sent.text))
            section = sent.section
            if section in _STATED_ELSEWHERE:
                if section == sections_mod.FINDINGS and previously and _REMEDY_PURPOSE.search(sent.text):
                    pass  # "It apologised and paid her £250 to reflect the impact": endorsed
                elif _sets_remedy(read, i, start):
                    section = _ELSEWHERE
                else:
                    continue
            joint = _joint_payers(sent, start)
            if not joint:
                payer = _payer(sent, start) or current or default_payer
            elif _RESPECTIVELY.search(sent.text, end - sent.start):
                # "The Trust and the Council ... pay Mrs R £400 and £250 respectively"
                nth = sum(1 for a in sent.amounts if joint[1][0] < a.start < start)
                payer = joint[nth][1] if nth < len(joint) else None
            else:
                payer = None
            payers = _each_pays(sent, start, current) or [payer]
            status = "previously_offered" if previously else "recommended"
            purposes = _purposes(_purpose_text(start, end, sent))
            for other in payers[1:]:
                by_section.setdefault(section, []).append(Payment(other, amount, list(purposes), status, [], sent.provenance, clause))
            payment = Payment(payers[0], amount, purposes, status, [], sent.provenance, clause)
            by_section.setdefault(section, []).append(payment)
            lo = max([a.end for a in sent.amounts if a.end <= start] or [sent.start])
            hi = min([a.start for a in sent.amounts if a.start >= end] or [sent.end])
            for _ in range(recipients(sent.text[lo - sent.start:start - sent.start],
                                                    sent.text[end - sent.start:hi - sent.start]) - 1):
                by_section[section].append(dataclasses.replace(payment))
    # The remedy section is where sums are set; a summary or decision restates them.
    for section in (sections_mod.REMEDY, sections_mod.DECISION, sections_mod.SUMMARY, _ELSEWHERE):
        chosen = _drop_announcements(_dedupe(by_section.get(section, [])))
        if chosen:
            break
    else:
        chosen = []
    for extra in by_section.get(sections_mod.FINDINGS, []):
        if not any(p.amount == extra.amount and p.payer == extra.payer for p in chosen):
            chosen.append(extra)
    return _dedupe(chosen)


_REMEDY_PURPOSE = re.compile(r"to (?:reflect|recognise|acknowledge|remedy)|remedy|redress|for (?:the|her|his|their) (?:distress|time|inconvenience|frustration)|goodwill", re.I)
# A case summary's remedy that says a sum came before the investigation
_BEFORE_US = re.compile(r"\b(?:already|previously|before (?:we|our|the complaint came))\b", re.I)


_REFUND_OF = re.compile(r"\b(?:refund|reimburse|repay|pay back|return)\w*\s+(?:to\s+\w+\s+)?(?:the|her|his|their|[\w’']+['’]s)\s*$", re.I)


def _previously_offered(sent: Sentence, start: int, end: int) -> bool:
    """A sum the body offered or paid before the decision, which the remedy endorses.

    Only the sum's own clause counts: in "£250 along with the £500 already offered" the
    £250 is new and the £500 is not.
    """
    before = _sums_before(sent, start)
    after = [a for a in sent.amounts if a.start >= end]
    lo = max(before[-1][1] if before else sent.start, start - 150)
    hi = min(after[0].start if after else sent.end, end + 40)
    lead = sent.text[lo - sent.start:start - sent.start]
    if re.search(r"(?:along with|in addition to|on top of|as well as|plus|including) the\s*$", lead, re.I):
        return True
    # the clause before a sum's own ("refund the £326 already paid, and pay Mrs F £150")
    # says nothing about it
    cut = subject_rules.clause_start(lead)
    lo, lead = lo + cut, lead[cut:]
    if _REFUND_OF.search(lead):
        return False  # "refund the £326.18 already paid": the person paid it; the refund is new
    if before and replaced(sent.text, before[-1][0] - sent.start):
        return False  # "instead of the £100 it offered, pay him £600": the £600 is new
    if re.search(r"\b(?:further|additional|extra|more)\b[^£]{0,30}$", lead, re.I):
        return False
    if vocab.PREVIOUSLY_OFFERED.search(sent.text[lo - sent.start:hi - sent.start]):
        return True
    return already_done(sent.text, start - sent.start, end - sent.start, lo - sent.start if cut else 0)


_ANNOUNCED = re.compile(r"(?:financial remedy|payment|sum|award)\s+of\s*£", re.I)


def _drop_announcements(payments: list[Payment]) -> list[Payment]:
    """"We recommend a financial remedy of £5000. ... pay Ms H £5000": one sum, said twice."""
    out = []
    for p in payments:
        announced = _ANNOUNCED.search(p.provenance.sentence) and not re.search(r"\bpay\b", p.provenance.sentence, re.I)
        # (said again in another sentence: a sum "to each of" them is one per person, in one sentence)
        if announced and any(q.provenance.start != p.provenance.start and q.amount == p.amount and q.payer == p.payer
                             for q in payments):
            continue
        out.append(p)
    return out


def _dedupe(payments: list[Payment]) -> list[Payment]:
    """Each payment once (the same object can be reached through two sections)."""
    out: list[Payment] = []
    for p in payments:
        if not any(p is q for q in out):
            out.append(p)
    return out


def _joint_payers(sent: Sentence, amount_start: int) -> list[tuple[int, str]]:
    """The two bodies, (offset, key), that pay the sum at amount_start together: "The
    Council and the Trust will pay Mrs X £400", "X Trust and UCLH Trust paid compensation of
    £2,500". Such a sum has no one payer (ANNOTATION.md: null) unless the sentence gives
    each its own ("respectively"); bodies that each pay (`_each_pays`) pay a sum each."""
    before = [(off, k) for off, k in sent.bodies if off < amount_start]
    if len(before) < 2 or before[-1][1] == before[-2][1]:
        return []
    first, second = before[-2][0] - sent.start, before[-1][0] - sent.start
    if re.search(r"\beach\b", sent.text[second:amount_start - sent.start], re.I):
        return []  # "the ICB and the Council should each pay him £1,500": two sums
    # the two open their clause: its subject, not what it pays ("pay the ICB and the home")
    lead = sent.text[subject_rules.clause_start(sent.text, first):first]
    if _JOINED_SUBJECTS.fullmatch(sent.text, first, second) and _CLAUSE_OPENING.fullmatch(lead):
        return before[-2:]
    return []


_RESPECTIVELY = re.compile(r"[^.;]*?\brespectively\b", re.I)
_CLAUSE_OPENING = re.compile(r"[\W\d]*(?:(?:both|and|but|also|then|so|however|finally|additionally|in addition|further|the)[\s,]+)*", re.I)
_JOINED_SUBJECTS = re.compile(r"(?:[A-Z][\w’'&.-]*|of|and|upon|on|in|the|for|&)(?:\s+(?:[A-Z][\w’'&.-]*|of|upon|on|in|the|for|&))*"
                              r"(?:\s+\([^)]{1,40}\))?\s+and\s+(?:the\s+)?")


def _payer(sent: Sentence, amount_start: int) -> str | None:
    """The body that pays: the nearest body named before the sum as a subject, not as
    the object of "oversee the Agency" or "caused by the Council"."""
    before = [(off, k) for off, k in sent.bodies if off < amount_start]
    subjects = [k for off, k in before
                if not subject_rules.OBJECT_LEAD.search(sent.text[max(0, off - sent.start - 30):off - sent.start])
                and not re.search(r"caused by\s+(?:the\s+)?$", sent.text[max(0, off - sent.start - 30):off - sent.start], re.I)]
    return subjects[-1] if subjects else None

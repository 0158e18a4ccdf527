"""The decision's verdict and date: its outcome, the date it was made, and whether the
Ombudsman found fault, from the page's metadata or else from the text's own words."""
from __future__ import annotations

import datetime as dt
import re

from pipeline import text as sections_mod
from pipeline.extract import dates as date_rules
from pipeline.extract import vocabulary as vocab
from pipeline.extract.faults import FAULT_SECTIONS, is_finding
from pipeline.extract.sentence import Sentence
from pipeline.extracted import Fault
from pipeline.records import DecisionRecord, RecordError, parse_iso_date

_OUTCOME_WORDS = [
    (re.compile(r"closed after initial enquiries|initial enquiries", re.I), "closed_after_initial_enquiries"),
    (re.compile(r"not investigated|will not investigate|decided not to investigate", re.I), "not_investigated"),
    (re.compile(r"partly upheld|partly uphold|partially upheld|partially uphold|(?:upheld|uphold) part of", re.I), "partly_upheld"),
    (re.compile(r"not upheld|did not uphold|do not uphold|not uphold|not be upholding|not to uphold", re.I), "not_upheld"),
    (re.compile(r"\bupheld\b|\buphold\b", re.I), "upheld"),
]


def normalise_outcome(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower().replace("-", " ").replace("_", " ")
    for pattern, outcome in _OUTCOME_WORDS:
        if pattern.search(value):
            return outcome
    return None


_PHSO_ASSESSMENT = re.compile(r"before we decide (?:if|whether) (?:we should (?:conduct|carry out) a (?:detailed )?investigation|"
                              r"to investigate (?:a|the|this) complaint)|"
                              r"\bclosed (?:it|the complaint|this complaint|the case) after (?:our|my|its) initial enquiries", re.I)
_PHSO_DECISION = re.compile(r"\b(?:we|I|the Ombudsm[ae]n) (?:therefore |have )?(?:(?:have )?decided (?:not )?to )?(?:partly |partially |do not |did not |not |will not |will therefore not be |are not )?(?:uphold|upholding|upheld)\b[^.]*"
                            r"|\b(?:our|my) decision (?:is )?(?:not )?to (?:partly |partially )?uphold\b", re.I)


# (or one allegation: "We did not uphold her complaint that she was discharged too early")
_ONE_PART = re.compile(r"\b(?:this|that|these|those) (?:part|aspect|element)s?\b|\b(?:uphold|upheld)\s+(?:her|his|their|(?:mrs?|ms|miss|dr)\s+\w+['’]s|\w+['’]s)\s+complaints?\s+that\b", re.I)
_BUT_NOT = re.compile(r"\bbut not\b", re.I)
_LGSCO_UPHELD = re.compile(r"\b(?:has|have)\s+(?:completed\s+(?:the|my|our|this)\s+investigation\s+and\s+)?upheld\s+(?:the|this|\w+['’]s)\s+complaint", re.I)
# "The complaint is upheld.", "Mrs X's complaint is not upheld."
_COMPLAINT_IS_UPHELD = re.compile(r"\b(?:the|this|her|his|their|\w+['’]s)\s+complaints?\s+(?:is|are)\s+(?:(?:not|partly|partially)\s+)?upheld\b", re.I)


def read_outcome(record: DecisionRecord, meta: dict[str, str], decision_text: str) -> str | None:
    found = normalise_outcome(record.outcome) or normalise_outcome(meta.get("Decision"))
    if found:
        return found
    if record.source == "lgsco":
        if _LGSCO_UPHELD.search(record.text) or re.search(r"fault\b[^.]{0,60}causing injustice", decision_text, re.I):
            return "upheld"
        if m := _COMPLAINT_IS_UPHELD.search(record.text):
            return normalise_outcome(m.group(0))
    if record.source == "phso" and _PHSO_ASSESSMENT.search(record.text):
        return "closed_after_initial_enquiries"
    # Both publishers' decisions say it in words when the page gives no metadata: "We
    # partly uphold this complaint", "I have not upheld", "We will not be upholding".
    for text in (decision_text, record.text):
        parts = set()
        for m in _PHSO_DECISION.finditer(text):
            # "We upheld this part of the complaint", "We did not uphold the complaint about
            # the panel": a verdict on one part is not the decision's ...
            if not _ONE_PART.search(m.group(0)):
                found = normalise_outcome(m.group(0))
                # "We upheld the complaint about HMCTS but not about DVLA"
                return "partly_upheld" if found == "upheld" and _BUT_NOT.search(m.group(0)) else found
            parts.add(normalise_outcome(m.group(0)))
        if {"upheld", "not_upheld"} <= parts:
            # ... but one part upheld and another not is the complaint partly upheld
            return "partly_upheld"
    if re.search(r"not be upholding", decision_text or record.text, re.I):
        return "not_upheld"
    return None


# "This is our final decision, dated 12 June 2025", "Final decision ... 21 May 2025",
# "Date of decision: 3 March 2025": pages without metadata date themselves in words.
_DATED_DECISION = re.compile(
    rf"(?:final\s+decision|decision\s+date|date\s+of\s+(?:our\s+|the\s+|this\s+)?decision)(?:[^\n.]{{0,40}}?\b|[ \t]*\n\s*)({date_rules.DATE_PATTERN})",
    re.I)


def read_date(record: DecisionRecord, meta: dict[str, str]) -> dt.date | None:
    for value in (record.decision_date, meta.get("Decision date")):
        try:
            iso = parse_iso_date(value)
        except RecordError:
            continue
        if iso:
            return dt.date.fromisoformat(iso)
    m = _DATED_DECISION.search(record.text)
    return date_rules.parse_date(m.group(1)) if m else None


NOT_INVESTIGATED = ("closed_after_initial_enquiries", "not_investigated")


# A summary that sets out a remedy for the complainant: the Ombudsmen ask for one only
# where they found fault. Consulted only where no outcome is given or stated.
_REMEDY_ACT = r"(?:apologis|pay\b|refund|reimburs|make\s+(?:a|an)\s+(?:\w+\s+){0,2}payment)"
_AGREED_REMEDY = re.compile(
    # "The Council has agreed to apologise and pay", "... has agreed to consider ... and to pay"
    rf"\b(?:has|have|had)\s+(?:now\s+|also\s+)?agreed\s+to\s+(?:[^.;]{{0,80}}?\band\s+(?:to\s+)?)?{_REMEDY_ACT}"
    # "The Council agreed to arrange ... It agreed to pay Mr X £500" (a body agreeing)
    rf"|\b(?:it|council|trust|icb|ccg|board|provider|agency|home|organisations|they)\s+(?:now\s+|also\s+)?agreed\s+to\s+(?:[^.;]{{0,80}}?\band\s+(?:to\s+)?)?{_REMEDY_ACT}"
    # "It will also make a significant payment", "The Care Provider needs to apologise, ...",
    # "It should also apologise and pay Mr X £5000" (not "should have", "will not")
    rf"|\b(?:will|should|needs\s+to|must)\s+(?:now\s+|also\s+)?{_REMEDY_ACT}"
    # "The Council has agreed to our recommendations.", "agreed to the Ombudsmen's recommendations"
    r"|\b(?:(?:has|have)\s+(?:now\s+|also\s+)?)?(?:agreed\s+to|accepted)\s+(?:our|my|the\s+ombudsm[ae]n['’]s)\s+recommendations?\b"
    # "An apology, payment to Mrs B ... are satisfactory remedy."
    r"|\b(?:apology|payment)\b[^.;]{0,200}\b(?:is|are)\s+(?:a\s+)?(?:suitable|satisfactory|appropriate|proportionate)\s+remed",
    re.I)

# Someone reporting what the complainant says or wants: "Mrs F says the Council should pay".
_REPORTED = re.compile(r"\b(?:says?|said|believes?|believed|wants?|wanted|feels?|felt|thinks?|thought|asks?|asked|"
                       r"complains?|complained|claims?|claimed|argues?|argued)\b", re.I)



def sets_out_remedy(sentence: str) -> bool:
    """Does the sentence set out a remedy (`_AGREED_REMEDY`), not in a clause that reports
    what the complainant says or wants?"""
    for match in _AGREED_REMEDY.finditer(sentence):
        clause_start = max(sentence.rfind(".", 0, match.start()), sentence.rfind(";", 0, match.start())) + 1
        if not _REPORTED.search(sentence, clause_start, match.start()):
            return True
    return False


_WE_FOUND_FAILINGS = re.compile(r"\b(?:we|I) (?:found|identified|have found|did find) (?:some |a number of |several |other |minor )?"
                                r"(?:failings?|faults?|maladministration|service failures?)\b", re.I)
_UNDECIDED = re.compile(r"\bdiscontinu\w*|\beven if there (?:was|were|had been) (?:any )?fault|\bwhether there (?:was|were|had been) (?:any )?fault", re.I)


def read_fault_found(outcome: str | None, faults: list[Fault], sentences: list[Sentence], record: DecisionRecord) -> bool | None:
    if outcome in ("not_upheld", *NOT_INVESTIGATED):
        # "Not upheld" can still be fault without injustice ("there were some faults by the
        # care home, but they did not cause Ms D an injustice"): the faults read say so
        # (and a decision with fault rows must not say it found none). Otherwise only an
        # explicit "no fault" decides, and a page cut short does not say.
        if faults or any(s.fault_word and _WE_FOUND_FAILINGS.search(s.text) and not vocab.NO_FAULT.found_in(s.text)
                         for s in sentences if s.section in FAULT_SECTIONS):
            # (a finding the body had put right already: "We did not uphold this complaint.
            # We found failings, but HMCTS had already accepted and remedied these.")
            return True
        said_none = any(vocab.NO_FAULT.found_in(s.text) for s in sentences if s.section in FAULT_SECTIONS)
        if said_none or not record.truncated:
            return False
        # A complaint not upheld on its merits found no fault, though the summary says so
        # in its own words ("reached its decision in the proper way", "was entitled to");
        # one whose investigation was discontinued did not decide ("even if there was fault").
        decided = outcome == "not_upheld" and not any(
            _UNDECIDED.search(s.text) for s in sentences if s.section == sections_mod.SUMMARY)
        return False if decided else None
    if faults or outcome in ("upheld", "partly_upheld"):
        return True
    if any(is_finding(s) for s in sentences if s.section in FAULT_SECTIONS and s.fault_word):
        return True
    if any(vocab.NO_FAULT.found_in(s.text) for s in sentences if s.section in FAULT_SECTIONS):
        return False
    return None

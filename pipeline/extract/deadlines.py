"""Deadlines: when the remedies a decision sets are due, one per body and date.

`read_deadlines` keeps a deadline phrase ("by 29 October 2025", "within one month of the
final decision": the `deadline_phrases` component's candidates) where its sentence asks
for or agrees a remedy, or is an item of a list such a sentence opens, and resolves it
against the decision date; who must act comes from the sentence's subject, the list it is
in, or the decision's principal bodies. What counts is set out in `tests/test_deadlines.py`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from pipeline import text as sections_mod
from pipeline.extract import dates as date_rules
from pipeline.extract import subjects as subject_rules
from pipeline.extract import vocabulary as vocab
from pipeline.extract.sentence import Sentence
from pipeline.extracted import Deadline

if TYPE_CHECKING:
    from pipeline.extract.registry import BodyRegistry

def _actions(text: str) -> list[str]:
    named = vocab.ACTION_CUE_SET.found_in(text)
    found = [a for a in vocab.ACTION_CUES if a in named]
    return found or ["other"]


# A deadline is a remedy's when its sentence asks for or agrees the remedy: a modal or
# an agreement ("the Council will", "the Trust should", "has agreed to", "I recommend"), or
# it is an item of a list such a sentence introduces. Not what the law or a procedure says
# ("councils should complete an assessment within 20 weeks", "its procedure says it will
# reply within 20 working days"), what happened ("by 3 March 2024 the Council had not
# replied", "within two weeks Mrs X was moved"), what the complainant wants ("Mrs X wants
# the Council to pay her within a month") or what the Ombudsman will do ("we will
# consider its response within 20 working days").
_REQUEST = re.compile(r"\b(?:will|should|must|shall|(?:is|are|needs?)\s+(?:asked\s+)?to|agree[sd]?|agreeing|recommend(?:s|ed|ing)?"
                      r"|(?:we|i)\s+(?:would\s+)?(?:also\s+)?(?:expect|ask)|(?:has|have)\s+(?:also\s+)?offered\s+to"
                      r"|accept(?:s|ed)?\s+(?:our|my|the|these|this)\s+recommendations?)\b", re.I)
# "should have completed the assessment within 28 days": what was due, not what is asked.
_PAST_MODAL = re.compile(r"\b(?:should|would|could|must|might|ought\s+to)\s+(?:not\s+)?have\b(?!\s+to\b)", re.I)
_OURS = re.compile(r"\b(?:we|i)\s+(?:(?:also|then|now|therefore|further|each|not)\s+)?$", re.I)
_REPORTED = re.compile(r"\b(?:says?|said|states?|stated|explains?|explained|sets?\s+out|requires?|required|"
                       r"provides?\s+that|allows?|told|promised|expects?|expected)\b", re.I)
# A rule for every body or case of a kind: "Councils should ...", "Local authorities must
# ...", "Complaints should be made within 12 months ...".
_GENERIC_SUBJECT = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:(?:local|public|nhs|health|care|all)\s+)*"
                              r"(?:councils|authorities|bodies|organisations|trusts|providers|boards|practices|agencies|hospitals"
                              r"|complaints|complainants|assessments|reviews|responses|requests|applications|appeals|decisions"
                              r"|plans|people|patients|carers|parents)\b", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•·*▪●]|\(?[a-z]\)|\(?[ivx]+\)|\d{1,2}\))\s")
# A number starts a paragraph ("22. Within three months ...") unless an item goes on after
# it ("1. apologise to Mrs X;", "2. Pay her £300.").
_NUMBER = re.compile(r"^\s*\d{1,3}\.\s+")
# A list item written as an order: "Ensure the work is completed within three months".
_IMPERATIVE = re.compile(r"^\W*(?:apologi[sz]e|pay|refund|reimburse|repay|waive|backdate|review|reconsider|reassess|"
                         r"remind|train|agree|produce|write|send|share|audit|make sure|ensure|check|tell|provide|"
                         r"arrange|complete|carry out|meet|offer|issue|update|consider|confirm|create|develop|"
                         r"implement|introduce|amend|acknowledge|explain|identify|take)\b", re.I)
# "The Council should do this within one month": the deadline of the actions before it.
_THESE_ACTIONS = re.compile(r"\bdo\s+(?:this|so|these|that)\b|\b(?:the|these|those)\s+(?:above\s+)?(?:actions|steps|recommendations)\b|\bthe above\b", re.I)
# Dates a decision sets lie after it; a written date this long before the decision date is
# an event, not a deadline (the published decision date can trail the decision a little).
_PAST_MARGIN = dt.timedelta(days=30)
_MODALS = re.compile(r"(?:will|should|must|shall|(?:is|are|needs?)\s+(?:asked\s+)?to)$", re.I)
_WE_RECOMMEND = re.compile(r"\b(?:we|i)\s+(?:\w+\s+)?$", re.I)  # "we recommend", "I also recommend"
_HAS = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?$", re.I)  # "has agreed", "have now agreed"


def _requests(text: str, agreed_only: bool = False) -> bool:
    """Does the sentence ask for or agree something, in its own words? The first request
    word that is not the Ombudsman's own ("we will") counts, unless what the law, a
    procedure or a person said comes before it. With `agreed_only`, only an agreement or
    a recommendation counts, not a bare modal: the findings state duties that way ("The
    Council must issue the plan within 20 weeks")."""
    text = _PAST_MODAL.sub(" ", text)
    found = list(_REQUEST.finditer(text))
    if any(m.group().lower().startswith("recommend") and _WE_RECOMMEND.search(text, 0, m.start()) for m in found):
        return True  # the Ombudsman's recommendation, whatever was said before it
    for m in found:
        before, word = text[:m.start()], m.group().lower()
        if _MODALS.match(word) and (agreed_only or _OURS.search(before)):
            continue  # "we will consider ...", "I will ..."
        if agreed_only and word == "agreed" and not _HAS.search(before):
            continue  # "The Council agreed to reply within 20 working days but did not"
        if _REPORTED.search(before) or _GENERIC_SUBJECT.search(before):
            return False
        return True
    return False


def _is_item(sent: Sentence) -> bool:
    """A list item: a bullet or letter, a line that goes on in lower case, one that starts
    with its deadline or with its verb ("Ensure the work is completed ...")."""
    text = sent.text
    number = _NUMBER.match(text)
    if number:
        rest = text[number.end():]
        return rest[:1].islower() or bool(_IMPERATIVE.match(rest))
    return (bool(_LIST_ITEM.match(text)) or text.strip()[:1].islower() or bool(_IMPERATIVE.match(text))
            or bool(sent.deadlines) and sent.deadlines[0].start - sent.start <= 3)


def _new_paragraph(sent: Sentence) -> bool:
    """A numbered paragraph: "22. Within three months the Council will ..."."""
    return bool(_NUMBER.match(sent.text)) and not _is_item(sent)


def _in_list(remedy: list[Sentence], i: int) -> bool:
    """Is remedy[i] an item of a list that a request introduces ("the Council has agreed
    to:", "We recommend the Trust acknowledges the failings. • ...")? Walks back over the
    items before it, within its section, to the sentence that introduces them."""
    if not _is_item(remedy[i]):
        return False
    for j in range(i - 1, -1, -1):
        prev = remedy[j]
        if prev.section != remedy[i].section:
            return False
        if prev.text.rstrip().endswith(":"):
            return True
        if not _is_item(prev):
            return _requests(prev.text)
    return False


# What a remedy tells staff or puts in a procedure, not when it is due: "remind its staff
# that decisions should be made within 28 days", "review its procedure to make sure it
# replies within 20 working days". A clause about the complainant's own case dates the
# remedy ("make sure that Mrs X's assessment is completed within 28 days"), and so does
# one that opens the request ("We recommend that within one month ...").
_SYSTEMIC_WORDS = re.compile(r"\b(?:remind\w*|train\w*|brief\w*|staff|officers|procedures?|polic(?:y|ies)|guidance|"
                             r"process(?:es)?|practice|protocols?)\b", re.I)
_CONTENT = re.compile(r"\b(?:that|whether|so that|to (?:ensure|make sure)|ensuring|making sure|of the need to)\b", re.I)


def _in_content(text: str, at: int) -> bool:
    """Is the phrase at text[at:] inside what a request tells or changes, rather than
    dating the request? Only a clause opened after the request word, after what names
    staff or a procedure, and not closed by a comma before the phrase counts."""
    request = next((m for m in _REQUEST.finditer(text, 0, at) if not _OURS.search(text, 0, m.start())), None)
    if request is None:
        return False
    between = text[request.end():at]
    opened = [c for c in _CONTENT.finditer(between) if _SYSTEMIC_WORDS.search(between, 0, c.start())]
    return bool(opened) and "," not in between[opened[-1].end():]


def _sets_deadline(remedy: list[Sentence], i: int, due: dt.date | None, absolute: bool,
                   decision_date: dt.date | None, phrase_start: int | None = None) -> bool:
    """Is a deadline phrase of remedy[i] (due on `due`, starting at `phrase_start` in the
    decision text) a deadline for a remedy?"""
    if absolute and due and decision_date and due < decision_date - _PAST_MARGIN:
        return False
    text = remedy[i].text
    if phrase_start is not None and _in_content(text, phrase_start - remedy[i].start):
        return False
    if remedy[i].section == sections_mod.FINDINGS:
        return _requests(text, agreed_only=True)
    return _requests(text) or text.rstrip().endswith(":") or _in_list(remedy, i)


def _scope(remedy: list[Sentence], i: int, dated: set[int]) -> list[Sentence]:
    """The sentences a deadline of remedy[i] covers: its own, the items of the list it
    introduces (up to the next sentence with a deadline of its own, the next introduction
    or the end of its section), and, for "do this within one month", the sentences of its
    section before it back to the previous deadline."""
    sent = remedy[i]
    scope = [sent]
    nxt = remedy[i + 1] if i + 1 < len(remedy) else None
    if sent.text.rstrip().endswith(":") or (nxt is not None and nxt.section == sent.section and _LIST_ITEM.match(nxt.text)):
        for j in range(i + 1, len(remedy)):
            item = remedy[j]
            if j in dated or item.section != sent.section or _new_paragraph(item):
                break
            # A sentence that is no item ends the list, unless an item follows it: then it
            # goes on the item before ("- apologise to Mrs X. Our guidance explains ...;").
            if not _is_item(item) and not (j + 1 < len(remedy) and j + 1 not in dated
                                           and remedy[j + 1].section == sent.section and _is_item(remedy[j + 1])):
                break
            scope.append(item)
            if item.text.rstrip().endswith(":"):
                break
    if _THESE_ACTIONS.search(sent.text):
        for j in range(i - 1, -1, -1):
            if j in dated or remedy[j].section != sent.section:
                break
            scope.append(remedy[j])
    return scope


def read_deadlines(sentences: list[Sentence], registry: BodyRegistry, decision_date: dt.date | None,
                   default_bodies: list[str]) -> list[Deadline]:
    def dated_phrases(read: list[Sentence]) -> dict[int, list[tuple]]:
        """The deadline phrases of each sentence that are a remedy's, with their due dates."""
        out: dict[int, list[tuple]] = {}
        for i, sent in enumerate(read):
            for phrase in sent.deadlines:
                due = date_rules.due_date(phrase.date_text, phrase.period_text, decision_date)
                if _sets_deadline(read, i, due, phrase.date_text is not None, decision_date, phrase.start):
                    out.setdefault(i, []).append((phrase, due))
        return out

    remedy = [s for s in sentences if s.section in (sections_mod.REMEDY, sections_mod.DECISION)]
    dated = dated_phrases(remedy)
    if not dated:
        remedy = [s for s in sentences if s.section in (sections_mod.SUMMARY, sections_mod.FINDINGS) and s.deadlines]
        dated = dated_phrases(remedy)
    entries: dict[tuple, Deadline] = {}
    report_back_everywhere = any(
        vocab.ACTION_CUES["report_back"].found_in(s.text) and not s.deadlines and re.search(r"evidence|send us|provide us", s.text, re.I)
        for s in remedy
    )
    for i, phrases in dated.items():
        sent = remedy[i]
        current = subject_rules.current_subject(remedy, i)  # looked for only where there is a deadline
        scope = _scope(remedy, i, set(dated))
        for (start, end, phrase, date_text, period), due in phrases:
            bodies = _deadline_bodies(sent, start, scope, current, default_bodies)
            actions = set(_actions(" ".join(s.text for s in scope)))
            if report_back_everywhere:
                actions.add("report_back")
            if len(actions) > 1:
                actions.discard("other")
            for body in bodies:
                key = (body, due.isoformat() if due else phrase.lower())
                if key in entries:
                    entries[key].actions = sorted(set(entries[key].actions) | actions, key=vocab.ACTIONS.index)
                else:
                    entries[key] = Deadline(body, due, phrase.strip(), sorted(actions, key=vocab.ACTIONS.index), sent.provenance)
    return list(entries.values())


def _subject_part(text: str) -> str:
    """The words of a sentence that say who acts: up to its modal or verb and the word
    after it ("the Council and the ICB will each"); "both" or "all" in what is asked
    ("remind all staff", "the distress both she and her son suffered") name no doers."""
    m = subject_rules.SUBJECT_END.search(text)
    if m is None:
        return text
    after = re.match(r"\s*(?:\w+\b)?", text[m.end():])
    return text[:m.end() + (after.end() if after else 0)]


def _deadline_bodies(sent: Sentence, phrase_start: int, scope: list[Sentence], current: str | None,
                     default_bodies: list[str]) -> list[str]:
    in_sentence = subject_rules.unique(k for _, k in sent.bodies)
    head = _subject_part(sent.text)
    # "The Council will pay Mrs J £450, and both organisations will apologise, within one
    # month": the clause before the phrase gives work to every body
    before = sent.text[:phrase_start - sent.start]
    start = subject_rules.clause_start(before)
    if start and len(default_bodies) > 1 and re.match(rf"\s*(?:{subject_rules.PLURAL_SUBJECT})\b", before[start:], re.I):
        return subject_rules.unique((subject_rules.subjects(sent) if in_sentence else []) + default_bodies)
    if start:
        # "The Trust and the Council will each pay £300, and the ICB and the Council will
        # agree a protocol within three months": the bodies the phrase's own clause opens with
        verb = subject_rules.SUBJECT_END.search(before, start)
        if verb is not None:
            lead = subject_rules.unique(k for off, k in sent.bodies if start <= off - sent.start < verb.start())
            if lead:
                return lead
    if in_sentence and re.search(r"\b(?:each|all three|both|all)\b|,\s*\w+\s+and\b", head, re.I) and len(in_sentence) > 1:
        return in_sentence
    if in_sentence:
        subjects = subject_rules.subjects(sent)
        return subjects or [in_sentence[0]]
    if re.search(rf"\b(?:{subject_rules.PLURAL_SUBJECT})\b", head, re.I) and len(default_bodies) > 1:
        return default_bodies
    # "I also recommend by 2 January 2026:" then items naming who does what.
    subjects = subject_rules.unique(k for x in scope[1:] for k in subject_rules.subjects(x))
    if subjects:
        return subjects
    if current:
        return [current]
    return default_bodies[:1] or [None]

"""Remedies: each agreed or recommended action of a decision, for each body that owes it.

The remedy section of both publishers is a run of paragraphs, some of them lists:

    21. Within one month of the final decision, the Council will:
    - apologise to Mrs X ...;
    - pay Mrs X £400 ...
    22. By 13 May 2025 the ICB and the Council will agree a written procedure ..., and
        remind relevant staff of the policy.
    23. The Council should provide us with evidence it has complied with the above actions.

One action is one thing a body is asked to do (docs/remedies.md has the rules): each list
item, and each verb phrase of a sentence that asks for several ("review X, agree Y, and
remind Z"). A sentence that ends with a colon introduces a list: its items take its bodies
and its deadline. An action shared by several bodies ("The ICB and the Council will ...")
is one row per body.

The sentences come from `pipeline.extraction.read_sentences`, with the bodies, sums and
deadline phrases in them already found; who a sentence is about is worked out by the same
helpers the payments and deadlines use (pipeline/extract/subjects.py).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline import text as sections_mod
from pipeline.extract import dates as date_rules
from pipeline.extract import subjects as subject_rules
from pipeline.extract import vocabulary as vocab
from pipeline.extract.cues import Cue
from pipeline.extract.dates import DeadlinePhrase
from pipeline.extract.sentence import Sentence
from pipeline.extracted import Provenance

KINDS = vocab.ACTIONS  # apology, payment, review, service_improvement, report_back, other
COMPLAINANT, OTHERS = "complainant", "others"


@dataclass
class Remedy:
    body: str | None          # body key while reading; its name once assembled
    kind: str                 # one of KINDS
    for_whom: str             # complainant, or others: the systemic actions
    action: str               # the action's own words ("review its procedure for ...")
    due_date: dt.date | None
    due_text: str | None      # the deadline as written ("Within three months of the final decision")
    amount: Decimal | None    # the sum, for a payment
    theme: str | None         # what a systemic action changes (vocab.THEMES); None for personal ones
    provenance: Provenance    # the sentence (and its offsets) the action is read from


# A list item: a bullet, or a line that goes on in lower case ("apologise to Mr K;").
_BULLET = re.compile(r"^\s*(?:[-–—•·*]|\(?[a-z]\)|\(?[ivx]+\))\s*")
# Where one sentence asks for more than one thing: semicolons, bullets inside a line, and a
# comma before a remedy verb ("..., agree how ...", "..., and tell us what it has changed").
_VERBS = (r"apologi[sz]e|pay|refund|reimburse|repay|waive|backdate|review|reconsider|reassess|remind|train|agree|"
          r"produce|write|send|share|audit|make sure|ensure|check|tell|let us know|provide|arrange|settle|consider|"
          r"update|carry out|complete|change|amend|issue|introduce|offer|confirm|put right|assess")
_SPLIT = re.compile(rf";\s*(?:and\s+)?|\s+•\s*|,\s+(?:and\s+)?(?:will\s+|should\s+|to\s+)?(?=(?:{_VERBS})\b)", re.I)
# The words that hand the work to the body: what comes after them is the action.
# LGSCO also writes them in the present tense after "I recommend": "it writes to Mrs X",
# "the ICB pays ...": the verb itself then marks where the action starts.
_MODAL = re.compile(
    r"\b(?:will|should|must|shall|(?:has |have )?agreed to|agrees to|is to|are to)\b(?:\s+(?:also|each|both|now|then))*\s*"
    r"|(?<=\s)(?=(?:writes|pays|apologises|reviews|outlines|refunds|reimburses|provides|arranges|reminds|considers|"
    r"shares|produces|sends|carries out|offers)\b)", re.I)
# The Ombudsman's own acts ("We will also send a copy of this decision to the CQC") are
# not remedies; "We recommend that ..." introduces one.
_OMBUDSMAN_ACTS = re.compile(r"^\W*(?:\d+\.\s*)?(?:we|i)\b(?!\s+(?:also\s+)?recommend)", re.I)
# Sentences that state what public bodies should do in general, quoting the Ombudsman's
# principles, ask nothing of this decision's bodies.
# (A `Cue`: searched only in the sentences that hold one of its words; most do not.)
_GENERAL = Cue(re.compile(r"\bprinciples\b|\bpublic bod(?:y|ies)\b|(?<!\bboth )(?<!\bthe )\borganisations should\b", re.I))
_PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,3}\.\s*$")
_ASKS = re.compile(rf"\b(?:{_VERBS})\b", re.I)
# "The Council has agreed to the actions above": a noun phrase, not a request.
# "... should do this within one month" dates the requests before it; "be open and honest"
# is a principle.
_NOT_A_REQUEST = re.compile(r"^(?:the|a|an|this|these|those|that|its|their|our|my|all|any|be|do (?:this|so|these))\b", re.I)
# "They will ...", "Within one month, both organisations should ...": all the principal bodies.
_PLURAL_DOERS = re.compile(rf"^\W*(?:they|both|each)\b|(?:^\W*|,\s*)(?:{subject_rules.PLURAL_SUBJECT})"
                           r"\s+(?:will|should|must|shall|(?:have |has )?agreed|are to)\b", re.I)
# "Within one month ... the Council has agreed to:" then items written as sentences of their
# own: "Ensure the work ... is completed within three months", "Meet 50% of the cost ...",
# "Pay the woman £250 ...". A list item may start with its verb in capitals.
_IMPERATIVE = re.compile(rf"^\W*(?:{_VERBS}|meet|get|create|make|implement|develop)\b", re.I)
# PHSO writes the request in the subjunctive: "we recommend the Trust write to Mr B within
# four weeks ...", "we recommend the Trust create an action plan": no modal, and the verb
# in its base form, after the body.
_RECOMMENDS = re.compile(r"\brecommends?\s+(?:that\s+)?(?=the\b|each\b|both\b|[A-Z])")
_BASE_VERB = re.compile(rf"(?<=\s)(?=(?:{_VERBS}|create|acknowledge|make|implement|develop)\b)", re.I)
# "Meet 50% of the cost of the work", "meet the full cost of the highway repair": a payment.
_MEETS_COST = re.compile(r"^\W*(?:meet|cover|pay for)\b[^.;]*\bcosts?\b", re.I)


@dataclass
class _List:
    """An introducing sentence ("By 14 March 2025 the ICB will:"): what its items inherit."""
    bodies: list[str]
    deadline: DeadlinePhrase | None


def read_remedies(sentences: list[Sentence], decision_date: dt.date | None, default_bodies: list[str],
                  names: dict[str, str]) -> list[Remedy]:
    """Every action of the remedy section (the decision section when there is none), one
    per body. `default_bodies` are the decision's principal bodies (registry keys);
    `names` maps registry keys to the names the rows carry."""
    remedy = [s for s in sentences if s.section == sections_mod.REMEDY]
    if not remedy:
        remedy = [s for s in sentences if s.section == sections_mod.DECISION]
    out: list[Remedy] = []
    current_list: _List | None = None
    for i, sent in enumerate(remedy):
        text = sent.text.strip()
        if _PARAGRAPH_NUMBER.match(text):
            current_list = None  # "22." starts a paragraph of its own
            continue
        is_item = current_list is not None and (bool(_BULLET.match(text)) or text[:1].islower()
                                                or _starts_with_deadline(sent) or bool(_IMPERATIVE.match(text)))
        if (not is_item and _OMBUDSMAN_ACTS.match(text)) or _GENERAL.found_in(text):
            continue
        fragments = _fragments(sent)
        head_lo, head_hi = fragments[0]
        modal = _find_modal(sent.text, head_lo - sent.start, head_hi - sent.start)
        if modal is not None and _ours(sent.text[:modal.start()]):
            continue  # "Under our agreement, we will share this decision with the CQC"
        lead = sent.text[head_lo - sent.start:modal.start()] if modal else ""
        if is_item and modal and (_ASKS.search(lead) or (not _doers(sent, head_lo, modal) and len(lead.split()) > 3)):
            # "- remind staff that requests should be prioritised": the modal is not the
            # item's own; the item is the request.
            modal = None
        if (text.endswith(":") and not _ASKS.search(sent.text, modal.end() if modal else 0)) or (
                not is_item and _bullet_follows(remedy, i)):
            # "Within one month of the final decision, the Council will:" introduces a list;
            # so does a sentence the bullets after it spell out ("We recommend the Trust
            # acknowledges the failings and provides an apology. • acknowledge and
            # apologise for the failings • send a copy of this letter to us by 18 02 26.").
            bodies = _doers(sent, head_lo, modal) or _inherited_bodies(remedy, i, current_list, default_bodies)
            deadline = sent.deadlines[0] if sent.deadlines else (current_list.deadline if current_list else None)
            current_list = _List(bodies, deadline)
            continue
        if not is_item and modal is None:
            continue  # not a request: "Our guidance on remedies explains ...", "The ICB"
        if not is_item:
            current_list = None
        bodies = _doers(sent, head_lo, modal) or (current_list.bodies if is_item else []) \
            or _inherited_bodies(remedy, i, None, default_bodies)
        systemic_before = False
        for n, (lo, hi) in enumerate(fragments):
            own = [d for d in sent.deadlines if lo <= d.start < hi]
            inner = _find_modal(sent.text, lo - sent.start, hi - sent.start) if n else None
            doers = (_doers(sent, lo, inner) if inner else []) or bodies
            start = (modal.end() + sent.start if n == 0 and modal else lo)
            action = _action_text(sent, start, hi, own)
            if not re.search(r"[a-z]{3}", action) or _NOT_A_REQUEST.match(action):
                continue
            kind, for_whom = _kind(action, systemic_before)
            systemic_before = systemic_before or for_whom == OTHERS
            deadline = (own or sent.deadlines[:1] or [current_list.deadline if is_item and current_list else None])[0]
            due = date_rules.due_date(deadline.date_text, deadline.period_text, decision_date) if deadline else None
            amounts = [a for a in sent.amounts if lo <= a.start < hi]
            for body in doers:
                out.append(Remedy(
                    body=body, kind=kind, for_whom=for_whom, action=action,
                    due_date=due, due_text=deadline.text.strip() if deadline else None,
                    amount=amounts[0][2] if kind == "payment" and amounts else None,
                    theme=theme(action) if for_whom == OTHERS else None,
                    provenance=sent.provenance))
    for r in out:
        r.body = names.get(r.body, r.body) if r.body else None
    return out


def _find_modal(text: str, lo: int, hi: int) -> re.Match | None:
    """Where the request starts in text[lo:hi]: its modal ("will", "should", "has agreed
    to"), its present-tense verb ("the ICB pays"), or, after "we recommend the Trust", its
    verb in the base form ("write", "create"); the earliest."""
    modal = _MODAL.search(text, lo, hi)
    recommends = _RECOMMENDS.search(text, lo, hi)
    if recommends is not None:
        verb = _BASE_VERB.search(text, recommends.end(), min(hi, recommends.end() + 120))
        if verb is not None and (modal is None or verb.start() < modal.start()):
            return verb
    return modal


def _bullet_follows(remedy: list[Sentence], i: int) -> bool:
    """Is the next sentence of the remedy section a bulleted item?"""
    return i + 1 < len(remedy) and bool(_BULLET_MARK.match(remedy[i + 1].text))


# A bullet proper: a list item that only goes on in lower case is not one.
_BULLET_MARK = re.compile(r"^\s*(?:[-–—•·*]|\(?[a-z]\)|\(?[ivx]+\))\s")


def _ours(lead: str) -> bool:
    """Is the modal the Ombudsman's: "we will", "I also will"?"""
    words = [w.lower() for w in lead.split()[-2:]]
    return bool(words) and (words[-1] in ("we", "i") or words[-1] == "also" and words[:1] in (["we"], ["i"]))


def _starts_with_deadline(sent: Sentence) -> bool:
    """"Within three months of the final decision, review its procedure ...": an item with
    a deadline of its own, under "the council has agreed to:"."""
    if not sent.deadlines or sent.deadlines[0].start - sent.start > 3:
        return False
    rest = sent.text[sent.deadlines[0].end - sent.start:].lstrip(" ,:")
    return rest[:1].islower()


def _fragments(sent: Sentence) -> list[tuple[int, int]]:
    """The spans (offsets in the decision text) of the actions one sentence asks for."""
    spans, lo = [], 0
    for m in _SPLIT.finditer(sent.text):
        spans.append((lo, m.start()))
        lo = m.end()
    spans.append((lo, len(sent.text)))
    return [(sent.start + a, sent.start + b) for a, b in spans if sent.text[a:b].strip(" \n.;,")] or [(sent.start, sent.end)]


def _doers(sent: Sentence, lo: int, modal: re.Match | None) -> list[str]:
    """The bodies named as the subject: between the start of the span and its modal
    ("By 13 May 2025 the ICB and the Council will ..." -> both)."""
    if modal is None:
        return []
    end = sent.start + modal.start()
    return subject_rules.unique(key for offset, key in sent.bodies if lo <= offset < end)


def _inherited_bodies(remedy: list[Sentence], i: int, current_list: _List | None, default_bodies: list[str]) -> list[str]:
    """Who a request without a named subject is for: the sentence's own subjects ("With
    regard to the ICB, I recommend:"), the list it is in, the body the remedy was last about, or the decision's principal body;
    "they"/"both" are all the principal bodies."""
    subjects = subject_rules.subjects(remedy[i])
    if subjects:
        return subjects
    if current_list is not None and current_list.bodies:
        return current_list.bodies
    if _PLURAL_DOERS.search(remedy[i].text) and len(default_bodies) > 1:
        return list(default_bodies)
    current = subject_rules.current_subject(remedy, i)
    if current:
        return [current]
    return default_bodies[:1] or [None]


def _action_text(sent: Sentence, start: int, end: int, deadlines: list[DeadlinePhrase]) -> str:
    """The action's own words: without its bullet, number, a leading deadline phrase or
    the trailing punctuation."""
    for d in deadlines:
        if d.start - start <= 3 and d.end > start:
            start = d.end
    text = sent.text[start - sent.start:end - sent.start]
    text = _BULLET.sub("", text.strip(" ,:\n"))
    return " ".join(text.split()).rstrip(" .;,:").removesuffix(" and").strip()


# The verb that leads an action decides its kind; the earliest cue in its words is taken
# to be that verb ("pay Mrs Y £1,360 to refund ..." is a payment, "write to Mr B to
# acknowledge ... and apologise" an apology: "write" has no cue of its own).
def _kind(action: str, systemic_before: bool) -> tuple[str, str]:
    """(kind, for_whom) of one action. A systemic action is a service improvement,
    whatever its verb ("review its procedure", "check whether other children ...");
    an action split from a systemic one ("..., agree how they will check ...") is one too,
    unless it reports back to the Ombudsman."""
    named = vocab.ACTION_CUE_SET.found_in(action)  # (one pass for the anchors of all five)
    first = [(m.start(), kind) for kind in named for m in [vocab.ACTION_CUES[kind].pattern.search(action)] if m]
    at, kind = min(first) if first else (0, "other")
    if kind == "report_back" or (kind != "service_improvement" and _REPORT_BACK.search(action)):
        return "report_back", COMPLAINANT
    systemic = vocab.SYSTEMIC.pattern.search(action) if vocab.SYSTEMIC.found_in(action) else None
    if kind == "other" and _MEETS_COST.search(action):
        kind, at = "payment", 0
    if kind in ("apology", "payment") and (systemic is None or systemic.start() > at):
        return kind, OTHERS if systemic_before else COMPLAINANT
    if vocab.SYSTEMIC.found_in(action) or kind == "service_improvement" or (systemic_before and kind == "other"):
        return "service_improvement", OTHERS
    if systemic_before:
        return kind, OTHERS  # "..., check whether others were charged, and refund them"
    if kind == "other" and _ASSESS.search(action):
        return "review", COMPLAINANT  # "offer Ms D a carer's assessment", "assess Mrs R's needs"
    return kind, COMPLAINANT


_ASSESS = re.compile(r"\bassess", re.I)


# Telling the Ombudsman what was done: the report-back cue says "evidence" anywhere; these
# are the requests that are nothing else.
_REPORT_BACK = re.compile(r"^\W*(?:to\s+)?(?:send|provide|give)\s+us\b|^\W*(?:to\s+)?(?:tell|let|update|inform)\s+us\b|^\W*(?:to\s+)?report back", re.I)


def theme(action: str) -> str:
    """What a service improvement changes (vocab.THEMES): the first theme whose cue the
    action's words hold."""
    found = {name for name, cue in vocab.THEME_CUES.items() if cue.found_in(action)}
    return next((name for name in vocab.THEMES if name in found), "other")

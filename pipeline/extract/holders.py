"""Who is at fault: the bodies a finding sentence blames.

A finding may say so ("fault by the Council", "the Agency was at fault": `named_holders`),
continue a list of holders ("...; by the Agency, which ...": `listed_holder`), or leave it to
its grammar: the bodies that are its main clause's subjects, less those named as objects
("failed to monitor the Care Home"), staff named by role for their employer ("the social
worker did not ..."), "both organisations" for every body, "a Council" for the only council
(`fault_bodies`). The fault reader (`faults.py`) asks these of each clause it reads as a
finding, and falls back on the bodies the sentences before it blamed.
"""
from __future__ import annotations

import re

from pipeline.extract import bodies as body_rules
from pipeline.extract import subjects as subject_rules
from pipeline.extract import vocabulary as vocab
from pipeline.extract.cues import Cue
from pipeline.extract.registry import BodyRegistry
from pipeline.extract.sentence import Sentence


# The body before this one in a list ("fault by the ICB and Council", "faults by the care
# home and Council"): a name, or a role in lower case after "the".
_LIST_BEFORE = re.compile(r"(?:(?:the\s+)?[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*|the\s+[a-z]+(?:\s+[a-z]+)?)(?:,\s*|\s+and\s+)(?:the\s+)?$")


def named_holders(sent: Sentence, lo: int, hi: int) -> list[str]:
    """Bodies the clause says are at fault ("fault by the Council", "the Agency was at fault")."""
    found = []
    for offset, key in sent.bodies:
        if not lo <= offset < hi:
            continue
        before = sent.text[max(lo, offset - 60) - sent.start:offset - sent.start]
        # a list continues a holder: "fault on the part of the ICB and Council", "faults
        # by the Trust, Council and CCG" (each name before this one taken off in turn)
        before_list, shorter = before, _LIST_BEFORE.sub("", before)
        while shorter != before_list:
            before_list, shorter = shorter, _LIST_BEFORE.sub("", shorter)
            if vocab.HOLDER_BEFORE.search(before_list):
                break
        after = sent.text[offset - sent.start:hi - sent.start]
        after = re.sub(r"^(?:the\s+)?[\w’',\- ]*?(?=\s+(?:was|were|is|are|has|had|failed|did|delayed|at fault\b))", "", after, count=1)
        if vocab.HOLDER_BEFORE.search(before) or vocab.HOLDER_BEFORE.search(before_list) or vocab.HOLDER_AFTER.search(after):
            found.append(key)
    return subject_rules.unique(found)


# Clauses whose bodies are not the finding's subject: one before the main clause ("When
# the Agency gave notice, ..."), one after it ("..., although the home reported ...");
# and a sentence whose subject is a pronoun for the body before ("It did not consider the
# home she had found").
LEADING_SUBORDINATE = re.compile(r"\W*(?:when|after|although|though|because|since|once|if|while|before|until|as soon as)\s[^,;]{3,120},", re.I)
# ("while in the Home", "when at the hospital": where, not another clause)
_SUBORDINATE = re.compile(r",?\s+(?:although|even though|though|whereas|while|because|when|after|before|until|once|since|whether|which|who)\s"
                          r"(?!(?:in|at|on|under|living in|staying in|resident in)\s+(?:the|a|an|his|her|their)\b)", re.I)
PRONOUN_START = re.compile(r"\W*(?:(?:however|also|then|instead|but),?\s+)?(?:it|they)\s+(?:also\s+|then\s+|still\s+)?(?!said|says|told|explained|accepts?|accepted|agreed|has agreed)\w", re.I)
# "This led to unnecessary delay ...": the bodies of the sentence before
POINTS_BACK = re.compile(r"\W*(?:this|these|that|those)\b", re.I)
# "It took the CCG 14 months to decide": an empty "it", and the body after "took" acted.
_IT_TOOK = re.compile(r"\W*(?:(?:however|also|then|instead|but),?\s+)?it\s+(?:also\s+|then\s+)?took\s+", re.I)
PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?(?:failed|did not|was|were|delayed|should|could)\b", re.I)


# A joint summary may name a body by its kind alone: "The Ombudsmen found fault by a
# Council's assessment process", "fault with the way a CCG managed ...".
# ("We found fault that a council and an NHS trust did not ...": after "that" or "and" too)
_INDEFINITE_BODY = re.compile(r"\b(?:by|with|of|in|on the part of|that|and)\s+(?:the\s+way\s+)?an?\s+(?:NHS\s+)?(" + "|".join(
    sorted((re.escape(r) for r in body_rules.ROLE_TYPES), key=len, reverse=True)) + r")\b", re.I)


_DONE_BY = re.compile(r"\b(?:made|raised|reported|sent|given|provided|received|referred|commissioned|run|owned|managed|employed)\s+$", re.I)


def indefinite_bodies(sent: Sentence, registry: BodyRegistry) -> list[str]:
    """The body "a Council" / "an NHS Trust" stands for: the only one of its kind the
    decision names."""
    out = []
    for m in _INDEFINITE_BODY.finditer(sent.text):
        if _DONE_BY.search(sent.text, max(0, m.start() - 30), m.start()):
            continue  # what it did, not its failing: "a safeguarding alert made by a Care Provider"
        body_type = body_rules.ROLE_TYPES[m.group(1).lower()]
        of_kind = [k for k, b in registry.bodies.items() if b.body_type == body_type]
        if len(of_kind) == 1:
            out.append(of_kind[0])
    return subject_rules.unique(out)


# Staff named by their role as the subject of a finding act for their employer: "The
# social worker did not ...", "Ward staff failed to ...", "Mr A's care coordinator
# discharged him without ...". Each role names the kinds of body that employ it, most
# likely first; the employer is the only body of the first kind the decision names.
_STAFF_EMPLOYERS: list[tuple[str, tuple[str, ...]]] = [
    (r"social workers?|social work team|(?:housing|planning|case|contracts?|enforcement|council) officers?|officers|caseworkers?|"
     r"brokerage team|commissioning team", (body_rules.COUNCIL,)),
    (r"care co-?ordinators?|community mental health team|crisis team|psychiatrists?", (body_rules.NHS_TRUST, body_rules.COUNCIL)),
    (r"(?:ward|nursing|medical|clinical|hospital|ambulance) staff|(?:the\s+)?ward|nurses|doctors?|consultants?|clinicians?|"
     r"surgeons?|registrars?|midwi(?:fe|ves)|call handlers?|paramedics|(?:ambulance )?crew|discharge team", (body_rules.NHS_TRUST,)),
    (r"GPs?|practice nurse|receptionists?", (body_rules.GP_PRACTICE,)),
    (r"carers|care workers?|care staff|care assistants?|night staff|home's staff|home manager", (body_rules.CARE_PROVIDER,)),
]
STAFF_SUBJECT = re.compile(
    r"\W*(?:summary:\s*)?(?:(?:however|but|also|then|in addition|instead),?\s+)?(?:(?:we|I) (?:also )?(?:find|found|consider|considered) (?:that )?)?"
    r"(?:the\s+|(?:mrs?|ms|miss|dr)\s+[A-Z]\w*['’]s\s+|his\s+|her\s+|their\s+)?(?:(?:named|allocated|duty|senior|first|second)\s+)?"
    r"(?:" + "|".join(f"(?P<r{i}>{roles})" for i, (roles, _) in enumerate(_STAFF_EMPLOYERS)) + r")\s+"
    r"(?:also\s+|then\s+|still\s+|never\s+)?(?:did|didn['’]t|failed|should|had|has|have|could|took|made|gave|told|decided|"
    r"discharged|missed|left|ignored|closed|refused|delayed|sent|went|\w+ed\b)", re.I)


def _staff_employer(sent: Sentence, registry: BodyRegistry) -> list[str]:
    """The body whose staff, named by their role, are the subject of the sentence."""
    m = STAFF_SUBJECT.match(sent.text)
    if m is None:
        return []
    i = next(int(name[1:]) for name, value in m.groupdict().items() if value)
    for body_type in _STAFF_EMPLOYERS[i][1]:
        of_kind = [k for k, b in registry.bodies.items() if b.body_type == body_type]
        if len(of_kind) == 1:
            return of_kind
        if of_kind:
            return []
    return []


# A finding that blames every body of the decision: "both organisations", "neither
# organisation", "the two bodies", "these organisations", "both trusts", "neither of them". (Not "This was
# fault by both": in a decision with three bodies, that is the two just named.)
EVERY_BODY = Cue(re.compile(r"\b(?:both|all three|each of the|the|the two|neither|these|those|all these|all of these) (?:organisations?|authorities|bod(?:y|ies))\b|"
                             r"\bboth (?:trusts|councils|parties|of them)\b|\bneither of them\b|"
                             # "Neither invoked the local disputes procedure.", "Both knew ..."
                             r"^\W*(?:neither|both)\s+(?=(?:\w+ed|did|was|were|had|has|have|took|made|kept|knew|went|told)\b)", re.I))


_BY_HOLDER = re.compile(r"\W*(?:and\s+)?by\s+(?:the\s+)?")
_FAULT_BY = re.compile(r"\b(?:faults?|failings?|maladministration|service failure)\s+(?:on the part of|by)\s", re.I)


def listed_holder(sent: Sentence, lo: int, hi: int) -> list[str]:
    """The body a clause opens with when it continues a list of holders: "We found fault
    by the Trust, which ...; by the Agency, which ...; and by the ICB, which ..."."""
    m = _BY_HOLDER.match(sent.text, lo - sent.start)
    if m is None or not _FAULT_BY.search(sent.text, 0, lo - sent.start):
        return []
    # (a name starts after "by the"; a role mention such as "the Agency" starts at its "the")
    first = [k for off, k in sent.bodies if off == sent.start + m.end() or off == sent.start + m.end() - len("the ")]
    return first[:1]


def clause_subjects(sent: Sentence, lo: int, hi: int) -> list[str]:
    """The bodies a clause of a several-finding sentence names, less its objects: "...,
    that the ICB and the Council were slow to arrange ..." blames those two only."""
    return subject_rules.unique(k for off, k in sent.bodies if lo <= off < hi
                                and not subject_rules.OBJECT_LEAD.search(sent.text[max(0, off - sent.start - 30):off - sent.start]))


_EMPTY_HEAD = re.compile(r"\W*(?:this|that|it|all of this|much of this)\s+(?:(?:mainly|largely|partly|only)\s+)?(?:happened|occurred|arose|came about|was)\s*", re.I)


def fault_bodies(sent: Sentence, registry: BodyRegistry, before: Sentence | None = None) -> list[str]:
    """Bodies a finding sentence blames when it does not say "fault by X": the bodies it
    names, less those it names as objects ("failed to monitor the Care Home")."""
    every = next(EVERY_BODY.match_spans(sent.text), None)  # (a Cue: most sentences hold none of its words)
    if every:
        principal = [k for k, b in registry.bodies.items() if b.from_title or b.defined]
        if re.match(r"both|the two|neither", sent.text[every[0][0]:every[0][1]], re.I):
            named_before = subject_rules.unique(k for _, k in before.bodies) if before is not None else []
            if len(principal) > 2 and len(named_before) == 2 and set(named_before) <= set(principal):
                # "This was fault by both organisations." after a sentence about two of three
                principal = named_before
            elif len(principal) > 2:
                # "both organisations" of a council, an ICB and a care home: the two public bodies
                public = [k for k in principal if registry.bodies[k].body_type != body_rules.CARE_PROVIDER]
                principal = public if len(public) == 2 else principal
            elif len(principal) < 2:
                # the title names one of the two: the two the decision names
                named = [k for k in registry.bodies if not k.startswith("role:")]
                principal = named if len(named) == 2 else principal
        return principal
    employer = _staff_employer(sent, registry)
    if employer:
        return employer  # "Mr A's care coordinator discharged him without telling the Council"
    if not sent.bodies:
        return indefinite_bodies(sent, registry)
    took = _IT_TOOK.match(sent.text)
    if took is not None:
        after_took = sent.start + took.end()
        actor = [k for off, k in sent.bodies if off in (after_took, after_took + len("the "))]
        if actor:
            return actor[:1]
    if PRONOUN_START.match(sent.text):
        return []  # "It did not consider the home Ms R had found": "it", the body before, acted
    # The main clause: after a leading subordinate clause ("When the Agency gave notice,
    # the ICB and the Council argued ..."), before a trailing one ("Mr W's plan was never
    # reviewed, although the home reported ..."); who acts in those is not who is blamed.
    lead = LEADING_SUBORDINATE.match(sent.text)
    lo = sent.start + lead.end() if lead is not None and any(off >= sent.start + lead.end() for off, _ in sent.bodies) \
        else sent.start
    sub = _SUBORDINATE.search(sent.text, lo - sent.start + 1)
    if sub is not None and _EMPTY_HEAD.fullmatch(sent.text, lo - sent.start, sub.start()):
        sub = None  # "This happened because the Council and the ICB spent a year arguing": the reason is the finding
    hi = sent.start + sub.start() if sub is not None else sent.end
    if sub is not None and not any(lo <= off < hi for off, _ in sent.bodies):
        return []
    subjects = [k for off, k in sent.bodies if lo <= off < hi
                and not subject_rules.OBJECT_LEAD.search(sent.text[max(0, off - sent.start - 30):off - sent.start])]
    if not subjects and PRONOUN_SUBJECT.search(sent.text):
        return []  # "I find it failed to monitor the Care Home": "it" is the body before
    return subject_rules.unique(subjects or [k for _, k in sent.bodies])

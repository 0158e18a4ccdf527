"""From a `DecisionRecord` to an `Extraction`: bodies, faults, payments, deadlines.

`extract(records)` runs the spaCy pipeline (pipeline.nlp) over the sections of each
decision that can hold what we extract, then assembles the components' candidates into
rows at the decision level, where the aliases a decision defines ("the Council", "the
Agency") are resolved to the bodies they name. Every row keeps the sentence it came from
and that sentence's character offsets in the decision text (provenance).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import text as sections_mod
from pipeline.extract import bodies as body_rules
from pipeline.extract import dates as date_rules
from pipeline.extract import payments as payment_rules
from pipeline.extract import subjects as subject_rules
from pipeline.extract import vocabulary as vocab
from pipeline.extract.cues import Cue, CueSet, fold
from pipeline.nlp import build_nlp, sentence_offsets
from pipeline.records import DecisionRecord, RecordError, parse_iso_date

if TYPE_CHECKING:
    from pipeline.extract.remedies import Remedy

# A new version marks every stored decision for re-extraction (`db.pending_records`): bump it when
# what the extraction reads changes (0.3.0: fault holders, payments, the remedies reader;
# 0.3.1: no faults in decisions not investigated, headingless reports read as findings;
# 0.3.2: deadlines only where a remedy is asked for, more forms of deadline phrase;
# 0.3.3: fault findings in more wordings, consequence clauses, sentences cut at initials;
# 0.3.4: plain-words findings in summaries, PHSO decisions and the Ombudsman's view, the
# faults' effect no finding, narrower no-fault and allegation wording;
# 0.3.5: care homes by name and "the home", holders outside subordinate clauses, one view
# of several findings read clause by clause, bodies listed with commas, more plain-words
# failures and cues for oversight, commissioning, joint working, safeguarding and delay;
# 0.3.6: cues from eight new written sets, lists of holders, bodies that each pay, refunds
# and replaced offers, title-only care homes, "Care Group Limited", norms that say "should";
# 0.3.7: commissioning, oversight and care quality by whoever does them, more delay,
# decision-making, communication, service and commissioning wordings, payment purposes;
# 0.3.8: verdicts without a fault word, narration a verdict judges, the old formula's
# variants, a company name ending a sentence, cue exceptions, forms from the dev misses;
# 0.3.9: decisions in plain voice, surer allegation topics, remedies that say fault was
# found, a home read as the company that runs it, more plain-words failures and cues;
# 0.3.10: staff roles act for their employer, another body's failing as its own clause,
# remedies for "the failings we have found" and things done properly find nothing, a
# "Complaint handling" heading's topic; 0.3.11: "They" after "Both organisations ..."
# is both organisations; 0.3.12: negated remedy words, placements made against the
# assessed needs, searches for care that stopped short, "It took the CCG ...", another
# body's clause after a comma whatever its verb, qualified role aliases ("the Ambulance
# Trust"), a later clause's deadline; 0.3.13: the templates' other section headings (what
# was not investigated, the law and standards, our recommendations) open their sections;
# 0.3.14: a text that lost its line breaks gets them back at its headings; 0.3.15: without
# an outcome, a summary's remedy in more forms says fault was found, "the complaint is upheld";
# 0.3.16: a full stop ends a sentence across two spaces or a tab after it; 0.3.17: the
# text's title line stands in for a missing title; 0.3.18: a short form in brackets ends a
# name when a list of bodies goes on after it, "Council Tax" names no council, recommendations
# (not) acted on are no remedy, "St George's" and "St. Georges" one body, "these organisations"
# every body, "the NHS Trust" a role, "failure to put support in place" service provision,
# "fault that a council and an NHS trust ..." the decision's council and trust, "while in the
# Home" no clause of its own; a clause that finds no fault gives none; 0.3.19: a finding
# that says nothing of what went wrong takes the complaint's failings; 0.3.20: what came late
# is a delay only, the Deprivation of Liberty Safeguards no safeguarding and a penalty charge
# no charging, "how ... should" no remedy, "Based on current evidence I have found the
# Council delayed ..." a finding, "took longer than it should" and "for which it will
# apologise" no remedy on a finding, a complaint (not) considered complaint handling, a personal
# housing plan care planning; 0.3.21: "a payment of £X to each of them" one sum per person, a
# title naming one body names it in full, a care provider only named in the complaint beside
# another care provider no second body; 0.3.22: a former name, a trust named with a word left
# out and a title's school without its place the same body, a title with no type word a body,
# a provider named by its initials, in quotes, by what it did on behalf of the Council or last
# in a list, a sum listed after an awarded one by a comma awarded too; 0.3.23: PHSO case
# summaries (What happened / What we found / Putting it right, the organisations
# investigated), a sum two bodies pay together no one payer's, names read in the text's order,
# a title's initials, capitals and place part of its one name, a borough that became a city
# one council, pence no sum awarded, "upheld part of" partly upheld, a title that shortens the
# text's name that body, a name last in a list after another body's short form; 0.3.24: the
# agencies only the PHSO investigates bodies of PHSO texts, a title's name the text spells
# another way kept, a sum listed beside "an apology" awarded, "upheld ... complaints about X"
# a finding about X, "We were critical that" a finding, what "he thought" an allegation, a
# manner adverb inside a failure's words no cover for its category, a decision not made in
# time a delay, a verdict on one allegation not the outcome, failings found in a complaint
# not upheld fault found, a title's trading name one body, "the surgery" an operation;
# 0.3.25: the body a case summary says the complaint went to a body, "(the first Trust)" a
# name's alias, one part upheld and another not partly upheld, as is "upheld the complaint
# about X but not about Y", "decided to (partly) uphold" a verdict, a home named in a
# decision titled with a care company that company, "reduce the amount he owes by £X" and
# a sum after a semicolon in a list of awarded sums awarded, "The Ombudsmen did not uphold"
# a verdict, "these parts" one part, "(2)" inside a company's name, a title's name as the
# text spells it however its initials are spaced); 0.3.26: a complaint's failing that only
# broad words give a topic says fault was found but not which, a title that says nothing
# of its kind the care provider the text speaks of, "Homecare Services" one name, "we find
# the care provider" no provider found, visits not turned up to or late care quality, "as
# it said it would" the body's promise, not an allegation, "no fault beyond a failure to"
# that failure found, the law misunderstood or misapplied decision making, a summary
# sentence that clears the body no failing of the complaint, "poor communication by X" X's,
# "had implemented all necessary measures" and "no obvious flaw in" done properly,
# "misadvising" communication, "a lack of regard to the Code" decision making, "fault in
# its recording procedures" record keeping, "complains that the Council took too long" a
# delay, not the complaint's handling, "We do not intend to investigate ..." no finding and
# no allegation, "had been appropriate" and "offered reasonable explanations" done properly,
# "no evidence of significant harm" no "no fault", "(Council Y)" a short form, not part of the
# name before it, "London Borough of Barking & Dagenham" one name, "Marston Court care home"
# a name, a home someone moved into a place, "X Ltd. t/a Y" one name (a title's "X Ltd" kept),
# "(the ‘Care Provider’)" a role alias, a "... Care Home (2) Limited" title a company, "dealing
# with her May 2018 complaint" complaint handling, a long list of remedies "is satisfactory
# remedy" a remedy set out, a sum "apart from" what a remedy covers not awarded, "Ms X's
# dispute" a noun, not an allegation, "failed to take the action it agreed to take" a
# service not provided, not a remedy; 0.3.27: a number inside a company's name ("Harbour
# Healthcare 1 Ltd", "Promedica 24 UK Limited") part of it, and written on or apart one name,
# the reference after a title's name no part of it, the title line after a cookie banner read,
# the care home a council did not pay neither at fault nor complained about, "NHS Sussex (the
# ICB)" a name, a body named only by its role as the text writes it ("the ICB", not "the
# icb"), "the District Council" of a county council's decision another council, "the hospital" in
# the story of the complaint no body, a title's "City of London" the council, a care home
# whose "complaints procedure" the summary mentions not complained about, "X, the “Care
# Provider” withdrew" a role alias with no comma after it, "complains there were failings" an
# allegation, "The Ombudsman considers that ..." the Ombudsman's view, not an allegation, a sum
# the complainant says the body "failed to refund" not awarded, "is not the fault of" no fault,
# "provided suitable support" and "was under no duty to" done properly, "we do not consider this
# caused Mrs X injustice" no finding, a finding's model topics not read from a remedy clause
# beside it, "London Borough of X and X and Y NHS Trust" two bodies, a trust the text defines
# under an old name the title's trust, "The Coquet Medical Group" a GP practice, "the hospital
# scheme" no hospital, "write off £750 of council tax arrears" a payment, "we have not found this
# led to" no "no fault", "Summary: The Ombudsmen did not take further action" what the Ombudsman did,
# "we did not consider this fault caused injustice" no failing of the complaint, "The complainant
# did not notify the Council" no failing of the body, a sum's breakdown in brackets ("£5,500 (11
# months at £500 each)") no payment, sums in the sub-items of an item that awards them payments,
# "already paid Mrs X the allowance it owed her and an additional £3300" a payment, "this was not
# because of fault" no fault.
EXTRACTOR_VERSION = "0.3.27"

# Sections spaCy reads. The role-and-powers and law sections are boilerplate: skipping
# them saves a third of the tokens and keeps quoted guidance out of the findings.
READ_SECTIONS = {
    sections_mod.HEADER, sections_mod.SUMMARY, sections_mod.COMPLAINT, sections_mod.BACKGROUND,
    sections_mod.FINDINGS, sections_mod.DECISION, sections_mod.REMEDY,
}
FAULT_SECTIONS = {sections_mod.SUMMARY, sections_mod.FINDINGS, sections_mod.DECISION, sections_mod.REMEDY}
# The classifier's probability above which a sentence is given a category.
# "... and its failure to do so is fault", "This amounts to maladministration": a finding
# in so many words, whatever the model's score.
_IS_FAULT = re.compile(r"\b(?:is|was|were|are|amounts? to|amounted to|constitutes?|constituted)\s+(?:also\s+)?(?:a\s+)?(?:further\s+)?(?:fault|maladministration|service failure|failings?)\b", re.I)
CATEGORY_THRESHOLD = 0.35
SOLE_CATEGORY_THRESHOLD = 0.7  # when no specific cue backs the classifier up
ALLEGATION_CATEGORY_THRESHOLD = 0.7  # an upheld allegation's topic, when a broad cue agrees and no specific one names it
SOLE_ALLEGATION_CATEGORY_THRESHOLD = 0.8  # ... and when no cue agrees


@dataclass
class Provenance:
    sentence: str
    start: int  # character offsets of the sentence in the decision text
    end: int
    section: str


@dataclass
class Body:
    name: str
    body_type: str
    canonical_name: str
    at_fault: bool = False
    aliases: set[str] = field(default_factory=set)
    from_title: bool = False
    defined: bool = False  # named with an alias in parentheses


@dataclass
class Fault:
    body: str
    category: str
    provenance: Provenance


@dataclass
class Payment:
    payer: str | None
    amount: Decimal
    purposes: list[str]
    status: str
    fault_categories: list[str]
    provenance: Provenance
    clause: str = ""  # the words that go with the sum in its sentence


@dataclass
class Deadline:
    body: str | None
    due_date: dt.date | None
    due_text: str
    actions: list[str]
    provenance: Provenance


@dataclass
class Extraction:
    record: DecisionRecord
    decision_date: dt.date | None
    category: str | None
    outcome: str | None
    fault_found: bool | None
    compliance_date: dt.date | None
    bodies: list[Body]
    faults: list[Fault]
    payments: list[Payment]
    deadlines: list[Deadline]
    extractor_version: str = EXTRACTOR_VERSION
    remedies: list[Remedy] = field(default_factory=list)  # pipeline/extract/remedies.py

    @property
    def decision_id(self) -> str:
        return self.record.decision_id


# --- metadata ---------------------------------------------------------------------------

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


# --- bodies -----------------------------------------------------------------------------

@functools.lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    name = name.lower().replace("’", "'").replace("&", "and")
    name = re.sub(r"[^\w' ]+", " ", name)
    name = re.sub(r"^the\s+", "", name.strip())
    name = re.sub(r"\b(?:ltd|limited)\b", "ltd", name)
    return re.sub(r"\s+", " ", name).strip()


_AREA_NAMED = {body_rules.ICB, body_rules.CCG}


class BodyRegistry:
    """The bodies of one decision, and how each way of referring to them resolves."""

    def __init__(self) -> None:
        self.bodies: dict[str, Body] = {}
        self.aliases: dict[str, str] = {}   # alias key ("council", "moorfields") -> body key
        self.roles: dict[str, str] = {}     # placeholder bodies named only by role
        # What each way of writing a mention resolved to. Resolution only changes when a
        # body is added, and sentences are read after every name has been added.
        self._resolved: dict[tuple[str, bool, str], str | None] = {}
        # For `_same_as`: (body type, spelling variant) -> the first body added with them,
        # the ICBs and CCGs (which also match by the tail of their area) in the order added,
        # and the NHS trusts (which also match by a name with words left out) by the first
        # and last words of their names. Comparing each mention with every body so far made
        # a text naming many bodies quadratic (issue 15).
        self._by_variant: dict[tuple[str, str], str] = {}
        self._area_named: dict[str, list[str]] = {}
        self._trusts_by_ends: dict[tuple[str, str], list[str]] = {}  # by first and last word
        self._titled: list[str] = []  # the bodies a title (or a case summary's list) names: a few

    def add(self, name: str, body_type: str, *, from_title: bool = False, alias: str | None = None) -> str:
        name = name.strip().rstrip(".,;:")
        key = _name_key(name)
        # "NHS North East and North Cumbria ICB" and "... Integrated Care Board" are one body.
        key = self._same_as(key, body_type) or key
        if key not in self.bodies and not from_title:
            # a name the decision gave another body as its short form, however spelt ("Hallows
            # RC High School" for a title's "All Hallows R C High School")
            key = self.aliases.get(body_rules.role_key(name)) or next(
                (k for a, k in self.aliases.items() if _variant(a) == _variant(key)), key)
            # a title that shortens the name the text gives: "Oxford Health NHS (23 008 538a)",
            # "... Oxford Health NHS Foundation Trust (the Trust)"
            key = next((k for k in self._titled if k in self.bodies and self.bodies[k].body_type == body_type
                        and key.startswith(k + " ")), key)
        body = self.bodies.get(key)
        if body is None:
            body = Body(name=name, body_type=body_type, canonical_name=name)
            self._new_body(key, body)
        elif len(name) > len(body.name) and not from_title and not (body.from_title and (
                body_type == body_rules.COUNCIL or key.replace(" ", "") == _name_key(name).replace(" ", "")
                or _name_key(_TRADING_AS.split(name)[0]) == key)):
            # the fullest name the text gives (a council's title is its name already: the
            # text's "Southend-on-Sea Borough Council" is the title's "... City Council"; so is
            # a title's name the text only spells another way: "A P T Care Ltd", "APT Care Limited",
            # or gives with a trading name: "OM Care Ltd trading as Caremark")
            body.name = body.canonical_name = name
        if body.body_type == body_rules.OTHER and body_type != body_rules.OTHER:
            # a kind another mention gives ("Ottermead House, a residential home") over a list's
            # guess ("... the Council and Ottermead House"): the body was not yet typed
            body.body_type = body_type
        if from_title and not body.from_title:
            self._titled.append(key)
        body.from_title |= from_title
        self._resolved.clear()
        if alias and body_rules.is_alias_usable(alias):
            akey = body_rules.role_key(alias)
            self.aliases[akey] = key
            body.aliases.add(alias)
            body.defined = True
            if akey in body_rules.NAMED_ONLY_ROLES and not body_rules.find_named_bodies(name):
                # a home defined or described as one ("Elm House (the Home)", "Elm House, a
                # nursing home"): its name, which no pattern finds, is found bare later too
                self.aliases.setdefault(name.lower(), key)
        return key

    def _same_as(self, key: str, body_type: str) -> str | None:
        expanded = _variant(key)
        if body_type == body_rules.NHS_TRUST and (words := expanded.split()):
            # "Central and North West NHS Foundation Trust" is "Central & North West London NHS
            # Foundation Trust": a trust named with a word of its name left out
            return self._by_variant.get((body_type, expanded)) or next(
                (k for k in self._trusts_by_ends.get((words[0], words[-1]), ()) if _shortened(expanded, _variant(k))), None)
        if body_type not in _AREA_NAMED:
            return self._by_variant.get((body_type, expanded))
        for other_key in self._area_named.get(body_type, ()):
            other_expanded = _variant(other_key)
            if other_expanded == expanded:
                return other_key
            # An NHS body named by the tail of its area: "Milton Keynes ICB" is "NHS
            # Bedfordshire, Luton and Milton Keynes ICB".
            if len(expanded.split()) > 2 and len(other_expanded.split()) > 2 and (
                    other_expanded.endswith(" " + expanded) or expanded.endswith(" " + other_expanded)):
                return other_key
        return None

    def _new_body(self, key: str, body: Body) -> None:
        self.bodies[key] = body
        self._by_variant.setdefault((body.body_type, _variant(key)), key)
        if body.body_type in _AREA_NAMED:
            self._area_named.setdefault(body.body_type, []).append(key)
        elif body.body_type == body_rules.NHS_TRUST and (words := _variant(key).split()):
            self._trusts_by_ends.setdefault((words[0], words[-1]), []).append(key)

    def resolve(self, mention: body_rules.BodyMention) -> str | None:
        """The body key a mention refers to; creates a placeholder for an unnamed role."""
        if not mention.is_role:
            key = _name_key(mention.text)
            key = self._same_as(key, mention.body_type) or key
            if key in self.bodies:
                return key
            alias_key = self.aliases.get(body_rules.role_key(mention.text))
            return alias_key
        role = body_rules.role_key(mention.text)
        if role in self.aliases:
            return self.aliases[role]
        if role in body_rules.NAMED_ONLY_ROLES:
            # "the home": a care provider named or defined as a home, else somebody's house
            return next((k for k, b in self.bodies.items() if b.body_type == mention.body_type
                         and any(map(body_rules.names_a_home, (b.name, *b.aliases)))), None)
        candidates = [k for k, b in self.bodies.items() if b.body_type == mention.body_type and (b.from_title or b.defined)]
        if not candidates:
            candidates = [k for k, b in self.bodies.items() if b.body_type == mention.body_type]
        if role in _OTHER_TIER:
            # two tiers of local government: "the District Council" of a decision titled
            # with a county council is another council
            candidates = [k for k in candidates if _OTHER_TIER[role] not in self.bodies[k].name.lower()]
        if not candidates:
            # "the Trust" of a decision about "Kelworth Learning Trust", an academy trust
            candidates = [k for k, b in self.bodies.items() if b.name.lower().endswith(" " + role)]
        if len(candidates) >= 1:
            return candidates[0]
        return None

    def resolve_or_placeholder(self, mention: body_rules.BodyMention) -> str | None:
        """`resolve`, with a placeholder for a role nothing names; the same mention text
        resolves the same way throughout a decision, so each is worked out once."""
        cache_key = (mention.text, mention.is_role, mention.body_type)
        if cache_key not in self._resolved:
            key = self.resolve(mention)
            if key is None and mention.is_role and body_rules.stands_alone(mention.text):
                key = self.placeholder(mention)
            self._resolved[cache_key] = key
        return self._resolved[cache_key]

    def bare_aliases(self, text: str) -> list[tuple[int, str]]:
        """Aliases defined as bare names ("Moorfields", "Royal Free") found in text, as
        (offset, body key) sorted by offset."""
        names = sorted(((a, k) for a, k in self.aliases.items() if a not in body_rules.ROLE_TYPES),
                       key=lambda ak: -len(ak[0]))  # longest first: "Royal Free London" before "Royal Free"
        if not names:
            return []
        pattern = re.compile(r"\b(?:" + "|".join(f"({re.escape(a)})" for a, _ in names) + r")\b", re.I)
        return [(m.start(), names[m.lastindex - 1][1]) for m in pattern.finditer(text)]

    def also_called(self, role: str, key: str) -> None:
        """Read a role ("the CCG") or a name as body `key` from now on, unless it already stands for one."""
        self.aliases.setdefault(body_rules.role_key(role), key)
        self._resolved.clear()

    def merge(self, part: str, whole: str) -> None:
        """Read body `part` as body `whole` from now on: a home and the company that runs it."""
        body = self.bodies.pop(part)
        target = self.bodies[whole]
        for alias_key, key in list(self.aliases.items()):
            if key == part:
                self.aliases[alias_key] = whole
        for name in (body.name, *body.aliases):
            self.aliases[body_rules.role_key(name)] = whole
        target.aliases |= body.aliases
        target.from_title |= body.from_title
        target.defined |= body.defined
        for variant, key in list(self._by_variant.items()):
            if key == part:
                self._by_variant[variant] = whole
        self._resolved.clear()

    def retype(self, key: str, body_type: str) -> None:
        """Body `key` is of `body_type` after all (what a role the text uses says it is)."""
        self.bodies[key].body_type = body_type
        self._by_variant.setdefault((body_type, _variant(key)), key)
        self._resolved.clear()

    def placeholder(self, mention: body_rules.BodyMention) -> str:
        """A body named only by its role ("the council", "the ICB"), as the text writes it."""
        role = body_rules.role_key(mention.text)
        key = "role:" + role
        if key not in self.bodies:
            words = mention.text.split()
            name = "the " + " ".join(words[1:] if words[0].lower() == "the" else words)
            self._new_body(key, Body(name=name, body_type=mention.body_type, canonical_name=name))
            self._resolved.clear()
        return key


_OTHER_TIER = {"district council": "county", "county council": "district"}
_TRUST_WORDS = frozenset({"and", "of", "the", "nhs", "foundation", "trust", "university", "hospital", "hospitals",
                          "partnership", "health", "care", "community", "mental", "teaching"})


def _shortened(one: str, other: str) -> bool:
    """Is one trust's name the other's with words left out ("central and north west trust",
    "central and north west london trust")? Two distinctive words at least must remain."""
    a, b = one.split(), other.split()
    if len(a) == len(b) or len([w for w in min(a, b, key=len) if w not in _TRUST_WORDS]) < 2:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    words = iter(long_)
    # (the same first and last words: "CMHT of X Trust" is a misreading, not X Trust's full name)
    return short[0] == long_[0] and short[-1] == long_[-1] and all(w in words for w in short)


@functools.lru_cache(maxsize=65536)
def _variant(key: str) -> str:
    """One spelling for the ways a decision writes one body's name: "... University
    Foundation Trust" and "... University NHS Foundation Trust", "NHS X ICB" and "X
    Integrated Care Board", "Brightwater Care Ltd" and "Brightwater Care", "X NHS Trust" and "X
    NHS Foundation Trust" (a trust that became a foundation trust), "St George's" and
    "St. Georges" (the full stop is gone from the key already), "X Borough Council" and "X
    City Council" (a borough that became a city), "Her Majesty's ..." and "HM ...", "UK
    Border Force" and "Border Force", "A P T Care Ltd" and "APT Care Limited"."""
    key = re.sub(r"\bnhs\s+|\bfoundation\s+(?=trust$)|\b(?:city|borough|district|county)\s+(?=council$)|^uk\s+", "", _expand(key))
    key = re.sub(r"\b(\w) (?=\w\b)", r"\1", key)  # initials spaced out: "a p t care" is "apt care"
    key = re.sub(r"(?<=[a-z])(?=\d)", " ", key)  # a number written on: "Promedica24 UK" is "Promedica 24 UK"
    return re.sub(r"\s+ltd$", "", key).replace("her majesty's ", "hm ").replace("'", "")


@functools.lru_cache(maxsize=65536)
def _expand(key: str) -> str:
    key = re.sub(r"\bintegrated care board\b", "icb", key)
    key = re.sub(r"\bclinical commissioning group\b", "ccg", key)
    key = re.sub(r"^nhs\s+", "", key)
    return key


# --- per-sentence reading ---------------------------------------------------------------

@dataclass(slots=True)  # one per sentence of every decision: slots make them cheaper to build and read
class Sentence:
    text: str
    start: int      # offsets in the decision text
    end: int
    section: str
    bodies: list[tuple[int, str]]           # (offset in decision text, body key), in order
    amounts: list[tuple[int, int, Decimal]]
    deadlines: list[tuple[int, int, str, str | None, str | None]]
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


def _sentences(doc: Doc, offset: int, section: str, registry: BodyRegistry) -> list[Sentence]:
    # Every candidate list is sorted by start, so each sentence takes its share by bisection.
    ext = doc._  # (each `doc._` builds an object: read it once)
    mentions = ext.body_mentions or []
    mention_starts = [m.start for m in mentions]
    amounts = ext.amounts or []
    amount_starts = [a[0] for a in amounts]
    deadlines = ext.deadline_phrases or []
    deadline_starts = [d[0] for d in deadlines]
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
        sent_amounts = [(offset + a, offset + b, v) for a, b, v in amounts[i:j]] if i < j else []
        i, j = bisect_left(deadline_starts, s), bisect_left(deadline_starts, e)
        sent_deadlines = [(offset + a, offset + b, t, d, None if p and _ANCHORED_ELSEWHERE.match(doc_text, b) else p)
                          for a, b, t, d, p in deadlines[i:j]] if i < j else []
        out.append(Sentence(sent_text, offset + s, offset + e, section, bodies, sent_amounts, sent_deadlines,
                            scores.get(s), fault_word, None if wording is None else s in wording, opens_paragraph,
                            "" if out else doc.user_data.get("heading", "")))
    return out


# --- faults -------------------------------------------------------------------------------

def _rule_categories(text: str) -> frozenset[str]:
    """Categories the broad cues name."""
    return _categories_named(vocab.CATEGORY_CUE_SET, text)


def _strong_categories(text: str) -> frozenset[str]:
    """Categories the cues specific enough to trust on their own name."""
    return _categories_named(vocab.STRONG_CATEGORY_CUE_SET, text)


# The clause (between commas) that speaks of the complaint.
# (and the reply to it: "When she complained, the Council's reply took ten weeks")
# ("Mr X complains that the Council took too long to assess his needs": a complaint's
# report, not its handling)
_COMPLAINT_CLAUSE = re.compile(r"[^,;:]*\b(?:complaints?|complain(?:s|ed|ing)?\b(?!\s+(?:that|about)\b)|repl(?:y|ies|ied)|responses?)\b[^,;:]*", re.I)

# An assessment or eligibility decision that only came late.
_LATE_ASSESSMENT = re.compile(
    r"\b(?:delay(?:ed|s)?|slow|late)(?: in| to)? (?:(?:complet|carry\w* out|mak|reach)\w* )?(?:the |its |a |an |her |his |their |[\w’']+['’]s )?"
    r"(?:[\w-]+ ){0,2}?(?:re-?)?assess\w*|"
    r"\b(?:re-?)?assess\w* (?:[\w’'-]+ ){0,4}?(?:promptly|in time|on time|quickly)\b|"
    r"\btook (?:[\w’'-]+ ){0,4}?to (?:decide|agree|confirm|determine) (?:that |whether |if )?(?:[\w’'-]+ ){0,4}?(?:was |is |were )?eligib\w*|"
    r"\btook (?:[\w’'-]+ ){1,4}?to (?:complete|carry out|do|finish|start|begin|undertake|arrange|review|reach)\w* (?:[\w’'-]+ ){0,5}?(?:(?:re-?)?assess\w*|decision support tool|dst|checklist)\b"
    r"(?: (?:after|following) (?:the |a |her |his )?(?:positive )?checklist\b)?|"
    # "did not begin its assessment of her needs until three weeks after ..."
    r"\b(?:did not|didn't|failed to) (?:start|begin|complete|carry out|do|finish|undertake|arrange)\w* (?:[\w’'-]+ ){0,2}?(?:re-?)?assess\w* (?:[\w’'-]+ ){0,6}?"
    r"(?:until\b|for (?:over |more than |nearly |almost |about |around |a further |another )?" + vocab.DURATION + r")|"
    # "did not assess Mr R until 11 March", "asked for a carer's assessment and did not
    # receive one until October", "its assessment was then completed two months after her birthday"
    r"\b(?:did not|didn't|failed to) (?:re-?)?assess (?:[\w’'-]+ ){0,6}?until\b|"
    r"\bassessment\b[^.;]{0,80}?\b(?:did not|didn't) (?:receive|get|have) (?:one|it)\b[^.;]{0,20}?\buntil\b|"
    r"\bassess\w* (?:was|were) (?:then |only |eventually |finally )?(?:completed|done|carried out|finished) (?:[\w’'-]+ ){0,3}?"
    + vocab.DURATION + r" (?:after|late)\b", re.I)


# What was late: the object of "delay in ...", "delayed ...ing ...", to its clause's end.
_DELAYED_WHAT = re.compile(r"\b(?:delay(?:ed|s|ing)?|slow|late)\s+(?:in\s+|to\s+|with\s+)?[^.;:,()]{0,80}?"
                           r"(?=[,;:.()]|\band\b|\bor\b|\bbut\b|$)", re.I)
_WHAT_CAME_LATE = ("assessment", "charging_funding", "decision_making", "care_planning", "service_provision", "safeguarding")


# A provider or home chosen although it could not meet the person's needs.
_PROVIDER_COULD_NOT = re.compile(r"\b(?:that|which|who)\b[^.;]{0,40}?\b(?:could not|couldn't|was unable to|cannot|did not) "
                                 r"(?:meet|manage) (?:[\w’'-]+ ){0,4}?needs\b", re.I)
# An eligibility decision or a completed assessment named as what came first.
_ELIGIBILITY_DECIDED = re.compile(
    r"\b(?:found|finds|was found|been found|decided|accepted|agreed|confirmed)\s+(?:that\s+)?(?:[\w’'-]+\s+){0,3}?(?:was\s+|were\s+|is\s+)?(?:not\s+)?eligible\b|"
    r"\b(?:its|their|the)\s+(?:own\s+)?eligibility\s+decision\b|\bassessed\s+as\s+needing\b|"
    r"\bwhen\s+(?:a|the|its|her|his)\s+(?:checklist|assessment|decision support tool)\s+(?:was|had been)\s+(?:finally\s+|eventually\s+)?(?:completed|done)\b|"
    r"\bwhen\s+the\s+assessment\s+found\b", re.I)
# Who arranged a provider's care, in a clause naming the provider: "the agency the Council
# commissioned", "the care it commissioned was unreliable" (no object follows the verb; "the
# placement it commissioned" after "fault ... in" is the failing itself), and why a council
# answers for a provider ("as the Council commissioned the care this is fault by the Council").
_COMMISSIONED_BY = re.compile(r"\bas (?:the\s+(?:council|icb|ccg)|it|they)\s+(?:had\s+)?commissioned\s+(?:the|her|his|their)\s+care\b|"
                              r"\b(?:agency|provider|home|company|firm|contractor|ltd|limited|care)\)?,?\s+(?:which\s+|that\s+|whom\s+)?"
                              r"(?:the\s+(?:council|icb|ccg|trust|authority)|it|they)\s+(?:had\s+)?(?:commissioned|arranged|contracted|funded)\b"
                              r"(?!\s+(?:a|an|the|her|his|him|them|its|their|any|for|care|support|services?|suitable|tuition|education|placements?)\b)", re.I)
# What an assessment or review left out: "its decision support tool did not properly consider the evidence".
# (not "the financial assessment officer did not consider ...": a person deciding)
_ASSESSMENT_LEFT_OUT = re.compile(r"\b(?:assessments?|reviews?|decision support tool|dst)\s+(?:(?!officer|worker|team|panel|manager|and\b|but\b)[\w’'-]+\s+){0,6}?"
                                  r"(?:did not|didn't|failed to|does not)\s+(?:properly\s+|fully\s+)?consider\b", re.I)
# The body's own remedy for the complaint, given or weighed ("failed to provide an appropriate remedy").
_PROVIDED_REMEDY = re.compile(r"\b(?:(?:provid|offer|giv|propos)\w*|consider\w*\s+whether)\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+)?remedy\b", re.I)
# A complaint as what was (not) considered.
_CONSIDERED_COMPLAINT = re.compile(r"\b(?:(?:the way|how) (?:it|they|the \w+) )?(?:(?:did not|didn't|failed to|failing to|not) (?:properly )?)?"
                                   r"consider\w*\s+(?:[\w’'-]+\s+){0,4}?complaints?\b", re.I)
# The person or family not told of a discharge.
_TOLD_OF_DISCHARGE = re.compile(r"\b(?:(?:not|never)\s+(?:been\s+)?(?:told|informed)|(?:told|tell|telling|inform\w*|notif\w*|explain\w*)\s+"
                                r"(?:her|him|them|the family|(?:mrs?|ms|miss|dr)\s+\w+))\s+(?:[\w’'-]+\s+){0,6}?discharg\w*", re.I)
# A discharge held up, or a placement or package reviewed (a funder's look at its provider).
_DELAYED_DISCHARGE = re.compile(r"\b(?:delay\w*|held up|holding up|hold up|slow\w*)\s+(?:[\w’'-]+\s+){0,2}?discharges?\b", re.I)
_PLACEMENT_REVIEW = re.compile(r"\breview\w*\s+(?:of\s+)?(?:the\s+|her\s+|his\s+|their\s+)?(?:placement|care package|package)\b", re.I)
# Slow to tell someone something.
_SLOW_TO_TELL = re.compile(r"\b(?:took|waited)\b[^.;,]{0,40}?\b(?:to|before|until) (?:tell|inform|let)\w*\b", re.I)


# A care or support plan named as the measure of what was due, not as what went wrong.
_PLAN_AS_REFERENCE = re.compile(r"\b(?:in line with|set out in|detailed in|specified in|agreed in|required by|according to|in accordance with|"
                                r"as (?:set out|agreed|detailed) in|under|follow\w*|as|outside|within) (?:[\w’'-]+ ){0,3}?(?:care and support|care|support|aftercare) plans?\b|"
                                # "the fluid charts her care plan required", "his aftercare plan said he needed ..."
                                r"\b(?:care and support|care|support|aftercare|discharge) plans? (?:said|says|stated|states|required|requires|specified|set out|allowed|allows)\b|"
                                # "trips that were part of his support plan", "the respite in her care and support plan"
                                r"\b(?:part of|set out in|in) (?:the |her |his |their |(?:(?:mrs?|ms|miss|dr) )?[\w’']+['’]s )?(?:care and support|care|support|aftercare|discharge) plans?\b", re.I)
# Care not given as the plan said ("did not follow her falls care plan", "did not turn her
# as her care plan required"): the care delivered was poor.
_PLAN_NOT_FOLLOWED = re.compile(r"\b(?:did not|didn't|failed to|not) (?:follow\w*|[\w’'-]+ (?:[\w’'-]+ ){0,3}?as) (?:[\w’'-]+ ){0,3}?(?:care|support) plans?\b", re.I)


# A manner adverb between a failure's words, which the cues write without one: "failed
# repeatedly to provide", "a failure to properly review", "to deal promptly with".
_ADVERB_IN_SLOT = re.compile(
    r"\b(to|fail(?:s|ed|ing|ure)?|not|been|deal(?:t|ing|s)?|respond(?:ed|ing|s)?) "
    r"(?!(?:only|early|family|elderly|likely|unlikely|weekly|monthly|daily|yearly|supply|reply|apply|rely|fly)\b)[a-z]{2,}ly ", re.I)


def _without_adverbs(text: str) -> str:
    return _ADVERB_IN_SLOT.sub(r"\1 ", text) if "ly " in text else text


# The category tests are the costliest regex work of extraction, and one text is tested
# as a finding, as its only clause and as the next finding's antecedent: each distinct
# text is tested once per decision. (`assemble` clears the cache for each decision, so
# the benchmark's repeated paragraphs do not flatter it.)
@functools.lru_cache(maxsize=8192)
def _categories_named(cues: CueSet, text: str) -> frozenset[str]:
    cats = cues.found_in(text)
    plain = _without_adverbs(text)
    if plain != text:
        cats |= cues.found_in(plain)

    def only_in(cat: str, pattern: re.Pattern) -> bool:
        """Is `cat` named only by words that `pattern` reads as something else?"""
        return cat in cats and bool(pattern.search(text)) and not cues.cues[cat].found_in(pattern.sub(" ", text))
    if only_in("care_planning", _PLAN_AS_REFERENCE):
        # "did not meet her needs in line with her care plan": the plan was right, the
        # service it set out was not given (service provision, not planning)
        cats.discard("care_planning")
        if _PLAN_NOT_FOLLOWED.search(text):
            cats.add("care_quality")
    if only_in("care_planning", _TOLD_OF_DISCHARGE):
        # "She was not told when her mother was discharged": what the family was told
        cats.discard("care_planning")
        cats.add("communication")
    if only_in("care_planning", _DELAYED_DISCHARGE):
        # "this delayed Mr W's discharge by five months": the delay's, not the planning's
        cats.discard("care_planning")
    if "provider_oversight" in cats and only_in("care_planning", _PLACEMENT_REVIEW):
        # "knew about the falls but did not visit or review the placement": the funder's
        # oversight of the provider, not a plan
        cats.discard("care_planning")
    if only_in("assessment", _ELIGIBILITY_DECIDED):
        # "When it found her mother eligible, it commissioned an agency that ...": the
        # assessment is what came before the failing, not the failing
        cats.discard("assessment")
    if only_in("assessment", _LATE_ASSESSMENT):
        # "the Council's delayed assessment", "failed to assess her promptly", "took a
        # year to decide she was eligible": the assessment was late, not flawed
        cats.discard("assessment")
        cats.add("delay")
    if only_in("decision_making", _DECISION_TIMING):
        # "failed to consider his case by summer 2011": the decision came late
        cats.discard("decision_making")
        cats.add("delay")
    if "delay" in cats:
        for topic in _WHAT_CAME_LATE:
            if only_in(topic, _DELAYED_WHAT):
                # "delay completing Mr X's financial assessment", "delayed arranging a
                # review of her direct payment": what was late, not what was wrong (the
                # guide's delay covers a late service, assessment, decision or package)
                cats.discard(topic)
    for topic in ("service_provision", "decision_making"):
        if only_in(topic, _PROVIDED_REMEDY):
            # "it failed to provide an appropriate remedy", "had not properly considered whether
            # a financial remedy was due": the complaint's answer, not a service or a decision
            cats.discard(topic)
            cats.add("complaint_handling")
    if only_in("decision_making", _CONSIDERED_COMPLAINT):
        # "failed to consider Mrs X's complaint via the statutory procedure", "how the
        # Council considered Mrs X's complaints": the complaint's handling, not a decision
        cats.discard("decision_making")
        cats.add("complaint_handling")
    if only_in("commissioning", _COMMISSIONED_BY):
        # "Brookvane Homecare, the agency the Council commissioned, gave her the wrong
        # dose": who arranged the care says which provider, not what went wrong
        cats.discard("commissioning")
    if only_in("decision_making", _ASSESSMENT_LEFT_OUT):
        # "The Council's assessment did not consider Ms L's own needs": the assessment's failing
        cats.discard("decision_making")
        cats.add("assessment")
    if "commissioning" in cats and only_in("service_provision", _PROVIDER_COULD_NOT):
        # "commissioned a provider that could not meet his needs": the commissioning was wrong
        cats.discard("service_provision")
    if "communication" in cats and only_in("delay", _SLOW_TO_TELL):
        # "took four months to tell Ms D what it had concluded": the telling was the failing
        cats.discard("delay")
    if "complaint_handling" in cats and "delay" in cats \
            and not cues.cues["delay"].found_in(_COMPLAINT_CLAUSE.sub(" ", text)):
        # late complaint responses are complaint handling, not delay; a delay in a clause
        # of its own ("delay in issuing the plan, ... and failed to respond to the
        # complaint") is one
        cats.discard("delay")
    return frozenset(cats)


# What the person suffered is the injustice, not a finding of what went wrong: "He also
# suffered a lost opportunity to ...", "However, the Ombudsmen also found the complainant
# suffered uncertainty ... but for the fault."
_INJUSTICE = re.compile(
    r"\W*(?:however,?\s+)?(?:(?:we|the ombudsm[ae]n) (?:also )?(?:later )?(?:found|find|consider) (?:that )?)?"
    r"(?:the complainant|he|she|they|(?:mrs?|ms|miss|dr) [A-Z]\w*|the family|her family|his family) (?:also )?(?:has |have |had )?"
    r"(?:suffered|experienced|been caused|was caused|were caused|been left|was left|were left|lost)\b|"
    # ... and so is what the fault did not do: "However, we do not consider this caused Mrs X injustice"
    r"\W*(?:however,?\s+)?(?:we|i|the ombudsm[ae]n)\s+(?:do|did|does)\s+not\s+(?:consider|think|find|believe)\s+(?:that\s+)?"
    r"(?:this|these|that|it|the\s+(?:fault|faults|failings?|error|delay))\s+(?:[\w’'-]+\s+){0,2}?(?:has\s+)?" + vocab.EFFECT_VERB, re.I)


# A sentence whose subject is the faults already found and whose verb is what they did to
# the person ("These faults meant Mrs N went without help ...", "These failings caused
# financial loss to Mrs L", "The fault caused her distress") states the injustice of the
# findings before it; it finds nothing new.
_AFTERMATH = re.compile(
    r"\W*(?:(?:however|also|overall|together|in my view|in our view|in any case),?\s+)?"
    r"(?:(?:we|I) (?:have )?(?:also )?(?:found|consider|think) (?:that )?)?"
    r"(?:this|these|that|those|the|such|its|their|both|all|each of these)\s+"
    r"(?:[\w’'-]+\s+)?(?:faults?|failings?|failures?|errors?|maladministration|service failures?)\s+(?:(?:we|I) (?:have )?found\s+)?"
    r"(?:(?:by|of|on the part of)\s+[^,.;]{1,60}?\s+)?(?:has\s+|have\s+|had\s+|will have\s+|may have\s+|would have\s+)?"
    r"(?:also\s+|therefore\s+|then\s+|in turn\s+|together\s+|clearly\s+|(?:have\s+)?not only\s+)?"
    + vocab.EFFECT_VERB + r"|"
    # "The result of these faults was that ...", "This meant Mrs G waited longer ..." (what
    # it meant for a person: "This meant ..." of anything lost dev CV 0.850 -> 0.840, as
    # real decisions go on "This meant the Council did not ...")
    r"\W*(?:the|as a) (?:result|effect|impact|consequence)s? of (?:these|this|the|those|its|their) (?:[\w-]+\s+)?(?:faults?|failings?|failures?|errors?)\b|"
    r"\W*(?:this|that) (?:meant|means|left|leaves) (?:that )?(?:(?:mrs?|ms|miss|dr) [A-Z]\w*|he|she|they|him|her|them|the family|her family|his family)\b", re.I)


def _is_finding(sent: Sentence, summary_found_fault: bool = False) -> bool:
    """Does the sentence find fault (not allege it, not find none)?"""
    text = sent.text
    has_fault_word = sent.fault_word
    if not has_fault_word and sent.section not in (sections_mod.SUMMARY, sections_mod.DECISION):
        # The common case, decided with one search; but the findings may give the
        # Ombudsman's view of a failure without a fault word ("We found the ICB took 16
        # weeks to complete Mr Y's assessment", "I consider the Council failed to ...").
        # (the opening is tested first: this is asked of nearly every findings sentence)
        if sent.section != sections_mod.FINDINGS:
            return False
        verdict = bool(_VERDICT.match(text) or _BARE_VERDICT.match(text))
        if not (verdict or _starts_a_view(text)):
            return False
        return vocab.could_be_finding(text) and not vocab.sets_remedy(text) and (verdict or _says_what_went_wrong(text))
    if _INJUSTICE.match(text) or _AFTERMATH.match(text):
        return False
    if not (sent.can_find if sent.can_find is not None else vocab.could_be_finding(text)) and not _finds_before_remedy(sent):
        return False  # "The Council agreed to pay £500 for the distress caused by its fault"
    if has_fault_word:
        return sent.scores is None or sent.scores.finding >= 0.2 or bool(vocab.FINDING_VERB.found_in(text)) \
            or bool(_IS_FAULT.search(text)) or vocab.UPHELD_ABOUT.found_in(text)
    if sent.scores is not None and sent.scores.finding >= 0.8 and sent.section in (sections_mod.SUMMARY, sections_mod.DECISION):
        return True
    # A summary that has found fault goes on to say what went wrong in plain words; the
    # Ombudsman's own view may say it without the word "fault" ("We consider the
    # Council's policy is flawed").
    # (A PHSO decision's "Why we made this decision" does the same.)
    if sent.section not in (sections_mod.SUMMARY, sections_mod.DECISION) or vocab.sets_remedy(text):
        return False
    if summary_found_fault and not _OMBUDSMAN_ACTS.match(text) and not _PERSON_SUBJECT.match(text) and (
            _says_what_went_wrong(text) or _BARE_VERDICT.match(text) or _COMPLAINANT_RIGHT.match(text)):
        return True
    view = _VIEW_FRAME.match(text)
    if not view:
        return False
    # "I have found the Council delayed investigating the case": found, in plain words
    return bool(_FAILURE_VERDICT.search(text)) or (bool(_FOUND_VERB.search(view.group(0))) and _says_what_went_wrong(text))


# What the complainant did or did not do is no failing of the body: "The complainant did
# not notify the Council he had occupied an additional unit, which explains the delay".
_PERSON_SUBJECT = re.compile(r"\W*(?:(?:however|but|also),?\s+)?(?:the complainant|(?:mrs?|ms|miss|mx)\.? [A-Z]\b)\s+"
                             r"(?:also\s+|then\s+)?(?:did not|didn't|had not|has not|failed to|never|refused to)\s+"
                             r"(?:notify|tell|inform|provide|send|return|pay|apply|respond|reply|engage|attend|contact|co-?operate|ask|request)\b", re.I)


# What the Ombudsman does or will not do, not what the body did: "We do not intend to
# investigate matters that have not yet completed the Council's complaints process."
_OMBUDSMAN_ACTS = re.compile(r"\W*(?:summary\s*:\s*)?(?:we|i|the ombudsm[ae]n)\s+(?:have\s+|has\s+|had\s+|did\s+|do\s+|does\s+|will\s+|would\s+|cannot\s+|could\s+)?"
                             r"(?:not\s+)?(?:intend\w*\s+to\s+|decided\s+(?:not\s+)?to\s+|(?:were|was|are|am|is)\s+(?:unable|not\s+able)\s+to\s+)?"
                             r"(?:investigat|discontinu|exercis|pursu|look\s+further|take\s+(?:any\s+)?further\s+action)\w*\b", re.I)


def _judged_narration(sentences: list[Sentence], summary_found_fault: bool) -> set[int]:
    """The findings' narrated failings (by id) that a bare verdict after them judges, in
    its paragraph: "Its contract officers did not follow up the actions ... Nor did the
    Council hold the six-week review of the placement. This was fault." """
    out: set[int] = set()
    paragraph: list[Sentence] = []
    for sent in sentences:
        if sent.opens_paragraph or (paragraph and paragraph[-1].section != sent.section):
            paragraph = []
        if sent.section != sections_mod.FINDINGS:
            continue
        if sent.fault_word and vocab.ANAPHORIC_FAULT.search(sent.text) and _is_finding(sent, summary_found_fault):
            for before in reversed(paragraph[:-1]):
                if not (_strong_categories(before.text) and _goes_on_to_say(before)):
                    break
                out.add(id(before))
        paragraph.append(sent)
    return out


def _goes_on_to_say(sent: Sentence) -> bool:
    """Does a sentence right after a topic-less finding say what went wrong, in plain words
    and not as a remedy, an allegation or the injustice?"""
    text = sent.text
    return _says_what_went_wrong(text) and vocab.could_be_finding(text) and not vocab.sets_remedy(text) \
        and not (_INJUSTICE.match(text) or _AFTERMATH.match(text) or _VIEW_AGAINST.match(text))


# The Ombudsman's view that something was not so: "I do not consider Ms S's email, on its
# own, needed a safeguarding enquiry."
_VIEW_AGAINST = re.compile(r"\W*(?:(?:however|but|also),?\s+)?(?:I|we|the ombudsm[ae]n)\s+(?:do|did|does)\s+not\s+(?:consider|think|believe|find|agree|accept|say|suggest)\b", re.I)


def _says_what_went_wrong(text: str) -> bool:
    """Does a sentence state a failure in plain words: a failure word ("did not", "took
    14 weeks", "without considering", "should have") or a specific category cue ("The ICB
    commissioned an agency that was unsuitable")? Only asked of the Ombudsman's own view:
    a summary that found fault, or "We found ..." in the findings. (The model's topics
    alone were tried too: on the written decisions they found more, on the dev corpus
    cross-validated they cost 0.05 of precision, firing on injustice and remedy
    sentences whose distant labels carry the decision's topics.)"""
    if _OFFERED_EXPLANATION.search(text):
        return False
    return bool(vocab.FAILURE_CUE.found_in(text) or vocab.FAILURE_CUE.found_in(_without_adverbs(text))
                or (_strong_categories(text) and not _DONE_PROPERLY.search(text)))


# A sentence that says something was done as it should be names a topic, not a failure:
# "We found the DST was carried out properly", "..., which was a reasonable response".
_DONE_PROPERLY = re.compile(r"\b(?:was|were|is|are|had been|has been)\s+(?:(?:carried out|done|made|reached|handled|dealt with|completed|followed)\s+)?"
                            r"(?:properly|correctly|appropriately|reasonably|in line with|in accordance with)\b|"
                            r"\b(?:was|were|is|are|had been|has been|have been)\s+(?:a\s+)?(?:clinically\s+|entirely\s+|wholly\s+|broadly\s+)?(?:reasonable|appropriate|proportionate|sound|good)\b|"
                            # "We have found that the ICB have appropriately upheld its duties ..."
                            r"(?<!not )(?<!to )(?<!n't )\b(?:appropriately|properly|correctly|reasonably|adequately|lawfully) "
                            r"(?:upheld|followed|considered|carried|made|met|applied|assessed|decided|dealt|handled|completed|facilitated|reviewed)\b|"
                            # "showed the care home had implemented all necessary measures", "there is no
                            # obvious flaw in how it decided", "It considered relevant information"
                            r"\b(?:took|taken|implemented|put in place|had in place|has in place)\s+(?:all\s+)?(?:the\s+)?(?:necessary|appropriate|reasonable|relevant)\s+(?:steps|measures|action|precautions)\b|"
                            r"\bno\s+(?:obvious\s+|evident\s+|apparent\s+)?(?:flaws?|errors?)\s+in\b|"
                            r"^(?:it|they|the\s+\w+)\s+considered\s+(?:all\s+)?(?:the\s+)?relevant\s+(?:information|evidence|factors)\b|"
                            # "The Council and Trust provided suitable support ...", "was under no duty to provide"
                            r"(?<!not )\b(?:provided|gave|offered|arranged|took)\s+(?:suitable|appropriate|adequate|reasonable|proper)\s+"
                            r"(?:support|care|services?|help|action|advice)\b|"
                            r"\b(?:was|were|is|are)\s+under\s+no\s+(?:duty|obligation)\b|\bhad\s+no\s+(?:duty|obligation)\s+to\b", re.I)


# The body explained well why it did not do something: "The OPG had offered reasonable
# explanations for why it had not included ...": its "had not" is no failure.
_OFFERED_EXPLANATION = re.compile(r"\b(?:offered|gave|given|provided)\s+(?:a\s+|an\s+)?(?:reasonable|adequate|satisfactory|clear|good)\s+explanations?\b", re.I)


def _starts_a_view(text: str) -> bool:
    """Does the sentence open with the Ombudsman's (or a conceding body's) view? Asked of
    most sentences of a decision, so the first word is looked at before the pattern."""
    head = text[:12].lstrip(" \t-•*(").split(" ", 1)[0].rstrip(",").lower()
    return head in _VIEW_OPENERS and bool(_VIEW_FRAME.match(text))


# The Ombudsman's verdict on an act: "It was wrong for the Council to charge him ...",
# "It was unreasonable of the Trust to ...".
_VERDICT = re.compile(r"\W*(?:it|this|that) (?:was|is) (?:also )?(?:wrong|unreasonable|unfair|unacceptable|inappropriate|"
                      r"not (?:right|reasonable|fair|appropriate|acceptable)) (?:for|of) (?:the |its |[A-Z])", re.I)
# ... and on what the sentences before it said, as "That was fault." is: "That was not a
# proper response to a serious complaint.", "This fell well below the standard ...".
_BARE_VERDICT = re.compile(
    r"\W*(?:however,?\s+)?(?:this|that|these|which|both)\s+(?:was|is|were|are)\s+(?:also\s+|clearly\s+|plainly\s+)?"
    r"(?:not\s+(?:good enough|acceptable|reasonable|appropriate|proper|adequate|right|in line with|"
    r"a (?:proper|reasonable|suitable|fair|good enough|satisfactory)|an (?:adequate|appropriate|acceptable))|unacceptable|unreasonable|inadequate|"
    r"(?:poor|inadequate|unsafe|bad) (?:care|practice|service|communication|record[- ]keeping|complaint handling))\b|"
    # the body conceding it: "It has now accepted this."
    r"\W*(?:it|they|the \w+) (?:has |have )?(?:now |since )?(?:accepted|accepts|acknowledged|acknowledges) (?:this|that)\W*$|"
    r"\W*(?:however,?\s+)?(?:this|that|these|which|both)\s+(?:also\s+)?fell\s+(?:well\s+|far\s+|significantly\s+)?(?:short|below)\b", re.I)

# The complainant proved right: "Mrs X is correct on all three points." (what she complained
# of is what was found)
_COMPLAINANT_RIGHT = re.compile(r"\W*(?:(?:mrs?|ms|miss|mr and mrs|dr) [A-Z]\w*|she|he|they|the complainant|the family)\s+(?:is|was|are|were)\s+"
                                r"(?:correct|right)\s+(?:on|about|in|that)\b", re.I)

_VIEW_OPENERS = {"we", "i", "the", "in", "however", "also", "overall", "so", "therefore", "based", "on", "having", "from"}
# The Ombudsman (or the body, conceding) stating a view, in the findings or the summary.
_VIEW_FRAME = re.compile(
    r"\W*(?:Summary:?\s*)?(?:(?:however|also|overall|in summary|so|therefore),?\s+)?"
    # "Based on current evidence I have found ...", "On balance, we find ...", "Having considered the evidence, I find ..."
    r"(?:(?:based on|on the basis of|having considered|having looked at|on balance|from)(?:\s+[\w’'-]+){0,4}?,?\s+(?=(?:we|I|the ombudsm[ae]n)\s))?"
    r"(?:(?:we|I|the ombudsm[ae]n|the investigator)\s+(?:have\s+|has\s+)?(?:also\s+)?"
    r"(?:found|find|finds|consider|considered|concluded?|decided|think)\b(?!\s+no\b)|in (?:our|my) view\b|"
    # the PHSO's "We were critical that the psychiatrist did not make a record ..."
    r"(?:we|I)\s+(?:were|was|are|am)\s+(?:also\s+)?critical\s+(?:of|that)\b|"
    r"the \w+ (?:accepts?|accepted|has accepted|agrees|agreed|acknowledges?|acknowledged) (?:that )?(?:it|they) (?:should|did not|failed|had not)\b)", re.I)


_FOUND_VERB = re.compile(r"\b(?:found|find|finds)$", re.I)
_FAILURE_VERDICT = re.compile(r"\b(?:is|was|were|are) (?:flawed|wrong|unlawful|unreasonable|inadequate|not (?:in line with|lawful|reasonable))\b|"
                              r"\bwrongly\b|\bfailed to\b", re.I)


def _finds_before_remedy(sent: Sentence) -> bool:
    """Does a sentence whose remedy words rule it out find fault in its other clauses?
    "The Council was at fault for not explaining the award, it will apologise" and "...
    was at fault and has agreed to refund the fees" find fault; "To remedy the injustice
    caused by the fault, the Council has agreed to apologise" does not."""
    if not sent.fault_word:
        return False
    clauses = [sent.text[lo - sent.start:hi - sent.start] for lo, hi in _clauses(sent)]
    kept = [c for c in clauses if not _is_remedy_clause(c) and not _REMEDY_CLAUSE.match(c)]
    return 0 < len(kept) < len(clauses) and vocab.could_be_finding(" ".join(kept))


# "To remedy the injustice caused by the fault, ...": what the remedy is for, not a finding
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
    if not payment_rules.LIST_ITEM.match(sent.text) or payment_rules.not_awarded(sent.text, start - sent.start, end - sent.start) \
            or vocab.NOT_AWARD.search(sent.text[max(0, start - sent.start - 40):end - sent.start + 30]):
        return False
    for j in range(i - 1, max(-1, i - 4), -1):
        lead = read[j]
        if lead.section != sent.section:
            return False
        if lead.text.rstrip().endswith(":"):
            return bool(vocab.AWARD_VERB.search(lead.text)) and payment_rules.LIST_ITEM.match(lead.text) is not None
        if not payment_rules.LIST_ITEM.match(lead.text):
            return False
    return False


_REMEDY_CLAUSE = re.compile(r"\W*(?:to (?:remedy|put|address|recognise|acknowledge|reflect)|in recognition)\b", re.I)


# Where a complaint's next item starts: "... and that it placed her ...", "..., and about ...".
_ALLEGATION_ITEM = re.compile(r",?\s+and\s+(?:also\s+)?(?:that|about)\s+", re.I)


def _alleged_categories(allegation: Sentence) -> set[str]:
    """What an upheld allegation was about: its specific cues, else the model's topics,
    surer where no broad cue backs them up ("complained about the home care her father
    received" is not about communication at 0.75: dev CV one FP fewer, written sets nine)."""
    cats = set(_strong_categories(allegation.text))
    parts = _ALLEGATION_ITEM.split(allegation.text)
    if cats and len(parts) > 1:
        # "complained the Council delayed in deciding ... and that it placed her in
        # unsuitable accommodation": an item naming no specific topic of its own is about
        # what its broad words name, not about the other item's topic
        for part in parts:
            if not _strong_categories(part):
                cats |= _rule_categories(part)
    if not cats and allegation.scores is not None:
        broad = _rule_categories(allegation.text)
        cats = {c for c, p in allegation.scores.categories.items()
                if p >= (ALLEGATION_CATEGORY_THRESHOLD if c in broad else SOLE_ALLEGATION_CATEGORY_THRESHOLD)}
    return cats


def _categories(text: str, scores) -> set[str]:
    """Categories a finding names: specific cues and the classifier; broad cues only
    when both are silent."""
    cats = set(_strong_categories(text))
    if scores is not None and scores.finding >= 0.2:
        # Alone, the classifier must be sure: a sentence that names no topic ("We found
        # fault in the actions of both organisations") takes its topic from the context.
        threshold = CATEGORY_THRESHOLD if cats else SOLE_CATEGORY_THRESHOLD
        cats |= {c for c, p in scores.categories.items() if p >= threshold}
    if "complaint_handling" in cats and "delay" in cats and not re.search(r"delay", text.replace("complaint", ""), re.I):
        cats.discard("delay")
    if "decision_making" in cats and "decision_making" not in _strong_categories(text) and _DECISION_TIMING.search(text):
        # a decision not made in time ("no reason why his application should not have been
        # decided by that date", "instead of reaching a decision on his application") is the
        # delay's: the classifier reads the word "decision" as decision making
        cats.discard("decision_making")
        cats.add("delay")
    return cats or set(_rule_categories(text))


_DECISION_TIMING = re.compile(
    r"\b(?:(?:should|could|would) (?:not )?have been (?:decided|determined)|decided (?:by|within|sooner|earlier|promptly)\b|"
    r"instead of (?:reaching|making) (?:a|its|the) decision|"
    # "failed to consider his case by summer 2011 and for more than two years after that"
    r"(?:failed to|did not|not) consider (?:[\w’'-]+ ){0,3}?(?:case|application|claim|appeal|request) (?:by|within|until|for (?:more than |over |nearly |almost )?(?:\d+|an?|one|two|three|four|five|six|several|many))\b|"
    r"(?:delay\w*|slow|late|took too long|taking too long|waited|waiting) (?:(?:in|to|for|before) )?(?:(?:a|the|its) )?(?:make|making|reach|reaching|decid\w*|determin\w*|decision)\b)", re.I)


_CLAUSE_BREAK = re.compile(r",?\s+and this\b|;\s+|,\s+but\s+|\.\s+However,?\s+|,\s+which\s+(?:was|is)\s+also\b|"
                           # what the body has done or will do about it: "..., and (it) has agreed to", "..., it will apologise"
                           r",?\s+and (?=(?:(?:the \w+|it|they) )?(?:has |have )?(?:now |also )?(?:agreed|accepted|apologised)\b)|"
                           r",\s+(?=(?:the \w+|it|they) (?:will|has agreed|have agreed)\b)|"
                           # "..., and a failure to record the request, for which it will apologise"
                           r",\s+(?=for which (?:the \w+|it|they) (?:will|should|has agreed|have agreed|agreed)\b)|"
                           # one view, several findings: "We found that the Trust ..., that the ICB ..., and that ..."
                           r",\s+(?:and\s+)?that\s+(?=the\s|its\s|their\s|it\s|they\s|[A-Z])|"
                           # each body with what it did: "fault by the Agency, which ..., and by the Council, which ..."
                           r",\s+(?:and\s+)?(?=by\s+(?:the\s+)?[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*\s*(?:,\s*which|in|for)\b)|"
                           # "fault by the Agency in ..., and fault by the Council in ..."
                           r",\s+(?:and\s+)?(?=(?:fault|failings?|maladministration)\s+by\s)|"
                           # "We upheld complaints about these matters as well as finding poor complaint handling"
                           r",?\s+as well as (?=find(?:ing|s)?\b)")
# Another body's own failing in the same sentence: "The agency missed many visits, and the
# Council did not act on Mrs D's warnings", "..., and the Council then took eleven days to
# ...", "the Trust discharged him ..., the Council placed him in a home ..." (a clause only
# where the clause before it is about another body).
_ANOTHER_BODY = re.compile(r",\s+(?:and\s+)?(?:then\s+)?(?=(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,8}?(?:Council|ICB|CCG|Trust|Agency|Home|Practice|Board|Ltd|Limited|[Pp]rovider)"
                           r"\s+(?:then\s+|also\s+|itself\s+)?(?:did|was|were|took|failed|should|made|gave|cut|sent|wrongly|never|\w+ed)\b)")


# A clause that only states what a fault did to the person ("..., and this caused her
# distress", "; this left Mrs B out of pocket", "and this had an emotional impact on
# her") is the injustice, not another finding: it stays with the clause before it, so
# that a one-finding sentence is read as one clause (and takes the model's categories).
_CONSEQUENCE = re.compile(
    r"^(?:this |that |which |it |these (?:faults |failings )?)?(?:has |had |have |will have |may have |would have )?"
    r"(?:also |then |in turn |further )?" + vocab.EFFECT_VERB, re.I)


# ... and one that says it did nothing is no clause at all.
_NO_CONSEQUENCE = re.compile(r"^(?:this |that |which |it |these (?:faults |failings )?)?(?:(?:did not|didn't|does not|has not|have not|had not|would not) "
                             r"(?:cause|lead to|result in|affect)\b|(?:made|makes|has made|had made) no (?:[\w-]+ )?difference\b|caused no\b)", re.I)


# ... nor one that clears the body of something: "We found fault in its pressure care,
# but not in how it dealt with her complaint".
_NOT_IN = re.compile(r"\s*(?:not|no fault) (?:in|with|for)\b", re.I)
_CLEARS = re.compile(r",\s+but\s+(?:not|no fault) (?:in|with|for)\b", re.I)


# A list of findings, each a "that" clause: the first one has its own "that".
_THAT_ITEM = re.compile(r",\s+(?:and\s+)?that\s", re.I)
_THAT = re.compile(r"\bthat\b", re.I)


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    """Clause spans (offsets in the decision text); one finding sentence can blame
    different bodies for different things."""
    spans, lo = [], 0
    breaks = list(_CLAUSE_BREAK.finditer(sent.text))
    if sent.bodies and len(sent.bodies) > 1:
        breaks = sorted(breaks + [m for m in _ANOTHER_BODY.finditer(sent.text) if _another_body_after(sent, m.end())],
                        key=lambda m: m.start())
    for m in breaks:
        if m.start() < lo:
            continue
        if _THAT_ITEM.match(m.group()) and not _THAT.search(sent.text, 0, m.start()):
            continue  # "told both of them, in writing, that it could not ...": what was said, not a list
        lead = _LEADING_SUBORDINATE.match(sent.text, lo)
        if lead is not None and lead.end() == m.start() + 1:
            continue  # "When the agency gave notice, the Council took five weeks ...": one clause
        spans.append((sent.start + lo, sent.start + m.start()))
        lo = m.end()
    spans.append((sent.start + lo, sent.end))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if b <= a:
            continue
        clause = sent.text[a - sent.start:b - sent.start]
        if merged and (_NO_CONSEQUENCE.match(clause.lstrip()) or _NOT_IN.match(clause)):
            continue  # "..., but this did not cause an injustice": nothing found in it
        if merged and _CONSEQUENCE.match(clause.lstrip()) and not vocab.FAULT_WORD.found_in(clause):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _another_body_after(sent: Sentence, at: int) -> bool:
    """Is the body named at text offset `at` of the sentence another than those named before it?"""
    after = next((k for off, k in sent.bodies if off >= sent.start + at), None)
    before = {k for off, k in sent.bodies if off < sent.start + at}
    return after is not None and bool(before) and after not in before


def _is_remedy_clause(clause: str) -> bool:
    return vocab.sets_remedy(clause) and not vocab.FINDING_VERB.found_in(clause) and not vocab.FAULT_WORD.found_in(clause)


# The body before this one in a list ("fault by the ICB and Council", "faults by the care
# home and Council"): a name, or a role in lower case after "the".
_LIST_BEFORE = re.compile(r"(?:(?:the\s+)?[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*|the\s+[a-z]+(?:\s+[a-z]+)?)(?:,\s*|\s+and\s+)(?:the\s+)?$")


def _holders(sent: Sentence, lo: int, hi: int) -> list[str]:
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
        after = re.sub(r"^(?:the\s+)?[\w’',\- ]*?(?=\s+(?:was|were|is|are|has|had|failed|did|delayed))", "", after, count=1)
        if vocab.HOLDER_BEFORE.search(before) or vocab.HOLDER_BEFORE.search(before_list) or vocab.HOLDER_AFTER.search(after):
            found.append(key)
    return subject_rules.unique(found)


# The sentence splitter keeps a lone capital's full stop with it (an initial, "Mr J.
# Smith"), so a summary's "... her granddaughter, Y. The Council was at fault for ..." is
# one sentence that both reports the complaint and finds fault, and the complaint's "said"
# hides the finding. Anonymised decisions end sentences on an initial ("Mrs X.", "Child
# Y.") far more often than they abbreviate a forename, so for the faults a capitalised
# word after a lone capital and its full stop starts a sentence.
_AFTER_INITIAL = re.compile(r"(?<=\b[A-Z]\.)\s+(?=[A-Z][a-z])")


def _split_at_initials(sentences: list[Sentence]) -> list[Sentence]:
    """The fault sections' sentences, cut where one ends on an initial. A part has no
    model scores of its own (the scorer read the whole): its cues and wording decide."""
    out: list[Sentence] = []
    for sent in sentences:
        # (a cut needs a full stop before the sentence's last character: most have none,
        # and the pattern, which opens with a lookbehind, is tried at every character)
        cuts = [m.span() for m in _AFTER_INITIAL.finditer(sent.text)] \
            if sent.section in FAULT_SECTIONS and sent.text.find(".", 0, len(sent.text) - 1) != -1 else []
        if not cuts:
            out.append(sent)
            continue
        starts = [0] + [b for _, b in cuts]
        ends = [a for a, _ in cuts] + [len(sent.text)]
        for a, b in zip(starts, ends):
            lo, hi = sent.start + a, sent.start + b
            text = sent.text[a:b]
            out.append(Sentence(text, lo, hi, sent.section, [x for x in sent.bodies if lo <= x[0] < hi],
                                [x for x in sent.amounts if lo <= x[0] < hi], [x for x in sent.deadlines if lo <= x[0] < hi],
                                None, vocab.FAULT_WORD.found_in(text), None, sent.opens_paragraph and a == 0))
    return out


# A body upholding the complaint or accepting fault itself.
_BODY_ACCEPTS = re.compile(r"\b(?:has|had|have)\s+(?:already\s+|now\s+|since\s+)?(?:upheld|accepted|acknowledged|admitted)\s+"
                           r"(?:most of |part of |some of |all of |parts of )?(?:(?:mrs?|ms|miss|dr) )?(?:the |its |their |her |his |[\w’']+['’]s )?"
                           r"(?:complaints?|fault|failings?)\b", re.I)


# Commissioning and overseeing providers are what councils and NHS commissioners do: no
# gold (dev corpus or written sets) gives either to a care provider or a GP practice.
# (Working together is not only theirs: the dev gold gives it to a care home working with
# a council, 23 005 561b; taking it from providers lost that pair.)
_COMMISSIONER_FAULTS = frozenset({"commissioning", "provider_oversight"})
_COMMISSIONED = frozenset({body_rules.CARE_PROVIDER, body_rules.GP_PRACTICE})
_CARE_GIVERS = _COMMISSIONED | {body_rules.NHS_TRUST}
_COMMISSIONERS = frozenset({body_rules.COUNCIL, body_rules.ICB, body_rules.CCG})


# A failing whose effect is weighed is a failing granted: "I do not consider that delay
# caused Mr W a significant injustice", "this delay did not cause her an injustice".
_FAULT_WITHOUT_INJUSTICE = re.compile(
    r"\b(?:that|this|the|these|those) (?:delays?|failings?|failures?|errors?|mistakes?|faults?) (?:[\w’'-]+ ){0,2}?"
    r"(?:caused|did not cause|didn't cause|has not caused|had not caused|caused no|does not cause)\b(?:[^.;]{0,60}?)\binjustice\b", re.I)


# What an upheld complaint was about, beyond the body's name: "about the way the Council ..."
_UPHELD_TOPIC = re.compile(r"\bcomplaints? about (?!(?:the |its )?(?:[A-Z][\w’'&-]*\s*)+(?:\([^)]*\))?\s*(?:[.;]|$))")


_COMPLAINT_ASPECTS = frozenset({"delay", "communication", "complaint_handling"})


def read_faults(sentences: list[Sentence], registry: BodyRegistry, default_bodies: list[str],
                upheld: bool = False, remedy_reported: bool = False) -> list[Fault]:
    """The (body, category) pairs found at fault. `remedy_reported`: the remedy section
    reports what was done (a PHSO case summary's "Putting it right: It put a plan in place
    to learn from its failings"), and finds nothing."""
    if remedy_reported:
        sentences = [s for s in sentences if s.section != sections_mod.REMEDY]
    sentences = _split_at_initials(sentences)
    faults: list[Fault] = []
    seen: set[tuple[str, str]] = set()
    prev: Sentence | None = None
    prev_found: set[str] = set()     # the categories `prev` gave, when it was a finding
    last_bodies: list[str] = []
    # Non-findings naming bodies since `last_bodies` was last set: the latest of them whose
    # subjects are bodies gives them, when a finding points back (worked out only then:
    # most sentences are never pointed back to).
    unread: list[Sentence] = []

    def bodies_before() -> list[str]:
        nonlocal last_bodies
        while unread:
            acting = _fault_bodies(unread.pop(), registry)
            if acting:
                last_bodies = acting
                break
        unread.clear()
        return last_bodies
    topic: set[str] = set()          # categories named by the current findings subheading
    allegations: list[Sentence] = []  # what the summary says was complained about
    # How many of `allegations` each body has already been given: `add` ignores a (body,
    # category) seen before, so an allegation need not be read again for the same body.
    # Without this, every cue-less summary finding re-read every allegation so far, and a
    # huge text took quadratic time (issue 15).
    alleged_for: dict[str, int] = {}
    # A finding of fault that names no topic, in the findings or the decision, opens what
    # it found: "The Ombudsman found fault by the council which caused the man an
    # injustice. The council passed the account to enforcement agents without first
    # considering his letter. It did not reply ... for more than three months." The plain
    # words right after it say what the fault was (`_goes_on_to_say`).
    opened: str | None = None        # the section of such a finding, while its list runs
    # Once a decision has found fault, its summary goes on to say what went wrong in
    # plain words ("There was a delay of over nine months ...").
    # ("That delay did not cause Mr W a significant injustice" grants the delay.)
    summary_found_fault = upheld or any(
        s.section == sections_mod.SUMMARY and (s.fault_word and _is_finding(s) or bool(_FAULT_WITHOUT_INJUSTICE.search(s.text)))
        for s in sentences)
    judged = _judged_narration(sentences, summary_found_fault)
    # An upheld decision whose findings never judge anything in so many words ("fault",
    # "failing" or "maladministration" about something named, or "That was fault." after
    # it; a "no fault" finding or a bare "there was fault" does not count) states them in
    # plain words: a sentence there that has a body do or omit something in a failure
    # word is a finding. (Where investigators do judge in those words, such narration is
    # background until a verdict judges it: reading it anyway lost the dev corpus in
    # sessions 11 and 12. Real decisions seldom fall here: it changed no dev CV
    # prediction in session 13.)
    plain_voice = upheld and not any(
        s.fault_word and s.section in (sections_mod.FINDINGS, sections_mod.DECISION) and _is_finding(s)
        and (vocab.ANAPHORIC_FAULT.search(s.text) or _strong_categories(s.text)) for s in sentences)

    def add(key: str, cats: set[str], sent: Sentence) -> None:
        body = registry.bodies.get(key)
        if body is not None and body.body_type in _COMMISSIONED:
            # a provider is what is commissioned and overseen, never the commissioner:
            # "the Council arranged the placement at Juniper Court without checking ..."
            cats = cats - _COMMISSIONER_FAULTS
        for cat in sorted(cats):
            if (key, cat) not in seen:
                seen.add((key, cat))
                faults.append(Fault(key, cat, sent.provenance))

    for sent in sentences:
        if sent.section == sections_mod.FINDINGS and sections_mod.is_subheading(sent.text):
            topic = _rule_categories(sent.text)
            continue
        if sent.heading:
            # a findings section headed by its topic ("Complaint handling"); no other section has one
            topic = _rule_categories(sent.heading) if sent.section == sections_mod.FINDINGS else set()
        if sent.section not in FAULT_SECTIONS:
            prev, prev_found = sent, set()
            continue
        if sent.section == sections_mod.SUMMARY and vocab.is_allegation(sent.text) and not _OMBUDSMAN_ACTS.match(sent.text):
            allegations.append(sent)
        listed = (opened == sent.section or id(sent) in judged) and _goes_on_to_say(sent)
        # (a report is no finding: "the Council says", "it believed", "Mrs Y says the ICB delayed")
        if not listed and plain_voice and sent.section == sections_mod.FINDINGS and vocab.FAILURE_CUE.found_in(sent.text) \
                and _goes_on_to_say(sent) and not vocab.ALLEGATION.found_in(sent.text) \
                and (_fault_bodies(sent, registry) or _PRONOUN_START.match(sent.text)):
            listed = True
        if not listed:
            opened = None
        if not (listed or _is_finding(sent, summary_found_fault)):
            # The bodies a "That was fault." after it blames: the sentence's subjects, not
            # those it names as objects ("I find it did not monitor the Care Provider":
            # "it", the body before, is at fault, not the Care Provider). "Both organisations
            # knew this" names its bodies without their names: "They did not tell Mrs Y" after
            # it is both of them, not the body named before.
            if sent.bodies or _STAFF_SUBJECT.match(sent.text) or _EVERY_BODY.found_in(sent.text):
                unread.append(sent)
            prev, prev_found = sent, set()
            continue
        # (a bare verdict names its own topic only in specific words: "This fell below the
        # standard for a timely response" judges what came before, not a delay)
        bare_verdict = bool(_BARE_VERDICT.match(sent.text))
        anaphoric = bare_verdict or bool(vocab.ANAPHORIC_FAULT.search(sent.text)) or len(sent.text.split()) < 12
        every_clause = _clauses(sent)
        clauses = [(lo, hi) for lo, hi in every_clause if not _is_remedy_clause(sent.text[lo - sent.start:hi - sent.start])]
        finding_text = " ".join(sent.text[lo - sent.start:hi - sent.start] for lo, hi in clauses)
        # (the model read the whole sentence: not when a clause it read clears the body, nor
        # when it read a remedy too: "We find fault ... and the Council has agreed to make
        # payments to Mrs B" is no finding about payments)
        sentence_cats = _categories(finding_text, sent.scores if len(every_clause) == 1 and not _CLEARS.search(sent.text) else None)
        if not sentence_cats and vocab.UPHELD_ABOUT.found_in(sent.text) and _UPHELD_TOPIC.search(sent.text):
            # "We have upheld some of Mrs G's complaints about the way the Council provided
            # information": an upheld allegation, read as one (not "We partly uphold Miss A's
            # complaint about Moorfields Eye Hospital NHS Foundation Trust (Moorfields).": what
            # was upheld, the sentences after it say)
            sentence_cats = _alleged_categories(sent)
        elif _BODY_ACCEPTS.search(finding_text) and not _strong_categories(finding_text):
            # "The Council had already upheld most of Mr B's complaint": what was upheld
            # is the complaint's topic, not the model's reading of the word "complaint"
            sentence_cats = set()
        sentence_holders = _holders(sent, sent.start, sent.end) or _fault_bodies(sent, registry, prev)
        found_here: set[str] = set()  # the categories this finding gives, for a "This was fault." after it
        # (a clause naming no topic of its own takes the sentence's, less those another
        # clause names: "fault by the Agency in the timing of calls, and fault by the
        # Council ... in its complaint handling" gives the Agency no complaint handling)
        own = [_strong_categories(sent.text[lo - sent.start:hi - sent.start]) for lo, hi in clauses] if len(clauses) > 1 else []
        for lo, hi in clauses:
            clause = sent.text[lo - sent.start:hi - sent.start]
            if len(clauses) > 1 and vocab.NO_FAULT.found_in(clause):
                # "We did not find fault by the Council's actions, but we did find fault
                # with how it dealt with the complaint": the first clause finds nothing
                continue
            points_back = anaphoric or bool(_PRONOUN_SUBJECT.search(clause) or _POINTS_BACK.match(sent.text))
            holders = _holders(sent, lo, hi) or _listed_holder(sent, lo, hi) \
                or (_clause_subjects(sent, lo, hi) if len(clauses) > 1 else []) \
                or sentence_holders or (bodies_before() if points_back else []) or default_bodies
            # (a clause of several findings names its own topic, in broad words if need be)
            cats = (_strong_categories(clause) or (_rule_categories(clause) if len(clauses) > 1 else set())
                    or (sentence_cats.difference(*own) if not bare_verdict else set())) if not vocab.UPHELD_FORMULA.found_in(clause) else set()
            # A summary's topic-less finding after the complaint ("He also complained the
            # Council failed to assess ... We have found fault in the actions of both
            # organisations.") refers to every upheld allegation, not only the last: the
            # allegations below say what it found, not the sentence before.
            after_allegation = sent.section == sections_mod.SUMMARY and bool(allegations) and prev is allegations[-1]
            if not cats and anaphoric and not after_allegation and not vocab.UPHELD_FORMULA.found_in(clause):
                # "This was fault." after a finding means that finding's topics; after
                # any other sentence, what that sentence's broad cues name
                # (the findings subheading's topic only when the sentence before names none:
                # "Funding and arranging his aftercare" heads a funding dispute, not a charge)
                cats = set(prev_found) if prev_found else \
                    ((_strong_categories(prev.text) or _rule_categories(prev.text)) if prev is not None else set()) or set(topic)
            if cats and "complaint_handling" in topic and cats <= _COMPLAINT_ASPECTS:
                # under a "Complaint handling" heading, a late reply or a complainant not
                # kept informed is complaint handling (the guide's delay excludes complaint responses)
                cats = {"complaint_handling"}
            if not cats and sent.section == sections_mod.SUMMARY:
                first = min((alleged_for.get(key, 0) for key in holders), default=len(allegations))
                for i in range(first, len(allegations)):
                    allegation = allegations[i]
                    named = subject_rules.unique(k for _, k in allegation.bodies)
                    # (a care home named as where someone lived is no party to an allegation a
                    # council's finding answers: "he was not told about a top-up fee when his
                    # mother moved into Royley House Care Home")
                    if len(holders) == 1 and holders[0] not in named and _only_providers(named, registry):
                        named = []
                    for key in holders:
                        if i >= alleged_for.get(key, 0) and (not named or key in named):
                            add(key, _alleged_categories(allegation), allegation)
                for key in holders:
                    alleged_for[key] = len(allegations)
                continue
            if not holders and "joint_working" in cats:
                holders = [k for k, b in registry.bodies.items() if b.from_title or b.defined]
            elif not holders and prev_found and not sent.bodies:
                # a finding naming nobody, straight after one that blamed some bodies, goes
                # on about them: "There was fault by both organisations, ... As a result Mr K
                # paid £6,240 towards charges he should never have been asked to meet."
                holders = last_bodies
            for key in holders:
                add(key, cats, sent)
            if holders:
                last_bodies = holders
                unread.clear()
            found_here |= cats
        if not found_here and sent.fault_word and sent.section in (sections_mod.FINDINGS, sections_mod.DECISION):
            opened = sent.section
        prev, prev_found = sent, found_here
    return _care_by_whoever_gave_it(faults, registry)


def _only_providers(keys: list[str], registry: BodyRegistry) -> bool:
    return all(k in registry.bodies and registry.bodies[k].body_type in _COMMISSIONED for k in keys)


def _care_by_whoever_gave_it(faults: list[Fault], registry: BodyRegistry) -> list[Fault]:
    """The quality of care is the failing of whoever gave it: where a provider, trust or
    GP practice holds it, a council or NHS commissioner that the same findings name holds
    its own failings (commissioning, oversight), not the care. (A council alone is given
    the care it commissioned, as in "fault by the Council as care visits were often
    short".)"""
    def kind(key: str) -> str | None:
        body = registry.bodies.get(key)
        return body.body_type if body is not None else None
    if not any(f.category == "care_quality" and kind(f.body) in _CARE_GIVERS for f in faults):
        return faults
    return [f for f in faults if not (f.category == "care_quality" and kind(f.body) in _COMMISSIONERS)]


_OBJECT_LEAD = re.compile(
    r"(?:monitor\w*|oversee\w*|oversight (?:of|over)|commission\w*|instruct\w*|contact\w*|told|asked|to|from|with|pay|paid|paying|"
    r"of|about|than|between|ensuring|chase\w*|by|on|upon)\s+(?:the\s+)?$", re.I)
# Clauses whose bodies are not the finding's subject: one before the main clause ("When
# the Agency gave notice, ..."), one after it ("..., although the home reported ...");
# and a sentence whose subject is a pronoun for the body before ("It did not consider the
# home she had found").
_LEADING_SUBORDINATE = re.compile(r"\W*(?:when|after|although|though|because|since|once|if|while|before|until|as soon as)\s[^,;]{3,120},", re.I)
# ("while in the Home", "when at the hospital": where, not another clause)
_SUBORDINATE = re.compile(r",?\s+(?:although|even though|though|whereas|while|because|when|after|before|until|once|since|whether|which|who)\s"
                          r"(?!(?:in|at|on|under|living in|staying in|resident in)\s+(?:the|a|an|his|her|their)\b)", re.I)
_PRONOUN_START = re.compile(r"\W*(?:(?:however|also|then|instead|but),?\s+)?(?:it|they)\s+(?:also\s+|then\s+|still\s+)?(?!said|says|told|explained|accepts?|accepted|agreed|has agreed)\w", re.I)
# "This led to unnecessary delay ...": the bodies of the sentence before
_POINTS_BACK = re.compile(r"\W*(?:this|these|that|those)\b", re.I)
# "It took the CCG 14 months to decide": an empty "it", and the body after "took" acted.
_IT_TOOK = re.compile(r"\W*(?:(?:however|also|then|instead|but),?\s+)?it\s+(?:also\s+|then\s+)?took\s+", re.I)
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?(?:failed|did not|was|were|delayed|should|could)\b", re.I)


# A joint summary may name a body by its kind alone: "The Ombudsmen found fault by a
# Council's assessment process", "fault with the way a CCG managed ...".
# ("We found fault that a council and an NHS trust did not ...": after "that" or "and" too)
_INDEFINITE_BODY = re.compile(r"\b(?:by|with|of|in|on the part of|that|and)\s+(?:the\s+way\s+)?an?\s+(?:NHS\s+)?(" + "|".join(
    sorted((re.escape(r) for r in body_rules.ROLE_TYPES), key=len, reverse=True)) + r")\b", re.I)


def _indefinite_bodies(sent: Sentence, registry: BodyRegistry) -> list[str]:
    """The body "a Council" / "an NHS Trust" stands for: the only one of its kind the
    decision names."""
    out = []
    for m in _INDEFINITE_BODY.finditer(sent.text):
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
_STAFF_SUBJECT = re.compile(
    r"\W*(?:summary:\s*)?(?:(?:however|but|also|then|in addition|instead),?\s+)?(?:(?:we|I) (?:also )?(?:find|found|consider|considered) (?:that )?)?"
    r"(?:the\s+|(?:mrs?|ms|miss|dr)\s+[A-Z]\w*['’]s\s+|his\s+|her\s+|their\s+)?(?:(?:named|allocated|duty|senior|first|second)\s+)?"
    r"(?:" + "|".join(f"(?P<r{i}>{roles})" for i, (roles, _) in enumerate(_STAFF_EMPLOYERS)) + r")\s+"
    r"(?:also\s+|then\s+|still\s+|never\s+)?(?:did|didn['’]t|failed|should|had|has|have|could|took|made|gave|told|decided|"
    r"discharged|missed|left|ignored|closed|refused|delayed|sent|went|\w+ed\b)", re.I)


def _staff_employer(sent: Sentence, registry: BodyRegistry) -> list[str]:
    """The body whose staff, named by their role, are the subject of the sentence."""
    m = _STAFF_SUBJECT.match(sent.text)
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
_EVERY_BODY = Cue(re.compile(r"\b(?:both|all three|each of the|the|the two|neither|these|those|all these|all of these) (?:organisations?|authorities|bod(?:y|ies))\b|"
                             r"\bboth (?:trusts|councils|parties|of them)\b|\bneither of them\b|"
                             # "Neither invoked the local disputes procedure.", "Both knew ..."
                             r"^\W*(?:neither|both)\s+(?=(?:\w+ed|did|was|were|had|has|have|took|made|kept|knew|went|told)\b)", re.I))


_BY_HOLDER = re.compile(r"\W*(?:and\s+)?by\s+(?:the\s+)?")
_FAULT_BY = re.compile(r"\b(?:faults?|failings?|maladministration|service failure)\s+(?:on the part of|by)\s", re.I)


def _listed_holder(sent: Sentence, lo: int, hi: int) -> list[str]:
    """The body a clause opens with when it continues a list of holders: "We found fault
    by the Trust, which ...; by the Agency, which ...; and by the ICB, which ..."."""
    m = _BY_HOLDER.match(sent.text, lo - sent.start)
    if m is None or not _FAULT_BY.search(sent.text, 0, lo - sent.start):
        return []
    # (a name starts after "by the"; a role mention such as "the Agency" starts at its "the")
    first = [k for off, k in sent.bodies if off == sent.start + m.end() or off == sent.start + m.end() - len("the ")]
    return first[:1]


def _clause_subjects(sent: Sentence, lo: int, hi: int) -> list[str]:
    """The bodies a clause of a several-finding sentence names, less its objects: "...,
    that the ICB and the Council were slow to arrange ..." blames those two only."""
    return subject_rules.unique(k for off, k in sent.bodies if lo <= off < hi
                                and not _OBJECT_LEAD.search(sent.text[max(0, off - sent.start - 30):off - sent.start]))


_EMPTY_HEAD = re.compile(r"\W*(?:this|that|it|all of this|much of this)\s+(?:(?:mainly|largely|partly|only)\s+)?(?:happened|occurred|arose|came about|was)\s*", re.I)


def _fault_bodies(sent: Sentence, registry: BodyRegistry, before: Sentence | None = None) -> list[str]:
    """Bodies a finding sentence blames when it does not say "fault by X": the bodies it
    names, less those it names as objects ("failed to monitor the Care Home")."""
    every = next(_EVERY_BODY.match_spans(sent.text), None)  # (a Cue: most sentences hold none of its words)
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
        return _indefinite_bodies(sent, registry)
    took = _IT_TOOK.match(sent.text)
    if took is not None:
        after_took = sent.start + took.end()
        actor = [k for off, k in sent.bodies if off in (after_took, after_took + len("the "))]
        if actor:
            return actor[:1]
    if _PRONOUN_START.match(sent.text):
        return []  # "It did not consider the home Ms R had found": "it", the body before, acted
    # The main clause: after a leading subordinate clause ("When the Agency gave notice,
    # the ICB and the Council argued ..."), before a trailing one ("Mr W's plan was never
    # reviewed, although the home reported ..."); who acts in those is not who is blamed.
    lead = _LEADING_SUBORDINATE.match(sent.text)
    lo = sent.start + lead.end() if lead is not None and any(off >= sent.start + lead.end() for off, _ in sent.bodies) \
        else sent.start
    sub = _SUBORDINATE.search(sent.text, lo - sent.start + 1)
    if sub is not None and _EMPTY_HEAD.fullmatch(sent.text, lo - sent.start, sub.start()):
        sub = None  # "This happened because the Council and the ICB spent a year arguing": the reason is the finding
    hi = sent.start + sub.start() if sub is not None else sent.end
    if sub is not None and not any(lo <= off < hi for off, _ in sent.bodies):
        return []
    subjects = [k for off, k in sent.bodies if lo <= off < hi
                and not _OBJECT_LEAD.search(sent.text[max(0, off - sent.start - 30):off - sent.start])]
    if not subjects and _PRONOUN_SUBJECT.search(sent.text):
        return []  # "I find it failed to monitor the Care Home": "it" is the body before
    return subject_rules.unique(subjects or [k for _, k in sent.bodies])


# --- payments -----------------------------------------------------------------------------

_JOINED_SUMS = re.compile(r"^\s*(?:along with|in addition to|on top of|as well as|plus|and) the\s*$", re.I)


def _clause(start: int, end: int, sent: Sentence) -> str:
    """The words that go with a sum: from the previous sum (or the sentence start) to the
    next one. "£250 along with the £500 already offered for the distress" is one clause
    for both sums."""
    before = _sums_before(sent, start)
    after = [a for a in sent.amounts if a[0] >= end]
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
    after = [a for a in sent.amounts if a[0] >= end]
    hi = after[0][0] if after else sent.end
    following = sent.text[end - sent.start:hi - sent.start]
    if _JOINED_SUMS.match(following):  # "£250 along with the £500 already offered for ..."
        nxt = after[1][0] if len(after) > 1 else sent.end
        following = sent.text[after[0][1] - sent.start:nxt - sent.start]
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
    named = set(vocab.PURPOSE_CUE_SET.found_in(text)) | set(payment_rules.more_purposes(text))
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


def _sums_before(sent: Sentence, start: int) -> list[tuple[int, int, Decimal]]:
    """The sentence's sums before `start`, less those that only say how a sum was worked out
    ("£5,500 (11 months at £500 each)")."""
    return [a for a in sent.amounts if a[1] <= start and not payment_rules.in_breakdown(sent.text, a[0] - sent.start)]


def _is_award(sent: Sentence, start: int, end: int, clause: str) -> bool:
    s, e = start - sent.start, end - sent.start
    if payment_rules.not_awarded(sent.text, s, e):
        return False
    if payment_rules.reduces_a_bill(sent.text, s, e):
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
    if payment_rules.RECOMMENDS.search(sent.text[:start - sent.start]):
        return True
    j = i
    # (back over the list's items, and the later sentences of an item: "• contact the mother
    # ... and liaise with her. Any communications with her should ...")
    while j > 0 and (payment_rules.LIST_ITEM.match(read[j].text) or (j < i and not read[j].opens_paragraph)) \
            and read[j - 1].section == sent.section and i - j < 12:
        j -= 1
        if payment_rules.REMEDY_LEAD.search(read[j].text.rstrip()):
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
                nth = sum(1 for a in sent.amounts if joint[1][0] < a[0] < start)
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
            lo = max([a[1] for a in sent.amounts if a[1] <= start] or [sent.start])
            hi = min([a[0] for a in sent.amounts if a[0] >= end] or [sent.end])
            for _ in range(payment_rules.recipients(sent.text[lo - sent.start:start - sent.start],
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
    after = [a for a in sent.amounts if a[0] >= end]
    lo = max(before[-1][1] if before else sent.start, start - 150)
    hi = min(after[0][0] if after else sent.end, end + 40)
    lead = sent.text[lo - sent.start:start - sent.start]
    if re.search(r"(?:along with|in addition to|on top of|as well as|plus|including) the\s*$", lead, re.I):
        return True
    # the clause before a sum's own ("refund the £326 already paid, and pay Mrs F £150")
    # says nothing about it
    cut = subject_rules.clause_start(lead)
    lo, lead = lo + cut, lead[cut:]
    if _REFUND_OF.search(lead):
        return False  # "refund the £326.18 already paid": the person paid it; the refund is new
    if before and payment_rules.replaced(sent.text, before[-1][0] - sent.start):
        return False  # "instead of the £100 it offered, pay him £600": the £600 is new
    if re.search(r"\b(?:further|additional|extra|more)\b[^£]{0,30}$", lead, re.I):
        return False
    if vocab.PREVIOUSLY_OFFERED.search(sent.text[lo - sent.start:hi - sent.start]):
        return True
    return payment_rules.already_done(sent.text, start - sent.start, end - sent.start, lo - sent.start if cut else 0)


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
                if not _OBJECT_LEAD.search(sent.text[max(0, off - sent.start - 30):off - sent.start])
                and not re.search(r"caused by\s+(?:the\s+)?$", sent.text[max(0, off - sent.start - 30):off - sent.start], re.I)]
    return subjects[-1] if subjects else None


# --- the decision -------------------------------------------------------------------------

def _docs_for(record: DecisionRecord, nlp: Language) -> tuple[list[Doc], list[tuple[int, str]]]:
    """spaCy Docs for the sections that can hold findings, sums and deadlines, and the
    plain text of background sections (with its offset), which are only searched for body
    names."""
    parts = [s for s in sections_mod.split_sections(record.text) if s.kind in READ_SECTIONS]
    docs: list[Doc] = []
    names_only: list[tuple[int, str]] = []
    seen: set[tuple[str, str]] = set()
    for part in parts:
        section_text = record.text[part.start:part.end]
        # A page that repeats its text (a scraping or export fault) repeats its sections;
        # read each distinct section once so sums and findings are not multiplied.
        key = (part.kind, section_text.strip())
        if key in seen:
            continue
        seen.add(key)
        if part.kind == sections_mod.BACKGROUND:
            names_only.append((part.start, section_text))
            continue
        doc = nlp.make_doc(section_text)
        doc.user_data["text"] = section_text
        doc.user_data["section"] = part.kind
        doc.user_data["offset"] = part.start
        doc.user_data["heading"] = part.heading
        doc.user_data["score_faults"] = part.kind in FAULT_SECTIONS
        doc.user_data["source"] = record.source
        docs.append(doc)
    return docs, names_only


def _title_line(record: DecisionRecord) -> str | None:
    """The text's line that is the page's title ("Leeds City Council (23 014 989)"): what a
    record without a title, or with another kind of title, still shows. Usually the first
    line; on a page saved with its cookie banner ("Privacy settings ..."), a later one."""
    for line in record.text[:3000].split("\n"):
        line = line.strip()
        if len(line) < 250 and (match := sections_mod.TITLE_LINE.fullmatch(line)) and match.group("reference") == record.reference:
            return line
    return None


def read_sentences(record: DecisionRecord, docs: list[Doc], names_only: Iterable[tuple[int, str]] = ()) -> tuple[BodyRegistry, list[Sentence]]:
    """The decision's bodies (from the title and every section) and the sentences of the
    sections spaCy read, each with the bodies, sums and deadline phrases in it."""
    registry = BodyRegistry()
    title_part = body_rules.split_title(record.title) or body_rules.split_title(_title_line(record))
    in_title = body_rules.find_named_bodies(title_part or "")
    place = None
    if len(in_title) == 1 and title_part and (whole := _whole_title_name(title_part, in_title[0])):
        # A title names one body, and names it in full: "Faster than a Cat Ltd (20 009 795)"
        # is that company, not "Cat Ltd" (small words between capitals end a name in text);
        # "A & K Home Care Services LTD"; "All Hallows Catholic High School, Preston"
        name, place = whole
        in_title = [in_title[0]._replace(start=0, text=name)]
    for m in in_title:
        _also_as_the_text_writes_it(registry, m.text, registry.add(m.text, m.body_type, from_title=True), bool(place))
    if not in_title and title_part and record.source == "lgsco":
        # An LGSCO title names the body complained about, whatever its name: "Colmswell House
        # (18 880 017)", a care home with no company word in its name; "Transport for London"
        if body_rules.names_a_home(title_part):
            registry.add(title_part, body_rules.CARE_PROVIDER, from_title=True, alias="the care home")
        else:
            key = registry.add(title_part, body_rules.classify_name(title_part), from_title=True)
            _also_as_the_text_writes_it(registry, title_part, key, "," in title_part)
    # In the order the text gives them, so that a name is known by its definition before a
    # later section uses it ("University College London NHS Foundation Trust (UCLH Trust)"
    # in the background, "UCLH Trust paid ..." in the remedy).
    placed = [(doc.user_data["offset"] + m.start, m) for doc in docs for m in doc._.body_mentions or []]
    placed += [(offset + m.start, m) for offset, section_text in names_only
               for m in body_rules.find_named_bodies(section_text, central_government=record.source == "phso")]
    placed.sort(key=lambda pm: pm[0])
    mentions = [m for _, m in placed]
    listed = body_rules.organisations_listed(sections_mod.organisations_investigated(record.text))
    for name, body_type in listed:
        # a PHSO case summary's "Organisations we investigated": its bodies, as a title names
        # them (a line the excerpt cuts short, "HM Courts and Tribunal", or mid-word on its last
        # line, "HM Courts and Trib", by the text's name, "&" and "and" alike)
        key = _name_key(name)
        fuller = next((m for m in mentions if not m.is_role and (mkey := _name_key(m.text)).startswith(key)
                       and len(mkey) > len(key) and (mkey[len(key)] == " " or name == listed[-1][0])), None)
        registry.add(fuller.text if fuller else name, fuller.body_type if fuller else body_type, from_title=True)
    for m in mentions:
        if not m.is_role:
            registry.add(m.text, m.body_type, alias=m.alias)
    _merge_homes_into_their_companies(record.text, registry)
    _type_the_title_by_its_role(registry, mentions)
    if _UNNAMED_HOME.search(record.text) and "home" not in registry.aliases:
        # "she had been living in a care home (the Home)": a home the decision never names
        registry.also_called("the home", registry.placeholder(
            body_rules.BodyMention(0, 0, "the home", body_rules.CARE_PROVIDER, is_role=True)))
    for doc in docs:
        _read_former_names(doc.user_data.get("text") or doc.text, doc._.body_mentions or [], registry)
    _renamed_trust(record.text, registry)
    sentences: list[Sentence] = []
    for doc in docs:
        sentences.extend(_sentences(doc, doc.user_data["offset"], doc.user_data["section"], registry))
    return registry, sentences


def _type_the_title_by_its_role(registry: BodyRegistry, mentions: list[body_rules.BodyMention]) -> None:
    """A title's name that says nothing of its kind ("Helping Hands Keynsham") is the care
    provider the text calls "the care provider" or "the agency", when no care provider is
    named: the LGSCO titles the decision with the body complained about."""
    titled = [k for k, b in registry.bodies.items() if b.from_title]
    if len(titled) != 1 or registry.bodies[titled[0]].body_type != body_rules.OTHER:
        return
    if any(b.body_type == body_rules.CARE_PROVIDER for b in registry.bodies.values()):
        return
    if any(m.is_role and m.body_type == body_rules.CARE_PROVIDER and body_rules.stands_alone(m.text) for m in mentions):
        registry.retype(titled[0], body_rules.CARE_PROVIDER)


def _also_as_the_text_writes_it(registry: BodyRegistry, name: str, key: str, place: bool) -> None:
    """A title's name as the text gives it: without the place after its comma ("St Aldric's
    College, Harwell-on-Sea"), and as running text's pattern finds it ("Saints Catholic ...")."""
    short = name[:name.rindex(",")] if place else name
    for alias in (short if place else None, body_rules.as_found_in_text(short), *_TRADING_AS.split(short)[:2]):
        if alias and alias != name:
            registry.also_called(alias, key)


# What a title may add to the one name the pattern finds in it, and still name that one
# body: capitalised words before it ("All Hallows ..."), initials joined by "&" ("A & K
# Home Care ..."), a company word in capitals after it ("... Services LTD"), its place after
# a comma (", Preston").
_TITLE_INITIALS = re.compile(r"\b[A-Z]\s*(?:&|and)\s+(?=[A-Z]\b)")
# a company's other name: "Living Comforts Ltd aka Home Instead", "X Ltd t/a Y Care"
_TRADING_AS_WORDS = r"\s+(?i:aka|a\.k\.a\.|t/a|trading as|also known as)\s+"
_TRADING_AS = re.compile(_TRADING_AS_WORDS)
_TITLE_TAIL = re.compile(r"\s*(?:LTD|LIMITED)?(?:" + _TRADING_AS_WORDS + r"[A-Z][^,()]*)?(?P<place>,\s*[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*|[ -](?:on|upon|in|under|le)(?=[ -]))*)?\s*")


def _whole_title_name(title_part: str, found: body_rules.BodyMention) -> tuple[str, str | None] | None:
    """The title as the name of the one body found in it, and the place it ends with,
    when all it adds to the name found is what `_TITLE_TAIL` and `_TITLE_INITIALS` allow."""
    before = _TITLE_INITIALS.sub("", title_part[:found.start])
    if re.search(r",|&|\band\b", before):
        return None
    tail = _TITLE_TAIL.fullmatch(title_part, found.end)
    place = tail.group("place") if tail else None
    if tail is None or (place and body_rules.find_named_bodies(place)):
        return None
    return title_part.strip(), place


_UNNAMED_HOME = re.compile(r"\ban?\s+(?:care|nursing|residential)\s+home\s+\(\s*[\"“‘']?the\s+home[\"”’']?\s*\)", re.I)
_FORMERLY = re.compile(r"\bformerly(?:\s+(?:known\s+as|called|named))?\s+(?:the\s+)?$", re.I)


def _read_former_names(text: str, mentions: list[body_rules.BodyMention], registry: BodyRegistry) -> None:
    """"NHS South West London ICB (formerly the CCG)", "... Integrated Care Board (the ICB) -
    formerly Newcastle Gateshead CCG": the old name is the same body as the new one."""
    if "ormerly" not in text:
        return
    for i, former in enumerate(mentions):
        if i == 0 or not _FORMERLY.search(text, max(0, former.start - 30), former.start):
            continue
        current = next((m for m in reversed(mentions[:i]) if not m.is_role and former.start - m.end < 120), None)
        key = registry.resolve(current) if current is not None else None
        if key is None:
            continue
        if former.is_role:
            registry.also_called(former.text, key)
        elif (old := registry.resolve(former)) is not None and old != key:
            registry.merge(old, key)


def _renamed_trust(text: str, registry: BodyRegistry) -> None:
    """A decision titled with one trust that calls another trust "the Trust" and never names
    the title's again was about that trust under its old name: "Lancashire and South Cumbria
    NHS Foundation Trust (19 010 839a)", whose text complains about "Lancashire Care NHS
    Foundation Trust (the Trust)" (trusts merge and are renamed; the page takes the new name)."""
    titled = [k for k, b in registry.bodies.items() if b.from_title]
    defined = registry.aliases.get("trust")
    if len(titled) != 1 or defined is None or defined == titled[0]:
        return
    title_body, old_body = registry.bodies[titled[0]], registry.bodies.get(defined)
    if title_body.body_type != body_rules.NHS_TRUST or old_body is None or old_body.body_type != body_rules.NHS_TRUST:
        return
    if text.count(title_body.name) <= 1 and not any(k != defined and b.body_type == body_rules.NHS_TRUST
                                                    for k, b in registry.bodies.items() if not b.from_title):
        registry.merge(defined, titled[0])


# "Hollybrook Care Group Ltd, which runs Ivybank Nursing Home (the Home)", "Ruddington
# Manor, a nursing home run by New Care Ltd": the company is the body complained about and
# answerable; the home is where it gave the care.
_RUNS = r",?\s+(?:which|who)\s+(?:runs|ran|operates|operated|owns|owned|manages|managed)\s+(?:the\s+)?"
_RUN_BY = r"[^.;]{0,80}?\b(?:run|operated|owned|managed)\s+by\s+(?:the\s+)?"


_ALIAS_DEFINED = r"(?:\s*\([^()]{1,40}\))?"  # "Willowmere Care Limited (the Care Provider), which runs ..."


def _spelt_either_way(name: str) -> str:
    """A pattern for a company's name with "Ltd" or "Limited", as a decision may write either."""
    return re.sub(r"(?:Ltd|Limited)(?:\\\.)?$", r"(?:Ltd\\.?|Limited)", re.escape(name))


_COMPANY_END = re.compile(r"\b(?:Ltd\.?|Limited|LLP|plc)$", re.I)


def _merge_homes_into_their_companies(text: str, registry: BodyRegistry) -> None:
    providers = [(k, b) for k, b in registry.bodies.items() if b.body_type == body_rules.CARE_PROVIDER]
    if len(providers) < 2:
        return
    titled = [k for k, b in providers if b.from_title]
    if len(titled) == 1 and (not body_rules.names_a_home(registry.bodies[titled[0]].name)
                             or _COMPANY_END.search(registry.bodies[titled[0]].name)):
        # A decision titled with a care company ("Cornwallis Care Services Ltd", "Countrywide
        # Care Home (2) Limited") that names a home ("Trecarrel Care Home") is about the care
        # the company gave there.
        for key, body in providers:
            if key != titled[0] and not body.from_title and body_rules.names_a_home(body.name):
                registry.merge(key, titled[0])
        providers = [(k, b) for k, b in registry.bodies.items() if b.body_type == body_rules.CARE_PROVIDER]
    if len(providers) < 2 or not re.search(r"\b(?:runs|ran|run by|operate[sd]?|owns|owned|manage[sd]?)\b", text):
        return
    for home_key, home in providers:
        for company_key, company in providers:
            if home_key == company_key or home_key not in registry.bodies or company_key not in registry.bodies:
                continue
            h, c = _spelt_either_way(home.name), _spelt_either_way(company.name)
            if re.search(c + _ALIAS_DEFINED + _RUNS + h, text) or re.search(h + _RUN_BY + c, text):
                registry.merge(home_key, company_key)


def assemble(record: DecisionRecord, docs: list[Doc], names_only: Iterable[tuple[int, str]] = ()) -> Extraction:
    _categories_named.cache_clear()
    text = record.text
    folded = fold(text)  # for the anchor tests of cues searched in the whole text
    meta = sections_mod.metadata_lines(text)
    decision_date = read_date(record, meta)
    registry, sentences = read_sentences(record, docs, names_only)

    principal = [k for k, b in registry.bodies.items() if b.from_title or b.defined]
    if not principal:
        principal = _most_mentioned(sentences)
    decision_text = " ".join(s.text for s in sentences if s.section == sections_mod.DECISION)
    outcome = read_outcome(record, meta, decision_text)
    remedy_reported = sections_mod.reports_its_remedy(text)
    if outcome == "not_upheld" and remedy_reported and not (normalise_outcome(record.outcome) or meta.get("Decision")) \
            and any(s.section == sections_mod.REMEDY and _PUT_RIGHT.search(s.text) for s in sentences):
        # "We did not uphold the complaint against the Ambulance Trust", and then the Practice
        # "apologised and paid": the verdict on one body or part, not the decision's
        outcome = None
    # A summary that says what the body agreed to put right found fault, when no outcome
    # line says otherwise ("The Council has agreed to apologise and pay Mrs I £750").
    # So does a remedy section that reports it put right ("Putting it right: The Practice
    # apologised to Ms A and paid her £500", a PHSO case summary's past tense).
    # A case summary's "What we found" states what was found, in plain words, unless its
    # verdict says nothing was (an excerpt cut before "Putting it right" still found it).
    upheld = outcome in ("upheld", "partly_upheld") or (outcome is None and (any(
        s.section == sections_mod.SUMMARY and _sets_out_remedy(s.text)
        or s.section == sections_mod.REMEDY and _PUT_RIGHT.search(s.text) for s in sentences)
        or sections_mod.is_case_summary(text)))
    faults = read_faults(sentences, registry, principal[:1] if len(principal) == 1 else [], upheld=upheld,
                         remedy_reported=remedy_reported)
    complaint_failings: list[Fault] = []
    # (Its anchors are looked for in the whole text first: almost no decision has them.)
    if vocab.UPHELD_FORMULA.could_match(folded) and any(vocab.UPHELD_FORMULA.found_in(s.text) for s in sentences):
        faults = [f for f in faults if not vocab.UPHELD_FORMULA.found_in(f.provenance.sentence)]
        if not any(f.provenance.section == sections_mod.FINDINGS for f in faults):
            complaint_failings = _faults_from_complaint(sentences, principal[:1])
            faults += _specific(complaint_failings)
    if not faults and upheld:
        # Upheld, in words that say nothing of what went wrong ("We found fault by the
        # Council"; "... for failing to keep the arrangements under review"): what the
        # complaint says went wrong is what was found, as annotators of real decisions read
        # it (data/real's unseen sets: faults 0.580 -> 0.611; no dev CV prediction changes).
        complaint_failings = _faults_from_complaint(sentences, principal[:1])
        faults = _specific(complaint_failings)
    if outcome in NOT_INVESTIGATED:
        # A complaint closed after initial enquiries was not investigated, so nothing in
        # it is a finding of fault: "we are unlikely to find fault", "the Trust has
        # already admitted fault" are reasons for not investigating.
        faults = complaint_failings = []
    payments = read_payments(sentences, registry, principal[0] if len(principal) == 1 else None,
                             remedy_reported=remedy_reported)
    # (Imported here: the deadline and remedy readers are built on this module's Sentence.)
    from pipeline.extract.deadlines import read_deadlines
    from pipeline.extract.remedies import read_remedies
    deadlines = read_deadlines(sentences, registry, decision_date, principal)

    at_fault = {f.body for f in faults}
    involved = set(principal) | at_fault | {p.payer for p in payments if p.payer} | {d.body for d in deadlines if d.body}
    complained = _complained_about(sentences, registry) - involved
    if sections_mod.is_case_summary(text):
        complained |= _complained_to(text, registry) - involved
    # A care provider only named in the complaint, beside another care provider the decision
    # deals with, is that provider's home or where the care was given, not a second body
    # complained about ("the Care Provider charged his mother ... at its Care Home")
    providers = {k for k in involved if registry.bodies[k].body_type == body_rules.CARE_PROVIDER}
    if providers:
        complained = {k for k in complained if registry.bodies[k].body_type != body_rules.CARE_PROVIDER}
    involved |= complained
    bodies = [b for k, b in registry.bodies.items() if k in involved]
    for key, body in registry.bodies.items():
        body.at_fault = key in at_fault
    name_of = {k: b.name for k, b in registry.bodies.items()}
    cats_of: dict[str, list[str]] = {}
    for f in faults:
        cats_of.setdefault(f.body, []).append(f.category)
    for p in payments:
        p.fault_categories = _payment_categories(p, cats_of.get(p.payer or "", []))
        p.payer = name_of.get(p.payer, p.payer) if p.payer else None
    for f in faults:
        f.body = name_of[f.body]
    for d in deadlines:
        d.body = name_of.get(d.body, d.body) if d.body else None
    remedies = read_remedies(sentences, decision_date, principal, name_of)

    fault_found = _fault_found(outcome, faults or complaint_failings, sentences, record)
    compliance = sections_mod.compliance_text(text, folded)
    return Extraction(
        record=record,
        decision_date=decision_date,
        category=record.category or meta.get("Category"),
        outcome=outcome,
        fault_found=fault_found,
        compliance_date=date_rules.parse_date(compliance) if compliance else None,
        bodies=bodies,
        faults=faults,
        payments=payments,
        deadlines=deadlines,
        remedies=remedies,
    )


_COMPLAINS = re.compile(r"\bcomplain(?!ts?\s+(?:procedures?|process(?:es)?|system|polic(?:y|ies))\b)", re.I)
_ITEM_MARKS = frozenset("•-–*·")


# A care provider the complaint names as a place or as whom the council paid ("her move
# to the care home", "the Council's failure to pay the care home as agreed").
_A_PLACE_BEFORE = re.compile(r"\b(?:to|into|in|at|from|within|left|leaving|entered|entering|pay|paid|paying)\s+(?:the\s+)?$", re.I)
_MOVED_TO = re.compile(r"\b(?:moved|moving|moves|move|lived|living|lives|live|placed|admitted|went|going)\s+(?:[\w’'-]+\s+){0,2}?(?:to|into|in|at)\s+$", re.I)
# The author of guidance the complaint cites ("the National Standards published by the
# Ministry of Justice") is not complained about.
_AUTHOR_BEFORE = re.compile(r"\b(?:published|issued|produced|written|set)\s+(?:out\s+)?by\s+(?:the\s+)?$", re.I)
# Whom the complainant took the complaint to: "Mrs A complained to the Trust about ...".
_COMPLAINED_TO = re.compile(r"\bcomplain(?:ed|s|t|ts)?\s+(?:(?:directly|first|formally|again)\s+)?to\s+", re.I)


def _complained_about(sentences: list[Sentence], registry: BodyRegistry) -> set[str]:
    """Bodies named where the summary says what the complaint is about ("Mr B complains
    about the Council and Royley House Care Home"), or anywhere in the complaint section
    (its bullets name the bodies without the verb), by a role if nothing
    names them ("complained about the way the Council and Trust assessed him" in a
    decision about the Trust: "the Council" is involved though no council is named)."""
    out = set()
    listed = False  # in the items of "Mrs D complains:"
    for s in sentences:
        complains = s.section in (sections_mod.SUMMARY, sections_mod.COMPLAINT) and bool(_COMPLAINS.search(s.text))
        item = listed and s.text.lstrip()[:1] in _ITEM_MARKS
        listed = s.section == sections_mod.COMPLAINT and (item or (complains and s.text.rstrip().endswith(":")))
        complains = complains or item
        if not (complains or s.section == sections_mod.COMPLAINT):
            continue
        for off, key in s.bodies:
            body = registry.bodies[key]
            if body.from_title or _AUTHOR_BEFORE.search(s.text[max(0, off - s.start - 30):off - s.start]):
                continue
            before = s.text[max(0, off - s.start - 40):off - s.start]
            if body.body_type == body_rules.CARE_PROVIDER and (
                    body.name.lower().startswith("the ") and _A_PLACE_BEFORE.search(before) or _MOVED_TO.search(before)):
                continue  # where someone lived or moved to: "moved permanently into Elm House care home"
            if not complains and key == "role:hospital":
                continue  # where the story happened ("As part of its discharge planning, the hospital referred her")
            if not complains and (body.body_type == body_rules.OTHER or (
                    body.body_type == body_rules.CARE_PROVIDER and not body.name.lower().startswith("the "))):
                # a school or a care home the complaint section names as background ("her
                # son's place at Elm Primary School", "moved from hospital to Gorsedene
                # Court") is not what is complained about; a role the section names is ("the
                # care provider": it stands for the body nobody named; tried, the dev corpus
                # lost two)
                continue
            out.add(key)
    return out


def _complained_to(text: str, registry: BodyRegistry) -> set[str]:
    """The bodies a case summary's story says the complaint went to ("Mrs A complained to
    the Trust about ..."): a case summary has no complaint section, and its "What happened",
    which tells this, is read for names only."""
    out = set()
    for match in _COMPLAINED_TO.finditer(text):
        after = text[match.end():match.end() + 120]
        mention = next((m for m in body_rules.find_named_bodies(after, central_government=True)
                        + body_rules.find_role_mentions(after) if m.start == 0), None)
        if mention is not None and (key := registry.resolve_or_placeholder(mention)) is not None:
            out.add(key)
    return out


def _payment_categories(payment: Payment, payer_categories: list[str]) -> list[str]:
    """The faults a sum remedies: those its clause names ("£750 to remedy the distress
    caused by the faults in complaint handling"), else all the payer's faults."""
    said = _rule_categories(payment.clause) & set(payer_categories or vocab.FAULT_CATEGORIES)
    if said and re.search(r"caused by|for the (?:faults?|failings?|delay)|in (?:relation|respect) to|because of|resulting from", payment.clause, re.I):
        return sorted(said, key=vocab.FAULT_CATEGORIES.index)
    return sorted(set(payer_categories), key=vocab.FAULT_CATEGORIES.index)


def _most_mentioned(sentences: list[Sentence]) -> list[str]:
    counts: dict[str, int] = {}
    for s in sentences:
        for _, key in s.bodies:
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])[:1]


def _faults_from_complaint(sentences: list[Sentence], bodies: list[str]) -> list[Fault]:
    """The complaint's failings as findings: each summary or complaint sentence that names
    a failure gives its bodies (else `bodies`) the categories it names."""
    faults: list[Fault] = []
    seen: set[tuple[str, str]] = set()
    for sent in sentences:
        if sent.section not in (sections_mod.COMPLAINT, sections_mod.SUMMARY):
            continue
        if not vocab.FAILURE_CUE.found_in(sent.text):
            continue
        if vocab.clears_the_body(sent.text) or _OMBUDSMAN_ACTS.match(sent.text) \
                or _INJUSTICE.match(sent.text) or _VIEW_AGAINST.match(sent.text):
            continue  # (nor the Ombudsman's view of the injustice: "we did not consider this fault caused injustice")
        # (not a body the failing was done to: "the Council's failure to make payments to the
        # care home")
        keys = subject_rules.unique(k for off, k in sent.bodies
                                    if not _OBJECT_LEAD.search(sent.text[max(0, off - sent.start - 30):off - sent.start])) or bodies
        for key in keys:
            for cat in sorted(_strong_categories(sent.text) or _rule_categories(sent.text)):
                if (key, cat) not in seen:
                    seen.add((key, cat))
                    faults.append(Fault(key, cat, sent.provenance))
    return faults


def _specific(complaint_failings: list[Fault]) -> list[Fault]:
    """The complaint's failings that a specific cue names. A failing only broad words give a
    topic to ("failed to support her", "the care she received") still says fault was found,
    but not which: on 297 real development decisions none of those pairs was the annotators'
    (0 of 7; dev corpus: 0 of 1)."""
    return [f for f in complaint_failings if f.category in _strong_categories(f.provenance.sentence)]


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


_PUT_RIGHT = re.compile(r"\b(?:apologi[sz]ed|paid|refunded|reimbursed|waived)\b", re.I)


def _sets_out_remedy(sentence: str) -> bool:
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


def _fault_found(outcome: str | None, faults: list[Fault], sentences: list[Sentence], record: DecisionRecord) -> bool | None:
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
    if any(_is_finding(s) for s in sentences if s.section in FAULT_SECTIONS and s.fault_word):
        return True
    if any(vocab.NO_FAULT.found_in(s.text) for s in sentences if s.section in FAULT_SECTIONS):
        return False
    return None


def extract(records: Iterable[DecisionRecord], nlp: Language | None = None, batch_size: int = 64) -> Iterator[Extraction]:
    """Extract each record, streaming: spaCy reads the sections of a batch of decisions at once."""
    nlp = nlp or build_nlp()
    batch: list[DecisionRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch, nlp)
            batch = []
    if batch:
        yield from _extract_batch(batch, nlp)


def _extract_batch(records: list[DecisionRecord], nlp: Language) -> Iterator[Extraction]:
    plans = [_docs_for(r, nlp) for r in records]
    flat = [d for docs, _ in plans for d in docs]
    processed = iter(list(nlp.pipe(flat)))
    for record, (docs, names_only) in zip(records, plans):
        yield assemble(record, [next(processed) for _ in docs], names_only)


def extract_one(record: DecisionRecord, nlp: Language | None = None) -> Extraction:
    return next(extract([record], nlp))

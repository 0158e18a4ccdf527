"""From a `DecisionRecord` to an `Extraction`: bodies, faults, payments, deadlines.

`extract(records)` runs the spaCy pipeline (pipeline.nlp) over the sections of each
decision that can hold what we extract, then assembles the components' candidates into
rows at the decision level, where the aliases a decision defines ("the Council", "the
Agency") are resolved to the bodies they name. Every row keeps the sentence it came from
and that sentence's character offsets in the decision text (provenance).

This module is the assembly; each field has its own reader in `pipeline/extract/`:
the bodies' names and roles (`registry.py`, on `bodies.py`'s patterns), the sentences they
are read from (`sentence.py`), `faults.py`, `payments.py`, `deadlines.py`, `remedies.py`,
and the outcome, date and whether fault was found (`outcome.py`).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import text as sections_mod
from pipeline.extract import bodies as body_rules
from pipeline.extract import dates as date_rules
from pipeline.extract import vocabulary as vocab
from pipeline.extract.cues import fold
from pipeline.extract.faults import (FAULT_SECTIONS, care_to_the_provider, categories_named, faults_from_complaint,
                                     read_faults, rule_categories, specific_failings)
from pipeline.extract.outcome import NOT_INVESTIGATED, normalise_outcome, read_date, read_fault_found, read_outcome, sets_out_remedy
from pipeline.extract.payments import read_payments
from pipeline.extract.registry import TRADING_AS, TRADING_AS_WORDS, BodyRegistry, name_key
from pipeline.extract.sentence import Sentence, sentences_of
from pipeline.extracted import EXTRACTOR_VERSION, Body, Deadline, Extraction, Fault, Payment, Provenance
from pipeline.nlp import build_nlp
from pipeline.records import DecisionRecord

# The library's API: the readers and the types they return (defined in pipeline.extracted).
__all__ = ["extract", "extract_one", "extract_with_sentences", "assemble", "read_sentences", "Extraction", "Body", "Fault", "Payment", "Deadline",
           "Provenance", "EXTRACTOR_VERSION"]

# Sections spaCy reads. The role-and-powers and law sections are boilerplate: skipping
# them saves a third of the tokens and keeps quoted guidance out of the findings.
READ_SECTIONS = {
    sections_mod.HEADER, sections_mod.SUMMARY, sections_mod.COMPLAINT, sections_mod.BACKGROUND,
    sections_mod.FINDINGS, sections_mod.DECISION, sections_mod.REMEDY,
}
# What a remedy section reports done ("The Practice apologised to Ms A and paid her £500").
_PUT_RIGHT = re.compile(r"\b(?:apologi[sz]ed|paid|refunded|reimbursed|waived)\b", re.I)


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
        key = name_key(name)
        fuller = next((m for m in mentions if not m.is_role and (mkey := name_key(m.text)).startswith(key)
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
        sentences.extend(sentences_of(doc, doc.user_data["offset"], doc.user_data["section"], registry))
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
    for alias in (short if place else None, body_rules.as_found_in_text(short), *TRADING_AS.split(short)[:2]):
        if alias and alias != name:
            registry.also_called(alias, key)


# What a title may add to the one name the pattern finds in it, and still name that one
# body: capitalised words before it ("All Hallows ..."), initials joined by "&" ("A & K
# Home Care ..."), a company word in capitals after it ("... Services LTD"), its place after
# a comma (", Preston").
_TITLE_INITIALS = re.compile(r"\b[A-Z]\s*(?:&|and)\s+(?=[A-Z]\b)")


_TITLE_TAIL = re.compile(r"\s*(?:LTD|LIMITED)?(?:" + TRADING_AS_WORDS + r"[A-Z][^,()]*)?(?P<place>,\s*[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*|[ -](?:on|upon|in|under|le)(?=[ -]))*)?\s*")


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
    return _assemble_read(record, *read_sentences(record, docs, names_only))


def _assemble_read(record: DecisionRecord, registry: BodyRegistry, sentences: list[Sentence]) -> Extraction:
    """The rows of a decision whose bodies and sentences have been read."""
    categories_named.cache_clear()
    text = record.text
    folded = fold(text)  # for the anchor tests of cues searched in the whole text
    meta = sections_mod.metadata_lines(text)
    decision_date = read_date(record, meta)

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
        s.section == sections_mod.SUMMARY and sets_out_remedy(s.text)
        or s.section == sections_mod.REMEDY and _PUT_RIGHT.search(s.text) for s in sentences)
        or sections_mod.is_case_summary(text)))
    faults = read_faults(sentences, registry, principal[:1] if len(principal) == 1 else [], upheld=upheld,
                         remedy_reported=remedy_reported)
    complaint_failings: list[Fault] = []
    # (Its anchors are looked for in the whole text first: almost no decision has them.)
    if vocab.UPHELD_FORMULA.could_match(folded) and any(vocab.UPHELD_FORMULA.found_in(s.text) for s in sentences):
        faults = [f for f in faults if not vocab.UPHELD_FORMULA.found_in(f.provenance.sentence)]
        if not any(f.provenance.section == sections_mod.FINDINGS for f in faults):
            complaint_failings = faults_from_complaint(sentences, principal[:1])
            faults += specific_failings(complaint_failings)
    if not faults and upheld:
        # Upheld, in words that say nothing of what went wrong ("We found fault by the
        # Council"; "... for failing to keep the arrangements under review"): what the
        # complaint says went wrong is what was found, as annotators of real decisions read
        # it (data/real's unseen sets: faults 0.580 -> 0.611; no dev CV prediction changes).
        # The summary's report of the complaint, that is: each point of the complaint
        # section is not what was found (on 904 real development decisions 12 of its 52 pairs
        # were the annotators', against 23 of 36 from the summary). Both still say that
        # fault was found.
        complaint_failings = faults_from_complaint(sentences, principal[:1])
        faults = [f for f in specific_failings(complaint_failings) if f.provenance.section == sections_mod.SUMMARY]
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
    faults = care_to_the_provider(faults, registry, involved, sentences)
    at_fault = {f.body for f in faults}
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

    fault_found = read_fault_found(outcome, faults or complaint_failings, sentences, record)
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
    said = rule_categories(payment.clause) & set(payer_categories or vocab.FAULT_CATEGORIES)
    if said and re.search(r"caused by|for the (?:faults?|failings?|delay)|in (?:relation|respect) to|because of|resulting from", payment.clause, re.I):
        return sorted(said, key=vocab.FAULT_CATEGORIES.index)
    return sorted(set(payer_categories), key=vocab.FAULT_CATEGORIES.index)


def _most_mentioned(sentences: list[Sentence]) -> list[str]:
    counts: dict[str, int] = {}
    for s in sentences:
        for _, key in s.bodies:
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])[:1]




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


def extract_with_sentences(record: DecisionRecord, nlp: Language | None = None) -> tuple[Extraction, BodyRegistry, list[Sentence]]:
    """One decision's extraction with the bodies and sentences it was read from, for
    looking into why it reads as it does (`pipeline.diagnose`, `data/real/learned_layer.py`)."""
    nlp = nlp or build_nlp()
    docs, names_only = _docs_for(record, nlp)
    registry, sentences = read_sentences(record, list(nlp.pipe(docs)), names_only)
    return _assemble_read(record, registry, sentences), registry, sentences

"""Organisations in decision text: their names, types, and the aliases a decision defines.

Decisions name a body in full once, often defining a short form in parentheses
("Milton Keynes Council (the Council)", "Moorfields Eye Hospital NHS Foundation Trust
(Moorfields)"), then use the short form or the role ("the ICB", "the Agency", "the care
provider"). Names are found by their endings ("... County Council", "... NHS Foundation
Trust", "... Integrated Care Board", "... Ltd"); a run of capitalised words before the
ending is the rest of the name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterator, NamedTuple

from pipeline.extract.cues import fold
from pipeline.text import TITLE_LINE

COUNCIL, ICB, CCG, NHS_TRUST = "council", "icb", "ccg", "nhs_trust"
GP_PRACTICE, CARE_PROVIDER, GOVERNMENT, OTHER = "gp_practice", "care_provider", "government", "other"
BODY_TYPES = (COUNCIL, ICB, CCG, NHS_TRUST, GP_PRACTICE, CARE_PROVIDER, GOVERNMENT, OTHER)

# A capitalised word of a name; "(Nelson)", "(Carewatch)" and "(2)" appear inside company names.
_TYPE_WORD = r"(?:Council|Trust|Board|ICB|CCG|Ltd|Limited|LLP|plc|Group)\b"
# A full stop belongs to a name word only with a letter after it, or in an initialism
# ("A.B. Care Ltd"): a name never runs across a sentence end ("... Mr C. The Council ...").
# `re` backtracks through a name word one character at a time, and at each one tries
# everything that may follow the word. Written as runs of letters (and ’ ' &) joined by
# "-" or such a full stop, each run taken whole (the lookahead after it: `*+` would need
# Python 3.11), the word gives back only whole runs. That finds the same names: an end
# inside a run is followed by a letter, ’, ' or &, where no join, space, ending or the end
# of the text starts; and where anything but a letter may follow (the borough form's
# `(?![\w])`, the end of a government name), the word's own end, tried first, has matched
# already. The ends that remain are tried in the same order as before. (The initialism is
# "[A-Z]\.(?:[A-Z]\.)+" rather than "(?:[A-Z]\.){2,}", the same strings in the same order,
# so that `re` rules it out at its first character instead of entering a repeat.)
_WORD_RUN = r"[\w’'&]*(?![\w’'&])"
# (a bracket inside a name, "Anchor (Nelson) Care Ltd", "(2)"; not an anonymised short form
# after it, "London Borough of Havering (Council Y)", nor the decision's reference after a
# title's name, "London Borough of Tower Hamlets (17 000 244)")
_CAP = rf"(?!{_TYPE_WORD})(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z]{_WORD_RUN}(?:(?:\.(?=\w)|-){_WORD_RUN})*|\((?![A-Z][a-z]+ [A-Z0-9]\)|\d\d\s?\d{{3}}\s?\d{{3}}[a-z]?\))[A-Z0-9][\w’' &.\-]*\)|St\.?)"
# Small words that may join capitalised words inside a name.
_SP = r"[ \u00a0]+"
# Every join starts with a comma, a space or a hyphen; the lookahead says so up front, so
# that where none follows a word (a full stop, a bracket) one test rules out all five joins.
_JOIN_WORDS = "and|of|upon|on|in|the|under|with|&|de|le"
_JOIN = rf"(?=[,\-]|{_SP})(?:{_SP}(?:{_JOIN_WORDS}){_SP}|,{_SP}|{_SP}-{_SP}|{_SP}|-)"
_NAME = rf"{_CAP}(?:{_JOIN}{_CAP})*"

# The name a company trades under, after its own: "Crowthorne Care Surrey Ltd. t/a Esto Care".
_TRADING_NAME = r"(?:\s+(?:t/a|trading\s+as)\s+[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,3})?"

# The endings that say what a body is, most specific first. Each starts with a capital
# letter or white space, or is "plc" (the named-body pattern's first test relies on it).
_ENDINGS: list[tuple[str, str]] = [
    (r"Integrated\s+Care\s+Board|ICB", ICB),
    (r"Clinical\s+Commissioning\s+Group|CCG", CCG),
    (r"NHS\s+Foundation\s+Trust|NHS\s+Trust|Foundation\s+Trust|Ambulance\s+Service(?:\s+NHS\s+(?:Foundation\s+)?Trust)?|Hospitals?\s+NHS\s+Trust|Partnership\s+Trust", NHS_TRUST),
    # ("a Discretionary Council Tax Reduction" is no council)
    (r"(?:County|City|District|Borough|Metropolitan\s+Borough|Metropolitan\s+District|Town|Parish|Combined)?\s*Council(?!\s+Tax\b)|MBC|DC|BC|CC", COUNCIL),
    (r"(?:Medical|Health|Group|Family)\s+(?:Practice|Centre)|Surgery|Medical\s+Group", GP_PRACTICE),
    # (a company word may follow the care words: "Wilverton Care Group Limited", "Independent
    # People Homecare Services")
    (r"(?:(?:Care\s+Home|Nursing\s+Home|Residential\s+Home|Homecare|Home\s+Care|Healthcare|Care\s+Services|Care\s+Group|Care\s+Agency|"
     # a home's name before the kind in small letters: "Marston Court care home"
     r"care\s+home|nursing\s+home|"
     # a provider named "... Care": "Radis Community Care", "Aspire Care UK", "Novus Care"
     # (not "Education, Health and Care", "Social Care", "Continuing Care": services, not providers)
     r"(?<!Health\s)(?<!Social\s)(?<!Continuing\s)(?<!Personal\s)(?<!Respite\s)(?<!Foster\s)(?<!Kinship\s)"
     r"(?<!Residential\s)(?<!Nursing\s)(?<!Primary\s)(?<!Intensive\s)(?<!Palliative\s)(?<!Integrated\s)(?<!and\s)Care(?:\s+UK)?(?!\s+Centre))"
     r"(?<!Care\sServices)(?:\s+Services)?(?:\s+Group)?(?:\s+(?:Ltd\.?|Limited|LLP|plc))?|Group\s+(?:Ltd\.?|Limited|plc)|Ltd\.?|Limited|LLP|plc)"
     + _TRADING_NAME, CARE_PROVIDER),
    # Schools and academy trusts: the admission authorities of school admissions cases.
    (r"(?:Multi[- ]Academy\s+|Academies\s+|Academy\s+|Learning\s+|Schools\s+|Education\s+)Trust|School|Academy", OTHER),
]

_GOVERNMENT_RE = (
    rf"Department{_SP}(?:for|of){_SP}{_CAP}(?:{_JOIN}{_CAP})*|Ministry{_SP}of{_SP}{_CAP}(?:{_JOIN}{_CAP})*"
    r"|(?:HM|Her\s+Majesty['’]s)\s+Revenue\s+(?:and|&)\s+Customs|Home\s+Office|(?:HM|Her\s+Majesty['’]s)\s+Courts\s+(?:and|&)\s+Tribunals?\s+Service"
    # (the agencies PHSO case summaries name: Jobcentre Plus and the Child Support Agency
    # for the DWP, the Independent Case Examiner that reviews their complaints, ...)
    # (not agencies an LGSCO decision names in passing: the Planning Inspectorate, the DBS)
    r"|Jobcentre\s+Plus|Independent\s+Case\s+Examiner|Child\s+Support\s+Agency|(?:HM\s+)?Passport\s+Office|Adjudicator['’]s\s+Office"
    r"|Driver\s+and\s+Vehicle\s+Licensing\s+Agency|UK\s+Visas\s+(?:and|&)\s+Immigration|Child\s+Maintenance\s+Service"
    r"|Legal\s+Aid\s+Agency|Valuation\s+Office\s+Agency|Student\s+Loans\s+Company|HM\s+Land\s+Registry|Land\s+Registry"
    r"|NHS\s+England|NHS\s+Business\s+Services\s+Authority|Department\s+for\s+Work\s+and\s+Pensions"
)
_GOVERNMENT = re.compile(_GOVERNMENT_RE)
# Agencies that only the PHSO investigates and names as bodies; an LGSCO decision names them
# in passing (the Planning Inspectorate, the DBS, Border Force in dev 20 010 976, read
# 18 010 925, 22 005 383), so they are looked for in PHSO texts only
# (`find_named_bodies(..., central_government=True)`), and typed as government everywhere.
_CENTRAL_AGENCIES_RE = (
    r"(?:UK\s+)?Border\s+(?:Force|Agency)|Identity\s+and\s+Passport\s+Service|Disclosure\s+and\s+Barring\s+Service"
    r"|Criminal\s+Injuries\s+Compensation\s+Authority|Insolvency\s+Service|Companies\s+House"
    r"|Office\s+of\s+the\s+Public\s+Guardian|Planning\s+Inspectorate|Rural\s+Payments\s+Agency|Charity\s+Commission"
    r"|Pension\s+Service|Disability\s+Service\s+Centre|Driver\s+and\s+Vehicle\s+Standards\s+Agency"
    r"|Environment\s+Agency|Natural\s+England|Highways\s+(?:England|Agency)|Marine\s+Management\s+Organisation"
    r"|Animal\s+and\s+Plant\s+Health\s+Agency|Intellectual\s+Property\s+Office|Official\s+Solicitor"
    r"|Public\s+Trustee|Probation\s+Service|HM\s+Prison\s+and\s+Probation\s+Service"
    r"|Veterans\s+UK|Service\s+Personnel\s+and\s+Veterans\s+Agency|UK\s+Health\s+Security\s+Agency"
    r"|Public\s+Health\s+England|Health\s+Education\s+England"
)
_CENTRAL_AGENCY = re.compile(rf"(?<![\w])(?:{_CENTRAL_AGENCIES_RE})(?![\w])")

# The named-body pattern is an alternation tried, in this order, at each position:
# three forms that start with a fixed word ("London Borough of ...", "City of ... Council",
# government departments), then one alternative per ending, each a name and that ending.
# At one position the first alternative that matches wins, so the ending alternatives
# stay separate and in `_ENDINGS` order: "Foo Surgery Healthcare" is the GP practice
# "Foo Surgery", not a care provider. Three things make the search fast without changing
# what it finds:
# - Every alternative starts with a capital letter or "(" (`_CAP`'s forms, "St", and the
#   fixed words). `re` skips straight to the characters a pattern can start with only when
#   the pattern starts by consuming one, a literal or a class, not a lookaround (see
#   `_compile_info` in `re._compiler`); otherwise it runs the pattern at every position of
#   the text. So `_NAMED_BODY` consumes the capital or "(", and a lookbehind steps back
#   over it to look ahead for the body from there (`_named_body_spans`).
# - The ending alternatives all start with `_NAME`, and trying each of them means parsing
#   (and backtracking through) the same run of capitalised words six times. One lookahead
#   that parses the name once and accepts any ending succeeds exactly when at least one
#   ending alternative matches, so when it fails (at almost every capital) none is tried;
#   when it succeeds they are tried in order as before.
# - That lookahead first rules out, with a few character tests, the commonest capital: a
#   word followed by one that starts with a small letter or a digit and is not a join
#   word ("The complaint", "Mrs X said" at "X"). No name goes on past such a word (`_CAP`
#   starts with a capital or "("), and no ending starts with one but "plc" and a home's
#   kind in small letters, "care home" (`_ENDINGS`).
# The alternatives are non-capturing groups: `re` saves and restores a pattern's groups at
# each branch it backtracks through.
_NOT_A_TRUST_NEXT = (r"(?!(?:(?!NHS\b)[A-Z][\w’'-]*[ \u00a0]+(?:(?:and|&)[ \u00a0]+)?)*(?!NHS\b)[A-Z][\w’'-]*[ \u00a0]+"
                     r"(?:NHS|Trust|ICB|CCG|Integrated|Clinical|Foundation|Hospitals?)\b)")
_FIXED_WORD_BODIES = [
    # "London Borough of Ealing", "Royal Borough of Greenwich", "City of York Council"
    # (not into the next body of a list: "London Borough of Merton and NHS South West London
    # ICB", "London Borough of Lewisham and Lewisham and Greenwich NHS Trust")
    rf"(?:London|Royal){_SP}Borough{_SP}of{_SP}{_CAP}(?:(?:{_SP}(?:and|&){_SP}(?!NHS\b){_NOT_A_TRUST_NEXT}|{_SP}upon{_SP}|{_SP}|-){_CAP})*(?:{_SP}Council)?(?![\w])",
    rf"(?:City|Council){_SP}of{_SP}(?:the{_SP})?{_CAP}(?:{_SP}{_CAP})*{_SP}Council|Council{_SP}of{_SP}the{_SP}Isles{_SP}of{_SP}Scilly|City{_SP}of{_SP}London{_SP}Corporation",
    _GOVERNMENT_RE,
]
_ENDING_BODIES = [rf"{_NAME}{_SP}(?:{ending})(?![\w])" for ending, _ in _ENDINGS]
_NOT_FOLLOWED_BY_A_SMALL_WORD = rf"(?![A-Z][\w’'&.\-]*[ \u00a0]+(?!(?:{_JOIN_WORDS})[ \u00a0]|plc|(?:care|nursing)\s+home)[a-z0-9])"
_ANY_ENDING_BODY = rf"(?={_NOT_FOLLOWED_BY_A_SMALL_WORD}{_NAME}{_SP}(?:{'|'.join(ending for ending, _ in _ENDINGS)})(?![\w]))"
_BODY = "|".join(f"(?:{alternative})" for alternative in _FIXED_WORD_BODIES) + \
    f"|{_ANY_ENDING_BODY}(?:" + "|".join(f"(?:{alternative})" for alternative in _ENDING_BODIES) + ")"
# A name starts at a word's start: "the ICB and Norbeck Borough Council" is not "CB and ...".
# The match itself is the body's first character; the empty group "end" marks where the
# body ends.
_NAMED_BODY = re.compile(rf"[A-Z(](?<=(?<!\w)(?=(?:{_BODY})(?P<end>))[A-Z(])")


def _named_body_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each named body, left to right and not overlapping: what
    `finditer` would give for the body pattern itself."""
    pos = 0
    while (match := _NAMED_BODY.search(text, pos)) is not None:
        pos = match.end("end")
        yield match.start(), pos


# Words that start a sentence or clause but are not part of a name ("When Leeds City
# Council ...", "Mrs X asked Leeds City Council").
_LEADING_NOISE = {
    "the", "a", "an", "in", "on", "at", "by", "for", "to", "from", "with", "when", "after",
    "before", "both", "however", "but", "and", "if", "then", "this", "that", "our", "we",
    "i", "it", "mr", "mrs", "ms", "miss", "dr", "summary", "also", "later", "so", "as",
    "while", "although", "because", "since", "during", "until", "once", "following",
    "between", "neither", "nor", "or", "either", "each", "all", "about", "against",
    "whether", "where", "why", "how", "what", "which", "who", "is", "was",
}
_NOT_BODIES = re.compile(
    r"^(?:Care\s+Quality\s+Commission|CQC|Ofsted|Local\s+Government\s+(?:and\s+Social\s+Care\s+)?Ombudsman|"
    r"Parliamentary\s+and\s+Health\s+Service\s+Ombudsman|Ombudsm[ae]n|Housing\s+Ombudsman|"
    r"Information\s+Commissioner|General\s+Medical\s+Council|Nursing\s+and\s+Midwifery\s+Council|Health\s+and\s+Care\s+Professions\s+Council|Good\s+Medical\s+Practice|(?:RCS\s+)?(?:General|Emergency|Plastic|Orthopaedic|Cardiac|Day|Vascular)\s+Surgery|First[-\s]tier\s+Tribunal|Upper\s+Tribunal|Court\s+of\s+Protection|"
    r"Health\s+and\s+Care|Social\s+Care|Adult\s+Social\s+Care|Continuing\s+Care|Children.s\s+Continuing\s+Care|"
    r"Home\s+Care|Care|Council|Healthcare|NHS\s+Continuing\s+Healthcare|Continuing\s+Healthcare|"
    r"Personal\s+Care|Day\s+Care|Respite\s+Care|Social\s+Work|Primary\s+Care|Secondary\s+Care|"
    r"Intensive\s+Care|Palliative\s+Care|End\s+of\s+Life\s+Care|Foster\s+Care|Residential\s+Care|Nursing\s+Care|"
    r"Local\s+Authority|Funded\s+Nursing\s+Care|Shared\s+Care|Aftercare|Section\s+117\s+Aftercare)$",
    re.IGNORECASE,
)
_CARE_FALSE_ENDINGS = re.compile(r"\b(?:Act|Regulations|Guidance|Framework|Standards?|Plan|Policy)\s", re.I)

# Role mentions: "the Council", "the ICB", "the Agency". The type each implies.
ROLE_TYPES: dict[str, str] = {
    "council": COUNCIL, "county council": COUNCIL, "borough council": COUNCIL,
    "district council": COUNCIL, "city council": COUNCIL, "local authority": COUNCIL,
    "icb": ICB, "integrated care board": ICB,
    "ccg": CCG, "clinical commissioning group": CCG,
    "trust": NHS_TRUST, "hospital": NHS_TRUST, "hospital trust": NHS_TRUST, "ambulance service": NHS_TRUST,
    "practice": GP_PRACTICE, "gp practice": GP_PRACTICE, "surgery": GP_PRACTICE,
    "agency": CARE_PROVIDER, "care provider": CARE_PROVIDER, "provider": CARE_PROVIDER,
    "care home": CARE_PROVIDER, "care agency": CARE_PROVIDER,
    "nursing home": CARE_PROVIDER, "home care provider": CARE_PROVIDER,
    # "the home" is a care home only where the decision names one (see NAMED_ONLY_ROLES)
    "home": CARE_PROVIDER,
    "department": GOVERNMENT,
}
# "\b(?i:the)\s+..." would be the plain way to write this, but a pattern that starts with
# "\b", or is case-insensitive as a whole, is tried by `re` at every position of the text.
# Starting with the literal class [tT] (the only characters that match "t" ignoring case)
# lets `re` skip straight to each "t"; the lookbehind then checks the word boundary
# before it, and the rest is case-insensitive as before.
_ROLE_RE = re.compile(
    r"[tT](?<=\b[tT])(?i:he\s+(?:NHS\s+)?(" + "|".join(sorted((re.escape(r) for r in ROLE_TYPES), key=len, reverse=True)) + r")\b(?!\s+(?:of|tax|housing|policy|plan|procedure|officers?|staff|workers?|visits?|address|environment|adaptations?|admissions?|appointments?|referrals?|stays?|beds?|fees|payments|invoices|scheme|'s\s+(?:policy|procedure))))"
)
# Roles that refer to a body only when the decision names one that fits: "the home" is a
# care home the decision names ("Elm House", "Larchmead Care Ltd (the Home)"); in a
# housing or home care case it is somebody's house.
NAMED_ONLY_ROLES = frozenset({"home"})
# Roles that, in lower case, mostly mean something else: "pressured to have the surgery" is
# an operation; "the Surgery" is the GP practice.
_CAPITALISED_ONLY_ROLES = frozenset({"surgery"})


def stands_alone(role_text: str) -> bool:
    """May a role nothing names stand for a body of its own ("the council", kept as written)?
    Not "the home" (somebody's house unless the decision names a home), nor a role whose
    lower-case word means something else."""
    role = role_key(role_text)
    return role not in NAMED_ONLY_ROLES and not (role in _CAPITALISED_ONLY_ROLES and role_text.split()[-1].islower())
_HOME_NAME = re.compile(r"\b(?:homes?|house|lodge|court|manor|hall|grange|nursing|residential)\b", re.I)


def names_a_home(name_or_alias: str) -> bool:
    """Does a care provider's name or alias say it is a home ("Elm House", "the home")?"""
    return bool(_HOME_NAME.search(name_or_alias))


# "Full Name (the Council)", "Full Name ("the Trust")", "Full Name (Moorfields)"
_ALIAS_RE = re.compile(r"\s*\(\s*[\"“']?((?:the\s+)?[A-Za-z][\w’'&\- ]{1,40}?)[\"”']?\s*\)")


class BodyMention(NamedTuple):  # (a tuple: a hundred or more per decision, built for a third of a frozen dataclass's cost)
    start: int
    end: int
    text: str
    body_type: str
    is_role: bool = False          # "the Council" rather than a name
    alias: str | None = None       # the short form defined right after a name


# Compiled once: classify_name and find_named_bodies run these for every candidate name.
_NAME_ENDINGS = [(re.compile(rf"(?:{ending})$"), body_type) for ending, body_type in _ENDINGS]
# (the City of London Corporation is the council of the City, which titles call "City of London")
_COUNCIL_OF = re.compile(r"(?:London|Royal)\s+Borough\s+of|City\s+of\s+\w+\s+Council|Council\s+of|City\s+of\s+London(?:\s+Corporation)?$")
_NHS_WORD = re.compile(r"\bNHS\b")
_LEADING_WORD = re.compile(r"([\w’']+)[\s,]+")
_ACRONYM_ICB_CCG = re.compile(r"[A-Z]{2,}\s*(?:ICB|CCG)")
_NOT_CARE_COMPANY = re.compile(r"\b(?:Enforcement|Bailiffs?|Collections?|Recovery|Parking|Solicitors|Housing|Properties|"
                               r"Estates?|Lettings|Builders|Construction|Developments?|Transport|Taxis?|Coaches)\b")
_CARE_PROVIDER_WORDS = re.compile(r"Ltd\.?|Limited|LLP|plc|Home|Homecare|Healthcare|Care\s+(?:Services|Group)")


def classify_name(name: str) -> str:
    """The body type a name's wording implies."""
    if _GOVERNMENT.fullmatch(name) or _CENTRAL_AGENCY.fullmatch(name):
        return GOVERNMENT
    for ending, body_type in _NAME_ENDINGS:
        if ending.search(name):
            # "Marlow Enforcement Services Ltd" is a company, but not a care provider
            return OTHER if body_type == CARE_PROVIDER and _NOT_CARE_COMPANY.search(name) else body_type
    if _COUNCIL_OF.match(name):
        return COUNCIL
    if _NHS_WORD.search(name):
        return NHS_TRUST
    return OTHER


# A company's name with a number in it, which the name pattern (capitalised words) stops
# at: "Harbour Healthcare 1 Ltd" (found as "Harbour Healthcare"), "Promedica 24 UK Limited"
# (found as "UK Limited"), "WT UK Opco 4 Limited". Only a number of one or two digits
# between capitalised words and before the company word: not a date ("On 12 March
# Brightwater Care Ltd ..."), where the word before the number begins a clause.
_COMPANY_WORD = r"(?:Ltd\.?|Limited|LLP|plc)(?![\w])"
_NUMBER_WORD = re.compile(r"(?<![\w’'&])(?P<name>[A-Z][\w’'&]*(?:[ \u00a0][A-Z][\w’'&]*){0,3})[ \u00a0]\d{1,2}[ \u00a0]$")
_NUMBER_THEN_COMPANY = re.compile(rf"[ \u00a0]\d{{1,2}}(?:[ \u00a0][A-Z][\w’'&]*){{0,2}}[ \u00a0]{_COMPANY_WORD}")
_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)$")


def _with_its_number(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a company name with the number inside it (`_NUMBER_WORD`)."""
    if (after := _NUMBER_THEN_COMPANY.match(text, end)) is not None:
        return start, after.end()
    before = _NUMBER_WORD.search(text, max(0, start - 40), start)
    found = text[start:end].split()
    if before is not None and re.match(_COMPANY_WORD, found[-1]) and not _MONTH.match(found[0]):
        words = before.group("name")
        noise = _leading_noise_length(words + " ")
        if noise < len(words):
            return before.start("name") + noise, end
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading words that begin a clause rather than a name."""
    return start + _leading_noise_length(text[start:end]), end


# Cached: most named-body matches are the same few strings ("The Council" is one, trimmed to
# "Council" and then dropped as a role).
@lru_cache(maxsize=4096)
def _leading_noise_length(words: str) -> int:
    """The length of the words at the start of `words` that begin a clause rather than a name."""
    start = 0
    while True:
        m = _LEADING_WORD.match(words, start)
        # A lone capital is a person's initial ("Mrs D and Trinity Surgery"), not a name's start.
        if not m or (m.group(1).lower() not in _LEADING_NOISE and not (len(m.group(1)) == 1 and m.group(1).isupper())):
            return start
        # keep "The" in names that are only a role word after it ("The Royal Wolverhampton NHS Trust" keeps
        # its name; "The Council" is a role, handled by role mentions)
        start = m.end()


# A person's title: "Mrs X" before a role or in a list is no body.
_TITLES = "Mr|Mrs|Ms|Miss|Dr|Mx"
# The short forms decisions define and capitalise (see `_BARE_ROLE_RE`).
_BARE_ROLE_WORDS = "Council|ICB|CCG|Trust|Agency|Care Provider|Provider|Practice"


# A name without a type word is still a body when the decision defines it by its role:
# "Willerfoss House (the Home)", "A1 Care (the Agency)". The alias is looked for first
# (it is rare), then the name before it.
# (or in quotes after a comma: "BUPA UK, the “Care Provider”, failed to ...", "Tamar Carers, the
# “Care Provider” withdrew")
# (an ICB is often named by its area alone: "NHS Sussex (the ICB)")
_ALIAS_ROLES = "care home|nursing home|home|care provider|provider|care agency|agency|practice|surgery|school|academy|icb|ccg|trust"
_ROLE_ALIAS = re.compile(rf"\(\s*[\"“‘']?the\s+[\"“‘']?({_ALIAS_ROLES})[\"”’']?\s*\)|,\s+the\s+[\"“‘']({_ALIAS_ROLES})[\"”’'](?=[,;.\s])", re.I)
# A company known by its initials: "its care provider, ECL (the care provider)"
_ACRONYM = re.compile(r"(?!(?:NHS|GP|CQC|ICB|CCG|EHC|EHCP|SEN|SEND|DWP|HMRC|UK)$)[A-Z]{2,5}")
_NAME_BEFORE = re.compile(rf"(?<![\w’'&])(?:{_NAME})[ \u00a0]*$")  # (a whole word: not "CB" of "ICB")
_ALIAS_ROLE_TYPES = {**ROLE_TYPES, "school": OTHER, "academy": OTHER}


# ... or by a description after it: "Brambleholt House, a nursing home", "Oakleigh, a
# residential care home", "Sunrise Support, a home care agency".
_ROLE_APPOSITIVE = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,2}?(care home|nursing home|residential home|home care agency|care agency|"
                              r"home care provider|care provider)\b", re.I)
_APPOSITIVE_TYPES = {"care home": CARE_PROVIDER, "nursing home": CARE_PROVIDER, "residential home": CARE_PROVIDER,
                     "home care agency": CARE_PROVIDER, "care agency": CARE_PROVIDER, "home care provider": CARE_PROVIDER,
                     "care provider": CARE_PROVIDER}


def _name_before(text: str, at: int, taken: list[BodyMention], *, initials: bool = False) -> tuple[int, int, str] | None:
    """The name of a body right before text[at] (what defines or describes it starts there),
    as (start, end, name); None where a body found already is there or no name is."""
    m = _NAME_BEFORE.search(text, max(0, at - 80), at)
    if m is None or any(t.start <= m.start() < t.end + 2 or t.start < at <= t.end + 2 for t in taken):
        return None
    start, end = _trim(text, m.start(), m.start() + len(m.group(0).rstrip()))
    name = re.split(r"\s+in\s+", text[start:end])[0]  # "Elm House in Wisbech (the Home)"
    if " " not in name and text[max(0, start - 4):start] == "The ":
        # a one-word name with its "The", as homes are called: "The Elms (the Home)"
        start, name = start - 4, "The " + name
    if (len(name.split()) < 2 and not (initials and _ACRONYM.fullmatch(name))) or _NOT_BODIES.match(name) \
            or not _distinctive(name) or _PERSON.match(name):
        return None
    return start, start + len(name), name


_PERSON = re.compile(rf"(?:{_TITLES})\b")


def _named_by_role_alias(text: str, taken: list[BodyMention]) -> list[BodyMention]:
    out = []
    for alias in _ROLE_ALIAS.finditer(text):
        at = alias.start()
        # a quoted name: "“Caring Hands”, the “Care Provider”", "“Sunny Days” (the Agency)"
        quoted = at
        while quoted > 0 and text[quoted - 1] in " \u00a0":
            quoted -= 1
        if quoted > 0 and text[quoted - 1] in "”’\"'":
            at = quoted - 1
        named = _name_before(text, at, taken, initials=True)
        if named is None:
            continue
        start, end, name = named
        role = alias.group(alias.lastindex)
        out.append(BodyMention(start, end, name, _ALIAS_ROLE_TYPES[" ".join(role.lower().split())], alias="the " + role))
    return out


# "..., a care home run by Larchmead Care Ltd": the body is the company; the home's name
# is another way of naming it.
_RUN_BY = re.compile(r"\s+(?:run|owned|operated|managed|provided)\s+by\s+(?:the\s+)?$|^\s+(?:run|owned|operated|managed|provided)\s+by\b", re.I)


def _named_by_description(text: str, taken: list[BodyMention]) -> list[BodyMention]:
    out = []
    for described in _ROLE_APPOSITIVE.finditer(text):
        named = _name_before(text, described.start(), taken)
        if named is None:
            continue
        start, end, name = named
        runner = next((t for t in taken if t.start >= described.end() and _RUN_BY.match(text[described.end():t.start])
                       and t.body_type == CARE_PROVIDER), None)
        kind = " ".join(described.group(1).lower().split())
        # a home so described is what "the home" means later
        home_alias = "the home" if kind.endswith("home") else None
        if runner is not None:
            out.append(BodyMention(runner.start, runner.end, runner.text, runner.body_type, alias=name))
            if home_alias:
                out.append(BodyMention(runner.start, runner.end, runner.text, runner.body_type, alias=home_alias))
        else:
            out.append(BodyMention(start, end, name, _APPOSITIVE_TYPES[kind], alias=home_alias))
    return out


# ... or by what it did for a council or board: "the care provided to her mother by Holistic
# Care on behalf of the Council", "Homecare Kelworth (HK), who provided homecare on behalf
# of the Council".
_ACTING_FOR = re.compile(r"(?:[ \u00a0]*\([^()]{1,30}\))?,?[ \u00a0]+(?:(?:who|which)[ \u00a0]+[^.;()]{0,60}?|acting[ \u00a0]+)?"
                         r"on[ \u00a0]+behalf[ \u00a0]+of[ \u00a0]+the[ \u00a0]+(?:Council|ICB|CCG|Trust)\b")
_CARE_WORDS = re.compile(r"\bcare|homecare|domiciliary|carers?\b", re.I)


def _named_by_acting_for(text: str, taken: list[BodyMention]) -> list[BodyMention]:
    out = []
    for acting in _ACTING_FOR.finditer(text):
        named = _name_before(text, acting.start(), taken)
        if named is None:
            continue
        start, end, name = named
        if " ".join(name.lower().split()) in ROLE_TYPES and (
                text[max(0, start - 4):start].lower() == "the " or re.search(r",\s+an?\s+$", text[max(0, start - 6):start])):
            # a role, found as one ("The Care Provider acting on behalf of the Council"), or
            # describing the name before it ("United Response, a Care Provider acting on behalf of")
            continue
        # (no alias taken: a body so named is one the decision complains of, not one it is about)
        around = text[max(0, start - 80):acting.end()]
        out.append(BodyMention(start, end, name, CARE_PROVIDER if _CARE_WORDS.search(around) else OTHER))
    return out


# ... or by standing in a list of bodies: "Plymouth City Council and Livewell Southwest did
# not put support in place", "..., Humber and North Yorkshire ICB and Navigo took too long"
# (a company with no type word in its name, last in the list)
# (not a person, a role, a pronoun or the start of a board's name; regulators are left out
# with every other name, by `_NOT_BODIES`)
_LIST_TAIL = re.compile(rf"(?:[ \u00a0]\([^()]{{1,40}}\))?(?:,| and)[ \u00a0]((?!(?:{_TITLES}|{_BARE_ROLE_WORDS}|The|NHS|We|It|He|She|They|Integrated|Clinical)\b)"
                        r"[A-Z][\w’'&-]+(?:[ \u00a0][A-Z][\w’'&-]+){0,3})(?=[ \u00a0][a-z]|[,.;)]|[ \u00a0]\([A-Z][A-Za-z]{1,7}\))")


def _named_in_a_list(text: str, taken: list[BodyMention]) -> list[BodyMention]:
    out = []
    starts = [t.start for t in taken]  # (in text order)
    for body in taken:
        tail = _LIST_TAIL.match(text, body.end)
        if tail is None or body.is_role:
            continue
        start, end = tail.span(1)
        i = bisect_left(starts, start)
        if (i < len(starts) and starts[i] <= end) or _NOT_BODIES.match(tail.group(1)) or not _distinctive(tail.group(1)):
            continue  # the start of the next name ("... Council and Norfolk and Suffolk NHS Foundation Trust")
        out.append(BodyMention(start, end, tail.group(1), OTHER))
    return out


def _named_mention(text: str, start: int, end: int) -> BodyMention | None:
    """The body named at text[start:end], unless it is a type word, a regulator or too generic."""
    name = text[start:end].strip()
    body_type = _named_body_type(name)
    if body_type is None:
        return None
    am = _ALIAS_RE.match(text, end)
    return BodyMention(start, end, name, body_type, alias=am.group(1).strip() if am else None)


@lru_cache(maxsize=4096)  # (cached as `_leading_noise_length` is)
def _named_body_type(name: str) -> str | None:
    """The type of the body a name found in text names; None for a type word, a regulator or
    a name too generic to say which body it is."""
    if not name or _NOT_BODIES.match(name) or _CARE_FALSE_ENDINGS.search(name + " "):
        return None
    if len(name.split()) < 2 and not _ACRONYM_ICB_CCG.fullmatch(name):
        return None
    body_type = classify_name(name)
    if not _distinctive(name):
        return None
    if body_type == CARE_PROVIDER and not _CARE_PROVIDER_WORDS.search(name) and len(name.split()) < 3:
        return None
    return body_type


# A comma after a complete body's ending starts the next body of a list ("Ashcombe Vale
# Medical Practice, East Lindmoor Ambulance Service NHS Trust"): a name's own commas come
# before its ending ("NHS Bedfordshire, Luton and Milton Keynes ICB").
_LIST_COMMA = re.compile(r"\b(?:Council|Practice|Surgery|Centre|Trust|Board|ICB|CCG|Ltd|Limited|Group)(\.?,[ \u00a0]+)(?=[A-Z])")


# A short form defined in brackets ends a name when a list goes on after it: "Wiltshire
# Health and Care (WHC) and NHS Bath and North East Somerset, Swindon and Wiltshire
# Integrated Care Board", "... Group (BH CCG), NHS East Sussex Clinical Commissioning
# Group" are two bodies each. (A bracketed word inside a name, "Anchor (Nelson) Care Ltd",
# is followed by the rest of the name, not by a comma or "and".)
_ALIAS_ENDS_NAME = re.compile(r"[ \u00a0]*\([^()]{1,40}\)((?:,[ \u00a0]+(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+)(?=[A-Z]))")


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A match's span, cut where a listed body ends."""
    cut = _LIST_COMMA.search(text, start, end)
    alias = _ALIAS_ENDS_NAME.search(text, start, end)
    if alias is not None and (cut is None or alias.start() < cut.start(1)):
        # the name before the brackets (none when the match starts at them) and then the rest
        return ([(start, alias.start())] if alias.start() > start else []) + _spans(text, alias.end(), end)
    if cut is None:
        return [(start, end)]
    return [(start, cut.start(1))] + _spans(text, cut.end(), end)


# A name whose first word is said twice ("Heart to Heart Home Care", "Step by Step Care
# Ltd"): the joins inside names leave out "to" and "by", which also join a name to the
# words before it ("wrote to Kelworth Council").
_REPEATED_WORD_BEFORE = re.compile(r"\b([A-Z][\w’']*)[ \u00a0]+(?:to|by)[ \u00a0]+$")


def _with_repeated_word(text: str, start: int) -> int:
    m = _REPEATED_WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.start() if m and text.startswith(m.group(1) + " ", start) else start


def find_named_bodies(text: str, central_government: bool = False) -> list[BodyMention]:
    """Named bodies in text order, not overlapping; with `central_government` (a PHSO
    text), the central government agencies too."""
    mentions: list[BodyMention] = []
    for body_start, body_end in _named_body_spans(text):
        spans = _spans(text, *_trim(text, body_start, body_end)) if ", " in text[body_start:body_end] \
            or ") and " in text[body_start:body_end] else [_trim(text, body_start, body_end)]
        if " to " in text[max(0, spans[0][0] - 30):spans[0][0]] or " by " in text[max(0, spans[0][0] - 30):spans[0][0]]:
            spans[0] = (_with_repeated_word(text, spans[0][0]), spans[0][1])
        for start, end in spans:
            if _NUMBER_WORD.search(text, max(0, start - 40), start) or _NUMBER_THEN_COMPANY.match(text, end):
                start, end = _with_its_number(text, start, end)
            mention = _named_mention(text, start, end)
            if mention is not None:
                mentions.append(mention)
    if "(" in text or ", the " in text:
        extra = _named_by_role_alias(text, mentions)
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
    if "on behalf of the" in text:
        extra = _named_by_acting_for(text, mentions)
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
    if ", a" in text:
        extra = _named_by_description(text, mentions)
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
    if " and " in text:
        # (last: a name another form gives with its kind, "Quillon House, a residential
        # care home", keeps that kind)
        extra = _named_in_a_list(text, mentions)
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
    if central_government:
        extra = [BodyMention(m.start(), m.end(), m.group(), GOVERNMENT) for m in _CENTRAL_AGENCY.finditer(text)
                 if not any(n.start < m.end() and m.start() < n.end for n in mentions)]
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
    return mentions


_GENERIC_WORDS = re.compile(
    r"\b(?:NHS|Integrated|Care|Board|ICB|Clinical|Commissioning|Group|CCG|Foundation|Trust|County|City|District|"
    r"Borough|Metropolitan|Council|Ltd|Limited|The|the|and|of|Local|Authority|Home|Agency|GP|Surgery|Practice|Medical|"
    r"Centre|Health|Nursing|Residential|School|Academy|Academies|Primary|Secondary|Grammar|High|Infant|Junior|"
    r"Learning|Education|Multi|Church|England|Catholic|Roman|Summer|Sunday|Holiday|Boarding|Independent|Special|Free|"
    r"Nursery|Faith|Village|Enforcement|Agents?|Bailiffs?)\b|[,.()-]")


def _distinctive(name: str) -> bool:
    """A name says which body it is only if something is left once the type words go:
    "NHS Clinical Commissioning Group" names none."""
    return bool(_GENERIC_WORDS.sub(" ", name).strip())


# Decisions capitalise the short forms they define, so a bare "Council" or "ICB" in
# "the ICB and Council" or "The ICB, Council and Agency should ..." is a role mention too.
_BARE_ROLES = rf"({_BARE_ROLE_WORDS})\b"
# The role word is group 1 (after ", ") or group 2 (after "and "). The ", " and "and " are
# part of the match, not lookbehinds, so that every alternative starts with a literal
# character and `re` skips to the commas and "a"s instead of trying both lookbehinds at
# every position. (The "\b" before "and" is checked by a lookbehind after it, for the same
# reason.) Consuming them loses no match: the ", " or "and " before a role word cannot
# overlap the match before it, which ends with a role word, and none ends in "," or "and".
_BARE_ROLE_RE = re.compile(
    rf", {_BARE_ROLES}|"
    # (a board in full only after "and": "both the Council and Integrated Care Board (ICB)";
    # "a Council, Integrated Care Board and a Mental Health Trust" speaks of kinds of body)
    rf"and(?<=\band) ({_BARE_ROLE_WORDS}|Integrated Care Board|Clinical Commissioning Group)\b(?!\s+(?:of|tax))"
)


def find_role_mentions(text: str) -> list[BodyMention]:
    out = []
    for match in _ROLE_RE.finditer(text):
        role = match.group(1)
        out.append(BodyMention(match.start(), match.end(), match.group(0), _role_type(role), is_role=True))
    for match in _BARE_ROLE_RE.finditer(text):
        group = 1 if match.group(1) else 2
        role = match.group(group)
        out.append(BodyMention(match.start(group), match.end(group), "the " + role, _role_type(role), is_role=True))
    return sorted(out, key=lambda m: m.start)


def _role_type(role: str) -> str:
    # Case-insensitive matching lets "ſ" (long s) and "İ" stand for "s" and "i": the
    # role word is looked up as the match saw it ("the ſurgery" is "the surgery").
    return ROLE_TYPES.get(role.lower()) or ROLE_TYPES[fold(role)]


def role_key(text: str) -> str:
    """"the Council" / "The council" -> "council"."""
    return re.sub(r"^the\s+", "", text.strip().lower())


_ORDINARY_ALIAS = re.compile(r"^(?:the\s+)?(?:" + "|".join(re.escape(r) for r in ROLE_TYPES) + r")$", re.I)


# A role qualified by capitalised words or an ordinal, to tell two of a kind apart: "(the
# Ambulance Trust)" beside "(the Hospital Trust)", "(the first Trust)" beside "(the second Trust)".
_QUALIFIED_ROLE_ALIAS = re.compile(r"the\s+(?:(?:[A-Z][\w’'&-]*\s+){1,3}|(?i:first|second|third|fourth|other)\s+)"
                                   r"(?i:" + "|".join(re.escape(r) for r in ROLE_TYPES) + r")")


def is_alias_usable(alias: str) -> bool:
    """Aliases that name a body ("the Council", "Moorfields"), not "(the complainant)"."""
    a = alias.strip().lower()
    if _ORDINARY_ALIAS.match(a) or _QUALIFIED_ROLE_ALIAS.fullmatch(alias.strip()):
        return True
    return bool(re.fullmatch(r"[A-Z][\w’'&\- ]+", alias.strip())) and a not in {"mrs x", "mr x", "ms x", "x", "y", "z"} and not re.match(r"(?:mr|mrs|ms|miss|dr)\b", a)


# A PHSO case summary lists the organisations investigated by name, or anonymised by kind
# ("A GP practice", "A dental practice"); after them come the place and the complaint's tags.
_ANONYMISED = re.compile(r"an?\s+(?P<kind>[\w\s-]{1,40})", re.I)
_NOT_A_GP = re.compile(r"\b(?:dental|dentist|optician|optometrist|pharmacy|pharmacist)", re.I)
_SHORT_FORM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)$")
_ORGANISATION_WORD = re.compile(r"\b(?i:Team|Service|Services|Agency|Office|Examiner|Trust|Practice|Surgery|Board|Group|"
                                r"Council|Partnership|Authority|Department|Ministry|Commission|Tribunals?|Courts?|"
                                r"Registry|Company|Co-operatives?|Plus|Centre|CCG|ICB|Ltd|Limited)$")


def organisations_listed(lines: list[str]) -> list[tuple[str, str]]:
    """The (name, type) of each organisation a case summary lists as investigated: the
    first line, and each next line that reads as an organisation, not a place ("West
    Yorkshire Area Team" then "West Yorkshire")."""
    out: list[tuple[str, str]] = []
    for i, line in enumerate(lines):
        line = _SHORT_FORM_AFTER.sub("", line.strip())  # "HM Courts and Tribunals Service (HMCTS)"
        named = find_named_bodies(line)
        if named and named[0].start == 0 and named[0].end >= len(line.rstrip(". ")):
            out.append((line, named[0].body_type))
            continue
        anonymised = _ANONYMISED.fullmatch(line)
        if i > 0 and not (_ORGANISATION_WORD.search(line) or anonymised):
            break
        body_type = classify_name(line)
        if body_type == OTHER and anonymised and not _NOT_A_GP.search(line):
            kind = anonymised.group("kind").lower().split()
            body_type = next((ROLE_TYPES[" ".join(kind[j:])] for j in range(len(kind)) if " ".join(kind[j:]) in ROLE_TYPES), OTHER)
        out.append((line, body_type))
    return out


def as_found_in_text(name: str) -> str | None:
    """How running text's pattern finds a name whose first word it takes for a sentence's
    ("All Saints Catholic High School" is found as "Saints Catholic High School"), or None
    when it finds the name whole."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in _LEADING_NOISE else None


def split_title(title: str | None) -> str | None:
    """The bodies part of a title: "Milton Keynes Council (23 011 903a)", "P-004641 - X NHS Trust"."""
    if not title:
        return None
    m = TITLE_LINE.fullmatch(title.strip())
    if m:
        return m.group("name")
    m = re.match(r"^P-\d+\s+-\s+(.*)$", title.strip())
    if m:
        return m.group(1)
    return None

"""The bodies of one decision: every name and role the text uses, resolved to one key per
body (aliases, variants, a title's name, "the Council"), as the readers meet them."""
from __future__ import annotations

import functools
import re

from pipeline.extract import bodies as body_rules
from pipeline.extracted import Body

# a company's other name: "Living Comforts Ltd aka Home Instead", "X Ltd t/a Y Care"
TRADING_AS_WORDS = r"\s+(?i:aka|a\.k\.a\.|t/a|trading as|also known as)\s+"
TRADING_AS = re.compile(TRADING_AS_WORDS)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
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
        key = name_key(name)
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
                body_type == body_rules.COUNCIL or key.replace(" ", "") == name_key(name).replace(" ", "")
                or name_key(TRADING_AS.split(name)[0]) == key)):
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
            key = name_key(mention.text)
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
    Border Force" and "Border Force", "A P T Care Ltd" and "APT Care Limited", "X Hospitals NHS
    Trust" and "X Hospitals"."""
    key = re.sub(r"\bnhs\s+|\bfoundation\s+(?=trust$)|\b(?:city|borough|district|county)\s+(?=council$)|^uk\s+", "", expand_key(key))
    key = re.sub(r"\b(\w) (?=\w\b)", r"\1", key)  # initials spaced out: "a p t care" is "apt care"
    key = re.sub(r"(?<=[a-z])(?=\d)", " ", key)  # a number written on: "Promedica24 UK" is "Promedica 24 UK"
    key = re.sub(r"\b(hospitals?) trust$", r"\1", key)  # "X University Hospitals (the Trust)" is "X University Hospitals NHS Trust"
    return re.sub(r"\s+ltd$", "", key).replace("her majesty's ", "hm ").replace("'", "")


@functools.lru_cache(maxsize=65536)
def expand_key(key: str) -> str:
    key = re.sub(r"\bintegrated care board\b", "icb", key)
    key = re.sub(r"\bclinical commissioning group\b", "ccg", key)
    key = re.sub(r"^nhs\s+", "", key)
    return key

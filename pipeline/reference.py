"""A gazetteer of English public bodies: councils, Integrated Care Boards and CCGs.

Decisions name the same body in many ways ("London Borough of Ealing", "Ealing Council",
"NHS Bedfordshire, Luton and Milton Keynes ICB", "... Integrated Care Board"). The
reference table ``data/reference/bodies.csv`` gives each body one canonical name, and
`Gazetteer` maps a name as written in a decision onto that row, so a body is counted once
across decisions. Bodies that were abolished (a CCG in July 2022, a district council in a
reorganisation) name their successor, and `Gazetteer.successor_of` follows the chain to the
body that holds the record today.

    >>> g = default_gazetteer()
    >>> g.lookup("Ealing Council").canonical_name
    'London Borough of Ealing'
    >>> g.successor_of(g.lookup("NHS Kernow CCG")).canonical_name
    'NHS Cornwall and the Isles of Scilly Integrated Care Board'

Matching is exact on a normalised key (see `normalise`), never fuzzy: a name that is not in
the table, or that could mean two bodies, gives ``None``.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "reference" / "bodies.csv"

BODY_TYPES = ("council", "icb", "ccg", "nhs_trust", "gp_practice", "care_provider", "government", "other")
COLUMNS = ("canonical_name", "body_type", "code", "successor", "aliases", "valid_from", "valid_to")
SEPARATOR = "|"  # between aliases, and between successors when a body was split


@dataclass(frozen=True)
class ReferenceBody:
    """One row of the reference table."""

    canonical_name: str
    body_type: str  # one of BODY_TYPES
    code: str | None  # ONS code for councils (E06..E10), ODS code for ICBs and CCGs
    successor: str | None  # canonical name of the successor; several joined by "|" if split
    valid_from: dt.date | None  # None: before the period the table covers, or not known
    valid_to: dt.date | None  # None: the body still exists
    aliases: tuple[str, ...] = ()

    @property
    def successors(self) -> tuple[str, ...]:
        """Canonical names of the direct successors (more than one when the body was split)."""
        return tuple(s for s in (self.successor or "").split(SEPARATOR) if s)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


# --- normalisation -------------------------------------------------------------------

_PARENTHESES = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"['\u2019]s$")  # "Ealing Council's"
_APOSTROPHES = re.compile(r"['\u2018\u2019`]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LONG_FORMS = (
    (re.compile(r"\bintegrated care board\b"), "icb"),
    (re.compile(r"\bclinical commissioning group\b"), "ccg"),
    (re.compile(r"\bsaint\b"), "st"),
)
_REPEATED_SUFFIX = re.compile(r"\b(icb|ccg)(?: \1\b)+")
_NHS_BODY = re.compile(r" (?:icb|ccg)$")


def normalise(name: str) -> str:
    """The matching key of a name: lower case, no accents, punctuation or parentheses,
    "&" as "and", no leading "the", "Integrated Care Board"/"Clinical Commissioning Group"
    as "icb"/"ccg", and for those no leading "nhs" (so the NHS prefix is optional).

    >>> normalise("The NHS Bedfordshire, Luton & Milton Keynes Integrated Care Board (ICB)")
    'bedfordshire luton and milton keynes icb'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _PARENTHESES.sub(" ", text).replace("&", " and ")
    text = _POSSESSIVE.sub("", text.strip())
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    for pattern, short in _LONG_FORMS:
        text = pattern.sub(short, text)
    text = _REPEATED_SUFFIX.sub(r"\1", text)
    text = re.sub(r"^the ", "", text)
    if _NHS_BODY.search(text):
        text = re.sub(r"^nhs ", "", text)
    return text


# --- the other ways a council's name is written ------------------------------------------

_COUNCIL_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^London Borough of (?P<x>.+?)(?: Council)?$"), "london_borough"),
    (re.compile(r"^Royal Borough of (?P<x>.+?)(?: Council)?$"), "royal_borough"),
    (re.compile(r"^(?:City of )?(?P<x>.+) Metropolitan Borough Council$"), "metropolitan_borough"),
    (re.compile(r"^(?:City of )?(?P<x>.+) Metropolitan District Council$"), "metropolitan_district"),
    (re.compile(r"^City of (?P<x>.+) Council$"), "city"),
    (re.compile(r"^(?P<x>.+) City Council$"), "city"),
    (re.compile(r"^Borough Council of (?P<x>.+)$"), "borough_of"),
    (re.compile(r"^(?P<x>.+) (?:Borough|District) Council$"), "borough"),
)


def council_variants(name: str, london: bool = False) -> list[str]:
    """Other usual forms of a council's name, derived from its form.

    "X County Council" gets none: "X Council" must not stand for a county council, since
    a district, borough or city council (or a successor unitary, e.g. "Somerset Council")
    may carry the same place name.
    """
    for pattern, form in _COUNCIL_FORMS:
        match = pattern.match(name)
        if not match:
            continue
        x = match.group("x")
        if x.endswith(" and"):  # "St Albans City and District Council": aliases cover it
            return []
        if x == "London":  # "City of London Council" must not yield "London Council"
            return []
        if form == "london_borough":
            return [f"London Borough of {x}", f"London Borough of {x} Council",
                    f"{x} London Borough Council", f"{x} Borough Council", f"{x} Council",
                    f"LB {x}", f"{x} LBC"]
        if form == "royal_borough":
            forms = [f"Royal Borough of {x}", f"Royal Borough of {x} Council",
                     f"{x} Royal Borough Council", f"{x} Borough Council", f"{x} Council"]
            return forms + ([f"{x} London Borough Council"] if london else [])
        if form == "metropolitan_borough":
            return [f"{x} Council", f"{x} Borough Council", f"{x} Metropolitan Borough Council",
                    f"{x} Metropolitan Council", f"{x} MBC", f"Metropolitan Borough of {x}"]
        if form == "metropolitan_district":
            return [f"{x} Council", f"{x} Metropolitan District Council", f"{x} MDC"]
        if form == "city":
            return [f"{x} City Council", f"City of {x} Council", f"{x} Council"]
        if form == "borough_of":
            return [f"{x} Borough Council", f"{x} Council"]
        return [f"{x} Council"]
    return []


def _variants(body: ReferenceBody) -> list[str]:
    if body.body_type == "council":
        london = (body.code or "").startswith("E09")
        return [v for name in (body.canonical_name, *body.aliases)
                for v in council_variants(name, london)]
    if body.body_type == "icb":  # ICBs brand themselves "NHS X"
        return [body.canonical_name.removesuffix(" Integrated Care Board")]
    return []


# --- the gazetteer -------------------------------------------------------------------------


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _row_to_body(row: dict[str, str]) -> ReferenceBody:
    cells = {column: (row.get(column) or "").strip() for column in COLUMNS}
    if cells["body_type"] not in BODY_TYPES:
        raise ValueError(f"{cells['canonical_name']!r}: unknown body_type {cells['body_type']!r}")
    aliases = tuple(a.strip() for a in cells["aliases"].split(SEPARATOR) if a.strip())
    return ReferenceBody(
        canonical_name=cells["canonical_name"],
        body_type=cells["body_type"],
        code=cells["code"] or None,
        successor=cells["successor"] or None,
        valid_from=_date(cells["valid_from"]),
        valid_to=_date(cells["valid_to"]),
        aliases=aliases,
    )


class Gazetteer:
    """Reference bodies, indexed by the normalised form of every name they go by.

    Names from the table (canonical names and aliases) are authoritative: two bodies
    claiming one of them is an error in the table. Derived forms ("Ealing Council" from
    "London Borough of Ealing") only fill keys the table leaves free, and a derived key
    claimed by two bodies is dropped (see `ambiguous`) rather than guessed.
    """

    def __init__(self, bodies: list[ReferenceBody]) -> None:
        self._bodies: tuple[ReferenceBody, ...] = tuple(bodies)
        self._by_name: dict[str, ReferenceBody] = {}
        for body in bodies:
            if body.canonical_name in self._by_name:
                raise ValueError(f"duplicate canonical name {body.canonical_name!r}")
            self._by_name[body.canonical_name] = body
        for body in bodies:
            for name in body.successors:
                if name not in self._by_name:
                    raise ValueError(f"{body.canonical_name!r}: unknown successor {name!r}")

        self._index: dict[str, ReferenceBody] = {}
        self._written: dict[str, ReferenceBody] = {}  # every written form that resolves
        for body in bodies:
            for name in (body.canonical_name, *body.aliases):
                key = normalise(name)
                other = self._index.get(key)
                if other is not None and other is not body:
                    raise ValueError(f"{name!r} names both {other.canonical_name!r} "
                                     f"and {body.canonical_name!r}")
                self._index[key] = body
                self._written[name] = body

        derived: dict[str, set[str]] = {}
        derived_names: list[tuple[str, str]] = []
        for body in bodies:
            for name in _variants(body):
                key = normalise(name)
                derived_names.append((name, key))
                if key not in self._index:
                    derived.setdefault(key, set()).add(body.canonical_name)
        #: derived keys left out because they would name more than one body
        self.ambiguous: dict[str, frozenset[str]] = {}
        for key, owners in derived.items():
            if len(owners) == 1:
                self._index[key] = self._by_name[next(iter(owners))]
            else:
                self.ambiguous[key] = frozenset(owners)
        for name, key in derived_names:
            if key in self._index:
                self._written.setdefault(name, self._index[key])

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Read the reference table (default: ``data/reference/bodies.csv`` of the repo)."""
        with open(path or DEFAULT_PATH, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = set(COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise ValueError(f"{path or DEFAULT_PATH}: missing columns {sorted(missing)}")
            return cls([_row_to_body(row) for row in reader if (row.get("canonical_name") or "").strip()])

    def __len__(self) -> int:
        return len(self._bodies)

    def __iter__(self) -> Iterator[ReferenceBody]:
        return iter(self._bodies)

    def bodies(self, body_type: str | None = None, current_only: bool = False) -> list[ReferenceBody]:
        """Bodies in table order, optionally of one type and/or still in existence."""
        return [b for b in self._bodies
                if (body_type is None or b.body_type == body_type)
                and (not current_only or b.is_current)]

    def get(self, canonical_name: str) -> ReferenceBody | None:
        """The body with exactly this canonical name."""
        return self._by_name.get(canonical_name)

    def lookup(self, name: str) -> ReferenceBody | None:
        """The body a name as written in a decision stands for, or None."""
        return self._index.get(normalise(name))

    def _as_body(self, body: ReferenceBody | str) -> ReferenceBody | None:
        return self.lookup(body) if isinstance(body, str) else body

    def successors_of(self, body: ReferenceBody | str) -> list[ReferenceBody]:
        """The current bodies that took over from `body` (several if it was split).

        Empty for a current body and for a name not in the table.
        """
        start = self._as_body(body)
        if start is None:
            return []
        found: list[ReferenceBody] = []
        seen = {start.canonical_name}
        todo = [self._by_name[n] for n in start.successors]
        while todo:
            nxt = todo.pop(0)
            if nxt.canonical_name in seen:
                continue
            seen.add(nxt.canonical_name)
            if nxt.successors:
                todo.extend(self._by_name[n] for n in nxt.successors)
            else:
                found.append(nxt)
        return found

    def successor_of(self, body: ReferenceBody | str) -> ReferenceBody | None:
        """The one current body that holds `body`'s record today (following e.g. district
        council -> 2019 council -> 2023 unitary, or CCG -> ICB).

        None when `body` is current, unknown, or was split between several successors
        (use `successors_of` for those).
        """
        found = self.successors_of(body)
        return found[0] if len(found) == 1 else None

    def current_of(self, body: ReferenceBody | str) -> ReferenceBody | None:
        """`body` itself if it still exists, else its single current successor."""
        start = self._as_body(body)
        if start is None or start.is_current:
            return start
        return self.successor_of(start)

    def names(self, variants: bool = True) -> list[str]:
        """Every canonical name and alias, and (with `variants`) every derived form that
        resolves to one body ("Ealing Council"), e.g. for a spaCy PhraseMatcher (attr="LOWER").
        Each name is one that `lookup` resolves."""
        if variants:
            return sorted(self._written)
        return sorted({n for b in self._bodies for n in (b.canonical_name, *b.aliases)})

    def keys(self) -> dict[str, ReferenceBody]:
        """A copy of the normalised-key index."""
        return dict(self._index)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The repo's reference table, loaded once per process."""
    return Gazetteer.load()

"""Sums of money as decisions write them: "£1,000", "£250.50", "£2k", "£1.2 million"."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

# A pound sign, then digits with thousands commas in the British places (so "£1,00,000"
# is not read as one sum), optional pence, optional "k"/"million".
AMOUNT_RE = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<pence>\.\d{1,2})?(?!,\d)"
    r"(?:\s?(?P<mult>k\b|million\b|m\b))?",
    re.IGNORECASE,
)

# No single ombudsman award reaches this; a larger figure is a misread or not an award.
MAX_AWARD = Decimal(1_000_000)


def parse_amount(match: re.Match) -> Decimal | None:
    """The sum in pounds, or None when the text is not a plausible sum."""
    try:
        value = Decimal(match.group("num").replace(",", "") + (match.group("pence") or ""))
    except InvalidOperation:
        return None
    mult = (match.group("mult") or "").lower()
    if mult == "k":
        value *= 1000
    elif mult in ("million", "m"):
        value *= 1_000_000
    if value <= 0 or value > MAX_AWARD * 100:
        return None
    return value


class Amount(NamedTuple):
    """A sum found in a text: its character offsets and its value in pounds."""
    start: int
    end: int
    value: Decimal


def find_amounts(text: str) -> list[tuple[re.Match, Decimal]]:
    found = []
    for match in AMOUNT_RE.finditer(text):
        value = parse_amount(match)
        if value is not None:
            found.append((match, value))
    return found

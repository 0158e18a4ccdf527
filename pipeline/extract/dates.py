"""Dates as decisions write them, and deadlines relative to the decision date.

"by 29 October 2025", "by 18 02 26", "within one month of the final decision",
"within 20 working days", "within four weeks of the date of our final report".
Calendar months add to the month (31 January + one month = 28/29 February); weeks are 7
days; working days skip Saturdays and Sundays (bank holidays are not known here).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple


class DeadlinePhrase(NamedTuple):
    """A deadline phrase found in a text, by its character offsets: "by 29 October 2025"
    (`date_text` "29 October 2025") or "within one month of the final decision"
    (`period_text` "one month", counted from the decision)."""
    start: int
    end: int
    text: str
    date_text: str | None
    period_text: str | None

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

# Lower case, for patterns compiled with re.IGNORECASE: a `Cue` searches a lower-case
# pattern in the folded text, which is faster (pipeline.extract.cues).
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# "29 October 2025", "29th October 2025", "29th of October 2025", "18 02 26", "18/02/2026"
DATE_PATTERN = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_RE}\.?,?\s+\d{{4}}"
    r"|\d{1,2}[ /.-]\d{1,2}[ /.-](?:\d{4}|\d{2}))"
)
# "the end of October 2025": the month's last day.
MONTH_END_PATTERN = rf"end\s+of\s+{_MONTH_RE}\.?,?\s+\d{{4}}"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A count in digits or in words ("28", "twenty-eight", "fifteen", "a"), and the digits some
# decisions add after the words: "one (1) month", "three (3) months".
_NUM = (r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:" + _UNITS + r"))?"
        r"|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
        r"|seventeen|eighteen|nineteen)(?:\s*\(\d{1,3}\))?")
PERIOD_PATTERN = rf"{_NUM}\s+(?:calendar\s+|working\s+|business\s+)?(?:months?|weeks?|days?)"

_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_PERIOD_RE = re.compile(rf"({_NUM})\s+(calendar\s+|working\s+|business\s+)?(month|week|day)s?", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """Parse one written date; None if it is not a real date."""
    text = text.strip().rstrip(".,")
    end = re.fullmatch(r"end\s+of\s+([A-Za-z]+)\.?,?\s+(\d{4})", text, re.I)
    if end:
        month = MONTHS.get(end.group(1).lower())
        return dt.date(int(end.group(2)), month, calendar.monthrange(int(end.group(2)), month)[1]) if month else None
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", text)
    try:
        if m:
            month = MONTHS.get(m.group(2).lower())
            return dt.date(int(m.group(3)), month, int(m.group(1))) if month else None
        m = re.fullmatch(r"(\d{1,2})[ /.-](\d{1,2})[ /.-](\d{4}|\d{2})", text)
        if m:
            year = int(m.group(3))
            year = year + 2000 if year < 100 else year
            return dt.date(year, int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_working_days(day: dt.date, count: int) -> dt.date:
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def count_of(raw: str) -> int:
    """"28", "twenty-eight", "twenty eight", "fifteen", "a", "one (1)" as a number."""
    raw = re.sub(r"\s*\(\d+\)$", "", raw.strip().lower())
    if raw.isdigit():
        return int(raw)
    tens, _, unit = raw.replace(" ", "-").partition("-")
    if tens in TENS:
        return TENS[tens] + (NUMBER_WORDS[unit] if unit else 0)
    return NUMBER_WORDS[raw]


def resolve_period(period_text: str, start: dt.date) -> dt.date | None:
    """"three months" / "20 working days" / "4 weeks" counted from `start`."""
    m = _PERIOD_RE.search(period_text)
    if not m:
        return None
    count = count_of(m.group(1))
    unit, kind = m.group(3).lower(), (m.group(2) or "").strip().lower()
    if unit == "month":
        return add_months(start, count)
    if unit == "week":
        return start + dt.timedelta(weeks=count)
    if kind in ("working", "business"):
        return add_working_days(start, count)
    return start + dt.timedelta(days=count)


def find_dates(text: str) -> list[re.Match]:
    return list(_DATE_RE.finditer(text))


def due_date(date_text: str | None, period: str | None, decision_date: dt.date | None) -> dt.date | None:
    """The date a deadline phrase sets: its written date ("by 29 October 2025"), else its
    period counted from the decision date ("within one month of the final decision");
    None when it has neither, or a period and no decision date."""
    if date_text:
        return parse_date(date_text)
    if period and decision_date:
        return resolve_period(period, decision_date)
    return None

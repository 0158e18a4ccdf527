"""The one input shape of the pipeline: a published decision as a `DecisionRecord`.

Everything that enters the pipeline (a scraped page, a saved LGSCO ``.html`` page, a line
of a ``records.jsonl`` file in the record format of ANNOTATION.md) becomes a
`DecisionRecord`. Readers never raise on bad input: they yield `InputFailure`s, so one
broken line or file is reported and the rest of the batch still lands.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Union

SOURCES = ("lgsco", "phso")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Limits on what a record may hold, checked when it is read. Real decisions are 2,000 to
# 100,000 characters (a long chaptered report a few times that); 1,000,000 is spaCy's
# default `max_length`, ten times the longest decision, so a text past it is not a decision
# but a broken export, and fails here in one line instead of in spaCy (E088) on every
# later run. A reference is the decision's id: "23 011 903a", "P-004641", never a megabyte.
MAX_TEXT_CHARS = 1_000_000
MAX_REFERENCE_CHARS = 100

# The JSON type each field of the record format must have (None is allowed for all but
# source, reference and text). A number or a list where a string belongs is a mistake in
# whatever wrote the file; loading it as is would fail the whole batch in the database.
# `reference` as a number is refused too, not converted: a published reference is text
# ("23 011 903a", "P-004641"), a JSON number has lost its spaces and leading zeros, so the
# converted id would never match the published one.
FIELD_TYPES: dict[str, type] = {
    "source": str, "reference": str, "text": str, "url": str, "title": str,
    "decision_date": str, "category": str, "outcome": str, "truncated": bool,
}
_JSON_TYPE_NAMES = {str: "a string", bool: "true or false", int: "number", float: "number", list: "list",
                    dict: "object"}

# The bundled fictional sample (data/sample): records read from there are marked as
# sample data in the database and never mixed with real decisions (pipeline.db).
SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


def _has_surrogate(value: str) -> bool:
    # Encoding fails on a lone surrogate and on nothing else; it runs at memory speed,
    # a regex search over a 17,000-character text does not.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class RecordError(ValueError):
    """A record that cannot enter the pipeline; the message says why, in one line."""


@dataclass
class DecisionRecord:
    source: str
    reference: str
    text: str
    url: str | None = None
    title: str | None = None
    decision_date: str | None = None  # ISO date, when the publisher gives it as metadata
    category: str | None = None
    outcome: str | None = None  # as published ("Upheld"); normalised by the extractor
    truncated: bool = False
    origin: str | None = field(default=None, compare=False)  # file:line it came from

    def __post_init__(self) -> None:
        # JSON can carry lone surrogates ("\\ud800"); no encoder, tokenizer or database
        # accepts them, so they become U+FFFD here, once, for every input path. NUL
        # characters are dropped: they mean nothing in a decision and break tools that
        # read the database's text as C strings.
        for name in ("text", "title", "reference", "category", "outcome", "url"):
            value = getattr(self, name)
            if isinstance(value, str):
                if _has_surrogate(value):
                    value = _SURROGATE.sub("\ufffd", value)
                if "\x00" in value:
                    value = value.replace("\x00", "")
                setattr(self, name, value)

    @property
    def decision_id(self) -> str:
        return f"{self.source}:{self.reference}"

    @property
    def is_sample(self) -> bool:
        """Read from the bundled fictional sample (data/sample)?"""
        if not self.origin or "://" in self.origin:  # no origin, or a URL: scraped
            return False
        path = Path(re.sub(r":\d+$", "", self.origin))  # "file:line" -> file
        return path.resolve().is_relative_to(SAMPLE_DIR)

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("origin")
        return data


@dataclass
class InputFailure:
    """An input that could not become a record: where it was and why."""

    origin: str  # "path:line" or "path" or a URL
    reason: str
    source: str | None = None
    reference: str | None = None
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


ReadResult = Union[DecisionRecord, InputFailure]

_DATE_FORMATS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d/%m/%Y")


def parse_iso_date(value: str | None) -> str | None:
    """Return an ISO date for the date formats publishers use, None for None/empty.

    Raises RecordError for a date that is present but unreadable or impossible, so a
    record never carries a date the database cannot hold.
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    # ISO timestamps ("2026-01-19T00:00:00Z") as the PHSO API gives them.
    head = value[:10] if re.match(r"\d{4}-\d{2}-\d{2}T", value) else value
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(head, fmt).date()
        except ValueError:
            continue
        if not dt.date(1990, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=366):
            raise RecordError(f"implausible date {value!r}")
        return day.isoformat()
    raise RecordError(f"unreadable date {value!r}")


def check_limits(record: DecisionRecord) -> None:
    """Raise RecordError when a record is past the documented limits (MAX_TEXT_CHARS,
    MAX_REFERENCE_CHARS); every path into the database checks this, scraped or read."""
    _check_reference(record.reference)
    if len(record.text) > MAX_TEXT_CHARS:
        raise RecordError(f"{record.decision_id} text is {len(record.text):,} characters, more than the "
                          f"{MAX_TEXT_CHARS:,} a decision can have (MAX_TEXT_CHARS)")


def _check_reference(reference: str) -> None:
    if len(reference) > MAX_REFERENCE_CHARS:
        raise RecordError(f"reference is {len(reference):,} characters, more than {MAX_REFERENCE_CHARS}: "
                          f"not a case reference")


def _check_types(data: dict) -> None:
    for name, expected in FIELD_TYPES.items():
        value = data.get(name)
        if value is not None and type(value) is not expected:
            got = _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
            raise RecordError(f"{name} must be {_JSON_TYPE_NAMES[expected]}, got {got}")


def record_from_dict(data: dict, origin: str | None = None) -> DecisionRecord:
    """Validate one object in the record format and build a record from it."""
    if not isinstance(data, dict):
        raise RecordError("not a JSON object")
    source = data.get("source")
    if source not in SOURCES:
        raise RecordError(f"source must be one of {', '.join(SOURCES)}, got {_short(source)}")
    _check_types(data)
    reference = (data.get("reference") or "").strip()
    if not reference:
        raise RecordError("no reference")
    _check_reference(reference)
    text = data.get("text")
    if text is None or not text.strip():
        raise RecordError(f"{source}:{reference} has no text")
    record = DecisionRecord(
        source=source,
        reference=reference,
        text=text,
        url=data.get("url") or None,
        title=data.get("title") or None,
        decision_date=parse_iso_date(data.get("decision_date")),
        category=data.get("category") or None,
        outcome=data.get("outcome") or None,
        truncated=bool(data.get("truncated", False)),
        origin=origin,
    )
    check_limits(record)
    return record


def _short(value: object, limit: int = 60) -> str:
    """repr() of a value, cut to one readable line (a failure message must stay one line)."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def read_jsonl(path: str | Path) -> Iterator[ReadResult]:
    """Yield a record per good line of a JSONL file and a failure per bad one."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield InputFailure(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    if b"\x00" in raw[:8192]:
        yield InputFailure(str(path), "binary file, not JSON lines")
        return
    if not raw.strip():
        yield InputFailure(str(path), "empty file: no records")
        return
    for lineno, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{lineno}"
        try:
            data = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputFailure(origin, "not UTF-8 text")
            continue
        except json.JSONDecodeError as exc:
            yield InputFailure(origin, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield record_from_dict(data, origin)
        except RecordError as exc:
            # The failure row keeps source and reference only when they are plain strings
            # of a sane length: they are what the input got wrong.
            ref = data.get("reference") if isinstance(data, dict) else None
            src = data.get("source") if isinstance(data, dict) else None
            yield InputFailure(origin, str(exc), source=src if src in SOURCES else None,
                               reference=ref if isinstance(ref, str) and len(ref) <= MAX_REFERENCE_CHARS else None)

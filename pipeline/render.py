"""Rows as text: the one renderer behind every command that prints rows (`query`,
`status`, `similar`), in the formats of `--format`.

- table: for people. Numbers right-aligned, long cells cut with "…" (the full value is one
  `--format csv` away), lists joined with ", ", line breaks in a cell shown as spaces.
- csv: for spreadsheets. Lists and structs as JSON arrays and objects, so a cell can be
  read back; NULL as an empty cell.
- json: for programs. One array of objects; DECIMAL amounts as numbers, dates as ISO text.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from decimal import Decimal
from typing import Any, Sequence, TextIO

FORMATS = ("table", "csv", "json")
MAX_WIDTH = 60  # characters per table cell
ELLIPSIS = "…"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        # Amounts are DECIMAL(12, 2): a float holds every one of them exactly enough to
        # print back the same digits, and JSON readers expect a number.
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def to_json(value: Any) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return to_json(value)
    return value


def _table_cell(value: Any, width: int) -> str:
    if value is None:
        text = ""
    elif isinstance(value, (list, tuple)):
        text = ", ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, dict):
        text = to_json(value)
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ", timespec="seconds")  # microseconds are noise to a reader
    else:
        text = str(value)
    text = " ".join(text.split()) if ("\n" in text or "\r" in text or "\t" in text) else text
    return text if len(text) <= width else text[:width - 1] + ELLIPSIS


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = MAX_WIDTH) -> str:
    """A plain-text table with a row count; numeric columns right-aligned."""
    numeric = [bool(rows) and all(_number(r[i]) for r in rows if r[i] is not None)
               and any(r[i] is not None for r in rows) for i in range(len(columns))]
    head = [_table_cell(c, max_width) for c in columns]
    cells = [[_table_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(head[i])] + [len(r[i]) for r in cells]) for i in range(len(columns))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    lines = [line(head), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table",
           out: TextIO | None = None) -> None:
    """Write `rows` (tuples in the order of `columns`) to `out` in `fmt`."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps([dict(zip(columns, r)) for r in rows], default=_json_default, ensure_ascii=False,
                             indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    elif fmt == "table":
        out.write(table(columns, rows) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")

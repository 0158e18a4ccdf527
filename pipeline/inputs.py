"""Local inputs to `ombudsman ingest`: JSONL records, saved LGSCO pages, folders of them."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from pipeline.records import InputFailure, ReadResult, RecordError, read_jsonl

HTML_SUFFIXES = {".html", ".htm"}
MAX_PAGE_BYTES = 20 * 1024 * 1024  # a decision page is tens of kB; anything this big is not one


def read_html(path: Path) -> ReadResult:
    from scrapers.lgsco import parse_decision_page

    try:
        if path.stat().st_size > MAX_PAGE_BYTES:
            return InputFailure(str(path), f"page larger than {MAX_PAGE_BYTES // 2**20} MB: not a decision page")
        raw = path.read_bytes()
    except OSError as exc:
        return InputFailure(str(path), f"cannot read file: {exc.strerror or exc}")
    try:
        record = parse_decision_page(raw, url=None)
    except RecordError as exc:
        return InputFailure(str(path), str(exc), stage="parse")
    record.origin = str(path)
    return record


def read_inputs(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Records from each path; a folder is read for its .jsonl and .html files, in name order,
    and a raw store folder (scrapers/store.py) for the decisions stored in it."""
    from scrapers.store import MANIFEST, is_raw_store, iter_stored

    for raw in paths:
        path = Path(raw)
        if path.is_dir() and is_raw_store(path):
            # A raw store (data/raw): its decisions are rebuilt from the stored pages, as
            # `run --offline` does; its manifest and objects are not records themselves.
            yield from iter_stored(path)
        elif path.name == MANIFEST and is_raw_store(path.parent):
            yield InputFailure(str(path), f"a raw store's manifest, not records: ingest its folder ({path.parent})")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and (p.suffix in HTML_SUFFIXES or p.suffix == ".jsonl")
                           and p.name != "gold.jsonl")
            if not files:
                yield InputFailure(str(path), "folder holds no .jsonl or .html files")
            for file in files:
                yield from read_inputs([file])
        elif not path.exists():
            yield InputFailure(str(path), "no such file")
        elif path.suffix == ".jsonl":
            yield from read_jsonl(path)
        elif path.suffix.lower() in HTML_SUFFIXES:
            yield read_html(path)
        else:
            yield InputFailure(str(path), "unsupported file type (expected .jsonl or .html)")

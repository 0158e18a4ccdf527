"""The raw store: every page fetched, kept byte for byte, so extraction never needs the network.

Layout under ``raw_dir``::

    objects/ab/abcdef....html|json   page bytes, named by their sha256 (content-addressed)
    manifest.jsonl                   append-only: one line per fetch (url, fetched_at, status,
                                     sha256, etag, last_modified, source, reference, kind, ...)
    <source>/checkpoint.json         discovery progress per date window, for resuming

Objects are written to a temporary file and moved into place with ``os.replace``, so an
interrupted write never leaves a corrupt object. A torn last manifest line (a crash mid
append) is skipped when reading and never glued to the next entry.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pipeline.records import DecisionRecord, InputFailure

log = logging.getLogger(__name__)

MANIFEST = "manifest.jsonl"
OBJECTS = "objects"
CHECKPOINT = "checkpoint.json"


class StoreError(Exception):
    """A stored object is missing or does not match its hash."""


@dataclass
class Entry:
    """One line of the manifest: one fetch of one URL."""

    url: str
    fetched_at: str
    status: int  # 200, or 304 when a conditional request confirmed the stored copy
    sha256: str
    etag: str | None = None
    last_modified: str | None = None
    source: str | None = None
    reference: str | None = None
    kind: str = "decision"  # "decision" (a decision page or API detail) or "chapter"
    ext: str = "html"
    size: int | None = None
    meta: dict[str, Any] | None = field(default=None)  # listing facts the page lacks (PHSO)

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        known = {k: data.get(k) for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class RawStore:
    def __init__(self, raw_dir: str | os.PathLike):
        self.root = Path(raw_dir)
        self.manifest_path = self.root / MANIFEST
        self._latest: dict[str, Entry] | None = None
        self._checked_tail = False

    # -- objects ---------------------------------------------------------------------
    def object_path(self, sha256: str, ext: str) -> Path:
        return self.root / OBJECTS / sha256[:2] / f"{sha256}.{ext}"

    def put_object(self, content: bytes, ext: str) -> str:
        sha = hashlib.sha256(content).hexdigest()
        path = self.object_path(sha, ext)
        try:
            intact = hashlib.sha256(path.read_bytes()).hexdigest() == sha
        except OSError:
            intact = False
        if not intact:  # absent, or damaged since: (re)write it
            _atomic_write(path, content)
        return sha

    def read_object(self, sha256: str, ext: str) -> bytes:
        path = self.object_path(sha256, ext)
        try:
            data = path.read_bytes()
        except OSError:
            raise StoreError(f"stored object {sha256[:12]}….{ext} is missing") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreError(f"stored object {sha256[:12]}….{ext} does not match its hash")
        return data

    def has_object(self, entry: Entry) -> bool:
        return self.object_path(entry.sha256, entry.ext).exists()

    # -- manifest --------------------------------------------------------------------
    def entries(self) -> Iterator[Entry]:
        try:
            fh = self.manifest_path.open("rb")
        except FileNotFoundError:
            return
        with fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    yield Entry.from_json(json.loads(line))
                except (ValueError, TypeError):
                    log.warning("%s:%d: skipping unreadable manifest line", self.manifest_path, lineno)

    def _index(self) -> dict[str, Entry]:
        if self._latest is None:
            self._latest = {}
            for entry in self.entries():
                self._latest[entry.url] = entry
        return self._latest

    def latest(self, url: str) -> Entry | None:
        """The newest manifest entry for a URL, or None."""
        return self._index().get(url)

    def stored(self, url: str) -> Entry | None:
        """The newest entry for a URL whose object is present, or None."""
        entry = self.latest(url)
        if entry is not None and self.has_object(entry):
            return entry
        return None

    def append(self, entry: Entry) -> Entry:
        self.root.mkdir(parents=True, exist_ok=True)
        line = json.dumps(asdict(entry), ensure_ascii=False, sort_keys=True) + "\n"
        with self.manifest_path.open("ab") as fh:
            if not self._checked_tail:
                # A crash mid-append can leave a line without its newline; start afresh.
                if fh.tell() > 0:
                    with self.manifest_path.open("rb") as rd:
                        rd.seek(-1, os.SEEK_END)
                        if rd.read(1) != b"\n":
                            fh.write(b"\n")
                self._checked_tail = True
            fh.write(line.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        self._index()[entry.url] = entry
        return entry

    def put(self, url: str, content: bytes, *, status: int = 200, source: str | None = None,
            reference: str | None = None, kind: str = "decision", ext: str = "html",
            etag: str | None = None, last_modified: str | None = None,
            meta: dict | None = None) -> Entry:
        """Store page bytes (object first, then the manifest line that points at it)."""
        sha = self.put_object(content, ext)
        return self.append(Entry(url=url, fetched_at=_now(), status=status, sha256=sha, etag=etag,
                                 last_modified=last_modified, source=source, reference=reference,
                                 kind=kind, ext=ext, size=len(content), meta=meta))

    def confirm(self, previous: Entry, *, etag: str | None = None,
                last_modified: str | None = None) -> Entry:
        """Record a 304: the stored copy is still current."""
        entry = Entry(**{**asdict(previous), "fetched_at": _now(), "status": 304,
                         "etag": etag or previous.etag,
                         "last_modified": last_modified or previous.last_modified})
        return self.append(entry)

    # -- checkpoints -----------------------------------------------------------------
    def checkpoint(self, source: str) -> "Checkpoint":
        return Checkpoint(self.root / source / CHECKPOINT)


class Checkpoint:
    """Discovery progress per date window: ``{"windows": {"fd..td": {...}}}``.

    A window state holds ``next_page`` (resume point), ``total`` (results reported),
    ``split`` (crawled as smaller windows), ``done`` and ``finished_at``. Every update is
    written atomically, so an interrupted crawl resumes at the page it stopped at.
    """

    def __init__(self, path: Path):
        self.path = path
        try:
            self.data = json.loads(path.read_text("utf-8"))
            if not isinstance(self.data.get("windows"), dict):
                raise ValueError("no windows")
        except FileNotFoundError:
            self.data = {"version": 1, "windows": {}}
        except (ValueError, AttributeError):
            log.warning("%s is unreadable; discovery starts afresh", path)
            self.data = {"version": 1, "windows": {}}

    def get(self, key: str) -> dict:
        return dict(self.data["windows"].get(key, {}))

    def update(self, key: str, **fields: Any) -> None:
        state = self.data["windows"].setdefault(key, {})
        state.update(fields)
        state["updated_at"] = _now()
        _atomic_write(self.path, json.dumps(self.data, indent=1, sort_keys=True).encode("utf-8"))


def is_raw_store(path: str | os.PathLike) -> bool:
    """Is this folder a raw store (it has a manifest)?"""
    return (Path(path) / MANIFEST).is_file()


def iter_stored(raw_dir: str | os.PathLike, source: str | None = None,
                skip_references: set[str] = frozenset()) -> Iterator[DecisionRecord | InputFailure]:
    """Rebuild a record from every stored decision, newest copy of each, without the network.

    Yields an InputFailure(stage="parse" or "store") for a stored page that no longer
    parses or whose object is missing, so one bad page never stops the batch. Decisions
    whose manifest reference is in `skip_references` are not read at all (a database that
    already holds them).
    """
    from scrapers import lgsco, phso  # here, not at the top: they import this module

    store = RawStore(raw_dir)
    latest: dict[tuple[str, str], Entry] = {}
    for entry in store._index().values():
        if entry.kind != "decision" or entry.source is None:
            continue
        if source is not None and entry.source != source:
            continue
        if entry.reference is not None and entry.reference in skip_references:
            continue
        # One decision may sit under two URLs (a category renamed); keep the newest.
        key = (entry.source, entry.reference or entry.url)
        prev = latest.get(key)
        if prev is None or entry.fetched_at >= prev.fetched_at:
            latest[key] = entry
    readers = {"lgsco": lgsco.record_from_store, "phso": phso.record_from_store}
    for entry in sorted(latest.values(), key=lambda e: (e.source, e.reference or "", e.url)):
        reader = readers.get(entry.source)
        if reader is None:
            continue
        yield reader(store, entry)

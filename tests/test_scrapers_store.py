"""Raw store, checkpoints, date windows and progress output."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import os

import pytest

from pipeline.records import InputFailure
from scrapers.crawl import Progress, Window, windows
from scrapers.store import Checkpoint, RawStore, StoreError, iter_stored


def test_objects_are_content_addressed_and_deduplicated(tmp_path):
    store = RawStore(tmp_path)
    page = b"<html>decision</html>"
    sha = hashlib.sha256(page).hexdigest()
    a = store.put("http://x/decisions/a/b/25-000-001", page, source="lgsco", reference="25 000 001")
    b = store.put("http://x/decisions/a/b/25-000-002", page, source="lgsco", reference="25 000 002")
    assert a.sha256 == b.sha256 == sha
    assert (tmp_path / "objects" / sha[:2] / f"{sha}.html").read_bytes() == page
    assert len(list((tmp_path / "objects").rglob("*.html"))) == 1
    assert [e.reference for e in RawStore(tmp_path).entries()] == ["25 000 001", "25 000 002"]


def test_interrupted_write_leaves_no_object(tmp_path, monkeypatch):
    store = RawStore(tmp_path)

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        store.put("http://x/p", b"<html>half</html>", source="lgsco")
    monkeypatch.undo()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # no object, no temp file, no manifest line
    assert store.latest("http://x/p") is None


def test_torn_manifest_line_is_skipped_and_not_glued(tmp_path):
    store = RawStore(tmp_path)
    store.put("http://x/1", b"one", source="lgsco")
    with (tmp_path / "manifest.jsonl").open("ab") as fh:
        fh.write(b'{"url": "http://x/2", "fetch')  # a crash mid-append
    fresh = RawStore(tmp_path)
    fresh.put("http://x/3", b"three", source="lgsco")
    assert [e.url for e in RawStore(tmp_path).entries()] == ["http://x/1", "http://x/3"]


def test_corrupt_object_is_detected(tmp_path):
    store = RawStore(tmp_path)
    entry = store.put("http://x/decisions/a/b/25-000-001", b"<html>ok</html>", source="lgsco", reference="25 000 001")
    store.object_path(entry.sha256, "html").write_bytes(b"<html>tampered</html>")
    with pytest.raises(StoreError, match="does not match its hash"):
        store.read_object(entry.sha256, "html")
    [failure] = list(iter_stored(tmp_path))
    assert isinstance(failure, InputFailure) and failure.stage == "store"


def test_iter_stored_keeps_newest_copy_per_decision(tmp_path):
    store = RawStore(tmp_path)
    url = "http://x/decisions/a/b/25-000-001"
    page = '<html><body><article id="article"><h1>Council ({ref})</h1><p>{text}</p></article></body></html>'
    store.put(url, page.format(ref="25 000 001", text="old").encode(), source="lgsco", reference="25 000 001")
    store.put(url, page.format(ref="25 000 001", text="new").encode(), source="lgsco", reference="25 000 001")
    store.put("http://api/decision?id=1", b'{"phso_name": "P-1", "phso_thecomplaint": "<p>x</p>"}',
              source="phso", reference="P-1", ext="json")
    records = list(iter_stored(tmp_path))
    assert [(r.source, r.reference) for r in records] == [("lgsco", "25 000 001"), ("phso", "P-1")]
    assert records[0].text.endswith("new")
    assert [r.source for r in iter_stored(tmp_path, source="phso")] == ["phso"]
    assert list(iter_stored(tmp_path / "nothing-here")) == []


def test_checkpoint_is_written_atomically_and_survives_damage(tmp_path):
    cp = Checkpoint(tmp_path / "lgsco" / "checkpoint.json")
    cp.update("2025-01-01..2025-01-31", next_page=3, total=40)
    assert Checkpoint(cp.path).get("2025-01-01..2025-01-31")["next_page"] == 3
    assert [p.name for p in cp.path.parent.iterdir()] == ["checkpoint.json"]
    cp.path.write_text("{not json")
    assert Checkpoint(cp.path).get("2025-01-01..2025-01-31") == {}


def test_windows_are_months_newest_first_and_split_in_halves():
    spans = windows(dt.date(2024, 11, 15), dt.date(2025, 1, 10))
    assert [w.key for w in spans] == ["2025-01-01..2025-01-10", "2024-12-01..2024-12-31", "2024-11-15..2024-11-30"]
    quarters = windows(dt.date(2025, 1, 1), dt.date(2025, 6, 30), months=3)
    assert [w.key for w in quarters] == ["2025-04-01..2025-06-30", "2025-01-01..2025-03-31"]
    a, b = Window(dt.date(2025, 1, 1), dt.date(2025, 1, 31)).halves()
    assert (a.key, b.key) == ("2025-01-01..2025-01-15", "2025-01-16..2025-01-31")
    a, b = Window(dt.date(2025, 1, 1), dt.date(2025, 1, 2)).halves()
    assert (a.days, b.days) == (1, 1)
    with pytest.raises(ValueError):
        windows(dt.date(2025, 2, 1), dt.date(2025, 1, 1))


def test_progress_on_a_terminal_shows_counts_rate_eta():
    out = io.StringIO()
    progress = Progress("lgsco", total_days=100, enabled=True, stream=out)
    progress.at(Window(dt.date(2025, 1, 1), dt.date(2025, 1, 31)), 2, 5)
    progress.result(InputFailure("u", "r"))
    progress.covered(50)
    progress.close()
    text = out.getvalue()
    assert "\r" in text and text.endswith("\n")
    last = text.rsplit("\r\x1b[K", 1)[1]
    assert "lgsco: 0 decisions, 1 failed" in last and "/s" in last and "50% of dates" in last and "ETA" in last


def test_progress_elsewhere_is_log_lines(caplog):
    out = io.StringIO()
    with caplog.at_level(logging.INFO, logger="scrapers.crawl"):
        progress = Progress("phso", total_days=10, enabled=False, stream=out, log_every=0)
        progress.covered(10)
        progress.close()
    assert out.getvalue() == ""
    assert any("phso:" in r.message and "100% of dates" in r.message for r in caplog.records)

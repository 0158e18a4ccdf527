"""The pipeline's jobs as plain functions: ingest, extract, collect, the scheduled run.

The CLI (pipeline.cli) parses arguments and calls these; tests call them directly. Each
returns a `JobResult` with counts and the inputs that failed, and never raises for bad
input: a broken line, page or decision becomes a failure row and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import duckdb

from pipeline import analysis, db, progress
from pipeline.extraction import Extraction, extract
from pipeline.inputs import read_inputs
from pipeline.records import MAX_REFERENCE_CHARS, DecisionRecord, InputFailure, RecordError, check_limits

log = logging.getLogger("ombudsman")

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO_ROOT / "data" / "sample"
RAW_DIR = Path(os.environ.get("OMBUDSMAN_RAW", "data/raw"))
LOAD_BATCH = 200  # decisions per load transaction
# Every nightly run lists each source again from this many days before the last run that
# reached it. Decisions are published weeks after their decision date, so a window that
# started at the last run would never see them; listing is cheap (a page per ten
# decisions) and stored decisions are read back from the raw store, not fetched again.
OVERLAP_DAYS = 90


@dataclass
class JobResult:
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[InputFailure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)  # "source: why", for sources not reached

    def add(self, other: "JobResult") -> "JobResult":
        for k, v in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + v
        self.failures += other.failures
        self.notes += other.notes
        self.unreachable += other.unreachable
        return self

    def fail(self, con: duckdb.DuckDBPyConnection, run_id: int | None, failure: InputFailure) -> None:
        """Count, log and record one input that failed; the batch goes on."""
        log.warning("%s", failure)
        self.failures.append(failure)
        self.counts["failed"] = self.counts.get("failed", 0) + 1
        db.record_failures(con, run_id, [failure])

    @property
    def status(self) -> str:
        """ok; partial when some inputs failed or a source could not be reached (its
        decisions are missing from this run); failed when inputs failed and nothing landed."""
        landed = self.counts.get("ingested", 0) + self.counts.get("extracted", 0) + self.counts.get("unchanged", 0)
        if self.failures and not landed and not self.unreachable:
            return "failed"
        return "partial" if self.failures or self.unreachable else "ok"


def store(con: duckdb.DuckDBPyConnection, results: Iterable[DecisionRecord | InputFailure], run_id: int | None,
          batch_size: int = LOAD_BATCH) -> JobResult:
    """Store records (in batches) and record failures, as they stream in."""
    result = JobResult(counts={"ingested": 0, "new": 0, "changed": 0, "unchanged": 0, "failed": 0})
    batch: list[DecisionRecord] = []

    def flush() -> None:
        counts = db.store_records(con, batch)
        for k, v in counts.items():
            result.counts[k] = result.counts.get(k, 0) + v
        result.counts["ingested"] += counts["new"] + counts["changed"]
        batch.clear()

    for item in results:
        progress.advance("store")
        if isinstance(item, DecisionRecord):
            try:
                check_limits(item)  # scraped records come here without passing read_jsonl
            except RecordError as exc:
                item = InputFailure(item.origin or item.url or item.decision_id, str(exc), source=item.source,
                                    reference=item.reference if len(item.reference) <= MAX_REFERENCE_CHARS else None)
        if isinstance(item, InputFailure):
            result.fail(con, run_id, item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    if result.counts.get("sample_skipped"):
        result.notes.append(f"{result.counts['sample_skipped']} fictional sample decisions (data/sample) not stored: "
                            "the database holds real decisions")
    if result.counts.get("sample_dropped"):
        result.notes.append(f"{result.counts['sample_dropped']} fictional sample decisions removed: "
                            "real decisions are stored now")
    return result


def ingest(con: duckdb.DuckDBPyConnection, paths: Iterable[str | Path], run_id: int | None = None) -> JobResult:
    """Add local records (JSONL, saved LGSCO pages, folders of them) to the database."""
    return store(con, read_inputs(paths), run_id)


def extract_pending(con: duckdb.DuckDBPyConnection, everything: bool = False, run_id: int | None = None,
                    resolver=None, workers: int | None = None) -> JobResult:
    """Extract every record that is new, changed, or extracted by an older extractor.

    With many pending (pipeline.parallel.MIN_RECORDS or more) and more than one worker
    (default: $OMBUDSMAN_WORKERS or the CPU count), extraction runs on worker processes;
    the rows are the same either way."""
    import itertools

    from pipeline import parallel
    from pipeline.bodies_reference import resolve_bodies

    resolver = resolver or resolve_bodies
    result = JobResult(counts={"extracted": 0, "failed": 0})
    batch: list[Extraction] = []
    records = db.pending_records(con, everything=everything)
    head = list(itertools.islice(records, parallel.MIN_RECORDS))  # enough to be worth the workers?
    records = itertools.chain(head, records)
    workers = parallel.default_workers() if workers is None else workers
    many = len(head) >= parallel.MIN_RECORDS and workers > 1
    for item in parallel.extract_parallel(records, workers) if many else _safe_extract(records):
        progress.advance("extract")
        if isinstance(item, InputFailure):
            result.fail(con, run_id, item)
            db.remember_extraction_failure(con, item)  # not retried until its text or the extractor changes
            continue
        batch.append(item)
        if len(batch) >= LOAD_BATCH:
            result.counts["extracted"] += db.load(con, batch, resolver)
            batch = []
    if batch:
        result.counts["extracted"] += db.load(con, batch, resolver)
    analysis.create_views(con)  # the views are refreshed after every extraction
    return result


def _safe_extract(records: Iterable[DecisionRecord]) -> Iterable[Extraction | InputFailure]:
    """Extract in batches; when a batch fails, retry its decisions one by one so that
    one bad decision becomes one failure row instead of stopping the run."""
    batch: list[DecisionRecord] = []

    def run(chunk: list[DecisionRecord]):
        try:
            return list(extract(chunk))
        except Exception:  # noqa: BLE001 - any extractor bug must not stop the batch
            out: list[Extraction | InputFailure] = []
            for rec in chunk:
                try:
                    out.extend(extract([rec]))
                except Exception as exc:  # noqa: BLE001
                    out.append(InputFailure(rec.origin or rec.decision_id, f"extraction failed: {type(exc).__name__}: {exc}",
                                            source=rec.source, reference=rec.reference, stage="extract"))
            return out

    for record in records:
        batch.append(record)
        if len(batch) >= 64:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)


def collect(con: duckdb.DuckDBPyConnection, source: str, *, since: dt.date | None, until: dt.date | None,
            limit: int | None, base_url: str | None = None, refresh: bool = False, rate: float | None = None,
            raw_dir: Path | None = None, run_id: int | None = None) -> JobResult:
    """Scrape a publisher into the raw store and the records table, then load whatever the
    raw store holds for [since, until] that this database lacks.

    The crawl's checkpoints belong to the raw store, not to a database: a window they mark
    as done is skipped, so a new database (or one restored from a backup) beside an old raw
    store would otherwise never get the decisions the store already holds.
    """
    import scrapers

    raw_dir = raw_dir or RAW_DIR
    items = scrapers.collect(source, since=since, until=until, limit=limit, base_url=base_url,
                             raw_dir=raw_dir, refresh=refresh, rate=rate)
    result = store(con, items, run_id)
    if limit is None:  # with a limit the user asked for that many, not for the store's backlog
        result.add(store(con, stored_missing(con, raw_dir, source, since, until), run_id))
    return result


def stored_missing(con: duckdb.DuckDBPyConnection, raw_dir: Path, source: str, since: dt.date | None,
                   until: dt.date | None) -> Iterable[DecisionRecord | InputFailure]:
    """Decisions of `source` in the raw store that the database does not hold, dated in
    [since, until] (or undated); pages that no longer parse are left to `run --offline`."""
    import scrapers

    held = {r[0] for r in con.execute("SELECT reference FROM records WHERE source = ?", [source]).fetchall()}
    for item in scrapers.iter_stored(raw_dir, source=source, skip_references=held):
        if isinstance(item, InputFailure) or item.reference in held:
            continue
        day = dt.date.fromisoformat(item.decision_date) if item.decision_date else None
        if day is None or ((since is None or day >= since) and (until is None or day <= until)):
            yield item


def run_batch(con: duckdb.DuckDBPyConnection, *, sources: list[str], since: dt.date | None = None,
              offline: bool = False, limit: int | None = None, run_id: int | None = None,
              raw_dir: Path | None = None, base_urls: dict[str, str] | None = None) -> JobResult:
    """The scheduled job: collect what is new, extract what is new or changed.

    Each source is listed from OVERLAP_DAYS before the last run that reached it (or from
    `since`). A source that cannot be reached is counted (``unreachable_<source>``), makes
    the run partial, and does not move its window on. Whether each source was reached is
    in the run's counts (``reached_<source>``). Offline (asked for, or no site reachable),
    the run extracts what is already stored, and on a database with nothing stored it loads
    the bundled sample, marked as such, so the run shows something.
    """
    import scrapers

    raw_dir = raw_dir or RAW_DIR
    result = JobResult()
    until = dt.date.today()
    reached = False
    if not offline:
        for source in sources:
            start = since or collect_since(con, source, until)
            try:
                result.add(collect(con, source, since=start, until=until, limit=limit, run_id=run_id,
                                   raw_dir=raw_dir, base_url=(base_urls or {}).get(source)))
            except scrapers.SourceUnavailable as exc:
                result.counts[f"unreachable_{source}"] = 1
                result.unreachable.append(f"{source}: {exc}")
                result.notes.append(f"{source}: unreachable ({exc}); the next run lists it again from {start}")
            except scrapers.ApiKeyError as exc:
                result.counts[f"skipped_{source}"] = 1
                result.notes.append(f"{source}: skipped ({exc})")
            else:
                result.counts[f"reached_{source}"] = 1
                reached = True
    if not reached:
        if raw_dir.exists():
            result.add(store(con, scrapers.iter_stored(raw_dir), run_id))
        if con.execute("SELECT count(*) FROM records").fetchone()[0] == 0 and SAMPLE_DIR.exists():
            result.notes.append(f"no decisions stored: loading the bundled sample ({SAMPLE_DIR.relative_to(REPO_ROOT)})")
            result.add(ingest(con, [SAMPLE_DIR], run_id))
    result.add(extract_pending(con, run_id=run_id))
    return result


def collect_since(con: duckdb.DuckDBPyConnection, source: str, today: dt.date) -> dt.date:
    """The first decision date a nightly run lists for `source`: OVERLAP_DAYS before the
    last run that reached it, or before today when none did."""
    # fetchall, not fetchone: a result left open makes the connection's next
    # `con.register` (record_failures) fail with "unfinished result from execute()".
    runs = con.execute("SELECT started_at, status, counts FROM runs WHERE command = 'run' AND status IN ('ok', 'partial') "
                       "ORDER BY started_at DESC").fetchall()
    last = today
    for started, status, counts in runs:
        counts = json.loads(counts or "{}")
        if f"reached_{source}" in counts:
            last = started.date()
            break
        if status == "ok" and not any(k.startswith(("reached_", "unreachable_", "skipped_")) for k in counts):
            last = started.date()  # a run from before sources were counted: it reached them all
            break
    return min(last, today) - dt.timedelta(days=OVERLAP_DAYS)

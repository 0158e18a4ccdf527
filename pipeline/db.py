"""The DuckDB database: schema, bulk loads, the run log.

One file (default data/ombudsman.duckdb, or $OMBUDSMAN_DB). The schema lives here, with
a version number; `connect()` creates it or checks it. Loading an extraction replaces
every row of that decision in one transaction, in bulk (Arrow tables), so a crash never
leaves a decision half-loaded and re-running never duplicates rows.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pyarrow as pa

from pipeline.extracted import Extraction
from pipeline.records import DecisionRecord, InputFailure

SCHEMA_VERSION = 3  # 2: records.is_sample, extraction_failures; 3: remedies (see MIGRATIONS)
DEFAULT_DB = Path("data/ombudsman.duckdb")

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_info (key VARCHAR PRIMARY KEY, value VARCHAR);

-- Every decision text the pipeline has been given, as ingested or scraped.
CREATE TABLE IF NOT EXISTS records (
    decision_id   VARCHAR PRIMARY KEY,     -- source:reference
    source        VARCHAR NOT NULL,
    reference     VARCHAR NOT NULL,
    url           VARCHAR,
    title         VARCHAR,
    decision_date DATE,
    category      VARCHAR,
    outcome       VARCHAR,
    truncated     BOOLEAN NOT NULL,
    text          VARCHAR NOT NULL,
    text_sha256   VARCHAR NOT NULL,
    origin        VARCHAR,
    ingested_at   TIMESTAMP NOT NULL,
    is_sample     BOOLEAN NOT NULL DEFAULT false  -- from the bundled fictional sample (data/sample)
);

-- Records whose extraction failed, with the text and extractor it failed on: the same
-- text through the same extractor fails the same way, so it is not retried (every
-- nightly run would fail again) until the text or the extractor version changes.
CREATE TABLE IF NOT EXISTS extraction_failures (
    decision_id       VARCHAR PRIMARY KEY,
    text_sha256       VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    reason            VARCHAR NOT NULL,
    failed_at         TIMESTAMP NOT NULL
);

-- One row per extracted decision.
CREATE TABLE IF NOT EXISTS decisions (
    decision_id       VARCHAR PRIMARY KEY,
    source            VARCHAR NOT NULL,
    reference         VARCHAR NOT NULL,
    url               VARCHAR,
    title             VARCHAR,
    decision_date     DATE,
    year              INTEGER,
    category          VARCHAR,
    outcome           VARCHAR,          -- upheld, not_upheld, partly_upheld, closed_after_initial_enquiries, not_investigated
    fault_found       BOOLEAN,
    compliance_date   DATE,             -- when the Ombudsman was satisfied with the body's response
    truncated         BOOLEAN,
    text_sha256       VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extracted_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS bodies (
    decision_id    VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,    -- the fullest name the decision gives
    canonical_name VARCHAR NOT NULL,    -- the same body across decisions
    body_type      VARCHAR NOT NULL,    -- council, icb, ccg, nhs_trust, gp_practice, care_provider, government, other
    at_fault       BOOLEAN NOT NULL,
    successor_name VARCHAR              -- the body that carries it on today (a CCG's ICB), if known
);

CREATE TABLE IF NOT EXISTS faults (
    decision_id VARCHAR NOT NULL,
    body        VARCHAR,
    category    VARCHAR NOT NULL,
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,       -- offsets of the sentence in records.text
    end_char    INTEGER NOT NULL,
    section     VARCHAR
);

CREATE TABLE IF NOT EXISTS payments (
    decision_id      VARCHAR NOT NULL,
    payer            VARCHAR,
    amount_gbp       DECIMAL(12, 2) NOT NULL,
    purposes         VARCHAR[] NOT NULL,
    status           VARCHAR NOT NULL,  -- recommended, previously_offered
    fault_categories VARCHAR[] NOT NULL,
    sentence         VARCHAR NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    section          VARCHAR
);

CREATE TABLE IF NOT EXISTS deadlines (
    decision_id VARCHAR NOT NULL,
    body        VARCHAR,
    due_date    DATE,
    due_text    VARCHAR NOT NULL,
    actions     VARCHAR[] NOT NULL,
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    section     VARCHAR
);

-- One row per agreed or recommended action and body that owes it (pipeline/extract/remedies.py).
CREATE TABLE IF NOT EXISTS remedies (
    decision_id VARCHAR NOT NULL,
    body        VARCHAR,                -- canonical name
    kind        VARCHAR NOT NULL,       -- apology, payment, review, service_improvement, report_back, other
    for_whom    VARCHAR NOT NULL,       -- complainant, or others (systemic: service improvements)
    action      VARCHAR NOT NULL,       -- the action's own words
    theme       VARCHAR,                -- what a systemic action changes; NULL for the complainant's
    due_date    DATE,
    due_text    VARCHAR,
    amount_gbp  DECIMAL(12, 2),         -- the sum, for a payment that states one
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,       -- offsets of the sentence in records.text
    end_char    INTEGER NOT NULL,
    section     VARCHAR
);

CREATE SEQUENCE IF NOT EXISTS run_ids START 1;
CREATE TABLE IF NOT EXISTS runs (
    run_id      INTEGER PRIMARY KEY DEFAULT nextval('run_ids'),
    command     VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,       -- running, ok, partial, failed
    counts      JSON,
    error       VARCHAR
);

CREATE TABLE IF NOT EXISTS failures (
    run_id      INTEGER,
    source      VARCHAR,
    reference   VARCHAR,
    origin      VARCHAR NOT NULL,       -- file:line, file or URL
    stage       VARCHAR NOT NULL,       -- ingest, fetch, parse, extract
    reason      VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
"""

EXTRACTED_TABLES = ("bodies", "faults", "payments", "deadlines", "remedies")


class DatabaseError(RuntimeError):
    """A database that cannot be opened or has an unknown schema; one-line message."""


def db_path(path: str | Path | None = None) -> Path:
    return Path(path or os.environ.get("OMBUDSMAN_DB") or DEFAULT_DB)


# DuckDB fetches and loads extensions on its own when a query or a file needs one (a
# SQLite file given as --db makes it download sqlite_scanner): never, here.
NO_EXTENSIONS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# A read-only connection reads this database and nothing else: no file or URL in or out
# (COPY ... TO, EXPORT DATABASE, read_csv, ATTACH, INSTALL), and SQL cannot SET it back.
READ_ONLY = {**NO_EXTENSIONS, "enable_external_access": False, "lock_configuration": True}

# A DuckDB file starts with an 8-byte checksum, then these four bytes.
_MAGIC, _MAGIC_AT = b"DUCK", 8


def check_database_file(path: str | Path) -> Path:
    """`path` as a Path if it is a DuckDB database or nothing yet; DatabaseError otherwise.

    Checked before DuckDB opens the file (which would try to download an extension for a
    SQLite or Parquet file) and before a lock file is created beside it."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a DuckDB database")
    try:
        with open(path, "rb") as f:
            head = f.read(_MAGIC_AT + len(_MAGIC))
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None
    if head and head[_MAGIC_AT:] != _MAGIC:
        raise DatabaseError(f"{path} is not a DuckDB database")
    return path


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    from pipeline.lock import busy_error

    check_database_file(path)
    try:
        return duckdb.connect(str(path), read_only=read_only, config=READ_ONLY if read_only else NO_EXTENSIONS)
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "Could not set lock on file" in message:  # another process has it open: say who
            raise busy_error(path, message, writing=not read_only) from None
        raise DatabaseError(f"cannot open {path}: {message}") from None


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database, creating the schema if it is new.

    Read-only connections cannot touch any other file (see READ_ONLY); a database held
    by another process raises `pipeline.lock.Busy`, naming it."""
    path = db_path(path)
    if read_only:
        if not path.exists():
            raise DatabaseError(f"no database at {path}: run `ombudsman run` or `ombudsman ingest` first")
        return _open(path, read_only=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create {path.parent}: {exc.strerror}") from None
    con = _open(path, read_only=False)
    con.execute(SCHEMA)
    row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchall()
    if not row:
        con.execute("INSERT INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        return con
    version = int(row[0][0])
    if version not in MIGRATIONS and version != SCHEMA_VERSION:
        raise DatabaseError(f"{path} has schema version {version}, this tool writes {SCHEMA_VERSION}: use a new --db file")
    while version < SCHEMA_VERSION:
        with transaction(con):
            MIGRATIONS[version](con)
            version += 1
            con.execute("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", [str(version)])
    return con


def _migrate_1_to_2(con: duckdb.DuckDBPyConnection) -> None:
    """records.is_sample (extraction_failures is created by SCHEMA). Records read from the
    bundled sample are recognised by their origin, and dropped if real decisions are
    stored beside them (as `make run` offline used to leave them, for good)."""
    con.execute("ALTER TABLE records ADD COLUMN is_sample BOOLEAN DEFAULT false")
    con.execute("UPDATE records SET is_sample = true WHERE origin LIKE ?", [f"%{SAMPLE_MARK}%"])
    drop_sample_if_real(con)


def _migrate_2_to_3(con: duckdb.DuckDBPyConnection) -> None:
    """remedies (created by SCHEMA). Its rows are read from the texts already stored: each
    decision's extractor version is marked as older, so the next `ombudsman extract` (or
    run) re-extracts it from `records`, with no scraping."""
    con.execute("UPDATE decisions SET extractor_version = extractor_version || ' (before remedies)'")


# Schema version -> the function that brings a database at that version to the next one.
MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3}
# How the migration recognises a record read from the sample: its origin's folder.
SAMPLE_MARK = "data/sample/"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# --- records --------------------------------------------------------------------------

RECORD_SCHEMA = pa.schema([
    ("decision_id", pa.string()), ("source", pa.string()), ("reference", pa.string()), ("url", pa.string()),
    ("title", pa.string()), ("decision_date", pa.date32()), ("category", pa.string()), ("outcome", pa.string()),
    ("truncated", pa.bool_()), ("text", pa.string()), ("text_sha256", pa.string()), ("origin", pa.string()),
    ("ingested_at", pa.timestamp("us")), ("is_sample", pa.bool_()),
])


def store_records(con: duckdb.DuckDBPyConnection, records: Iterable[DecisionRecord]) -> dict[str, int]:
    """Upsert records in one transaction; returns counts of new, changed and unchanged,
    and, when there are any, of sample records skipped or dropped (fiction never sits
    beside real decisions: see `drop_sample_if_real`)."""
    batch: dict[str, DecisionRecord] = {}
    for r in records:
        batch[r.decision_id] = r  # the last copy of a decision in one batch wins
    samples = {i for i, r in batch.items() if r.is_sample}
    skipped = 0
    if samples and (len(samples) < len(batch) or _holds_real(con)):
        skipped = len(samples)
        batch = {i: r for i, r in batch.items() if i not in samples}
    if not batch:
        return {"new": 0, "changed": 0, "unchanged": 0, **({"sample_skipped": skipped} if skipped else {})}
    ids = list(batch)
    existing = dict(con.execute(
        "SELECT decision_id, text_sha256 FROM records WHERE decision_id IN (SELECT unnest(?))", [ids]).fetchall())
    now = _now()
    rows = [r for r in batch.values() if existing.get(r.decision_id) != r.text_sha256]
    counts = {
        "new": sum(1 for r in rows if r.decision_id not in existing),
        "changed": sum(1 for r in rows if r.decision_id in existing),
        "unchanged": len(batch) - len(rows),
    }
    if rows:
        table = pa.Table.from_pylist([{
            "decision_id": r.decision_id, "source": r.source, "reference": r.reference, "url": r.url,
            "title": r.title, "decision_date": dt.date.fromisoformat(r.decision_date) if r.decision_date else None,
            "category": r.category, "outcome": r.outcome, "truncated": r.truncated, "text": r.text,
            "text_sha256": r.text_sha256, "origin": r.origin, "ingested_at": now, "is_sample": r.is_sample,
        } for r in rows], schema=RECORD_SCHEMA)
    with transaction(con):
        if rows:
            con.register("incoming_records", table)
            con.execute("DELETE FROM records WHERE decision_id IN (SELECT decision_id FROM incoming_records)")
            con.execute("INSERT INTO records SELECT * FROM incoming_records")
            con.unregister("incoming_records")
        dropped = drop_sample_if_real(con)
    counts.update({k: v for k, v in (("sample_skipped", skipped), ("sample_dropped", dropped)) if v})
    return counts


def _holds_real(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT count(*) FROM records WHERE NOT is_sample").fetchall()[0][0] > 0


def drop_sample_if_real(con: duckdb.DuckDBPyConnection) -> int:
    """The bundled sample only stands in for an empty database: once a real decision is
    stored, every sample decision and its rows go (inside the caller's transaction), so no
    view, report or later run mixes fiction with real data. Returns how many went."""
    if not _holds_real(con):
        return 0
    ids = [r[0] for r in con.execute("SELECT decision_id FROM records WHERE is_sample").fetchall()]
    return len(_delete(con, ids)) if ids else 0


def holds_sample(con: duckdb.DuckDBPyConnection) -> bool:
    """Does the database hold fictional sample decisions (the report says so)?"""
    return con.execute("SELECT count(*) FROM records WHERE is_sample").fetchall()[0][0] > 0


class UnknownDecision(LookupError):
    """`forget` was given a reference the database does not hold; one-line message."""


def forget(con: duckdb.DuckDBPyConnection, references: Iterable[str]) -> dict[str, dict[str, int]]:
    """Remove decisions and every row extracted from them, in one transaction.

    A reference is ``source:reference`` or a bare reference unique to one source. Raises
    UnknownDecision (and removes nothing) when any is unknown or ambiguous. Returns, per
    decision id, the rows removed from each table.
    """
    ids: list[str] = []
    for ref in references:
        found = [r[0] for r in con.execute(
            "SELECT decision_id FROM records WHERE decision_id = $ref OR reference = $ref "
            "UNION SELECT decision_id FROM decisions WHERE decision_id = $ref OR reference = $ref",
            {"ref": ref.strip()}).fetchall()]
        if not found:
            raise UnknownDecision(f"no decision {ref!r} in the database (give 'source:reference' or a reference)")
        if len(found) > 1:
            raise UnknownDecision(f"{ref!r} is ambiguous: {', '.join(sorted(found))}; give one of those")
        ids.append(found[0])
    with transaction(con):
        return _delete(con, ids)


def _delete(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, int]]:
    """Delete decisions' rows from every table (inside the caller's transaction)."""
    removed: dict[str, dict[str, int]] = {i: {} for i in ids}
    for table in ("records", "decisions") + EXTRACTED_TABLES + ("extraction_failures",):
        for decision_id, n in con.execute(
                f"SELECT decision_id, count(*) FROM {table} WHERE decision_id IN (SELECT unnest(?)) GROUP BY 1",
                [ids]).fetchall():
            removed[decision_id][table] = n
        con.execute(f"DELETE FROM {table} WHERE decision_id IN (SELECT unnest(?))", [ids])
    # The analysis building blocks (pipeline.analysis.MATERIALISED) still hold these rows:
    # `analysis.ensure_views` rebuilds them before they are read.
    con.execute("DELETE FROM schema_info WHERE key = 'views_version'")
    return removed


def pending_records(con: duckdb.DuckDBPyConnection, everything: bool = False, version: str | None = None,
                    batch_size: int = 500) -> Iterator[DecisionRecord]:
    """Records never extracted, whose text changed, or extracted by another version, less
    those whose extraction already failed on the same text with the same version
    (`everything` takes them all)."""
    from pipeline.extracted import EXTRACTOR_VERSION

    version = version or EXTRACTOR_VERSION
    where = "" if everything else (
        "WHERE (d.decision_id IS NULL OR d.text_sha256 <> r.text_sha256 OR d.extractor_version <> $version) "
        "AND NOT EXISTS (SELECT 1 FROM extraction_failures f WHERE f.decision_id = r.decision_id "
        "AND f.text_sha256 = r.text_sha256 AND f.extractor_version = $version)")
    ids = [row[0] for row in con.execute(
        f"SELECT r.decision_id FROM records r LEFT JOIN decisions d USING (decision_id) {where} ORDER BY r.decision_id",
        {} if everything else {"version": version}).fetchall()]
    for i in range(0, len(ids), batch_size):
        chunk = ids[i:i + batch_size]
        rows = con.execute(
            "SELECT source, reference, text, url, title, CAST(decision_date AS VARCHAR), category, outcome, truncated, origin "
            "FROM records WHERE decision_id IN (SELECT unnest(?)) ORDER BY decision_id", [chunk]).fetchall()
        for row in rows:
            yield DecisionRecord(*row)


# --- extractions ------------------------------------------------------------------------

class transaction:
    """`with transaction(con):` BEGIN ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self.con

    def __exit__(self, exc_type, exc, tb):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def _rows(extractions: list[Extraction], now: dt.datetime, successors: dict[str, tuple[str, str | None]]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {"decisions": [], "bodies": [], "faults": [], "payments": [], "deadlines": [],
                                   "remedies": []}
    for ex in extractions:
        r = ex.record
        rows["decisions"].append({
            "decision_id": r.decision_id, "source": r.source, "reference": r.reference, "url": r.url, "title": r.title,
            "decision_date": ex.decision_date, "year": ex.decision_date.year if ex.decision_date else None,
            "category": ex.category, "outcome": ex.outcome, "fault_found": ex.fault_found,
            "compliance_date": ex.compliance_date, "truncated": r.truncated, "text_sha256": r.text_sha256,
            "extractor_version": ex.extractor_version, "extracted_at": now,
        })
        canonical_of: dict[str, str] = {}
        for b in ex.bodies:
            canonical, successor = successors.get(b.name, (b.canonical_name, None))
            canonical_of[b.name] = canonical
            rows["bodies"].append({"decision_id": r.decision_id, "name": b.name, "canonical_name": canonical,
                                   "body_type": b.body_type, "at_fault": b.at_fault, "successor_name": successor})
        for f in ex.faults:
            rows["faults"].append({"decision_id": r.decision_id, "body": f.body, "category": f.category,
                                   **_prov(f.provenance)})
        for p in ex.payments:
            rows["payments"].append({"decision_id": r.decision_id, "payer": p.payer, "amount_gbp": p.amount,
                                     "purposes": p.purposes, "status": p.status,
                                     "fault_categories": p.fault_categories, **_prov(p.provenance)})
        for d in ex.deadlines:
            rows["deadlines"].append({"decision_id": r.decision_id, "body": d.body, "due_date": d.due_date,
                                      "due_text": d.due_text, "actions": d.actions, **_prov(d.provenance)})
        for m in ex.remedies:
            rows["remedies"].append({"decision_id": r.decision_id, "body": canonical_of.get(m.body, m.body),
                                     "kind": m.kind, "for_whom": m.for_whom, "action": m.action, "theme": m.theme,
                                     "due_date": m.due_date, "due_text": m.due_text, "amount_gbp": m.amount,
                                     **_prov(m.provenance)})
    return rows


def _prov(p) -> dict:
    return {"sentence": p.sentence, "start_char": p.start, "end_char": p.end, "section": p.section}


_ARROW_TYPES = {"VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(), "BOOLEAN": pa.bool_(),
                "TIMESTAMP": pa.timestamp("us"), "DECIMAL(12,2)": pa.decimal128(12, 2), "VARCHAR[]": pa.list_(pa.string())}


def _arrow_schemas(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> dict[str, pa.Schema]:
    """Arrow schemas with exactly the columns and types of `tables` (one catalogue query:
    each costs a few milliseconds)."""
    columns: dict[str, list[tuple[str, pa.DataType]]] = {}
    for table, name, dtype in con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_name IN (SELECT unnest(?)) ORDER BY table_name, ordinal_position", [list(tables)]).fetchall():
        columns.setdefault(table, []).append((name, _ARROW_TYPES[dtype]))
    return {table: pa.schema(cols) for table, cols in columns.items()}


def load(con: duckdb.DuckDBPyConnection, extractions: Iterable[Extraction], resolver=None) -> int:
    """Replace the rows of each extracted decision, in bulk, in one transaction per call."""
    batch = list(extractions)
    if not batch:
        return 0
    successors = resolver(batch) if resolver else {}
    rows = _rows(batch, _now(), successors)
    schemas = _arrow_schemas(con, rows)
    tables = {name: pa.Table.from_pylist(rows[name], schema=schemas[name]) for name in rows}
    ids = pa.table({"decision_id": [ex.decision_id for ex in batch]})
    with transaction(con):
        con.register("loaded_ids", ids)
        # A decision's rows in every table are written with its `decisions` row, in one
        # transaction, so there is something to replace only where that row exists. Most
        # batches of a large run are first extractions, and each DELETE scans its whole
        # table: at 60,000 decisions the deletes were a third of a load.
        if con.execute("SELECT count(*) FROM decisions WHERE decision_id IN (SELECT decision_id FROM loaded_ids)").fetchall()[0][0]:
            for name in ("decisions",) + EXTRACTED_TABLES:
                con.execute(f"DELETE FROM {name} WHERE decision_id IN (SELECT decision_id FROM loaded_ids)")
        for name, table in tables.items():
            if table.num_rows:
                con.register(f"incoming_{name}", table)
                con.execute(f"INSERT INTO {name} SELECT * FROM incoming_{name}")
                con.unregister(f"incoming_{name}")
        con.execute("DELETE FROM extraction_failures WHERE decision_id IN (SELECT decision_id FROM loaded_ids)")
        con.unregister("loaded_ids")
        # The analysis building blocks (pipeline.analysis.MATERIALISED) no longer hold
        # these rows: `analysis.ensure_views` rebuilds them before they are read.
        con.execute("DELETE FROM schema_info WHERE key = 'views_version'")
    return len(batch)


# --- run log ---------------------------------------------------------------------------

def start_run(con: duckdb.DuckDBPyConnection, command: str) -> int:
    return con.execute("INSERT INTO runs (command, started_at, status) VALUES (?, ?, 'running') RETURNING run_id",
                       [command, _now()]).fetchone()[0]


def mark_interrupted_runs(con: duckdb.DuckDBPyConnection) -> None:
    """Runs still 'running' when the writer lock is free were killed: say so."""
    con.execute("UPDATE runs SET status = 'interrupted', error = 'the process stopped before the run finished' "
                "WHERE status = 'running'")


def finish_run(con: duckdb.DuckDBPyConnection, run_id: int, status: str, counts: dict, error: str | None = None) -> None:
    con.execute("UPDATE runs SET finished_at = ?, status = ?, counts = ?, error = ? WHERE run_id = ?",
                [_now(), status, json.dumps(counts), error, run_id])


def remember_extraction_failure(con: duckdb.DuckDBPyConnection, failure: InputFailure,
                                version: str | None = None) -> None:
    """Note that this decision's current text failed with this extractor version, so that
    later runs do not retry it until one of them changes (`pending_records`)."""
    from pipeline.extracted import EXTRACTOR_VERSION

    con.execute("INSERT OR REPLACE INTO extraction_failures "
                "SELECT decision_id, text_sha256, ?, ?, ? FROM records WHERE source = ? AND reference = ?",
                [version or EXTRACTOR_VERSION, failure.reason, _now(), failure.source, failure.reference])


def record_failures(con: duckdb.DuckDBPyConnection, run_id: int | None, failures: list[InputFailure]) -> None:
    if not failures:
        return
    table = pa.Table.from_pylist([{
        "run_id": run_id, "source": f.source, "reference": f.reference, "origin": f.origin, "stage": f.stage,
        "reason": f.reason, "recorded_at": _now()} for f in failures],
        schema=pa.schema([("run_id", pa.int32()), ("source", pa.string()), ("reference", pa.string()),
                          ("origin", pa.string()), ("stage", pa.string()), ("reason", pa.string()),
                          ("recorded_at", pa.timestamp("us"))]))
    con.register("incoming_failures", table)
    con.execute("INSERT INTO failures SELECT * FROM incoming_failures")
    con.unregister("incoming_failures")

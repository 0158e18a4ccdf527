"""Cross-case analysis: the common questions as SQL views in the database.

Every view's SQL lives in this module, and `create_views(con)` (re)creates them all; the
extraction job calls it after each batch, so the views are always there for `ombudsman
query`, the report and the notebooks. docs/views.md states the question each one answers.

Two building blocks feed the question views. They are tables, rebuilt by `create_views`,
not views: at 60,000 decisions each joins a million rows to the bodies, and the question
views read them several times over (measured: the slowest question view fell from 0.45 s
to 0.19 s, for about 2 s more per refresh). `db.load` marks them stale (it drops the views
version), and `ensure_views` rebuilds them before any reader here queries them.

- `fault_findings`: one row per fault finding, with the body it is against resolved to
  its canonical name and *folded* through `bodies.successor_name` (a CCG's findings count
  against the ICB that carries it on today).
- `remedy_payments`: one row per payment and fault category it remedies, with the type
  of the body that pays.

The question views: `remedy_by_fault`, `recurring_failures`, `commissioning_failures`,
`commissioning_failures_by_body`, `deadlines_due`, `compliance`, `remedy_status` and
`themes`. Three table macros take arguments where a view cannot:
`remedy_by_fault_where(src, yr, btype)`, `deadlines_due_on(day)` and `remedy_status_on(day)`.

The small typed functions below (`remedy_by_fault(con, source=..., year=...)`, ...) are
what the report, the CLI and the notebooks call; each returns plain rows (dataclasses).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, TypeVar

import duckdb

from pipeline import db
from pipeline.extract.vocabulary import ACTIONS

# Bump when any view's SQL changes: `ensure_views` recreates views of an older version.
VIEWS_VERSION = 5  # 4: remedy_status, themes; 5: deadlines_due and compliance read remedies

# Fault categories that are about arranging and overseeing care someone else provides.
COMMISSIONING_CATEGORIES = ("commissioning", "provider_oversight", "joint_working")
PROVIDER_TYPES = ("nhs_trust", "care_provider", "gp_practice")
NO_CATEGORY = "(none found)"

# A body the extractor could only name generically ("the council", "the care provider")
# is not the same body from one decision to the next, so it never counts as recurring.
def _identified(column: str) -> str:
    return f"NOT regexp_matches(lower({column}), '^(the|a|an|this|that) ')"

# --- building blocks ------------------------------------------------------------------

FAULT_FINDINGS = f"""
-- One row per fault finding, against the body it names (bodies.name), or, when the
-- finding names no body, against the decision's only at-fault body (if there is one).
CREATE OR REPLACE TABLE fault_findings AS
WITH named AS (
    SELECT decision_id, name,
           any_value(canonical_name) AS canonical_name,
           any_value(body_type) AS body_type,
           any_value(successor_name) AS successor_name,
           bool_or(at_fault) AS at_fault
    FROM bodies GROUP BY decision_id, name
),
sole AS (
    SELECT decision_id, any_value(name) AS name
    FROM bodies WHERE at_fault GROUP BY decision_id HAVING count(DISTINCT name) = 1
)
SELECT f.decision_id, d.source, d.reference, d.decision_date, d.year, f.category,
       f.body AS body_as_written,
       b.canonical_name,
       coalesce(b.successor_name, b.canonical_name) AS body,
       CASE WHEN b.successor_name IS NOT NULL AND b.body_type = 'ccg' THEN 'icb' ELSE b.body_type END AS body_type,
       b.successor_name IS NOT NULL AS folded,
       coalesce(b.canonical_name IS NOT NULL AND {_identified('b.canonical_name')}, false) AS identified,
       f.sentence
FROM faults f
JOIN decisions d USING (decision_id)
LEFT JOIN sole s ON s.decision_id = f.decision_id AND f.body IS NULL
LEFT JOIN named b ON b.decision_id = f.decision_id AND b.name = coalesce(f.body, s.name)
"""

REMEDY_PAYMENTS = f"""
-- One row per payment and fault category it remedies ('{NO_CATEGORY}' when the
-- payment is linked to none), with the paying body's type: the payer as named, else the
-- decision's only at-fault body, else 'unknown'.
CREATE OR REPLACE TABLE remedy_payments AS
WITH named AS (
    SELECT decision_id, name, any_value(body_type) AS body_type, any_value(canonical_name) AS canonical_name,
           any_value(successor_name) AS successor_name
    FROM bodies GROUP BY decision_id, name
),
sole AS (
    SELECT decision_id, any_value(name) AS name
    FROM bodies WHERE at_fault GROUP BY decision_id HAVING count(DISTINCT name) = 1
),
paid AS (
    SELECT p.*, row_number() OVER () AS payment_id FROM payments p
)
SELECT p.payment_id, p.decision_id, d.source, d.reference, d.decision_date, d.year,
       p.payer,
       coalesce(bn.successor_name, bn.canonical_name, bs.successor_name, bs.canonical_name) AS payer_body,
       CASE WHEN coalesce(bn.successor_name, bs.successor_name) IS NOT NULL
                 AND coalesce(bn.body_type, bs.body_type) = 'ccg' THEN 'icb'
            ELSE coalesce(bn.body_type, bs.body_type, 'unknown') END AS payer_type,
       p.amount_gbp, p.status, p.purposes,
       unnest(CASE WHEN len(p.fault_categories) = 0 THEN ['{NO_CATEGORY}'] ELSE list_distinct(p.fault_categories) END)
           AS fault_category
FROM paid p
JOIN decisions d USING (decision_id)
LEFT JOIN named bn ON bn.decision_id = p.decision_id AND bn.name = p.payer
LEFT JOIN sole s ON s.decision_id = p.decision_id
LEFT JOIN named bs ON bs.decision_id = p.decision_id AND bs.name = s.name AND bn.name IS NULL
"""

# The aggregate both the view and the macro use; {where} filters remedy_payments.
_REMEDY_AGG = """
SELECT fault_category,
       count(*) AS payments,
       count(DISTINCT decision_id) AS decisions,
       CAST(min(amount_gbp) AS DECIMAL(12, 2)) AS min_gbp,
       CAST(quantile_cont(amount_gbp, 0.25) AS DECIMAL(12, 2)) AS q1_gbp,
       CAST(median(amount_gbp) AS DECIMAL(12, 2)) AS median_gbp,
       CAST(quantile_cont(amount_gbp, 0.75) AS DECIMAL(12, 2)) AS q3_gbp,
       CAST(max(amount_gbp) AS DECIMAL(12, 2)) AS max_gbp,
       CAST(sum(amount_gbp) AS DECIMAL(14, 2)) AS total_gbp
FROM remedy_payments
{where}
GROUP BY fault_category
ORDER BY payments DESC, fault_category
"""

# --- the question views -----------------------------------------------------------------

REMEDY_BY_FAULT = f"""
-- What is paid for which kind of fault? A payment linked to two categories counts in both.
CREATE OR REPLACE VIEW remedy_by_fault AS
{_REMEDY_AGG.format(where="")};

CREATE OR REPLACE MACRO remedy_by_fault_where(src := NULL, yr := NULL, btype := NULL) AS TABLE
{_REMEDY_AGG.format(where="WHERE (src IS NULL OR source = src) AND (yr IS NULL OR year = yr) AND (btype IS NULL OR payer_type = btype)")}
"""

RECURRING_FAILURES = """
-- Which bodies are found at fault for the same thing again and again? One row per body
-- (CCGs folded into their ICB) x fault category x year, kept when the body has at least
-- two decisions with that finding over all years.
CREATE OR REPLACE VIEW recurring_failures AS
WITH cells AS (
    SELECT body, any_value(body_type) AS body_type, category, year,
           count(DISTINCT decision_id) AS decisions_in_year,
           list_sort(list_distinct(list(decision_id))) AS decision_ids,
           list_sort(list_distinct(list(canonical_name))) AS names
    FROM fault_findings
    WHERE identified
    GROUP BY body, category, year
),
-- A decision has one year, so a body's decisions over all years are the sum of its
-- decisions in each: one pass over fault_findings, not a second grouping of it.
totals AS (
    SELECT *, CAST(sum(decisions_in_year) OVER (PARTITION BY body, category) AS BIGINT) AS decisions_total FROM cells
)
SELECT body, body_type, category, year, decisions_in_year, decisions_total, decision_ids, names
FROM totals
WHERE decisions_total >= 2
ORDER BY decisions_total DESC, body, category, year
"""

_BODY_LISTS = """
    list_sort(list_distinct(list(coalesce(b.successor_name, b.canonical_name)) FILTER (WHERE b.body_type = 'council'))) AS councils,
    list_sort(list_distinct(list(coalesce(b.successor_name, b.canonical_name)) FILTER (WHERE b.body_type IN ('icb', 'ccg')))) AS icbs,
    list_sort(list_distinct(list(coalesce(b.successor_name, b.canonical_name)) FILTER (WHERE b.body_type IN {providers}))) AS providers,
    list_sort(list_distinct(list(coalesce(b.successor_name, b.canonical_name)) FILTER (WHERE b.at_fault))) AS at_fault
""".format(providers=str(PROVIDER_TYPES))

COMMISSIONING_FAILURES = f"""
-- Where did arranging and overseeing care go wrong? Decisions with a commissioning,
-- provider_oversight or joint_working finding, with the councils, ICBs (CCGs folded in)
-- and providers they name.
CREATE OR REPLACE VIEW commissioning_failures AS
WITH hits AS (
    SELECT decision_id,
           list_sort(list_distinct(list(category))) AS categories,
           list_sort(list_distinct(list(body) FILTER (WHERE body IS NOT NULL))) AS bodies_found_at_fault
    FROM fault_findings
    WHERE category IN {COMMISSIONING_CATEGORIES}
    GROUP BY decision_id
),
named AS (
    SELECT b.decision_id, {_BODY_LISTS}
    FROM bodies b GROUP BY b.decision_id
)
SELECT d.decision_id, d.source, d.reference, d.decision_date, d.year, d.url, d.title, d.outcome,
       h.categories, h.bodies_found_at_fault,
       coalesce(n.councils, []) AS councils, coalesce(n.icbs, []) AS icbs,
       coalesce(n.providers, []) AS providers, coalesce(n.at_fault, []) AS at_fault
FROM hits h
JOIN decisions d USING (decision_id)
LEFT JOIN named n USING (decision_id)
ORDER BY d.decision_date DESC NULLS LAST, d.decision_id
"""

COMMISSIONING_BY_BODY = f"""
-- Which councils, ICBs and providers fail at commissioning most often? One row per body
-- (CCGs folded into their ICB) found at fault with a commissioning-type finding.
CREATE OR REPLACE VIEW commissioning_failures_by_body AS
SELECT body, any_value(body_type) AS body_type,
       count(DISTINCT decision_id) AS decisions,
       list_sort(list_distinct(list(category))) AS categories,
       min(year) AS first_year, max(year) AS last_year,
       list_sort(list_distinct(list(decision_id))) AS decision_ids
FROM fault_findings
WHERE identified AND category IN {COMMISSIONING_CATEGORIES}
GROUP BY body
ORDER BY decisions DESC, body
"""

# Deadlines as of {day}: the view uses current_date; the macro takes any date. One row per
# decision, body and due date, read from `remedies` (each dated action); `actions` are the
# kinds of the actions due that day, in the order of vocabulary.ACTIONS.
_KINDS = "[" + ", ".join(f"'{kind}'" for kind in ACTIONS) + "]"
_DEADLINES_SQL = f"""
WITH named AS (
    SELECT decision_id, canonical_name, any_value(coalesce(successor_name, canonical_name)) AS canonical
    FROM bodies GROUP BY decision_id, canonical_name
),
dated AS (
    SELECT r.decision_id, coalesce(b.canonical, r.body, '(body not identified)') AS body, r.due_date, r.due_text,
           r.kind, r.for_whom, r.start_char, list_position({_KINDS}, r.kind) AS kind_order
    FROM remedies r
    LEFT JOIN named b ON b.decision_id = r.decision_id AND b.canonical_name = r.body
    WHERE r.due_date IS NOT NULL
),
-- (Each kind once per deadline, for the list: no lambdas, which DuckDB 1.0 and 2 write differently.)
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY decision_id, body, due_date, kind ORDER BY start_char) = 1 AS first_of_kind
    FROM dated
),
per_date AS (
    SELECT x.body, x.decision_id, x.due_date, arg_min(x.due_text, x.start_char) AS due_text,
           list(x.kind ORDER BY x.kind_order) FILTER (WHERE x.first_of_kind) AS actions,
           CAST(count(*) AS INTEGER) AS remedies,
           CAST(count(*) FILTER (WHERE x.for_whom = 'others') AS INTEGER) AS systemic
    FROM ranked x
    GROUP BY x.body, x.decision_id, x.due_date
)
SELECT dl.body, dl.decision_id, d.source, d.reference, d.url, dl.due_date, dl.due_text, dl.actions,
       CAST(dl.due_date - {{day}} AS INTEGER) AS days_left,
       CASE WHEN dl.due_date < {{day}} THEN 'overdue' ELSE 'due' END AS status,
       dl.remedies, dl.systemic
FROM per_date dl
JOIN decisions d USING (decision_id)
WHERE d.compliance_date IS NULL OR d.compliance_date > {{day}}
ORDER BY dl.due_date, dl.body, dl.decision_id
"""

DEADLINES_DUE = f"""
-- What must bodies do, by when, and what is already late? One row per decision, body and
-- due date of its remedy actions (table remedies), as of today: 'due' from today on,
-- 'overdue' before it; `actions` the kinds due that day, `remedies` how many actions,
-- `systemic` how many of them are service improvements. A decision whose compliance the
-- publisher has recorded (on or before the day) is done, not overdue.
CREATE OR REPLACE VIEW deadlines_due AS
{_DEADLINES_SQL.format(day="current_date")};

CREATE OR REPLACE MACRO deadlines_due_on(day) AS TABLE
{_DEADLINES_SQL.format(day="CAST(day AS DATE)")}
"""

COMPLIANCE = """
-- How long do bodies take to do what was agreed? Where the publisher states when it was
-- satisfied with the body's response, the lag in days from decision to compliance, and
-- the remedy actions (table remedies) that compliance covers: how many, how many systemic,
-- how many had a due date, and how many of those it was recorded after.
CREATE OR REPLACE VIEW compliance AS
WITH named AS (
    SELECT decision_id,
           list_sort(list_distinct(list(coalesce(successor_name, canonical_name)) FILTER (WHERE at_fault))) AS at_fault
    FROM bodies GROUP BY decision_id
),
acts AS (
    SELECT r.decision_id,
           count(*) AS complied,
           count(*) FILTER (WHERE r.for_whom = 'others') AS systemic,
           count(r.due_date) AS dated,
           count(*) FILTER (WHERE r.due_date < d.compliance_date) AS after_due
    FROM remedies r JOIN decisions d USING (decision_id)
    WHERE d.compliance_date IS NOT NULL
    GROUP BY r.decision_id
)
SELECT d.decision_id, d.source, d.reference, d.year, d.decision_date, d.compliance_date,
       CAST(d.compliance_date - d.decision_date AS INTEGER) AS lag_days,
       coalesce(n.at_fault, []) AS at_fault,
       CAST(coalesce(a.complied, 0) AS INTEGER) AS complied,
       CAST(coalesce(a.systemic, 0) AS INTEGER) AS systemic,
       CAST(coalesce(a.dated, 0) AS INTEGER) AS dated,
       CAST(coalesce(a.after_due, 0) AS INTEGER) AS after_due
FROM decisions d
LEFT JOIN named n USING (decision_id)
LEFT JOIN acts a USING (decision_id)
WHERE d.compliance_date IS NOT NULL AND d.decision_date IS NOT NULL
ORDER BY lag_days DESC, d.decision_id
"""

# Remedies as of {day}, each with where it stands. LGSCO records when the Ombudsman was
# satisfied with the body's response (decisions.compliance_date): every action of that
# decision is then complied with; otherwise an action is due or overdue by its date, and
# unknown without one.
_REMEDY_STATUS_SQL = """
SELECT coalesce(r.body, '(body not identified)') AS body, r.decision_id, d.source, d.reference, d.url,
       d.decision_date, d.year, r.kind, r.for_whom, r.theme, r.action, r.due_date, r.due_text, r.amount_gbp,
       CASE WHEN d.compliance_date IS NOT NULL AND d.compliance_date <= {day} THEN 'complied'
            WHEN r.due_date IS NULL THEN 'unknown'
            WHEN r.due_date < {day} THEN 'overdue'
            ELSE 'due' END AS status,
       CASE WHEN d.compliance_date <= {day} THEN d.compliance_date END AS complied_on,
       CASE WHEN d.compliance_date <= {day} THEN CAST(d.compliance_date - d.decision_date AS INTEGER) END AS lag_days
FROM remedies r
JOIN decisions d USING (decision_id)
ORDER BY body, d.decision_date, r.decision_id, r.start_char
"""

REMEDY_STATUS = f"""
-- What did bodies promise, by when, and have they done it? One row per remedy action,
-- as of today: complied (with the lag from decision to compliance), due, overdue, unknown.
CREATE OR REPLACE VIEW remedy_status AS
{_REMEDY_STATUS_SQL.format(day="current_date")};

CREATE OR REPLACE MACRO remedy_status_on(day) AS TABLE
{_REMEDY_STATUS_SQL.format(day="CAST(day AS DATE)")}
"""

THEMES = """
-- What do bodies promise to change? The systemic actions (service improvements) by theme
-- and year, with the bodies and decisions behind them.
CREATE OR REPLACE VIEW themes AS
SELECT r.theme, d.year,
       count(*) AS actions,
       count(DISTINCT r.decision_id) AS decisions,
       list_sort(list_distinct(list(r.body) FILTER (WHERE r.body IS NOT NULL))) AS bodies,
       list_sort(list_distinct(list(r.decision_id))) AS decision_ids
FROM remedies r
JOIN decisions d USING (decision_id)
WHERE r.for_whom = 'others'
GROUP BY r.theme, d.year
ORDER BY r.theme, d.year
"""

VIEWS = {
    "fault_findings": FAULT_FINDINGS,
    "remedy_payments": REMEDY_PAYMENTS,
    "remedy_by_fault": REMEDY_BY_FAULT,
    "recurring_failures": RECURRING_FAILURES,
    "commissioning_failures": COMMISSIONING_FAILURES,
    "commissioning_failures_by_body": COMMISSIONING_BY_BODY,
    "deadlines_due": DEADLINES_DUE,
    "compliance": COMPLIANCE,
    "remedy_status": REMEDY_STATUS,
    "themes": THEMES,
}


class AnalysisError(RuntimeError):
    """Views that cannot be created or read; a one-line message."""


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> tuple | None:
    """The first row. fetchall, not fetchone: a half-read result blocks the connection
    (DuckDB 2 refuses the next `con.sql` until it is finished)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


# The building blocks, materialised as tables (see the module docstring).
MATERIALISED = ("fault_findings", "remedy_payments")


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)build the building blocks and (re)create every analysis view and macro, in one
    transaction; returns the view names."""
    with db.transaction(con):
        # A database from before VIEWS_VERSION 3 has the building blocks as views.
        old_views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        for name in MATERIALISED:
            if name in old_views:
                con.execute(f"DROP VIEW {name}")
        for sql in VIEWS.values():
            con.execute(sql)
        con.execute("INSERT OR REPLACE INTO schema_info VALUES ('views_version', ?)", [str(VIEWS_VERSION)])
    return list(VIEWS)


def views_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the views are there, of this version, and built after the last load."""
    try:
        row = _one(con, "SELECT value FROM schema_info WHERE key = 'views_version'")
    except duckdb.CatalogException:
        raise AnalysisError("not an ombudsman database (no schema_info table)") from None
    return row is not None and int(row[0]) == VIEWS_VERSION


def ensure_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create the views if this database lacks them, has an older version of them, or
    has loaded extractions since its building blocks were built."""
    if views_current(con):
        return
    try:
        create_views(con)
    except duckdb.Error as exc:
        raise AnalysisError(
            f"the analysis views are missing or out of date and cannot be created here "
            f"({str(exc).splitlines()[0]}): run `ombudsman extract` first") from None


# --- typed access --------------------------------------------------------------------------

T = TypeVar("T")


def _rows(con: duckdb.DuckDBPyConnection, cls: type[T], sql: str, params: Any = None) -> list[T]:
    ensure_views(con)
    names = [f.name for f in fields(cls)]
    cursor = con.execute(sql, params or [])
    got = [d[0] for d in cursor.description]
    if got != names:
        raise AnalysisError(f"{cls.__name__}: query returned {got}, expected {names}")
    return [cls(*row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class RemedyByFault:
    fault_category: str
    payments: int
    decisions: int
    min_gbp: Decimal
    q1_gbp: Decimal
    median_gbp: Decimal
    q3_gbp: Decimal
    max_gbp: Decimal
    total_gbp: Decimal


def remedy_by_fault(con: duckdb.DuckDBPyConnection, source: str | None = None, year: int | None = None,
                    body_type: str | None = None) -> list[RemedyByFault]:
    """Payment amounts by fault category, optionally for one source, year or payer type."""
    return _rows(con, RemedyByFault, "SELECT * FROM remedy_by_fault_where(src := ?, yr := ?, btype := ?)",
                 [source, year, body_type])


@dataclass(frozen=True)
class Payment:
    decision_id: str
    fault_category: str
    payer_type: str
    amount_gbp: Decimal


def payments_by_fault(con: duckdb.DuckDBPyConnection) -> list[Payment]:
    """Every payment per fault category it remedies: the points behind `remedy_by_fault`."""
    return _rows(con, Payment, "SELECT decision_id, fault_category, payer_type, amount_gbp FROM remedy_payments "
                               "ORDER BY fault_category, amount_gbp")


@dataclass(frozen=True)
class RecurringFailure:
    body: str
    body_type: str | None
    category: str
    year: int | None
    decisions_in_year: int
    decisions_total: int
    decision_ids: list[str]
    names: list[str]


def recurring_failures(con: duckdb.DuckDBPyConnection, category: str | None = None,
                       min_decisions: int = 2) -> list[RecurringFailure]:
    """Body x fault category x year cells for bodies with repeated findings (the view keeps
    bodies with at least two decisions; `min_decisions` can ask for more)."""
    return _rows(con, RecurringFailure,
                 "SELECT * FROM recurring_failures WHERE (? IS NULL OR category = ?) AND decisions_total >= ?",
                 [category, category, min_decisions])


@dataclass(frozen=True)
class CommissioningFailure:
    decision_id: str
    source: str
    reference: str
    decision_date: dt.date | None
    year: int | None
    url: str | None
    title: str | None
    outcome: str | None
    categories: list[str]
    bodies_found_at_fault: list[str]
    councils: list[str]
    icbs: list[str]
    providers: list[str]
    at_fault: list[str]


def commissioning_failures(con: duckdb.DuckDBPyConnection) -> list[CommissioningFailure]:
    return _rows(con, CommissioningFailure, "SELECT * FROM commissioning_failures")


@dataclass(frozen=True)
class CommissioningBody:
    body: str
    body_type: str | None
    decisions: int
    categories: list[str]
    first_year: int | None
    last_year: int | None
    decision_ids: list[str]


def commissioning_failures_by_body(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[CommissioningBody]:
    sql = "SELECT * FROM commissioning_failures_by_body"
    return _rows(con, CommissioningBody, sql + (f" LIMIT {int(limit)}" if limit else ""))


@dataclass(frozen=True)
class Deadline:
    body: str
    decision_id: str
    source: str
    reference: str
    url: str | None
    due_date: dt.date
    due_text: str
    actions: list[str]
    days_left: int
    status: str
    remedies: int   # remedy actions due that day
    systemic: int   # of which service improvements


def deadlines_due(con: duckdb.DuckDBPyConnection, on: dt.date | None = None) -> list[Deadline]:
    """Remedy actions due or overdue as of `on` (default today)."""
    return _rows(con, Deadline, "SELECT * FROM deadlines_due_on(?)", [on or dt.date.today()])


@dataclass(frozen=True)
class Compliance:
    decision_id: str
    source: str
    reference: str
    year: int | None
    decision_date: dt.date
    compliance_date: dt.date
    lag_days: int
    at_fault: list[str]
    complied: int    # remedy actions the compliance covers
    systemic: int    # of which service improvements
    dated: int       # of which with a due date
    after_due: int   # of which due before compliance was recorded


def compliance(con: duckdb.DuckDBPyConnection) -> list[Compliance]:
    return _rows(con, Compliance, "SELECT * FROM compliance")


@dataclass(frozen=True)
class Headline:
    decisions: int
    by_source: dict[str, int]
    first_date: dt.date | None
    last_date: dt.date | None
    with_fault: int
    bodies_at_fault: int
    payments: int
    total_gbp: Decimal
    median_gbp: Decimal | None
    deadlines_due: int
    deadlines_overdue: int
    median_compliance_days: float | None


def headline(con: duckdb.DuckDBPyConnection, on: dt.date | None = None) -> Headline:
    """The first figures: how many decisions, how much paid, what is due."""
    ensure_views(con)
    on = on or dt.date.today()
    n, first, last, with_fault = _one(
        con, "SELECT count(*), min(decision_date), max(decision_date), count(*) FILTER (WHERE fault_found) FROM decisions")
    by_source = dict(con.execute("SELECT source, count(*) FROM decisions GROUP BY 1 ORDER BY 1").fetchall())
    bodies = _one(con, "SELECT count(DISTINCT coalesce(successor_name, canonical_name)) FROM bodies "
                       f"WHERE at_fault AND {_identified('canonical_name')}")[0]
    payments, total, median = _one(con, "SELECT count(*), coalesce(sum(amount_gbp), 0), median(amount_gbp) FROM payments")
    due, overdue = _one(con, "SELECT count(*) FILTER (WHERE status = 'due'), count(*) FILTER (WHERE status = 'overdue') "
                             "FROM deadlines_due_on(?)", [on])
    lag = _one(con, "SELECT median(lag_days) FROM compliance")[0]
    return Headline(n, by_source, first, last, with_fault, bodies, payments, Decimal(total), median, due, overdue,
                    float(lag) if lag is not None else None)


@dataclass(frozen=True)
class Outcome:
    outcome: str
    decisions: int


def outcomes(con: duckdb.DuckDBPyConnection) -> list[Outcome]:
    """Decisions by outcome, most first ('(not stated)' where the decision gives none)."""
    return _rows(con, Outcome, "SELECT coalesce(outcome, '(not stated)') AS outcome, count(*) AS decisions "
                               "FROM decisions GROUP BY 1 ORDER BY 2 DESC, 1")


@dataclass(frozen=True)
class PayerType:
    payer_type: str
    payments: int
    total_gbp: Decimal
    median_gbp: Decimal


def payments_by_payer_type(con: duckdb.DuckDBPyConnection) -> list[PayerType]:
    """Payments by the type of the paying body, as `remedy_by_fault` types them (the payer
    as named, else the decision's only at-fault body; a CCG pays as an ICB), each payment
    once."""
    return _rows(con, PayerType, """
        SELECT payer_type, count(*) AS payments, CAST(sum(amount_gbp) AS DECIMAL(14, 2)) AS total_gbp,
               CAST(median(amount_gbp) AS DECIMAL(12, 2)) AS median_gbp
        FROM (SELECT DISTINCT payment_id, payer_type, amount_gbp FROM remedy_payments)
        GROUP BY 1 ORDER BY total_gbp DESC, 1""")


def undated_deadlines(con: duckdb.DuckDBPyConnection) -> int:
    """Remedy actions without a date ("promptly"), which `deadlines_due` cannot list."""
    return _one(con, "SELECT count(*) FROM deadlines WHERE due_date IS NULL")[0]


# --- remedies and the tracker -------------------------------------------------------------

@dataclass(frozen=True)
class TrackedBody:
    """One body's record in the tracker: what it was found to have done wrong, what it
    promised, and where those promises stand."""
    body: str
    decisions_with_fault: int
    remedies: int
    personal: int
    systemic: int
    due: int
    overdue: int
    complied: int
    unknown: int


@dataclass(frozen=True)
class SystemicAction:
    body: str
    decision_id: str
    decision_date: dt.date | None
    theme: str | None
    action: str
    due_date: dt.date | None
    status: str
    complied_on: dt.date | None


# The remedies the tracker counts: for one body (a part of its name, any case) and from a
# decision date on, both optional. A body named only generically ("the council") is not
# one body from one decision to the next, so it has no line of its own (as elsewhere).
_TRACKED = f"""
SELECT * FROM remedy_status_on($day)
WHERE {_identified('body')}
  AND ($body IS NULL OR body ILIKE '%' || $body || '%')
  AND ($since IS NULL OR decision_date >= $since)
"""


def tracker(con: duckdb.DuckDBPyConnection, body: str | None = None, since: dt.date | None = None,
            on: dt.date | None = None) -> list[TrackedBody]:
    """Per body with remedies: decisions that found it at fault, remedies agreed (for the
    complainant, systemic), and how many are due, overdue, complied with or of unknown
    status as of `on` (default today). Bodies with most remedies first."""
    params = {"day": on or dt.date.today(), "body": body, "since": since}
    return _rows(con, TrackedBody, f"""
        WITH tracked AS ({_TRACKED}),
        faulted AS (
            SELECT b.canonical_name AS body, count(DISTINCT b.decision_id) AS n
            FROM bodies b JOIN decisions d USING (decision_id)
            WHERE b.at_fault AND ($since IS NULL OR d.decision_date >= $since)
            GROUP BY 1
        )
        SELECT t.body, coalesce(any_value(f.n), 0) AS decisions_with_fault,
               count(*) AS remedies,
               count(*) FILTER (WHERE for_whom = 'complainant') AS personal,
               count(*) FILTER (WHERE for_whom = 'others') AS systemic,
               count(*) FILTER (WHERE status = 'due') AS due,
               count(*) FILTER (WHERE status = 'overdue') AS overdue,
               count(*) FILTER (WHERE status = 'complied') AS complied,
               count(*) FILTER (WHERE status = 'unknown') AS unknown
        FROM tracked t LEFT JOIN faulted f ON f.body = t.body
        GROUP BY t.body
        ORDER BY remedies DESC, t.body""", params)


def systemic_actions(con: duckdb.DuckDBPyConnection, body: str | None = None, since: dt.date | None = None,
                     on: dt.date | None = None) -> list[SystemicAction]:
    """The service improvements behind the tracker's `systemic` column, with their
    decisions, dates and status."""
    params = {"day": on or dt.date.today(), "body": body, "since": since}
    return _rows(con, SystemicAction, f"""
        SELECT body, decision_id, decision_date, theme, action, due_date, status, complied_on
        FROM ({_TRACKED}) WHERE for_whom = 'others'
        ORDER BY body, decision_date NULLS LAST, decision_id, due_date NULLS LAST""", params)


@dataclass(frozen=True)
class ThemeYear:
    theme: str | None
    year: int | None
    actions: int


def systemic_by_theme_and_year(con: duckdb.DuckDBPyConnection) -> list[ThemeYear]:
    """Systemic actions by theme and year (the `themes` view, without its lists)."""
    return _rows(con, ThemeYear, "SELECT theme, year, CAST(actions AS INTEGER) AS actions FROM themes")

"""Each analysis view on the hand-built database (tests/handbuilt_db.py), against answers
worked out by hand."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pytest

from handbuilt_db import FOO_ICB, build
from pipeline import analysis, db


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = build(tmp_path_factory.mktemp("analysis") / "t.duckdb")
    analysis.create_views(con)
    yield con
    con.close()


def by_category(rows):
    return {r.fault_category: r for r in rows}


def test_remedy_by_fault_counts_a_payment_under_each_of_its_categories(con):
    rows = by_category(analysis.remedy_by_fault(con))
    assert set(rows) == {"commissioning", "delay", "provider_oversight", "care_quality", analysis.NO_CATEGORY}
    c = rows["commissioning"]  # £500, £300, £1,000 in two decisions
    assert (c.payments, c.decisions) == (3, 2)
    assert (c.min_gbp, c.q1_gbp, c.median_gbp, c.q3_gbp, c.max_gbp, c.total_gbp) == (
        Decimal("300.00"), Decimal("400.00"), Decimal("500.00"), Decimal("750.00"), Decimal("1000.00"), Decimal("1800.00"))
    assert rows["delay"].total_gbp == Decimal("1000.00")  # the £1,000 is also for delay
    assert rows[analysis.NO_CATEGORY].total_gbp == Decimal("150.00")
    # the view and the function agree
    assert con.execute("SELECT fault_category, total_gbp FROM remedy_by_fault ORDER BY 1").fetchall() == sorted(
        (r.fault_category, r.total_gbp) for r in rows.values())


def test_remedy_by_fault_filters_by_source_year_and_payer_type(con):
    assert list(by_category(analysis.remedy_by_fault(con, source="phso"))) == ["care_quality"]
    year_2021 = by_category(analysis.remedy_by_fault(con, year=2021))
    assert list(year_2021) == ["commissioning"] and year_2021["commissioning"].total_gbp == Decimal("800.00")
    # the CCG's £500 counts as an ICB payment: it is folded into its successor
    icb = by_category(analysis.remedy_by_fault(con, body_type="icb"))
    assert icb["commissioning"].total_gbp == Decimal("1500.00") and icb["delay"].total_gbp == Decimal("1000.00")
    council = by_category(analysis.remedy_by_fault(con, body_type="council"))
    assert {k: v.total_gbp for k, v in council.items()} == {"commissioning": Decimal("300.00"),
                                                           analysis.NO_CATEGORY: Decimal("150.00")}
    # a payment naming no payer is the sole at-fault body's
    assert list(by_category(analysis.remedy_by_fault(con, body_type="nhs_trust"))) == ["care_quality"]
    assert analysis.remedy_by_fault(con, source="lgsco", year=2024, body_type="icb") == []
    # the macro is there for SQL users too
    assert con.execute("SELECT count(*) FROM remedy_by_fault_where(src := 'phso')").fetchone()[0] == 1


def test_recurring_failures_fold_a_ccg_into_its_icb(con):
    rows = analysis.recurring_failures(con)
    cells = {(r.body, r.category, r.year): r for r in rows}
    assert set(cells) == {
        (FOO_ICB, "commissioning", 2021), (FOO_ICB, "commissioning", 2023),
        ("Barset Council", "commissioning", 2021), ("Barset Council", "commissioning", 2023),
    }
    ccg_year = cells[(FOO_ICB, "commissioning", 2021)]
    assert ccg_year.decision_ids == ["lgsco:21 000 001"] and ccg_year.names == ["NHS Foo CCG"]
    assert ccg_year.body_type == "icb" and ccg_year.decisions_total == 2 and ccg_year.decisions_in_year == 1
    assert cells[(FOO_ICB, "commissioning", 2023)].decision_ids == ["lgsco:23 000 002"]
    # "Barset Borough Council" and "Barset Council" are one body by canonical name
    assert cells[("Barset Council", "commissioning", 2021)].decision_ids == ["lgsco:21 000 001"]


def test_recurring_failures_leave_out_generic_names_and_single_findings(con):
    rows = analysis.recurring_failures(con)
    assert all(r.body != "the council" for r in rows)  # two decisions, but not the same council
    assert not any(r.category == "delay" for r in rows)  # ICB delay 2023, Barset delay 2023: once each
    assert analysis.recurring_failures(con, min_decisions=3) == []
    assert analysis.recurring_failures(con, category="care_quality") == []


def test_a_finding_without_a_body_goes_to_the_only_body_at_fault(con):
    rows = con.execute("SELECT body FROM fault_findings WHERE decision_id = 'lgsco:23 000 003' "
                       "AND category = 'complaint_handling' AND body_as_written IS NULL").fetchall()
    assert rows == [("Barset Council",)]


def test_commissioning_failures_list_the_bodies_involved(con):
    rows = {r.decision_id: r for r in analysis.commissioning_failures(con)}
    assert list(rows) == ["lgsco:23 000 003", "lgsco:23 000 002", "lgsco:21 000 001"]  # most recent first
    first = rows["lgsco:21 000 001"]
    assert first.categories == ["commissioning"]
    assert first.councils == ["Barset Council"] and first.icbs == [FOO_ICB] and first.providers == []
    second = rows["lgsco:23 000 002"]
    assert second.categories == ["commissioning", "provider_oversight"]
    assert second.icbs == [FOO_ICB] and second.providers == ["Acme Care Ltd"]
    assert second.bodies_found_at_fault == ["Acme Care Ltd", FOO_ICB]
    assert rows["lgsco:23 000 003"].councils == ["Barset Council", "the council"]
    assert rows["lgsco:23 000 003"].at_fault == ["Barset Council"]


def test_commissioning_failures_by_body(con):
    rows = [(r.body, r.decisions, r.first_year, r.last_year) for r in analysis.commissioning_failures_by_body(con)]
    assert rows == [("Barset Council", 2, 2021, 2023), (FOO_ICB, 2, 2021, 2023), ("Acme Care Ltd", 1, 2023, 2023)]
    assert [r.body for r in analysis.commissioning_failures_by_body(con, limit=1)] == ["Barset Council"]


def test_deadlines_due_relative_to_a_date(con):
    rows = analysis.deadlines_due(con, on=dt.date(2024, 3, 1))
    assert [(r.body, r.due_date, r.days_left, r.status) for r in rows] == [
        ("Wessex NHS Trust", dt.date(2024, 2, 15), -15, "overdue"),
        ("Wessex NHS Trust", dt.date(2024, 3, 15), 14, "due"),
        ("the council", dt.date(2024, 6, 1), 92, "due"),
    ]  # the ICB's 2023 deadline is done (satisfied 2023-04-09); an undated one has no place here


def test_deadlines_before_compliance_was_recorded_are_still_due(con):
    rows = analysis.deadlines_due(con, on=dt.date(2023, 4, 1))
    assert [(r.body, r.days_left, r.status) for r in rows][0] == (FOO_ICB, 9, "due")


def test_deadlines_due_view_is_as_of_today(con):
    today = con.execute("SELECT current_date").fetchone()[0]
    assert con.execute("SELECT * FROM deadlines_due").fetchall() == con.execute(
        "SELECT * FROM deadlines_due_on(?)", [today]).fetchall()


def test_compliance_lag(con):
    rows = analysis.compliance(con)
    assert [(r.decision_id, r.lag_days) for r in rows] == [("lgsco:21 000 001", 92), ("lgsco:23 000 002", 30)]
    assert rows[0].at_fault == ["Barset Council", FOO_ICB]


def test_headline(con):
    h = analysis.headline(con, on=dt.date(2024, 3, 1))
    assert (h.decisions, h.by_source, h.payments, h.total_gbp) == (5, {"lgsco": 4, "phso": 1}, 6, Decimal("4150.00"))
    assert h.bodies_at_fault == 4  # Foo ICB (with its CCG), Barset, Acme, Wessex; not "the council"
    assert (h.deadlines_due, h.deadlines_overdue, h.median_compliance_days) == (2, 1, 61.0)


def test_views_are_readable_from_a_read_only_connection(tmp_path):
    path = tmp_path / "ro.duckdb"
    build(path).close()
    with db.connect(path) as con:
        analysis.create_views(con)
    ro = db.connect(path, read_only=True)
    assert len(analysis.remedy_by_fault(ro)) == 5
    ro.close()


def test_missing_views_on_a_read_only_database_are_a_one_line_error(tmp_path):
    path = tmp_path / "old.duckdb"
    build(path).close()
    ro = db.connect(path, read_only=True)
    with pytest.raises(analysis.AnalysisError, match="ombudsman extract"):
        analysis.remedy_by_fault(ro)
    ro.close()


def test_views_refresh_after_extraction(tmp_path):
    from pipeline import jobs
    from pipeline.records import DecisionRecord

    con = db.connect(tmp_path / "x.duckdb")
    db.store_records(con, [DecisionRecord("lgsco", "24 000 009", "Summary\nThe council delayed. This was fault.\n")])
    jobs.extract_pending(con)
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert set(analysis.VIEWS) - set(analysis.MATERIALISED) <= views
    assert set(analysis.MATERIALISED) <= tables
    assert isinstance(con.execute("SELECT * FROM remedy_by_fault").fetchall(), list)
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM no_such_view")


def test_building_blocks_are_rebuilt_after_a_load(tmp_path):
    """fault_findings and remedy_payments are tables: a load marks them stale and the
    next reader through `analysis` sees the new rows, never the old ones."""
    from pipeline.extraction import extract_one
    from pipeline.records import DecisionRecord

    con = db.connect(tmp_path / "x.duckdb")
    analysis.create_views(con)
    assert analysis.remedy_by_fault(con) == []
    record = DecisionRecord("lgsco", "24 000 010", "Summary\nWe found fault by Barset Council (the Council) in how it "
                            "assessed Mrs X's care needs.\nAgreed action\nThe Council will pay Mrs X £300 to "
                            "acknowledge the distress caused by its fault.\n")
    db.store_records(con, [record])
    db.load(con, [extract_one(record)])
    assert con.execute("SELECT value FROM schema_info WHERE key = 'views_version'").fetchall() == []
    rows = analysis.remedy_by_fault(con)
    assert [r.total_gbp for r in rows] == [Decimal("300.00")] * len(rows) and rows
    assert con.execute("SELECT count(*) FROM fault_findings").fetchone()[0] >= 1


def test_a_database_with_the_old_views_gets_tables(tmp_path):
    con = db.connect(tmp_path / "x.duckdb")
    con.execute("CREATE VIEW fault_findings AS SELECT 1 AS x")
    con.execute("CREATE VIEW remedy_payments AS SELECT 1 AS x")
    con.execute("INSERT OR REPLACE INTO schema_info VALUES ('views_version', '2')")
    analysis.ensure_views(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert set(analysis.MATERIALISED) <= tables


def test_deadlines_due_reads_remedies_one_row_per_decision_body_and_date(con):
    rows = analysis.deadlines_due(con, on=dt.date(2024, 3, 1))
    assert [(r.reference, r.actions, r.remedies, r.systemic) for r in rows] == [
        ("P-000004", ["apology", "payment"], 2, 0),  # the kinds in the order of vocabulary.ACTIONS
        ("P-000004", ["service_improvement"], 1, 1),
        ("24 000 005", ["payment"], 1, 0),
    ]
    # Before the Ombudsman was satisfied with 21 000 001, the CCG's apology is due, as its ICB's.
    [early] = [r for r in analysis.deadlines_due(con, on=dt.date(2021, 6, 15)) if r.reference == "21 000 001"]
    assert (early.body, early.due_date, early.days_left, early.status) == (FOO_ICB, dt.date(2021, 7, 1), 16, "due")


def test_compliance_counts_the_remedy_actions_it_covers(con):
    rows = {r.reference: r for r in analysis.compliance(con)}
    assert (rows["21 000 001"].complied, rows["21 000 001"].dated, rows["21 000 001"].after_due) == (2, 1, 1)
    assert (rows["23 000 002"].complied, rows["23 000 002"].systemic, rows["23 000 002"].after_due) == (2, 0, 0)

"""The figures agree wherever they are printed: the run summary, the views and the report
count the same way (from the same pipeline.analysis functions), and the report writes its
codes as words."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import duckdb
import pytest

from conftest import REPO
from handbuilt_db import build
from pipeline import analysis
from pipeline.report import legend_entries, summary, write_report

DAY = dt.date(2024, 3, 1)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    connection = build(tmp_path_factory.mktemp("figures") / "t.duckdb")
    analysis.create_views(connection)
    yield connection
    connection.close()


def test_summary_counts_overdue_deadlines_as_the_view_and_the_report_do(con, tmp_path):
    # 23 000 002's deadline (2023-04-10) passed, but the Ombudsman was satisfied on
    # 2023-04-09: done, not overdue. Only P-000004's 2024-02-15 is overdue on the day.
    overdue = con.execute("SELECT count(*) FROM deadlines_due_on(?) WHERE status = 'overdue'", [DAY]).fetchone()[0]
    assert overdue == 1 == analysis.headline(con, on=DAY).deadlines_overdue
    assert "Deadlines: 2 due from 2024-03-01 on, 1 passed with no compliance recorded, 1 without a date" \
        in summary(con, today=DAY)
    html = write_report(con, tmp_path / "r.html", today=DAY).read_text(encoding="utf-8")
    assert "2 due, 1 past their date" in html


def test_summary_types_payers_as_the_views_do(con):
    text = summary(con, today=DAY)
    # the CCG's £500 is paid by its ICB today; the payment naming no payer is the trust's
    assert re.search(r"  ICB +2 +1,500\.00 +750\.00", text)
    assert re.search(r"  NHS trust +1 +2,000\.00", text)
    assert "unknown" not in text and "ccg" not in text


def test_report_writes_categories_as_words_and_one_year_once(con, tmp_path):
    html = write_report(con, tmp_path / "r.html", today=DAY).read_text(encoding="utf-8")
    assert "provider oversight" in html and "care quality" in html
    assert not re.search(r"\b(care_quality|provider_oversight|complaint_handling|nhs_trust)\b", html)
    assert not re.search(r"(\d{4})–\1", html)  # "2023", never "2023–2023"
    assert "2021–2023" in html  # NHS Foo ICB: the CCG's 2021 finding and the ICB's 2023 one


def test_chart_legend_shows_only_the_kinds_of_body_drawn():
    assert [label for label, _ in legend_entries(["council", "council"])] == ["council"]
    assert [label for label, _ in legend_entries(["icb", "ccg", "care_provider"])] == ["ICB / CCG", "care provider"]
    assert [label for label, _ in legend_entries([None])] == ["other"]


def test_run_prints_the_same_figures_as_the_analysis(tmp_path):
    db = tmp_path / "t.duckdb"
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db), "run", "--offline"],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    con = duckdb.connect(str(db), read_only=True)
    h = analysis.headline(con)
    assert f"Deadlines: {h.deadlines_due} due from {dt.date.today().isoformat()} on, {h.deadlines_overdue} passed" \
        in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("FICTIONAL SAMPLE DATA")  # offline on an empty database: the sample
    assert lines[1] == f"{h.decisions} decisions extracted"

"""The remedies table, its views (remedy_status, themes), the migration that adds it, and
the tracker (library and command line)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys

import duckdb
import pytest

from pipeline import analysis, db, jobs

from conftest import REPO, SAMPLE

DAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("remedies") / "sample.duckdb"
    con = db.connect(path)
    jobs.ingest(con, [str(SAMPLE)], None)
    jobs.extract_pending(con)
    con.close()
    return path


@pytest.fixture
def con(sample_db):
    con = db.connect(sample_db, read_only=True)
    yield con
    con.close()


def test_remedies_are_loaded_with_canonical_bodies_and_provenance(con):
    rows = con.execute("""SELECT r.body, r.kind, r.for_whom, r.due_date, r.amount_gbp,
                                 position(r.sentence IN substr(t.text, r.start_char + 1, r.end_char - r.start_char)) = 1
                          FROM remedies r JOIN records t USING (decision_id)
                          WHERE decision_id = 'lgsco:25 900 101' ORDER BY r.start_char""").fetchall()
    assert [(k, w) for _, k, w, *_ in rows] == [
        ("apology", "complainant"), ("payment", "complainant"), ("payment", "complainant"),
        ("service_improvement", "others"), ("service_improvement", "others"), ("report_back", "complainant")]
    assert {b for b, *_ in rows} == {"Elmshire County Council"}
    assert [float(r[4]) for r in rows if r[4] is not None] == [400, 1360]
    assert all(r[5] for r in rows)  # the offsets give back the sentence


def test_re_extracting_replaces_a_decisions_remedies(tmp_path):
    path = tmp_path / "t.duckdb"
    con = db.connect(path)
    jobs.ingest(con, [str(SAMPLE / "records.jsonl")], None)
    jobs.extract_pending(con)
    before = con.execute("SELECT count(*) FROM remedies").fetchone()[0]
    jobs.extract_pending(con, everything=True)
    assert con.execute("SELECT count(*) FROM remedies").fetchone()[0] == before > 0
    removed = db.forget(con, ["25 900 101"])
    assert removed["lgsco:25 900 101"]["remedies"] == 6


def test_status_follows_the_compliance_date_and_the_due_date(con):
    status = dict(con.execute("SELECT decision_id || ' ' || kind || ' ' || coalesce(CAST(due_date AS VARCHAR), '-'), status "
                              "FROM remedy_status_on(DATE '2025-03-01')").fetchall())
    # 16 900 102: "Ombudsman satisfied with council response: 3 March 2017"
    assert status["lgsco:16 900 102 apology 2016-12-14"] == "complied"
    assert status["lgsco:25 900 101 apology 2025-02-20"] == "overdue"
    assert status["lgsco:25 900 101 service_improvement 2025-04-20"] == "due"
    assert status["lgsco:25 900 101 report_back -"] == "unknown"
    lag = con.execute("SELECT DISTINCT lag_days FROM remedy_status WHERE decision_id = 'lgsco:16 900 102'").fetchall()
    assert lag == [(109,)]  # 14 November 2016 to 3 March 2017


def test_themes_view_groups_systemic_actions(con):
    rows = con.execute("SELECT theme, sum(actions) FROM themes GROUP BY 1").fetchall()
    themes = dict(rows)
    assert themes["commissioning"] >= 5 and set(themes) <= set(analysis_themes())
    assert con.execute("SELECT count(*) FROM remedies WHERE for_whom = 'others'").fetchone()[0] == sum(themes.values())


def analysis_themes():
    from pipeline.extract.vocabulary import THEMES

    return THEMES


def test_tracker_counts_per_body(con):
    rows = {r.body: r for r in analysis.tracker(con, on=DAY)}
    elmshire = rows["Elmshire County Council"]
    assert elmshire.remedies == elmshire.personal + elmshire.systemic
    assert elmshire.remedies == elmshire.due + elmshire.overdue + elmshire.complied + elmshire.unknown
    assert elmshire.decisions_with_fault == 5
    assert "the council" not in rows  # a generic name is not one body across decisions
    [brightwater] = analysis.tracker(con, body="brightwater", on=DAY)
    assert (brightwater.systemic, brightwater.due) == (2, 4)
    assert analysis.tracker(con, since=dt.date(2030, 1, 1), on=DAY) == []
    actions = analysis.systemic_actions(con, body="Brightwater", on=DAY)
    assert [a.theme for a in actions] == ["record_keeping", "staff_training"]


def test_schema_2_database_is_migrated_and_re_extracted_from_its_records(tmp_path, sample_db):
    path = tmp_path / "v2.duckdb"
    old = duckdb.connect(str(path))
    schema_2 = db.SCHEMA.split("-- One row per agreed or recommended action")[0] + db.SCHEMA.split("CREATE SEQUENCE")[1].join(["CREATE SEQUENCE", ""])
    old.execute(schema_2)
    old.execute("INSERT INTO schema_info VALUES ('schema_version', '2')")
    old.execute(f"ATTACH '{sample_db}' AS src (READ_ONLY)")
    for table in ("records", "decisions", "bodies", "faults", "payments", "deadlines"):
        old.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
    old.execute("DETACH src")
    assert "remedies" not in {r[0] for r in old.execute("SHOW TABLES").fetchall()}
    old.close()

    con = db.connect(path)
    assert con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone() == ("3",)
    assert con.execute("SELECT count(*) FROM remedies").fetchone() == (0,)
    counts = jobs.extract_pending(con).counts  # from the stored records: no scraping
    assert counts["extracted"] == 16
    assert con.execute("SELECT count(*) FROM remedies").fetchone()[0] > 100
    assert con.execute("SELECT count(*) FROM remedy_status").fetchone()[0] > 100


def _ombudsman(*args, db_path):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db_path), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def test_tracker_command_end_to_end(sample_db, tmp_path):
    shown = _ombudsman("tracker", "--on", "2025-03-01", db_path=sample_db)
    assert shown.returncode == 0, shown.stderr
    assert "Elmshire County Council" in shown.stdout and "overdue" in shown.stdout
    assert "review how it monitors providers of jointly funded packages" in shown.stdout

    out = tmp_path / "tracker.csv"
    written = _ombudsman("tracker", "--body", "Brightwater", "--since", "2025-01-01", "--on", "2025-03-01",
                         "--out", str(out), db_path=sample_db)
    assert written.returncode == 0, written.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [(r["body"], r["systemic"], r["due"]) for r in rows] == [("Brightwater Care Ltd", "2", "4")]

    page = tmp_path / "tracker.html"
    assert _ombudsman("tracker", "--out", str(page), db_path=sample_db).returncode == 0
    assert "<table" in page.read_text() and "Elmshire County Council" in page.read_text()

    bad = _ombudsman("tracker", "--out", str(tmp_path / "t.pdf"), db_path=sample_db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _read_xlsx(path):
    """The sheets of a workbook as {name: {"A1": (value, bold, date format)}}, with the
    frozen top-left cell of each, read with the standard library (zipfile, ElementTree)."""
    from xml.etree import ElementTree as ET
    import zipfile

    book = zipfile.ZipFile(path)
    xml = lambda name: ET.fromstring(book.read(name))  # noqa: E731
    strings = ["".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t")) for si in xml("xl/sharedStrings.xml")]
    styles = xml("xl/styles.xml")
    bold_fonts = [f.find("m:b", _NS) is not None for f in styles.find("m:fonts", _NS)]
    formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iterfind("m:numFmts/m:numFmt", _NS)}
    xfs = [(bold_fonts[int(x.get("fontId", 0))], formats.get(int(x.get("numFmtId", 0)))) for x in styles.find("m:cellXfs", _NS)]
    rels = {r.get("Id"): r.get("Target") for r in xml("xl/_rels/workbook.xml.rels")}
    sheets = {}
    for sheet in xml("xl/workbook.xml").iterfind("m:sheets/m:sheet", _NS):
        root = xml("xl/" + rels[sheet.get(f"{{{_NS['r']}}}id")])
        cells = {}
        for c in root.iterfind(".//m:c", _NS):
            v = c.find("m:v", _NS)
            value = None if v is None else strings[int(v.text)] if c.get("t") == "s" else float(v.text)
            cells[c.get("r")] = (value, *xfs[int(c.get("s", 0))])
        pane = root.find(".//m:pane", _NS)
        widths = {int(col.get("min")): float(col.get("width")) for col in root.iterfind(".//m:col", _NS)}
        sheets[sheet.get("name")] = {"cells": cells, "frozen": pane is not None and pane.get("topLeftCell"), "widths": widths}
    return sheets


def test_tracker_as_a_workbook(sample_db, tmp_path):
    out = tmp_path / "tracker.xlsx"
    written = _ombudsman("tracker", "--on", "2025-03-01", "--out", str(out), db_path=sample_db)
    assert written.returncode == 0, written.stderr
    sheets = _read_xlsx(out)
    assert list(sheets) == ["Bodies", "Systemic actions", "About"]

    bodies = sheets["Bodies"]
    assert bodies["frozen"] == "A2"  # the header row stays in view
    assert bodies["cells"]["A1"] == ("body", True, None) and bodies["cells"]["E1"][:2] == ("systemic", True)
    con = db.connect(sample_db, read_only=True)
    try:
        tracked = analysis.tracker(con, on=DAY)
        first_action = analysis.systemic_actions(con, on=DAY)[0]
    finally:
        con.close()
    assert bodies["cells"]["A2"][0] == tracked[0].body
    assert [bodies["cells"][f"{c}2"][0] for c in "CDEFGHI"] == [
        tracked[0].remedies, tracked[0].personal, tracked[0].systemic, tracked[0].due, tracked[0].overdue,
        tracked[0].complied, tracked[0].unknown]  # numbers, not text
    assert f"A{len(tracked) + 1}" in bodies["cells"] and f"A{len(tracked) + 2}" not in bodies["cells"]

    actions = sheets["Systemic actions"]
    assert actions["frozen"] == "A2" and actions["cells"]["C1"] == ("decided", True, None)
    decided, bold, number_format = actions["cells"]["C2"]
    # A real date: the serial day number Excel counts from 1899-12-30, shown as a date.
    assert dt.date(1899, 12, 30) + dt.timedelta(days=decided) == first_action.decision_date
    assert number_format == "yyyy-mm-dd" and not bold
    assert actions["cells"]["E2"][0] == first_action.action
    assert 40 <= actions["widths"][5] <= 81  # the action column: wide, but not one line per sentence
    assert sheets["About"]["cells"]["B2"][0] == (DAY - dt.date(1899, 12, 30)).days
    assert sheets["About"]["cells"]["A6"][0] == "FICTIONAL SAMPLE DATA"


def test_report_has_the_promised_changes_section(con, tmp_path):
    from pipeline.report import write_report

    page = write_report(con, tmp_path / "report.html", today=DAY).read_text()
    section = page.split('id="promised-changes"')[1].split('id="decisions"')[0]
    assert "Elmshire County Council" in section and "Systemic actions" in section
    assert 'alt="Systemic actions by theme and year" src="data:image/png;base64,' in section
    assert "review how it monitors providers of jointly funded packages" in section

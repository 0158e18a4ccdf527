"""Nightly collection never silently misses decisions (issue 14, part B): outages, late
publication, a new database beside an old raw store, a stored page that no longer parses.
Sites are saved pages served over a real socket (scrapers/testserver.py); databases are
real DuckDB files."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from conftest import REPO
from pipeline import cli, db, jobs
from scrapers import lgsco
from scrapers.store import RawStore
from scrapers.testserver import LocalSite, Reply, form

SITE = Path(__file__).parent / "fixtures" / "sites" / "lgsco"
BAD = Path(__file__).parent / "fixtures" / "bad"
GOOD_PAGE = SITE / "decisions/adult-care-services/assessment-and-care-plan/25-900-111.html"
LIVE = "https://www.lgo.org.uk/decisions"


def ombudsman(*args, db, env: dict | None = None):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300, env={**os.environ, **(env or {})})


def test_offline_run_with_a_stored_page_that_fails_to_parse(tmp_path):
    raw = tmp_path / "raw"
    store = RawStore(raw)
    store.put(f"{LIVE}/adult-care-services/assessment-and-care-plan/25-900-111", GOOD_PAGE.read_bytes(),
              source="lgsco", reference="25 900 111")
    store.put(f"{LIVE}/housing/allocations/24-003-456", (BAD / "no_article.html").read_bytes(),
              source="lgsco", reference="24 003 456")
    db = tmp_path / "t.duckdb"
    for _ in range(2):  # the second night too (it used to crash every night from here on)
        run = ombudsman("run", "--offline", db=db, env={"OMBUDSMAN_RAW": str(raw)})
        assert run.returncode == 3, run.stderr
        assert "Traceback" not in run.stderr and "unfinished result" not in run.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT reference, stage FROM failures").fetchall() == [("24 003 456", "parse")] * 2
    assert con.execute("SELECT reference FROM decisions").fetchall() == [("25 900 111",)]


# -- the nightly window: late publication and outages --------------------------------------
def _site(published: dict[str, dt.date]):
    """An LGSCO site listing `published` (reference -> decision date) by decision date, ten
    a page, in the saved pages' layout; the test publishes more as it goes."""
    def router(hit):
        if hit.path == "/robots.txt":
            return Reply(200, (SITE / "robots.txt").read_bytes(), content_type="text/plain")
        if hit.path == lgsco.LISTING_PATH:
            since, until = dt.date.fromisoformat(form(hit, "fd")), dt.date.fromisoformat(form(hit, "td"))
            refs = sorted(r for r, day in published.items() if since <= day <= until)
            page = int(form(hit, "page"))
            links = "".join(f'<li><a href="/decisions/benefits-and-tax/council-tax/{r.replace(" ", "-")}">{r}</a></li>'
                            for r in refs[(page - 1) * 10:page * 10])
            return Reply(200, f"<html><body><p>Your search has {len(refs)} results</p><ul>{links}</ul></body></html>")
        ref = hit.path.rsplit("/", 1)[-1].replace("-", " ")
        if hit.path.startswith("/decisions/benefits-and-tax/council-tax/") and ref in published:
            return Reply(200, (SITE / "decision-template.html").read_text().format(
                body="Filler Council", ref=ref, date=published[ref].strftime("%d %b %Y")))
        return None
    return LocalSite(router)


def _nightly(con, **kw):
    """One logged nightly run, as `ombudsman run` does it."""
    run_id = db.start_run(con, "run")
    result = jobs.run_batch(con, sources=["lgsco"], run_id=run_id, **kw)
    db.finish_run(con, run_id, result.status, result.counts)
    return result


def test_decisions_published_weeks_after_their_date_are_collected(tmp_path, monkeypatch):
    monkeypatch.setenv("OMBUDSMAN_RATE", "1000")
    today = dt.date.today()
    published = {"26 000 001": today - dt.timedelta(days=3)}
    con = db.connect(tmp_path / "t.duckdb")
    with _site(published) as site:
        kw = dict(raw_dir=tmp_path / "raw", base_urls={"lgsco": site.url})
        first = _nightly(con, **kw)
        assert first.status == "ok" and first.counts["reached_lgsco"] == 1
        published["26 000 002"] = today - dt.timedelta(days=40)  # decided 40 days ago, published today
        second = _nightly(con, **kw)
        assert second.status == "ok" and second.counts["new"] == 1
        fetched = [h.path for h in site.hits if h.path.startswith("/decisions/")]
    assert sorted(r[0] for r in con.execute("SELECT reference FROM decisions").fetchall()) == ["26 000 001", "26 000 002"]
    assert len(fetched) == 2  # the first decision, stored, was not fetched again


def test_an_unreachable_source_makes_a_partial_run_and_keeps_its_window(tmp_path, monkeypatch):
    monkeypatch.setenv("OMBUDSMAN_RATE", "1000")
    today = dt.date.today()
    dbfile = tmp_path / "t.duckdb"
    con = db.connect(dbfile)
    site = _site({"26 000 001": today - dt.timedelta(days=3)}).start()
    kw = dict(raw_dir=tmp_path / "raw", base_urls={"lgsco": site.url})
    assert _nightly(con, **kw).status == "ok"
    reached_on = jobs.collect_since(con, "lgsco", today)
    site.stop()  # the outage: the port now refuses connections
    outage = _nightly(con, **kw)
    assert outage.status == "partial" and outage.counts["unreachable_lgsco"] == 1
    assert cli._exit_for(outage) == 3
    assert outage.notes[0].startswith("lgsco: unreachable")
    assert jobs.collect_since(con, "lgsco", today) == reached_on  # the outage did not move the window
    con.close()
    status = ombudsman("status", db=dbfile)
    assert "partial" in status.stdout and "unreachable_lgsco" in status.stdout


# -- the raw store and the database ----------------------------------------------------------
JAN = ["--from", "2025-01-01", "--to", "2025-01-31"]


def test_a_new_database_gets_what_the_raw_store_already_holds(tmp_path):
    from test_scrapers_lgsco import router

    raw = tmp_path / "raw"
    with LocalSite(router) as site:
        args = ["scrape", "lgsco", *JAN, "--base-url", site.url, "--raw-dir", raw, "--rate", "1000", "--no-extract"]
        first = ombudsman(*args, db=tmp_path / "a.duckdb")
        assert first.returncode == 3, first.stderr  # one saved page has no decision article
        other = ombudsman(*args, db=tmp_path / "other.duckdb")  # the month is checkpointed as settled
    assert other.returncode == 0, other.stderr
    for name in ("a", "other"):
        con = duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True)
        assert con.execute("SELECT count(*) FROM records").fetchone()[0] == 11, name
        con.close()


def test_ingesting_a_raw_store_reads_its_decisions(tmp_path):
    raw = tmp_path / "raw"
    store = RawStore(raw)
    store.put(f"{LIVE}/adult-care-services/assessment-and-care-plan/25-900-111", GOOD_PAGE.read_bytes(),
              source="lgsco", reference="25 900 111")
    run = ombudsman("ingest", "--no-extract", raw, db=tmp_path / "t.duckdb")
    assert run.returncode == 0, run.stderr
    assert "has no text" not in run.stderr
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    assert con.execute("SELECT reference FROM records").fetchall() == [("25 900 111",)]
    con.close()
    manifest = ombudsman("ingest", raw / "manifest.jsonl", db=tmp_path / "u.duckdb")
    assert manifest.returncode == 1
    assert any(line.endswith(f"a raw store's manifest, not records: ingest its folder ({raw})")
               for line in manifest.stderr.splitlines())  # after the progress lines


# -- a live page that does not match the documented layout ----------------------------------
def test_scrape_says_once_when_a_listing_does_not_match_the_documented_layout(tmp_path):
    from test_scrapers_lgsco import router

    page1 = f"{lgsco.LISTING_PATH}?fd=2025-01-01&td=2025-01-31&page=1"
    with LocalSite(router) as site:
        args = ["scrape", "lgsco", *JAN, "--base-url", site.url, "--rate", "1000", "--no-extract"]
        normal = ombudsman(*args, "--raw-dir", tmp_path / "raw1", db=tmp_path / "a.duckdb")
        # The site moved its result links into a script-rendered widget: a count, no links.
        site.script(page1, Reply(200, "<html><body><p>Your search has 12 results</p><div id='app'></div></body></html>"))
        changed = ombudsman(*args, "--raw-dir", tmp_path / "raw2", db=tmp_path / "b.duckdb")
    assert "layout" not in normal.stderr
    warnings = [line for line in changed.stderr.splitlines() if "layout may have changed" in line]
    assert len(warnings) == 1, changed.stderr
    assert warnings[0].startswith(f"{site.url}{page1}: the listing says 12 results (10 expected on page 1) "
                                  "but 0 decision links were parsed")
    assert "have not been run against the live sites" in warnings[0]
    # and the month is not taken as listed: the page is a failure, the window stays open
    assert changed.returncode == 1
    assert "the listing says 12 results but no decision links were parsed" in changed.stderr
    checkpoint = tmp_path / "raw2" / "lgsco" / "checkpoint.json"
    assert not checkpoint.exists() or not json.loads(checkpoint.read_text())["windows"]["2025-01-01..2025-01-31"].get("done")

"""LGSCO: page parsing, and whole crawls against saved pages on a loopback server."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import scrapers
from pipeline.records import DecisionRecord, InputFailure, RecordError
from scrapers import lgsco
from scrapers.http import PoliteSession
from scrapers.store import RawStore, iter_stored
from scrapers.testserver import LocalSite, Reply, form

SITE = Path(__file__).parent / "fixtures" / "sites" / "lgsco"
JAN = dict(since=dt.date(2025, 1, 1), until=dt.date(2025, 1, 31))
CHAPTERED = "/decisions/health/hospital-acute-services/24-001-234a"


def router(hit):
    """The LGSCO site as saved under tests/fixtures/sites/lgsco."""
    if hit.path == "/robots.txt":
        return Reply(200, (SITE / "robots.txt").read_bytes(), content_type="text/plain")
    if hit.path == lgsco.LISTING_PATH:
        page = SITE / "SearchResults" / f"{form(hit, 'fd')}..{form(hit, 'td')}" / f"page-{form(hit, 'page')}.html"
        return Reply(200, page.read_bytes() if page.exists() else (SITE / "SearchResults" / "empty.html").read_bytes())
    m = re.match(r"^/decisions/[a-z-]+/[a-z-]+/(\d\d-\d{3}-\d{3}[a-z]?)/?$", hit.path)
    if m:
        chapter = form(hit, "chapter")
        name = hit.path.rstrip("/") + (f".chapter-{chapter}" if chapter and chapter != "1" else "") + ".html"
        path = SITE / name.lstrip("/")
        if path.exists():
            return Reply(200, path.read_bytes(), headers={"ETag": f'"{m.group(1)}-v1"'})
        ref = m.group(1).replace("-", " ")
        body = (SITE / "decision-template.html").read_text().format(
            body=f"Filler Council {int(ref[-2:]) - 5}", ref=ref, date="10 Jan 2025")
        return Reply(200, body)
    return None


@pytest.fixture
def site():
    with LocalSite(router) as s:
        yield s


@pytest.fixture
def session():
    with PoliteSession(rate=1000, backoff=0.01, retries=2) as s:
        yield s


def crawl(site, session, raw, **kw):
    args = dict(JAN, base_url=site.url, raw_dir=raw, session=session, progress=False)
    args.update(kw)
    today = args.pop("today", dt.date(2025, 2, 10))
    return list(lgsco.collect(today=today, **{k: v for k, v in args.items()}))


def decision_gets(site):
    return [h.target for h in site.hits if h.path.startswith("/decisions/")]


# -- parsing -----------------------------------------------------------------------------
def test_parse_sample_layout():
    html = (SITE / "decisions/adult-care-services/assessment-and-care-plan/25-900-111.html").read_bytes()
    rec = lgsco.parse_decision_page(html)
    assert rec.source == "lgsco" and rec.reference == "25 900 111"
    assert rec.title == "Elmshire County Council (25 900 111)"
    assert rec.url == "https://www.lgo.org.uk/decisions/adult-care-services/assessment-and-care-plan/25-900-111"
    assert rec.category == "Adult care services > Assessment and care plan"
    assert rec.outcome == "Upheld" and rec.decision_date == "2025-01-20"
    lines = rec.text.split("\n")
    assert lines[:5] == ["Elmshire County Council (25 900 111)",
                         "Category : Adult care services > Assessment and care plan",
                         "Decision : Upheld", "Decision date : 20 Jan 2025",
                         "The Ombudsman's final decision:"]
    assert ("Summary: Mrs X complained the Council delayed assessing her mother's care needs. "
            "We found fault causing distress. The Council has agreed to apologise and pay Mrs X £300.") in lines
    assert "She says this caused her avoidable distress." in lines  # a list item is a line
    assert "Back to top" not in rec.text and "Home" not in rec.text


def test_parse_other_layouts_dt_dd_and_inline_label():
    html = (SITE / "decisions/education/school-transport/24-002-345.html").read_text()
    rec = lgsco.parse_decision_page(html, "http://mirror/decisions/education/school-transport/24-002-345")
    assert rec.title == "Southport Borough Council (24 002 345)"
    assert rec.category == "Education > School transport"
    assert rec.outcome == "Not upheld" and rec.decision_date == "2025-01-15"
    assert rec.url == "http://mirror/decisions/education/school-transport/24-002-345"  # no canonical
    assert "do not include" not in rec.text  # scripts dropped
    assert "Item Amount" in rec.text and "Taxi £40" in rec.text  # table rows are lines


def test_reference_from_url_when_title_has_none():
    html = '<html><body><article id="article"><h1>A decision</h1><p>Some text.</p></article></body></html>'
    rec = lgsco.parse_decision_page(html, "https://www.lgo.org.uk/decisions/housing/allocations/23-011-903a")
    assert rec.reference == "23 011 903a" and rec.decision_date is None and rec.category is None


def test_page_without_article_raises_one_line_reason():
    html = (SITE / "decisions/housing/allocations/24-003-456.html").read_bytes()
    with pytest.raises(RecordError, match=r'no decision article \(<article id="article">\)'):
        lgsco.parse_decision_page(html)


def test_listing_links_are_decisions_only():
    html = (SITE / "SearchResults/2025-01-01..2025-01-31/page-1.html").read_bytes()
    listing = lgsco.parse_listing(html, "http://127.0.0.1:9/Decisions/SearchResults?page=1")
    assert listing.total == 12 and len(listing.items) == 10
    assert all(re.search(r"/decisions/[^/]+/[^/]+/\d\d-\d{3}-\d{3}[a-z]?$", u) for u in listing.items)
    # the absolute link to the live site is taken onto the host being crawled
    assert "http://127.0.0.1:9" + CHAPTERED in listing.items
    with pytest.raises(RecordError):
        lgsco.parse_listing("<html><body>Maintenance</body></html>", "http://x/")


# -- crawling ----------------------------------------------------------------------------
def test_crawl_stores_and_yields_every_decision(site, session, tmp_path):
    results = crawl(site, session, tmp_path)
    records = [r for r in results if isinstance(r, DecisionRecord)]
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert len(records) == 11 and len(failures) == 1
    assert failures[0].stage == "parse" and failures[0].origin.endswith("/24-003-456")
    assert failures[0].reference == "24 003 456"
    # both listing pages, with the window's dates; category pages never fetched
    listings = [h for h in site.hits if h.path == lgsco.LISTING_PATH]
    assert [(form(h, "fd"), form(h, "td"), form(h, "page")) for h in listings] == [
        ("2025-01-01", "2025-01-31", "1"), ("2025-01-01", "2025-01-31", "2")]
    assert not any(re.fullmatch(r"/decisions(/[a-z-]+){1,2}", h.path) for h in site.hits)
    # chaptered report: chapters 2 and 3 fetched and joined in order
    chaptered = next(r for r in records if r.reference == "24 001 234a")
    assert chaptered.text.index("chapter one") < chaptered.text.index("Chapter two") < chaptered.text.index("Chapter three")
    assert chaptered.text.count("Northvale Hospitals NHS Trust (24 001 234a)") == 1
    assert "Next chapter" not in chaptered.text and "2. Investigation" not in chaptered.text
    assert sorted(t for t in decision_gets(site) if "234a" in t) == [CHAPTERED, CHAPTERED + "?chapter=2", CHAPTERED + "?chapter=3"]
    # the store: one manifest line per page fetched, objects named by their hash
    store = RawStore(tmp_path)
    entries = list(store.entries())
    assert len(entries) == 14  # 12 decision pages + 2 chapters
    assert {e.kind for e in entries} == {"decision", "chapter"}
    first = next(e for e in entries if e.url.endswith("/25-900-111"))
    assert first.reference == "25 900 111" and first.source == "lgsco" and first.status == 200
    assert first.etag == '"25-900-111-v1"' and first.fetched_at
    obj = tmp_path / "objects" / first.sha256[:2] / f"{first.sha256}.html"
    assert obj.read_bytes() == (SITE / "decisions/adult-care-services/assessment-and-care-plan/25-900-111.html").read_bytes()
    line = json.loads((tmp_path / "manifest.jsonl").read_text().splitlines()[0])
    assert {"url", "fetched_at", "status", "sha256", "etag", "last_modified", "source", "reference"} <= set(line)


def test_stored_decisions_not_refetched_unless_refresh(site, session, tmp_path):
    crawl(site, session, tmp_path)
    fetched = len(decision_gets(site))
    again = crawl(site, session, tmp_path)  # window not settled yet on 10 Feb: listed again
    assert len([r for r in again if isinstance(r, DecisionRecord)]) == 11
    assert len(decision_gets(site)) == fetched  # every decision read back from the store
    # refresh: conditional requests; our server ignores them, so pages come again (200)
    site.script(CHAPTERED, Reply(304, headers={"ETag": '"24-001-234a-v1"'}))
    refreshed = crawl(site, session, tmp_path, refresh=True)
    assert len([r for r in refreshed if isinstance(r, DecisionRecord)]) == 11
    conditional = [h for h in site.hits if h.target == CHAPTERED][-1]
    assert conditional.headers["If-None-Match"] == '"24-001-234a-v1"'
    store = RawStore(tmp_path)
    assert store.latest(site.url + CHAPTERED).status == 304  # confirmed, stored copy used
    rec = next(r for r in refreshed if isinstance(r, DecisionRecord) and r.reference == "24 001 234a")
    assert "Chapter three" in rec.text


def test_settled_window_is_skipped(site, session, tmp_path):
    crawl(site, session, tmp_path, today=dt.date(2025, 6, 1))
    hits = len(site.hits)
    assert crawl(site, session, tmp_path, today=dt.date(2025, 6, 2)) == []
    assert len(site.hits) == hits  # nothing requested at all


def test_resume_after_interruption(site, session, tmp_path):
    # The crawl is cut off at listing page 2 (the server keeps failing, retries run out).
    page2 = f"{lgsco.LISTING_PATH}?fd=2025-01-01&td=2025-01-31&page=2"
    site.script(page2, *[Reply(500, "error")] * 3)
    first = crawl(site, session, tmp_path)
    assert isinstance(first[-1], InputFailure) and first[-1].stage == "fetch" and "page=2" in first[-1].origin
    assert len(first) == 11  # page 1's ten decisions, then the failure
    state = json.loads((tmp_path / "lgsco" / "checkpoint.json").read_text())["windows"]["2025-01-01..2025-01-31"]
    assert state["next_page"] == 2 and state["total"] == 12 and not state["done"]
    before = len(site.hits)
    second = crawl(site, session, tmp_path)
    new = [h.target for h in site.hits[before:]]
    assert [t for t in new if t.startswith(lgsco.LISTING_PATH)] == [page2]  # resumed at page 2
    assert len([t for t in new if t.startswith("/decisions/")]) == 2  # only page 2's decisions
    assert len(second) == 2
    state = json.loads((tmp_path / "lgsco" / "checkpoint.json").read_text())["windows"]["2025-01-01..2025-01-31"]
    assert state["done"] and state["finished_at"] == "2025-02-10"


def test_crowded_window_is_split(site, session, tmp_path, monkeypatch):
    monkeypatch.setattr(lgsco, "WINDOW_CEILING", 10)  # the month reports 12 results
    results = crawl(site, session, tmp_path)
    assert len(results) == 12
    windows = [(form(h, "fd"), form(h, "td")) for h in site.hits if h.path == lgsco.LISTING_PATH]
    assert windows == [("2025-01-01", "2025-01-31"), ("2025-01-16", "2025-01-31"), ("2025-01-01", "2025-01-15")]
    cp = json.loads((tmp_path / "lgsco" / "checkpoint.json").read_text())["windows"]
    assert cp["2025-01-01..2025-01-31"]["split"] is True


def test_fetch_failure_recorded_and_crawl_goes_on(site, session, tmp_path):
    site.script("/decisions/adult-care-services/assessment-and-care-plan/25-900-111", Reply(404, "gone"))
    site.script("/decisions/education/school-transport/24-002-345", Reply(503, "busy"))  # retried
    results = crawl(site, session, tmp_path)
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert {(f.stage, f.reference) for f in failures} == {("fetch", "25 900 111"), ("parse", "24 003 456")}
    assert "HTTP 404" in next(f.reason for f in failures if f.stage == "fetch")
    assert len([r for r in results if isinstance(r, DecisionRecord)]) == 10
    assert session.stats["retries"] >= 1


def test_robots_disallowed_decision_is_refused(site, session, tmp_path, monkeypatch):
    site.script("/robots.txt", Reply(200, "User-agent: *\nDisallow: /decisions/education/\n", content_type="text/plain"))
    results = crawl(site, session, tmp_path)
    refused = [r for r in results if isinstance(r, InputFailure) and "robots.txt" in r.reason]
    assert [r.reference for r in refused] == ["24 002 345"]
    assert not any(h.path.startswith("/decisions/education/") for h in site.hits)


def test_limit_stops_early(site, session, tmp_path):
    results = crawl(site, session, tmp_path, limit=3)
    assert len(results) == 3 and len(decision_gets(site)) <= 5


def test_offline_rebuild_from_store_matches_crawl(site, session, tmp_path):
    crawled = {r.reference: r for r in crawl(site, session, tmp_path) if isinstance(r, DecisionRecord)}
    site.stop()  # no network from here on
    stored = list(iter_stored(tmp_path, source="lgsco"))
    records = {r.reference: r for r in stored if isinstance(r, DecisionRecord)}
    assert records.keys() == crawled.keys()
    for ref, rec in records.items():
        assert rec == crawled[ref]  # same text, metadata and url; chapters joined from the store
    assert [f.stage for f in stored if isinstance(f, InputFailure)] == ["parse"]


def test_public_collect_entry_point(site, tmp_path):
    with PoliteSession(rate=1000) as session:
        out = list(scrapers.collect("lgsco", base_url=site.url, raw_dir=tmp_path, session=session,
                                    progress=False, limit=2, **JAN))
    assert len(out) == 2
    with pytest.raises(ValueError, match="unknown source"):
        scrapers.collect("fos", raw_dir=tmp_path)
    with pytest.raises(ValueError, match="after"):
        scrapers.collect("lgsco", raw_dir=tmp_path, since=dt.date(2025, 2, 1), until=dt.date(2025, 1, 1))


def test_unreachable_site_raises_source_unavailable(tmp_path):
    site = LocalSite(router).start()
    url = site.url
    site.stop()  # the port now refuses connections
    with pytest.raises(scrapers.SourceUnavailable):
        list(scrapers.collect("lgsco", base_url=url, raw_dir=tmp_path, progress=False, **JAN))


def test_saved_file_path_is_not_a_url(tmp_path):
    html = (SITE / "decisions/education/school-transport/24-002-345.html").read_bytes()
    rec = lgsco.parse_decision_page(html, str(tmp_path / "24-002-345.html"))
    assert rec.url is None and rec.reference == "24 002 345"


def test_damaged_stored_page_is_fetched_again(site, session, tmp_path):
    crawl(site, session, tmp_path)
    store = RawStore(tmp_path)
    entry = store.latest(site.url + "/decisions/adult-care-services/assessment-and-care-plan/25-900-111")
    store.object_path(entry.sha256, "html").write_bytes(b"garbage")
    before = len(decision_gets(site))
    again = crawl(site, session, tmp_path)
    assert decision_gets(site)[before:] == ["/decisions/adult-care-services/assessment-and-care-plan/25-900-111"]
    assert any(isinstance(r, DecisionRecord) and r.reference == "25 900 111" for r in again)


def deeply_nested(ref: str, depth: int = 1500) -> str:
    """The decision template with its body inside `depth` nested divs (issue 15: 1,000 were
    enough to exceed Python's recursion limit in html_to_text and stop the whole batch)."""
    page = (SITE / "decision-template.html").read_text().format(body="Deepdale Council", ref=ref, date="10 Jan 2025")
    start = page.index('<div class="decision-body">')
    end = page.index("</article>")
    return page[:start] + "<div>" * depth + page[start:end] + "</div>" * depth + page[end:]


def test_deeply_nested_page_is_read():
    for depth in (1500, 20_000):
        record = lgsco.parse_decision_page(deeply_nested("24 002 345", depth))
        assert record.reference == "24 002 345"
        assert record.text.endswith("Summary: We will not investigate this complaint about council tax, reference 24 002 345.")


def test_deeply_nested_page_lands_with_the_rest_of_a_crawl(site, session, tmp_path):
    site.script("/decisions/education/school-transport/24-002-345", Reply(200, deeply_nested("24 002 345")))
    results = crawl(site, session, tmp_path)
    records = {r.reference: r for r in results if isinstance(r, DecisionRecord)}
    assert len(records) == 11  # as in the plain crawl: only 24 003 456 fails (no reference)
    assert "Deepdale Council (24 002 345)" in records["24 002 345"].text


def test_page_the_parser_cannot_walk_is_one_failure(site, session, tmp_path, monkeypatch):
    """Should some page still be too deep for bs4 itself, it is one parse failure."""
    plain = lgsco.article_text

    def too_deep_for_24_002_345(article):
        if "24 002 345" in article.get_text():
            raise RecursionError("maximum recursion depth exceeded")
        return plain(article)

    monkeypatch.setattr(lgsco, "article_text", too_deep_for_24_002_345)
    results = crawl(site, session, tmp_path)
    failures = {f.reference: f for f in results if isinstance(f, InputFailure)}
    assert failures["24 002 345"].stage == "parse" and failures["24 002 345"].reason == "page nested too deeply to read"
    assert len([r for r in results if isinstance(r, DecisionRecord)]) == 10

"""PHSO: the decisions API's list and detail answers, served from saved JSON over a socket."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import scrapers
from pipeline.records import DecisionRecord, InputFailure, RecordError
from scrapers import phso
from scrapers.http import PoliteSession
from scrapers.store import RawStore, iter_stored
from scrapers.testserver import LocalSite, Reply, form

SITE = Path(__file__).parent / "fixtures" / "sites" / "phso"
KEY = "test-key-not-a-real-one"
Q1 = dict(since=dt.date(2025, 1, 1), until=dt.date(2025, 3, 31))
JSON = "application/json; charset=utf-8"


def router(hit):
    """The API under /dpp as saved under tests/fixtures/sites/phso; checks the key."""
    if hit.path == "/robots.txt":
        return None  # an API host without robots.txt: everything allowed
    if hit.headers.get(phso.KEY_HEADER) != KEY:
        return Reply(401, '{"statusCode": 401, "message": "Access denied due to invalid subscription key."}', content_type=JSON)
    if hit.path == "/dpp/decisions" and hit.method == "POST":
        body = json.loads(hit.body)
        window = f"{body['datefrom'][:10]}..{body['dateto'][:10]}"
        page = SITE / "search" / body["complainttype"] / window / f"page-{form(hit, 'page')}.json"
        return Reply(200, page.read_bytes() if page.exists() else (SITE / "search" / "empty.json").read_bytes(), content_type=JSON)
    if hit.path == "/dpp/decision":
        decision_id = form(hit, "id") or ""
        path = SITE / "decision" / f"{decision_id}.json"
        if path.exists():
            return Reply(200, path.read_bytes(), content_type=JSON)
        if decision_id.startswith("00000004"):
            return Reply(404, '{"message": "not found"}', content_type=JSON)
        number = int(decision_id[:8], 16)
        body = (SITE / "decision-template.json").read_text()
        for name, value in (("{id}", decision_id), ("{ref}", f"P-{4600 + number:06d}"), ("{org}", f"Organisation {number}")):
            body = body.replace(name, value)
        return Reply(200, body, content_type=JSON)
    return None


@pytest.fixture
def site():
    with LocalSite(router) as s:
        yield s


@pytest.fixture
def session():
    with PoliteSession(rate=1000, backoff=0.01, retries=1) as s:
        yield s


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("PHSO_API_KEY", KEY)


def crawl(site, session, raw, **kw):
    args = dict(Q1, base_url=site.url + "/dpp", raw_dir=raw, session=session, progress=False,
                today=dt.date(2025, 4, 10))
    args.update(kw)
    return list(phso.collect(**args))


def test_detail_object_form():
    rec = phso.parse_detail((SITE / "decision/00000001-0000-4000-8000-000000000000.json").read_bytes(),
                            {"id": "00000001-0000-4000-8000-000000000000", "complainttype": "health",
                             "outcomes": ["Upheld"]})
    assert rec.source == "phso" and rec.reference == "P-004601"
    assert rec.title == "P-004601 - Northvale Hospitals NHS Trust, Northvale Integrated Care Board"
    assert rec.url == "https://decisions.ombudsman.org.uk/decision/00000001-0000-4000-8000-000000000000"
    assert rec.decision_date == "2025-02-11" and rec.outcome == "Upheld" and rec.category == "health"
    sections = rec.text.split("\n\n")
    assert [s.split("\n")[0] for s in sections] == ["The Complaint:", "Background:", "Evidence:", "Findings:",
                                                    "Our Decision:", "Recommendations:"]
    assert sections[0].split("\n")[1:] == [
        "4. Mr B complains about the care the Trust gave his father, Mr F, in November 2022.",
        "5. He says the Trust:", "did not treat his father's infection promptly", "discharged him when it was unsafe"]
    assert "7. We considered Mr B’s complaint form and Mr F's medical records." in rec.text  # entities decoded
    assert "pay him £750." in rec.text


def test_detail_one_element_list_form_and_decision_type():
    rec = phso.parse_detail((SITE / "decision/00000002-0000-4000-8000-000000000000.json").read_text())
    assert rec.reference == "P-004602" and rec.title == "P-004602 - HM Revenue and Customs"
    assert rec.outcome == "Assessment"  # no listing outcomes: the decision type
    assert rec.url.endswith("/decision/00000002-0000-4000-8000-000000000000")
    assert rec.text.startswith("The Complaint:\n3. Ms C complains")
    assert "Background:" not in rec.text and "Evidence:" not in rec.text  # empty sections left out


@pytest.mark.parametrize("raw, reason", [
    ("not json", "not JSON"),
    ("[]", "list of 0 objects"),
    ('[{"phso_name": "P-1"}, {"phso_name": "P-2"}]', "list of 2 objects"),
    ('{"phso_thecomplaint": "<p>x</p>"}', "no phso_name"),
    ('{"phso_name": "P-000001"}', "no text"),
])
def test_detail_problems_raise_one_line_reasons(raw, reason):
    with pytest.raises(RecordError, match=reason):
        phso.parse_detail(raw)


def test_missing_key_is_a_clear_error_before_any_request(site, session, tmp_path, monkeypatch):
    monkeypatch.delenv("PHSO_API_KEY", raising=False)
    with pytest.raises(phso.ApiKeyError, match="PHSO_API_KEY is not set"):
        crawl(site, session, tmp_path)
    assert site.hits == []


def test_refused_key_stops_the_crawl(site, session, tmp_path, monkeypatch):
    monkeypatch.setenv("PHSO_API_KEY", "wrong")
    with pytest.raises(phso.ApiKeyError, match=r"refused the subscription key .*HTTP 401"):
        crawl(site, session, tmp_path)


def test_crawl_pages_search_and_stores_details(site, session, tmp_path, key):
    results = crawl(site, session, tmp_path)
    records = {r.reference: r for r in results if isinstance(r, DecisionRecord)}
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert len(records) == 11  # 12 health + 1 parliamentary, less two failures
    assert sorted((f.stage, f.origin.rsplit("=", 1)[1][:8]) for f in failures) == [
        ("fetch", "00000004"), ("parse", "00000003")]
    # the search: POSTs for each complaint type, paged, with the key and the window's dates
    searches = [h for h in site.hits if h.path == "/dpp/decisions"]
    assert [(json.loads(h.body)["complainttype"], form(h, "page")) for h in searches] == [
        ("health", "1"), ("health", "2"), ("parliamentary", "1")]
    body = json.loads(searches[0].body)
    assert body["datefrom"].startswith("2025-01-01") and body["dateto"].startswith("2025-03-31")
    assert all(h.headers[phso.KEY_HEADER] == KEY for h in site.hits if h.path != "/robots.txt")
    # listing facts kept with the record
    assert records["P-004601"].outcome == "Not upheld"  # from the listing's outcomes
    assert records["P-004620"].category == "parliamentary"
    # stored: the detail JSON bytes, named by hash, the reference in the manifest, no key
    store = RawStore(tmp_path)
    entries = list(store.entries())
    assert len(entries) == 12 and all(e.ext == "json" for e in entries)
    entry = next(e for e in entries if e.reference == "P-004602")
    assert json.loads(store.read_object(entry.sha256, "json"))[0]["phso_name"] == "P-004602"
    assert entry.meta["complainttype"] == "health"
    assert KEY not in (tmp_path / "manifest.jsonl").read_text()


def test_rerun_reads_details_from_store(site, session, tmp_path, key):
    crawl(site, session, tmp_path)
    details = len([h for h in site.hits if h.path == "/dpp/decision"])
    again = crawl(site, session, tmp_path)
    assert len([r for r in again if isinstance(r, DecisionRecord)]) == 11
    assert len([h for h in site.hits if h.path == "/dpp/decision"]) == details + 1  # only the 404 again


def test_resume_after_interrupted_search(site, session, tmp_path, key):
    site.script("/dpp/decisions?sort=desc&page=2", *[Reply(503, "busy")] * 2)
    first = crawl(site, session, tmp_path)
    assert any(isinstance(r, InputFailure) and "page=2" in r.origin for r in first)
    cp = json.loads((tmp_path / "phso" / "checkpoint.json").read_text())["windows"]
    assert cp["health:2025-01-01..2025-03-31"]["next_page"] == 2
    assert cp["parliamentary:2025-01-01..2025-03-31"]["done"]
    before = len(site.hits)
    second = crawl(site, session, tmp_path)
    searches = [(json.loads(h.body)["complainttype"], form(h, "page")) for h in site.hits[before:]
                if h.path == "/dpp/decisions"]
    assert searches == [("health", "2"), ("parliamentary", "1")]  # unsettled: listed again
    assert {r.reference for r in second if isinstance(r, DecisionRecord)} >= {"P-004611", "P-004612"}


def test_offline_rebuild(site, session, tmp_path, key):
    crawled = {r.reference: r for r in crawl(site, session, tmp_path) if isinstance(r, DecisionRecord)}
    site.stop()
    stored = [r for r in iter_stored(tmp_path, "phso")]
    rebuilt = {r.reference: r for r in stored if isinstance(r, DecisionRecord)}
    assert rebuilt == crawled
    assert [f.stage for f in stored if isinstance(f, InputFailure)] == ["parse"]  # the one without phso_name


def test_public_entry_point(site, tmp_path, key):
    with PoliteSession(rate=1000) as session:
        out = list(scrapers.collect("phso", base_url=site.url + "/dpp", raw_dir=tmp_path, session=session,
                                    progress=False, limit=3, **Q1))
    assert len(out) == 3


def test_public_entry_point_checks_key_at_once(tmp_path, monkeypatch):
    monkeypatch.delenv("PHSO_API_KEY", raising=False)
    with pytest.raises(scrapers.ApiKeyError, match="PHSO_API_KEY"):
        scrapers.collect("phso", raw_dir=tmp_path)  # not even iterated

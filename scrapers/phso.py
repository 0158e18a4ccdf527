"""Parliamentary and Health Service Ombudsman decisions, from the portal's JSON API.

The decisions portal (decisions.ombudsman.org.uk) is a web page over a JSON API at
api.ombudsman.org.uk/dpp. Every fact about that API is a constant below, with where it
came from. None could be checked against the live API from the machine this was written
on (no internet): they come from the project brief (issue 4) and from a third-party
public scraper of the same API; the request body in particular is unverified.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlencode, urlsplit

from pipeline.records import DecisionRecord, InputFailure, RecordError, parse_iso_date

from .crawl import Listing, PageFailed, PageFetcher, Progress, crawl, windows
from .http import FetchError, HTTPStatusError, PoliteSession, SourceUnavailable
from .store import Entry, RawStore, StoreError
from .text import collapse, html_to_text

log = logging.getLogger(__name__)

SOURCE = "phso"

# -- the API -----------------------------------------------------------------------------
API_BASE = "https://api.ombudsman.org.uk/dpp"  # issue 4
# Paged search: POST {API_BASE}/decisions?sort=desc&page=N with a JSON filter body; the
# answer is OData-style {"odata.count": N, "value": [{"id": ..., "complainttype": ...,
# "outcomes": [{"name": ...}]}]}, 10 a page (issue 4; paging in the query string and the
# body's field names as a third-party scraper of this API sends them: unverified).
SEARCH_PATH = "/decisions"
SEARCH_PAGE_PARAM = "page"
SEARCH_SORT = {"sort": "desc"}
PAGE_SIZE = 10
COUNT_FIELD, ITEMS_FIELD = "odata.count", "value"
# The portal searches one complaint type at a time (issue 4).
COMPLAINT_TYPES = ("health", "parliamentary")
# One decision: GET {API_BASE}/decision?id=ID; an object, sometimes a one-element list.
DETAIL_PATH = "/decision"
# Where a decision is published for people (issue 4).
PUBLIC_URL = "https://decisions.ombudsman.org.uk/decision/{id}"
# The portal's page sends the key in this header; users supply theirs (issue 4).
KEY_ENV = "PHSO_API_KEY"
KEY_HEADER = "Ocp-Apim-Subscription-Key"
# Decisions are published from April 2021 (issue 4).
FIRST_DATE = dt.date(2021, 4, 1)
# About 3,100 decisions in five years: a quarter holds ~150 per complaint type, well under
# the ceiling; a busier quarter is split.
WINDOW_MONTHS = 3
WINDOW_CEILING = 500
SETTLE_DAYS = 90  # as for LGSCO: an assumption about publication lag
# Detail fields holding the decision's sections, in reading order, with the headings the
# record format's PHSO texts use (issue 4 and the corpus in ../shared).
SECTIONS = (
    ("phso_thecomplaint", "The Complaint:"),
    ("phso_background", "Background:"),
    ("phso_evidence", "Evidence:"),
    ("phso_findings", "Findings:"),
    ("phso_ourdecision", "Our Decision:"),
    ("phso_recommendations", "Recommendations:"),
)
# phso_decisiontype is a Dynamics option-set code (third-party scraper; unverified).
DECISION_TYPES = {100000000: "Assessment", 100000001: "Report"}


class ApiKeyError(RuntimeError):
    """The PHSO API key is missing or refused; the message is one line."""


def api_key() -> str:
    key = os.environ.get(KEY_ENV, "").strip()
    if not key:
        raise ApiKeyError(f"{KEY_ENV} is not set: the PHSO decisions API needs a subscription key "
                          f"(set {KEY_ENV} in the environment; never commit it)")
    return key


def search_body(complaint_type: str, since: dt.date, until: dt.date) -> dict:
    """The search filter: one complaint type, decisions dated in [since, until], no other
    filters ("All"). Field names as the portal sends them (unverified)."""
    return {
        "complainttype": complaint_type,
        "ct": "All", "org": None, "hs": "All", "mc": "All", "do": "All", "dt": "All", "q": "",
        "datefrom": f"{since.isoformat()}T00:00:00.000Z",
        "dateto": f"{until.isoformat()}T23:59:59.999Z",
    }


def detail_url(api: str, decision_id: str) -> str:
    return f"{api}{DETAIL_PATH}?{urlencode({'id': decision_id})}"


def parse_search(data: Any) -> tuple[int | None, list[dict]]:
    if not isinstance(data, dict):
        raise RecordError("search answer is not a JSON object")
    items = data.get(ITEMS_FIELD)
    if not isinstance(items, list):
        raise RecordError(f"search answer has no {ITEMS_FIELD!r} list")
    count = data.get(COUNT_FIELD)
    try:
        total = int(count) if count is not None else None
    except (TypeError, ValueError):
        raise RecordError(f"search answer has an unreadable {COUNT_FIELD!r}: {count!r}") from None
    return total, [item for item in items if isinstance(item, dict) and item.get("id")]


def _detail_object(data: Any) -> dict:
    if isinstance(data, list):
        objects = [d for d in data if isinstance(d, dict)]
        if len(objects) != 1:
            raise RecordError(f"detail answer is a list of {len(objects)} objects, expected one")
        data = objects[0]
    if not isinstance(data, dict):
        raise RecordError("detail answer is not a JSON object")
    return data


def _names(value: Any) -> list[str]:
    """Names from a string, a list of strings, or a list of {"name": ...} objects."""
    if value is None:
        return []
    if isinstance(value, str):
        return [collapse(value)] if collapse(value) else []
    if isinstance(value, dict):
        return _names(value.get("name") or value.get("phso_name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return [str(value)]


def section_text(fields: dict) -> str:
    parts = []
    for name, heading in SECTIONS:
        value = fields.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        body = html_to_text(value)
        if body:
            parts.append(f"{heading}\n{body}")
    return "\n\n".join(parts)


def parse_detail(raw: bytes | str | Any, meta: dict | None = None) -> DecisionRecord:
    """A record from one detail answer (bytes, text or decoded JSON) plus what the search
    listing said about it (``meta``: id, complainttype, outcomes)."""
    meta = meta or {}
    if isinstance(raw, (bytes, str)):
        try:
            raw = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
        except (UnicodeDecodeError, ValueError) as exc:
            raise RecordError(f"detail answer is not JSON ({exc.__class__.__name__})") from None
    fields = _detail_object(raw)
    reference = collapse(str(fields.get("phso_name") or ""))
    if not reference:
        raise RecordError("detail answer has no phso_name (case reference)")
    text = section_text(fields)
    if not text:
        raise RecordError(f"phso:{reference} has no text in any section field")
    decision_id = meta.get("id") or fields.get("phso_decisionid") or fields.get("id")
    orgs = _names(fields.get("phso_namedorglist"))
    title = f"{reference} - {', '.join(orgs)}" if orgs else reference
    outcomes = _names(meta.get("outcomes")) or _names(fields.get("outcomes"))
    outcome = "; ".join(outcomes) or None
    if outcome is None and fields.get("phso_decisiontype") not in (None, ""):
        code = fields["phso_decisiontype"]
        outcome = DECISION_TYPES.get(code) or DECISION_TYPES.get(_int(code)) or str(code)
    category = meta.get("complainttype") or fields.get("complainttype")
    try:
        date = parse_iso_date(fields.get("phso_decisiondate"))
    except RecordError as exc:  # metadata only: the decision still counts without it
        log.warning("phso:%s: %s; decision date left empty", reference, exc)
        date = None
    return DecisionRecord(
        source=SOURCE, reference=reference, text=text,
        url=PUBLIC_URL.format(id=decision_id) if decision_id else None, title=title,
        decision_date=date,
        category=str(category) if category else None, outcome=outcome,
    )


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _reference_of(raw: bytes) -> str | None:
    try:
        return collapse(str(_detail_object(json.loads(raw)).get("phso_name") or "")) or None
    except (ValueError, RecordError):
        return None


def record_from_store(store: RawStore, entry: Entry) -> DecisionRecord | InputFailure:
    """Rebuild a decision from its stored detail answer (no network)."""
    try:
        raw = store.read_object(entry.sha256, entry.ext)
    except StoreError as exc:
        return InputFailure(entry.url, str(exc), source=SOURCE, reference=entry.reference, stage="store")
    try:
        record = parse_detail(raw, entry.meta)
    except RecordError as exc:
        return InputFailure(entry.url, str(exc), source=SOURCE, reference=entry.reference, stage="parse")
    record.origin = entry.url
    return record


# -- crawl -------------------------------------------------------------------------------
def _key_refused(exc: HTTPStatusError) -> ApiKeyError:
    return ApiKeyError(f"the PHSO API refused the subscription key in {KEY_ENV} (HTTP {exc.status})")


def collect(*, session: PoliteSession, raw_dir: Path, since: dt.date | None = None,
            until: dt.date | None = None, limit: int | None = None, base_url: str | None = None,
            refresh: bool = False, progress: bool | None = None,
            today: dt.date | None = None) -> Iterator[DecisionRecord | InputFailure]:
    key = api_key()  # before any request: a missing key is a configuration error
    today = today or dt.date.today()
    since = since or FIRST_DATE
    until = until or today
    api = (base_url or API_BASE).rstrip("/")
    allowed = (urlsplit(api).hostname or "",)
    headers = {KEY_HEADER: key, "Accept": "application/json"}
    store = RawStore(raw_dir)
    fetcher = PageFetcher(session, store, SOURCE, refresh=refresh, allowed_hosts=allowed, headers=headers)
    meter = Progress(SOURCE, ((until - since).days + 1) * len(COMPLAINT_TYPES), enabled=progress)
    # Windows per complaint type; the type is part of each window's checkpoint key.
    spans = [(ctype, w) for ctype in COMPLAINT_TYPES for w in windows(since, until, WINDOW_MONTHS)]

    def run(ctype: str) -> Iterator[DecisionRecord | InputFailure]:
        def list_page(window, page: int) -> Listing[dict]:
            url = f"{api}{SEARCH_PATH}?{urlencode({**SEARCH_SORT, SEARCH_PAGE_PARAM: page})}"
            origin = f"{url} ({ctype} {window.key})"
            try:
                resp = session.post_json(url, search_body(ctype, window.since, window.until),
                                         headers=headers, allowed_hosts=allowed)
            except SourceUnavailable:
                raise
            except HTTPStatusError as exc:
                if exc.status in (401, 403):
                    raise _key_refused(exc) from None
                raise PageFailed(InputFailure(origin, str(exc), source=SOURCE, stage="fetch")) from None
            except FetchError as exc:
                raise PageFailed(InputFailure(origin, str(exc), source=SOURCE, stage="fetch")) from None
            try:
                total, items = parse_search(resp.json())
            except (ValueError, RecordError) as exc:
                reason = str(exc) if isinstance(exc, RecordError) else "search answer is not JSON"
                raise PageFailed(InputFailure(origin, reason, source=SOURCE, stage="parse")) from None
            return Listing(origin, total, items)

        def handle(item: dict) -> Iterator[DecisionRecord | InputFailure]:
            url = detail_url(api, str(item["id"]))
            meta = {"id": str(item["id"]), "complainttype": item.get("complainttype") or ctype,
                    "outcomes": _names(item.get("outcomes")) or None}
            try:
                raw = fetcher.page(url, kind="decision", ext="json", meta=meta, reference_of=_reference_of)
            except SourceUnavailable:
                raise
            except HTTPStatusError as exc:
                if exc.status in (401, 403):
                    raise _key_refused(exc) from None
                yield InputFailure(url, str(exc), source=SOURCE, stage="fetch")
                return
            except (FetchError, StoreError) as exc:
                yield InputFailure(url, str(exc), source=SOURCE, stage="fetch")
                return
            try:
                record = parse_detail(raw, meta)
            except RecordError as exc:
                yield InputFailure(url, str(exc), source=SOURCE, reference=_reference_of(raw), stage="parse")
                return
            record.origin = url
            yield record

        class _Typed:  # the checkpoint keys windows by complaint type too
            def __init__(self, cp):
                self.cp = cp

            def get(self, key):
                return self.cp.get(f"{ctype}:{key}")

            def update(self, key, **fields):
                self.cp.update(f"{ctype}:{key}", **fields)

        remaining = None if limit is None else limit - state["handled"]
        if remaining is not None and remaining <= 0:
            return
        for result in crawl(windows_=[w for t, w in spans if t == ctype], checkpoint=_Typed(checkpoint),
                            list_page=list_page, handle=handle, item_key=lambda it: str(it["id"]),
                            page_size=PAGE_SIZE, ceiling=WINDOW_CEILING, settle_days=SETTLE_DAYS,
                            relist=refresh, limit=remaining, progress=meter, today=today):
            state["handled"] += 1
            yield result

    checkpoint = store.checkpoint(SOURCE)
    state = {"handled": 0}
    try:
        for ctype in COMPLAINT_TYPES:
            yield from run(ctype)
    finally:
        meter.close()

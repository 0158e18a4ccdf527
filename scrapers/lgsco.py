"""Local Government and Social Care Ombudsman (www.lgo.org.uk): listing, pages, records.

Every fact about the site is a constant below, with where it came from. None of them
could be checked against the live site from the machine this was written on (no
internet); they come from the project brief (issue 4) and from saved decision pages.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from pathlib import Path
from typing import Callable, Iterator, TypeVar
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from bs4 import Tag

from pipeline.records import DecisionRecord, InputFailure, RecordError, parse_iso_date

from .crawl import Listing, PageFailed, PageFetcher, Progress, crawl, windows
from .http import FetchError, PoliteSession, SourceUnavailable
from .store import Entry, RawStore, StoreError
from .text import SKIP_TAGS, collapse, html_to_text, soup_of

log = logging.getLogger(__name__)

SOURCE = "lgsco"

# -- the site ----------------------------------------------------------------------------
# Home of the decisions (issue 4). Published decision URLs use both host spellings (the
# corpus in ../shared has www.lgo.org.uk and lgo.org.uk), so redirects between them are fine.
BASE_URL = "https://www.lgo.org.uk"
ALLOWED_HOSTS = ("www.lgo.org.uk", "lgo.org.uk")
# Server-rendered search (issue 4): GET /Decisions/SearchResults?fd=YYYY-MM-DD&td=YYYY-MM-DD&page=N
LISTING_PATH = "/Decisions/SearchResults"
LISTING_FROM, LISTING_TO, LISTING_PAGE = "fd", "td", "page"
LISTING_DATE_FORMAT = "%Y-%m-%d"
PAGE_SIZE = 10  # results per listing page (issue 4)
# "Your search has N results" (issue 4); "1 result" and thousands separators tolerated.
RESULTS_COUNT_RE = re.compile(r"Your search has\s+([\d,]+)\s+results?", re.I)
NO_RESULTS_RE = re.compile(r"\bno results\b|\bhas\s+0\s+results\b", re.I)
# A decision is /decisions/{category}/{subcategory}/{ref}, ref like 23-011-903a (issue 4 and
# the corpus URLs); /decisions/{category} and /decisions/{category}/{subcategory} are
# category pages, not decisions.
DECISION_PATH_RE = re.compile(r"^/decisions/([a-z0-9-]+)/([a-z0-9-]+)/(\d{2}-\d{3}-\d{3}[a-z]?)/?$", re.I)
# Long reports are split into chapters linked as ?chapter=N (issue 4). The page itself is
# the first chapter; links to the lowest chapter number are taken to be that page again.
CHAPTER_PARAM = "chapter"
# Decisions online start in 2016 (issue 4: about 57,500 decisions "from 2016 on").
FIRST_DATE = dt.date(2016, 1, 1)
# Discovery windows: a calendar month (about 500 decisions a month on average). The
# listing's paging ceiling is unknown; past this many results a window is split in two.
WINDOW_MONTHS = 1
WINDOW_CEILING = 500
# Decisions appear on the site weeks after their date; a month listed at least this long
# after it ended is taken as complete and not listed again (assumption, not measured).
SETTLE_DAYS = 90

# -- the decision page -------------------------------------------------------------------
# The decision is in <article id="article"> (issue 4 and saved pages).
ARTICLE_SELECTOR = "article#article"
# The body container in saved pages; when absent, the whole article is the body.
BODY_SELECTORS = (".decision-body", ".article-body", ".decision-text")
# Header label/value pairs, printed "Category : Adult care services > Direct payments",
# "Decision : Upheld", "Decision date : 20 Jan 2023" (issue 4 and the corpus texts).
META_LABEL_RE = re.compile(r"^(category|decision date|decision)\s*(:)?\s*(.*)$", re.I)
META_FIELDS = {"category": "category", "decision": "outcome", "decision date": "decision_date"}
META_SCAN_LIMIT = 80  # text fragments scanned for labels when no body container is found
# The title is "Body name (23 011 903a)".
TITLE_REF_RE = re.compile(r"\((\d{2})\s*(\d{3})\s*(\d{3})\s*([a-z]?)\)\s*$", re.I)
TITLE_SUFFIX_RE = re.compile(r"\s+-\s+Local Government (and Social Care )?Ombudsman\s*$", re.I)


# -- listing -----------------------------------------------------------------------------
def listing_url(base: str, since: dt.date, until: dt.date, page: int) -> str:
    query = urlencode({LISTING_FROM: since.strftime(LISTING_DATE_FORMAT),
                       LISTING_TO: until.strftime(LISTING_DATE_FORMAT), LISTING_PAGE: page})
    return f"{base}{LISTING_PATH}?{query}"


T = TypeVar("T")


def _one_failure(parse: Callable[..., T]) -> Callable[..., T]:
    """A page that still defeats bs4 or soupsieve (a RecursionError on nesting deeper
    than they walk) becomes a RecordError: one recorded failure, and the batch goes on."""
    @functools.wraps(parse)
    def read(*args, **kwargs) -> T:
        try:
            return parse(*args, **kwargs)
        except RecursionError:
            raise RecordError("page nested too deeply to read") from None
    return read


@_one_failure
def parse_listing(html: str | bytes, page_url: str, base: str | None = None) -> Listing[str]:
    """Decision URLs (on ``base``, default the page's own origin) and the reported total.

    Raises RecordError when the page shows neither a count nor decision links nor a
    "no results" message: a listing we no longer understand, not an empty window.
    """
    soup = soup_of(html)
    text = soup.get_text(" ")
    match = RESULTS_COUNT_RE.search(text)
    total = int(match.group(1).replace(",", "")) if match else None
    if base is None:
        parts = urlsplit(page_url)
        base = f"{parts.scheme}://{parts.netloc}"
    urls: list[str] = []
    for a in soup.find_all("a", href=True):
        path = urlsplit(urljoin(page_url, a["href"])).path
        m = DECISION_PATH_RE.match(path)
        if m:
            # Always fetch from the host we crawl (a mirror or test server gets its own links).
            url = base + path.rstrip("/")
            if url not in urls:
                urls.append(url)
    if total is None and not urls and not NO_RESULTS_RE.search(text):
        raise RecordError("listing page shows no result count, no decision links and no 'no results'")
    return Listing(page_url, total, urls)


def reference_from_url(url: str) -> str | None:
    m = DECISION_PATH_RE.match(urlsplit(url).path)
    return m.group(3).lower().replace("-", " ") if m else None


# -- decision page -----------------------------------------------------------------------
def _article(html: str | bytes):
    soup = soup_of(html)
    article = soup.select_one(ARTICLE_SELECTOR)
    if article is None:
        raise RecordError('page has no decision article (<article id="article">)')
    return soup, article


def _is_chapter_link(tag: Tag) -> bool:
    return tag.name == "a" and CHAPTER_PARAM in parse_qs(urlsplit(tag.get("href", "")).query)


def _fragments(article: Tag, body: Tag | None) -> list[tuple[str, Tag]]:
    frags: list[tuple[str, Tag]] = []
    for string in article.find_all(string=True):
        parent = string.parent
        if type(string).__name__ != "NavigableString":
            continue  # comments, CDATA, doctype
        if body is not None and (parent is body or body in parent.parents):
            continue
        if any(p.name in SKIP_TAGS for p in [parent, *parent.parents]):
            continue
        text = collapse(str(string))
        if text:
            frags.append((text, parent))
        if body is None and len(frags) >= META_SCAN_LIMIT:
            break
    return frags


def _is_label_element(tag: Tag) -> bool:
    classes = " ".join(tag.get("class") or []).lower()
    return tag.name in ("dt", "th", "label") or "label" in classes


def _metadata(article: Tag, body: Tag | None) -> dict[str, str]:
    """Label/value pairs, wherever they sit: "Label : value" in one element or the label
    and value in separate ones ("Category :" then "A > B"; <dt>Category</dt><dd>…</dd>)."""
    frags = _fragments(article, body)
    found: dict[str, str] = {}
    i = 0
    while i < len(frags):
        text, parent = frags[i]
        m = META_LABEL_RE.match(text)
        if not m:
            i += 1
            continue
        label, colon, rest = m.group(1).lower(), m.group(2), m.group(3).strip()
        j = i + 1
        if not colon and not rest and j < len(frags) and frags[j][0].startswith(":"):
            colon, rest = ":", frags[j][0][1:].strip()
            j += 1
        if not colon and not _is_label_element(parent):
            i += 1  # "Decision" as an ordinary word or heading, not a label
            continue
        if not rest and j < len(frags):
            rest = frags[j][0]
            j += 1
        if label == "category":
            # "Environment and regulation" ">" "Drainage" may be separate elements.
            while j < len(frags) and (rest.endswith(">") or frags[j][0].startswith(">")):
                rest = f"{rest} {frags[j][0]}"
                j += 1
        if rest and not META_LABEL_RE.match(rest) and label not in found:
            found[label] = rest
        i = j
    return found


def _title(soup, article: Tag) -> str | None:
    h1 = article.find("h1")
    if h1 is not None and collapse(h1.get_text(" ")):
        return collapse(h1.get_text(" "))
    if soup.title is not None and soup.title.string:
        return TITLE_SUFFIX_RE.sub("", collapse(soup.title.string)) or None
    return None


def _canonical(soup) -> str | None:
    for link in soup.find_all("link", href=True):
        rels = link.get("rel") or []
        if isinstance(rels, str):
            rels = rels.split()
        if "canonical" in [r.lower() for r in rels]:
            return link["href"].strip() or None
    return None


def _strip_query(url: str | None) -> str | None:
    if not url:
        return url
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.scheme else parts.path


def _body(article: Tag) -> Tag | None:
    for selector in BODY_SELECTORS:
        found = article.select_one(selector)
        if found is not None:
            return found
    return None


def article_text(article: Tag) -> str:
    """The article as plain lines; chapter navigation dropped."""
    return html_to_text(article, skip=_is_chapter_link)


@_one_failure
def parse_decision_page(html: str | bytes, url: str | None = None) -> DecisionRecord:
    """Read one decision page (a saved file or a fetched one) into a record.

    The text is the article as plain lines: the title, the metadata lines, then the
    decision, as in the record format's LGSCO examples. Raises RecordError (one line)
    when the page has no decision article, no reference or no text.
    """
    soup, article = _article(html)
    title = _title(soup, article)
    canonical = _canonical(soup)
    # A saved file's path is where the page came from (origin), not where it is published.
    web_url = url if url and urlsplit(url).scheme in ("http", "https") else None
    page_url = _strip_query(canonical or web_url)
    reference = None
    if title:
        m = TITLE_REF_RE.search(title)
        if m:
            reference = f"{m.group(1)} {m.group(2)} {m.group(3)}{m.group(4).lower()}"
    for candidate in (canonical, url):
        if reference is None and candidate:
            reference = reference_from_url(candidate)
    if reference is None:
        raise RecordError("no case reference in the page title or URL")
    meta = _metadata(article, _body(article))
    date = None
    if meta.get("decision date"):
        try:
            date = parse_iso_date(meta["decision date"])
        except RecordError as exc:
            log.warning("%s: %s; decision date left empty", page_url or reference, exc)
    category = meta.get("category")
    if category:
        category = re.sub(r"\s*>\s*", " > ", category).strip(" >") or None
    text = article_text(article)
    if not text.strip():
        raise RecordError(f"lgsco:{reference} has no text")
    return DecisionRecord(source=SOURCE, reference=reference, text=text, url=page_url, title=title,
                          decision_date=date, category=category, outcome=meta.get("decision"),
                          origin=url)


def chapter_urls(html: str | bytes, url: str) -> list[str]:
    """URLs of the other chapters of a chaptered report, in chapter order (the page itself,
    the lowest chapter, left out), on the same host and path as ``url``."""
    soup = soup_of(html)
    here = urlsplit(url)
    own = parse_qs(here.query).get(CHAPTER_PARAM, [None])[0]
    numbers: set[int] = set()
    for a in soup.find_all("a", href=True):
        target = urlsplit(urljoin(url, a["href"]))
        if target.path.rstrip("/") != here.path.rstrip("/"):
            continue
        value = parse_qs(target.query).get(CHAPTER_PARAM, [""])[0]
        if value.isdigit():
            numbers.add(int(value))
    if not numbers:
        return []
    first = int(own) if own and own.isdigit() else min(numbers)
    base = f"{here.scheme}://{here.netloc}{here.path}"
    return [f"{base}?{CHAPTER_PARAM}={n}" for n in sorted(numbers) if n != first]


@_one_failure
def chapter_text(html: str | bytes) -> str:
    """A chapter's decision text: its article without the repeated title and metadata lines."""
    soup, article = _article(html)
    title = _title(soup, article)
    lines = article_text(article).split("\n")
    while lines and (lines[0] == title or META_LABEL_RE.match(lines[0]) and ":" in lines[0]):
        lines.pop(0)
    return "\n".join(lines)


def record_from_pages(main: str | bytes, url: str | None, chapters: list[str | bytes] = ()) -> DecisionRecord:
    record = parse_decision_page(main, url)
    parts = [record.text] + [t for t in (chapter_text(c) for c in chapters) if t]
    record.text = "\n".join(parts)
    return record


def record_from_store(store: RawStore, entry: Entry) -> DecisionRecord | InputFailure:
    """Rebuild a decision from its stored page and stored chapters (no network)."""
    try:
        main = store.read_object(entry.sha256, entry.ext)
        chapters = []
        for chapter_url in chapter_urls(main, entry.url):
            chapter = store.stored(chapter_url)
            if chapter is None:
                raise StoreError(f"chapter {chapter_url} is not in the store")
            chapters.append(store.read_object(chapter.sha256, chapter.ext))
    except StoreError as exc:
        return InputFailure(entry.url, str(exc), source=SOURCE, reference=entry.reference, stage="store")
    try:
        return record_from_pages(main, entry.url, chapters)
    except RecordError as exc:
        return InputFailure(entry.url, str(exc), source=SOURCE, reference=entry.reference, stage="parse")


# -- crawl -------------------------------------------------------------------------------
def collect(*, session: PoliteSession, raw_dir: Path, since: dt.date | None = None,
            until: dt.date | None = None, limit: int | None = None, base_url: str | None = None,
            refresh: bool = False, progress: bool | None = None,
            today: dt.date | None = None) -> Iterator[DecisionRecord | InputFailure]:
    today = today or dt.date.today()
    since = since or FIRST_DATE
    until = until or today
    base = (base_url or BASE_URL).rstrip("/")
    allowed = ALLOWED_HOSTS if base_url is None else (urlsplit(base).hostname or "",)
    store = RawStore(raw_dir)
    fetcher = PageFetcher(session, store, SOURCE, refresh=refresh, allowed_hosts=allowed)
    spans = windows(since, until, WINDOW_MONTHS)
    meter = Progress(SOURCE, (until - since).days + 1, enabled=progress)

    def list_page(window, page: int) -> Listing[str]:
        url = listing_url(base, window.since, window.until, page)
        try:
            resp = session.get(url, allowed_hosts=allowed)
        except SourceUnavailable:
            raise
        except FetchError as exc:
            raise PageFailed(InputFailure(url, str(exc), source=SOURCE, stage="fetch")) from None
        try:
            return parse_listing(resp.content, url, base)
        except RecordError as exc:
            raise PageFailed(InputFailure(url, str(exc), source=SOURCE, stage="parse")) from None

    def handle(url: str) -> Iterator[DecisionRecord | InputFailure]:
        reference = reference_from_url(url)
        try:
            main = fetcher.page(url, kind="decision", reference=reference)
            chapters = [fetcher.page(u, kind="chapter", reference=reference)
                        for u in chapter_urls(main, url)]
        except SourceUnavailable:
            raise
        except (FetchError, StoreError) as exc:
            yield InputFailure(url, str(exc), source=SOURCE, reference=reference, stage="fetch")
            return
        try:
            yield record_from_pages(main, url, chapters)
        except RecordError as exc:
            yield InputFailure(url, str(exc), source=SOURCE, reference=reference, stage="parse")

    try:
        yield from crawl(windows_=spans, checkpoint=store.checkpoint(SOURCE), list_page=list_page,
                         handle=handle, item_key=lambda u: urlsplit(u).path.lower(),
                         page_size=PAGE_SIZE, ceiling=WINDOW_CEILING, settle_days=SETTLE_DAYS,
                         relist=refresh, limit=limit, progress=meter, today=today)
    finally:
        meter.close()

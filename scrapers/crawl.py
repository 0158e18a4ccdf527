"""Discovery in date windows, checkpointed, with progress: the loop both scrapers share.

A crawl of [since, until] walks date windows newest first. Each window's listing is paged;
when the listing reports more results than a source's ceiling, the window is split in two
(down to a single day) so no listing ever pages past what the site will serve. After every
listing page whose decisions have all been handled, the window's ``next_page`` is written
to the checkpoint; an interrupted crawl therefore resumes at that page.

A window finished at least ``settle_days`` after its last day is "settled" and skipped by
later crawls; a window finished earlier is listed again, because decisions keep being
published for dates already past.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
import sys
import time
from dataclasses import dataclass
from typing import Callable, Generic, Iterator, TextIO, TypeVar

from pipeline.records import DecisionRecord, InputFailure

from .store import Checkpoint

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = DecisionRecord | InputFailure


@dataclass(frozen=True)
class Window:
    since: dt.date
    until: dt.date

    @property
    def key(self) -> str:
        return f"{self.since.isoformat()}..{self.until.isoformat()}"

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def halves(self) -> tuple["Window", "Window"]:
        mid = self.since + dt.timedelta(days=self.days // 2 - 1)
        return Window(self.since, mid), Window(mid + dt.timedelta(days=1), self.until)


def windows(since: dt.date, until: dt.date, months: int = 1) -> list[Window]:
    """Calendar windows of ``months`` months covering [since, until], newest first."""
    if since > until:
        raise ValueError(f"--from {since} is after --to {until}")
    out: list[Window] = []
    start = since
    while start <= until:
        month0 = (start.month - 1) // months * months  # align to calendar blocks
        year, month = start.year, month0 + months + 1
        year += (month - 1) // 12
        month = (month - 1) % 12 + 1
        end = min(dt.date(year, month, 1) - dt.timedelta(days=1), until)
        out.append(Window(start, end))
        start = end + dt.timedelta(days=1)
    return out[::-1]


@dataclass
class Listing(Generic[Item]):
    url: str  # for failures and logs
    total: int | None  # results the listing reports, when it says
    items: list[Item]


class PageFailed(Exception):
    """A listing page could not be fetched or read; carries the failure to report."""

    def __init__(self, failure: InputFailure):
        super().__init__(str(failure))
        self.failure = failure


class Progress:
    """Counts, rate and ETA: a live line on a terminal, log lines otherwise."""

    def __init__(self, source: str, total_days: int, enabled: bool | None = None,
                 stream: TextIO | None = None, log_every: float = 30.0):
        self.source = source
        self.stream = stream or sys.stderr
        self.tty = enabled if enabled is not None else _isatty(self.stream)
        self.total_days = max(total_days, 1)
        self.covered_days = 0
        self.records = self.failures = 0
        self.where = ""
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._last_log = self.started
        self.log_every = log_every

    def result(self, item: Result) -> None:
        if isinstance(item, InputFailure):
            self.failures += 1
        else:
            self.records += 1
        self._tick()

    def at(self, window: Window, page: int, pages: int | None) -> None:
        self.where = f"{window.key} page {page}/{pages if pages else '?'}"
        self._tick()

    def covered(self, days: int) -> None:
        self.covered_days = min(self.total_days, self.covered_days + days)
        self._tick()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        done = self.records + self.failures
        rate = done / elapsed
        frac = self.covered_days / self.total_days
        eta = _duration(elapsed * (1 - frac) / frac) if frac > 0 else "?"
        return (f"{self.source}: {self.records} decisions, {self.failures} failed, "
                f"{rate:.2f}/s, {frac:.0%} of dates, ETA {eta}"
                + (f" [{self.where}]" if self.where else ""))

    def _tick(self) -> None:
        now = time.monotonic()
        if self.tty:
            if now - self._last_draw >= 0.2:
                self._last_draw = now
                self.stream.write("\r\x1b[K" + self.line())
                self.stream.flush()
        elif now - self._last_log >= self.log_every:
            self._last_log = now
            log.info("%s", self.line())

    def close(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line() + "\n")
            self.stream.flush()
        else:
            log.info("%s (finished)", self.line())


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class LayoutCheck:
    """Says once per crawl, as a warning, when a listing page does not look as the scraper
    expects. The scrapers were written from the publishers' documented layouts, not against
    the live sites; this is where a difference first shows."""

    def __init__(self) -> None:
        self.warned = False

    def listing(self, listing: "Listing", page: int, page_size: int) -> int | None:
        """Check one listing page; returns how many decision links its count promises."""
        if listing.total is None:
            if listing.items:
                self._warn(f"{listing.url}: the listing shows {len(listing.items)} decision links but no result "
                           "count; the site's layout may have changed")
            return None
        expected = max(0, min(page_size, listing.total - (page - 1) * page_size))
        if len(listing.items) != expected:
            self._warn(f"{listing.url}: the listing says {listing.total} results ({expected} expected on page {page}) "
                       f"but {len(listing.items)} decision links were parsed; the site's layout may have changed")
        return expected

    def failed(self, failure: InputFailure) -> None:
        if failure.stage == "parse":
            self._warn(f"{failure.origin}: the listing page does not have the expected shape ({failure.reason})")

    def _warn(self, message: str) -> None:
        if not self.warned:
            self.warned = True
            log.warning("%s (the scrapers follow the publishers' documented layouts and have not been run against "
                        "the live sites: see the layout constants at the top of the scraper module)", message)


def crawl(
    *,
    windows_: list[Window],
    checkpoint: Checkpoint,
    list_page: Callable[[Window, int], Listing[Item]],
    handle: Callable[[Item], Iterator[Result]],
    item_key: Callable[[Item], str],
    page_size: int,
    ceiling: int,
    settle_days: int,
    relist: bool = False,
    limit: int | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Iterator[Result]:
    """Walk the windows, page their listings, and yield what ``handle`` makes of each item."""
    today = today or dt.date.today()
    check = LayoutCheck()
    stack = list(reversed(windows_))  # pop() takes the newest first
    seen: set[str] = set()
    handled = 0
    while stack:
        window = stack.pop()
        state = {} if relist else checkpoint.get(window.key)
        if state.get("split") and window.days > 1:
            older, newer = window.halves()
            stack.extend([older, newer])
            continue
        if state.get("done") and not relist:
            finished = dt.date.fromisoformat(state.get("finished_at", "1970-01-01")[:10])
            if finished >= window.until + dt.timedelta(days=settle_days):
                log.debug("window %s settled; skipped", window.key)
                if progress:
                    progress.covered(window.days)
                continue
            state = {}  # finished too soon to be final: list it again from page 1
        page = int(state.get("next_page", 1)) if not state.get("done") else 1
        total = state.get("total")
        complete = False
        while True:
            pages = math.ceil(total / page_size) if total is not None else None
            if pages is not None and page > pages:
                complete = True
                break
            if progress:
                progress.at(window, page, pages)
            try:
                listing = list_page(window, page)
            except PageFailed as exc:
                check.failed(exc.failure)
                yield exc.failure
                break  # the checkpoint still points at this page: the next crawl retries it
            promised = check.listing(listing, page, page_size)
            if listing.total is not None:
                total = listing.total
            if page == 1 and total is not None and total > ceiling and window.days > 1:
                log.info("window %s has %d results, over %d: splitting", window.key, total, ceiling)
                checkpoint.update(window.key, split=True, total=total)
                older, newer = window.halves()
                stack.extend([older, newer])
                break
            if not listing.items:
                if promised:  # a page we no longer read, not the end: the window stays open
                    yield InputFailure(listing.url, f"the listing says {listing.total} results but no decision "
                                       "links were parsed", stage="parse")
                    break
                complete = True
                break
            for item in listing.items:
                key = item_key(item)
                if key in seen:
                    continue  # publication shifted the listing; already handled this run
                seen.add(key)
                for result in handle(item):
                    if progress:
                        progress.result(result)
                    yield result
                handled += 1
                if limit is not None and handled >= limit:
                    return
            page += 1
            checkpoint.update(window.key, next_page=page, total=total, done=False)
        if complete:
            log.info("window %s listed: %s results", window.key, total if total is not None else "?")
            checkpoint.update(window.key, done=True, next_page=page, total=total,
                              finished_at=today.isoformat())
            if progress:
                progress.covered(window.days)


class PageFetcher:
    """Get a page through the raw store: stored copy unless ``refresh``, else a (conditional)
    request whose answer is stored before it is used."""

    def __init__(self, session, store, source: str, *, refresh: bool = False,
                 allowed_hosts: tuple[str, ...] = (), headers: dict | None = None):
        self.session = session
        self.store = store
        self.source = source
        self.refresh = refresh
        self.allowed_hosts = allowed_hosts
        self.headers = headers or {}
        self.from_store = 0
        self.fetched = 0

    def page(self, url: str, *, kind: str = "decision", reference: str | None = None,
             ext: str = "html", meta: dict | None = None,
             reference_of: Callable[[bytes], str | None] | None = None) -> bytes:
        from .store import StoreError

        prev = self.store.stored(url)
        if prev is not None and not self.refresh:
            try:
                data = self.store.read_object(prev.sha256, prev.ext)
            except StoreError as exc:
                log.warning("%s: %s; fetching again", url, exc)
            else:
                self.from_store += 1
                return data
        resp = self.session.get(url, headers=self.headers, allowed_hosts=self.allowed_hosts,
                                etag=prev.etag if prev else None,
                                last_modified=prev.last_modified if prev else None)
        self.fetched += 1
        if resp.not_modified:
            if prev is None:
                from .http import FetchError
                raise FetchError(f"HTTP 304 from {url} for a page not in the store", url, 304)
            self.store.confirm(prev, etag=resp.etag, last_modified=resp.last_modified)
            return self.store.read_object(prev.sha256, prev.ext)
        if reference is None and reference_of is not None:
            try:
                reference = reference_of(resp.content)
            except Exception:  # the parse step reports the problem; storing must not fail
                reference = None
        self.store.put(url, resp.content, status=resp.status, source=self.source,
                       reference=reference, kind=kind, ext=ext, etag=resp.etag,
                       last_modified=resp.last_modified, meta=meta)
        return resp.content

"""The one HTTP session every scraper uses: politeness lives here and nowhere else.

`PoliteSession` identifies the project in its User-Agent, obeys robots.txt, spaces requests
to each host (default 1 request/s), retries connection errors, timeouts, truncated bodies,
429 and 5xx with exponential backoff while honouring Retry-After, caps response size,
makes conditional requests, and refuses redirects that leave the allowed origins. Scrapers
ask it for pages; they never sleep, retry or check robots.txt themselves.

Credentials (an API key, Authorization) are request headers the caller passes with a URL;
they go to that URL's origin (scheme, host and port) and nowhere else, redirects included.
"""
from __future__ import annotations

import email.utils
import json
import logging
import os
import threading
import time
import urllib.robotparser
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import urljoin, urlsplit

import requests

log = logging.getLogger(__name__)

# The contact shown in the User-Agent, so a site operator can reach whoever runs the
# crawler. Deployments set OMBUDSMAN_CONTACT (a URL or an address they own); the default
# points at the project, never at a person.
CONTACT_ENV = "OMBUDSMAN_CONTACT"
DEFAULT_CONTACT = "https://github.com/ombudsman-data/ombudsman-data"
RATE_ENV = "OMBUDSMAN_RATE"
DEFAULT_RATE = 1.0  # requests per second per host (DESIGN.md)
DEFAULT_TIMEOUT = (10.0, 30.0)  # (connect, read between bytes) seconds
DEFAULT_DEADLINE = 120.0  # whole response, seconds: a trickling server is a timeout too
MAX_BYTES = 20 * 1024 * 1024  # decision pages are ~100 KB; anything near this is wrong
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 §2.5: crawlers may ignore robots.txt past 500 KiB
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 600.0  # a server asking us to wait longer than this has failed the request
DEFAULT_PORTS = {"http": 80, "https": 443}
# The caller's headers that may follow a redirect to another allowed origin. Anything else
# the caller passed (an API key under any name, Authorization, Cookie) stays with the origin
# it was meant for: an allow-list, so a credential header we have never heard of is safe too.
HEADERS_ACROSS_ORIGINS = frozenset({"accept", "accept-language", "content-type"})


def _version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover
        return "0.1.0"
    for name in ("ombudsman-data", "ombudsman"):
        try:
            return version(name)
        except PackageNotFoundError:
            continue
    return "0.1.0"


def user_agent(contact: str | None = None) -> str:
    contact = contact or os.environ.get(CONTACT_ENV) or DEFAULT_CONTACT
    return f"ombudsman-data/{_version()} (+{contact})"


def rate_from_env(rate: float | None = None) -> float:
    """The rate to use: the argument, else $OMBUDSMAN_RATE, else 1 request/s."""
    if rate is None:
        raw = os.environ.get(RATE_ENV)
        if not raw:
            return DEFAULT_RATE
        try:
            rate = float(raw)
        except ValueError:
            raise ValueError(f"{RATE_ENV} must be a number of requests per second, got {raw!r}") from None
    if not rate > 0:
        raise ValueError(f"rate must be a positive number of requests per second, got {rate!r}")
    return float(rate)


class FetchError(Exception):
    """A request that did not produce a usable page; the message is one line."""

    def __init__(self, message: str, url: str | None = None, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status


class SourceUnavailable(FetchError):
    """The site cannot be reached at all (DNS failure, connection refused on first contact)."""


class Refused(FetchError):
    """We chose not to make the request: robots.txt disallows it, or a redirect leaves the site."""


class TooLarge(FetchError):
    """The response is larger than the size cap."""


class HTTPStatusError(FetchError):
    """The final answer had a status we cannot use (after any retries)."""


class _Retryable(Exception):
    """Internal: a transport failure worth another attempt (timeout, reset, truncated body)."""


@dataclass
class Response:
    url: str  # the final URL, after any redirects
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("ETag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("Last-Modified")

    def json(self) -> Any:
        return json.loads(self.content.decode("utf-8-sig"))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _origin_key(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the default port filled in: two URLs are the same site
    only if all three match (RFC 6454), so a redirect from :443 to :8443 on the same host
    is as foreign as one to another host."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:  # "host:99999" or "host:abc": no origin we would trust
        return scheme, "", None
    return scheme, (parts.hostname or "").lower(), port or DEFAULT_PORTS.get(scheme)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class PoliteSession:
    """Fetch pages politely. One instance per crawl; safe to share between scrapers.

    ``sleep`` and ``clock`` are injectable so tests can observe or shorten waits.
    ``stats`` counts requests, retries, refusals, 304s and bytes, for progress and tests.
    """

    def __init__(
        self,
        *,
        rate: float | None = None,
        contact: str | None = None,
        timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = MAX_BYTES,
        retries: int = 4,
        backoff: float = 1.0,
        max_retry_after: float = MAX_RETRY_AFTER,
        allowed_hosts: Iterable[str] = (),
        obey_robots: bool = True,
        headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.rate = rate_from_env(rate)
        self.user_agent = user_agent(contact)
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self.obey_robots = obey_robots
        self.sleep = sleep
        self.clock = clock
        self.stats: Counter[str] = Counter()
        self._http = requests.Session()
        # We retry and redirect ourselves, so the transport must do neither.
        adapter = requests.adapters.HTTPAdapter(max_retries=0)
        self._http.mount("http://", adapter)
        self._http.mount("https://", adapter)
        self._http.headers.update({"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"})
        if headers:  # sent to every origin: never a credential (pass those to get/post_json)
            self._http.headers.update(headers)
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        self._answered: set[str] = set()  # origins that have produced any HTTP answer
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    # -- public API -------------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        allowed_hosts: Iterable[str] = (),
    ) -> Response:
        """GET a page. With ``etag``/``last_modified`` the request is conditional and a
        304 comes back as a Response whose ``not_modified`` is true and content empty."""
        if params:
            url = requests.Request("GET", url, params=params).prepare().url
        hdrs = dict(headers or {})
        if etag:
            hdrs["If-None-Match"] = etag
        if last_modified:
            hdrs["If-Modified-Since"] = last_modified
        return self._fetch("GET", url, headers=hdrs, body=None, allowed_hosts=allowed_hosts)

    def post_json(
        self,
        url: str,
        payload: Any,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        allowed_hosts: Iterable[str] = (),
    ) -> Response:
        if params:
            url = requests.Request("POST", url, params=params).prepare().url
        hdrs = {"Content-Type": "application/json", "Accept": "application/json", **(headers or {})}
        body = json.dumps(payload).encode("utf-8")
        return self._fetch("POST", url, headers=hdrs, body=body, allowed_hosts=allowed_hosts)

    def allowed_by_robots(self, url: str) -> bool:
        if not self.obey_robots:
            return True
        parser = self._robots_for(url)
        return parser.can_fetch(self.user_agent, url)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "PoliteSession":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals --------------------------------------------------------------------
    def _fetch(self, method: str, url: str, *, headers: dict, body: bytes | None,
               allowed_hosts: Iterable[str], robots: bool = True,
               max_bytes: int | None = None) -> Response:
        # Where redirects may go: the origin asked for, and the other allowed hosts on the
        # same scheme and port (www.lgo.org.uk and lgo.org.uk are one site; its :8080 is not).
        home = _origin_key(url)
        scheme, _, port = home
        allowed = {home} | {(scheme, h.lower(), port) for h in (*self.allowed_hosts, *allowed_hosts)}
        for _hop in range(MAX_REDIRECTS + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                self.stats["refused"] += 1
                raise Refused(f"refused non-HTTP URL {url}", url)
            if robots and not self.allowed_by_robots(url):
                self.stats["refused"] += 1
                raise Refused(f"robots.txt disallows {url}", url)
            resp = self._attempts(method, url, headers=headers, body=body, max_bytes=max_bytes)
            if resp.status not in REDIRECT_STATUSES:
                if resp.status >= 400 or (resp.status >= 300 and resp.status != 304):
                    raise HTTPStatusError(f"HTTP {resp.status} from {url}", url, resp.status)
                return resp
            location = resp.headers.get("Location")
            if not location:
                raise HTTPStatusError(f"HTTP {resp.status} without a Location from {url}", url, resp.status)
            target = urljoin(url, location)
            if _origin_key(target) not in allowed:
                self.stats["refused"] += 1
                raise Refused(f"refused redirect off-site from {url} to {target}", url, resp.status)
            log.debug("redirect %s -> %s", url, target)
            if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
                method, body = "GET", None
            if _origin_key(target) != home:
                headers = {k: v for k, v in headers.items() if k.lower() in HEADERS_ACROSS_ORIGINS}
            url = target
        raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}", url)

    def _throttle(self, url: str, interval: float) -> None:
        """Wait until this origin may have another request, then take the slot.

        `_next_slot[origin]` is the earliest time the next request may start: `interval`
        after the last one, or later when the host asked for quiet (Retry-After). The slot
        is taken only when the wait is over, and the time is checked again after every
        sleep: a Retry-After that arrives while another request to the host is waiting
        its turn holds that request back too."""
        origin = _origin(url)
        while True:
            with self._lock:
                now = self.clock()
                ready = self._next_slot.get(origin, now)
                if ready <= now:
                    self._next_slot[origin] = now + interval
                    return
            self.sleep(ready - now)

    def _hold(self, origin: str, seconds: float) -> None:
        """No request to `origin` for `seconds` from now (a Retry-After, or our backoff)."""
        with self._lock:
            self._next_slot[origin] = max(self._next_slot.get(origin, 0.0), self.clock() + seconds)

    def _interval(self, url: str) -> float:
        interval = 1.0 / self.rate
        parser = self._robots.get(_origin(url))
        if parser is not None:
            delay = parser.crawl_delay(self.user_agent)
            if delay:
                interval = max(interval, float(delay))
        return interval

    def _attempts(self, method: str, url: str, *, headers: dict, body: bytes | None,
                  max_bytes: int | None) -> Response:
        origin = _origin(url)
        attempt = 0
        while True:
            attempt += 1
            self._throttle(url, self._interval(url))
            self.stats["requests"] += 1
            log.debug("%s %s (attempt %d)", method, url, attempt)
            delay: float
            try:
                status, resp_headers, content = self._one_request(method, url, headers, body, max_bytes)
            except requests.ConnectionError as exc:
                if origin not in self._answered:
                    # Nothing from this host yet: it is down or we are offline. Say so at
                    # once, so the caller can fall back to offline work without waiting.
                    raise SourceUnavailable(f"cannot reach {origin}: {_reason(exc)}", url) from None
                reason = f"connection error: {_reason(exc)}"
                delay = self.backoff * 2 ** (attempt - 1)
            except requests.Timeout:
                reason = "timed out"
                delay = self.backoff * 2 ** (attempt - 1)
            except _Retryable as exc:
                self._answered.add(origin)  # it answered, then the body went wrong
                reason = str(exc)
                delay = self.backoff * 2 ** (attempt - 1)
            else:
                self._answered.add(origin)
                if status not in RETRY_STATUSES:
                    if status == 304:
                        self.stats["not_modified"] += 1
                    return Response(url, status, content, resp_headers, attempt)
                reason = f"HTTP {status}"
                retry_after = parse_retry_after(resp_headers.get("Retry-After"))
                if retry_after is not None and retry_after > self.max_retry_after:
                    raise HTTPStatusError(
                        f"HTTP {status} from {url}: server asks to wait {retry_after:.0f} s", url, status)
                if retry_after is not None:
                    # The host asked for quiet: that holds for every request to it, whether
                    # or not this one is retried.
                    self._hold(origin, retry_after)
                delay = retry_after if retry_after is not None else self.backoff * 2 ** (attempt - 1)
                if attempt > self.retries:
                    raise HTTPStatusError(f"HTTP {status} from {url} after {attempt} attempts", url, status)
            if attempt > self.retries:
                raise FetchError(f"{reason} for {url} after {attempt} attempts", url)
            self.stats["retries"] += 1
            log.info("%s for %s; retrying in %.1f s", reason, url, delay)
            # The wait is the host's, not this request's: _throttle, at the top of the loop,
            # waits it out, and so does any other request to the host meanwhile.
            self._hold(origin, delay)

    def _one_request(self, method: str, url: str, headers: dict, body: bytes | None,
                     max_bytes: int | None) -> tuple[int, Mapping[str, str], bytes]:
        cap = self.max_bytes if max_bytes is None else max_bytes
        started = time.monotonic()
        resp = self._http.request(method, url, headers=headers, data=body, timeout=self.timeout,
                                  stream=True, allow_redirects=False)
        try:
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > cap:
                self.stats["too_large"] += 1
                raise TooLarge(f"response from {url} is {int(declared)} bytes, over the {cap}-byte cap", url)
            chunks = []
            size = 0
            try:
                for chunk in resp.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > cap:
                        self.stats["too_large"] += 1
                        raise TooLarge(f"response from {url} exceeds the {cap}-byte cap", url)
                    if time.monotonic() - started > self.deadline:
                        raise _Retryable(f"response took longer than {self.deadline:.0f} s")
                    chunks.append(chunk)
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
                raise _Retryable(f"truncated response ({_reason(exc)})") from None
            except requests.ConnectionError as exc:  # read timeout while streaming the body
                raise _Retryable(f"connection lost while reading ({_reason(exc)})") from None
            content = b"".join(chunks)
            if (declared and declared.isdigit() and "Content-Encoding" not in resp.headers
                    and len(content) < int(declared)):
                raise _Retryable(f"truncated response ({len(content)} of {declared} bytes)")
            self.stats["bytes"] += len(content)
            return resp.status_code, resp.headers, content
        finally:
            resp.close()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        origin = _origin(url)
        parser = self._robots.get(origin)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            resp = self._fetch("GET", origin + "/robots.txt", headers={}, body=None,
                               allowed_hosts=(), robots=False, max_bytes=ROBOTS_MAX_BYTES)
        except HTTPStatusError as exc:
            if exc.status in (401, 403):
                parser.disallow_all = True  # as urllib.robotparser.read() does
            elif exc.status is not None and 400 <= exc.status < 500:
                parser.allow_all = True  # no robots.txt: everything is allowed
            else:
                # RFC 9309 §2.3.1.4: robots.txt unreachable through server errors means
                # assume complete disallow, until a later crawl can read it.
                log.warning("robots.txt at %s unavailable (%s); treating the site as disallowed", origin, exc)
                parser.disallow_all = True
        except TooLarge:
            parser.allow_all = True
        except (Refused, SourceUnavailable):
            raise
        except FetchError as exc:
            log.warning("robots.txt at %s unavailable (%s); treating the site as disallowed", origin, exc)
            parser.disallow_all = True
        else:
            parser.parse(resp.content.decode("utf-8", errors="replace").splitlines())
        parser.modified()
        self._robots[origin] = parser
        return parser


_REASONS = (  # markers in requests/urllib3 messages -> a short phrase for our one-line errors
    ("NameResolutionError", "name resolution failed"),
    ("Name or service not known", "name resolution failed"),
    ("Connection refused", "connection refused"),
    ("timed out", "timed out"),
    ("Connection reset", "connection reset"),
    ("IncompleteRead", "body shorter than its Content-Length"),
    ("Network is unreachable", "network unreachable"),
)


def _reason(exc: BaseException) -> str:
    """A short, one-line reason from a requests/urllib3 exception chain."""
    text = str(exc)
    for marker, phrase in _REASONS:
        if marker in text:
            return phrase
    first = text.splitlines()[0] if text else ""
    return first[:200] or type(exc).__name__

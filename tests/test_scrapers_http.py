"""PoliteSession against a real loopback HTTP server: politeness, retries, refusals."""
from __future__ import annotations

import socket
import time

import pytest

from scrapers.http import (FetchError, HTTPStatusError, PoliteSession, Refused, SourceUnavailable,
                           TooLarge, parse_retry_after, rate_from_env, user_agent)
from scrapers.testserver import LocalSite, Reply

ROBOTS = "User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n"


def router(hit):
    if hit.path == "/robots.txt":
        return Reply(200, ROBOTS, content_type="text/plain")
    if hit.path.startswith("/page"):
        return Reply(200, f"<p>{hit.path}</p>")
    return None


@pytest.fixture
def site():
    with LocalSite(router) as s:
        yield s


def fast(**kw) -> PoliteSession:
    """A session that does not make tests wait: high rate, tiny backoff."""
    kw.setdefault("rate", 1000)
    kw.setdefault("backoff", 0.01)
    return PoliteSession(**kw)


def test_user_agent_identifies_project_and_contact(site, monkeypatch):
    monkeypatch.setenv("OMBUDSMAN_CONTACT", "mailto:data-team@example.org")
    with fast() as s:
        s.get(site.url + "/page/1")
    ua = site.hits[-1].headers["User-Agent"]
    assert ua.startswith("ombudsman-data/") and ua.endswith("(+mailto:data-team@example.org)")
    monkeypatch.delenv("OMBUDSMAN_CONTACT")
    assert "(+https://" in user_agent()  # the default is a project URL, not a person


def test_robots_txt_fetched_once_and_obeyed(site):
    with fast() as s:
        assert s.get(site.url + "/page/1").content == b"<p>/page/1</p>"
        with pytest.raises(Refused, match="robots.txt disallows"):
            s.get(site.url + "/private/secret")
        s.get(site.url + "/page/2")  # otherbot's "Disallow: /" is not for us
        assert s.stats["refused"] == 1
    assert site.paths() == ["/robots.txt", "/page/1", "/page/2"]  # refused path never requested


def test_robots_group_naming_our_agent_applies():
    robots = "User-agent: *\nDisallow: /private/\n\nUser-agent: ombudsman-data\nDisallow: /not-for-us/\n"
    with LocalSite(lambda hit: Reply(200, robots) if hit.path == "/robots.txt" else Reply(200, "x")) as site:
        with fast() as s:
            with pytest.raises(Refused):
                s.get(site.url + "/not-for-us/x")
            s.get(site.url + "/private/x")  # our own group replaces the * group (RFC 9309)


def test_robots_server_error_means_disallow_all():
    with LocalSite(lambda hit: Reply(500, "oops") if hit.path == "/robots.txt" else Reply(200, "x")) as site:
        with fast(retries=1) as s:
            with pytest.raises(Refused):
                s.get(site.url + "/page/1")
        assert "/page/1" not in site.paths()


def test_missing_robots_allows_all():
    with LocalSite(lambda hit: Reply(200, "ok") if hit.path == "/page" else None) as site:
        with fast() as s:
            assert s.get(site.url + "/page").content == b"ok"


def test_rate_limit_holds_at_the_server(site):
    with PoliteSession(rate=5) as s:
        for i in range(5):
            s.get(f"{site.url}/page/{i}")
    times = [h.at for h in site.hits]  # robots.txt + 5 pages, all one host
    assert len(times) == 6
    assert times[-1] - times[1] >= 0.8 - 0.02  # 5 requests at 5/s: 4 gaps of 0.2 s
    # Requests leave 0.2 s apart; one that reaches the server late (a busy machine delayed it
    # by 0.04 s in one CI run) shortens the gap after it by as much. A limiter that fails
    # sends them together: gaps of a millisecond.
    gaps = [b - a for a, b in zip(times[1:], times[2:])]
    assert min(gaps) >= 0.2 / 2
    assert all(times[j] - times[i] >= 0.2 * (j - i) - 0.05 for i in range(1, 6) for j in range(i + 1, 6))


def test_rate_from_environment(monkeypatch):
    monkeypatch.setenv("OMBUDSMAN_RATE", "2.5")
    assert rate_from_env() == 2.5 and PoliteSession().rate == 2.5
    assert rate_from_env(4) == 4.0
    monkeypatch.setenv("OMBUDSMAN_RATE", "fast")
    with pytest.raises(ValueError, match="OMBUDSMAN_RATE"):
        rate_from_env()
    with pytest.raises(ValueError):
        rate_from_env(0)


def test_retry_after_is_honoured(site):
    site.script("/page/busy", Reply(429, "slow down", headers={"Retry-After": "1"}))
    with fast() as s:
        resp = s.get(site.url + "/page/busy")
        assert resp.status == 200 and resp.attempts == 2
        assert s.stats["retries"] == 1
    first, second = [h.at for h in site.hits if h.path == "/page/busy"]
    assert second - first >= 0.95  # waited as asked, not the 0.01 s backoff


def test_retry_after_http_date_and_excessive_wait():
    now = 1_700_000_000.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:40 GMT", now=now) == pytest.approx(20, abs=1)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("soon") is None
    with LocalSite(lambda hit: Reply(503, "down", headers={"Retry-After": "86400"})
                   if hit.path == "/page" else None) as site:
        with fast() as s, pytest.raises(HTTPStatusError, match="asks to wait 86400 s"):
            s.get(site.url + "/page")


def test_503_then_success_with_backoff(site):
    site.script("/page/flaky", Reply(503, "busy"), Reply(502, "busy"))
    sleeps = []

    def record(seconds):
        sleeps.append(seconds)
        time.sleep(seconds)

    with fast(backoff=0.05, sleep=record) as s:
        resp = s.get(site.url + "/page/flaky")
    assert resp.content == b"<p>/page/flaky</p>" and resp.attempts == 3
    assert site.paths().count("/page/flaky") == 3
    backoffs = [x for x in sleeps if x >= 0.04]
    assert backoffs[:2] == pytest.approx([0.05, 0.1], abs=0.01)  # exponential


def test_retries_give_up_with_one_line_error(site):
    site.script("/page/down", *[Reply(500, "err")] * 3)
    with fast(retries=2) as s, pytest.raises(HTTPStatusError) as info:
        s.get(site.url + "/page/down")
    assert info.value.status == 500 and "after 3 attempts" in str(info.value)
    assert "\n" not in str(info.value)


def test_timeout_is_retried(site):
    site.script("/page/slow", Reply(200, "late", delay=1.0))
    with fast(timeout=(2, 0.3)) as s:
        resp = s.get(site.url + "/page/slow")
        assert resp.content == b"<p>/page/slow</p>" and s.stats["retries"] == 1


def test_persistent_timeout_fails(site):
    site.script("/page/stuck", *[Reply(200, "late", delay=0.6)] * 2)
    with fast(timeout=(2, 0.2), retries=1) as s, pytest.raises(FetchError, match="timed out"):
        s.get(site.url + "/page/stuck")


def test_truncated_page_is_retried_then_reported(site):
    full = "<html>" + "x" * 5000 + "</html>"
    site.script("/page/cut", Reply(200, full, truncate_to=1000))
    with fast() as s:
        assert len(s.get(site.url + "/page/cut").content) == len("<p>/page/cut</p>")
    site.script("/page/cut2", *[Reply(200, full, truncate_to=1000)] * 2)
    with fast(retries=1) as s, pytest.raises(FetchError, match="truncated"):
        s.get(site.url + "/page/cut2")


def test_size_cap(site):
    site.script("/page/big", Reply(200, "y" * 5000))
    site.script("/page/big-stream", Reply(200, "y" * 5000, no_length=True))
    with fast(max_bytes=1000) as s:
        with pytest.raises(TooLarge):
            s.get(site.url + "/page/big")
        with pytest.raises(TooLarge):  # no Content-Length: aborted while streaming
            s.get(site.url + "/page/big-stream")
        assert s.get(site.url + "/page/small").status == 200


def test_redirect_on_site_followed_off_site_refused(site):
    with LocalSite(lambda hit: Reply(200, "elsewhere")) as other:
        # "localhost" is another host name, so off-site, yet loopback: nothing leaves the machine.
        site.script("/page/moved", Reply(301, headers={"Location": "/page/new"}))
        site.script("/page/away", Reply(302, headers={"Location": f"http://localhost:{other.port}/x"}))
        with fast() as s:
            resp = s.get(site.url + "/page/moved")
            assert resp.url.endswith("/page/new") and resp.content == b"<p>/page/new</p>"
            with pytest.raises(Refused, match="redirect off-site"):
                s.get(site.url + "/page/away")
        assert other.hits == []


def test_conditional_request_304(site):
    site.script("/page/tagged", Reply(200, "v1", headers={"ETag": '"abc"', "Last-Modified": "Mon, 06 Jan 2025 10:00:00 GMT"}))
    site.script("/page/tagged", Reply(304, headers={"ETag": '"abc"'}))
    with fast() as s:
        first = s.get(site.url + "/page/tagged")
        assert first.etag == '"abc"' and first.last_modified.startswith("Mon")
        again = s.get(site.url + "/page/tagged", etag=first.etag, last_modified=first.last_modified)
        assert again.not_modified and again.content == b"" and s.stats["not_modified"] == 1
    sent = site.hits[-1].headers
    assert sent["If-None-Match"] == '"abc"' and sent["If-Modified-Since"].startswith("Mon, 06 Jan 2025")


def test_unreachable_host_is_source_unavailable():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here now: connection refused
    started = time.monotonic()
    with fast() as s, pytest.raises(SourceUnavailable, match="cannot reach"):
        s.get(f"http://127.0.0.1:{port}/page")
    assert time.monotonic() - started < 2  # no retry loop before giving up


def test_post_json(site):
    site.script("/api", Reply(200, '{"ok": true}', content_type="application/json"))
    with fast() as s:
        resp = s.post_json(site.url + "/api", {"q": 1}, params={"page": 2})
    assert resp.json() == {"ok": True}
    hit = site.hits[-1]
    assert hit.method == "POST" and hit.target == "/api?page=2" and hit.body == b'{"q": 1}'


def test_redirect_to_another_port_of_the_same_host_is_refused(site):
    """Issue 15: the off-site check compared host names only, so a redirect to the same
    host on another port was followed, with the PHSO subscription key."""
    with LocalSite(lambda hit: Reply(200, "elsewhere")) as other:
        site.script("/page/port", Reply(302, headers={"Location": f"http://127.0.0.1:{other.port}/x"}))
        with fast() as s, pytest.raises(Refused, match="redirect off-site"):
            s.get(site.url + "/page/port", headers={"Ocp-Apim-Subscription-Key": "secret"})
        assert other.hits == []


def test_credentials_stay_with_their_origin_across_an_allowed_redirect(site):
    """A redirect to another allowed host (same scheme and port) is followed, but the
    caller's key goes only to the origin it was given for."""
    try:
        other = LocalSite(lambda hit: Reply(200, "moved here"), host="127.0.0.2", port=site.port).start()
    except OSError as exc:  # pragma: no cover - a loopback alias or the port is unavailable
        pytest.skip(f"cannot listen on 127.0.0.2:{site.port}: {exc}")
    try:
        site.script("/page/alias", Reply(301, headers={"Location": f"http://127.0.0.2:{site.port}/x"}))
        with fast() as s:
            resp = s.get(site.url + "/page/alias", allowed_hosts=("127.0.0.2",),
                         headers={"Ocp-Apim-Subscription-Key": "secret", "Accept": "application/json"})
        assert resp.content == b"moved here"
        assert site.hits[-1].headers["Ocp-Apim-Subscription-Key"] == "secret"
        away = [h for h in other.hits if h.path == "/x"][0]
        assert "Ocp-Apim-Subscription-Key" not in away.headers and away.headers["Accept"] == "application/json"
    finally:
        other.stop()


def test_retry_after_holds_the_host_even_when_the_request_gives_up(site):
    """Issue 15: a 429 on the last attempt raised at once and the next request to the host
    went at the session's rate, not after the Retry-After the host asked for."""
    site.script("/page/busy", Reply(429, "slow down", headers={"Retry-After": "1"}))
    with PoliteSession(rate=10, retries=0) as s:
        with pytest.raises(HTTPStatusError, match="HTTP 429"):
            s.get(site.url + "/page/busy")
        s.get(site.url + "/page/next")
    busy, following = [h.at for h in site.hits if h.path in ("/page/busy", "/page/next")]
    assert following - busy >= 0.95  # a lower bound: sleeps never end early


def test_retry_after_holds_back_a_request_already_waiting_its_turn(site):
    """Two threads share a session: one request waits its turn (rate 2/s) while another
    to the same host is answered 429 with Retry-After: 1. The waiting request must not go
    inside that second, and the retry and it stay half a second apart."""
    import threading

    site.script("/page/busy", Reply(429, "slow down", headers={"Retry-After": "1"}, delay=0.2))
    with PoliteSession(rate=2) as s:
        s.get(site.url + "/page/first")  # robots.txt and a first page: the next slot is 0.5 s away
        busy = threading.Thread(target=s.get, args=(site.url + "/page/busy",))
        busy.start()
        while not any(h.path == "/page/busy" for h in site.hits):
            time.sleep(0.01)
        s.get(site.url + "/page/waiting")  # takes its turn while the 429 is on its way
        busy.join()
    hits = {h.path: h.at for h in site.hits if h.path != "/page/busy"}
    first_busy, retried_busy = [h.at for h in site.hits if h.path == "/page/busy"]
    answered = first_busy + 0.2  # the server sent the 429 after its 0.2 s delay
    assert hits["/page/waiting"] >= answered + 0.95
    assert retried_busy >= answered + 0.95
    assert abs(retried_busy - hits["/page/waiting"]) >= 0.5 - 0.02

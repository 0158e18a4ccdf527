"""A real HTTP server on 127.0.0.1 for tests and demos: saved pages plus scripted misbehaviour.

Scrapers are tested end to end over a socket, never against mocks: ``LocalSite`` runs the
standard library's threading HTTP server on a random loopback port, answers from a routing
function (usually reading saved pages under tests/fixtures/sites/), can be told to answer a
path with a scripted sequence of replies (429 with Retry-After, 503, a slow answer, a
truncated body, a redirect), and records every request with its arrival time, so tests can
assert what was fetched, retried, refused, and how fast.

    with LocalSite(router) as site:
        site.script("/page", Reply(503), Reply(200, b"ok"))
        session.get(site.url + "/page")
        assert [h.path for h in site.hits] == ["/robots.txt", "/page", "/page"]
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow server, a timeout)
    truncate_to: int | None = None  # send only this many bytes of a longer declared body
    content_type: str = "text/html; charset=utf-8"
    no_length: bool = False  # close-delimited body, no Content-Length


@dataclass
class Hit:
    method: str
    path: str  # path only
    target: str  # path and query, as requested
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    at: float  # time.monotonic() on arrival


Router = Callable[[Hit], "Reply | None"]


class LocalSite:
    def __init__(self, router: Router | None = None, *, host: str = "127.0.0.1", port: int = 0):
        """Serve on ``host``:``port`` (default a free port on 127.0.0.1). Another loopback
        address (127.0.0.2) on the same port is another origin on the same machine."""
        self.router = router
        self.hits: list[Hit] = []
        self._scripts: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else keep-alive answers stall ~40 ms each

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                site._serve(self)

            def do_POST(self):
                site._serve(self)

            def do_HEAD(self):
                site._serve(self)

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{self._server.server_address[0]}:{self.port}"

    def script(self, target: str, *replies: Reply) -> None:
        """Answer ``target`` (a path, or path?query) with these replies, one per request,
        before falling back to the router."""
        with self._lock:
            self._scripts.setdefault(target, []).extend(replies)

    def paths(self, method: str | None = None) -> list[str]:
        return [h.target for h in self.hits if method is None or h.method == method]

    def start(self) -> "LocalSite":
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "LocalSite":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- serving ---------------------------------------------------------------------
    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        parts = urlsplit(handler.path)
        hit = Hit(handler.command, parts.path, handler.path, parse_qs(parts.query),
                  {k: v for k, v in handler.headers.items()}, body, time.monotonic())
        with self._lock:
            self.hits.append(hit)
            queue = self._scripts.get(handler.path) or self._scripts.get(parts.path)
            reply = queue.pop(0) if queue else None
        if reply is None and self.router is not None:
            reply = self.router(hit)
        if reply is None:
            reply = Reply(404, b"not found", content_type="text/plain")
        self._send(handler, reply)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        data = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", reply.content_type)
            if reply.no_length:
                handler.send_header("Connection", "close")
            else:
                handler.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if reply.truncate_to is not None or reply.no_length:
                handler.send_header("Connection", "close") if not reply.no_length else None
                handler.close_connection = True
            handler.end_headers()
            if handler.command != "HEAD" and reply.status not in (204, 304):
                handler.wfile.write(data if reply.truncate_to is None else data[: reply.truncate_to])
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True


def form(hit: Hit, name: str) -> str | None:
    """The first value of a query parameter of a request."""
    values = hit.query.get(name)
    return values[0] if values else None

"""Collect published decisions into the raw store and yield them as records.

``collect(source, ...)`` is the one entry point for a crawl; ``iter_stored(raw_dir)``
reads everything already collected back into records without the network. All HTTP goes
through one ``PoliteSession`` (scrapers/http.py).
"""
from __future__ import annotations

import datetime
import pathlib
from typing import Iterator

from pipeline.records import DecisionRecord, InputFailure

from .http import FetchError, PoliteSession, Refused, SourceUnavailable
from .phso import ApiKeyError
from .store import RawStore, iter_stored

__all__ = ["SOURCES", "ApiKeyError", "FetchError", "PoliteSession", "RawStore", "Refused",
           "SourceUnavailable", "collect", "iter_stored"]

SOURCES = ("lgsco", "phso")


def collect(source: str, *, since: datetime.date | None = None, until: datetime.date | None = None,
            limit: int | None = None, base_url: str | None = None, raw_dir: pathlib.Path,
            refresh: bool = False, rate: float | None = None, progress: bool | None = None,
            session: PoliteSession | None = None) -> Iterator[DecisionRecord | InputFailure]:
    """Discover decisions published in [since, until] and yield a record per decision
    (fetched, or read back from the raw store when already stored and not ``refresh``) and
    an InputFailure(stage="fetch" or "parse", origin=url, reason=...) per page that failed;
    the crawl goes on after failures.

    Raises SourceUnavailable when the site cannot be reached at all (the caller falls back
    to offline work), ApiKeyError for PHSO without a usable PHSO_API_KEY, ValueError for a
    bad source, date range, limit or rate. Argument errors and a missing key are raised at
    once; SourceUnavailable and a refused key when the iterator is first advanced.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}; expected one of {', '.join(SOURCES)}")
    if since and until and since > until:
        raise ValueError(f"--from {since} is after --to {until}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be zero or more, got {limit}")
    if source == "phso":
        from .phso import api_key

        api_key()  # a missing key is a configuration error: say so before any crawling
    own = session is None
    session = session or PoliteSession(rate=rate)  # validates rate / $OMBUDSMAN_RATE now
    return _collect(source, own, session, since=since, until=until, limit=limit, base_url=base_url,
                    raw_dir=pathlib.Path(raw_dir), refresh=refresh, progress=progress)


def _collect(source: str, own: bool, session: PoliteSession, **kwargs) -> Iterator[DecisionRecord | InputFailure]:
    from . import lgsco, phso

    module = lgsco if source == "lgsco" else phso
    try:
        if kwargs["limit"] == 0:
            return
        yield from module.collect(session=session, **kwargs)
    finally:
        if own:
            session.close()

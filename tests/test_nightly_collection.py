"""Nightly collection never silently misses decisions (issue 14, part B): outages, late
publication, a new database beside an old raw store, a stored page that no longer parses.
Sites are saved pages served over a real socket (scrapers/testserver.py); databases are
real DuckDB files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from conftest import REPO
from scrapers.store import RawStore

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

"""Progress on long work, as it shows where people look: a bar on a terminal, periodic
lines in a log; -v logs each failure as it happens, and no failure is printed twice."""
from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

from conftest import REPO, SAMPLE


def ombudsman(*args, db, env=None):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300, env={**os.environ, **(env or {})})


def test_a_log_gets_periodic_progress_lines_and_one_per_stage(tmp_path):
    db = tmp_path / "t.duckdb"
    every = ombudsman("ingest", SAMPLE / "records.jsonl", db=db, env={"OMBUDSMAN_PROGRESS_EVERY": "0"})
    assert every.returncode == 0, every.stderr
    assert re.search(r"^ingest: 5 records read after [\d.]+ s", every.stderr, re.M)
    assert re.search(r"^ingest: 10 decisions extracted in [\d.]+ s, [\d.]+/s$", every.stderr, re.M)
    # by default a line every 30 s, and always one when a stage ends
    again = ombudsman("extract", "--all", db=db)
    assert again.returncode == 0, again.stderr
    assert re.findall(r"^extract: .*$", again.stderr, re.M)[0].startswith("extract: 10 decisions extracted in ")
    assert "\r" not in again.stderr


def test_a_terminal_gets_a_progress_bar(tmp_path):
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "--db", str(tmp_path / "t.duckdb"), "ingest",
                             SAMPLE / "records.jsonl"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait(timeout=300) == 0
    text = out.decode()
    assert re.search(r"\ringest: extract: 10 decisions \[[\d:]+, +[\d.]+ decisions/s\]", text), text


def test_each_failure_is_printed_once_and_as_it_happens_with_v(tmp_path):
    records = tmp_path / "r.jsonl"
    good = json.loads((SAMPLE / "records.jsonl").read_text().splitlines()[0])
    records.write_text(json.dumps(good) + "\n{broken\n")
    quiet = ombudsman("ingest", records, db=tmp_path / "a.duckdb")
    assert quiet.returncode == 3
    assert quiet.stderr.count(f"{records}:2: malformed JSON") == 1
    verbose = ombudsman("-v", "ingest", records, db=tmp_path / "b.duckdb")
    assert verbose.returncode == 3
    assert verbose.stderr.count(f"{records}:2: malformed JSON") == 1
    # logged when it happened: before the stage's closing line, not in the list at the end
    assert verbose.stderr.index(f"{records}:2") < verbose.stderr.index("records read in")

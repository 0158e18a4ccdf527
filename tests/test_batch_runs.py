"""The scheduled run: idempotent, one writer at a time, and safe to kill at any point."""
import hashlib
import json
import os
import signal
import subprocess
import sys

import duckdb

from conftest import REPO, SAMPLE

TABLES = {
    "decisions": "decision_id, outcome, fault_found, decision_date, text_sha256, extractor_version",
    "bodies": "decision_id, name, canonical_name, body_type, at_fault",
    "faults": "decision_id, body, category, start_char",
    "payments": "decision_id, payer, amount_gbp, status, purposes, fault_categories, start_char",
    "deadlines": "decision_id, body, due_date, actions, start_char",
    "records": "decision_id, text_sha256",
}


def ombudsman(*args, db, **kw):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300, **kw)


def fingerprint(db) -> dict[str, tuple[int, str]]:
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for table, cols in TABLES.items():
        rows = con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
        out[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    con.close()
    return out


def test_two_runs_leave_identical_tables(tmp_path):
    db = tmp_path / "t.duckdb"
    first = ombudsman("run", "--offline", db=db)
    assert first.returncode == 0, first.stderr
    assert "loading the bundled sample" in first.stderr
    before = fingerprint(db)
    second = ombudsman("run", "--offline", db=db)
    assert second.returncode == 0, second.stderr
    assert fingerprint(db) == before
    statuses = duckdb.connect(str(db), read_only=True).execute("SELECT status FROM runs ORDER BY run_id").fetchall()
    assert statuses == [("ok",), ("ok",)]


def test_second_writer_is_told_it_is_busy(tmp_path):
    from pipeline.lock import WriterLock

    db = tmp_path / "t.duckdb"
    with WriterLock(db):
        busy = ombudsman("ingest", SAMPLE / "records.jsonl", db=db)
    assert busy.returncode == 75
    assert "busy" in busy.stderr and "pid" in busy.stderr
    assert ombudsman("ingest", SAMPLE / "records.jsonl", db=db).returncode == 0


def test_lock_of_a_killed_process_does_not_block(tmp_path):
    db = tmp_path / "t.duckdb"
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys,time; from pipeline.lock import WriterLock\n"
                               f"with WriterLock({str(db)!r}):\n    print('held', flush=True); time.sleep(60)"],
                              cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    assert ombudsman("extract", db=db).returncode == 75
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert ombudsman("extract", db=db).returncode == 0


def _corpus(path, n):
    """n distinct decisions made from the sample's records (new references and sums)."""
    base = [json.loads(line) for line in (SAMPLE / "records.jsonl").read_text().splitlines()]
    with open(path, "w") as f:
        for i in range(n):
            rec = dict(base[i % len(base)])
            rec["reference"] = f"26 {900 + i // 1000:03d} {i % 1000:03d}"
            rec["text"] = rec["text"].replace("£", f"£{i % 7}")
            f.write(json.dumps(rec) + "\n")


def test_kill_mid_load_then_rerun_completes_without_duplicates(tmp_path):
    corpus = tmp_path / "many.jsonl"
    _corpus(corpus, 600)
    clean = tmp_path / "clean.duckdb"
    assert ombudsman("ingest", corpus, db=clean).returncode == 0
    expected = fingerprint(clean)

    db = tmp_path / "killed.duckdb"
    # Killed once it reports decisions extracted (and so being loaded), however loaded the
    # machine is: a fixed sleep could fire before the run started or after it finished.
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "--db", str(db), "ingest", str(corpus)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "OMBUDSMAN_PROGRESS_EVERY": "0"})
    for line in proc.stderr:
        if "decisions extracted after" in line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.stderr.close()
    proc.wait()
    rerun = ombudsman("ingest", corpus, db=db)
    assert rerun.returncode == 0, rerun.stderr
    assert fingerprint(db) == expected
    con = duckdb.connect(str(db), read_only=True)
    statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY run_id").fetchall()]
    assert statuses[-1] == "ok"
    assert statuses[0] == "interrupted"  # the killed run is marked as such by the next one

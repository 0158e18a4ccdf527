"""The archive-scale bench (pipeline.bench) at a tiny size, and parallel extraction
(pipeline.parallel) against serial extraction. No timed assertions: timings are the
bench's output, not its test."""
from __future__ import annotations

import json
import re

import pytest

from pipeline import bench, db, jobs, parallel
from pipeline.inputs import read_inputs
from pipeline.records import DecisionRecord

from conftest import SAMPLE


def test_corpus_varies_the_sample():
    gen = bench.CorpusGenerator(seed=7, length="sample")
    records = list(gen.records(0, 48))
    assert len({r.decision_id for r in records}) == 48
    assert len({r.text for r in records}) == 48  # not one document repeated
    # the same template comes back with other bodies, people, sums and dates
    first, again = records[0], records[len(gen.templates)]
    assert first.text != again.text
    for r in records:
        assert not re.search(r"\b(?:Elmshire|Westbridge|Larkford|Northmoor)\b", r.text)
        assert r.decision_date is None or r.decision_date <= "2100"
    # generation is deterministic: the same seed, the same corpus
    assert bench.CorpusGenerator(seed=7, length="sample").record(5).text == records[5].text


def test_full_length_is_about_a_published_decision():
    import spacy

    nlp = spacy.blank("en")
    gen = bench.CorpusGenerator(seed=3, length="full")
    tokens = [len(nlp.make_doc(r.text)) for r in gen.records(0, 32)]
    assert 2500 < sum(tokens) / len(tokens) < 5000


def test_bench_writes_results(tmp_path):
    out = tmp_path / "results.json"
    results = bench.run(40, out=out, workers=1, length="sample", workdir=tmp_path, quiet=True)
    data = json.loads(out.read_text())
    assert data == json.loads(json.dumps(results))
    for key in ("n_decisions", "decisions_per_s", "tokens_per_s", "peak_rss_mb", "baseline_tokenize_decisions_per_s",
                "nightly_s", "views_max_s", "machine"):
        assert key in data, key
    assert data["n_decisions"] == 40 and data["extracted"] == 40 and data["failed"] == 0
    assert data["decisions_per_s"] > 0 and data["tokens_per_s"] > data["decisions_per_s"]
    assert data["baseline_tokenize_decisions_per_s"] > 0
    assert 20 < data["peak_rss_mb"] < 100_000
    assert data["nightly_s"] > 0 and data["nightly_exit_code"] == 0
    assert data["views_s"] and data["views_max_s"] >= 0
    assert data["rows"]["decisions"] == 40 and data["rows"]["payments"] > 0
    assert data["machine"]["cpu_count"] >= 1 and data["machine"]["python"]
    assert "decisions/s" in bench.table(data)
    assert data["tokens_estimated"] is False and data["baseline_decisions"] == 40


def test_baseline_reads_every_kth_text_past_its_maximum(tmp_path):
    import spacy

    from pipeline import db

    con = db.connect(tmp_path / "b.duckdb")
    gen = bench.CorpusGenerator(length="sample")
    db.store_records(con, gen.records(0, 30))
    docs, tokens, _ = bench.baseline_tokenize(con, every=4)
    texts = [r[0] for r in con.execute("SELECT text FROM records ORDER BY decision_id").fetchall()]
    nlp = spacy.blank("en")
    assert docs == 7 and tokens == sum(len(nlp.make_doc(t)) for t in texts[3::4])
    # the pipeline's tokenizer, measured beside it, gives the same tokens
    assert bench.baseline_tokenize(con, every=4, nlp=bench.chunk_cached_blank())[:2] == (docs, tokens)


def _rows(con) -> dict[str, list[str]]:
    """Every row of the extraction tables, without load timestamps, in a stable order."""
    out = {}
    for table in ("decisions", "bodies", "faults", "payments", "deadlines"):
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()
                if not r[1].startswith("TIMESTAMP")]
        out[table] = sorted(map(repr, con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
    return out


@pytest.fixture(scope="module")
def sample_records():
    return [r for r in read_inputs([SAMPLE]) if isinstance(r, DecisionRecord)]


def test_parallel_extractions_equal_serial(sample_records):
    serial = list(jobs._safe_extract(sample_records))
    par = list(parallel.extract_parallel(sample_records, workers=2, chunk_size=3))
    assert [x.decision_id for x in par] == [x.decision_id for x in serial]
    for a, b in zip(serial, par):
        assert b.record is a.record or b.record == a.record
        assert (a.outcome, a.fault_found, a.decision_date, a.compliance_date) == \
            (b.outcome, b.fault_found, b.decision_date, b.compliance_date)
        assert (a.bodies, a.faults, a.payments, a.deadlines) == (b.bodies, b.faults, b.payments, b.deadlines)


def test_parallel_path_loads_the_same_rows(tmp_path, sample_records, monkeypatch):
    def load(path, workers):
        con = db.connect(path)
        db.store_records(con, sample_records)
        result = jobs.extract_pending(con, workers=workers)
        assert result.counts["extracted"] == len(sample_records) and not result.failures
        return con

    serial = load(tmp_path / "serial.duckdb", workers=1)
    monkeypatch.setattr(parallel, "MIN_RECORDS", 4)  # the sample is small: take the parallel path anyway
    called = []
    real = parallel.extract_parallel
    monkeypatch.setattr(parallel, "extract_parallel", lambda *a, **k: called.append(1) or real(*a, **k))
    par = load(tmp_path / "parallel.duckdb", workers=2)
    assert called, "the parallel path was not taken"
    assert _rows(serial) == _rows(par)


def test_parallel_failure_is_one_row(sample_records, monkeypatch):
    bad = DecisionRecord(source="lgsco", reference="99 999 999", text=None, origin="bad")  # type: ignore[arg-type]
    records = sample_records[:3] + [bad] + sample_records[3:6]
    out = list(parallel.extract_parallel(records, workers=2, chunk_size=4))
    from pipeline.records import InputFailure

    failures = [x for x in out if isinstance(x, InputFailure)]
    assert len(out) == 7 and len(failures) == 1 and failures[0].reference == "99 999 999"


def test_workers_exit_when_the_parent_is_killed(tmp_path):
    import os
    import subprocess
    import sys
    import time

    if not os.path.exists("/proc/self/status"):
        pytest.skip("needs /proc to see the worker")
    script = tmp_path / "orphan.py"
    script.write_text(
        "import multiprocessing as mp, os\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from pipeline import parallel\n"
        "if __name__ == '__main__':\n"
        "    ex = ProcessPoolExecutor(1, mp_context=mp.get_context('spawn'), initializer=parallel._exit_with_parent,\n"
        "                             initargs=(os.getpid(),))\n"
        "    print(ex.submit(os.getpid).result(), flush=True)\n"
        "    os._exit(0)  # as kill -9 would: no shutdown of the pool\n")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    pid = int(out.stdout.strip())

    def alive() -> bool:
        try:
            with open(f"/proc/{pid}/status") as f:
                return "\nState:\tZ" not in f.read()
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 15
    while alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(), f"worker {pid} outlived its parent"

"""Extraction on several processes: both cores of a small machine, memory bounded.

`extract_parallel(records, workers)` streams records to worker processes in chunks and
yields what each decision became (an `Extraction`, or an `InputFailure` for a decision
the extractor choked on) in the order the records came in, exactly as the serial
`jobs._safe_extract` would. Each worker builds the spaCy pipeline once (`build_nlp` is
cached per process) and runs the same serial code on its chunk, so the rows are the same
whichever path produced them (tests/test_bench.py checks this on the sample).

Why processes of our own rather than `nlp.pipe(n_process=2)`: only a part of the work is
inside spaCy's components (the rest is sectioning before and assembly of rows after, in
pure Python), and `n_process` ships whole Docs back to the parent to be assembled there
on one core. Sending a chunk of records out and the finished `Extraction`s back keeps
both cores busy with everything and moves far less data.

Memory stays bounded: at most `in_flight` chunks are out at once (not the eager
`Pool.imap`, whose feeder thread reads the whole input), and the decision texts are not
sent back: the parent re-attaches its own record to each extraction.

Workers are started with "spawn": the parent holds an open DuckDB connection with its own
threads, which a forked child must not inherit.

Workers die with their parent, however it dies (kill -9, a CI timeout, the OOM killer):
see `_exit_with_parent`. Once they are gone, multiprocessing's resource tracker (the
helper process) sees its pipe close and exits too.
"""
from __future__ import annotations

import ctypes
import itertools
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator

from pipeline.records import DecisionRecord

MIN_RECORDS = 1000   # below this many pending decisions, starting workers costs more than it saves
CHUNK = 32           # decisions per task sent to a worker


def default_workers() -> int:
    """$OMBUDSMAN_WORKERS if set, else the number of CPUs."""
    value = os.environ.get("OMBUDSMAN_WORKERS", "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            pass
    return max(1, os.cpu_count() or 1)


def _init_worker(parent: int) -> None:
    _exit_with_parent(parent)  # first: loading spaCy takes a second or two
    from pipeline.nlp import build_nlp

    build_nlp()  # once per process, before the first chunk arrives


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _exit_with_parent(parent: int, interval: float = 1.0) -> None:
    """End this worker when `parent` (the pid the parent had when it started the pool)
    dies. Otherwise a worker whose parent was killed waits on its task queue for ever:
    it holds that queue's pipe itself, so never sees it close.

    On Linux the kernel does it: PR_SET_PDEATHSIG sends us SIGKILL when the parent dies.
    That covers deaths from now on, so the parent is checked once by pid as well (it may
    have died while this process was starting; reading os.getppid() here, as this did
    before, would then give the adoptive parent and never notice). Elsewhere, or should
    prctl fail, a thread compares the parent pid every `interval` seconds.
    """
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            # The signal is sent when the *thread* that spawned us exits: the pool starts
            # its workers from the thread that submits work, which lives as long as the pool.
            watched_by_kernel = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            watched_by_kernel = False
    else:
        watched_by_kernel = False
    if os.getppid() != parent:
        os._exit(1)
    if watched_by_kernel:
        return

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _extract_chunk(records: list[DecisionRecord]) -> list:
    """In a worker: the serial, failure-tolerant extraction of one chunk. Each extraction
    goes back without its record (the parent has it), as (index in chunk, item)."""
    from pipeline.extracted import Extraction
    from pipeline.jobs import _safe_extract

    index = {r.decision_id: i for i, r in enumerate(records)}
    out = []
    for item in _safe_extract(records):
        if isinstance(item, Extraction):
            i = index[item.record.decision_id]
            item.record = None
            out.append((i, item))
        else:
            out.append((None, item))
    return out


def extract_parallel(records: Iterable[DecisionRecord], workers: int | None = None, chunk_size: int = CHUNK,
                     in_flight: int | None = None) -> Iterator:
    """Extractions (and InputFailures) for `records`, in input order, from `workers` processes."""
    workers = workers or default_workers()
    in_flight = in_flight or 2 * workers + 1
    records = iter(records)
    pending: deque[tuple[list[DecisionRecord], Future]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                             initializer=_init_worker, initargs=(os.getpid(),)) as pool:
        def submit() -> bool:
            chunk = list(itertools.islice(records, chunk_size))
            if not chunk:
                return False
            pending.append((chunk, pool.submit(_extract_chunk, chunk)))
            return True

        while len(pending) < in_flight and submit():
            pass
        while pending:
            chunk, future = pending.popleft()
            submit()  # keep the workers fed while the parent loads what comes back
            results = future.result()
            for i, item in results:
                if i is not None:
                    item.record = chunk[i]
                yield item


"""`make bench [N=...]`: extract + load at archive scale, against bare tokenisation.

    python -m pipeline.bench --n 60000 [--length full|sample] [--workers 2] [--out bench/results.json]

1. Builds a scale corpus of N decisions from the bundled sample (data/sample, read with
   `pipeline.inputs.read_inputs`): each generated decision is one of the sample's
   decisions with its bodies swapped for others of the same kind (councils, ICBs and CCGs
   from data/reference/bodies.csv; trusts and care providers made up), its people
   re-lettered, its sums and dates moved, its narrative paragraphs partly reordered and,
   with `--length full` (the default), lengthened with paragraphs borrowed from the other
   decisions' chronologies and findings to a full decision's length (about 3,700 tokens on
   average, like the published archive; the sample's own decisions are about 950). The
   corpus is generated lazily and stored in batches into a fresh DuckDB in a temporary
   folder with `db.store_records`: no more than one batch of texts is in memory.
2. Times extract + load (`jobs.extract_pending`, as `ombudsman extract` runs it) and
   measures decisions/s, tokens/s (tokens of the full texts, counted with the same
   tokenizer) and peak memory: the peak of the summed RSS of this process and its
   workers, sampled every 0.25 s, when psutil is installed; without it, ru_maxrss of this
   process plus that of the largest worker (RUSAGE_CHILDREN), an upper bound.
3. On the same texts, the baseline: bare `spacy.blank("en")` tokenisation of the full
   texts with `nlp.pipe` on one process, as decisions/s, and the ratio of the two. Past
   `--baseline-max` decisions (default 8,000) the baseline reads every k-th decision
   instead of all (at 60,000 it would otherwise take three times as long as the run it
   is the baseline of); its rate is the same within noise, and the total token count is
   then the sample's mean times N (`tokens_estimated` in the results). Beside it, for
   scale, the same texts through the pipeline's own tokenizer (`chunk_cached_blank`), whose
   cache stays warm (see pipeline/tokenizer.py): how much of the ratio is that fix.
4. Times each analysis view (`SELECT count(*)` over it), and the nightly case: a new
   process running `python -m pipeline.cli --db DB ingest FILE` with 50 new decisions on
   the extracted database, from its start to its exit.

Prints a table and writes the figures to bench/results.json (git-ignored).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from pipeline import text as sections_mod
from pipeline.records import DecisionRecord

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO_ROOT / "data" / "sample"
BODIES_CSV = REPO_ROOT / "data" / "reference" / "bodies.csv"
DEFAULT_OUT = REPO_ROOT / "bench" / "results.json"
STORE_BATCH = 500
NIGHTLY_NEW = 50
FULL_MEAN_TOKENS = 3700
CHARS_PER_TOKEN = 4.6  # measured on the sample with spacy.blank("en")

# The sample's fictional bodies (data/sample/README.md), by kind, longest names first.
SAMPLE_BODIES = {
    "Westbridge Teaching Hospitals NHS Foundation Trust": "trust",
    "NHS Westbridge Clinical Commissioning Group": "ccg",
    "NHS Northmoor Integrated Care Board": "icb",
    "Elmshire County Council": "council",
    "Westbridge City Council": "council",
    "Larkford Borough Council": "council",
    "Brightwater Care Ltd": "provider",
    "Harbourside Homecare Limited": "provider",
    "Oakfield House Care Home": "home",
    "Larch House": "home",
}
# Bare place words left once the full names are swapped ("Westbridge" in a street name).
SAMPLE_PLACES = ("Westbridge", "Elmshire", "Larkford", "Northmoor", "Brightwater", "Harbourside", "Oakfield", "Larch")

_TRUST_KINDS = ("Hospitals NHS Foundation Trust", "University Hospitals NHS Trust", "Teaching Hospitals NHS Foundation Trust",
                "Community Health NHS Trust", "Healthcare NHS Foundation Trust")
_PROVIDER_WORDS = ("Care Ltd", "Homecare Limited", "Care Services Ltd", "Support Ltd", "Home Care Limited")
_HOME_WORDS = ("House", "Lodge", "Court Care Home", "Grange", "Manor Care Home")
_SURNAMES = ("Ashby", "Beacon", "Carlton", "Dovecote", "Evergreen", "Fernlea", "Greenacres", "Hollybank", "Ivydene",
             "Juniper", "Kingsway", "Lavender", "Meadowbank", "Newlands", "Orchard", "Primrose", "Queensway", "Riverside",
             "Silverdale", "Thornbury", "Willowbrook", "Yewtree")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH_INDEX = {m.lower(): i + 1 for i, m in enumerate(_MONTHS)} | {m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)}
_DATE_OR_YEAR = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<month>" + "|".join(_MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
    r" (?P<y>\d{4})\b|\b(?P<year>(?:19|20)\d\d)\b")
_MONEY = re.compile(r"£(\d{1,3}(?:,\d{3})+|\d+)(\.\d\d)?")
_PERSON = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Master) ([A-Z])\b")
_NUMBERED = re.compile(r"^(\d+)\.\s")


# --- the scale corpus ---------------------------------------------------------------------

def _load_templates() -> list[DecisionRecord]:
    from pipeline.inputs import read_inputs

    return [r for r in read_inputs([SAMPLE_DIR]) if isinstance(r, DecisionRecord)]


def _load_reference_bodies() -> dict[str, list[str]]:
    by_type: dict[str, list[str]] = {}
    with BODIES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not row.get("valid_to"):
                by_type.setdefault(row["body_type"], []).append(row["canonical_name"])
    return by_type


def _place(name: str) -> str:
    words = re.sub(r"^NHS\s+", "", name).split()
    return words[0] if words else "Riverside"


class CorpusGenerator:
    """Varied decisions, made lazily from the sample: `records(start, count)`."""

    def __init__(self, seed: int = 2025, length: str = "full"):
        self.seed = seed
        self.length = length
        self.templates = _load_templates()
        if not self.templates:
            raise SystemExit(f"no decisions found in {SAMPLE_DIR}")
        self.reference = _load_reference_bodies()
        self.pool = self._paragraph_pool()
        names = sorted(SAMPLE_BODIES, key=len, reverse=True)
        self._body_rx = re.compile("|".join(re.escape(n) for n in names))
        self._place_rx = re.compile(r"\b(" + "|".join(SAMPLE_PLACES) + r")\b")

    def _paragraph_pool(self) -> dict[str, list[str]]:
        """Narrative paragraphs (chronology, findings) of every sample decision, for padding."""
        pool: dict[str, list[str]] = {sections_mod.BACKGROUND: [], sections_mod.FINDINGS: []}
        for rec in self.templates:
            for sec in sections_mod.split_sections(rec.text):
                if sec.kind not in pool:
                    continue
                for line in rec.text[sec.start:sec.end].split("\n")[1:]:
                    body = _NUMBERED.sub("", line).strip()
                    if len(body) > 80 and body[-1:] in ".;:" and "£" not in body:
                        pool[sec.kind].append(body)
        return pool

    # one decision

    def record(self, i: int) -> DecisionRecord:
        rng = random.Random(self.seed * 1_000_003 + i)
        tpl = self.templates[i % len(self.templates)]
        text = self._restructure(tpl.text, rng)
        bodies = self._body_map(rng)
        years = rng.randint(0, 7)
        days = rng.randint(-20, 20)
        letters = list("ABCDEFGHJKLMNPRSTWXYZ")
        rng.shuffle(letters)
        people = dict(zip("ABCDEFGHJKLMNPRSTWXYZ", letters))
        amounts: dict[str, str] = {}
        factor = rng.choice((0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0))

        def swap(s: str | None) -> str | None:
            if s is None:
                return None
            s = self._body_rx.sub(lambda m: bodies[m.group(0)], s)
            s = self._place_rx.sub(lambda m: bodies["@" + m.group(1)], s)
            s = _PERSON.sub(lambda m: f"{m.group(1)} {people.get(m.group(2), m.group(2))}", s)
            s = _MONEY.sub(lambda m: amounts.setdefault(m.group(0), _money(m, factor)), s)
            return _DATE_OR_YEAR.sub(lambda m: _shift_dates(m, years, days), s)

        date = tpl.decision_date
        if date:
            day = _safe_date(dt.date.fromisoformat(date), years, days)
            date = min(day, dt.date.today()).isoformat()
        reference, url = self._reference(tpl, i)
        title = swap(tpl.title)
        if title:
            title = title.replace(tpl.reference, reference)
        return replace(tpl, reference=reference, url=url, title=title, text=swap(text), decision_date=date,
                       origin=f"bench:{i}")

    def _reference(self, tpl: DecisionRecord, i: int) -> tuple[str, str]:
        if tpl.source == "phso":
            ref = f"P-B{i:07d}"
            return ref, f"https://www.ombudsman.org.uk/decisions/{ref.lower()}"
        ref = f"B{i // 1_000_000:02d} {i // 1000 % 1000:03d} {i % 1000:03d}"
        return ref, f"https://www.lgo.org.uk/decisions/bench/{ref.replace(' ', '-')}"

    def _body_map(self, rng: random.Random) -> dict[str, str]:
        councils = rng.sample(self.reference.get("council", ["Riverside Council"] * 3), 3)
        out: dict[str, str] = {}
        used_councils = iter(councils)
        for name, kind in SAMPLE_BODIES.items():
            if kind == "council":
                new = next(used_councils)
            elif kind in ("icb", "ccg"):
                new = rng.choice(self.reference.get(kind) or [name])
            elif kind == "trust":
                new = f"{_place(rng.choice(councils))} {rng.choice(_TRUST_KINDS)}"
            elif kind == "provider":
                new = f"{rng.choice(_SURNAMES)} {rng.choice(_PROVIDER_WORDS)}"
            else:
                new = f"{rng.choice(_SURNAMES)} {rng.choice(_HOME_WORDS)}"
            out[name] = new
        for place in SAMPLE_PLACES:
            out["@" + place] = rng.choice(_SURNAMES) if place in ("Brightwater", "Harbourside", "Oakfield", "Larch") \
                else _place(rng.choice(councils))
        return out

    def _restructure(self, text: str, rng: random.Random) -> str:
        """Reorder some narrative paragraphs; pad the chronology and findings to full length."""
        secs = sections_mod.split_sections(text)
        target_chars = None
        if self.length == "full":
            tokens = min(12000, max(1200, int(rng.lognormvariate(0, 0.45) * FULL_MEAN_TOKENS * 0.905)))
            target_chars = int(tokens * CHARS_PER_TOKEN)
        extra = max(0, target_chars - len(text)) if target_chars else 0
        narrative = [s for s in secs if s.kind in self.pool]
        pieces: list[str] = []
        cursor = 0
        for n, sec in enumerate(secs):
            if sec.start > cursor:
                pieces.append(text[cursor:sec.start])
            part = text[sec.start:sec.end]
            if sec.kind in self.pool:
                lines = part.split("\n")
                head, paras = lines[:1], lines[1:]
                # swap a few neighbouring paragraphs (not the last: it often ends the section)
                for _ in range(len(paras) // 3):
                    j = rng.randrange(0, max(1, len(paras) - 2))
                    if j + 1 < len(paras) - 1 and paras[j].strip() and paras[j + 1].strip():
                        paras[j], paras[j + 1] = paras[j + 1], paras[j]
                if extra and narrative:
                    share = extra // len(narrative)
                    numbered = any(_NUMBERED.match(p) for p in paras)
                    added = 0
                    while added < share:
                        para = rng.choice(self.pool[sec.kind] or self.pool[sections_mod.BACKGROUND])
                        pos = rng.randint(0, max(0, len(paras) - 1))
                        paras.insert(pos, ("0. " if numbered else "") + para)
                        added += len(para) + 4
                part = "\n".join(head + paras)
            pieces.append(part)
            cursor = sec.end
        pieces.append(text[cursor:])
        out = "".join(pieces)
        counter = iter(range(1, 10_000))
        return re.sub(r"(?m)^\d+\.(?=\s)", lambda m: f"{next(counter)}.", out)

    def records(self, start: int, count: int) -> Iterator[DecisionRecord]:
        for i in range(start, start + count):
            yield self.record(i)


def _money(m: re.Match, factor: float) -> str:
    value = float(m.group(1).replace(",", "")) * factor
    step = 50 if value >= 500 else 10 if value >= 50 else 1
    value = max(step, round(value / step) * step)
    return f"£{value:,.0f}" + (m.group(2) or "")


def _safe_date(day: dt.date, years: int, days: int) -> dt.date:
    try:
        day = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        day = day.replace(year=day.year - years, day=28)
    return day + dt.timedelta(days=days)


def _shift_dates(m: re.Match, years: int, days: int) -> str:
    """A full date moves by years and days; a year on its own by years."""
    if m.group("year"):
        return str(int(m.group("year")) - years)
    word = m.group("month")
    key = word.lower()
    month = _MONTH_INDEX.get("sep" if key == "sept" else key)
    try:
        day = _safe_date(dt.date(int(m.group("y")), month, int(m.group("d"))), years, days)
    except (ValueError, TypeError):
        return m.group(0)
    name = _MONTHS[day.month - 1]
    return f"{day.day} {name[:3] if len(word) <= 4 else name} {day.year}"


# --- measuring ------------------------------------------------------------------------------

def _maxrss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


class _TreeSampler:
    """Peak of the summed RSS of this process and its children, sampled (needs psutil)."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.peak_mb = None
        self._stop = threading.Event()
        self._thread = None

    def __enter__(self):
        try:
            import psutil
        except ImportError:
            return self
        proc = psutil.Process()
        self.peak_mb = 0.0

        def run():
            while not self._stop.is_set():
                total = 0
                try:
                    for p in [proc, *proc.children(recursive=True)]:
                        try:
                            total += p.memory_info().rss
                        except psutil.Error:
                            pass
                except psutil.Error:
                    pass
                self.peak_mb = max(self.peak_mb, total / 2**20)
                self._stop.wait(self.interval)

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread:
            self._thread.join()
        return False


def build_database(path: Path, gen: CorpusGenerator, n: int) -> float:
    from pipeline import db

    con = db.connect(path)
    t = time.perf_counter()
    for start in range(0, n, STORE_BATCH):
        db.store_records(con, gen.records(start, min(STORE_BATCH, n - start)))
    con.close()
    return time.perf_counter() - t


def baseline_tokenize(con, batch: int = 1000, every: int = 1, nlp=None) -> tuple[int, int, float]:
    """Bare spacy.blank("en") (or `nlp`) over the full texts (every `every`-th of them), one
    process: (decisions, tokens, seconds)."""
    import spacy

    nlp = nlp or spacy.blank("en")
    cur = con.cursor()
    cur.execute("SELECT text FROM (SELECT text, row_number() OVER (ORDER BY decision_id) AS i FROM records) "
                "WHERE i % ? = 0 ORDER BY i", [every])
    docs = tokens = 0
    seconds = 0.0
    while True:
        rows = cur.fetchmany(batch)
        if not rows:
            break
        texts = [r[0] for r in rows]
        t = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=64):
            tokens += len(doc)
            docs += 1
        seconds += time.perf_counter() - t
    cur.close()
    return docs, tokens, seconds


def chunk_cached_blank():
    """spacy.blank("en") with the pipeline's tokenizer (pipeline.tokenizer), for scale:
    bare spaCy stops caching chunks after a Doc's first special case, which is most of
    what tokenising a long decision costs."""
    from pipeline.tokenizer import blank_english

    return blank_english()


def time_views(con) -> dict[str, float]:
    from pipeline import analysis

    analysis.create_views(con)
    names = sorted(analysis.VIEWS)  # the question views and the building blocks (tables)
    out = {}
    for name in names:
        t = time.perf_counter()
        con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
        out[name] = time.perf_counter() - t
    return out


def time_nightly(db_path: Path, gen: CorpusGenerator, n: int, workdir: Path) -> tuple[float, int]:
    """A fresh process ingesting (and so extracting) NIGHTLY_NEW new decisions."""
    file = workdir / "nightly.jsonl"
    with file.open("w", encoding="utf-8") as f:
        for rec in gen.records(n, NIGHTLY_NEW):
            f.write(json.dumps(rec.to_json()) + "\n")
    env = dict(os.environ, OMBUDSMAN_RAW=str(workdir / "raw"))
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "--db", str(db_path), "ingest", str(file)],
                          cwd=workdir, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
    return seconds, proc.returncode


def machine() -> dict:
    import duckdb
    import spacy

    cpu = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu_count": os.cpu_count(), "cpu": cpu or platform.processor(), "python": platform.python_version(),
            "python_build": python_build(), "platform": platform.platform(), "spacy": spacy.__version__,
            "duckdb": duckdb.__version__}


def python_build() -> str:
    """Where the interpreter comes from and how it was built: the same code runs about 20%
    slower on a Python built without optimisation (see the Makefile's PYTHON)."""
    base = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    try:  # what this process has mapped, not what sysconfig says (Debian's differs)
        shared = "libpython" in Path("/proc/self/maps").read_text()
    except OSError:
        return base
    return f"{base} ({'libpython shared' if shared else 'libpython static'})"


def run(n: int, out: Path | None = DEFAULT_OUT, workers: int | None = None, length: str = "full", seed: int = 2025,
        workdir: Path | None = None, nightly: bool = True, quiet: bool = False, baseline_max: int = 8000) -> dict:
    from pipeline import db, jobs
    from pipeline.extracted import EXTRACTOR_VERSION
    from pipeline.parallel import default_workers

    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    workers = workers or default_workers()
    gen = CorpusGenerator(seed=seed, length=length)
    with tempfile.TemporaryDirectory(prefix="ombudsman-bench-", dir=workdir) as tmp:
        tmp = Path(tmp)
        path = tmp / "bench.duckdb"
        say(f"bench: generating and storing {n} decisions ({length} length) in {path} ...")
        store_s = build_database(path, gen, n)

        say(f"bench: extract + load with {workers} worker(s) ...")
        con = db.connect(path)
        t = time.perf_counter()
        with _TreeSampler() as sampler:
            result = jobs.extract_pending(con, workers=workers)
        extract_s = time.perf_counter() - t
        rss_self = _maxrss_mb(resource.RUSAGE_SELF)
        rss_child = _maxrss_mb(resource.RUSAGE_CHILDREN)
        rows = {tbl: con.execute(f"SELECT count(*) FROM {tbl}").fetchone()[0]
                for tbl in ("decisions", "bodies", "faults", "payments", "deadlines")}

        every = -(-n // baseline_max) if baseline_max else 1  # ceil: at most baseline_max texts
        say(f"bench: baseline tokenisation{f' (one decision in {every})' if every > 1 else ''} ...")
        base_docs, base_tokens, base_s = baseline_tokenize(con, every=every)
        tokens_estimated = every > 1
        _, _, cached_s = baseline_tokenize(con, every=every, nlp=chunk_cached_blank())
        tokens = round(base_tokens / base_docs * n) if tokens_estimated else base_tokens
        say("bench: views ...")
        views = time_views(con)
        con.close()
        nightly_s, nightly_rc = (None, None)
        if nightly:
            say(f"bench: nightly ({NIGHTLY_NEW} new decisions, new process) ...")
            nightly_s, nightly_rc = time_nightly(path, gen, n, tmp)

    extracted = result.counts.get("extracted", 0)
    results = {
        "n_decisions": n,
        "extracted": extracted,
        "failed": result.counts.get("failed", 0),
        "length": length,
        "workers": workers,
        "tokens": tokens,
        "tokens_estimated": tokens_estimated,
        "baseline_decisions": base_docs,
        "tokens_per_decision": round(tokens / n, 1),
        "store_s": round(store_s, 2),
        "extract_load_s": round(extract_s, 2),
        "decisions_per_s": round(n / extract_s, 2),
        "tokens_per_s": round(tokens / extract_s, 1),
        # The sampled sum of the process tree when psutil is there; else ru_maxrss of this
        # process plus the largest child's, a bound (a spawned child's ru_maxrss counts the
        # parent's pages it shared between fork and exec).
        "peak_rss_mb": round(sampler.peak_mb if sampler.peak_mb else rss_self + rss_child, 1),
        "peak_rss_bound_mb": round(rss_self + rss_child, 1),
        "peak_rss_self_mb": round(rss_self, 1),
        "peak_rss_largest_child_mb": round(rss_child, 1),
        "peak_rss_sampled_tree_mb": round(sampler.peak_mb, 1) if sampler.peak_mb is not None else None,
        "baseline_tokenize_s": round(base_s, 2),
        "baseline_tokenize_decisions_per_s": round(base_docs / base_s, 2) if base_s else None,
        "baseline_tokens_per_s": round(base_tokens / base_s, 1) if base_s else None,
        "ratio_to_baseline": round((n / extract_s) / (base_docs / base_s), 3) if base_s else None,
        "chunk_cached_tokenize_decisions_per_s": round(base_docs / cached_s, 2) if cached_s else None,
        "ratio_to_chunk_cached_tokenize": round((n / extract_s) / (base_docs / cached_s), 3) if cached_s else None,
        "nightly_new": NIGHTLY_NEW,
        "nightly_s": round(nightly_s, 2) if nightly_s is not None else None,
        "nightly_exit_code": nightly_rc,
        "views_s": {k: round(v, 4) for k, v in views.items()},
        "views_max_s": round(max(views.values()), 4) if views else None,
        "rows": rows,
        "extractor_version": EXTRACTOR_VERSION,
        "machine": machine(),
        "finished_at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def table(r: dict) -> str:
    def fmt(v, unit=""):
        return "-" if v is None else f"{v:,.2f}{unit}" if isinstance(v, float) else f"{v:,}{unit}"

    lines = [
        f"{'measure':44} {'value':>14}   target",
        f"{'decisions (' + r['length'] + ' length)':44} {fmt(r['n_decisions']):>14}",
        f"{'tokens per decision':44} {fmt(r['tokens_per_decision']):>14}",
        f"{'workers':44} {fmt(r['workers']):>14}",
        f"{'python':44} {r['machine'].get('python_build', r['machine']['python'])}",
        f"{'extract + load wall':44} {fmt(r['extract_load_s'], ' s'):>14}   60,000 in <= 600 s",
        f"{'decisions/s':44} {fmt(r['decisions_per_s']):>14}   >= 100",
        f"{'tokens/s':44} {fmt(r['tokens_per_s']):>14}",
        f"{'baseline spacy.blank tokenise, 1 process':44} {fmt(r['baseline_tokenize_decisions_per_s']):>14}   decisions/s",
        f"{'ratio extract+load / baseline':44} {fmt(r['ratio_to_baseline']):>14}",
        f"{'  (pipeline tokenizer, warm cache, 1 process)':44} {fmt(r['chunk_cached_tokenize_decisions_per_s']):>14}   decisions/s",
        f"{'  (ratio extract+load / that)':44} {fmt(r['ratio_to_chunk_cached_tokenize']):>14}",
        f"{'peak RSS (process tree)':44} {fmt(r['peak_rss_mb'], ' MB'):>14}   <= 1,536 MB",
        f"{'peak RSS bound (ru_maxrss self + child)':44} {fmt(r['peak_rss_bound_mb'], ' MB'):>14}",
        f"{'nightly: ' + str(r['nightly_new']) + ' new, process start to exit':44} {fmt(r['nightly_s'], ' s'):>14}   <= 15 s",
        f"{'slowest view':44} {fmt(r['views_max_s'], ' s'):>14}   <= 0.5 s",
    ]
    for name, s in sorted(r["views_s"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {'view ' + name:42} {fmt(s, ' s'):>14}")
    lines.append("rows: " + ", ".join(f"{k} {v:,}" for k, v in r["rows"].items()) + f"; failed {r['failed']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=60000, help="decisions in the scale corpus")
    p.add_argument("--workers", type=int, default=None, help="extraction processes (default: CPU count)")
    p.add_argument("--length", choices=("full", "sample"), default="full",
                   help="full: lengthen to a published decision's length (default); sample: the sample's own length")
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--tmp", type=Path, default=None, help="folder for the temporary database")
    p.add_argument("--no-nightly", action="store_true")
    p.add_argument("--baseline-max", type=int, default=8000,
                   help="tokenise at most this many texts for the baseline, every k-th (0: all)")
    args = p.parse_args(argv)
    if args.n < 1:
        p.error("--n must be at least 1")
    results = run(args.n, out=args.out, workers=args.workers, length=args.length, seed=args.seed, workdir=args.tmp,
                  nightly=not args.no_nightly, baseline_max=args.baseline_max)
    print(table(results))
    print(f"written to {args.out}")
    return 0 if results["failed"] == 0 and results["nightly_exit_code"] in (0, None) else 1


if __name__ == "__main__":
    sys.exit(main())

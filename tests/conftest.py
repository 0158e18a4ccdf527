"""Shared fixtures. Real decisions live outside the repository in ../shared (CI has it);
tests that need them skip with the reason when it is absent."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run of `make test` (a failure in CI is
# then a change of the code, not the luck of the draw); `make explore` draws fresh ones to
# look for new counterexamples, which are pinned with @example once fixed.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("OMBUDSMAN_SHARED", REPO.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
SEEDS = SHARED / "seeds"
SAMPLE = REPO / "data" / "sample"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found: the shared corpus sits beside the repository (set OMBUDSMAN_SHARED)")
    return path


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory):
    """Caches the code keeps between calls (the similar-case index) go to a folder of the
    test session's, not the user's: set in the environment, so commands run as
    subprocesses use it too."""
    old = os.environ.get("OMBUDSMAN_CACHE")
    os.environ["OMBUDSMAN_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("OMBUDSMAN_CACHE", None)
    else:
        os.environ["OMBUDSMAN_CACHE"] = old


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return _need(DEV)


@pytest.fixture(scope="session")
def dev_records(dev_dir):
    from pipeline.records import DecisionRecord, read_jsonl

    return {r.reference: r for r in read_jsonl(dev_dir / "records.jsonl") if isinstance(r, DecisionRecord)}


@pytest.fixture(scope="session")
def dev_gold(dev_dir):
    return {json.loads(line)["reference"]: json.loads(line)["gold"]
            for line in (dev_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}


@pytest.fixture(scope="session")
def seed_record():
    """The joint LGSCO/PHSO decision 23 011 903a, the model case, as a record."""
    from pipeline.records import DecisionRecord

    files = sorted(_need(SEEDS).glob("000_*.txt"))
    if not files:
        pytest.skip(f"no 000_*.txt seed in {SEEDS}")
    text = files[0].read_text(encoding="utf-8")
    title = text.splitlines()[0].strip()
    return DecisionRecord(source="lgsco", reference="23 011 903a", text=text, title=title)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_extraction(seed_record, nlp):
    from pipeline.extraction import extract_one

    return extract_one(seed_record, nlp)


@pytest.fixture()
def con(tmp_path):
    from pipeline import db

    connection = db.connect(tmp_path / "test.duckdb")
    yield connection
    connection.close()

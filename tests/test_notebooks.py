"""Both analysis notebooks run from top to bottom (nbclient) against a database built
from the bundled sample, draw their charts, and are kept in git without outputs."""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the dev extra")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the dev extra")

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
SAMPLE = REPO / "data" / "sample"
NAMES = ["remedies_by_fault.ipynb", "commissioning_failures.ipynb"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from pipeline import db, jobs

    if not any(SAMPLE.glob("*.jsonl")):
        pytest.fail(f"the bundled sample is missing from {SAMPLE}")
    path = tmp_path_factory.mktemp("nb") / "sample.duckdb"
    con = db.connect(path)
    assert not jobs.ingest(con, [SAMPLE]).failures
    result = jobs.extract_pending(con)
    assert result.counts["extracted"] > 0 and not result.failures
    decisions = con.execute("SELECT count(*) FROM decisions").fetchall()[0][0]
    con.close()
    return path, decisions


def run(name: str, db_path: Path, monkeypatch) -> "nbformat.NotebookNode":
    monkeypatch.setenv("OMBUDSMAN_DB", str(db_path))  # the kernel inherits the environment
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


def outputs(nb, kind: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and kind == "text":
                found.append(out["text"])
            elif kind in out.get("data", {}):
                found.append(out["data"][kind])
    return found


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert any(c.cell_type == "markdown" for c in nb.cells)


def test_remedies_notebook_runs_on_the_sample(sample_db, monkeypatch):
    path, decisions = sample_db
    nb = run("remedies_by_fault.ipynb", path, monkeypatch)
    assert f"{decisions} decisions" in outputs(nb, "text")[0]
    assert len(outputs(nb, "image/png")) == 2  # the spread by category, the median by payer type
    narrative = "\n".join(outputs(nb, "text/markdown"))
    assert "is the fault most often paid for" in narrative


def test_commissioning_notebook_runs_on_the_sample(sample_db, monkeypatch):
    path, decisions = sample_db
    nb = run("commissioning_failures.ipynb", path, monkeypatch)
    assert len(outputs(nb, "image/png")) == 2  # bodies, body x year
    narrative = "\n".join(outputs(nb, "text/markdown"))
    assert f"of {decisions} decisions have a commissioning" in narrative
    # the sample's Elmshire County Council is found at fault for commissioning in 2019 and 2025
    assert "Elmshire County Council" in narrative

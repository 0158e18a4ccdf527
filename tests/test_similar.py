"""Similar cases on the hand-built database: the texts are written so that the right
neighbours are known (two about commissioning home care, two about a hospital discharge,
one about bins)."""
from __future__ import annotations

import pytest

from handbuilt_db import build
from pipeline import cli
from pipeline.similar import (KEPT_INDEXES, FindingsIndex, UnknownReference, findings_index, findings_text,
                              records_fingerprint, resolve, similar)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("similar") / "t.duckdb"
    build(path).close()
    return path


@pytest.fixture()
def con(db_path):
    from pipeline import db

    con = db.connect(db_path, read_only=True)
    yield con
    con.close()


def test_nearest_neighbour_shares_the_finding(con):
    rows = similar(con, "lgsco:21 000 001", k=3)
    assert rows[0].decision_id == "lgsco:23 000 002"
    assert "home care" in rows[0].shared_terms
    assert rows[0].score > max(r.score for r in rows[1:])
    assert all(r.decision_id != "lgsco:21 000 001" for r in rows)  # never the decision itself


def test_discharge_cases_find_each_other_across_publishers(con):
    rows = similar(con, "P-000004", k=1)
    assert [r.decision_id for r in rows] == ["lgsco:24 000 005"]
    assert rows[0].url == "https://example.org/decisions/24-000-005"
    assert 0 < rows[0].score <= 1


def test_k_limits_the_answer_and_unrelated_cases_are_left_out(con):
    assert len(similar(con, "lgsco:21 000 001", k=1)) == 1
    rows = similar(con, "lgsco:21 000 001", k=10)
    assert len(rows) <= 4 and all(r.score > 0 for r in rows)


def test_references_are_found_however_they_are_typed(con):
    assert resolve(con, "23000002") == "lgsco:23 000 002"
    assert resolve(con, "lgsco:23 000 002") == "lgsco:23 000 002"
    assert resolve(con, "p-000004") == "phso:P-000004"


def test_an_unknown_reference_is_a_clear_error(con):
    with pytest.raises(UnknownReference, match="no decision with reference '99 999 999'"):
        similar(con, "99 999 999")
    with pytest.raises(UnknownReference):
        similar(con, "phso:21 000 001")  # right reference, wrong publisher


def test_findings_text_keeps_what_was_found_and_drops_the_complaint():
    text = "The complaint\nMr X says the bins were late.\nWhat I found\nThe council failed to plan care.\n"
    assert "plan care" in findings_text(text) and "bins" not in findings_text(text)
    assert "bins" in findings_text("No headings here: the bins were late.")  # no sections: the whole text


def test_cli_similar(db_path, capsys):
    assert cli.main(["--db", str(db_path), "similar", "21 000 001", "--k", "2"]) == 0
    out = capsys.readouterr().out
    assert "lgsco:23 000 002" in out and "(2 rows)" in out


def test_cli_similar_unknown_reference_is_one_line(db_path, capsys):
    assert cli.main(["--db", str(db_path), "similar", "nope"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "ombudsman similar: no decision with reference 'nope' in the database"


# --- the index kept between calls -----------------------------------------------------------

def _answers(rows):
    return [(r.decision_id, r.score, r.shared_terms, r.title, r.url) for r in rows]


def test_a_kept_index_gives_the_same_answers_and_is_read_instead_of_rebuilt(con, tmp_path, monkeypatch):
    uncached = similar(con, "lgsco:21 000 001", k=4)
    assert _answers(similar(con, "lgsco:21 000 001", k=4, cache_dir=tmp_path)) == _answers(uncached)
    (folder,) = (tmp_path / "similar").iterdir()
    assert {f.name for f in folder.iterdir()} == {"matrix.npz", "ids.json", "terms.txt"}

    def no_rebuild(*args, **kwargs):
        raise AssertionError("rebuilt although the records have not changed")
    monkeypatch.setattr(FindingsIndex, "build", no_rebuild)
    assert _answers(similar(con, "lgsco:21 000 001", k=4, cache_dir=tmp_path)) == _answers(uncached)
    assert [r.decision_id for r in similar(con, "P-000004", k=1, cache_dir=tmp_path)] == ["lgsco:24 000 005"]


def test_changed_records_get_a_new_index_and_old_ones_are_cleared(db_path, tmp_path):
    import shutil

    from pipeline import db

    path = tmp_path / "copy.duckdb"
    shutil.copy(db_path, path)
    cache = tmp_path / "cache"
    con = db.connect(path)
    try:
        first = findings_index(con, cache)
        fingerprint = records_fingerprint(con)
        for n in range(KEPT_INDEXES + 1):  # each change of a text is a new set of records
            con.execute("UPDATE records SET text = text || ?, text_sha256 = ? WHERE decision_id = 'lgsco:24 000 005'",
                        [f" The council failed to plan the discharge {n}.", f"changed-{n}"])
            assert records_fingerprint(con) != fingerprint
            fingerprint = records_fingerprint(con)
            changed = findings_index(con, cache)
        assert changed.matrix.shape[0] == first.matrix.shape[0]
        assert "discharge" in changed.terms
        assert len(list((cache / "similar").iterdir())) == KEPT_INDEXES
        assert any(f.name.endswith(fingerprint) for f in (cache / "similar").iterdir())
    finally:
        con.close()


def test_a_damaged_index_is_rebuilt_and_an_unwritable_folder_still_answers(con, tmp_path):
    uncached = _answers(similar(con, "lgsco:21 000 001", k=3))
    similar(con, "lgsco:21 000 001", k=3, cache_dir=tmp_path)
    (folder,) = (tmp_path / "similar").iterdir()
    (folder / "terms.txt").write_text("only\nthree\nterms", encoding="utf-8")  # no longer fits the matrix
    assert _answers(similar(con, "lgsco:21 000 001", k=3, cache_dir=tmp_path)) == uncached
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert _answers(similar(con, "lgsco:21 000 001", k=3, cache_dir=blocked)) == uncached


def test_the_command_keeps_its_index_in_the_cache_folder(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OMBUDSMAN_CACHE", str(tmp_path))  # empty: whatever is there, this command wrote
    assert cli.main(["--db", str(db_path), "similar", "21 000 001", "--k", "1"]) == 0
    assert len(list((tmp_path / "similar").iterdir())) == 1

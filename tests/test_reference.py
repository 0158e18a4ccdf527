"""The reference table of English public bodies and the name matcher over it."""
from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from pipeline.reference import (
    COLUMNS,
    DEFAULT_PATH,
    Gazetteer,
    ReferenceBody,
    default_gazetteer,
    normalise,
)

BLMK_ICB = "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return default_gazetteer()


def name_of(body: ReferenceBody | None) -> str | None:
    return body.canonical_name if body else None


# --- the table -------------------------------------------------------------------------


def test_csv_has_the_documented_columns():
    with open(DEFAULT_PATH, newline="", encoding="utf-8") as handle:
        assert tuple(csv.DictReader(handle).fieldnames or ()) == COLUMNS


def test_counts_are_plausible(g):
    councils = g.bodies("council", current_only=True)
    assert 300 <= len(councils) <= 330
    assert len(g.bodies("icb")) == 42
    assert all(b.is_current for b in g.bodies("icb"))
    assert len(g.bodies("ccg")) >= 100
    assert not any(b.is_current for b in g.bodies("ccg"))


def test_current_councils_by_ons_code_prefix(g):
    prefixes = Counter((b.code or "")[:3] for b in g.bodies("council", current_only=True))
    assert prefixes["E10"] == 21  # county councils
    assert prefixes["E08"] == 36  # metropolitan boroughs
    assert prefixes["E09"] == 33  # London boroughs and the City of London
    assert prefixes["E07"] == 164  # district councils since April 2023
    assert prefixes["E06"] == 63  # unitary authorities, incl. the Isles of Scilly


def test_codes_are_unique_and_well_formed(g):
    codes = [b.code for b in g if b.code]
    assert len(codes) == len(set(codes))
    for body in g.bodies("council"):
        assert body.code is None or (body.code[:3] in {"E06", "E07", "E08", "E09", "E10"}
                                     and len(body.code) == 9), body
    for body in g.bodies("icb"):
        assert body.code is None or (body.code.startswith("Q") and len(body.code) == 3), body


def test_every_successor_exists_and_is_later(g):
    for body in g:
        for name in body.successors:
            successor = g.get(name)
            assert successor is not None, (body.canonical_name, name)
            assert body.valid_to is not None, body.canonical_name
            if successor.valid_from is not None:
                assert successor.valid_from == body.valid_to + dt.timedelta(days=1), name


def test_every_abolished_body_ends_in_current_ones(g):
    for body in g:
        if not body.is_current:
            current = g.successors_of(body)
            assert current and all(b.is_current for b in current), body.canonical_name


def test_every_ccg_passes_to_an_icb(g):
    for ccg in g.bodies("ccg"):
        assert ccg.valid_to == dt.date(2022, 6, 30)
        icb = g.successor_of(ccg)
        assert icb is not None and icb.body_type == "icb", ccg.canonical_name
    assert {name_of(g.successor_of(c)) for c in g.bodies("ccg")} == {
        b.canonical_name for b in g.bodies("icb")}


def test_no_written_name_points_to_two_bodies(g):
    # Gazetteer() raises on a clash between table names; derived forms that clash are
    # dropped and listed in `ambiguous`. The table has none of either today.
    assert g.ambiguous == {}
    seen: dict[str, str] = {}
    for body in g:
        for name in (body.canonical_name, *body.aliases):
            key = normalise(name)
            assert seen.setdefault(key, body.canonical_name) == body.canonical_name, name


def test_names_all_resolve(g):
    names = g.names()
    assert "Ealing Council" in names and BLMK_ICB in names
    assert len(names) == len(set(names))
    for name in names:
        assert g.lookup(name) is not None, name


# --- lookup -------------------------------------------------------------------------------


def test_milton_keynes_council(g):
    body = g.lookup("Milton Keynes Council")
    assert body is not None and body.body_type == "council"
    assert body.canonical_name == "Milton Keynes City Council"
    assert body.code == "E06000042"
    assert g.lookup("Milton Keynes Council (23 011 903a)") is body


@pytest.mark.parametrize("name", [
    "NHS Bedfordshire, Luton and Milton Keynes ICB",
    BLMK_ICB,
    "Bedfordshire, Luton and Milton Keynes Integrated Care Board",
    "Bedfordshire, Luton & Milton Keynes ICB",
    "the NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board (ICB)",
    "BLMK ICB",
    "nhs bedfordshire luton and milton keynes icb",
])
def test_icb_forms_are_one_body(g, name):
    body = g.lookup(name)
    assert body is not None and body.body_type == "icb"
    assert body.canonical_name == BLMK_ICB and body.code == "QHG"


def test_ccg_follows_into_its_icb(g):
    ccg = g.lookup("NHS Bedfordshire, Luton and Milton Keynes CCG")
    assert ccg is not None and ccg.body_type == "ccg"
    assert ccg is g.lookup("Bedfordshire, Luton and Milton Keynes Clinical Commissioning Group")
    assert name_of(g.successor_of(ccg)) == BLMK_ICB
    assert name_of(g.successor_of("NHS Kernow CCG")) == (
        "NHS Cornwall and the Isles of Scilly Integrated Care Board")
    # Bassetlaw moved from South Yorkshire to Nottinghamshire on 1 July 2022
    assert name_of(g.successor_of("NHS Bassetlaw CCG")) == (
        "NHS Nottingham and Nottinghamshire Integrated Care Board")
    assert name_of(g.current_of(ccg)) == BLMK_ICB


@pytest.mark.parametrize("name", [
    "London Borough of Ealing", "Ealing Council", "Ealing London Borough Council",
    "The London Borough of Ealing", "LB Ealing", "ealing council", "Ealing Council’s",
])
def test_london_borough_forms(g, name):
    assert name_of(g.lookup(name)) == "London Borough of Ealing"


@pytest.mark.parametrize(("name", "canonical"), [
    ("Royal Borough of Greenwich", "Royal Borough of Greenwich"),
    ("Greenwich Council", "Royal Borough of Greenwich"),
    ("Kensington & Chelsea Council", "Royal Borough of Kensington and Chelsea"),
    ("Dudley Metropolitan Borough Council", "Dudley Metropolitan Borough Council"),
    ("Dudley Council", "Dudley Metropolitan Borough Council"),
    ("Wigan Council", "Wigan Metropolitan Borough Council"),
    ("St. Helens Council", "St Helens Borough Council"),
    ("Bradford Council", "City of Bradford Metropolitan District Council"),
    ("City of York Council", "City of York Council"),
    ("York City Council", "City of York Council"),
    ("Leicester City Council", "Leicester City Council"),
    ("City of Leicester Council", "Leicester City Council"),
    ("Kings Lynn and West Norfolk Borough Council", "Borough Council of King's Lynn and West Norfolk"),
    ("Stockton on Tees Borough Council", "Stockton-on-Tees Borough Council"),
    ("BCP Council", "Bournemouth, Christchurch and Poole Council"),
    ("Shepway District Council", "Folkestone and Hythe District Council"),
    ("Council of the Isles of Scilly", "Council of the Isles of Scilly"),
    ("City of London Corporation", "City of London Corporation"),
])
def test_council_forms(g, name, canonical):
    assert name_of(g.lookup(name)) == canonical


def test_county_councils_are_not_conflated(g):
    lancs = g.lookup("Lancashire County Council")
    assert lancs is not None and lancs.code == "E10000017" and lancs.is_current
    assert g.lookup("Lancashire Council") is None  # no such body; not guessed
    # a county council and a district/city council with a near name stay apart
    assert name_of(g.lookup("Derbyshire County Council")) != name_of(g.lookup("Derby City Council"))
    # the 2023 unitary "Somerset Council" is not the old "Somerset County Council"
    old, new = g.lookup("Somerset County Council"), g.lookup("Somerset Council")
    assert old is not None and new is not None and old is not new
    assert not old.is_current and new.is_current
    assert g.successor_of(old) is new


def test_abolished_councils_follow_to_their_successor(g):
    assert name_of(g.successor_of("Harrogate Borough Council")) == "North Yorkshire Council"
    assert name_of(g.successor_of("Aylesbury Vale District Council")) == "Buckinghamshire Council"
    assert name_of(g.successor_of("Kettering Borough Council")) == "North Northamptonshire Council"
    # two steps: Taunton Deane -> Somerset West and Taunton (2019) -> Somerset (2023)
    assert name_of(g.successor_of("Taunton Deane Borough Council")) == "Somerset Council"
    # split counties have no single successor
    assert g.successor_of("Cumbria County Council") is None
    assert {b.canonical_name for b in g.successors_of("Cumbria County Council")} == {
        "Cumberland Council", "Westmorland and Furness Council"}
    # a current body has no successor and is its own current body
    ealing = g.lookup("Ealing Council")
    assert g.successor_of(ealing) is None and g.current_of(ealing) is ealing


@pytest.mark.parametrize("name", [
    "Lancashire Council", "the Council", "Ombudsman", "Devon", "NHS England",
    "Wye Valley NHS Trust", "", "Ealing", "Borough Council",
])
def test_unknown_names_give_none(g, name):
    assert g.lookup(name) is None


# --- loading ------------------------------------------------------------------------------


def test_default_gazetteer_is_cached():
    assert default_gazetteer() is default_gazetteer()


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text(",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_load_a_small_table(tmp_path):
    path = _write(tmp_path / "b.csv", [
        "Old District Council,council,,New Council,Old DC,,2020-03-31",
        "New Council,council,E06999999,,,2020-04-01,",
    ])
    g = Gazetteer.load(path)
    assert len(g) == 2
    old = g.lookup("Old DC")
    assert old is not None and old.valid_to == dt.date(2020, 3, 31) and old.code is None
    assert name_of(g.successor_of(old)) == "New Council"
    assert name_of(g.lookup("Old Council")) == "Old District Council"


def test_load_rejects_unknown_successor(tmp_path):
    path = _write(tmp_path / "b.csv", ["A Council,council,,Nowhere Council,,,2020-03-31"])
    with pytest.raises(ValueError, match="unknown successor"):
        Gazetteer.load(path)


def test_load_rejects_a_name_for_two_bodies(tmp_path):
    path = _write(tmp_path / "b.csv", [
        "A Council,council,,,Shared Name,,",
        "B Council,council,,,shared name,,",
    ])
    with pytest.raises(ValueError, match="names both"):
        Gazetteer.load(path)


def test_derived_clash_is_dropped_not_guessed(tmp_path):
    path = _write(tmp_path / "b.csv", [
        "Exampleton Borough Council,council,,,,,",
        "Exampleton District Council,council,,,,,",
    ])
    g = Gazetteer.load(path)
    assert g.lookup("Exampleton Council") is None
    assert "exampleton council" in g.ambiguous

"""The real decision sets' annotations (data/real): well formed by ANNOTATION.md, one
record each, no decision in two sets or in the dev corpus. (Their texts are not in the
repository; data/real/score.py scores them where the texts are given.)"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from conftest import REPO
from pipeline.extract.bodies import BODY_TYPES
from pipeline.extract.vocabulary import FAULT_CATEGORIES

REAL = REPO / "data" / "real"
# (the sets data/real/score.py scores: one list)
_spec = importlib.util.spec_from_file_location("real_score", REAL / "score.py")
_score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_score)
SETS = _score.SETS
OUTCOMES = {None, "upheld", "not_upheld", "partly_upheld", "closed_after_initial_enquiries", "not_investigated"}
PURPOSES = {"distress", "time_and_trouble", "loss_of_service", "financial_loss", "other"}
ACTIONS = {"apology", "payment", "review", "service_improvement", "report_back", "other"}


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", SETS + ("agreement", "third-again"))
def test_gold_is_well_formed(name: str) -> None:
    for line in lines(REAL / name / "gold.jsonl"):
        g = line["gold"]
        where = f"{name} {line['reference']}"
        assert line["source"] in ("lgsco", "phso"), where
        assert g["outcome"] in OUTCOMES, where
        assert g["fault_found"] in (True, False, None), where
        assert g["decision_date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", g["decision_date"]), where
        assert all(b["type"] in BODY_TYPES and b["name"] for b in g["bodies"]), where
        assert all(f["category"] in FAULT_CATEGORIES and f["body"] for f in g["faults"]), where
        for p in g["payments"]:
            assert p["amount"] > 0 and p["status"] in ("recommended", "previously_offered"), where
            assert set(p["purposes"]) <= PURPOSES, where
        for d in g["deadlines"]:
            assert set(d["actions"]) <= ACTIONS, where
        if g["faults"]:
            assert g["fault_found"] is True, where


@pytest.mark.parametrize("name", SETS)
def test_sources_and_gold_name_the_same_decisions(name: str) -> None:
    sources = [(s["source"], s["reference"]) for s in lines(REAL / name / "sources.jsonl")]
    gold = [(g["source"], g["reference"]) for g in lines(REAL / name / "gold.jsonl")]
    assert sources == gold and len(set(sources)) == len(sources)
    assert all(re.fullmatch(r"[0-9a-f]{64}", s["text_sha256"]) for s in lines(REAL / name / "sources.jsonl"))


def _references() -> dict[str, str]:
    seen: dict[str, str] = {}
    for name in SETS:
        for s in lines(REAL / name / "sources.jsonl"):
            assert s["reference"] not in seen, (s["reference"], seen.get(s["reference"]), name)
            seen[s["reference"]] = name
    return seen


def test_no_decision_is_in_two_sets() -> None:
    assert len(_references()) == sum(len(lines(REAL / name / "sources.jsonl")) for name in SETS)


def test_no_decision_is_in_the_dev_corpus(dev_dir) -> None:
    dev = {r["reference"] for r in lines(dev_dir / "records.jsonl")}
    assert not dev & set(_references())
    # the agreement study annotated dev decisions again, blind to their gold
    assert {g["reference"] for g in lines(REAL / "agreement" / "gold.jsonl")} <= dev


def test_the_third_set_annotated_again_is_the_third_sets_decisions() -> None:
    again = [(g["source"], g["reference"]) for g in lines(REAL / "third-again" / "gold.jsonl")]
    assert sorted(again) == sorted((g["source"], g["reference"]) for g in lines(REAL / "third" / "gold.jsonl"))


def test_agreement_compares_the_decisions_both_annotated(tmp_path, capsys) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_agreement", REAL / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first, second = lines(REAL / "third" / "gold.jsonl")[:2], lines(REAL / "third-again" / "gold.jsonl")
    one = next(g for g in second if g["reference"] == first[0]["reference"])
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(g) for g in first), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(one), encoding="utf-8")
    assert module.main([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]) == 0
    assert "1 decisions annotated twice" in capsys.readouterr().out
    assert module.main([str(tmp_path / "a.jsonl")]) == 2  # two annotations, or the usage


def test_score_uses_only_the_texts_that_were_annotated(tmp_path, capsys) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_score", REAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first = lines(REAL / "read" / "sources.jsonl")[0]
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"source": first["source"], "reference": first["reference"], "text": "not the excerpt"}) + "\n")
    assert module.main([str(texts), "--sets", "read,sealed", "--kinds"]) == 0
    out = capsys.readouterr().out
    assert f"== read: 0 decisions with their annotated text ({len(lines(REAL / 'read' / 'sources.jsonl'))} missing or different)" in out
    assert f"{first['reference']}: the text given is not the one annotated (SHA-256 differs)" in out
    assert "pooled" not in out  # nothing scored, nothing pooled


def test_learned_layer_rows_are_the_extractors_pairs_and_score_as_eval_does(tmp_path, capsys) -> None:
    # data/real/learned_layer.py (the measurement behind the model card's session 30): one
    # row per body at fault and category, its "rules gave it" signal the extractor's pairs,
    # and its F1 for those the one `ombudsman eval` gives, so that its figures compare.
    # (Run on a written set: the real texts are not in the repository.)
    import importlib.util

    from pipeline.evaluate import name_key, predict, read_gold, score
    from pipeline.nlp import build_nlp
    from pipeline.records import DecisionRecord, read_jsonl

    spec = importlib.util.spec_from_file_location("real_learned_layer", REAL / "learned_layer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = REPO / "data" / "written" / "a"
    records = [r for r in read_jsonl(written / "records.jsonl") if isinstance(r, DecisionRecord)]
    gold = read_gold(written / "gold.jsonl")
    table = module.Table(records, gold, build_nlp())
    rules = table.x[:, table.names.index("rules_gave_it")] == 1
    predicted = predict(records)
    assert int(rules.sum()) == sum(len({(name_key(f["body"]), f["category"]) for f in p["faults"]}) for p in predicted.values())
    assert len(table.y) == len(FAULT_CATEGORIES) * sum(len({name_key(f["body"]) for f in p["faults"]}) for p in predicted.values())
    assert table.f1(rules)[0] == pytest.approx(score(predicted, gold).tally("faults: body+category").f1)
    # without the real texts there is nothing to learn from, and it says so
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"source": "lgsco", "reference": "none", "text": "no such decision"}) + "\n")
    assert module.main([str(texts)]) == 2
    assert "no texts given" in capsys.readouterr().err

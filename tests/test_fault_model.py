"""Facts the trained fault model (models/fault_model.skops) and its training must get right.

The sentences are written for these tests (none is in the training file or the dev
corpus), in the register of LGSCO/PHSO decisions. The model's probabilities are read at
the thresholds the extraction uses (pipeline.extraction).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import fault_training
from pipeline.extract.vocabulary import FAULT_CATEGORIES, could_be_finding
from pipeline.extract.faults import CATEGORY_THRESHOLD
from pipeline.fault_model import DEFAULT_MODEL, FaultModel, Prediction

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def model() -> FaultModel:
    return FaultModel.load(DEFAULT_MODEL)


def one(model: FaultModel, sentence: str) -> Prediction:
    return model.predict([sentence])[0]


def top(p: Prediction, n: int = 2) -> list[str]:
    return sorted(p.categories, key=p.categories.get, reverse=True)[:n]


@pytest.mark.parametrize("sentence, category", [
    ("The ICB failed to commission a nursing agency able to meet Mr T's needs, which was fault.", "commissioning"),
    ("I find Wexcombe Council was at fault for the delay in completing Mrs R's needs assessment.", "delay"),
    ("We think this was a failing in the Trust's handling of Mrs L's complaint.", "complaint_handling"),
    ("The Council did not monitor the home care agency it had commissioned, which was fault.", "provider_oversight"),
    ("There was fault by the Council in how it worked out Mr V's contribution to his care fees.", "charging_funding"),
    ("The Council did not carry out a carer's assessment for Mrs N, and that was fault.", "assessment"),
    ("We found the care home did not give Mr E his insulin as prescribed.", "care_quality"),
    ("The Council did not make the enquiries the law required after the safeguarding alert about Mrs O, which was fault.", "safeguarding"),
    ("The Council failed to arrange the tuition set out in section F of T's plan, which was fault.", "service_provision"),
])
def test_findings_get_their_category(model: FaultModel, sentence: str, category: str) -> None:
    p = one(model, sentence)
    assert p.finding >= 0.5
    assert p.categories[category] >= CATEGORY_THRESHOLD and category in top(p)


def test_multi_label_finding(model: FaultModel) -> None:
    p = one(model, "The Council and the ICB commissioned an unsuitable agency and then did not "
                   "check the care it was providing, which was fault.")
    assert {"commissioning", "provider_oversight"} <= {c for c, v in p.categories.items() if v >= CATEGORY_THRESHOLD}


@pytest.mark.parametrize("sentence", [
    "I do not find fault with how the Council assessed Mrs T's needs.",
    "We have not found fault in the way the ICB reached its funding decision.",
    "The Care Act 2014 says a council must assess anyone who may need care and support.",
    "In June 2023 the social worker visited Mr P at home.",
])
def test_no_fault_law_and_background_are_not_findings(model: FaultModel, sentence: str) -> None:
    assert one(model, sentence).finding < 0.5


@pytest.mark.parametrize("sentence, can", [
    ("Mrs X complains the Council failed to commission a suitable care provider for her son.", False),
    ("The Council should pay Mrs X £300 to recognise the distress caused by the delay.", False),
    ("I have not found fault in how the Council assessed Mr Y.", False),
    ("I have not found fault in the assessment, but there was fault in how the Council charged him.", True),
    ("We found the Council failed to review the plan, and it should apologise.", True),
    ("The Council delayed the assessment by six months.", True),
])
def test_could_be_finding_by_wording(sentence: str, can: bool) -> None:
    assert could_be_finding(sentence) is can


def test_prediction_shape_and_batches(model: FaultModel) -> None:
    sents = ["This was fault.", "The delay was fault.", "The poor record keeping was fault."]
    batch = model.predict(sents)
    assert model.predict([]) == []
    for s, b in zip(sents, batch):
        assert set(b.categories) == set(FAULT_CATEGORIES)
        assert all(0.0 <= v <= 1.0 for v in b.categories.values())
        assert one(model, s) == b


def test_trained_model_saves_and_loads_identically_without_pickle(tmp_path: Path) -> None:
    examples = fault_training.written_sentences()[::5]
    model = fault_training.train(examples)
    again = fault_training.train(examples)
    path = tmp_path / "m.skops"
    model.save(path)
    texts = [e.text for e in examples[:40]]
    assert FaultModel.load(path).predict(texts) == model.predict(texts) == again.predict(texts)  # reproducible
    # ... to the byte: skops names objects by their memory address and the zip stamps the time
    again.save(tmp_path / "again.skops")
    assert (tmp_path / "again.skops").read_bytes() == path.read_bytes()


def test_a_model_saved_in_another_process_is_the_same_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    model = fault_training.train(fault_training.written_sentences()[::7])
    model.save(tmp_path / "here.skops")
    code = ("import sys; from pipeline.fault_model import FaultModel; padding = [object() for _ in range(99999)]; "
            "FaultModel.load(sys.argv[1]).save(sys.argv[2])")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "here.skops"), str(tmp_path / "there.skops")],
                   check=True, cwd=Path(__file__).resolve().parent.parent)
    assert (tmp_path / "there.skops").read_bytes() == (tmp_path / "here.skops").read_bytes()


def test_load_refuses_what_is_not_scikit_learn(tmp_path: Path) -> None:
    import skops.io as sio

    path = tmp_path / "evil.skops"
    sio.dump({"features": Path("/etc/passwd"), "finding": None, "categories": None, "labels": []}, path)
    with pytest.raises(ValueError, match="refusing to load"):
        FaultModel.load(path)


def test_missing_model_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make train"):
        FaultModel.load(tmp_path / "nothing.skops")


def test_folds_are_fixed_by_reference() -> None:
    folds = [fault_training.fold_of(f"24 00{i} 123") for i in range(50)]
    assert folds == [fault_training.fold_of(f"24 00{i} 123") for i in range(50)]
    assert set(folds) == set(range(fault_training.K))


def test_written_sentences_label_findings_only_with_categories() -> None:
    for e in fault_training.written_sentences():
        assert ("delay" in e.cats) == bool(e.cats["finding"])


def test_distant_labels_from_a_real_decision(dev_records, dev_gold) -> None:
    """23 011 903a (the seed decision): its scored sentences take the gold categories of
    the bodies they name."""
    gold = {("lgsco", "23 011 903a"): dev_gold["23 011 903a"]}
    labelled = fault_training.real_sentences([dev_records["23 011 903a"]], gold)
    assert labelled
    found = {c for e in labelled for c, v in e.cats.items() if v}
    assert found <= {f["category"] for f in dev_gold["23 011 903a"]["faults"]}
    assert "commissioning" in found


def test_cached_features_equal_scikit_learns(model: FaultModel, dev_records) -> None:
    """The scorer's fast path (CachedTfidf) computes exactly scikit-learn's features."""
    sentences = [s for r in list(dev_records.values())[:20] for s in r.text.split(". ")]
    sentences += ["", "   ", "a", "I", "Ünïcödé façade—fault.", "The ICB’s  delay\twas fault."]
    ours, theirs = model.transform(sentences), model.features.transform(sentences)
    assert ours.shape == theirs.shape and abs(ours - theirs).max() < 1e-12


def test_probabilities_equal_scikit_learns(model: FaultModel) -> None:
    """The scorer's one matrix product gives each classifier's own predict_proba."""
    import numpy as np

    sentences = [s.text for s in fault_training.written_sentences()[:300]] + ["", "fault"]
    x = model.transform(sentences)
    theirs = np.column_stack([model.finding.predict_proba(x)[:, 1], np.asarray(model.categories.predict_proba(x))])
    assert np.abs(model._probabilities(x) - theirs).max() < 1e-12

"""Facts the trained fault classifier (models/fault_classifier.json) must get right.

The sentences are written for these tests (none is in the training file), in the register
of LGSCO/PHSO decisions.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.fault_classifier import (
    CATEGORIES, FaultClassifier, Prediction, TfidfBlock, labels, read_examples, split_sentences,
)

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "fault_classifier.json"
DATA = ROOT / "data" / "annotations" / "fault_sentences.jsonl"


@pytest.fixture(scope="module")
def clf() -> FaultClassifier:
    return FaultClassifier.load(MODEL)


def one(clf: FaultClassifier, sentence: str) -> Prediction:
    return clf.predict([sentence])[0]


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
def test_findings_get_their_category(clf: FaultClassifier, sentence: str, category: str) -> None:
    p = one(clf, sentence)
    assert p.finding >= 0.5
    assert category in clf.labels(p)


def test_short_finding_with_category_word(clf: FaultClassifier) -> None:
    p = one(clf, "The delays were fault.")
    assert p.finding >= 0.5
    assert "delay" in clf.labels(p)


def test_multi_label_finding(clf: FaultClassifier) -> None:
    p = one(clf, "The Council and the ICB commissioned an unsuitable agency and then did not "
                 "check the care it was providing, which was fault.")
    got = clf.labels(p)
    assert "commissioning" in got and "provider_oversight" in got


@pytest.mark.parametrize("sentence", [
    "Mrs X complains the Council failed to commission a suitable care provider for her son.",
    "Mr R says the Trust discharged his father without a care plan.",
    "Ms L complained that the ICB took too long to respond to her complaint.",
])
def test_allegations_are_not_findings(clf: FaultClassifier, sentence: str) -> None:
    p = one(clf, sentence)
    assert p.finding < 0.5
    assert clf.labels(p) == []


@pytest.mark.parametrize("sentence", [
    "I do not find fault with how the Council assessed Mrs T's needs.",
    "We have not found fault in the way the ICB reached its funding decision.",
    "The Council was not at fault for refusing the request for school transport.",
])
def test_no_fault_findings_are_not_findings(clf: FaultClassifier, sentence: str) -> None:
    assert one(clf, sentence).finding < 0.5


@pytest.mark.parametrize("sentence", [
    "The Care Act 2014 says a council must assess anyone who may need care and support.",
    "The Council should pay Mrs X £300 to recognise the distress caused by the delay.",
    "In June 2023 the social worker visited Mr P at home.",
])
def test_background_law_and_remedies_are_not_findings(clf: FaultClassifier, sentence: str) -> None:
    assert one(clf, sentence).finding < 0.5


def test_prediction_shape(clf: FaultClassifier) -> None:
    p = one(clf, "This was fault.")
    assert set(p.categories) == set(CATEGORIES)
    assert all(0.0 <= v <= 1.0 for v in p.categories.values())
    assert clf.predict([]) == []


def test_batch_equals_one_by_one(clf: FaultClassifier) -> None:
    sents = ["This was fault.", "Mrs X complains about the delay.", "The poor record keeping was fault."]
    batch = clf.predict(sents)
    for s, b in zip(sents, batch):
        single = one(clf, s)
        assert single.finding == pytest.approx(b.finding, abs=1e-12)
        for c in CATEGORIES:
            assert single.categories[c] == pytest.approx(b.categories[c], abs=1e-12)


def test_labels_helper_thresholds() -> None:
    p = Prediction(0.9, {"delay": 0.7, "communication": 0.4})
    assert labels(p) == ["delay"]
    assert labels(p, threshold=0.3) == ["delay", "communication"]
    assert labels(p, threshold={"delay": 0.8, "communication": 0.3}) == ["communication"]
    assert labels(Prediction(0.2, {"delay": 0.99})) == []


def test_save_load_round_trip_predicts_identically(clf: FaultClassifier, tmp_path: Path) -> None:
    sents = ["The ICB failed to commission a suitable package, which was fault.",
             "Mr Y says the Council ignored his emails.", "We think this is a failing."]
    before = clf.predict(sents)
    path = tmp_path / "model.json"
    clf.save(path)
    after = FaultClassifier.load(path).predict(sents)
    assert before == after  # exact equality: stored precision is the in-memory precision


def test_trained_model_round_trip(tmp_path: Path) -> None:
    """A freshly trained model (rounded at fit time) survives save/load bit for bit."""
    pytest.importorskip("sklearn")
    from pipeline.fault_classifier import train

    examples = read_examples(DATA)[:300]
    model = train(examples)
    texts = [e.text for e in examples[:50]]
    model.save(tmp_path / "m.json")
    assert model.predict(texts) == FaultClassifier.load(tmp_path / "m.json").predict(texts)


def test_tfidf_matches_scikit_learn() -> None:
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    docs = ["The Council was at fault for the delay.", "Mrs X complains the ICB failed to act.",
            "There was no fault  in how the Trust\tplanned the discharge.", "I find fault."]
    for analyzer, ngrams in (("word", (1, 2)), ("char_wb", (3, 5))):
        vec = sklearn_text.TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True)
        ref = vec.fit_transform(docs).toarray()
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        ours = TfidfBlock(analyzer, ngrams, terms, vec.idf_).transform(docs).toarray()
        assert np.allclose(ours, ref)


def test_model_file_is_plain_json() -> None:
    d = json.loads(MODEL.read_text(encoding="utf-8"))
    assert d["format"] == "fault-classifier/1"
    assert d["categories"]["labels"] == list(CATEGORIES)
    assert "held_out" in d["metadata"]


def test_split_sentences_handles_bullets() -> None:
    text = "Summary: We found fault. The Council agreed.\n- it failed to reply;\n• it delayed"
    assert split_sentences(text) == ["Summary: We found fault.", "The Council agreed.",
                                     "it failed to reply;", "it delayed"]

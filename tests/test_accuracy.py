"""Accuracy floors on gold data. `make eval` prints the full tables; these tests fail
when a change drops a headline figure below its floor."""
import pytest

from pipeline.evaluate import read_gold, score, to_gold
from pipeline.extraction import extract
from pipeline.inputs import read_inputs
from pipeline.records import DecisionRecord

from conftest import SAMPLE


def _scores(inputs, gold_path, nlp):
    records = [r for r in read_inputs(inputs) if isinstance(r, DecisionRecord)]
    preds = {}
    for ex in extract(records, nlp):
        g = to_gold(ex)
        preds[(g["source"], g["reference"])] = g["gold"]
    return score(preds, read_gold(gold_path))


@pytest.fixture(scope="module")
def dev_scores(dev_dir, nlp):
    return _scores([dev_dir / "records.jsonl"], dev_dir / "gold.jsonl", nlp)


@pytest.fixture(scope="module")
def sample_scores(nlp):
    return _scores([SAMPLE / "records.jsonl", SAMPLE / "html"], SAMPLE / "gold.jsonl", nlp)


def test_dev_payment_amount_f1(dev_scores):
    assert dev_scores.fields["payments: amount"].f1 >= 0.95


@pytest.mark.parametrize("field, floor", [
    ("payments: amount+payer", 0.92), ("deadlines: due_date", 0.92), ("deadlines: due_date+body", 0.88),
    ("bodies: name", 0.92), ("faults: body+category", 0.72), ("faults: category per decision", 0.72),
])
def test_dev_field_floors(dev_scores, field, floor):
    assert dev_scores.fields[field].f1 >= floor


@pytest.mark.parametrize("field", ["outcome", "fault_found", "decision_date", "bodies: type (matched)"])
def test_dev_accuracies(dev_scores, field):
    assert dev_scores.accuracies[field].value >= 0.95


def test_every_dev_decision_has_a_prediction(dev_scores):
    assert dev_scores.errors == [] and dev_scores.decisions == 40


def test_sample_floors(sample_scores):
    assert sample_scores.decisions == 16
    assert sample_scores.fields["payments: amount"].f1 >= 0.95
    assert sample_scores.fields["deadlines: due_date+body"].f1 >= 0.9
    assert sample_scores.fields["bodies: name"].f1 >= 0.95

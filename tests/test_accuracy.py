"""Accuracy floors on gold data. `make eval` prints the full tables; these tests fail
when a change drops a headline figure below its floor."""
import pytest

from pipeline.evaluate import read_gold, score, to_gold
from pipeline.extraction import extract
from pipeline.inputs import read_inputs
from pipeline.records import DecisionRecord

from conftest import REPO, SAMPLE

DATA = REPO / "data"


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


# Floors pinned to what the extractor measures on the 113 dev decisions, rounded down to
# two places; raise them as accuracy rises. The shipped fault model is trained on these
# decisions, so the in-sample floors only guard against regressions: the cross-validated
# floors below are the ones that say what to expect on decisions nobody here has read.
DEV_F1_FLOORS = {
    "payments: amount": 0.99, "payments: amount+payer": 0.99,
    "deadlines: due_date": 0.96, "deadlines: due_date+body": 0.96,
    "bodies: name": 0.985, "faults: body+category": 0.89, "faults: category per decision": 0.90,
}
DEV_ACCURACY_FLOORS = {
    "outcome": 1.0, "fault_found": 0.99, "decision_date": 1.0, "bodies: type (matched)": 1.0,
    "payments: status (matched)": 0.99, "payments: purposes (matched)": 0.80,
}
# 5-fold cross-validation (pipeline.fault_training.cross_validate): the fault model refitted
# on four folds, the whole extractor scored on the fifth. Measured 2026-12-04, session 22
# (issue 12: faults 0.898, categories 0.900, bodies 0.990; session 21: bodies 0.977). The
# fault rules were chosen by reading this corpus's errors, which the folds do not hold out:
# expect much less on decisions nobody here has read (real ones, data/real's unseen pool:
# 0.64; the sealed holdout below: 0.810; blind sets U, V: 0.68-0.73). Session 25 (2026-12-05)
# trained on the 1,247 sentences modelled on real decisions too: faults 0.898 -> 0.889 and
# categories 0.900 -> 0.890 here, while 297 real decisions the model never saw went 0.636 ->
# 0.652 (categories 0.664 -> 0.686; models/MODEL_CARD.md, Session 25). Session 26's rules:
# faults 0.891, categories 0.893, so the floors rose to 0.885 (unseen real decisions: 0.61).
# Session 28's rules: faults 0.893, categories 0.895, so the floors rose to 0.89.
CV_F1_FLOORS = {
    "faults: body+category": 0.89, "faults: category per decision": 0.89,
    "bodies: name": 0.985, "payments: amount+payer": 0.99, "deadlines: due_date+body": 0.96,
}


@pytest.mark.parametrize("field, floor", DEV_F1_FLOORS.items())
def test_dev_field_floors(dev_scores, field, floor):
    assert dev_scores.fields[field].f1 >= floor


@pytest.mark.parametrize("field, floor", DEV_ACCURACY_FLOORS.items())
def test_dev_accuracies(dev_scores, field, floor):
    assert dev_scores.accuracies[field].value >= floor


def test_every_dev_decision_has_a_prediction(dev_scores, dev_gold):
    assert dev_scores.errors == [] and dev_scores.decisions == len(dev_gold)


@pytest.fixture(scope="module")
def cv_scores(dev_dir):
    from pipeline.fault_training import cross_validate

    return cross_validate(dev_dir)


@pytest.mark.parametrize("field, floor", CV_F1_FLOORS.items())
def test_cross_validated_floors(cv_scores, field, floor):
    assert cv_scores.fields[field].f1 >= floor


def test_sample_floors(sample_scores):
    assert sample_scores.decisions == 16
    assert sample_scores.fields["payments: amount"].f1 >= 0.95
    assert sample_scores.fields["deadlines: due_date+body"].f1 >= 0.9
    assert sample_scores.fields["bodies: name"].f1 >= 0.95
    assert sample_scores.fields["faults: body+category"].f1 >= 0.89
    assert sample_scores.fields["faults: category per decision"].f1 >= 0.87  # 0.88 until session 25's training data


# The project's written decisions (data/written/*, data/holdout): fiction written from the
# annotation guide by writers who never read the extractor. data/holdout is sealed: nobody
# changing the extractor reads its texts or errors, so its score is the nearest thing here
# to decisions nobody has seen; sets Q and R were blind through session 13 (their per-pair
# results were seen after their end scores, so they are development data from session 14);
# S and T were blind through session 15 (development data from session 16); U and V are
# blind from session 16. The other sets are development data (read to find kinds of
# error): their figures flatter the extractor. Faults body+category F1, session 8
# start -> 9 end -> 10 end -> 11 end -> 12 end -> 13 end -> 14 end -> 15 end -> 16 end: holdout 0.524
# -> 0.653 -> 0.689 -> 0.715 -> 0.744 -> 0.759 -> 0.769 -> 0.777 -> 0.777 (categories 0.539 -> 0.672 -> 0.721 -> 0.739
# -> 0.775 -> 0.792 -> 0.803 -> 0.803); session 13 only: Q 0.733 -> 0.764, R 0.671 -> 0.671;
# session 14 only: S 0.797 -> 0.812, T 0.704 -> 0.742; session 16 only: U 0.667 -> 0.677,
# V 0.730 -> 0.733 (while S rose 0.812 -> 0.876 and T 0.742 -> 0.874 from rules read off
# them). Still below the dev corpus's cross-validated 0.893: that gap is issue 12.
# (Session 25 lowered eleven of these by 0.01-0.03 when the fault model began training on the
# 1,247 sentences modelled on real decisions: the written sets together 0.846 -> 0.844, blind
# U and V 0.707 -> 0.709, the sets moving one way or the other by a few pairs each; real
# decisions the model never saw 0.636 -> 0.652; models/MODEL_CARD.md, Session 25.)
# (Session 30 lowered h's two fault floors by 0.02 when an upheld allegation's model topic
# alone stopped counting: h lost three pairs it gave right, where on the 904 real development
# decisions the same reading was right 4 times in 19; dev CV 0.893 -> 0.896.)
WRITTEN_FLOORS = {
    # blind when scored (holdout sealed; q, r blind through session 13; s, t through session 15;
    # u, v blind from session 16)
    "holdout": {"faults: body+category": 0.77, "faults: category per decision": 0.80, "bodies: name": 0.98,
                "payments: amount+payer": 0.95, "deadlines: due_date+body": 0.99},
    # (u's categories 0.742 -> 0.732 in session 28, faults 0.710 -> 0.715: the rule that a
    # discharge named only as a time is no planning failure, kept for the dev corpus's CV
    # (0.891 -> 0.893) and eight wrong pairs fewer across the other sets; u's own counts only
    # were looked at, it stays blind)
    "written/u": {"faults: body+category": 0.66, "faults: category per decision": 0.73, "bodies: name": 0.94,
                  "payments: amount+payer": 0.93, "deadlines: due_date+body": 0.85},
    "written/v": {"faults: body+category": 0.72, "faults: category per decision": 0.79, "bodies: name": 0.94,
                  "payments: amount+payer": 0.97, "deadlines: due_date+body": 0.99},
    "written/q": {"faults: body+category": 0.81, "faults: category per decision": 0.82, "bodies: name": 0.95,
                  "payments: amount+payer": 0.91, "deadlines: due_date+body": 0.99},
    "written/s": {"faults: body+category": 0.85, "faults: category per decision": 0.86, "bodies: name": 0.97,
                  "payments: amount+payer": 0.94, "deadlines: due_date+body": 0.97},
    "written/t": {"faults: body+category": 0.86, "faults: category per decision": 0.88, "bodies: name": 0.97,
                  "payments: amount+payer": 0.97, "deadlines: due_date+body": 0.93},
    "written/r": {"faults: body+category": 0.73, "faults: category per decision": 0.78, "bodies: name": 0.98,
                  "payments: amount+payer": 0.98, "deadlines: due_date+body": 0.98},
    # development sets (read for errors; e, g and l were blind through session 10, m and n
    # through 11, o and p through 12)
    # (o lowered 0.76/0.78 -> 0.75/0.77 in session 14: a lucky pair from a topic heading leaking into the decision section was lost)
    "written/o": {"faults: body+category": 0.77, "faults: category per decision": 0.79, "bodies: name": 0.92,
                  "payments: amount+payer": 0.99, "deadlines: due_date+body": 0.99},
    "written/p": {"faults: body+category": 0.79, "faults: category per decision": 0.81, "bodies: name": 0.96,
                  "payments: amount+payer": 0.95, "deadlines: due_date+body": 0.93},
    "written/a": {"faults: body+category": 0.83, "faults: category per decision": 0.85, "bodies: name": 0.98,
                  "payments: amount+payer": 0.97, "deadlines: due_date+body": 0.98},
    "written/b": {"faults: body+category": 0.85, "faults: category per decision": 0.89, "bodies: name": 0.96,
                  "payments: amount+payer": 0.99},
    "written/c": {"faults: body+category": 0.88, "faults: category per decision": 0.91, "bodies: name": 0.97,
                  "payments: amount+payer": 0.99, "deadlines: due_date+body": 0.99},
    "written/d": {"faults: body+category": 0.83, "faults: category per decision": 0.84, "bodies: name": 0.93,
                  "payments: amount+payer": 0.98, "deadlines: due_date+body": 0.99},
    "written/e": {"faults: body+category": 0.85, "faults: category per decision": 0.87, "bodies: name": 0.97,
                  "payments: amount+payer": 0.95, "deadlines: due_date+body": 0.99},
    "written/f": {"faults: body+category": 0.90, "faults: category per decision": 0.90, "bodies: name": 0.97,
                  "payments: amount+payer": 0.97, "deadlines: due_date+body": 0.99},
    "written/g": {"faults: body+category": 0.84, "faults: category per decision": 0.86, "bodies: name": 0.95,
                  "payments: amount+payer": 0.96, "deadlines: due_date+body": 0.99},
    "written/h": {"faults: body+category": 0.81, "faults: category per decision": 0.83, "bodies: name": 0.94,
                  "payments: amount+payer": 0.95, "deadlines: due_date+body": 0.99},
    "written/i": {"faults: body+category": 0.88, "faults: category per decision": 0.90, "bodies: name": 0.95,
                  "payments: amount+payer": 0.98, "deadlines: due_date+body": 0.99},
    "written/j": {"faults: body+category": 0.83, "faults: category per decision": 0.86, "bodies: name": 0.96,
                  "payments: amount+payer": 0.96, "deadlines: due_date+body": 0.98},
    "written/k": {"faults: body+category": 0.82, "faults: category per decision": 0.84, "bodies: name": 0.98,
                  "payments: amount+payer": 0.99, "deadlines: due_date+body": 0.99},
    # (bodies 0.979 -> 0.968 in session 26: "Meadowsweet Court care home", named as the scene of
    # a fall, is now read as a body, as a capitalised "... Care Home" always was)
    "written/l": {"faults: body+category": 0.83, "faults: category per decision": 0.83, "bodies: name": 0.96,
                  "payments: amount+payer": 0.96, "deadlines: due_date+body": 0.99},
    "written/m": {"faults: body+category": 0.83, "faults: category per decision": 0.85, "bodies: name": 0.97,
                  "payments: amount+payer": 0.98, "deadlines: due_date+body": 0.99},
    "written/n": {"faults: body+category": 0.84, "faults: category per decision": 0.89, "bodies: name": 0.96,
                  "payments: amount+payer": 0.99, "deadlines: due_date+body": 0.99},
}


@pytest.mark.parametrize("folder", WRITTEN_FLOORS)
def test_written_decision_floors(nlp, folder):
    scores = _scores([DATA / folder / "records.jsonl"], DATA / folder / "gold.jsonl", nlp)
    assert scores.decisions == (50 if folder == "written/b" else 40)
    low = {f: round(scores.fields[f].f1, 3) for f, floor in WRITTEN_FLOORS[folder].items() if scores.fields[f].f1 < floor}
    assert not low, f"{folder}: below the floor: {low}"


def test_fault_errors_are_counted_by_kind() -> None:
    from pipeline.evaluate import fault_error_kinds

    def decision(*faults: tuple[str, str]) -> dict:
        return {"faults": [{"body": b, "category": c} for b, c in faults]}
    gold = {("lgsco", "1"): decision(("the Council", "delay"), ("the Council", "communication"), ("NHS Kelworth ICB", "delay")),
            ("lgsco", "2"): decision(("the Council", "delay")),
            ("lgsco", "3"): decision()}
    predictions = {("lgsco", "1"): decision(("The council", "delay"), ("the Council", "assessment"), ("Elm House", "care_quality")),
                   ("lgsco", "2"): decision(),
                   ("lgsco", "3"): decision(("the Council", "delay"))}
    assert fault_error_kinds(predictions, gold) == {
        "missed: a category of a body found at fault": 1,        # 1: the Council's communication
        "missed: the body was given no fault": 1,                # 1: the ICB's delay
        "missed: the decision was given no fault": 1,            # 2
        "false: a wrong category for a body the gold blames": 1,  # 1: the Council's assessment
        "false: a body the gold does not blame": 1,              # 1: Elm House
        "false: the gold finds no fault": 1,                     # 3
    }

"""Remedies (pipeline/extract/remedies.py): facts on hand-written remedy sections, on the
bundled sample and on the model case."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.extraction import extract, extract_one
from pipeline.inputs import read_inputs
from pipeline.records import DecisionRecord

from conftest import SAMPLE

HEAD = ("Summary\nWe found fault by Barset Borough Council (the Council) and NHS Barset Integrated Care Board "
        "(the ICB) in how they arranged Mrs X's care.\n")


def _remedies(nlp, remedy_text: str, decision_date: str = "2025-01-10"):
    record = DecisionRecord("lgsco", "24 000 777", HEAD + "Agreed action\n" + remedy_text, decision_date=decision_date,
                            title="Barset Borough Council (24 000 777)")
    return extract_one(record, nlp).remedies


def test_a_review_of_procedures_is_one_dated_service_improvement(nlp):
    [r] = _remedies(nlp, "The Council will review its commissioning procedures within three months of the final decision.\n")
    assert (r.body, r.kind, r.for_whom) == ("Barset Borough Council", "service_improvement", "others")
    assert r.due_date == dt.date(2025, 4, 10) and r.due_text == "within three months of the final decision"
    assert r.action.startswith("review its commissioning procedures")
    assert r.theme == "commissioning"
    assert r.provenance.sentence.startswith("The Council will review")


def test_list_items_inherit_the_deadline_and_body_of_the_sentence_that_introduces_them(nlp):
    remedies = _remedies(nlp, "Within one month of the final decision, the Council will:\n"
                              "- apologise to Mrs X;\n"
                              "- pay Mrs X £300 to acknowledge her distress; and\n"
                              "- remind staff of the timescales for care assessments.\n")
    assert [(r.kind, r.for_whom, r.due_date) for r in remedies] == [
        ("apology", "complainant", dt.date(2025, 2, 10)),
        ("payment", "complainant", dt.date(2025, 2, 10)),
        ("service_improvement", "others", dt.date(2025, 2, 10)),
    ]
    assert remedies[1].amount == Decimal(300)
    assert remedies[2].theme == "assessment"
    assert {r.body for r in remedies} == {"Barset Borough Council"}


def test_an_action_shared_by_two_bodies_is_one_row_for_each(nlp):
    remedies = _remedies(nlp, "By 1 May 2025 the ICB and the Council will agree a written procedure for settling "
                              "funding disputes, and remind relevant staff of it.\n")
    assert sorted((r.body, r.theme) for r in remedies) == [
        ("Barset Borough Council", "policy_review"), ("Barset Borough Council", "staff_training"),
        ("NHS Barset Integrated Care Board", "policy_review"), ("NHS Barset Integrated Care Board", "staff_training"),
    ]
    assert {r.due_date for r in remedies} == {dt.date(2025, 5, 1)}


@pytest.mark.parametrize("subject", ["both organisations", "the organisations", "they", "the two bodies"])
def test_an_action_for_both_organisations_is_one_row_for_each_with_its_deadline(nlp, subject):
    text = f"Within one month of the final decision, {subject} should apologise to Mrs X.\n"
    record = DecisionRecord("lgsco", "24 000 777", HEAD + "Agreed action\n" + text, decision_date="2025-01-10",
                            title="Barset Borough Council (24 000 777)")
    ex = extract_one(record, nlp)
    bodies = ["Barset Borough Council", "NHS Barset Integrated Care Board"]
    assert sorted((r.body, r.kind, r.due_date) for r in ex.remedies) == [(b, "apology", dt.date(2025, 2, 10)) for b in bodies]
    assert sorted((d.body, d.due_date) for d in ex.deadlines) == [(b, dt.date(2025, 2, 10)) for b in bodies]


def test_actions_without_a_deadline_are_kept_and_the_ombudsmans_own_acts_are_not_remedies(nlp):
    remedies = _remedies(nlp, "The Council should provide us with evidence it has complied with the above actions.\n"
                              "We will also send a copy of this decision to the Care Quality Commission.\n")
    assert [(r.kind, r.due_date) for r in remedies] == [("report_back", None)]


def test_a_paragraph_that_only_explains_asks_for_nothing(nlp):
    assert _remedies(nlp, "The faults we found caused Mrs X distress. She says she lost earnings, but we have not "
                          "recommended a payment for this.\n") == []


@pytest.fixture(scope="module")
def sample(nlp):
    return {ex.record.reference: ex for ex in extract(read_inputs([str(SAMPLE)]), nlp)}


def test_sample_joint_decision_has_each_bodys_own_actions(sample):
    ex = sample["25 900 104a"]
    by_body: dict[str, list[str]] = {}
    for r in ex.remedies:
        by_body.setdefault(r.body, []).append(r.kind)
    assert by_body["Brightwater Care Ltd"] == ["apology", "payment", "service_improvement", "service_improvement",
                                              "report_back"]
    shared = [r for r in ex.remedies if r.action.startswith("agree a written procedure")]
    assert sorted(r.body for r in shared) == ["Elmshire County Council", "NHS Northmoor Integrated Care Board"]
    assert {r.due_date for r in shared} == {dt.date(2025, 5, 13)}


def test_sample_old_style_list_without_bullets(sample):
    """"To remedy the injustice caused, the council has agreed to:" then plain lines, one
    of them with a deadline of its own."""
    ex = sample["16 900 102"]
    assert [(r.kind, r.due_date) for r in ex.remedies] == [
        ("apology", dt.date(2016, 12, 14)), ("payment", dt.date(2016, 12, 14)), ("payment", dt.date(2016, 12, 14)),
        ("service_improvement", dt.date(2017, 2, 14)), ("report_back", dt.date(2017, 2, 14)),
    ]
    assert [r.amount for r in ex.remedies if r.kind == "payment"] == [Decimal("1240.80"), Decimal(150)]


def test_sample_phso_recommendations(sample):
    ex = sample["P-900202"]
    kinds = [r.kind for r in ex.remedies]
    assert kinds.count("payment") == 3 and kinds.count("service_improvement") == 1
    [plan] = [r for r in ex.remedies if r.kind == "service_improvement"]
    assert plan.theme == "assessment" and plan.due_date == dt.date(2024, 12, 10)


def test_model_case_recommendations_by_body(seed_record, nlp):
    """23 011 903a: "With regard the ICB, I recommend that by 29 October 2025: - it writes
    ...; - it pays Mrs X £750 ..."; the Council and the Agency each have their own."""
    remedies = extract_one(seed_record, nlp).remedies
    payments = sorted((r.body, r.amount) for r in remedies if r.kind == "payment")
    assert [a for _, a in payments] and all(r.due_date == dt.date(2025, 10, 29) for r in remedies if r.kind == "payment")
    assert any(r.theme == "commissioning" and r.for_whom == "others" for r in remedies)
    assert not any("share this decision" in r.action for r in remedies)


def test_eval_scores_remedies_and_themes_only_where_the_gold_has_them():
    from pipeline.evaluate import score

    gold = {("lgsco", "1"): {"bodies": [], "faults": [], "payments": [], "deadlines": [], "remedies": [
                {"body": "Barset Council", "kind": "review", "for_whom": "complainant", "due_date": None, "theme": None},
                {"body": "Barset Council", "kind": "service_improvement", "for_whom": "others",
                 "due_date": "2025-04-10", "theme": "commissioning"}]},
            ("lgsco", "2"): {"bodies": [], "faults": [], "payments": [], "deadlines": []}}
    pred = {("lgsco", "1"): {"bodies": [], "faults": [], "payments": [], "deadlines": [], "remedies": [
                {"body": "the Barset Council", "kind": "service_improvement", "for_whom": "others",
                 "due_date": "2025-04-11", "theme": "policy_review"}]},
            ("lgsco", "2"): {"bodies": [], "faults": [], "payments": [], "deadlines": [], "remedies": [
                {"body": "X", "kind": "other", "for_whom": "complainant", "due_date": None, "theme": None}]}}
    s = score(pred, gold)
    kind = s.fields["remedies: kind+body"]
    assert (kind.tp, kind.fp, kind.fn) == (1, 0, 1)  # decision 2's gold has no remedies: not scored
    dated = s.fields["remedies: kind+body+due_date"]
    assert (dated.tp, dated.fp, dated.fn) == (0, 1, 2)
    themes = s.fields["themes: theme+body"]
    assert (themes.tp, themes.fp, themes.fn) == (0, 1, 1)


def test_sample_gold_remedies_agree_with_the_reader(sample):
    """The floors on the sample (docs/remedies.md says how its gold was made)."""
    from pipeline.evaluate import read_gold, score, to_gold

    gold = read_gold(SAMPLE / "gold.jsonl")
    preds = {(g["source"], g["reference"]): g["gold"] for g in (to_gold(ex, remedies=True) for ex in sample.values())}
    s = score(preds, gold)
    assert s.fields["remedies: kind+body"].f1 >= 0.95
    assert s.fields["remedies: kind+body+due_date"].f1 >= 0.95
    assert s.fields["themes: theme+body"].f1 >= 0.85


def test_a_list_item_may_start_with_its_verb_in_capitals(nlp):
    remedies = _remedies(nlp, "To remedy the injustice caused, the Council has agreed to:\n"
                              "Ensure the repair is completed within three months of the final decision\n"
                              "Meet the full cost of the highway repair\n"
                              "Pay Mrs X £250 to recognise her time and trouble.\n"
                              "Ombudsman satisfied with council response: 12 September 2025\n")
    assert [r.due_date for r in remedies] == [dt.date(2025, 4, 10), None, None]
    assert [r.kind for r in remedies[1:]] == ["payment", "payment"]  # "meet the cost" is a payment
    assert remedies[2].amount == Decimal(250)


def test_we_recommend_the_body_with_its_verb_in_the_base_form(nlp):
    [r] = _remedies(nlp, "In line with this, we recommend the Council create an action plan within three months "
                         "of the date of our final report.\n")
    assert (r.body, r.kind, r.due_date) == ("Barset Borough Council", "service_improvement", dt.date(2025, 4, 10))
    assert r.action.startswith("create an action plan")


def test_bullets_after_a_sentence_spell_it_out(nlp):
    remedies = _remedies(nlp, "We recommend the Council acknowledges the failings and provides an apology.\n"
                              "• acknowledge and apologise for the failings\n"
                              "• send a copy of this letter to us by 18 02 25.\n")
    assert [(r.kind, r.due_date) for r in remedies] == [("apology", None), ("report_back", dt.date(2025, 2, 18))]


def test_every_dated_deadline_of_the_dev_corpus_is_a_dated_remedy(dev_records, nlp):
    # The deadlines_due view reads remedies: a date the deadlines reader finds and the
    # remedies reader missed would drop out of it. (15 020 792: capitalised list items;
    # P-004641: "we recommend the Trust create"; P-004645: bullets after a sentence.)
    missed = []
    for ex in extract(dev_records.values(), nlp):
        dated = {(r.body, r.due_date) for r in ex.remedies if r.due_date}
        missed += [(ex.record.reference, d.body, d.due_date) for d in ex.deadlines if d.due_date and (d.body, d.due_date) not in dated]
    assert missed == []

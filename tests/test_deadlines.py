"""Deadlines (pipeline.extract.deadlines.read_deadlines) on remedy sections written for these tests,
in the forms of English both publishers use: relative periods with and without an anchor,
written dates, lists under one deadline, several bodies, and the timescales that are not
deadlines for a remedy (the law's, the past's, the complainant's, the Ombudsman's own).

Every text here is invented: the bodies, the people and the wording.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extraction import extract_one
from pipeline.records import DecisionRecord

DECIDED = "2025-06-16"  # a Monday
COUNCIL, ICB = "Barset Borough Council", "NHS Barset Integrated Care Board"
TRUST, CCG = "Wessex Hospitals NHS Trust", "NHS Barchester Clinical Commissioning Group"

LGSCO_HEAD = (
    "Barset Borough Council (25 001 234)\n\n"
    "Summary\n"
    "Mrs X complained about how Barset Borough Council (the Council) and NHS Barset Integrated Care Board "
    "(the ICB) arranged her son's care. We found fault by the Council and the ICB.\n\n"
    "The complaint\n"
    "Mrs X says the delay caused her distress.\n\n"
)


def lgsco(remedy: str | None, findings: str = "The Council took too long to assess her son's needs. This was fault.\n",
          decision: str = "There was fault by the Council and the ICB which caused injustice.\n",
          summary_extra: str = "") -> DecisionRecord:
    """A decision with `remedy` as its "Agreed action" section (none when it is None)."""
    text = (LGSCO_HEAD.replace("We found fault", summary_extra + "We found fault") + "What I found\n" + findings
            + ("" if remedy is None else "\nAgreed action\n" + remedy) + "\nFinal decision\n" + decision)
    return DecisionRecord("lgsco", "25 001 234", text, title="Barset Borough Council (25 001 234)",
                          decision_date=DECIDED)


def phso(remedy: str) -> DecisionRecord:
    text = ("The Complaint:\n"
            "Mr Y complained about the care his wife received from Wessex Hospitals NHS Trust (the Trust) and "
            "about NHS Barchester Clinical Commissioning Group (the CCG).\n\n"
            "Findings:\nThe Trust did not monitor Mrs Y's fluid intake. That was a failing.\n\n"
            "Our Decision:\nWe partly upheld this complaint. We found failings by the Trust and the CCG.\n\n"
            "Recommendations:\n" + remedy)
    return DecisionRecord("phso", "P-009001", text, decision_date=DECIDED)


def rows(nlp, record: DecisionRecord) -> set[tuple[str | None, dt.date | None, str]]:
    return {(d.body, d.due_date, d.due_text) for d in extract_one(record, nlp).deadlines}


def dates_of(nlp, record: DecisionRecord) -> list[tuple[str | None, dt.date | None]]:
    return sorted(((d.body, d.due_date) for d in extract_one(record, nlp).deadlines), key=str)


D = dt.date


# --- relative periods, counted from the decision date (16 June 2025, a Monday) ----------------

@pytest.mark.parametrize("sentence, due, due_text", [
    ("Within one month of our final decision, the Council will apologise to Mrs X.",
     D(2025, 7, 16), "Within one month of our final decision"),
    ("Within four weeks of the date of this decision, the Council will pay Mrs X £300.",
     D(2025, 7, 14), "Within four weeks of the date of this decision"),
    ("The Council will pay Mrs X £300 within 28 days of the date of our final report.",
     D(2025, 7, 14), "within 28 days of the date of our final report"),
    ("The Council will review its procedures within 30 working days of this report.",
     D(2025, 7, 28), "within 30 working days of this report"),
    ("The Council will review its procedures within three months from the date of the final decision.",
     D(2025, 9, 16), "within three months from the date of the final decision"),
    ("Within 12 weeks of the decision being issued, the Council will remind its staff of the timescales.",
     D(2025, 9, 8), "Within 12 weeks of the decision being issued"),
    ("The Council will apologise to Mrs X within three months.", D(2025, 9, 16), "within three months"),
    ("Within 1 month of the final decision the Council will apologise to Mrs X.",
     D(2025, 7, 16), "Within 1 month of the final decision"),
    ("The Council will reply within twenty working days of the final decision.",
     D(2025, 7, 14), "within twenty working days of the final decision"),
    ("The Council will pay Mrs X £200 within six weeks of the date of the final decision.",
     D(2025, 7, 28), "within six weeks of the date of the final decision"),
    ("Within two months of my final decision, the Council will apologise to Mrs X.",
     D(2025, 8, 16), "Within two months of my final decision"),
    ("The Council will pay Mrs X £200 within a month of my decision.", D(2025, 7, 16), "within a month of my decision"),
    ("The Council will complete the review within one calendar month of the final decision.",
     D(2025, 7, 16), "within one calendar month of the final decision"),
    ("The Council will apologise within 10 working days of the final decision.",
     D(2025, 6, 30), "within 10 working days of the final decision"),
    ("The Council will apologise within fifteen working days of the final decision.",
     D(2025, 7, 7), "within fifteen working days of the final decision"),
    ("The Council will carry out the review within sixty days of the final decision.",
     D(2025, 8, 15), "within sixty days of the final decision"),
    ("The Council will apologise to Mrs X within one month of receiving our final decision.",
     D(2025, 7, 16), "within one month of receiving our final decision"),
    ("The Council will apologise to Mrs X within one month of receipt of the final decision.",
     D(2025, 7, 16), "within one month of receipt of the final decision"),
    ("The Council will apologise to Mrs X within one month of the Ombudsman's final decision.",
     D(2025, 7, 16), "within one month of the Ombudsman's final decision"),
    ("The Council will apologise to Mrs X within one month of the Ombudsman’s final decision.",
     D(2025, 7, 16), "within one month of the Ombudsman’s final decision"),
    ("The Council will review its procedures within the next three months.",
     D(2025, 9, 16), "within the next three months"),
    ("Within one month following the final decision, the Council will apologise to Mrs X.",
     D(2025, 7, 16), "Within one month following the final decision"),
    ("The Council will apologise to Mrs X within one month of the publication of this report.",
     D(2025, 7, 16), "within one month of the publication of this report"),
    ("The Council will apologise to Mrs X within a month of us issuing our final decision.",
     D(2025, 7, 16), "within a month of us issuing our final decision"),
    ("The Council will apologise to Mrs X within one month of the date of this letter.",
     D(2025, 7, 16), "within one month of the date of this letter"),
    ("The Council will apologise to Mrs X within one month of the date of my final decision statement.",
     D(2025, 7, 16), "within one month of the date of my final decision statement"),
])
def test_relative_periods_are_counted_from_the_decision_date(nlp, sentence, due, due_text):
    assert rows(nlp, lgsco(sentence + "\n")) == {(COUNCIL, due, due_text)}


def test_a_period_counted_from_something_else_has_no_date(nlp):
    assert rows(nlp, lgsco("The Council will review Mrs X's care plan within one month of the final decision and "
                           "send her a copy within two weeks of completing the review.\n"
                           "It will pay for the repairs within 28 days of receiving her invoice.\n")) == {
        (COUNCIL, D(2025, 7, 16), "within one month of the final decision"),
        (COUNCIL, None, "within two weeks"), (COUNCIL, None, "within 28 days")}


# --- written dates -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, due, due_text", [
    ("By 29 October 2025 the Council will apologise to Mrs X.", D(2025, 10, 29), "By 29 October 2025"),
    ("The Council will pay Mrs X £250 by 2 January 2026.", D(2026, 1, 2), "by 2 January 2026"),
    ("The Council will review its procedures no later than 14 March 2026.", D(2026, 3, 14),
     "no later than 14 March 2026"),
    ("The Council will review its procedures on or before 14 March 2026.", D(2026, 3, 14),
     "on or before 14 March 2026"),
    ("The Council will send us a copy of its apology by 18 02 26.", D(2026, 2, 18), "by 18 02 26"),
    ("The Council will send us a copy of its apology by 18/02/2026.", D(2026, 2, 18), "by 18/02/2026"),
    ("The Council will apologise to Mrs X by 29th October 2025.", D(2025, 10, 29), "by 29th October 2025"),
    ("The Council will apologise to Mrs X by the 29th of October 2025.", D(2025, 10, 29), "by the 29th of October 2025"),
    ("The Council will apologise to Mrs X by Friday 13 March 2026.", D(2026, 3, 13), "by Friday 13 March 2026"),
    ("The Council will apologise to Mrs X by Friday, 13 March 2026.", D(2026, 3, 13), "by Friday, 13 March 2026"),
    ("The Council will apologise to Mrs X before 1 September 2025.", D(2025, 9, 1), "before 1 September 2025"),
    ("The Council will review its procedures not later than 14 March 2026.", D(2026, 3, 14),
     "not later than 14 March 2026"),
    ("The Council will review its procedures by the end of October 2025.", D(2025, 10, 31),
     "by the end of October 2025"),
    ("The Council will review its procedures by the end of February 2028.", D(2028, 2, 29),
     "by the end of February 2028"),
])
def test_written_dates(nlp, sentence, due, due_text):
    assert rows(nlp, lgsco(sentence + "\n")) == {(COUNCIL, due, due_text)}


# --- lists --------------------------------------------------------------------------------------

def test_one_deadline_over_a_list_of_dashed_actions(nlp):
    ex = extract_one(lgsco("Within three months of the final decision the Council will:\n"
                           "- apologise to Mrs X;\n- pay her £300 for her distress; and\n"
                           "- remind its staff of the timescales for care assessments.\n"), nlp)
    [d] = ex.deadlines
    assert (d.body, d.due_date, d.due_text) == (COUNCIL, D(2025, 9, 16), "Within three months of the final decision")
    assert d.actions == ["apology", "payment", "service_improvement"]


def test_one_deadline_over_a_list_of_bulleted_actions(nlp):
    assert rows(nlp, lgsco("By 29 October 2025 the Council has agreed to:\n• apologise to Mrs X;\n"
                           "• pay her £300.\n")) == {(COUNCIL, D(2025, 10, 29), "By 29 October 2025")}


def test_each_list_item_after_its_own_deadline(nlp):
    assert rows(nlp, lgsco("The Council will:\n- within one month of the final decision, apologise to Mrs X;\n"
                           "- within three months of the final decision, review its procedures.\n")) == {
        (COUNCIL, D(2025, 7, 16), "within one month of the final decision"),
        (COUNCIL, D(2025, 9, 16), "within three months of the final decision"),
    }


def test_lettered_lists_under_two_deadlines(nlp):
    assert rows(nlp, lgsco("Within one month of my final decision the Council has agreed to:\n"
                           "a) apologise to Mrs X;\nb) pay her £250.\n"
                           "Within three months of my final decision the Council has agreed to:\n"
                           "c) remind staff of the need to keep records.\n")) == {
        (COUNCIL, D(2025, 7, 16), "Within one month of my final decision"),
        (COUNCIL, D(2025, 9, 16), "Within three months of my final decision"),
    }


def test_numbered_items_each_after_its_own_deadline(nlp):
    assert rows(nlp, lgsco("The Council will:\n1. within one month of the final decision, apologise to Mrs X;\n"
                           "2. within three months of the final decision, review its procedures.\n")) == {
        (COUNCIL, D(2025, 7, 16), "within one month of the final decision"),
        (COUNCIL, D(2025, 9, 16), "within three months of the final decision"),
    }


def test_numbered_items_under_a_deadline_for_two_bodies(nlp):
    ex = extract_one(lgsco("22. Within one month of the final decision the ICB and the Council will:\n"
                           "1. Apologise to Mrs X.\n2. Pay her £300 for her distress.\n"
                           "23. The Council will remind its staff of the guidance.\n"), nlp)
    assert sorted((d.body, d.due_date, tuple(d.actions)) for d in ex.deadlines) == [
        (COUNCIL, D(2025, 7, 16), ("apology", "payment")), (ICB, D(2025, 7, 16), ("apology", "payment"))]


def test_a_deadline_stated_after_the_list(nlp):
    assert rows(nlp, lgsco("The Council will:\n- apologise to Mrs X;\n- pay her £300.\n"
                           "The Council should do this within one month of the final decision.\n")) == {
        (COUNCIL, D(2025, 7, 16), "within one month of the final decision")}


def test_a_deadline_stated_after_the_list_by_it(nlp):
    assert rows(nlp, lgsco("To remedy the injustice, the Council has agreed to apologise to Mrs X and pay her £300. "
                           "It should do this within one month.\n")) == {(COUNCIL, D(2025, 7, 16), "within one month")}


def test_items_written_as_orders_under_an_agreement(nlp):
    assert rows(nlp, lgsco("To put things right, the Council has agreed to:\n"
                           "Within one month of the final decision send Mrs X a written apology.\n"
                           "Make sure the new ramp is fitted within three months of the final decision.\n"
                           "Pay Mrs X £150 for her time and trouble.\n")) == {
        (COUNCIL, D(2025, 7, 16), "Within one month of the final decision"),
        (COUNCIL, D(2025, 9, 16), "within three months of the final decision"),
    }


def test_bullets_that_spell_out_a_recommendation_take_their_own_date(nlp):
    assert rows(nlp, phso("12. We recommend the Trust acknowledges its failings and apologises. • acknowledge the "
                          "failings and apologise for them • send us a copy of the letter by 30 07 25.\n")) == {
        (TRUST, D(2025, 7, 30), "by 30 07 25")}


# --- several bodies -----------------------------------------------------------------------------

def test_two_bodies_named_as_the_subject_each_get_a_row(nlp):
    assert rows(nlp, lgsco("The Council and the ICB should, within one month of the final decision, apologise to "
                           "Mrs X.\n")) == {
        (COUNCIL, D(2025, 7, 16), "within one month of the final decision"),
        (ICB, D(2025, 7, 16), "within one month of the final decision"),
    }


def test_both_organisations(nlp):
    assert dates_of(nlp, lgsco("Both organisations should, within three months, review how they share "
                               "information.\n")) == [(COUNCIL, D(2025, 9, 16)), (ICB, D(2025, 9, 16))]


def test_both_organisations_in_the_clause_before_the_deadline(nlp):
    assert dates_of(nlp, lgsco("The Council will pay Mrs X £450 for her distress, and both organisations will "
                               "apologise, within one month of our final decision.\n")) == [
        (COUNCIL, D(2025, 7, 16)), (ICB, D(2025, 7, 16))]


def test_each_body_pays_by_a_date(nlp):
    assert dates_of(nlp, lgsco("The Council and the ICB will each pay Mrs X £250 by 29 October 2025.\n")) == [
        (COUNCIL, D(2025, 10, 29)), (ICB, D(2025, 10, 29))]


def test_different_bodies_with_different_deadlines(nlp):
    assert rows(nlp, lgsco("Within one month of the final decision, the Council will apologise to Mrs X.\n"
                           "Within three months of the final decision, the ICB will review its procedures.\n")) == {
        (COUNCIL, D(2025, 7, 16), "Within one month of the final decision"),
        (ICB, D(2025, 9, 16), "Within three months of the final decision"),
    }


@pytest.mark.parametrize("sentence", [
    "The Council will, within three months, remind all staff of its duty to tell the ICB about hospital discharges.",
    "Within one month of the final decision the Council will pay Mrs X £200 for the distress both she and her son "
    "suffered, and share its findings with the ICB.",
])
def test_a_body_named_in_what_is_asked_does_not_act(nlp, sentence):
    assert dates_of(nlp, lgsco(sentence + "\n")) == [(COUNCIL, D(2025, 9, 16) if "three" in sentence else D(2025, 7, 16))]


def test_they_in_what_is_asked_is_not_both_bodies(nlp):
    assert dates_of(nlp, lgsco("The Council has agreed to review Mrs X's care plan.\n"
                               "It should also, within one month, apologise for the worry they caused Mrs X.\n")) == [
        (COUNCIL, D(2025, 7, 16))]


def test_phso_two_bodies_over_a_list(nlp):
    assert rows(nlp, phso("We recommend that within one month of the date of our final report the Trust and the CCG:\n"
                          "• acknowledge the failings we have found;\n• apologise to Mr Y for the impact.\n")) == {
        (TRUST, D(2025, 7, 16), "within one month of the date of our final report"),
        (CCG, D(2025, 7, 16), "within one month of the date of our final report"),
    }


# --- LGSCO and PHSO wordings --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, due, due_text", [
    ("The Council has agreed to apologise to Mrs X within one month of the final decision.",
     D(2025, 7, 16), "within one month of the final decision"),
    ("I recommend the Council apologises to Mrs X within one month of my final decision.",
     D(2025, 7, 16), "within one month of my final decision"),
    ("I recommend that, within four weeks, the Council pays Mrs X £150.", D(2025, 7, 14), "within four weeks"),
    ("To remedy the injustice, by 29 October 2025 the Council has agreed to apologise to Mrs X.",
     D(2025, 10, 29), "by 29 October 2025"),
    ("We expect the Council to apologise to Mrs X within one month of the final decision.",
     D(2025, 7, 16), "within one month of the final decision"),
    ("The Council has offered to pay Mrs X £200 within one month, which is a suitable remedy.",
     D(2025, 7, 16), "within one month"),
    ("The Council has accepted my recommendation to apologise to Mrs X within one month.",
     D(2025, 7, 16), "within one month"),
    ("As the guidance says, councils should act promptly, so I recommend the Council apologises to Mrs X within one "
     "month.", D(2025, 7, 16), "within one month"),
    ("The Council is asked to apologise to Mrs X within one month.", D(2025, 7, 16), "within one month"),
    ("I recommend the following.\nBy 29 October 2025 the Council pays Mrs X £300.", D(2025, 10, 29), "By 29 October 2025"),
    ("The Council must consider the report and confirm within three months the action it has taken or proposes "
     "to take.", D(2025, 9, 16), "within three months"),
])
def test_lgsco_wordings(nlp, sentence, due, due_text):
    assert rows(nlp, lgsco(sentence + "\n")) == {(COUNCIL, due, due_text)}


@pytest.mark.parametrize("sentence, due, due_text", [
    ("We recommend that within one month of the date of our final report the Trust writes to Mr Y to apologise.",
     D(2025, 7, 16), "within one month of the date of our final report"),
    ("We recommend the Trust write to Mr Y within four weeks of the date of the final report.",
     D(2025, 7, 14), "within four weeks of the date of the final report"),
    ("The Trust should pay Mr Y £500 by 29 October 2025.", D(2025, 10, 29), "by 29 October 2025"),
    ("The Trust should (within one month of the date of our final report) write to Mr Y.",
     D(2025, 7, 16), "within one month of the date of our final report"),
    ("Within three months of the date of this report, the Trust should produce an action plan.",
     D(2025, 9, 16), "Within three months of the date of this report"),
])
def test_phso_wordings(nlp, sentence, due, due_text):
    assert rows(nlp, phso(sentence + "\n")) == {(TRUST, due, due_text)}


def test_phso_list_with_a_later_action_plan(nlp):
    assert rows(nlp, phso("Within one month of the date of our final report, the Trust should:\n"
                          "• acknowledge the failings;\n• pay Mr Y £400.\n"
                          "We also recommend that within three months of the date of our final report the Trust "
                          "produces an action plan.\n"
                          "The Trust should send us and Mr Y a copy of its apology letter and the action plan.\n")) == {
        (TRUST, D(2025, 7, 16), "Within one month of the date of our final report"),
        (TRUST, D(2025, 9, 16), "within three months of the date of our final report"),
    }


# --- what is not a deadline for a remedy --------------------------------------------------------

NO_DEADLINE_REMEDY = "The Council will apologise to Mrs X.\nThe Council should provide us with evidence it has complied.\n"


@pytest.mark.parametrize("findings", [
    "The statutory guidance says councils should complete an assessment within 20 weeks.\n",
    "Councils should complete an assessment within 20 weeks of the request.\n",
    "The Council's complaints procedure says it will reply within 20 working days.\n",
    "Its policy says it will respond to a complaint within 10 working days.\n",
    "By 3 March 2024 the Council had not replied to Mrs X.\n",
    "Within two weeks Mrs X was moved to another care home.\n",
    "The Council said it would assess Mrs X within four weeks, but it did not.\n",
    "The Council should have completed the assessment within 28 days.\n",
    "The Council should have done this within 28 days.\n",
    "Complaints should be made within 12 months of the events complained about.\n",
    "Local authorities must complete a review within six weeks.\n",
    "The Council accepts it should not have taken longer than 20 working days to reply, as its policy requires "
    "replies within 20 working days.\n",
    "If the Council had assessed Mrs X within four weeks, she would not have paid for her care.\n",
    "The Council did not respond within the 20 working days its procedure allows.\n",
])
def test_timescales_in_the_findings_are_not_deadlines(nlp, findings):
    assert rows(nlp, lgsco(NO_DEADLINE_REMEDY, findings=findings)) == set()


@pytest.mark.parametrize("findings", [
    "The Council must issue a final plan within 20 weeks of the request.\n",
    "The Council should review the plan within 12 months, as the law requires.\n",
    "The Council will need to decide within 28 days whether to accept the request.\n",
    "The Council agreed to reply within 20 working days but did not.\n",
])
def test_a_decision_without_a_remedy_takes_no_duty_from_its_findings(nlp, findings):
    record = lgsco(None, findings=findings, decision="I have found no fault by the Council.\n")
    assert rows(nlp, record) == set()


def test_findings_that_state_an_agreed_remedy_give_its_deadline(nlp):
    record = lgsco(None, findings="The Council has agreed to apologise to Mrs X within one month of my final decision.\n")
    assert rows(nlp, record) == {(COUNCIL, D(2025, 7, 16), "within one month of my final decision")}


def test_the_complainants_wish_is_not_a_deadline(nlp):
    record = lgsco(NO_DEADLINE_REMEDY, summary_extra="Mrs X wants the Council to pay her within a month. ")
    assert rows(nlp, record) == set()


@pytest.mark.parametrize("sentence", [
    "We will consider the Council's response within 20 working days of receiving it.",
    "We will then decide within two months whether to close the complaint.",
    "Mrs X wants the Council to pay her within two weeks.",
    "The Council has already apologised to Mrs X, by 3 March 2025.",
    "By 3 March 2024 the Council had not replied to Mrs X.",
    "Within two weeks Mrs X was moved to another care home.",
    "Councils should complete an assessment within 20 weeks of the request.",
    "The guidance expects councils to complete assessments within 20 weeks.",
    "Mrs X told us the Council would pay her within two weeks.",
    "Responses should be sent within 20 working days.",
])
def test_in_a_remedy_section_only_the_remedys_deadline_counts(nlp, sentence):
    record = lgsco("Within one month of the final decision the Council will apologise to Mrs X.\n" + sentence + "\n")
    assert rows(nlp, record) == {(COUNCIL, D(2025, 7, 16), "Within one month of the final decision")}


@pytest.mark.parametrize("remedy, expected", [
    ("Within three months of the final decision the ICB will remind its staff that eligibility decisions should be "
     "made within 28 days.", {(ICB, D(2025, 9, 16), "Within three months of the final decision")}),
    ("The Council will review its complaints procedure to make sure it replies within 20 working days, within three "
     "months of the final decision.", {(COUNCIL, D(2025, 9, 16), "within three months of the final decision")}),
    ("The Council should remind staff of the need to complete assessments within 28 days.", set()),
    ("Within three months of the final decision the Council will review its funding protocol so that disputes are "
     "escalated within 28 days.", {(COUNCIL, D(2025, 9, 16), "Within three months of the final decision")}),
    ("The Council has agreed that, within one month, it will apologise to Mrs X.",
     {(COUNCIL, D(2025, 7, 16), "within one month")}),
    ("The Council will make sure that Mrs X's assessment is completed within 28 days of the final decision.",
     {(COUNCIL, D(2025, 7, 14), "within 28 days of the final decision")}),
])
def test_a_timescale_in_what_the_remedy_tells_staff_is_not_its_deadline(nlp, remedy, expected):
    assert rows(nlp, lgsco(remedy + "\n")) == expected


@pytest.mark.parametrize("decision", [
    "By 3 March 2024 the Council had still not replied to Mrs X. That was fault.",
    "The Council's complaints procedure says it will reply within 20 working days, but it took four months.",
])
def test_the_final_decision_section_restating_the_facts_adds_no_deadline(nlp, decision):
    record = lgsco("Within one month of the final decision the Council will apologise to Mrs X.\n",
                   decision=decision + "\n")
    assert rows(nlp, record) == {(COUNCIL, D(2025, 7, 16), "Within one month of the final decision")}


def test_a_summary_that_states_the_agreed_remedy_still_gives_its_deadline(nlp):
    # Old remedy summaries: the remedy is stated in the summary and the remedy section has no date.
    record = lgsco(NO_DEADLINE_REMEDY,
                   summary_extra="The Council has agreed to apologise and pay Mrs X £200 within one month. ")
    assert rows(nlp, record) == {(COUNCIL, D(2025, 7, 16), "within one month")}


# --- whole decisions ----------------------------------------------------------------------------

def test_a_whole_joint_lgsco_statement(nlp):
    text = (
        "Barset Borough Council (25 001 234)\n\n"
        "Summary\n"
        "Mrs X complained that Barset Borough Council (the Council) and NHS Barset Integrated Care Board (the ICB) "
        "delayed deciding who should fund her husband's care. We found fault by both. The Council and the ICB have "
        "agreed to apologise, pay Mrs X a sum for her distress and remind staff of the guidance.\n\n"
        "The complaint\n"
        "1. Mrs X wants the Council and the ICB to pay her back within a month.\n\n"
        "Law and guidance\n"
        "2. The framework says a decision on eligibility should usually be made within 28 days of the checklist.\n\n"
        "What I found\n"
        "What happened\n"
        "3. On 3 March 2024 the ICB received the checklist. By 10 April 2024 it had still not decided.\n"
        "Analysis\n"
        "4. The ICB took 14 weeks to decide; it should have decided within 28 days. That was fault.\n"
        "5. The Council's complaints procedure says it will reply within 20 working days. It took three months, "
        "which was fault.\n\n"
        "Agreed action\n"
        "6. Within one month of the final decision, the Council and the ICB will each:\n"
        "- apologise to Mrs X; and\n"
        "- pay her £250 for her distress.\n"
        "7. Within three months of the final decision the ICB will remind its staff that eligibility decisions should "
        "be made within 28 days.\n"
        "8. The Council and the ICB should provide us with evidence they have complied with the above actions.\n"
        "9. We will consider their evidence within 20 working days of receiving it.\n\n"
        "Final decision\n"
        "10. I find fault by the Council and the ICB causing injustice. They have agreed to the above actions.\n"
    )
    record = DecisionRecord("lgsco", "25 001 234", text, title="Barset Borough Council (25 001 234)",
                            decision_date=DECIDED)
    deadlines = extract_one(record, nlp).deadlines
    assert sorted((d.body, d.due_date, d.due_text) for d in deadlines) == [
        (COUNCIL, D(2025, 7, 16), "Within one month of the final decision"),
        (ICB, D(2025, 7, 16), "Within one month of the final decision"),
        (ICB, D(2025, 9, 16), "Within three months of the final decision"),
    ]
    assert {tuple(d.actions) for d in deadlines if d.due_date == D(2025, 7, 16)} == {("apology", "payment", "report_back")}


def test_a_whole_phso_report_written_as_one_line(nlp):
    text = (
        "The Complaint:\nMr Y complained about the care his wife received from Wessex Hospitals NHS Trust (the "
        "Trust).\n\nFindings:\n30. The Trust did not act on her blood results within 24 hours, as its own policy "
        "required. That was a failing.\n\nOur Decision:\n38. We uphold this complaint.\n\nRecommendations:\n"
        "39. Our Principles for Remedy say organisations should respond within 20 working days and put things "
        "right. Recommendation 1 40. We recommend that within one month of the date of our final report the Trust "
        "writes to Mr Y to acknowledge the failings. It should also pay him £600 for the distress caused. It should "
        "do this within one month of the date of our final report. Recommendation 2 41. Therefore we recommend that "
        "within three months of the date of our final report the Trust produces an action plan. • explain what it "
        "will do differently • share the plan with us and Mr Y. 42. The Trust should send us evidence it has "
        "complied with our recommendations. 43. We will share this report with the Care Quality Commission within "
        "10 working days.\n"
    )
    record = DecisionRecord("phso", "P-009002", text, decision_date=DECIDED)
    assert sorted((d.body, d.due_date) for d in extract_one(record, nlp).deadlines) == [
        (TRUST, D(2025, 7, 16)), (TRUST, D(2025, 9, 16))]


def test_a_later_clause_s_deadline_belongs_to_the_bodies_that_clause_opens_with(nlp):
    record = phso("The Trust and the CCG have each agreed to pay Mr Y £200, and the CCG will agree a "
                  "discharge protocol with the Council within three months.")
    assert dates_of(nlp, record) == [(CCG, D(2025, 9, 16))]

"""Facts about payments, on sentences written for these tests in the register of LGSCO and
PHSO decisions (no real decision's text): which sums are awards, which were offered before
the decision, how many people one sum goes to, and recommendations made outside a remedy
heading. The forms are those unseen decisions showed the extractor missing (issue #12)."""
from __future__ import annotations

import pytest

from pipeline.extract import payments as rules
from pipeline.extraction import extract_one
from pipeline.records import DecisionRecord

COUNCIL = "Harwell Borough Council"
TRUST = "Kelworth Hospitals NHS Foundation Trust"


def lgsco(body: str, heading: str | None = "Agreed action") -> DecisionRecord:
    title = f"{COUNCIL} (25 999 001)"
    head = f"{heading}\n" if heading else ""
    return DecisionRecord(source="lgsco", reference="25 999 001", title=title,
                          text=f"{title}\n\nSummary: Mrs X complained about the Council.\n\n{head}{body}\n")


def phso(body: str, heading: str | None = "Recommendations:") -> DecisionRecord:
    title = f"P-000123 - {TRUST}"
    head = f"{heading}\n" if heading else ""
    return DecisionRecord(source="phso", reference="P-000123", title=title,
                          text=f"{title}\n\nThe Complaint:\nMrs X complains about the care the Trust gave her mother.\n\n{head}{body}\n")


def paid(record: DecisionRecord, nlp) -> list[tuple[float, str | None, str]]:
    return [(float(p.amount), p.payer, p.status) for p in extract_one(record, nlp).payments]


def amounts(record: DecisionRecord, nlp) -> list[float]:
    return [float(p.amount) for p in extract_one(record, nlp).payments]


# --- sums that are not awarded ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Mrs X told us she wants the Trust to pay her £10,000 in compensation.",
    "Mrs X is seeking £5,000 to cover the cost of private treatment.",
    "Mr Y says the Trust should pay him £2,000 for the stress he suffered.",
    "Our severity of injustice scale suggests a payment between £1,000 and £5,000 at this level.",
    "For an injustice at level 3 our guidance suggests payments of up to £1,000.",
    "The Trust invoiced Mrs X £2,300 for the care and she paid it.",
    "The nursing home charged £1,150 a week for her placement.",
    "Mrs X paid £3,600 for private physiotherapy.",
    "Mrs X spent £800 on legal fees.",
    "The Trust quoted Mrs X £5,200 for the procedure.",
    "The cost of her care was £42,000 over the year.",
    "We do not recommend a financial remedy of £2,000 as Mrs X asked.",
    # what the complainant believes should be refunded, however long the clause before it
    "Mr X believes the charge is incorrect and the Council should refund the £25 he paid.",
])
def test_sums_claimed_quoted_or_paid_by_the_complainant_are_not_payments(nlp, sentence: str) -> None:
    # Under the Recommendations heading, where sums are otherwise read as awards.
    assert amounts(phso(f"The Trust has apologised to Mrs X. {sentence}"), nlp) == []


def test_an_offer_the_complainant_turned_down_is_not_endorsed(nlp) -> None:
    record = phso("The Trust offered Mrs X £300, which she declined as too low; we recommend the Trust pays her £600 "
                  "for the distress caused.")
    assert paid(record, nlp) == [(600.0, TRUST, "recommended")]


@pytest.mark.parametrize("sentence, expected", [
    # a request the body then agreed to is a payment
    ("Mrs X asked the Council to refund £450 and it has agreed to do so.", [450.0]),
    # money back for what the complainant paid is a payment
    ("The Council will refund the £1,200 Mrs X paid for care she did not receive.", [1200.0]),
    ("The Council will pay Mrs X £150, as she requested, for her time and trouble.", [150.0]),
    # a credit to an account owed is a payment, like a refund
    ("The Council agreed to apply a credit to the balance owed for £185 to reflect the extra charge.", [185.0]),
    # ... and so is a debt written off
    ("The Council will apologise and write off £750 of council tax arrears.", [750.0]),
])
def test_sums_the_body_agrees_to_pay_back_are_payments(nlp, sentence: str, expected: list[float]) -> None:
    assert amounts(lgsco(sentence), nlp) == expected


def test_a_sum_the_complainant_says_was_not_refunded_is_not_awarded(nlp) -> None:
    record = lgsco("Mrs X complained the care home terminated the placement. She also complained it failed to refund a "
                   "£1828.57 reservation deposit. We recommend the care home pays her £150 for her distress.")
    assert amounts(record, nlp) == [150.0]


def test_a_sum_paid_with_what_was_owed_is_a_payment(nlp) -> None:
    record = lgsco("The Council has already paid Mrs X the Special Guardianship Allowance it owed her and an additional "
                   "£3300. That remedies the fault.", heading=None)
    assert amounts(record, nlp) == [3300.0]


@pytest.mark.parametrize("sentence, expected", [
    # how a sum was worked out, in brackets after it, is no sum of its own
    ("The Council will pay Miss B £5,500 (11 months at £500 each) to remedy the impact of his lost schooling.", [5500.0]),
    ("The Council will pay Ms Z £1,050 (£150 for each month she was left in unsuitable accommodation) and £200 for "
     "her time and trouble.", [1050.0, 200.0]),
])
def test_a_sums_breakdown_is_no_payment(nlp, sentence: str, expected: list[float]) -> None:
    assert amounts(lgsco(sentence), nlp) == expected


def test_sums_in_the_sub_items_of_an_item_that_awards_them_are_payments(nlp) -> None:
    record = lgsco("To remedy the injustice, the Council has agreed to:\n• apologise to Miss B;\n• reimburse the costs "
                   "Miss B incurred in getting C to school by taxi (based on £20 a day):\n• School 1 - £568\n"
                   "• School 2 - £943;\n• pay Miss B £300 for her time and trouble.")
    assert sorted(amounts(record, nlp)) == [300.0, 568.0, 943.0]


def test_not_awarded_reads_only_the_sums_own_clause() -> None:
    text = "Mrs X wanted £5,000, but we recommend the Trust pays her £750."
    first, second = (text.index("£5,000"), text.index("£750"))
    assert rules.not_awarded(text, first, first + 6)
    assert not rules.not_awarded(text, second, second + 4)


# --- sums offered or paid before the decision ----------------------------------------------

def test_an_additional_sum_on_top_of_one_already_offered_is_one_new_and_one_previous(nlp) -> None:
    record = lgsco("The Council will pay Mrs X an additional £300, on top of the £200 it has already offered, "
                   "to acknowledge her distress.")
    assert paid(record, nlp) == [(300.0, COUNCIL, "recommended"), (200.0, COUNCIL, "previously_offered")]


@pytest.mark.parametrize("sentence, amount", [
    ("The Trust has already reimbursed Mr Y £120 for his travel costs.", 120.0),
    ("The Trust has already accepted it was at fault and agreed to pay Mr Y £300 to recognise his distress.", 300.0),
])
def test_sums_already_refunded_or_agreed_are_previously_offered(nlp, sentence: str, amount: float) -> None:
    assert paid(phso(sentence), nlp) == [(amount, TRUST, "previously_offered")]


def test_a_past_payment_the_decision_finds_enough_is_previously_offered(nlp) -> None:
    record = lgsco("Summary: the payment of £1,500 the Council made to Mrs X to recognise the distress its delay caused "
                   "was a suitable remedy and it need do no more.", heading=None)
    assert paid(record, nlp) == [(1500.0, COUNCIL, "previously_offered")]


def test_a_sum_the_complainant_paid_or_an_offer_raised_from_is_not_awarded(nlp) -> None:
    assert amounts(phso("Mrs X paid more than £3,700 to the enforcement officer.", heading=None), nlp) == []
    assert amounts(phso("The Trust increased its offer to Mrs X from £2,000 to over £2,600.", heading="Putting it right"),
                   nlp) == [2600.0]


def test_a_sum_a_remedy_leaves_out_is_not_awarded(nlp) -> None:
    record = lgsco("Summary: The Council's offer to write off the debt apart from the outstanding care home fees of "
                   "£2,804.12 is a suitable remedy for any injustice caused to the family.", heading=None)
    assert amounts(record, nlp) == []


def test_a_sum_listed_beside_an_apology_is_a_payment(nlp) -> None:
    record = lgsco("Summary: We found fault in the Council's record keeping, but the agreed action of an apology, "
                   "£250 and procedural improvements is enough to remedy the injustice.", heading=None)
    assert amounts(record, nlp) == [250.0]


# --- reductions of a bill -------------------------------------------------------------------

def test_a_bill_reduced_by_a_sum_is_a_payment(nlp) -> None:
    assert paid(lgsco("The Council should reduce Mrs X's outstanding invoice by £640 to reflect the care she did not "
                      "receive."), nlp) == [(640.0, COUNCIL, "recommended")]
    assert paid(lgsco("The Council has reduced Mrs X's outstanding care bill by £900, which remedies the injustice.",
                      heading="Summary"), nlp) == [(900.0, COUNCIL, "previously_offered")]
    assert paid(lgsco("It has agreed to apologise to Mr D and reduce the amount he owes by £450."), nlp) == \
        [(450.0, COUNCIL, "recommended")]


def test_a_weekly_charge_reduced_is_not_a_payment(nlp) -> None:
    assert amounts(lgsco("The Council reduced her charges by £20 a week in April."), nlp) == []


# --- one sum for several people ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The Council will pay each of the three children £100 for the lost provision and pay Mrs Z £250 for her distress.",
     [100.0, 100.0, 100.0, 250.0]),
    ("The Council will pay Mr and Mrs Y £200 each for their distress.", [200.0, 200.0]),
    ("The Council will pay £250 to each of Mrs X's two daughters and £100 to Mrs X.", [250.0, 250.0, 100.0]),
    ("The Council will pay Mrs X £250 and £100 for her time and trouble.", [250.0, 100.0]),
    # a sum announced as "a payment of" is not the same sum said twice when it goes to each
    ("The Council has agreed to make a payment of £100 to each of them.", [100.0, 100.0]),
])
def test_a_sum_to_each_person_counts_once_per_person_and_only_for_its_clause(nlp, sentence, expected) -> None:
    assert amounts(lgsco(sentence), nlp) == expected


@pytest.mark.parametrize("before, after, n", [
    ("pay each of the neighbours ", " for the noise", 2),
    ("pay each of the four grandchildren ", "", 4),
    ("pay Mr and Mrs Y ", " each", 2),
    ("pay Mrs X ", " for her distress", 1),
])
def test_recipients(before: str, after: str, n: int) -> None:
    assert rules.recipients(before, after) == n


# --- recommendations outside a remedy heading ---------------------------------------------------

RECOMMENDATION = "We recommend that within one month of the date of this report the Trust pays Mrs X £500 to acknowledge the distress its failings caused."


@pytest.mark.parametrize("heading", ["Recommendations:", "Findings:", "Our Decision:", None])
def test_a_phso_recommendation_is_read_under_any_heading(nlp, heading: str | None) -> None:
    assert paid(phso(RECOMMENDATION, heading), nlp) == [(500.0, TRUST, "recommended")]


def test_a_numbered_recommendation_list_without_a_remedy_heading(nlp) -> None:
    body = ("Recommendation 1\nWithin one month of this report, the Trust should:\n"
            "1. write to Mr Y to apologise for the failings we identified; and\n"
            "2. pay Mr Y £750 in recognition of the distress caused.")
    assert paid(phso(body, heading=None), nlp) == [(750.0, TRUST, "recommended")]


def test_a_remedy_list_left_in_the_complaint_section(nlp) -> None:
    # Older LGSCO summaries: the remedy list follows the complaint with no heading of its own.
    body = ("To remedy the injustice caused, the Council should:\n"
            "  • pay Mrs X an additional £300, on top of the £200 it has already offered, for her distress;\n"
            "  • pay Mrs X £150 for her time and trouble;")
    assert paid(lgsco(body, heading="The complaint"), nlp) == [
        (300.0, COUNCIL, "recommended"), (200.0, COUNCIL, "previously_offered"), (150.0, COUNCIL, "recommended")]


def test_sums_in_findings_that_recommend_nothing_stay_out(nlp) -> None:
    body = "The Trust told Mrs X the private treatment would cost £4,000. It did not explain why."
    assert amounts(phso(body, "Findings:"), nlp) == []


def test_a_recommendation_outside_the_remedy_section_does_not_add_to_one_inside_it(nlp) -> None:
    record = phso(f"{RECOMMENDATION}\n\nRecommendations:\nThe Trust should pay Mrs X £450 for her distress.",
                  heading="Findings:")
    assert amounts(record, nlp) == [450.0]


# --- what a sum is for ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, purpose", [
    ("The Council will pay Mrs X £300 to recognise the support she missed out on.", "loss_of_service"),
    ("The Council will pay Mrs X £300 for the injustice caused by its failure to provide the care in her plan.", "loss_of_service"),
    ("The Council will pay Mr B £62.40, the amount he paid for taxis while the transport was withdrawn.", "financial_loss"),
    ("The Council has agreed to pay Mrs M £2,400 to be used for R's educational benefit.", "loss_of_service"),
])
def test_purposes_of_lost_service_and_money_laid_out(nlp, sentence: str, purpose: str) -> None:
    [payment] = extract_one(lgsco(sentence), nlp).payments
    assert purpose in payment.purposes


@pytest.mark.parametrize("sentence, purposes", [
    # a discharge is no charge; money in what caused the distress is not money paid back
    ("The Trust will pay Mrs X £250 for the distress caused by the way the discharge was handled.", ["distress"]),
    ("The ICB will pay Mr V £300 for the uncertainty caused by the dispute over his refund.", ["distress"]),
    # money returned or owed, however the sum is introduced
    ("The Council has agreed to apologise, return the £1,180, and pay her £200 for her distress.", ["financial_loss"]),
    ("The Council will pay Mrs F the £4,386 she was underpaid.", ["financial_loss"]),
    ("The Council will refund the overcharge, which the Council estimates at £2,970.40.", ["financial_loss"]),
    # inconvenience is time and trouble; a lost opportunity is none of the four
    ("The Council will pay Mr A £100 to reflect the avoidable inconvenience.", ["time_and_trouble"]),
    ("The Trust will pay Mr X £750 to remedy his uncertainty, lost opportunity and time and trouble.",
     ["distress", "time_and_trouble", "other"]),
    ("The Council will pay Mr X £500 for his child's uncertainty and potential lost opportunity.", ["distress", "loss_of_service"]),
    # a sum for the complaint handling is for the time and trouble of complaining; distress
    # caused by it is distress; a second purpose after the cause counts
    ("The Council had already offered Mrs W £200 for the complaint-handling delays.", ["time_and_trouble"]),
    ("The ICB will pay Mrs X £750 to remedy the frustration and distress caused by the faults in complaint handling.", ["distress"]),
    ("The Council will pay Mrs Y a further £300 for the distress caused by the delays, and her time and trouble.",
     ["distress", "time_and_trouble"]),
    ("The Agency will pay him £400 for the distress caused by the missed shifts.", ["distress"]),
    ("The Council will pay her £300 to recognise the injustice caused by its failure to provide support.",
     ["distress", "loss_of_service"]),
])
def test_what_a_sum_is_for(nlp, sentence: str, purposes: list[str]) -> None:
    first = extract_one(lgsco(sentence), nlp).payments[0]
    assert sorted(first.purposes) == sorted(purposes)


@pytest.mark.parametrize("sentence", [
    "The Council will refund the £800 Mr Q paid, and the Council and the ICB will each pay him £250 for his distress.",
    "The ICB and the Council have each agreed to apologise and pay Mrs V £250 for the distress this caused.",
    "The Council has cancelled the invoices, and it and the ICB have each agreed to apologise to Mr R and pay him £250.",
    "The ICB and the Council have each agreed to apologise and to pay Mrs V £250 for her distress.",
])
def test_bodies_that_each_pay_pay_one_sum_each(nlp, sentence: str) -> None:
    record = lgsco("Harwell Borough Council (the Council) and NHS Harwell Integrated Care Board (the ICB) "
                   "are the bodies complained about. " + sentence)
    payers = sorted(p for amount, p, _ in paid(record, nlp) if amount == 250)
    assert payers == [COUNCIL, "NHS Harwell Integrated Care Board"]


def test_a_refund_of_money_already_paid_and_the_sum_after_it_are_new(nlp) -> None:
    record = lgsco("The Council has agreed to remove the interest, refund the £326.18 already paid towards it, "
                   "and pay Mrs X £150 for her time and trouble.")
    assert paid(record, nlp) == [(326.18, COUNCIL, "recommended"), (150.0, COUNCIL, "recommended")]


def test_an_offer_the_decision_replaces_is_no_payment(nlp) -> None:
    record = phso("Within one month the Trust should apologise to Mrs X and, instead of the £100 it offered, pay her "
                  "£600 for the distress caused.")
    assert paid(record, nlp) == [(600.0, TRUST, "recommended")]


def test_the_next_sum_of_a_list_is_awarded_by_the_same_verb(nlp) -> None:
    record = lgsco("It will apologise to the woman and pay her £500 for the distress and disruption of the five "
                   "extra weeks her family spent in bed and breakfast, and £150 for her time and trouble.")
    assert amounts(record, nlp) == [500.0, 150.0]
    # ... however long the list, its items joined by commas
    record = lgsco("The Council agreed to pay Mr Y £1,200 for the quantifiable loss of the speech therapy sessions "
                   "his son missed over the two school terms, £250 for the uncertainty caused by the delays in reviewing the plan and £150 for the "
                   "frustration of chasing his complaint.")
    assert amounts(record, nlp) == [1200.0, 250.0, 150.0]
    # ... or by semicolons
    record = lgsco("We recommended the Council pay Ms T £900 for the months in unsuitable housing; £250 for the "
                   "distress and uncertainty she and her two children suffered over those months and; £150 for her time.")
    assert amounts(record, nlp) == [900.0, 250.0, 150.0]
    # ... but not a sum listed after one that is not awarded
    record = lgsco("Mrs X says she paid £40 a week towards the room, and £150 for storage. The Council will pay her £300.")
    assert amounts(record, nlp) == [300.0]


def test_a_sum_after_a_refund_of_money_already_paid_is_new(nlp) -> None:
    record = lgsco("The Council has agreed to cancel the invoices, refund the £2,146.50 Mrs X has already paid "
                   "and pay her £200 for the distress caused.")
    assert paid(record, nlp) == [(2146.5, COUNCIL, "recommended"), (200.0, COUNCIL, "recommended")]


@pytest.mark.parametrize("sentence, expected", [
    # an invoice the body settles is paid for the person
    ("The ICB will settle the £4,920 invoice directly with the nursing home so that Mrs X does not have to pay it.", [4920.0]),
    # a sum the body took back, and one the decision declines after naming it
    ("Mrs X complained the Council took back £2,310.75 from her direct payment account.", []),
    ("A private ambulance would have cost £480, but he did not use one, and we do not recommend a payment for this.", []),
])
def test_sums_settled_taken_back_or_declined(nlp, sentence: str, expected: list[float]) -> None:
    assert amounts(lgsco(sentence), nlp) == expected


def test_two_trusts_told_apart_by_their_aliases_pay_as_named(nlp) -> None:
    title = "P-000124 - Harwell Hospitals NHS Foundation Trust and Kelworth Ambulance Service NHS Trust"
    text = (f"{title}\n\nThe Complaint:\nMrs X complains that Kelworth "
            "Ambulance Service NHS Trust (the Ambulance Trust) and Harwell Hospitals NHS Foundation Trust (the "
            "Hospital Trust) did not care for her father properly.\n\nOur Decision:\nWe found failings by the Ambulance "
            "Trust. We did not find failings by the Hospital Trust.\n\nRecommendations:\nWithin one month, the "
            "Ambulance Trust should apologise to Mrs X and pay her £400 for the distress caused.\n")
    record = DecisionRecord(source="phso", reference="P-000124", title=title, text=text)
    assert [(float(p.amount), p.payer) for p in extract_one(record, nlp).payments] == \
        [(400.0, "Kelworth Ambulance Service NHS Trust")]


@pytest.mark.parametrize("sentence, payers", [
    # one sum from two bodies together has no one payer (ANNOTATION.md: null)
    ("Harwell Borough Council and NHS Harwell Integrated Care Board will pay Mrs X £400 in total for her distress.", [None]),
    ("The Council and the ICB have agreed to apologise and pay Mrs X £400.", [None]),
    # ... unless the sentence gives each its own
    ("The Council and the ICB have agreed to apologise, and to pay Mrs X £400 and £250 respectively.",
     [COUNCIL, "NHS Harwell Integrated Care Board"]),
    # each body's own sum keeps its payer
    ("NHS Harwell Integrated Care Board will apologise and pay Mrs X £400 and the Council will pay her £200.",
     ["NHS Harwell Integrated Care Board", COUNCIL]),
])
def test_a_sum_two_bodies_pay_together_has_no_one_payer(nlp, sentence: str, payers: list[str | None]) -> None:
    record = lgsco("Harwell Borough Council (the Council) and NHS Harwell Integrated Care Board (the ICB) "
                   "are the bodies complained about. " + sentence)
    assert [p for _, p, _ in paid(record, nlp)] == payers


def test_pence_are_a_rate_not_a_sum_awarded(nlp) -> None:
    record = lgsco("The Council agreed to pay Mr X's travel expenses at £0.55 per mile, not the £0.30 it paid.")
    assert amounts(record, nlp) == []


def test_a_remedy_list_whose_items_run_to_several_sentences(nlp) -> None:
    record = lgsco("The Ombudsman upheld the complaint and found fault causing injustice.\n"
                   "To remedy the injustice caused the council has agreed to:\n"
                   "  • contact the mother about the earlier recommendation and liaise with her. Any letters about this "
                   "should say they relate to it;\n"
                   "  • report to us on progress within one month;\n"
                   "  • pay the daughter £150 and the mother £250 to recognise the injustice caused.", heading="The complaint")
    assert amounts(record, nlp) == [150.0, 250.0]

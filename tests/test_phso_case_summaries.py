"""PHSO case summaries ("What happened / What we found / Putting it right", then the
organisations investigated): their sections, bodies, sums and verdict, on summaries written
for these tests in the publisher's template (no real decision's text)."""
from __future__ import annotations

import pytest

from pipeline import text as sections
from pipeline.extract.bodies import organisations_listed
from pipeline.extraction import extract_one
from pipeline.records import DecisionRecord

# The labelled page: a headline, "Summary N |", and the page's labels at the end.
LABELLED = """Hospital was slow to diagnose a broken hip

Summary 9001 |

Mrs K complained that the Trust did not diagnose her husband's broken hip for three days and that it handled her complaint poorly.

What happened

Mr K fell at home and was taken to hospital. Staff examined him but did not arrange an X-ray until three days later. Mrs K complained to the Trust, which took five months to reply.

What we found

We partly upheld this complaint. Staff should have arranged an X-ray on the day Mr K arrived, and the delay left him in pain. The Trust also took too long to respond to Mrs K's complaint. The nursing care Mr K received was reasonable.

Putting it right

The Trust apologised to Mrs K and paid her £750 for the distress its failings caused. It also put a plan in place to learn lessons from its failings in Mr K's care and to make sure they did not happen again.

Health or Parliamentary
Health
Organisations we investigated

Gildenhurst Hospitals NHS Foundation Trust

Location

West Midlands

Complainants' concerns ?

Delayed replying to complaint

Result

Apology
Compensation for non-financial loss
"""

# The older page: the summary first, and the facts at the end unlabelled (the
# organisations, the place, the complaint's and the result's tags).
UNLABELLED = """Mr D complained that his GP practice removed him from its list without warning, and that the area team did not deal with his complaint.
What happened
The Practice wrote to Mr D to say it had removed him from its list. It had not warned him first. Mr D complained to the NHS England area team, which did not reply for four months.
What we found
The Practice did not follow the correct procedure before removing Mr D from its list. The area team took too long to reply to Mr D.
Putting it right
The Practice apologised to Mr D and paid him £150. The area team apologised for its delay.
A GP practice
Fallowmere Area Team
North Yorkshire
Came to an unsound decision
Delayed replying to complaint
Apology
Compensation for non-financial loss
"""

# Nothing found: the complaint's tags still say what was complained of.
NOTHING_FOUND = """Summary 9003 |

Ms P complained that the Trust was slow to reply to her complaint about her mother's discharge.

What happened

Ms P's mother was discharged from Kelworth Community Hospital. Ms P complained to the Trust.

What we found

We did not uphold this complaint. The Trust replied to Ms P within its published timescales and its reply answered her questions.

Health or Parliamentary
Organisations we investigated

Kelworth Community Health NHS Trust

Complainants' concerns ?

Delayed replying to complaint
"""


def case_summary(nlp, text: str, reference: str = "CS-9001"):
    return extract_one(DecisionRecord(source="phso", reference=reference, text=text,
                                      title=text.strip().splitlines()[0], truncated=True), nlp)


def kinds(text: str) -> list[str]:
    return [s.kind for s in sections.split_sections(text)]


def test_a_labelled_case_summary_is_cut_at_its_template_headings_and_labels() -> None:
    assert kinds(LABELLED) == [sections.HEADER, sections.SUMMARY, sections.BACKGROUND, sections.DECISION,
                               sections.REMEDY, sections.OTHER, sections.ORGANISATIONS, sections.OTHER,
                               sections.OTHER, sections.OTHER]
    assert sections.organisations_investigated(LABELLED) == ["Gildenhurst Hospitals NHS Foundation Trust"]


def test_an_unlabelled_case_summary_ends_with_its_facts_not_more_remedy() -> None:
    # the opening paragraph is the summary; the short lines at the end are not remedy sentences
    assert kinds(UNLABELLED) == [sections.SUMMARY, sections.BACKGROUND, sections.DECISION, sections.REMEDY,
                                 sections.ORGANISATIONS]
    remedy = next(s for s in sections.split_sections(UNLABELLED) if s.kind == sections.REMEDY)
    assert UNLABELLED[remedy.start:remedy.end].rstrip().endswith("apologised for its delay.")
    assert sections.organisations_investigated(UNLABELLED)[:2] == ["A GP practice", "Fallowmere Area Team"]


def test_a_text_cut_short_in_its_remedy_has_no_facts_section() -> None:
    cut = LABELLED[:LABELLED.index("for the distress")]
    assert kinds(cut)[-1] == sections.REMEDY and sections.organisations_investigated(cut) == []


def test_lgsco_statements_are_not_case_summaries() -> None:
    statement = ("Harwell Borough Council (25 999 050)\nSummary: Mrs X complained about her care.\nThe complaint\n"
                 "1. Mrs X says the Council delayed.\nWhat I found\n2. The Council delayed, which was fault.\n"
                 "Agreed action\n3. The Council will pay Mrs X £200.\nHarwell\nApology\n")
    assert sections.ORGANISATIONS not in kinds(statement)
    assert sections.FINDINGS in kinds(statement)


@pytest.mark.parametrize("lines, expected", [
    (["A GP practice", "South Yorkshire", "Apology"], [("A GP practice", "gp_practice")]),
    (["A dental practice", "Greater London"], [("A dental practice", "other")]),
    # a second organisation reads as one; the place after it does not
    (["A GP practice", "Fallowmere Area Team", "North Yorkshire"],
     [("A GP practice", "gp_practice"), ("Fallowmere Area Team", "other")]),
    (["Harwell CCG", "Harwell"], [("Harwell CCG", "ccg")]),
    (["UK Visas and Immigration", "UK"], [("UK Visas and Immigration", "government")]),
    (["Kelworth Co-operative Partnership of Doctors", "Greater London"],
     [("Kelworth Co-operative Partnership of Doctors", "other")]),
    ([], []),
])
def test_the_organisations_listed_are_named_as_written(lines, expected) -> None:
    assert organisations_listed(lines) == expected


def test_a_case_summary_reads_its_bodies_verdict_and_sum(nlp) -> None:
    ex = case_summary(nlp, LABELLED)
    assert [(b.name, b.body_type) for b in ex.bodies] == [("Gildenhurst Hospitals NHS Foundation Trust", "nhs_trust")]
    assert ex.outcome == "partly_upheld" and ex.fault_found is True
    faults = {(f.body, f.category) for f in ex.faults}
    assert ("Gildenhurst Hospitals NHS Foundation Trust", "complaint_handling") in faults
    assert all(f.provenance.section == sections.DECISION for f in ex.faults)
    # what the Trust did after the investigation is the remedy, not a sum offered before it
    assert [(p.payer, int(p.amount), p.status) for p in ex.payments] == [
        ("Gildenhurst Hospitals NHS Foundation Trust", 750, "recommended")]


def test_an_anonymised_organisation_is_the_body_its_role_refers_to(nlp) -> None:
    ex = case_summary(nlp, UNLABELLED, "CS-9002")
    assert [b.name for b in ex.bodies] == ["A GP practice", "Fallowmere Area Team"]
    assert ex.fault_found is True  # no verdict in words, but a remedy reported
    assert [(p.payer, int(p.amount), p.status) for p in ex.payments] == [("A GP practice", 150, "recommended")]
    # the complaint's tags ("Came to an unsound decision") are not findings
    assert all(f.provenance.section == sections.DECISION for f in ex.faults)


def test_a_case_summary_that_found_nothing_has_no_faults_whatever_its_tags(nlp) -> None:
    ex = case_summary(nlp, NOTHING_FOUND, "CS-9003")
    assert ex.outcome == "not_upheld" and ex.fault_found is False and ex.faults == []
    assert [b.name for b in ex.bodies] == ["Kelworth Community Health NHS Trust"]


def test_a_verdict_on_one_part_of_the_complaint_is_not_the_decisions_outcome(nlp) -> None:
    text = LABELLED.replace("We partly upheld this complaint. ", "").replace(
        "The nursing care Mr K received was reasonable.", "We upheld this part of the complaint.")
    ex = case_summary(nlp, text)
    assert ex.outcome is None and ex.fault_found is True


def test_one_part_upheld_and_another_not_is_the_complaint_partly_upheld(nlp) -> None:
    text = LABELLED.replace("We partly upheld this complaint. ", "").replace(
        "The nursing care Mr K received was reasonable.",
        "The nursing care Mr K received was reasonable. We did not uphold this aspect of the complaint. "
        "We upheld this aspect of the complaint.")
    ex = case_summary(nlp, text)
    assert ex.outcome == "partly_upheld" and ex.fault_found is True


# No organisations line: the summary names the bodies by role only, or by names defined
# with ordinals.
BY_ROLE = """Paramedics left an unwell man at home

A man with a chest infection was left at home overnight.

What happened

Mr T called an ambulance twice in one night. The paramedics who came the first time decided he could stay at home. Mr T's daughter, Ms R, complained to the Trust about that decision.

What we found

We partly upheld Ms R's complaint. Mr T should have gone to hospital after the first call.

Putting it right

An apology was given to Ms R for the distress this caused.
"""

ORDINALS = """Slow replies about a hip operation

Mr W had a hip replaced and later needed a second operation.

What happened

Mr W had his operation at Harnbury Hospitals NHS Foundation Trust (the first Trust). It sent him to Selcombe University Hospitals NHS Trust (the second Trust) for the second operation. Mr W complained to both.

What we found

The second Trust's care was reasonable. The first Trust did not answer Mr W's complaint for eight months.

Putting it right

The first Trust apologised to Mr W.
"""


def test_the_body_a_case_summarys_story_says_the_complaint_went_to_is_complained_about(nlp) -> None:
    ex = case_summary(nlp, BY_ROLE, "CS-9010")
    assert [(b.name, b.body_type) for b in ex.bodies] == [("the Trust", "nhs_trust")]
    # ... and only a body: "complained to" an ombudsman or a person is no body
    ex = case_summary(nlp, BY_ROLE.replace("complained to the Trust", "complained to her MP"), "CS-9010")
    assert ex.bodies == []


def test_bodies_defined_as_the_first_and_the_second_trust_are_told_apart(nlp) -> None:
    ex = case_summary(nlp, ORDINALS, "CS-9011")
    first = "Harnbury Hospitals NHS Foundation Trust"
    assert [b.name for b in ex.bodies] == [first, "Selcombe University Hospitals NHS Trust"]
    assert [(f.body, f.category) for f in ex.faults] == [(first, "complaint_handling")]
    assert ex.fault_found is True


GOVERNMENT = """UKVI lost a fee and answered late

Summary 9004 |

Mr H complained that Her Majesty's Courts and Tribunals Service lost his appeal papers, and that Jobcentre Plus stopped his benefit without telling him.

What happened

Mr H sent his papers to the tribunal. HM Courts and Tribunals Service (HMCTS) did not log them. Jobcentre Plus stopped his benefit. The Independent Case Examiner (ICE) looked at his complaint.

What we found

HMCTS lost Mr H's papers and took too long to answer his complaint. Jobcentre Plus did not tell Mr H it had stopped his benefit, and its records of his calls were incomplete.

Putting it right

HMCTS apologised and paid Mr H £200. Jobcentre Plus paid him £350 for the benefit he lost.

Health or Parliamentary
Parliamentary
Organisations we investigated

HM Courts and Tribunals Service (HMCTS)

Jobcentre Plus

Independent Case Examiner

Location

UK
"""


def test_government_organisations_are_named_and_typed_as_written(nlp) -> None:
    ex = case_summary(nlp, GOVERNMENT, "CS-9004")
    # "Her Majesty's" is "HM": one body, named in full
    assert sorted((b.name, b.body_type) for b in ex.bodies) == [
        ("Her Majesty's Courts and Tribunals Service", "government"), ("Independent Case Examiner", "government"),
        ("Jobcentre Plus", "government")]
    assert sorted((p.payer, int(p.amount)) for p in ex.payments) == [
        ("Her Majesty's Courts and Tribunals Service", 200), ("Jobcentre Plus", 350)]


def test_an_organisation_the_excerpt_cuts_short_is_the_one_the_text_names(nlp) -> None:
    cut = GOVERNMENT[:GOVERNMENT.index("HM Courts and Tribunals Service (HMCTS)\n\nJobcentre") + len("HM Courts and Tribunals")]
    ex = case_summary(nlp, cut, "CS-9005")
    assert "HM Courts and Tribunals" not in {b.name for b in ex.bodies}


def test_a_verdict_against_one_body_is_not_the_outcome_when_another_put_things_right(nlp) -> None:
    text = UNLABELLED.replace("The area team took too long to reply to Mr D.",
                              "We did not uphold the complaint against the area team, which replied in time.")
    ex = case_summary(nlp, text, "CS-9006")
    assert ex.outcome is None and ex.fault_found is True


def test_a_case_summary_cut_before_its_remedy_still_found_what_it_says_went_wrong(nlp) -> None:
    cut = LABELLED[:LABELLED.index("Putting it right")].replace("We partly upheld this complaint. ", "")
    ex = case_summary(nlp, cut, "CS-9007")
    assert ex.outcome is None and ex.fault_found is True
    # (cut before the organisations list, the Trust is named by its role)
    assert ("the Trust", "complaint_handling") in {(f.body, f.category) for f in ex.faults}


# A summary about an agency only the PHSO investigates, written for this test.
AGENCY = """Border Force delayed returning a passport

Summary 9010 |

Mrs V complained that Border Force kept her passport for six months. He thought the officers were rude, her husband said.

What happened

Border Force took Mrs V's passport at the airport to check it. It did not return the passport until six months later.

What we found

We partly upheld this complaint. We were critical that Border Force did not record why it kept the passport for so long.

Putting it right

Border Force apologised and paid Mrs V £100.

Health or Parliamentary
Parliamentary
Organisations we investigated

UK Border Force

Location

UK
"""


def test_an_agency_only_the_phso_investigates_is_a_government_body_of_a_phso_text(nlp) -> None:
    ex = case_summary(nlp, AGENCY, "CS-9010")
    # the list's "UK Border Force" and the text's "Border Force" are one body
    assert [(b.name, b.body_type) for b in ex.bodies] == [("UK Border Force", "government")]
    assert [(p.payer, int(p.amount)) for p in ex.payments] == [("UK Border Force", 100)]
    # "We were critical that ..." finds fault; what the husband thought finds none
    assert ("UK Border Force", "record_keeping") in {(f.body, f.category) for f in ex.faults}
    assert all("critical" in f.provenance.sentence for f in ex.faults)


def test_an_agency_an_lgsco_decision_names_in_passing_is_no_body(nlp) -> None:
    text = ("Summary: Mr B complains the Council did not help him after Border Force stopped him at the airport. "
            "We found fault by the Council in how it dealt with his housing application.")
    ex = extract_one(DecisionRecord(source="lgsco", reference="24 900 001", text=text,
                                    title="Norbeck Borough Council (24 900 001)", truncated=True), nlp)
    assert [b.name for b in ex.bodies] == ["Norbeck Borough Council"]


def test_failings_found_in_a_complaint_not_upheld_are_fault_found(nlp) -> None:
    text = UNLABELLED.replace("The Practice did not follow the correct procedure before removing Mr D from its list. "
                              "The area team took too long to reply to Mr D.",
                              "We did not uphold this complaint. We found failings, but the Practice had already "
                              "accepted and remedied these.")
    ex = case_summary(nlp, text[:text.index("Putting it right")], "CS-9011")
    assert ex.outcome == "not_upheld" and ex.fault_found is True


def test_an_organisation_cut_mid_word_at_the_excerpts_end_is_the_one_the_text_names(nlp) -> None:
    cut = GOVERNMENT[:GOVERNMENT.index("HM Courts and Tribunals Service (HMCTS)\n\nJobcentre") + len("HM Courts and Trib")]
    ex = case_summary(nlp, cut, "CS-9012")
    assert not any(b.name.endswith("Trib") for b in ex.bodies)


@pytest.mark.parametrize("role, alone", [
    ("the Council", True), ("the surgery", False), ("The surgery", False), ("the Surgery", True), ("the home", False),
])
def test_which_roles_stand_for_a_body_nothing_names(role: str, alone: bool) -> None:
    from pipeline.extract.bodies import stands_alone

    assert stands_alone(role) is alone


def test_a_verdict_on_one_allegation_is_not_the_outcome_and_an_operation_is_no_surgery(nlp) -> None:
    text = LABELLED.replace("The nursing care Mr K received was reasonable.",
                            "We did not uphold her complaint that he was discharged too early. We did not consider "
                            "that there was enough evidence that staff pressured him to have the surgery.")
    ex = case_summary(nlp, text.replace("We partly upheld this complaint. ", ""), "CS-9013")
    assert ex.outcome is None and ex.fault_found is True
    assert all(b.body_type != "gp_practice" for b in ex.bodies)
    assert not any("pressured" in f.provenance.sentence for f in ex.faults)

"""Facts about body names, decision dates, outcomes and shared payments, on sentences written
for these tests in the register of LGSCO/PHSO decisions (no real decision's text)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.bodies import find_named_bodies
from pipeline.extraction import extract_one
from pipeline.records import DecisionRecord


def names(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.body_type) for m in find_named_bodies(text)]


@pytest.mark.parametrize("text, expected", [
    # a name never runs across a sentence end, or starts at a person's initial
    ("Mrs X complained about her son C. The Council did not reply.", []),
    ("Mr Y complained about Mrs D and Trinity Surgery.", [("Trinity Surgery", "gp_practice")]),
    # ... or inside a word: "the ICB and Kelworth Borough Council" is not "CB and ..."
    ("Mr C said the ICB and Kelworth Borough Council (the Council) argued about who should pay.",
     [("Kelworth Borough Council", "council")]),
    # two bodies joined by "and" stay two
    ("We found fault by London Borough of Harwell and NHS North Kelworth Integrated Care Board.",
     [("London Borough of Harwell", "council"), ("NHS North Kelworth Integrated Care Board", "icb")]),
    # ... and a comma before "and" ends a name ("the Trust, which runs X Hospital, and Y Council")
    ("She complains about Harwell NHS Trust, which runs Ashby General Hospital, and Kelworth Borough Council.",
     [("Harwell NHS Trust", "nhs_trust"), ("Kelworth Borough Council", "council")]),
    ("Kelworth and Medway NHS and Social Care Partnership Trust discharged him.",
     [("Kelworth and Medway NHS and Social Care Partnership Trust", "nhs_trust")]),
    ("Brightwater Home Care Agency missed three visits.", [("Brightwater Home Care Agency", "care_provider")]),
    # a name whose first word is said twice; "to" before a name is not part of it
    ("Mrs X complains Heart to Heart Home Care Agency Ltd failed to invoice her.",
     [("Heart to Heart Home Care Agency Ltd", "care_provider")]),
    ("Mrs X wrote to Kelworth Borough Council.", [("Kelworth Borough Council", "council")]),
    ("He moved into Ash Lodge Nursing Home in May.", [("Ash Lodge Nursing Home", "care_provider")]),
    ("A.B. Care Ltd arranged the visits.", [("A.B. Care Ltd", "care_provider")]),
    # a company word after a care word ending in a type word: the whole name
    ("Wilverton Care Group Limited gave notice.", [("Wilverton Care Group Limited", "care_provider")]),
    ("Barchester Healthcare Group Ltd runs the home.", [("Barchester Healthcare Group Ltd", "care_provider")]),
    # a name with no type word, defined by its role
    ("Mrs X moved into Larch House (the Home) in May.", [("Larch House", "care_provider")]),
    ("The Council commissioned B2 Care (the Agency) to visit.", [("B2 Care", "care_provider")]),
    ("He lived at Elm House in Wisbech (the Home).", [("Elm House", "care_provider")]),
    ("She applied to Kelworth Academy (the School) for a place.", [("Kelworth Academy", "other")]),
    ("In March (the Home) said nothing.", []),
    # ... or by what it did for a council
    ("She complains about the home care provided to her mother by Sunrise Assist on behalf of the Council.",
     [("Sunrise Assist", "care_provider")]),
    ("She had care from Homecare Kelworth (HK), who in 2019 provided homecare on behalf of the Council.",
     [("Homecare Kelworth", "care_provider")]),
    ("Dunmore Holdings, acting on behalf of the Council, took his car.", [("Dunmore Holdings", "other")]),
    ("Enforcement Agents, acting on behalf of the Council, took his car.", []),
    ("Mr X wrote to Mrs Y on behalf of the Council.", []),
    # ... or last in a list of bodies
    ("Harwell City Council and Brightpath Southwest did not put support in place.",
     [("Harwell City Council", "council"), ("Brightpath Southwest", "other")]),
    ("Harwell Council and Mrs Y met.", [("Harwell Council", "council")]),
    # ... after a body's own short form, and up to four words before its own
    ("Mr X complained Harwell Council (the Council) and Kelworth Green Retirement Village (KGRV) misled him.",
     [("Harwell Council", "council"), ("Kelworth Green Retirement Village", "other")]),
    # the government's agencies as PHSO writes them
    ("UK Visas & Immigration and HM Passport Office lost his papers; the Adjudicator’s Office reviewed it.",
     [("UK Visas & Immigration", "government"), ("HM Passport Office", "government"), ("Adjudicator’s Office", "government")]),
    ("Harwell Council and Kelworth and Ashby NHS Foundation Trust met.",
     [("Harwell Council", "council"), ("Kelworth and Ashby NHS Foundation Trust", "nhs_trust")]),
    # ... by its initials, or in quotes after a comma
    ("She complained the Council's care provider, KCS (the care provider), missed visits.", [("KCS", "care_provider")]),
    ("Tamar Living, the “Care Provider”, did not tell the ICB.", [("Tamar Living", "care_provider")]),
    ("He complains the Council did not act when Tamar Carers, the “Care Provider” withdrew.", [("Tamar Carers", "care_provider")]),
    ("The ICB (the provider) said so.", []),
    ("Mrs X, the “Care Provider”, and the Council met.", []),
    # a title listing bodies with commas names each of them; a name's own comma comes before its ending
    ("Ashby Vale Medical Practice, East Harwell Ambulance Service NHS Trust",
     [("Ashby Vale Medical Practice", "gp_practice"), ("East Harwell Ambulance Service NHS Trust", "nhs_trust")]),
    ("NHS Harwell, Kelworth and Ashby ICB", [("NHS Harwell, Kelworth and Ashby ICB", "icb")]),
    # ... or by a description after it
    ("Mrs X lived at Tansley House, a nursing home in the town.", [("Tansley House", "care_provider")]),
    ("Mrs X lived at Tansley House, a former hotel.", []),
    # type words only: not a name
    ("Mrs D phoned the GP Surgery and a Medical Centre.", []),
    ("Mrs D phoned Trinity Surgery.", [("Trinity Surgery", "gp_practice")]),
    # schools and academy trusts (admissions cases), and companies that are not care providers
    ("She applied to St Anne's Church of England Primary School.", [("St Anne's Church of England Primary School", "other")]),
    ("Kelworth Academy Trust is the admission authority.", [("Kelworth Academy Trust", "other")]),
    ("Her son attends Harwell Academy, not the Grammar School or Summer School.", [("Harwell Academy", "other")]),
    ("The Council instructed Marlow Enforcement Services Ltd to collect it.", [("Marlow Enforcement Services Ltd", "other")]),
    # a short form in brackets ends a name when the list goes on after it
    ("He complains about Harwell Health and Care (HHC) and NHS Kelworth and Ashby Integrated Care Board (the ICB).",
     [("Harwell Health and Care", "other"), ("NHS Kelworth and Ashby Integrated Care Board", "icb")]),
    ("Harwell Clinical Commissioning Group (HW CCG), NHS Ashby Clinical Commissioning Group (AS CCG) and "
     "Kelworth Partnership NHS Foundation Trust (the Trust) did not agree.",
     [("Harwell Clinical Commissioning Group", "ccg"), ("NHS Ashby Clinical Commissioning Group", "ccg"),
      ("Kelworth Partnership NHS Foundation Trust", "nhs_trust")]),
    ("Anchor (Nelson) Care Ltd and Kelworth Borough Council", [("Anchor (Nelson) Care Ltd", "care_provider"),
                                                               ("Kelworth Borough Council", "council")]),
    # an anonymised short form after a name is no part of it; "&" joins a borough's two places
    ("Mrs B complains that the London Borough of Ashby (Council Y) wrongly paid her.", [("London Borough of Ashby", "council")]),
    ("She moved from the London Borough of Harwell & Kelworth.", [("London Borough of Harwell & Kelworth", "council")]),
    # ... but not into the next body of a list
    ("We consider London Borough of Harwell and Harwell and Ashby NHS Trust did not seek her views.",
     [("London Borough of Harwell", "council"), ("Harwell and Ashby NHS Trust", "nhs_trust")]),
    ("London Borough of Harwell & Kelworth and NHS Ashby ICB agreed.",
     [("London Borough of Harwell & Kelworth", "council"), ("NHS Ashby ICB", "icb")]),
    # a company's trading name is part of its name; a role alias may quote the role alone
    ("The Council commissioned a care provider (Ashby Care Ltd. t/a Kelworth Care) for her.",
     [("Ashby Care Ltd. t/a Kelworth Care", "care_provider")]),
    ("She had support from a registered care provider, St Aldric Community Services (the ‘Care Provider’).",
     [("St Aldric Community Services", "care_provider")]),
    # a home's name before its kind in small letters
    ("Mr C lived at Ashby Court care home in Harwell.", [("Ashby Court care home", "care_provider")]),
    ("The Council placed her in a care home.", []),
    # council tax is no council
    ("He applied for a Discretionary Council Tax Reduction.", []),
    # a number inside a company's name, before or after the words the pattern finds; not a date's
    ("We found fault by Ashby Healthcare 1 Ltd in her care.", [("Ashby Healthcare 1 Ltd", "care_provider")]),
    ("Ms X complained Kelworth 24 UK Limited (the Care Provider) is wrong.", [("Kelworth 24 UK Limited", "care_provider")]),
    ("On 12 Ashby Care Ltd wrote to her.", [("Ashby Care Ltd", "care_provider")]),
    # an ICB named by its area alone, with its role as short form
    ("Ms D complained about Ashby County Council (the Council) and NHS Kelworth (the ICB).",
     [("Ashby County Council", "council"), ("NHS Kelworth", "icb")]),
    # a GP practice named as a medical group
    ("She complains about The Coquet Medical Group (the Practice).", [("Coquet Medical Group", "gp_practice")]),
    # the decision's reference after a title's name is no part of it
    ("London Borough of Ashby (25 999 004)", [("London Borough of Ashby", "council")]),
])
def test_named_bodies(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


def record(text: str, **kw) -> DecisionRecord:
    return DecisionRecord(source=kw.pop("source", "lgsco"), reference=kw.pop("reference", "25 999 001"),
                          text=text, title=kw.pop("title", None), **kw)


def titled(nlp, title: str, body: str, **kw):
    """The extraction of a decision whose page starts with `title` ("Harwell Borough Council
    (25 999 002)"), then `body`; the title is the record's title too."""
    return extract_one(record(f"{title}\n\n{body}", title=title, **kw), nlp)


def test_a_title_line_after_the_pages_cookie_banner_names_the_body(nlp) -> None:
    text = ("Privacy settings\n\nReview your privacy settings\n\nThese cookies enable the website to function.\n\n"
            "London Borough of Ashby (25 999 005)\n\nCategory : Children's care services\n\nDecision : Upheld\n\n"
            "Summary: We found fault by the Council. It delayed the assessment.\n")
    ex = extract_one(record(text, reference="25 999 005", title="Privacy settings"), nlp)
    assert [b.name for b in ex.bodies] == ["London Borough of Ashby"]
    assert {f.body for f in ex.faults} == {"London Borough of Ashby"}


def test_a_body_named_only_by_its_role_keeps_the_roles_capitals(nlp) -> None:
    ex = titled(nlp, "Ashby County Council (25 999 006)", "Summary: Ms D complains the Council and ICB failed to "
                "review her care. We found fault by the Council and the ICB.\n")
    assert [b.name for b in ex.bodies] == ["Ashby County Council", "the ICB"]


def test_a_number_written_on_or_apart_is_one_body(nlp) -> None:
    ex = titled(nlp, "Kelworth24 UK Limited (25 999 003)",
                "Summary: We found fault by Kelworth 24 UK Limited (the Care Provider). It should have told her.\n")
    assert [b.name for b in ex.bodies] == ["Kelworth24 UK Limited"]


def test_spellings_of_one_body_are_one_body(nlp) -> None:
    text = ("Summary: Mrs X complains about Harwell Partnership University NHS Foundation Trust.\n"
            "Finding\n1. Harwell Partnership University Foundation Trust delayed the referral, which was fault.\n")
    ex = extract_one(record(text), nlp)
    assert [b.name for b in ex.bodies] == ["Harwell Partnership University NHS Foundation Trust"]
    # a title naming the trust in full, the text with a word left out
    ex = titled(nlp, "Harwell & North Kelworth NHS Foundation Trust (23 999 903)",
                "Summary: Mr B complains about a delay by Harwell and North NHS Foundation Trust (the Trust).\n")
    assert [b.name for b in ex.bodies] == ["Harwell & North Kelworth NHS Foundation Trust"]
    # a title naming the trust as it was before it became a foundation trust
    ex = titled(nlp, "Kelworth Community Health NHS Trust (19 999 755)",
                "Summary: Mrs D complains about the way Kelworth Community Health NHS Foundation Trust (the Trust) "
                "provided speech therapy to her son.\n")
    assert [b.name for b in ex.bodies] == ["Kelworth Community Health NHS Foundation Trust"]


def test_the_nhs_trust_is_the_trust(nlp) -> None:
    from pipeline.extract.bodies import find_role_mentions

    assert [(m.text, m.body_type) for m in find_role_mentions("Mrs X said the NHS Trust and the Council discharged him.")] == [
        ("the NHS Trust", "nhs_trust"), ("the Council", "council")]
    ex = titled(nlp, "Ashby Borough Council (25 999 005)",
                "Summary: Mrs X complained the NHS Trust and the Council discharged her father into an unsuitable home. "
                "We found fault by the NHS Trust. We did not find fault by the Council.\n"
                "The complaint\n1. Mrs X complains about Ashby Borough Council and Harwell Hospitals NHS Trust.\n")
    assert {f.body for f in ex.faults} == {"Harwell Hospitals NHS Trust"}


def test_a_council_and_an_nhs_trust_found_at_fault_are_the_decisions(nlp) -> None:
    ex = titled(nlp, "Ashby Borough Council (25 999 006)",
                "Summary: Ms X complained no aftercare plan was made before she left hospital. We found fault that a "
                "council and an NHS trust did not complete an aftercare plan.\n"
                "The complaint\n1. Ms X complains about Ashby Borough Council and Harwell Healthcare NHS Foundation Trust.\n")
    assert {f.body for f in ex.faults} == {"Ashby Borough Council", "Harwell Healthcare NHS Foundation Trust"}


def test_where_the_failing_happened_is_no_clause_of_its_own(nlp) -> None:
    ex = titled(nlp, "Ashby Borough Council (25 999 007)",
                "Decision : Not upheld\nSummary: Mr B complained about the care his uncle received at Tansley Court "
                "Care Home (the Home). We found failings in the care provided to Mr D and he was not always kept safe "
                "while in the Home. We did not find fault by the Council.\n")
    assert {f.body for f in ex.faults} == {"Tansley Court Care Home"}


def test_a_clause_that_finds_no_fault_gives_its_body_none(nlp) -> None:
    ex = titled(nlp, "Ashby Borough Council (25 999 008)",
                "Decision : Upheld\nSummary: Mrs X complained the Council discharged her father into an unsuitable care "
                "home. We did not find fault by the Council's actions, but we did find fault with how it dealt with "
                "Mrs X's complaint.\n")
    assert {f.category for f in ex.faults} == {"complaint_handling"}


def test_a_saint_written_with_and_without_its_stops_is_one_body(nlp) -> None:
    ex = titled(nlp, "Harwell & St. Annes Mental Health NHS Trust (25 999 003)",
                "Summary: Mr A complained about Harwell & St Anne's Mental Health NHS Trust (the Trust). We found fault.\n")
    assert len(ex.bodies) == 1


def test_these_organisations_are_every_body_the_complaint_names(nlp) -> None:
    ex = titled(nlp, "Ashby Borough Council (25 999 004)",
                "Summary: Mr A complained about a lack of aftercare planning by a council, an ICB and an NHS trust. "
                "We found fault with these organisations, which have agreed to our recommendations.\n"
                "The complaint\n1. Mr A complains about Ashby Borough Council (the Council), NHS Kelworth Integrated "
                "Care Board (the ICB) and Harwell Partnership NHS Foundation Trust (the Trust).\n")
    assert {(f.body, f.category) for f in ex.faults} == {
        ("Ashby Borough Council", "care_planning"), ("NHS Kelworth Integrated Care Board", "care_planning"),
        ("Harwell Partnership NHS Foundation Trust", "care_planning")}


def test_an_icb_named_by_the_tail_of_its_area_is_the_same_icb(nlp) -> None:
    text = ("Summary: Mrs X complained about NHS Kelworth, Ambridge and Milford Integrated Care Board. "
            "We found fault with Milford Integrated Care Board.\n")
    ex = extract_one(record(text), nlp)
    assert [b.name for b in ex.bodies] == ["NHS Kelworth, Ambridge and Milford Integrated Care Board"]


def test_a_body_named_where_the_complaint_is_stated_is_involved(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 001)",
                "Summary: Mr B complains about the Council and Ash Lodge "
                "Nursing Home. We have not found fault.\n")
    assert {b.name for b in ex.bodies} == {"Harwell Borough Council", "Ash Lodge Nursing Home"}


@pytest.mark.parametrize("text, date", [
    ("This is our final decision, dated 12 June 2025.", dt.date(2025, 6, 12)),
    ("Final decision\n21 May 2025\n", dt.date(2025, 5, 21)),
    ("Date of decision: 3 March 2025", dt.date(2025, 3, 3)),
    ("The Ombudsman's final decision:\n\nSummary: On 3 March 2024 Mrs X moved.", None),
])
def test_decision_date_from_the_text_when_there_is_no_metadata(nlp, text: str, date) -> None:
    assert extract_one(record(text), nlp).decision_date == date


@pytest.mark.parametrize("source, sentence, outcome", [
    ("lgsco", "We partly uphold Mrs X's complaint.", "partly_upheld"),
    ("lgsco", "I have not upheld this complaint.", "not_upheld"),
    ("phso", "We do not uphold this complaint.", "not_upheld"),
    ("phso", "We will therefore not be upholding this complaint.", "not_upheld"),
    ("lgsco", "The complaint is upheld.", "upheld"),
    ("lgsco", "Mrs X's complaint is not upheld.", "not_upheld"),
])
def test_outcome_in_words_when_there_is_no_metadata(nlp, source: str, sentence: str, outcome: str) -> None:
    text = f"Summary: Mrs X complains about the Council.\n{sentence}\n"
    assert extract_one(record(text, source=source, reference="P-000001" if source == "phso" else "25 999 001"),
                       nlp).outcome == outcome


def test_a_sum_for_each_of_the_neighbours_is_two_payments(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 001)",
                "Agreed action\n1. Within one month of the final decision, "
                "the Council will pay each of the neighbours £250 for the distress caused.\n", decision_date="2025-06-12")
    assert [(float(p.amount), p.payer) for p in ex.payments] == [(250.0, "Harwell Borough Council")] * 2
    assert [d.due_date for d in ex.deadlines] == [dt.date(2025, 7, 12)]


@pytest.mark.parametrize("finding", [
    # the holder after plural "faults by", and a body before it in the list named by its role
    "There were faults by the care home and Council in care planning.",
    "We found failings by the care home and Council in care planning.",
])
def test_every_body_of_a_list_of_holders_is_at_fault(nlp, finding: str) -> None:
    text = ("Summary: Mrs X complained about the care of her father by Ash Lodge Nursing Home (the Care Home), "
            f"a care home commissioned by Harwell Borough Council (the Council). {finding}\n")
    ex = extract_one(record(text), nlp)
    assert {(f.body, f.category) for f in ex.faults} == {
        ("Ash Lodge Nursing Home", "care_planning"), ("Harwell Borough Council", "care_planning")}


@pytest.mark.parametrize("reason, fault_found", [
    ("This is because we are unlikely to find fault by the Council.", False),
    ("This is because there is not enough evidence of fault by the Council.", False),
    ("This is because there is insufficient evidence of fault in how the Council assessed Mr B.", False),
])
def test_a_complaint_closed_after_initial_enquiries_has_no_faults(nlp, reason: str, fault_found) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 002)",
                "Summary: Mr B complains the Council delayed his care needs assessment. We will not investigate "
                f"this complaint. {reason}\n", outcome="Closed after initial enquiries")
    assert ex.outcome == "closed_after_initial_enquiries"
    assert ex.faults == []
    assert ex.fault_found is fault_found


def test_a_fault_without_injustice_is_found_though_the_complaint_is_not_upheld(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 003)",
                "Summary: Mrs D complains about her mother's care. There were "
                "some faults by the care home and Council in care planning, but they did not cause Mrs D an injustice. "
                "We do not uphold the complaint.\n")
    assert ex.outcome == "not_upheld"
    assert ex.fault_found is True


@pytest.mark.parametrize("conclusion", [
    "We have not found fault by the Council.",
    "We have completed our investigation having not made a finding of fault.",
])
def test_a_complaint_only_alleged_in_a_decision_not_upheld_is_no_finding(nlp, conclusion: str) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 004)",
                "Summary: Mr X complains the Council failed to assess his "
                f"needs. {conclusion}\n", outcome="Not upheld")
    assert ex.faults == []
    assert ex.fault_found is False


def test_a_report_of_numbered_paragraphs_without_headings_is_read(nlp) -> None:
    # Some PHSO reports have no headings: the decision and the findings are in paragraph 1.
    ex = titled(nlp, "Kelworth Hospitals NHS Trust (P-000002)",
                "1. There were failings in the Trust's handling of "
                "Mr A's complaint. This caused him frustration. It is therefore our decision to uphold this "
                "complaint.\n2. Mr A complains the Trust did not reply to his letters.\n", source="phso", reference="P-000002")
    assert ex.outcome == "upheld"
    assert ex.fault_found is True
    assert {(f.body, f.category) for f in ex.faults} == {("Kelworth Hospitals NHS Trust", "complaint_handling")}


def test_a_body_the_complaint_names_only_by_its_role_is_involved(nlp) -> None:
    ex = titled(nlp, "Kelworth Partnership NHS Foundation Trust (25 999 005)",
                "Summary: Mr X complained about the way the "
                "Council and Trust assessed his mental health needs. We found fault by the Trust.\n")
    assert {(b.name, b.body_type, b.at_fault) for b in ex.bodies} == {
        ("Kelworth Partnership NHS Foundation Trust", "nhs_trust", True), ("the Council", "council", False)}


def test_a_company_named_with_and_without_ltd_is_one_body(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 006)",
                "Summary: Mrs X complains about Brightwater Home Care Agency Ltd, "
                "which the Council commissioned. Brightwater Home Care Agency missed visits, which was fault.\n")
    assert [b.name for b in ex.bodies if b.body_type == "care_provider"] == ["Brightwater Home Care Agency Ltd"]


def test_a_body_named_in_the_complaint_section_is_involved(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 007)",
                "The complaint\nMrs D complains:\n"
                "• that the care home where her mother lives, Ash Lodge (run by Elmtree Nursing and Care Homes Ltd), "
                "has not met her needs.\nWhat I found\nThe Council did not review the care plan, which was fault.\n")
    assert {b.name for b in ex.bodies} == {"Harwell Borough Council", "Elmtree Nursing and Care Homes Ltd"}


def test_a_care_home_whose_complaints_procedure_the_summary_mentions_is_no_body(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 010)", "Summary: We will not investigate this complaint about the "
                "Council's safeguarding investigation. Mrs X may return to us about matters at the care home if she has "
                "first completed the care home's complaints procedure.\n")
    assert [b.name for b in ex.bodies] == ["Harwell Borough Council"]


def test_the_district_council_of_a_county_councils_decision_is_another_council(nlp) -> None:
    ex = titled(nlp, "Kelworth County Council (25 999 011)", "The complaint\n1. Mrs F complains about the County Council. "
                "We cannot consider its actions alone, given the District Council's involvement in the events complained about.\n")
    assert [b.name for b in ex.bodies] == ["Kelworth County Council", "the District Council"]


def test_the_trust_the_text_defines_under_an_old_name_is_the_titles_trust(nlp) -> None:
    ex = titled(nlp, "Harwell and South Ashby NHS Foundation Trust (25 999 012)", "The complaint\n1. Mr P complained about "
                "Ashby County Council (the Council) and Harwell Care NHS Foundation Trust (the Trust). He said the Trust "
                "did not send his letters.\n")
    assert [b.name for b in ex.bodies] == ["Harwell and South Ashby NHS Foundation Trust", "Ashby County Council"]
    # ... but not where the text names the title's trust as well
    ex = titled(nlp, "Harwell and South Ashby NHS Foundation Trust (25 999 012)", "The complaint\n1. Mr P complained about "
                "Harwell Care NHS Foundation Trust (the Trust) and Harwell and South Ashby NHS Foundation Trust.\n")
    assert len([b for b in ex.bodies if b.body_type == "nhs_trust"]) == 2


def test_the_city_of_london_in_the_title_is_the_council(nlp) -> None:
    ex = titled(nlp, "City of London (25 999 009)", "Summary: Ms B complained that the Council had not dealt with "
                "noise from a building site.\n")
    assert [(b.name, b.body_type) for b in ex.bodies] == [("City of London", "council")]


def test_the_hospital_scheme_is_no_hospital(nlp) -> None:
    ex = titled(nlp, "Harwell City Council (25 999 013)", "Summary: Mr X complained the Council provided him with "
                "accommodation on the hospital scheme that was not suitable, and removed him from the hospital scheme.\n")
    assert [b.name for b in ex.bodies] == ["Harwell City Council"]


def test_the_hospital_in_the_story_of_the_complaint_is_no_body(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 007)",
                "The complaint\n1. Mr B complains the Council charged him for his care.\n2. As part of its discharge "
                "planning, the hospital referred Mrs B to the Council for an assessment.\n")
    assert [b.name for b in ex.bodies] == ["Harwell Borough Council"]
    # ... but a complaint about it names a body
    ex = titled(nlp, "Harwell Borough Council (25 999 007)",
                "The complaint\n1. Mr B complains the Council and the hospital discharged his mother unsafely.\n")
    assert [b.name for b in ex.bodies] == ["Harwell Borough Council", "the hospital"]


def test_an_academy_trust_in_the_title_is_the_body_at_fault(nlp) -> None:
    ex = titled(nlp, "Kelworth Learning Trust (25 999 008)",
                "Summary: Mrs X complains about how the Trust dealt with her "
                "application for a school place. We found fault because the Trust did not follow the School Admissions "
                "Code when it decided the application.\n")
    assert [(b.name, b.body_type, b.at_fault) for b in ex.bodies] == [("Kelworth Learning Trust", "other", True)]


def test_a_company_defined_by_its_role_and_written_ltd_or_limited_runs_its_home(nlp) -> None:
    ex = titled(nlp, "Fernleigh House Care Ltd (25 999 032)",
                "Decision : Upheld\nSummary: Ms S complained about the care her mother received at Fernleigh House, a "
                "residential home. The care home did not reposition her as her care plan required, which was fault.\n"
                "The complaint\n- Ms S complains about Fernleigh House Care Limited (the Care Provider), which runs "
                "Fernleigh House (the care home).")
    # (one body, the company, under either spelling of its name)
    assert {f.body for f in ex.faults} in ({"Fernleigh House Care Ltd"}, {"Fernleigh House Care Limited"})


def test_a_home_run_by_a_company_is_the_company_and_the_home_means_it(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 031)",
                "Decision : Upheld\nSummary: Mrs B complains about the care her father received at Willow Rise, a care home "
                "run by Fernleigh Care Ltd, and about the Council. Willow Rise did not follow his care plan, which was fault. "
                "The home has agreed to pay Mrs B £300.")
    assert "Willow Rise" not in {b.name for b in ex.bodies}
    assert {f.body for f in ex.faults} == {"Fernleigh Care Ltd"}
    assert [(p.payer, p.amount) for p in ex.payments] == [("Fernleigh Care Ltd", 300)]


def test_a_home_in_a_decision_titled_with_a_care_company_is_the_companys(nlp) -> None:
    ex = titled(nlp, "Wrenfield Care Services Ltd (25 999 034)",
                "Decision : Upheld\nSummary: There was fault in how the Home planned Mr T's care after a fall. "
                "The Home has agreed to pay his daughter £250.\n"
                "The complaint\n- Ms R complains about Larkspur Lodge Care Home in Harwell, where her father lived.")
    assert [b.name for b in ex.bodies] == ["Wrenfield Care Services Ltd"]
    assert [(p.payer, p.amount) for p in ex.payments] == [("Wrenfield Care Services Ltd", 250)]
    # ... but a council's decision keeps the home it names as a body of its own
    ex = titled(nlp, "Harwell Borough Council (25 999 035)",
                "Decision : Upheld\nSummary: Larkspur Lodge Care Home did not follow Mr T's care plan, and Wrenfield "
                "Care Services Ltd missed two home care visits, which was fault.\n")
    assert {b.name for b in ex.bodies} >= {"Larkspur Lodge Care Home", "Wrenfield Care Services Ltd"}
    # a company whose name says "Care Home" is still a company
    ex = titled(nlp, "Wrenfield Care Home (2) Limited (25 999 036)",
                "Decision : Upheld\nSummary: There was fault in the care the home gave Mrs M.\n"
                "The complaint\n1. Mrs X complains about the level of care provided to Mrs M at Larkspur Lodge Care Home "
                "(the care home).\n")
    assert [b.name for b in ex.bodies] == ["Wrenfield Care Home (2) Limited"]


def test_a_body_acting_only_in_a_subordinate_clause_is_not_the_one_at_fault(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 033)",
                "Decision : Upheld\nSummary: Mrs D complains about her mother's care at Ash Lodge Nursing Home. "
                "The Council did not review her care plan after the move, although the home reported that it could not "
                "keep her safe. That was fault.")
    assert {f.body for f in ex.faults} == {"Harwell Borough Council"}


@pytest.mark.parametrize("reason", [
    "We have seen too little sign of fault by the Council to justify investigating.",
    "With no real sign of fault, an investigation is not justified.",
    "There is not enough evidence of fault to warrant an investigation.",
])
def test_too_little_sign_of_fault_is_no_fault(nlp, reason: str) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 034)",
                f"Decision : Closed after initial enquiries\nSummary: We will not investigate Mr E's complaint about a pothole. {reason}")
    assert ex.fault_found is False and ex.faults == []


def test_a_summary_with_an_agreed_remedy_found_fault_when_no_outcome_is_given(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 035)",
                "Summary: Mrs F complained about her son's supported living service. The Council arranged a placement "
                "for him that was unsuitable for someone with epilepsy. The Council has agreed to apologise and pay "
                "Mrs F £500.")
    assert ex.fault_found is True
    assert ("Harwell Borough Council", "commissioning") in {(f.body, f.category) for f in ex.faults}


@pytest.mark.parametrize("remedy, found", [
    ("The Council agreed to review his placement. It agreed to pay Mrs F £500.", True),
    ("It should also apologise and pay Mrs F £500.", True),
    ("The Council needs to apologise to Mrs F.", True),
    ("The Council will also make a symbolic payment to Mrs F.", True),
    ("The Council agreed to the Ombudsman's recommendations to apologise and review the placement.", True),
    ("An apology and a payment to Mrs F are a suitable remedy.", True),
    ("An apology, a payment to Mr and Mrs F for their distress, a referral of the case to the review panel, a review "
     "of the Council's complaints policy and a reminder to its housing officers is satisfactory remedy.", True),
    # a remedy asked for, reported or refused says nothing of what was found
    ("Mrs F says the Council should have paid for the placement.", False),
    ("We will not ask the Council to pay Mrs F.", False),
    ("Mrs F says the Council should pay for the placement.", False),
    ("She believes the Council must pay her costs.", False),
    ("Mrs F says the Council agreed to pay for the placement but did not.", False),
])
def test_a_summary_that_sets_out_a_remedy_found_fault_when_no_outcome_is_given(nlp, remedy: str, found: bool) -> None:
    """Without an outcome, a summary's plain-words failures are findings when it sets out a
    remedy for them: the Ombudsmen ask for one only where they found fault."""
    ex = titled(nlp, "Harwell Borough Council (25 999 036)",
                "Summary: Mrs F complained about her son's supported living service. The Council arranged a placement "
                f"for him that was unsuitable for someone with epilepsy. {remedy}")
    faults = {(f.body, f.category) for f in ex.faults}
    assert (("Harwell Borough Council", "commissioning") in faults) is found
    assert (ex.fault_found is True) is found


@pytest.mark.parametrize("body", [
    # "the home" is somebody's house when the decision names no care home
    "Summary: Mr C complained about repairs. The Council did not inspect the home for four months, which was "
    "fault. The Council has agreed to pay Mr C £200.",
    # a school the complaint section names as background is not complained about
    "Summary: Mrs L complained the Council delayed her son's education, health and care plan. We found fault.\n"
    "The complaint\nMrs L's son attends Elmbrook Primary School. The Council took 30 weeks to issue his plan.",
    # "the hospital admissions" are a person's stays, not a hospital complained about
    "Summary: Mr D complained about his mother's care. We found fault.\n"
    "The complaint\nMr D says his mother was frightened by the hospital admissions.",
])
def test_a_place_named_in_passing_is_not_a_body(nlp, body: str) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 032)", f"Decision : Upheld\n{body}")
    assert [b.name for b in ex.bodies] == ["Harwell Borough Council"]


def test_a_home_named_by_its_description_is_found_by_name_later(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 037)",
                "Decision : Upheld\nSummary: Mr N complained about his mother's care at Tansley House, a nursing home the "
                "Council had placed her in. Staff at Tansley House did not follow her falls care plan. "
                "The home has agreed to pay Mr N £300.")
    assert ("Tansley House", "care_quality") in {(f.body, f.category) for f in ex.faults}
    assert [(p.payer, p.amount) for p in ex.payments] == [("Tansley House", 300)]


@pytest.mark.parametrize("complaint", [
    "Mr X complains about Harwell Council (the Council) and NHS Kelworth Integrated Care Board (the ICB) - "
    "formerly Kelworth CCG. He says they delayed his care.",
    "Mr X complains about his care funding by NHS Kelworth ICB (formerly the CCG) and Harwell Council (the "
    "Council). He says the CCG delayed it.",
    "Mr X complains Harwell Council (the Council) and NHS Kelworth Integrated Care Board (the ICB, formerly known "
    "as Kelworth Clinical Commissioning Group) delayed his care.",
])
def test_a_former_name_is_the_same_body(nlp, complaint: str) -> None:
    title = "Harwell Council (24 999 001)"
    ex = extract_one(record(f"{title}\nDecision : Upheld\nSummary: {complaint}\n", title=title), nlp)
    assert sorted(b.body_type for b in ex.bodies) == ["council", "icb"]


@pytest.mark.parametrize("title, name", [
    ("Transport for Kelworth (24 999 892)", "Transport for Kelworth"),
    ("St Aldric's Catholic College, Harwell-on-Sea (24 999 688)", "St Aldric's Catholic College, Harwell-on-Sea"),
])
def test_an_lgsco_title_names_the_body_whatever_its_name(nlp, title: str, name: str) -> None:
    ex = titled(nlp, title, "Summary: Mr X complained he was not refunded for a travel pass. We found fault.\n")
    assert [b.name for b in ex.bodies] == [name]


def test_a_titled_company_keeps_its_title_name_beside_its_trading_name(nlp) -> None:
    ex = titled(nlp, "Ashby Care Ltd (24 999 636)", "Summary: Ms X complained about the Care Provider. We found fault.\n\n"
                "The complaint\n\n  1. Ms X complains about the service of Ashby Care Ltd trading as Kelworth Homecare, "
                "which I shall refer to as the Care Provider.\n")
    assert [b.name for b in ex.bodies] == ["Ashby Care Ltd"]


def test_an_anonymised_short_form_is_the_body_it_follows(nlp) -> None:
    ex = titled(nlp, "London Borough of Harwell & Kelworth (18 999 261)",
                "Summary: Mrs B complained that Council Y failed to pay her the correct rate of fostering allowance when "
                "she moved to Council Z. I agree there was fault by Council Y.\n\nThe complaint\n\n  1. Mrs B complains "
                "that the London Borough of Ashby (Council Y) wrongly paid her a lower rate of fostering allowance.\n")
    assert {b.name for b in ex.bodies} == {"London Borough of Harwell & Kelworth", "London Borough of Ashby"}
    assert {f.body for f in ex.faults} == {"London Borough of Ashby"}


def test_a_title_that_says_nothing_of_its_kind_is_the_care_provider_the_text_speaks_of(nlp) -> None:
    ex = titled(nlp, "Kindly Hands Ottley (23 999 277)",
                "Category : Adult care services > Domiciliary care\n\nDecision : Upheld\n\nSummary: Mrs X complained "
                "about the actions of the care provider. We find the care provider was at fault for poor communication "
                "between teams.\n")
    assert [(b.name, b.body_type) for b in ex.bodies] == [("Kindly Hands Ottley", "care_provider")]
    assert {(f.body, f.category) for f in ex.faults} == {("Kindly Hands Ottley", "communication")}
    # a care provider the text names keeps "the care provider" for itself
    ex = titled(nlp, "Transport for Kelworth (24 999 893)",
                "Summary: Mr X complained about Ottley Care Ltd, the care provider, and the travel pass. We found fault.\n")
    assert ("Transport for Kelworth", "other") in {(b.name, b.body_type) for b in ex.bodies}


def test_the_author_of_guidance_the_complaint_cites_is_no_body(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (19 999 774)",
                "Summary: Mr A complained that enforcement agents acting for the Council failed to comply with the "
                "Taking Control of Goods: National Standards published by the Ministry of Justice.\n")
    assert [b.name for b in ex.bodies] == ["Harwell Borough Council"]


def test_a_body_a_list_names_takes_the_kind_another_sentence_gives_it(nlp) -> None:
    ex = titled(nlp, "Harwell Borough Council (24 999 590)",
                "Summary: Mrs M complained about Harwell Borough Council (the Council) and Ottley House, the home where "
                "her daughter lived.\nThe complaint\n1. The Council placed her daughter at Ottley House, a residential "
                "home for adults with learning disabilities.\n")
    assert ("Ottley House", "care_provider") in {(b.name, b.body_type) for b in ex.bodies}


@pytest.mark.parametrize("title, summary, names", [
    # a title naming a school and its place; the text leaves the place out
    ("St Aldric's Catholic College, Harwell-on-Sea (24 999 688)",
     "Mr X complained about the refusal of a place at St Aldric's Catholic College (the School).",
     ["St Aldric's Catholic College, Harwell-on-Sea"]),
    # a school found by its ending, the title adding a first word and its place
    ("All Saints Catholic High School, Kelworth (24 999 689)",
     "Ms Y complained about the appeal panel for a place at All Saints Catholic High School.",
     ["All Saints Catholic High School, Kelworth"]),
    # a title that shortens the name the text gives
    ("Kelworth Health NHS (23 999 538)",
     "Ms X complained about Harwell County Council and Kelworth Health NHS Foundation Trust. We found the Trust "
     "delayed her discharge, which was fault.", ["Harwell County Council", "Kelworth Health NHS Foundation Trust"]),
    # a council the text calls a borough, the title a city: the title's name
    ("Kelworth-on-Sea City Council (19 999 393)",
     "Mrs D complained that Kelworth-on-Sea Borough Council did not assess her son. We found fault.",
     ["Kelworth-on-Sea City Council"]),
    # a number in brackets inside a company's name
    ("Larchmead Care Home (2) Limited (19 999 419)",
     "The care provider should have told Mrs F what the fees covered, which was fault.", ["Larchmead Care Home (2) Limited"]),
    # a title's school whose first word the text's pattern leaves out, its initials joined up there
    ("All Martyrs R C High School (21 999 578)",
     "Mrs K complains about an appeal for a place at All Martyrs RC High School. The School was at fault.",
     ["All Martyrs R C High School"]),
])
def test_the_body_a_title_names_however_the_text_writes_it(nlp, title: str, summary: str, names: list[str]) -> None:
    ex = titled(nlp, title, f"Summary: {summary}\n")
    assert sorted(b.name for b in ex.bodies) == names


def test_a_name_defined_in_the_background_is_known_in_the_remedy(nlp) -> None:
    """Names are read in the text's order, whichever sections spaCy reads."""
    text = ("P-000125 - Harwell Hospitals NHS Foundation Trust\n\nThe Complaint:\nMr Y complains about his wife's care.\n"
            "Background:\nMrs Y was treated at Harwell Hospitals NHS Foundation Trust (HH Trust) in 2019.\n"
            "Our Decision:\nWe found failings in HH Trust's care of Mrs Y. We uphold this complaint.\n"
            "Recommendations:\nHH Trust should pay Mr Y £500 for his distress.\n")
    ex = extract_one(record(text, source="phso", reference="P-000125",
                            title="P-000125 - Harwell Hospitals NHS Foundation Trust"), nlp)
    assert [b.name for b in ex.bodies] == ["Harwell Hospitals NHS Foundation Trust"]
    assert [p.payer for p in ex.payments] == ["Harwell Hospitals NHS Foundation Trust"]


@pytest.mark.parametrize("verdict, outcome", [
    ("We have upheld part of her complaint.", "partly_upheld"),
    ("We upheld this part of the complaint.", None),
    ("We partly uphold this complaint.", "partly_upheld"),
    ("For these reasons we decided to partly uphold the complaint.", "partly_upheld"),
    ("We have decided not to uphold the complaint.", "not_upheld"),
    # upheld about one body and not another: partly
    ("We upheld the complaint about the Council but not about the housing association.", "partly_upheld"),
    ("We did not uphold this part of the complaint. We upheld this part of the complaint.", "partly_upheld"),
    ("We did not uphold these parts of the complaint. We upheld this part of the complaint.", "partly_upheld"),
    # a joint decision's verdict, the Ombudsmen's
    ("The Ombudsmen did not uphold the complaint.", "not_upheld"),
])
def test_an_outcome_said_in_words(nlp, verdict: str, outcome: str | None) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 051)", f"Summary: Miss S complained about the housing register. {verdict}\n")
    assert ex.outcome == outcome


def test_a_care_home_the_decision_never_names_is_the_home(nlp) -> None:
    ex = titled(nlp, "Harwell City Council (23 999 989)",
                "Summary: Mrs C had been living in a care home (the Home). Mr D complains about the care provided by "
                "the Home.\n")
    assert sorted(b.name for b in ex.bodies) == ["Harwell City Council", "the home"]


def test_a_care_home_named_only_in_the_title_is_the_body(nlp) -> None:
    """An LGSCO title names the body complained about, even without a company word."""
    title = "Larkmoor House (18 999 017)"
    ex = extract_one(record(f"{title}\nDecision : Upheld\nSummary: The care home charged Mrs C for 28 days after her "
                            "mother's death, which was fault. The care home has agreed to refund £1,512.\n", title=title), nlp)
    assert [(b.name, b.body_type) for b in ex.bodies] == [("Larkmoor House", "care_provider")]
    assert [p.payer for p in ex.payments] == ["Larkmoor House"]


@pytest.mark.parametrize("text, roles", [
    # a short form after "and" is a role mention, the board's full name too
    ("We found delays by both the Council and Integrated Care Board (ICB).", ["the Council", "the Integrated Care Board"]),
    ("The ICB and Council failed to meet.", ["The ICB", "the Council"]),
    # kinds of body, in a list with "a", name none of them
    ("He complained about a Council, Integrated Care Board and a Mental Health Trust.", []),
    # a role word naming what is paid is no body
    ("She wants the ICB to pay interest on the nursing home fees it refunded.", ["the ICB"]),
])
def test_role_mentions_in_a_list(text: str, roles: list[str]) -> None:
    from pipeline.extract.bodies import find_role_mentions

    assert [m.text for m in find_role_mentions(text)] == roles


@pytest.mark.parametrize("body, expected", [
    # a home named in the complaint beside its company is where the care was given, not a second body
    ("Summary: Mr X complained about how Ashdene Care Ltd (the Care Provider) charged his mother for her stay at "
     "Brookfield Nursing Home. There was fault in how the Care Provider told the family about its fees.\n\nThe "
     "complaint\nMr X complains that the Care Provider charged his mother, Mrs Y, for care at Brookfield Nursing Home "
     "after she had left.", ["Ashdene Care Ltd"]),
    # a care home someone went to is a place
    ("Summary: Mr X complained the Council did not review Mrs Y's care needs. We found the Council at fault.\n\nThe "
     "complaint\nMr X also has concerns about Mrs Y's care plan. He says she was unwell when she first went to the "
     "care home.", []),
    # a care home complained about, alone, is a body
    ("Summary: Mrs B complained about the Council and Brookfield Nursing Home. We found fault by the Council in its "
     "assessment of Mrs B's needs.", ["Brookfield Nursing Home"]),
    # ... and where someone moved to is a place
    ("Summary: Mrs P complains the Council did not tell her, when her aunt moved permanently into Brookfield Nursing "
     "Home, that the value of her home would be ignored. We found fault by the Council.", []),
])
def test_which_care_providers_named_in_the_complaint_are_bodies(nlp, body: str, expected: list[str]) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 021)", body)
    assert [b.name for b in ex.bodies if b.body_type == "care_provider"] == expected


@pytest.mark.parametrize("title, name", [
    # small words between capitals end a name in running text, not in a title naming one body
    ("Quicker than a Fox Ltd (18 999 018)", "Quicker than a Fox Ltd"),
    ("Care at Home Services Ltd (18 999 019)", "Care at Home Services Ltd"),
    # initials joined by "&", a company word in capitals, a first word a sentence would drop
    ("B & T Home Care Services LTD (18 999 021)", "B & T Home Care Services LTD"),
    ("All Saints Catholic High School (18 999 022)", "All Saints Catholic High School"),
    # a service word after the care word ends the name, not the care word
    ("Ottley People Homecare Services (18 999 023)", "Ottley People Homecare Services"),
    # a title naming two bodies keeps them two
    ("Harwell Borough Council and Kelworth Care Ltd (18 999 020)", None),
])
def test_a_title_naming_one_body_names_it_in_full(nlp, title: str, name: str | None) -> None:
    ex = extract_one(record(f"{title}\nDecision : Upheld\nSummary: The company was at fault for missed visits.\n", title=title), nlp)
    names = [b.name for b in ex.bodies if b.from_title]
    if name is None:
        assert names == ["Harwell Borough Council", "Kelworth Care Ltd"]
    else:
        assert names == [name]


@pytest.mark.parametrize("summary, fault_found", [
    # not upheld on its merits, said in the summary's own words: no fault, though the page is cut short
    ("Mr G complained the Council refused free school transport. The Council measured the walking route properly. "
     "It was entitled to reach the decision it did.", False),
    # an investigation discontinued decided nothing
    ("The Ombudsman exercised discretion to discontinue the investigation. This is because there is no outstanding "
     "injustice to him even if there was fault.", None),
])
def test_a_cut_short_decision_not_upheld(nlp, summary: str, fault_found) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 010)", f"Summary: {summary}\nThe complaint\n1. Mr G says",
                outcome="Not upheld", truncated=True)
    assert ex.fault_found is fault_found


@pytest.mark.parametrize("words", [
    "Before we decide whether to investigate a complaint in detail, we look at whether there are signs of failings.",
    "We will not investigate this complaint further. We have closed it after our initial enquiries.",
])
def test_a_phso_page_closed_after_initial_enquiries_says_so_in_words(nlp, words: str) -> None:
    ex = extract_one(record(f"The Complaint:\n1. Ms V complains about the Practice.\nFindings:\n2. {words}\n",
                            source="phso", reference="P-000011", title="P-000011 - Marlpit Dental Practice"), nlp)
    assert ex.outcome == "closed_after_initial_enquiries"


@pytest.mark.parametrize("introduced", [
    "Hollybrook Care Group Ltd, which runs Ivybank Nursing Home (the Home)",
    "Ivybank Nursing Home (the Home), a nursing home run by Hollybrook Care Group Ltd",
])
def test_a_home_is_read_as_the_company_that_runs_it(nlp, introduced: str) -> None:
    ex = titled(nlp, "Harwell Borough Council (25 999 011)",
                f"Summary: Mr Z complained about Harwell Borough Council and {introduced}.\nFinal decision\nFindings\n"
                "The Home did not reposition Mrs Z as her care plan required, which was fault. The Home will pay Mr Z £300.\n")
    assert {b.name for b in ex.bodies} == {"Harwell Borough Council", "Hollybrook Care Group Ltd"}
    assert ("Hollybrook Care Group Ltd", "care_quality") in {(f.body, f.category) for f in ex.faults}
    assert [p.payer for p in ex.payments] == ["Hollybrook Care Group Ltd"]


def test_a_title_name_the_text_only_spells_another_way_stays_the_title_name(nlp) -> None:
    ex = titled(nlp, "A P T Care Ltd (25 999 378)",
                "Summary: Mrs B complained APT delayed issuing invoices. We found fault.\n\nThe complaint\n\n"
                "1. Mrs B says APT Care Limited (APT) failed to send invoices for her mother's care on time.")
    assert [b.name for b in ex.bodies] == ["A P T Care Ltd"]


def test_a_one_word_home_defined_as_the_home_is_named_with_its_the() -> None:
    from pipeline.extract.bodies import find_named_bodies
    text = "Mrs P stayed at The Elms (the Home), a respite placement the Council arranged."
    assert [(m.text, m.body_type, m.alias) for m in find_named_bodies(text)] == [("The Elms", "care_provider", "the Home")]


def test_a_title_with_a_trading_name_is_one_body_by_either_name(nlp) -> None:
    ex = titled(nlp, "Living Comforts Ltd aka Home Instead (25 999 966)",
                "Summary: Mrs B complained Living Comforts Ltd did not tell her about a price rise. We found fault.")
    assert [b.name for b in ex.bodies] == ["Living Comforts Ltd aka Home Instead"]


@pytest.mark.parametrize("text, name, alias", [
    ("The Council bought the care from “Helping Hearts”, the “Care Provider”. Mrs D complains.", "Helping Hearts", "the Care Provider"),
    ("It used “Sunny Days Support” (the Agency) to provide care.", "Sunny Days Support", "the Agency"),
])
def test_a_quoted_name_defined_by_its_role_is_a_body(text: str, name: str, alias: str) -> None:
    assert [(m.text, m.alias) for m in find_named_bodies(text)] == [(name, alias)]


@pytest.mark.parametrize("text", [
    "Summary: The Care Provider acting on behalf of the Council failed to visit on time.",
    "It looked into Kestrel Support, a Care Provider acting on behalf of the Council.",
])
def test_a_role_acting_on_behalf_of_the_council_is_no_name(text: str) -> None:
    assert "Care Provider" not in [m.text for m in find_named_bodies(text)]


def test_a_body_that_raised_an_alert_is_not_the_one_that_failed_to_act_on_it(nlp) -> None:
    ex = extract_one(DecisionRecord(source="lgsco", reference="25 999 147", title="Harwell Borough Council (25 999 147)", text=(
        "Harwell Borough Council (25 999 147)\n\nDecision : Upheld\nSummary: There is evidence of fault by the Council. "
        "It failed to act properly on a safeguarding alert made by a Care Provider.\n\nThe complaint\n"
        "1. Mrs J complains about the Council's investigation into Brightside Care Ltd, a care provider acting for the Council.\n")), nlp)
    assert {(f.body, f.category) for f in ex.faults if f.category == "safeguarding"} == {("Harwell Borough Council", "safeguarding")}


def test_a_trust_named_without_nhs_trust_is_the_same_trust(nlp) -> None:
    ex = extract_one(DecisionRecord(source="lgsco", reference="25 999 148", title="Harwell Borough Council (25 999 148)", text=(
        "Harwell Borough Council (25 999 148)\n\nSummary: Mrs B says Harwell Borough Council and Wexley and Marsh University "
        "Hospitals NHS Trust planned her husband's discharge badly.\n\nThe complaint\n1. Mrs B complains about how Harwell "
        "Borough Council (the Council) and Wexley and Marsh University Hospitals (the Trust) discharged her husband.\n")), nlp)
    assert sorted(b.name for b in ex.bodies) == ["Harwell Borough Council", "Wexley and Marsh University Hospitals NHS Trust"]


@pytest.mark.parametrize("text, expected", [
    ("the Council commissioned care agencies, Radis Community Care, “Radis”, and Aston Home Care Limited, “Aston”.",
     [("Radis Community Care", "care_provider"), ("Aston Home Care Limited", "care_provider")]),
    ("The Council employed Aspire Care UK to meet his care needs.", [("Aspire Care UK", "care_provider")]),
    # services, not providers; and a "Care Centre" is no "... Care"
    ("Her Education, Health and Care Plan named the school.", []),
    ("He was referred to Adult Social Care and Continuing Care.", []),
    ("The only home with a vacancy was Linden Reach Care Centre.", []),
])
def test_a_provider_named_by_care_is_a_body(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected

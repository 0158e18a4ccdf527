"""Sections and deadlines, on the structures both publishers use."""
import datetime as dt

import pytest

from pipeline import text as sections
from pipeline.extract import dates


def test_phso_sections(dev_records):
    kinds = [s.kind for s in sections.split_sections(dev_records["P-004644"].text)]
    assert kinds == ["complaint", "background", "role", "findings", "decision", "remedy"]


def test_lgsco_statement_sections(seed_record):
    kinds = [s.kind for s in sections.split_sections(seed_record.text)]
    assert kinds[:3] == ["header", "summary", "complaint"]
    assert "findings" in kinds and "remedy" in kinds and kinds.index("remedy") > kinds.index("findings")


def test_old_remedy_summary_and_compliance_date(dev_records):
    text = dev_records["15 018 561"].text
    assert [s.kind for s in sections.split_sections(text)][-2:] == ["findings", "remedy"]
    assert sections.compliance_text(text) == "28 July 2017"
    assert sections.metadata_lines(text) == {"Category": "Children's care services > Friends and family carers",
                                             "Decision": "Upheld", "Decision date": "08 Dec 2016"}


def test_topic_subheadings_after_the_law_inside_what_i_found_are_findings():
    text = ("Harwell Borough Council (25 999 116)\nSummary\nMrs B complained.\nWhat I found\nLaw and guidance\n"
            "- Councils must assess young people before they turn 18.\nTransition planning\n"
            "- The Council did not start the assessment until he was 18.\nAgreed action\n- The Council will apologise.\n")
    kinds = [(s.kind, s.heading) for s in sections.split_sections(text)]
    assert kinds[-3:] == [("role", "Law and guidance"), ("findings", "Transition planning"), ("remedy", "Agreed action")]


def test_template_sections_after_the_decision_are_not_read_as_it():
    """What was not investigated, the law and a remedy under the publishers' other wordings
    of their template headings open their own sections; unknown, their text would stay in
    the decision or the findings before them."""
    text = ("Harwell Borough Council (25 999 117)\nSummary\nMrs B complained.\nWhat I found\nThe Council delayed.\n"
            "Relevant law, guidance and policy\nCouncils must assess carers.\nFinal decision\nI find fault.\n"
            "Parts of the complaint that I did not investigate\nThe Council did not reply to the MP.\n"
            "Our recommendations\nThe Council should apologise.\nComments on the draft decision\nThe Council agreed.\n")
    kinds = [(s.kind, s.heading) for s in sections.split_sections(text)]
    assert [k for k, _ in kinds] == ["header", "summary", "findings", "role", "decision", "role", "remedy", "other"]


def test_metadata_on_one_line():
    text = "Thurrock Council (24 005 280)\n\nCategory : Health > Assessment and funding\n\nDecision : Closed after initial enquiries\n"
    assert sections.metadata_lines(text)["Decision"] == "Closed after initial enquiries"


# A decision as an export that dropped its line breaks gives it: one line. (Written for
# this test in the LGSCO template.)
FLAT_STATEMENT = (
    "Harwell Borough Council (25 999 118) Category : Adult care services > Assessment and care plan "
    "Decision : Upheld Decision date : 14 Jan 2026 The Ombudsman's final decision: Summary: Mrs B complained "
    "the Council delayed her care assessment. We found fault and the Council has agreed to pay £300. "
    "The complaint 1. Mrs B complains the Council took eight months to assess her needs. She says the NHS "
    "Complaint Standards were not followed. Back to top The Ombudsman's role and powers 1. We investigate "
    "complaints about fault. The law allows us to recommend a remedy. What I found Background 2. Mrs B asked "
    "for an assessment in March 2025. Analysis 3. The Council took eight months to assess Mrs B. That was "
    "fault. Agreed action 4. Within one month of the final decision the Council will pay Mrs B £300. "
    "What we found 5. This paragraph of the remedy opens with a findings heading's words. "
    "Final decision 6. I have completed my investigation."
)


def test_a_flattened_text_gets_its_headings_back_at_the_same_offsets():
    restored = sections.with_line_breaks(FLAT_STATEMENT)
    assert len(restored) == len(FLAT_STATEMENT)
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(FLAT_STATEMENT, restored))
    parts = sections.split_sections(FLAT_STATEMENT)
    assert [(s.kind, s.heading) for s in parts] == [
        ("header", ""), ("summary", "Summary"), ("complaint", "The complaint"),
        ("role", "The Ombudsman's role and powers"), ("background", "Background"), ("findings", "Analysis"),
        ("remedy", "Agreed action"), ("decision", "Final decision")]
    # the offsets are the original text's: each section holds its own words
    by_kind = {s.kind: FLAT_STATEMENT[s.start:s.end] for s in parts}
    assert by_kind["summary"].startswith("Summary: Mrs B complained")
    assert "NHS Complaint Standards" in by_kind["complaint"]         # a word before it: not a heading
    assert "The law allows" in by_kind["role"]                       # a small word after it: not a heading
    assert "What we found 5." in by_kind["remedy"]                   # after the remedy only its like follow
    assert sections.metadata_lines(FLAT_STATEMENT) == {
        "Category": "Adult care services > Assessment and care plan", "Decision": "Upheld", "Decision date": "14 Jan 2026"}


def test_a_flattened_title_ends_at_its_reference_whatever_brackets_the_name_holds():
    text = "Harwell Care (Opco) Limited (25 999 120) Summary: The care home did not record Mrs B's falls, which was fault."
    assert sections.with_line_breaks(text).split("\n")[0] == "Harwell Care (Opco) Limited (25 999 120)"


def test_a_text_with_its_line_breaks_is_left_as_it_is():
    text = "Harwell Borough Council (25 999 119)\nSummary\nMrs B complained. The complaint Mrs B said more.\nWhat I found\n"
    assert sections.with_line_breaks(text) is text
    assert sections.with_line_breaks("The Council was at fault.") == "The Council was at fault."


@pytest.mark.parametrize("period, start, due", [
    ("one month", dt.date(2016, 12, 20), dt.date(2017, 1, 20)),
    ("three months", dt.date(2026, 1, 20), dt.date(2026, 4, 20)),
    ("1 month", dt.date(2025, 1, 31), dt.date(2025, 2, 28)),     # calendar month, clipped
    ("four weeks", dt.date(2026, 1, 19), dt.date(2026, 2, 16)),
    ("20 working days", dt.date(2025, 1, 20), dt.date(2025, 2, 17)),  # weekends skipped
])
def test_relative_periods(period, start, due):
    assert dates.resolve_period(period, start) == due


@pytest.mark.parametrize("written, day", [
    ("29 October 2025", dt.date(2025, 10, 29)), ("2nd January 2026", dt.date(2026, 1, 2)),
    ("18 02 26", dt.date(2026, 2, 18)), ("31 February 2025", None),
])
def test_written_dates(written, day):
    assert dates.parse_date(written) == day


def test_relative_deadline_resolved_from_decision_date(dev_records, nlp):
    from pipeline.extraction import extract_one

    ex = extract_one(dev_records["P-004641"], nlp)
    assert {(d.due_date, d.due_text) for d in ex.deadlines} == {
        (dt.date(2026, 2, 16), "within four weeks of the date of our final report"),
        (dt.date(2026, 4, 19), "within three months of the date of our final report"),
    }


def test_due_date_prefers_the_written_date_and_counts_a_period_from_the_decision():
    decided = dt.date(2025, 1, 31)
    assert dates.due_date("13 May 2025", "one month", decided) == dt.date(2025, 5, 13)
    assert dates.due_date(None, "one month", decided) == dt.date(2025, 2, 28)
    assert dates.due_date(None, "one month", None) is None  # no decision date: nothing to count from
    assert dates.due_date(None, None, decided) is None

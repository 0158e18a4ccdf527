"""The model case: joint LGSCO/PHSO decision 23 011 903a (../shared/seeds/000_*.txt).

Three bodies, each given its own remedies: the ICB pays £750 and £250 along with £500 it
had already offered; the Council £750 with £500 already offered; the Agency £2,000.
Apologies and payments are due by 29 October 2025 and service improvements by 2 January
2026, for each of the three bodies.
"""
import datetime as dt
from collections import Counter
from decimal import Decimal

ICB = "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board"
COUNCIL = "Milton Keynes Council"
AGENCY = "First Option Healthcare"


def test_three_bodies_with_types(seed_extraction):
    types = {b.name: b.body_type for b in seed_extraction.bodies}
    assert types == {ICB: "icb", COUNCIL: "council", AGENCY: "care_provider"}


def test_each_body_at_fault(seed_extraction):
    assert {b.name for b in seed_extraction.bodies if b.at_fault} == {ICB, COUNCIL, AGENCY}
    assert seed_extraction.fault_found is True


def test_payments_by_payer_and_status(seed_extraction):
    got = Counter((p.payer, p.amount, p.status) for p in seed_extraction.payments)
    assert got == Counter({
        (ICB, Decimal(750), "recommended"): 1,
        (ICB, Decimal(250), "recommended"): 1,
        (ICB, Decimal(500), "previously_offered"): 1,
        (COUNCIL, Decimal(750), "recommended"): 1,
        (COUNCIL, Decimal(500), "previously_offered"): 1,
        (AGENCY, Decimal(2000), "recommended"): 1,
    })


def test_payment_remedying_complaint_handling_is_linked_to_it(seed_extraction):
    [p750] = [p for p in seed_extraction.payments if p.payer == ICB and p.amount == 750]
    assert p750.fault_categories == ["complaint_handling"]
    assert "distress" in p750.purposes


def test_deadlines_for_each_body(seed_extraction):
    got = {(d.body, d.due_date) for d in seed_extraction.deadlines}
    expected = {(body, day) for body in (ICB, COUNCIL, AGENCY)
                for day in (dt.date(2025, 10, 29), dt.date(2026, 1, 2))}
    assert got == expected


def test_first_deadline_is_for_apology_and_payment(seed_extraction):
    first = [d for d in seed_extraction.deadlines if d.body == AGENCY and d.due_date == dt.date(2025, 10, 29)][0]
    assert {"apology", "payment"} <= set(first.actions)
    assert first.due_text == "by 29 October 2025"


def test_every_row_traces_to_its_sentence(seed_record, seed_extraction):
    rows = seed_extraction.faults + seed_extraction.payments + seed_extraction.deadlines
    assert rows
    for row in rows:
        prov = row.provenance
        assert seed_record.text[prov.start:prov.end].strip() == prov.sentence

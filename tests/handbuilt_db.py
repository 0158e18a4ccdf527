"""A small database written by hand, for the analysis, report and similar-case tests.

Five decisions whose right answers can be worked out on paper (test_analysis.py does):

- lgsco:21 000 001 (2021-06-01): NHS Foo CCG (succeeded by NHS Foo ICB) and Barset
  Borough Council (canonical: Barset Council) at fault for commissioning; it pays
  £500 (CCG) and £300 (council); satisfied 2021-09-01 (92 days); remedies (not in
  `deadlines`): the CCG's apology due 2021-07-01 and an undated report-back.
- lgsco:23 000 002 (2023-03-10): NHS Foo ICB at fault for commissioning and delay, Acme
  Care Ltd for provider oversight; £1,000 (ICB, commissioning + delay), £200 (Acme);
  a deadline 2023-04-10; satisfied 2023-04-09 (30 days).
- lgsco:23 000 003 (2023-08-01): Barset Council at fault for commissioning and delay, and
  for complaint handling in a finding that names no body; "the council" (a generic name,
  not at fault) also has a complaint-handling finding.
- phso:P-000004 (2024-01-15): Wessex NHS Trust at fault for care quality; it pays £2,000
  (the payment names no payer); deadlines 2024-02-15 and 2024-03-15.
- lgsco:24 000 005 (2024-05-01): "the council" at fault for complaint handling; £150
  linked to no fault category; a deadline 2024-06-01 and one without a date.
"""
from __future__ import annotations

from pathlib import Path

from pipeline import db
from pipeline.records import DecisionRecord

FOO_CCG = "NHS Foo Clinical Commissioning Group"
FOO_ICB = "NHS Foo Integrated Care Board"

DECISIONS = [
    # decision_id, source, reference, date, compliance_date, outcome
    ("lgsco:21 000 001", "lgsco", "21 000 001", "2021-06-01", "2021-09-01", "upheld"),
    ("lgsco:23 000 002", "lgsco", "23 000 002", "2023-03-10", "2023-04-09", "upheld"),
    ("lgsco:23 000 003", "lgsco", "23 000 003", "2023-08-01", None, "upheld"),
    ("phso:P-000004", "phso", "P-000004", "2024-01-15", None, "upheld"),
    ("lgsco:24 000 005", "lgsco", "24 000 005", "2024-05-01", None, "upheld"),
]

BODIES = [
    # decision_id, name, canonical_name, body_type, at_fault, successor_name
    ("lgsco:21 000 001", FOO_CCG, "NHS Foo CCG", "ccg", True, FOO_ICB),
    ("lgsco:21 000 001", "Barset Borough Council", "Barset Council", "council", True, None),
    ("lgsco:23 000 002", FOO_ICB, FOO_ICB, "icb", True, None),
    ("lgsco:23 000 002", "Acme Care Ltd", "Acme Care Ltd", "care_provider", True, None),
    ("lgsco:23 000 003", "Barset Council", "Barset Council", "council", True, None),
    ("lgsco:23 000 003", "the council", "the council", "council", False, None),
    ("phso:P-000004", "Wessex NHS Trust", "Wessex NHS Trust", "nhs_trust", True, None),
    ("lgsco:24 000 005", "the council", "the council", "council", True, None),
]

FAULTS = [
    # decision_id, body, category
    ("lgsco:21 000 001", FOO_CCG, "commissioning"),
    ("lgsco:21 000 001", "Barset Borough Council", "commissioning"),
    ("lgsco:23 000 002", FOO_ICB, "commissioning"),
    ("lgsco:23 000 002", FOO_ICB, "delay"),
    ("lgsco:23 000 002", "Acme Care Ltd", "provider_oversight"),
    ("lgsco:23 000 003", "Barset Council", "commissioning"),
    ("lgsco:23 000 003", "Barset Council", "delay"),
    ("lgsco:23 000 003", None, "complaint_handling"),
    ("lgsco:23 000 003", "the council", "complaint_handling"),
    ("phso:P-000004", "Wessex NHS Trust", "care_quality"),
    ("lgsco:24 000 005", "the council", "complaint_handling"),
]

PAYMENTS = [
    # decision_id, payer, amount, fault_categories
    ("lgsco:21 000 001", FOO_CCG, 500, ["commissioning"]),
    ("lgsco:21 000 001", "Barset Borough Council", 300, ["commissioning"]),
    ("lgsco:23 000 002", FOO_ICB, 1000, ["commissioning", "delay"]),
    ("lgsco:23 000 002", "Acme Care Ltd", 200, ["provider_oversight"]),
    ("phso:P-000004", None, 2000, ["care_quality"]),
    ("lgsco:24 000 005", "the council", 150, []),
]

DEADLINES = [
    # decision_id, body, due_date, due_text, actions
    ("lgsco:23 000 002", FOO_ICB, "2023-04-10", "within one month", ["apology", "payment"]),
    ("phso:P-000004", "Wessex NHS Trust", "2024-02-15", "within one month", ["apology", "payment"]),
    ("phso:P-000004", "Wessex NHS Trust", "2024-03-15", "within two months", ["service_improvement"]),
    ("lgsco:24 000 005", "the council", "2024-06-01", "within one month", ["payment"]),
    ("lgsco:24 000 005", "the council", None, "promptly", ["apology"]),
]

# The same deadlines as remedy actions (deadlines_due and compliance read these), one per
# kind and body; plus an undated report-back, and the CCG's apology due before the
# Ombudsman was satisfied with 21 000 001 (listed as the ICB's, and only before that day).
REMEDIES = [
    # decision_id, body (canonical), kind, for_whom, theme, due_date, due_text
    ("lgsco:21 000 001", "NHS Foo CCG", "apology", "complainant", None, "2021-07-01", "within one month"),
    ("lgsco:21 000 001", "Barset Council", "report_back", "complainant", None, None, None),
    ("lgsco:23 000 002", FOO_ICB, "apology", "complainant", None, "2023-04-10", "within one month"),
    ("lgsco:23 000 002", FOO_ICB, "payment", "complainant", None, "2023-04-10", "within one month"),
    ("phso:P-000004", "Wessex NHS Trust", "payment", "complainant", None, "2024-02-15", "within one month"),
    ("phso:P-000004", "Wessex NHS Trust", "apology", "complainant", None, "2024-02-15", "within one month"),
    ("phso:P-000004", "Wessex NHS Trust", "service_improvement", "others", "policy_review", "2024-03-15", "within two months"),
    ("lgsco:24 000 005", "the council", "payment", "complainant", None, "2024-06-01", "within one month"),
    ("lgsco:24 000 005", "the council", "apology", "complainant", None, None, "promptly"),
]

# Texts for similar-case search: two about commissioning home care, two about a
# hospital discharge, one about bins. Headings as the publishers write them.
TEXTS = {
    "lgsco:21 000 001": """Summary
The CCG and the council did not commission a suitable home care provider for Mrs X.
What I found
The CCG failed to commission home care and did not find a suitable care provider. The council
did not arrange a suitable care package. This was fault. The care agency visits were missed.
Final decision
I find fault in commissioning home care causing injustice.""",
    "lgsco:23 000 002": """Summary
The ICB delayed commissioning home care and did not oversee the care provider.
What I found
The ICB failed to commission a suitable home care provider for months and the care agency
visits were missed. The ICB did not monitor the care provider contract. This was fault.
Final decision
Fault in commissioning home care and oversight of the provider caused injustice.""",
    "lgsco:23 000 003": """Summary
The council missed bin collections repeatedly.
What I found
The council failed to collect the recycling bins and garden waste on many weeks. This was fault.
Final decision
Fault in waste collection services.""",
    "phso:P-000004": """The Complaint:
Mr Y complained about his discharge from hospital.
Findings:
The Trust discharged Mr Y from the ward without a discharge plan and without medication.
Nursing staff did not check his observations before discharge. This was a failing.
Our Decision:
We uphold the complaint about the unsafe hospital discharge.""",
    "lgsco:24 000 005": """Summary
Unsafe hospital discharge without a care plan.
What I found
The discharge from hospital went ahead without a discharge plan or medication on the ward.
Final decision
Fault in discharge planning.""",
}


def build(path: Path):
    """Create the database at `path` and return an open (writable) connection."""
    con = db.connect(path)
    db.store_records(con, [DecisionRecord(source=s, reference=ref, text=TEXTS[did], decision_date=date,
                                          url=f"https://example.org/decisions/{ref.replace(' ', '-')}",
                                          title=f"Decision {ref} <b>&</b>")
                           for did, s, ref, date, _, _ in DECISIONS])
    con.executemany(
        "INSERT INTO decisions VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), year(CAST(? AS DATE)), 'Adult care', ?, true, "
        "CAST(? AS DATE), false, 'sha', 'test', now())",
        [(did, s, ref, f"https://example.org/decisions/{ref.replace(' ', '-')}", f"Decision {ref} <b>&</b>",
          date, date, outcome, compliance) for did, s, ref, date, compliance, outcome in DECISIONS])
    con.executemany("INSERT INTO bodies VALUES (?, ?, ?, ?, ?, ?)", BODIES)
    con.executemany("INSERT INTO faults VALUES (?, ?, ?, 'a sentence', 0, 10, 'findings')", FAULTS)
    con.executemany("INSERT INTO payments VALUES (?, ?, ?, ['distress'], 'recommended', ?, 'a sentence', 0, 10, 'remedy')",
                    PAYMENTS)
    con.executemany("INSERT INTO deadlines VALUES (?, ?, CAST(? AS DATE), ?, ?, 'a sentence', 0, 10, 'remedy')", DEADLINES)
    con.executemany("INSERT INTO remedies VALUES (?, ?, ?, ?, 'an action', ?, CAST(? AS DATE), ?, NULL, 'a sentence', ?, ?, 'remedy')",
                    [(*r, i * 20, i * 20 + 10) for i, r in enumerate(REMEDIES)])
    return con

"""What an extraction holds: the bodies, faults, payments and deadlines read from one
decision, each row with the sentence it came from (provenance). No spaCy here: the database
layer and the analysis read these types without loading a pipeline."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from pipeline.records import DecisionRecord

if TYPE_CHECKING:
    from pipeline.extract.remedies import Remedy

# A new version marks every stored decision for re-extraction (`db.pending_records`): bump it
# when what the extraction reads changes, and say what changed in CHANGELOG.md.
EXTRACTOR_VERSION = "0.3.31"


@dataclass
class Provenance:
    sentence: str
    start: int  # character offsets of the sentence in the decision text
    end: int
    section: str


@dataclass
class Body:
    name: str
    body_type: str
    canonical_name: str
    at_fault: bool = False
    aliases: set[str] = field(default_factory=set)
    from_title: bool = False
    defined: bool = False  # named with an alias in parentheses


@dataclass
class Fault:
    body: str
    category: str
    provenance: Provenance


@dataclass
class Payment:
    payer: str | None
    amount: Decimal
    purposes: list[str]
    status: str
    fault_categories: list[str]
    provenance: Provenance
    clause: str = ""  # the words that go with the sum in its sentence


@dataclass
class Deadline:
    body: str | None
    due_date: dt.date | None
    due_text: str
    actions: list[str]
    provenance: Provenance


@dataclass
class Extraction:
    record: DecisionRecord
    decision_date: dt.date | None
    category: str | None
    outcome: str | None
    fault_found: bool | None
    compliance_date: dt.date | None
    bodies: list[Body]
    faults: list[Fault]
    payments: list[Payment]
    deadlines: list[Deadline]
    extractor_version: str = EXTRACTOR_VERSION
    remedies: list[Remedy] = field(default_factory=list)  # pipeline/extract/remedies.py

    @property
    def decision_id(self) -> str:
        return self.record.decision_id

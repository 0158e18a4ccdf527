"""Build ``fault_sentences.jsonl``: labelled sentences for the fault classifier.

Every sentence here was written for this project in the register of published LGSCO and
PHSO decisions. People ("Mrs X", "Mr Y", "C") and bodies ("Northbrook Borough Council",
"Saltmarsh Hospitals NHS Foundation Trust", "Brightwater Care Ltd") are invented. No
sentence is copied from a real decision.

How it works:

* ``GISTS`` holds, per fault category, hand-written descriptions of something going wrong,
  in three grammatical shapes: a verb phrase after "failed to" (``v``), a finite clause with
  its gerund (``c``: "took four months to ...|taking four months to ..."), and a noun
  phrase (``n``: "the delay in issuing the final EHC plan").
* ``FINDING_*`` frames turn a gist into an Ombudsman finding ("The Council was at fault for
  failing to ..."); ``ALLEGATION_*``, ``NO_FAULT_*``, ``REMEDY_*`` and ``HYPOTHETICAL_*``
  frames turn the same gist into a sentence that is *not* a finding, so the classifier has
  to learn the difference from the frame, not from the topic words.
* Hand-written whole sentences (``STANDALONE_*``) add short and unusual findings and the
  background, law, guidance and role text that fills the rest of a decision.

The output is reproducible: ``python data/annotations/make_fault_sentences.py`` with the
fixed seed always writes the same file.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20240611
OUT = Path(__file__).with_name("fault_sentences.jsonl")

CATEGORIES = (
    "delay", "complaint_handling", "communication", "assessment", "decision_making",
    "care_planning", "service_provision", "care_quality", "commissioning",
    "provider_oversight", "joint_working", "safeguarding", "record_keeping",
    "charging_funding",
)

# --- slot fillers -------------------------------------------------------------------------

# (name, plural?) per kind of body. C council, I ICB/CCG, T NHS trust, P care provider,
# G GP practice, J two bodies acting together.
BODIES: dict[str, list[tuple[str, bool]]] = {
    "C": [("the Council", False)] * 6 + [
        ("Northbrook Borough Council", False), ("Eastmere County Council", False),
        ("Ashcombe District Council", False), ("Kelmarsh City Council", False),
        ("the council", False), ("Harwell Metropolitan Borough Council", False)],
    "I": [("the ICB", False)] * 4 + [("the CCG", False)] * 2 + [
        ("NHS Kelworth Integrated Care Board", False), ("Marlford CCG", False),
        ("the Integrated Care Board", False), ("NHS Tollbridge and Weald ICB", False)],
    "T": [("the Trust", False)] * 5 + [
        ("Saltmarsh Hospitals NHS Foundation Trust", False),
        ("Greyfield Community Health NHS Trust", False), ("the hospital", False),
        ("the Ambulance Trust", False), ("Ravensby University Hospitals NHS Trust", False)],
    "P": [("the Care Provider", False)] * 2 + [("the Agency", False)] * 2 + [
        ("the care home", False), ("the Home", False), ("Brightwater Care Ltd", False),
        ("Oakhurst Home Care", False), ("the provider", False),
        ("Fernlea Nursing Home", False)],
    "G": [("the Practice", False), ("the GP practice", False),
          ("Millbrook Surgery", False)],
    "J": [("the Council and the ICB", True), ("the ICB and the Council", True),
          ("both organisations", True), ("the Council and the Trust", True),
          ("the Council and the CCG", True), ("the organisations", True)],
}
PROVIDERS = ["the Agency", "the care provider", "the Care Provider", "Brightwater Care Ltd",
             "the care home", "Oakhurst Home Care", "the home care agency", "the Home"]
# (name, possessive, his/her)
PEOPLE = [("Mr Y", "Mr Y's", "his"), ("Mrs A", "Mrs A's", "her"), ("Miss C", "Miss C's", "her"),
          ("Mr D", "Mr D's", "his"), ("Ms F", "Ms F's", "her"), ("Mr W", "Mr W's", "his"),
          ("Mrs Z", "Mrs Z's", "her"), ("her father", "her father's", "his"),
          ("his mother", "his mother's", "her"), ("Mr P", "Mr P's", "his")]
CHILDREN = [("C", "C's", "his"), ("Y", "Y's", "his"), ("her son", "her son's", "his"),
            ("J", "J's", "her"), ("his daughter", "his daughter's", "her"),
            ("D", "D's", "their"), ("the child", "the child's", "their"),
            ("B", "B's", "her")]
COMPLAINANTS = [("Mrs X", "Mrs X's", "She"), ("Mr X", "Mr X's", "He"), ("Ms B", "Ms B's", "She"),
                ("Miss A", "Miss A's", "She"), ("Mr K", "Mr K's", "He"),
                ("Mrs M", "Mrs M's", "She"), ("Ms H", "Ms H's", "She"),
                ("Mr S", "Mr S's", "He")]
DURATIONS = ["four months", "seven weeks", "more than a year", "eleven months", "28 weeks",
             "several months", "over six months", "nine weeks", "14 months", "two years",
             "five months", "almost a year"]
AMOUNTS = ["150", "200", "250", "300", "400", "500", "750", "1,000", "1,500", "2,000"]
COUNTS = ["12", "31", "eight", "62", "several", "at least 20", "15", "four"]

# --- what went wrong, per category --------------------------------------------------------
# Each gist: (body kinds, shape, text). Shapes: v = verb phrase after "failed to";
# c = "finite clause|gerund"; n = noun phrase. Slots: {P}/{Pp}/{Ph} person, {K}/{Kp}/{Kh}
# child, {X}/{Xp} complainant, {d} duration, {amt} pounds, {n} a count, {prov} a provider,
# {b}/{bp} the body itself (only in noun phrases; such NPs are never framed with the body).

GISTS: dict[str, list[tuple[str, str, str]]] = {
    "delay": [
        ("C", "v", "complete {Kp} EHC needs assessment within the statutory 20 weeks"),
        ("C", "v", "issue {Kp} final EHC plan within the timescale in the regulations"),
        ("C", "v", "complete the annual review of {Kp} EHC plan on time"),
        ("CIJ", "v", "arrange {Pp} care package promptly once {P} was medically fit for discharge"),
        ("C", "v", "carry out the needs assessment without delay"),
        ("I", "v", "complete the continuing healthcare assessment within 28 days"),
        ("C", "v", "decide {Xp} housing application within a reasonable time"),
        ("C", "v", "make a decision on the adaptation within a reasonable period"),
        ("CIJ", "v", "put the agreed support in place without undue delay"),
        ("C", "c", "took {d} to complete {Pp} needs assessment|taking {d} to complete {Pp} needs assessment"),
        ("CIJ", "c", "delayed arranging a care package for {P} by {d}|delaying arranging a care package for {P} by {d}"),
        ("I", "c", "took {d} to decide {Xp} appeal against the eligibility decision|taking {d} to decide {Xp} appeal against the eligibility decision"),
        ("C", "c", "left {K} without a finalised EHC plan for {d}|leaving {K} without a finalised EHC plan for {d}"),
        ("C", "c", "allowed the Disabled Facilities Grant application to drift for {d}|allowing the Disabled Facilities Grant application to drift for {d}"),
        ("CI", "c", "did not start the reassessment until {d} after {X} asked for it|not starting the reassessment until {d} after {X} asked for it"),
        ("T", "c", "kept {P} waiting {d} for the follow-up appointment|keeping {P} waiting {d} for the follow-up appointment"),
        ("C", "c", "was {d} late in issuing the amended plan|being {d} late in issuing the amended plan"),
        ("C", "n", "the delay in completing the EHC needs assessment"),
        ("CIJ", "n", "the delay of {d} in arranging {Pp} care package"),
        ("I", "n", "the delay in carrying out the continuing healthcare assessment"),
        ("C", "n", "{bp} delay in reviewing the housing benefit decision"),
        ("C", "n", "the time taken to decide {Xp} application"),
        ("CIT", "n", "the delay"),
        ("CIT", "n", "this delay"),
        ("C", "n", "the slow progress of the enforcement case"),
        ("CIJ", "n", "the delay in discharging {P} from hospital"),
        ("C", "n", "the delay in finalising {Kp} plan"),
        ("I", "n", "the length of time taken to consider the appeal"),
        ("C", "n", "the late annual review"),
    ],
    "complaint_handling": [
        ("CITP", "v", "respond to {Xp} complaint within its published timescales"),
        ("CI", "v", "respond to the complaint at all until we became involved"),
        ("CITP", "v", "keep {X} informed about the progress of the complaint"),
        ("CITP", "v", "address all the points {X} raised in the complaint"),
        ("C", "v", "escalate the complaint to stage two when {X} asked it to"),
        ("J", "v", "provide a joint response to {Xp} complaint"),
        ("CITP", "v", "properly investigate {Xp} complaint"),
        ("TG", "v", "log {Xp} complaint when it was first made"),
        ("CIT", "c", "took {d} to respond to {Xp} complaint|taking {d} to respond to {Xp} complaint"),
        ("C", "c", "did not reply to {Xp} stage two complaint|not replying to {Xp} stage two complaint"),
        ("CITP", "c", "sent a complaint response that did not answer the questions {X} had asked|sending a complaint response that did not answer the questions {X} had asked"),
        ("CT", "c", "closed the complaint without telling {X}|closing the complaint without telling {X}"),
        ("I", "c", "responded to us, rather than to {X}, {d} after we referred the complaint back|responding to us, rather than to {X}, {d} after we referred the complaint back"),
        ("CIT", "c", "gave no explanation for the delay in its complaint response|giving no explanation for the delay in its complaint response"),
        ("CITP", "n", "{bp} complaint handling"),
        ("CITP", "n", "the handling of {Xp} complaint"),
        ("CITP", "n", "the delay in responding to the complaint"),
        ("CITP", "n", "the way {b} handled {Xp} complaint"),
        ("CITP", "n", "complaint handling"),
        ("CITP", "n", "the complaint response"),
        ("CIT", "n", "the late response to {Xp} complaint"),
        ("J", "n", "the lack of a coordinated complaint response"),
        ("C", "n", "how {b} dealt with the stage two complaint"),
    ],
    "communication": [
        ("CITP", "v", "tell {X} about the change to {Pp} care package"),
        ("CI", "v", "explain to {X} why the support was being reduced"),
        ("TCJ", "v", "involve {X} in decisions about {Pp} discharge"),
        ("CP", "v", "give {X} accurate information about the charges"),
        ("TP", "v", "keep the family updated about {Pp} condition"),
        ("CI", "v", "reply to {Xp} emails and telephone calls"),
        ("T", "v", "discuss {Pp} prognosis with the family in a timely way"),
        ("C", "v", "stay in touch with {X} after the first meeting"),
        ("P", "v", "explain to the family why it was ending the care agreement"),
        ("C", "v", "tell {X} the outcome of the review"),
        ("C", "c", "gave {X} wrong information about {Pp} eligibility for support|giving {X} wrong information about {Pp} eligibility for support"),
        ("CIJ", "c", "gave the family conflicting advice about the placement|giving the family conflicting advice about the placement"),
        ("CI", "c", "told {X} the package would continue when it had already decided to end it|telling {X} the package would continue when it had already decided to end it"),
        ("P", "c", "ended the care agreement without explaining its reasons to the family|ending the care agreement without explaining its reasons to the family"),
        ("C", "c", "sent its letters to an old address|sending its letters to an old address"),
        ("T", "c", "did not tell the family that {P} was dying|not telling the family that {P} was dying"),
        ("C", "c", "gave {X} wrong advice about a parking permit|giving {X} wrong advice about a parking permit"),
        ("CITP", "n", "the poor communication with {X}"),
        ("CITP", "n", "{bp} communication with the family"),
        ("CI", "n", "the way {b} communicated its decision to {X}"),
        ("CIJ", "n", "the conflicting information given to {X}"),
        ("CITP", "n", "the lack of communication"),
        ("C", "n", "the confusing letters about the council tax reduction"),
        ("TP", "n", "the communication with {Pp} family"),
        ("C", "n", "the misleading advice given to {X}"),
        ("T", "n", "the way staff spoke to the family about {Pp} end of life care"),
    ],
    "assessment": [
        ("C", "v", "assess {Pp} care and support needs"),
        ("C", "v", "carry out a carer's assessment for {X}"),
        ("CI", "v", "complete a continuing healthcare checklist for {P}"),
        ("C", "v", "reassess {Pp} needs when {Ph} circumstances changed"),
        ("CI", "v", "consider all of {Pp} needs when it assessed {P}"),
        ("C", "v", "carry out a parent carer's needs assessment"),
        ("C", "v", "properly assess {Kp} special educational needs"),
        ("C", "v", "complete a proper financial assessment for {P}"),
        ("C", "v", "review {Pp} needs each year"),
        ("I", "c", "completed the Decision Support Tool without the evidence from {Pp} nurses|completing the Decision Support Tool without the evidence from {Pp} nurses"),
        ("CI", "c", "assessed {P} without speaking to {X}|assessing {P} without speaking to {X}"),
        ("C", "c", "based its assessment on out-of-date information|basing its assessment on out-of-date information"),
        ("I", "c", "scored the DST domains without evidence to support the scores|scoring the DST domains without evidence to support the scores"),
        ("C", "c", "did not consider {Pp} mental health needs when it assessed {P}|not considering {Pp} mental health needs when it assessed {P}"),
        ("C", "c", "refused to carry out an EHC needs assessment without considering the evidence from {Kp} school|refusing to carry out an EHC needs assessment without considering the evidence from {Kp} school"),
        ("C", "n", "the assessment of {Pp} needs"),
        ("C", "n", "the lack of a carer's assessment"),
        ("I", "n", "the flawed continuing healthcare assessment"),
        ("CI", "n", "the way {b} assessed {Pp} eligibility"),
        ("C", "n", "the failure to assess {Kp} needs"),
        ("C", "n", "the EHC needs assessment"),
        ("C", "n", "the financial assessment"),
        ("I", "n", "the DST"),
        ("C", "n", "the missing parent carer's assessment"),
        ("C", "n", "the review of {Pp} needs"),
        # Added for issue 12: more ways of saying an assessment was missing or flawed.
        ("C", "v", "assess {Pp} needs before deciding what support to offer"),
        ("C", "v", "offer {X} a carer's assessment when {Xs} asked for help"),
        ("CI", "v", "reassess {P} when {Ph} mobility got worse"),
        ("C", "v", "take all of {Pp} needs into account in the assessment"),
        ("CI", "v", "consider {Pp} mental health needs when it assessed {P}"),
        ("I", "v", "complete a continuing healthcare checklist before {P} left hospital"),
        ("C", "v", "look properly at {Kp} needs at the annual review"),
        ("C", "c", "assessed {P} without speaking to {Ph} family|assessing {P} without speaking to {Ph} family"),
        ("C", "c", "completed the assessment by telephone when a visit was needed|completing the assessment by telephone when a visit was needed"),
        ("CI", "c", "ignored the occupational therapist's report when it assessed {P}|ignoring the occupational therapist's report when it assessed {P}"),
        ("I", "c", "scored {Pp} behaviour domain too low in the DST|scoring {Pp} behaviour domain too low in the DST"),
        ("C", "c", "reviewed {Pp} needs without meeting {P}|reviewing {Pp} needs without meeting {P}"),
        ("C", "c", "assessed {Xp} housing needs without looking at the medical evidence|assessing {Xp} housing needs without looking at the medical evidence"),
        ("C", "c", "re-assessed {Kp} needs using reports that were two years old|re-assessing {Kp} needs using reports that were two years old"),
        ("C", "n", "how {b} assessed {Pp} needs"),
        ("CI", "n", "the way {b} reviewed {Pp} needs"),
        ("I", "n", "{bp} assessment of {Pp} eligibility"),
        ("C", "n", "the quality of the needs assessment"),
        ("CI", "n", "the reassessment of {Pp} needs"),
        ("C", "n", "the assessment of {Xp} housing needs"),
        ("C", "n", "the assessment process"),
        ("C", "n", "{bp} consideration of {Pp} eligible needs"),
    ],
    "decision_making": [
        ("CI", "v", "properly consider {Xp} appeal"),
        ("CI", "v", "explain why it decided to reduce {Pp} support"),
        ("CI", "v", "consider the evidence {X} provided before reaching its decision"),
        ("C", "v", "follow its own policy when deciding the application"),
        ("C", "v", "give proper reasons for refusing home to school transport"),
        ("C", "v", "consider whether to use its discretion"),
        ("C", "v", "check whether the tuition it offered was suitable for {K}"),
        ("I", "v", "follow the recommendations of the independent assessment"),
        ("I", "v", "consider the effect of its decision on {Pp} family"),
        ("I", "c", "reduced {Pp} night-time support without a recorded rationale|reducing {Pp} night-time support without a recorded rationale"),
        ("C", "c", "refused the application without considering the medical evidence|refusing the application without considering the medical evidence"),
        ("C", "c", "applied a blanket policy instead of considering {Pp} circumstances|applying a blanket policy instead of considering {Pp} circumstances"),
        ("C", "c", "fettered its discretion when it refused the request|fettering its discretion when it refused the request"),
        ("C", "c", "wrongly refused {K} transport to school|wrongly refusing {K} transport to school"),
        ("C", "c", "gave {Xp} application the wrong priority date|giving {Xp} application the wrong priority date"),
        ("CI", "c", "decided to end the package without weighing the risks to {P}|deciding to end the package without weighing the risks to {P}"),
        ("CI", "n", "the decision to reduce {Pp} care package"),
        ("CI", "n", "the way {b} reached its decision"),
        ("CI", "n", "{bp} decision-making"),
        ("C", "n", "the decision to refuse the application"),
        ("C", "n", "how {b} decided {Xp} priority date"),
        ("CI", "n", "the reasoning behind the decision"),
        ("C", "n", "the way the panel considered {Xp} appeal"),
        ("I", "n", "the decision to reduce the night-time support"),
        ("C", "n", "the decision not to provide school transport"),
        ("CI", "n", "{bp} decision"),
        ("C", "n", "the handling of {Xp} housing application"),
        ("C", "n", "{bp} handling of {Xp} blue badge application"),
        # Added for issue 12: decisions not properly reasoned or not made in line with the rules.
        ("CI", "v", "set out the reasons for what it decided"),
        ("C", "v", "apply the right test when deciding {Xp} application"),
        ("CI", "v", "weigh the evidence {X} sent before it decided"),
        ("C", "v", "take the statutory guidance into account when it refused the request"),
        ("C", "v", "recognise its duty to accommodate {K}"),
        ("CI", "v", "explain how it reached its decision"),
        ("C", "v", "consider {Pp} wishes before deciding where {P} should live"),
        ("C", "v", "consider whether the exceptions in its policy applied to {X}"),
        ("C", "c", "decided the application on the wrong basis|deciding the application on the wrong basis"),
        ("C", "c", "refused the request without looking at {Xp} circumstances|refusing the request without looking at {Xp} circumstances"),
        ("C", "c", "relied on the wrong part of its policy|relying on the wrong part of its policy"),
        ("CI", "c", "made its decision before it had all the information|making its decision before it had all the information"),
        ("CI", "c", "ended the support without saying why|ending the support without saying why"),
        ("C", "c", "treated its policy as a rule with no exceptions|treating its policy as a rule with no exceptions"),
        ("C", "c", "misread the law when it refused {Xp} application|misreading the law when it refused {Xp} application"),
        ("C", "n", "how {b} weighed up {Xp} request"),
        ("CI", "n", "how {b} reached its decision"),
        ("CI", "n", "the reasons given for the decision"),
        ("C", "n", "{bp} consideration of {Xp} request"),
        ("CI", "n", "the basis for the decision"),
        ("C", "n", "the lack of reasons for the refusal"),
        ("C", "n", "the way {b} applied its policy"),
        ("C", "n", "how {b} considered its duties to {K}"),
    ],
    "care_planning": [
        ("CIJ", "v", "agree a contingency plan before {P} went home"),
        ("TJ", "v", "plan {Pp} discharge from hospital properly"),
        ("C", "v", "produce a care and support plan for {P}"),
        ("CP", "v", "review {Pp} care plan when {Ph} needs changed"),
        ("C", "v", "plan {Kp} move from children's to adult services in good time"),
        ("TJ", "v", "make sure {P} had a safe discharge plan"),
        ("P", "v", "update the care plan after {Pp} fall"),
        ("TJ", "v", "hold a discharge planning meeting before {P} left hospital"),
        ("J", "v", "arrange {Pp} move from hospital to a care home in line with the discharge guidance"),
        ("T", "c", "discharged {P} without a plan for {Ph} care at home|discharging {P} without a plan for {Ph} care at home"),
        ("CP", "c", "did not update {Pp} support plan for {d}|not updating {Pp} support plan for {d}"),
        ("C", "c", "left the transition planning until weeks before {K} turned 18|leaving the transition planning until weeks before {K} turned 18"),
        ("T", "c", "discharged {P} late at night with no support in place|discharging {P} late at night with no support in place"),
        ("C", "c", "drew up a support plan that did not reflect the assessed needs|drawing up a support plan that did not reflect the assessed needs"),
        ("TJ", "n", "the discharge planning"),
        ("CIJ", "n", "the lack of a contingency plan"),
        ("T", "n", "{bp} planning for {Pp} discharge"),
        ("T", "n", "the steps taken before {P} was sent home"),
        ("C", "n", "the transition planning"),
        ("CP", "n", "the care plan review"),
        ("T", "n", "the unsafe discharge"),
        ("C", "n", "the support planning"),
        ("C", "n", "the lack of an up-to-date care plan"),
    ],
    "service_provision": [
        ("C", "v", "secure the special educational provision in {Kp} EHC plan"),
        ("C", "v", "provide the care hours set out in {Pp} support plan"),
        ("C", "v", "arrange a full-time education offer for {K}"),
        ("C", "v", "arrange the speech and language therapy in section F of the plan"),
        ("C", "v", "provide the short breaks {K} was assessed as needing"),
        ("C", "v", "provide {X} with suitable temporary accommodation"),
        ("C", "v", "empty {Xp} bins on collection day"),
        ("C", "v", "deliver the support it agreed to provide after the previous complaint"),
        ("C", "v", "provide education for {K} while {Kh} health kept {K} out of school"),
        ("C", "v", "provide the respite the family was entitled to"),
        ("C", "c", "did not deliver the occupational therapy set out in the plan|not delivering the occupational therapy set out in the plan"),
        ("C", "c", "left {X} in unsuitable bed and breakfast accommodation for {d}|leaving {X} in unsuitable bed and breakfast accommodation for {d}"),
        ("C", "c", "stopped {Pp} day centre place without arranging an alternative|stopping {Pp} day centre place without arranging an alternative"),
        ("C", "c", "provided only part of the agreed respite|providing only part of the agreed respite"),
        ("C", "c", "made no alternative provision for {K} for {d}|making no alternative provision for {K} for {d}"),
        ("CP", "c", "provided fewer care hours than the support plan set out|providing fewer care hours than the support plan set out"),
        ("C", "n", "the failure to provide the provision in section F"),
        ("C", "n", "the missed education"),
        ("C", "n", "the loss of short breaks"),
        ("C", "n", "the lack of suitable alternative provision"),
        ("CP", "n", "the shortfall in care hours"),
        ("C", "n", "the lack of education for {K}"),
        ("C", "n", "the failure to provide respite"),
        ("C", "n", "the repeated failure to empty the bins"),
        ("C", "n", "the failure to provide the agreed support"),
        ("P", "c", "could not staff {n} of the planned shifts|being unable to staff {n} of the planned shifts"),
        ("P", "n", "the shifts {b} could not cover"),
    ],
    "care_quality": [
        ("PT", "v", "give {P} {Ph} medication as prescribed"),
        ("PT", "v", "reposition {P} as {Ph} care plan required"),
        ("T", "v", "recognise the signs of sepsis"),
        ("T", "v", "carry out appropriate checks before discharging {P}"),
        ("T", "v", "spot and treat {Pp} bowel obstruction in time"),
        ("P", "v", "attend {Pp} care visits at the agreed times"),
        ("PT", "v", "manage {Pp} pressure sores properly"),
        ("PT", "v", "monitor {Pp} fluid intake"),
        ("TPG", "v", "act on the deterioration in {Pp} condition"),
        ("G", "v", "refer {P} for tests when {Ph} symptoms persisted"),
        ("P", "c", "missed {n} care calls to {P}|missing {n} care calls to {P}"),
        ("P", "c", "cut {Pp} 45-minute calls short|cutting {Pp} 45-minute calls short"),
        ("PT", "c", "made errors with {Pp} medication|making errors with {Pp} medication"),
        ("P", "c", "left {P} without care for over 24 hours|leaving {P} without care for over 24 hours"),
        ("TG", "c", "wrongly diagnosed {P} with a urine infection|wrongly diagnosing {P} with a urine infection"),
        ("T", "c", "did not manage {Pp} pain in line with guidance|not managing {Pp} pain in line with guidance"),
        ("P", "c", "sent carers who did not know how to use the hoist|sending carers who did not know how to use the hoist"),
        ("T", "c", "managed {Pp} low blood sugar in a way that did not follow the guidance|managing {Pp} low blood sugar in a way that did not follow the guidance"),
        ("P", "n", "the missed visits"),
        ("TP", "n", "the care and treatment provided to {P}"),
        ("TP", "n", "the standard of care {P} received"),
        ("PT", "n", "the medication errors"),
        ("P", "n", "the missed calls"),
        ("TG", "n", "the clinical care"),
        ("T", "n", "the management of {Pp} diabetes"),
        ("T", "n", "the nursing care on the ward"),
        ("P", "n", "the personal care the carers gave {P}"),
        ("T", "n", "the treatment {P} received in the emergency department"),
        ("P", "n", "the way {b} provided home care to {P}"),
        ("P", "n", "the home care {P} received"),
    ],
    "commissioning": [
        ("CIJ", "v", "commission a care agency that could meet {Pp} needs"),
        ("C", "v", "find a suitable placement for {K}"),
        ("CIJ", "v", "arrange a suitable provider in time for {Pp} discharge"),
        ("CI", "v", "commission the therapy {K} needed"),
        ("C", "v", "secure a suitable care home placement for {P}"),
        ("CIJ", "v", "commission a package of care that met {Pp} assessed needs"),
        ("CIJ", "v", "make enough effort to commission a suitable service"),
        ("CIJ", "v", "check the agency could meet {Pp} needs before commissioning it"),
        ("CIJ", "c", "commissioned an agency that was not suitable for {P}|commissioning an agency that was not suitable for {P}"),
        ("C", "c", "placed {K} with a provider that could not meet {Kh} needs|placing {K} with a provider that could not meet {Kh} needs"),
        ("CIJ", "c", "relied on an agency that could not recruit enough staff|relying on an agency that could not recruit enough staff"),
        ("CIJ", "c", "did not commission a suitable package for {d}|not commissioning a suitable package for {d}"),
        ("C", "c", "placed {P} in a home that could not manage {Ph} behaviour|placing {P} in a home that could not manage {Ph} behaviour"),
        ("I", "c", "made too few attempts to find a provider for the package|making too few attempts to find a provider for the package"),
        ("CIJ", "n", "the commissioning of {prov}"),
        ("CIJ", "n", "the commissioning of a suitable care package"),
        ("CI", "n", "{bp} commissioning of the care provider"),
        ("C", "n", "the failure to commission a suitable placement"),
        ("CIJ", "n", "the choice of an unsuitable provider"),
        ("CIJ", "n", "the lack of a suitable commissioned service"),
        ("CI", "n", "the commissioning"),
        ("C", "n", "the search for a suitable residential placement"),
        # Added for issue 12: councils and ICBs arranging unsuitable care, or none in time.
        ("CIJ", "v", "source a home care provider for {P} within a reasonable time"),
        ("C", "v", "identify a residential placement able to meet {Pp} needs"),
        ("CIJ", "v", "make sure the nursing home it chose could manage {Pp} dementia"),
        ("C", "v", "secure a specialist placement for {K} before the start of term"),
        ("CIJ", "v", "look beyond its usual providers when none of them could take the package"),
        ("CIJ", "v", "check that the supported living scheme could give {P} the support {Ph} needed"),
        ("CI", "v", "approach providers outside the area when no local agency had capacity"),
        ("CIJ", "v", "arrange care that matched the hours in {Pp} assessment"),
        ("C", "c", "placed {P} in a care home that had no dementia nursing beds|placing {P} in a care home that had no dementia nursing beds"),
        ("CIJ", "c", "chose a provider without checking whether it could meet {Pp} needs|choosing a provider without checking whether it could meet {Pp} needs"),
        ("C", "c", "arranged a placement far from {Pp} family without looking for one nearer|arranging a placement far from {Pp} family without looking for one nearer"),
        ("CIJ", "c", "contracted with an agency that had no staff trained to care for {P}|contracting with an agency that had no staff trained to care for {P}"),
        ("CIJ", "c", "could not find a provider willing to take on the package for {d}|being unable to find a provider willing to take on the package for {d}"),
        ("C", "c", "offered only one home, which could not meet {Pp} needs|offering only one home, which could not meet {Pp} needs"),
        ("CIJ", "c", "moved {P} to a placement that was not suitable|moving {P} to a placement that was not suitable"),
        ("CI", "c", "left {P} in a stopgap placement that did not meet {Ph} needs for {d}|leaving {P} in a stopgap placement that did not meet {Ph} needs for {d}"),
        ("C", "n", "the way {b} arranged {Pp} care home placement"),
        ("CIJ", "n", "how {b} sourced {Pp} home care"),
        ("C", "n", "the choice of placement for {K}"),
        ("CI", "n", "the arrangements {b} made for {Pp} residential care"),
        ("CIJ", "n", "the unsuitable placement"),
        ("CIJ", "n", "the lack of a suitable provider for {d}"),
        ("C", "n", "{bp} efforts to find a suitable care home"),
        ("CI", "n", "the way {b} commissioned {prov}"),
        ("CIJ", "n", "the placement {b} arranged for {P}"),
    ],
    "provider_oversight": [
        ("CIJ", "v", "monitor the care {prov} provided to {P}"),
        ("CIJ", "v", "make sure {prov} delivered the commissioned hours"),
        ("CIJ", "v", "act on the concerns it had about {prov}"),
        ("CI", "v", "review the quality of the service {prov} provided"),
        ("CIJ", "v", "check {prov} covered all the commissioned shifts"),
        ("C", "v", "hold {prov} to the terms of its contract"),
        ("CI", "v", "check {prov} was following the care plan"),
        ("C", "v", "follow up the missed visits with {prov}"),
        ("CIJ", "c", "kept no effective oversight of {prov}|keeping no effective oversight of {prov}"),
        ("CI", "c", "continued to use {prov} despite repeated missed visits|continuing to use {prov} despite repeated missed visits"),
        ("CI", "c", "did not act on the incident reports from {prov}|not acting on the incident reports from {prov}"),
        ("C", "c", "left {prov} to run the package without any contract monitoring|leaving {prov} to run the package without any contract monitoring"),
        ("CIJ", "c", "took no action when {prov} repeatedly failed to staff the package|taking no action when {prov} repeatedly failed to staff the package"),
        ("CIJ", "n", "the lack of oversight of {prov}"),
        ("C", "n", "the contract monitoring"),
        ("CI", "n", "{bp} oversight of {prov}"),
        ("CIJ", "n", "the monitoring of the commissioned provider"),
        ("CIJ", "n", "the lack of oversight"),
        ("C", "n", "{bp} management of the contract with {prov}"),
        ("CI", "n", "the quality monitoring of {prov}"),
        # Added for issue 12.
        ("CIJ", "v", "check the quality of the care it had commissioned for {P}"),
        ("CI", "v", "respond when {prov} told it the package could not be covered"),
        ("C", "v", "review the placement once concerns about {prov} were raised"),
        ("CI", "c", "took the assurances of {prov} at face value|taking the assurances of {prov} at face value"),
        ("C", "c", "paid {prov} for visits it had not checked were made|paying {prov} for visits it had not checked were made"),
        ("C", "n", "the way {b} monitored the placement"),
        ("CI", "n", "{bp} failure to act on the concerns about {prov}"),
    ],
    "joint_working": [
        ("J", "v", "work together to agree who would fund {Pp} care"),
        ("J", "v", "agree a local dispute resolution process"),
        ("C", "v", "share information with the ICB about {Pp} needs"),
        ("J", "v", "hold a joint meeting to plan {Pp} support"),
        ("J", "v", "resolve the funding dispute before it affected {P}"),
        ("J", "v", "coordinate the health and social care parts of the package"),
        ("J", "v", "use the dispute resolution procedure"),
        ("J", "v", "agree a joint package of care"),
        ("CI", "v", "work with the other organisation to meet {Pp} needs"),
        ("J", "c", "argued about who should pay while {P} went without care|arguing about who should pay while {P} went without care"),
        ("J", "c", "passed responsibility for the package back and forth|passing responsibility for the package back and forth"),
        ("C", "c", "did not share its assessment with the Trust|not sharing its assessment with the Trust"),
        ("J", "c", "did not resolve their disagreement about funding for {d}|not resolving their disagreement about funding for {d}"),
        ("J", "c", "assessed {Kp} health and social care needs separately rather than together|assessing {Kp} health and social care needs separately rather than together"),
        ("J", "n", "the lack of joint working"),
        ("J", "n", "the failure of the organisations to work together"),
        ("J", "n", "the funding dispute between the Council and the ICB"),
        ("J", "n", "the poor coordination between health and social care"),
        ("J", "n", "the lack of a dispute resolution process"),
        ("J", "n", "the joint working"),
        ("J", "n", "the lack of joined up working"),
        ("J", "n", "the breakdown in cooperation between the two bodies"),
        # Added for issue 12.
        ("J", "v", "agree which of them would lead on {Pp} care"),
        ("C", "v", "involve the health professionals before changing {Pp} package"),
        ("J", "v", "share what they knew about {Pp} needs with each other"),
        ("J", "c", "each left it to the other to arrange {Pp} support|each leaving it to the other to arrange {Pp} support"),
        ("J", "c", "disagreed for {d} over which of them should fund {Pp} placement|disagreeing for {d} over which of them should fund {Pp} placement"),
        ("J", "n", "the lack of coordination between the two organisations"),
        ("J", "n", "the way the organisations worked with each other"),
        ("J", "n", "the absence of any joint planning"),
    ],
    "safeguarding": [
        ("C", "v", "respond properly to the safeguarding concern about {P}"),
        ("C", "v", "carry out a section 42 enquiry"),
        ("CP", "v", "investigate the allegation that {P} had been harmed"),
        ("P", "v", "report the unexplained bruising to the safeguarding team"),
        ("C", "v", "take action to protect {P} after the safeguarding alert"),
        ("CPT", "v", "follow its safeguarding procedures"),
        ("PT", "v", "make a safeguarding referral when {P} disclosed abuse"),
        ("C", "v", "consider whether {K} was at risk of significant harm"),
        ("C", "c", "closed the safeguarding enquiry without speaking to {P}|closing the safeguarding enquiry without speaking to {P}"),
        ("C", "c", "did not act on the safeguarding alert for {d}|not acting on the safeguarding alert for {d}"),
        ("C", "c", "took no action on the concerns about financial abuse of {P}|taking no action on the concerns about financial abuse of {P}"),
        ("C", "c", "left {P} at risk after the concerns were raised|leaving {P} at risk after the concerns were raised"),
        ("C", "c", "decided the safeguarding threshold was not met without gathering any evidence|deciding the safeguarding threshold was not met without gathering any evidence"),
        ("C", "n", "the safeguarding enquiry"),
        ("CP", "n", "{bp} response to the safeguarding concerns"),
        ("CP", "n", "the handling of the safeguarding referral"),
        ("C", "n", "the safeguarding investigation"),
        ("PT", "n", "the failure to make a safeguarding referral"),
        ("C", "n", "the section 42 enquiry"),
        ("C", "n", "the response to the safeguarding alert"),
    ],
    "record_keeping": [
        ("CITP", "v", "keep adequate notes of its investigation"),
        ("C", "v", "record the reasons for its decision"),
        ("CI", "v", "keep a record of its conversations with {X}"),
        ("P", "v", "record the care visits in the daily notes"),
        ("T", "v", "document the discussions about {Pp} discharge"),
        ("PT", "v", "keep accurate medication records"),
        ("CI", "v", "record the outcome of the review meeting"),
        ("CG", "v", "keep a note of the telephone calls"),
        ("CI", "c", "kept no record of the meeting with {X}|keeping no record of the meeting with {X}"),
        ("CITG", "c", "lost {Pp} records|losing {Pp} records"),
        ("CT", "c", "recorded the wrong date for the assessment|recording the wrong date for the assessment"),
        ("P", "c", "left gaps in the care records|leaving gaps in the care records"),
        ("C", "c", "could not produce any notes of the home visit|being unable to produce any notes of the home visit"),
        ("C", "c", "recorded its decision in a way that did not show what it had considered|recording its decision in a way that did not show what it had considered"),
        ("CITP", "n", "the poor record keeping"),
        ("CITP", "n", "{bp} record keeping"),
        ("CITP", "n", "the lack of records"),
        ("C", "n", "how {b} documented its decision"),
        ("P", "n", "the missing care notes"),
        ("PT", "n", "the gaps in the medication administration records"),
        ("C", "n", "the inadequate record keeping"),
        ("T", "n", "the incomplete nursing notes"),
    ],
    "charging_funding": [
        ("C", "v", "charge {P} the correct contribution"),
        ("C", "v", "refund the charges {P} should not have paid"),
        ("C", "v", "disregard {Pp} disability benefits correctly"),
        ("C", "v", "pay the direct payments on time"),
        ("C", "v", "backdate {Xp} housing benefit"),
        ("I", "v", "fund {Pp} care once {P} was eligible for continuing healthcare"),
        ("CI", "v", "reimburse {X} for the care fees"),
        ("C", "v", "take account of {Pp} disability-related expenditure"),
        ("C", "v", "offer a care home that did not need a top-up fee"),
        ("C", "c", "charged {P} for aftercare that should have been free under section 117|charging {P} for aftercare that should have been free under section 117"),
        ("C", "c", "overcharged {P} by £{amt}|overcharging {P} by £{amt}"),
        ("C", "c", "stopped {Pp} direct payments without notice|stopping {Pp} direct payments without notice"),
        ("C", "c", "sent {X} invoices for a top-up fee nobody had agreed|sending {X} invoices for a top-up fee nobody had agreed"),
        ("C", "c", "refused to pay {X} the fostering allowance|refusing to pay {X} the fostering allowance"),
        ("C", "c", "added a charge to {Xp} council tax account that was not owed|adding a charge to {Xp} council tax account that was not owed"),
        ("C", "n", "the charges"),
        ("C", "n", "the overcharge"),
        ("C", "n", "the care charges"),
        ("C", "n", "the calculation of {Pp} contribution"),
        ("C", "n", "the handling of the direct payments"),
        ("I", "n", "the funding decision"),
        ("C", "n", "the top-up fee arrangements"),
        ("C", "n", "the invoices sent to {X}"),
        ("C", "n", "the refusal to fund the placement"),
        ("C", "n", "{bp} handling of {Xp} council tax account"),
        ("C", "n", "the enforcement visit over the council tax arrears"),
        ("C", "c", "sent an enforcement agent to {Xp} home over a debt that had been paid|sending an enforcement agent to {Xp} home over a debt that had been paid"),
        # Added for issue 12: wrong charges, fees, invoices and funding.
        ("C", "v", "apply the correct rate when it charged {P}"),
        ("C", "v", "check whether {P} was entitled to free aftercare before charging {P}"),
        ("C", "v", "stop charging {P} once {Ph} savings fell below the threshold"),
        ("C", "v", "cancel the invoices once it knew they were wrong"),
        ("CI", "v", "fund the placement it had agreed to pay for"),
        ("CI", "v", "reimburse the family for the care they paid for themselves"),
        ("C", "c", "asked the family to pay a top-up they had not agreed to|asking the family to pay a top-up they had not agreed to"),
        ("CP", "c", "billed {P} for visits that never happened|billing {P} for visits that never happened"),
        ("C", "c", "counted {Pp} home as capital when it should have been ignored|counting {Pp} home as capital when it should have been ignored"),
        ("CP", "c", "charged {P} for care {Ph} did not receive|charging {P} for care {Ph} did not receive"),
        ("CIJ", "c", "left the family paying for care that should have been funded|leaving the family paying for care that should have been funded"),
        ("C", "c", "pursued {X} for a debt {Xs} did not owe|pursuing {X} for a debt {Xs} did not owe"),
        ("C", "c", "made {X} pay a third-party top-up when the home was the only one offered|making {X} pay a third-party top-up when the home was the only one offered"),
        ("CI", "c", "stopped paying for {Pp} placement without warning|stopping paying for {Pp} placement without warning"),
        ("CP", "n", "the invoices for care {P} did not receive"),
        ("CP", "n", "the bills sent to {X}"),
        ("C", "n", "the way {b} worked out {Pp} contribution"),
        ("C", "n", "the charges for {Pp} aftercare"),
        ("C", "n", "the recovery of the debt"),
        ("C", "n", "the top-up payments"),
        ("C", "n", "the decision to charge {P}"),
        ("CI", "n", "the funding of {Pp} placement"),
    ],
}

# What happened to the person because of the fault: clauses whose subject is not the body,
# for findings worded "There was fault by the Council which meant ...".
OUTCOMES: dict[str, list[str]] = {
    "delay": ["{K} waited {d} longer than the law allows for a final plan",
              "{P} stayed in hospital for {d} after being fit to leave",
              "{X} heard nothing about the assessment for {d}",
              "the adaptation was not approved until {d} after the request"],
    "complaint_handling": ["{X} had to chase the complaint for {d}",
                           "{Xp} complaint went unanswered until we intervened",
                           "{Xp} stage two complaint was never answered"],
    "communication": ["{X} was told the wrong thing about {Pp} care",
                      "the family did not know the package was ending",
                      "{X} was left confused about who was responsible"],
    "assessment": ["{X} never received a carer's assessment",
                   "{Pp} needs were never properly assessed",
                   "the assessment missed {Pp} night-time needs"],
    "decision_making": ["the application was refused without proper consideration",
                        "{Xp} appeal was not properly considered",
                        "the support was cut without any reasons being recorded"],
    "care_planning": ["{P} went home with no discharge plan",
                      "there was no contingency plan when the care broke down",
                      "{Pp} care plan did not change when {Ph} needs did"],
    "service_provision": ["{K} missed {d} of education",
                          "{K} lost the short breaks in {Kh} plan",
                          "{P} did not get the care hours in {Ph} plan",
                          "{X} went without suitable housing for {d}"],
    "care_quality": ["{P} did not get {Ph} medication on {n} occasions",
                     "{P} went without care on {n} occasions",
                     "{Pp} pressure sores got worse without treatment"],
    "commissioning": ["no suitable provider was found for {d}",
                      "{K} was placed with a provider that could not meet {Kh} needs",
                      "{P} was sent to a home that could not care for {Ph} needs"],
    "provider_oversight": ["nobody checked whether {prov} was delivering the care",
                           "the problems with {prov} went unchecked for {d}"],
    "joint_working": ["neither organisation took the lead on {Pp} care",
                      "the funding dispute left {P} without support for {d}"],
    "safeguarding": ["the safeguarding concern about {P} was never investigated",
                     "{P} was left at risk for {d} after the alert"],
    "record_keeping": ["there is no record of what was decided",
                       "the care notes for {d} are missing"],
    "charging_funding": ["{P} was charged £{amt} more than {Ph} should have been",
                         "{X} paid top-up fees that were not due",
                         "{Pp} direct payments stopped for {d}"],
}
FINDING_O = [
    "There was fault by {b} which meant {O}.",
    "Because of fault by {b}, {O}.",
    "We found fault by {b}: {O}.",
    "The fault by {b} meant {O}.",
    "There was fault, and as a result {O}.",
    "{B} {was} at fault and, as a result, {O}.",
    "I find fault because {O}.",
]
ALLEGATION_O = [
    "{X} says {O}.",
    "{X} complains that {O}.",
    "{Xs} told us {O}.",
    "{X} says that because of {b}, {O}.",
]
NO_FAULT_O = [
    "We have not seen evidence that {O}.",
    "I am not satisfied that {O}.",
    "The records do not show that {O}.",
]
# Tails added to some findings: a finding stays a finding when the sentence goes on.
FINDING_TAILS = [
    ", and {b} has agreed to apologise and pay {X} £{amt}",
    ", which caused {X} avoidable distress",
    "; {b} has accepted our recommendations",
    ", but this did not cause {X} a significant injustice",
    ", leading to distress and uncertainty for {X}",
    ", and this caused {X} time and trouble",
]

# Gists that carry a second category as well.
EXTRA_LABELS: dict[str, list[str]] = {
    "did not tell the family that {P} was dying": ["care_quality"],
    "the late annual review": [],
    "record the reasons for its decision": ["decision_making"],
    "recorded its decision in a way that did not show what it had considered": ["decision_making"],
    "refused to carry out an EHC needs assessment without considering the evidence from {Kp} school": ["decision_making"],
    "complete a proper financial assessment for {P}": ["charging_funding"],
    "the financial assessment": ["charging_funding"],
    "the funding dispute between the Council and the ICB": ["charging_funding"],
    "offer a care home that did not need a top-up fee": ["commissioning"],
    "the refusal to fund the placement": ["decision_making"],
    "stopped {Pp} day centre place without arranging an alternative": ["decision_making"],
    "took {d} to decide {Xp} appeal against the eligibility decision": ["decision_making"],
    "the length of time taken to consider the appeal": [],
    "discharged {P} late at night with no support in place": ["care_quality"],
    "the delay in discharging {P} from hospital": ["care_planning"],
    "counted {Pp} home as capital when it should have been ignored": ["assessment"],
    "the decision to charge {P}": ["decision_making"],
    "recognise its duty to accommodate {K}": [],
}

# --- frames -------------------------------------------------------------------------------
# {B} body at sentence start, {b} body mid-sentence, {was}/{were}, {its}, {it}.

FINDING_G = [
    "{B} {was} at fault for {G}.",
    "I find {b} {was} at fault for {G}.",
    "We found {b} at fault for {G}.",
    "The Ombudsman found fault with {b} for {G}.",
    "There was fault by {b} in {G}.",
    "{B} {was} also at fault for {G}.",
    "I have found fault with {b} for {G}, and this caused {X} avoidable distress.",
    "We consider {b} {was} at fault in {G}.",
    "{B} {is} at fault for {G}.",
    "This is fault on the part of {b} in {G}.",
    "I am satisfied {b} {was} at fault for {G}.",
    "We found fault with {b} {G}.",
    "In my view {b} {was} at fault for {G}, which caused {X} uncertainty.",
    "{B} {was} at fault for {G} and this caused injustice to {X}.",
    "Summary: We found {b} at fault for {G}.",
    "The Ombudsman finds fault with {b} for {G}.",
    "There was also fault by {b} in {G}.",
    "So I find fault with {b} for {G}.",
]
FINDING_C = [
    "{B} {CL}, which was fault.",
    "We found {b} {CL}.",
    "We have found {b} {CL}.",
    "I find {b} {CL} and this was fault.",
    "{B} {CL} and this was fault on {its} part.",
    "{B} {CL}, and we think this is a failing.",
    "{B} {CL}; that was fault.",
    "I am satisfied {b} {CL}, which was fault causing injustice.",
    "On balance, {b} {CL}, and this amounts to fault.",
    "The evidence shows {b} {CL}, which was maladministration.",
    "{B} {CL} and this was service failure.",
    "Because {b} {CL}, I find {it} at fault.",
    "It is clear {b} {CL}, and this was fault.",
    "{B} {CL}, which was not in line with the guidance and was fault.",
    "We are persuaded {b} {CL}, and we find a failing in this.",
    "Our investigation found {b} {CL}.",
    "The records show {b} {CL}; this was fault.",
    "I consider {b} {CL}, which was fault.",
    "{B} accepts {it} {CL}, and I agree this was fault.",
    "There was fault because {b} {CL}.",
    "Accordingly, we find {b} {CL}, and that was a failing.",
    "This represents fault: {b} {CL}.",
]
FINDING_N = [
    "There was fault in {N}.",
    "I find fault with {N}.",
    "We found fault in {N}.",
    "{Ncap} {Nwas} fault.",
    "{Ncap} amounted to fault.",
    "{Ncap} {Nwas} a failing.",
    "We think {N} {Nwas} a failing.",
    "This was a failing in {N}.",
    "I am satisfied there was fault in {N}.",
    "We have found fault in {N}, which caused {X} distress.",
    "{Ncap} {Nwas} fault causing injustice to {X}.",
    "The Ombudsman finds fault in {N}.",
    "There was service failure in {N}.",
    "There was maladministration in {N}.",
    "{Ncap} {Nwas} fault and caused {X} frustration.",
    "We also found fault in {N}.",
    "I consider {N} {Nwas} fault.",
    "There was fault with {N}.",
    "However, there was fault in {N}.",
    "Summary: There was fault in {N}.",
]
FINDING_N_BODY = [
    "There was fault by {b} in {N}.",
    "I find {b} {was} at fault in {N}.",
    "We found fault with {b} in {N}.",
    "{B} {was} at fault in {N}.",
]

ALLEGATION_C = [
    "{X} complains {b} {CL}.",
    "{X} complained that {b} {CL}.",
    "{X} says {b} {CL}.",
    "{X} also complains {b} {CL}.",
    "{Xs} says {b} {CL}.",
    "{X} believes {b} {CL}.",
    "Specifically, {X} complains that {b} {CL}.",
    "The complaint is that {b} {CL}.",
    "{b} {CL};",
    "- {b} {CL},",
    "Summary: {X} complained {b} {CL}.",
    "{X} told us {b} {CL}.",
    "{Xs} said {b} {CL} and this caused the family distress.",
    "In {Xp} complaint to the Ombudsman, {X} said {b} {CL}.",
    "{X} alleges {b} {CL}.",
    "{X} feels {b} {CL}.",
]
ALLEGATION_G = [
    "{X} said {b} {was} at fault for {G}.",
    "{X} wants {b} to accept {it} {was} at fault for {G}.",
    "{X} complains about {b} {G}.",
    "{X} believes {b} should be held responsible for {G}.",
]
ALLEGATION_N = [
    "{X} is unhappy with {N}.",
    "{X} complains about {N}.",
    "{X} asked us to investigate {N}.",
    "{X} also complained about {N}.",
    "{Xs} says there was fault in {N}.",
    "{X} raised concerns about {N}.",
]
NO_FAULT_C = [
    "On the evidence, we cannot say {b} {CL}.",
    "There is no evidence {b} {CL}.",
    "The evidence does not show {b} {CL}.",
    "I am not persuaded {b} {CL}.",
    "I have seen nothing to suggest {b} {CL}.",
    "We do not agree that {b} {CL}.",
]
NO_FAULT_G = [
    "{B} {was} not at fault for {G}.",
    "I have not found fault with {b} for {G}.",
    "I do not find {b} at fault for {G}.",
    "We did not find {b} at fault for {G}.",
]
NO_FAULT_N = [
    "I do not find fault with {N}.",
    "We have not found fault in {N}.",
    "There was no fault in {N}.",
    "We do not think there was a failing in {N}.",
    "We have found no failing in {N}.",
    "I do not consider {N} amounted to fault.",
    "I have not found fault in {N}.",
    "There is no fault in {N}.",
    "We found no fault in {N}.",
    "I cannot find fault in {N}.",
]
REMEDY_N = [
    "{B} should apologise to {X} for {N}.",
    "Within one month of the final decision, {b} will pay {X} £{amt} for the distress caused by {N}.",
    "I recommend {b} pays {X} £{amt} to acknowledge the frustration caused by {N}.",
    "{B} has agreed to apologise to {X} for {N}.",
    "{B} should review its procedures so that {N} {Nis} not repeated.",
    "- apologise to {X} for {N};",
    "{B} should write to {X} acknowledging {N} and setting out what it will change.",
    "To remedy the injustice caused by {N}, {b} should pay {X} £{amt}.",
    "{B} will remind staff of the lessons from {N}.",
]
HYPOTHETICAL_C = [
    "If {b} {CL}, that would be fault.",
    "We will consider whether {b} {CL}.",
    "I need to decide whether {b} {CL}.",
    "The question for me is whether {b} {CL}.",
]
HYPOTHETICAL_N = [
    "I have considered whether there was fault in {N}.",
    "We looked at whether there was fault in {N}.",
    "This statement considers whether there was fault in {N}.",
]

# --- hand-written whole sentences ---------------------------------------------------------

# Findings, with their categories. Short ones only make sense with the category word.
STANDALONE_FINDINGS: list[tuple[str, list[str]]] = [
    ("This was fault.", []), ("That was fault.", []), ("This is fault.", []),
    ("We think this is a failing.", []), ("This was fault causing injustice.", []),
    ("So we find a failing here.", []), ("This amounts to maladministration.", []),
    ("Both organisations were at fault.", []), ("There was fault by the Trust.", []),
    ("I have found fault by the Council.", []),
    ("We found fault with Eastmere County Council, which caused injustice to Mrs M.", []),
    ("I find fault with the Council, the ICB and the Agency causing injustice to Mr K.", []),
    ("The Council accepts it was at fault and I agree.", []),
    ("We found service failure by the Practice.", []),
    ("This was maladministration by the Council.", []),
    ("We upheld the complaint because we found fault causing injustice.", []),
    ("The Agency was at fault.", []), ("The ICB was at fault and so was the Council.", []),
    ("There was fault, and it caused Mrs Z significant distress.", []),
    ("That failure was fault.", []),
    ("We have upheld this complaint because we found fault causing injustice to Ms H.", []),
    ("Mr K's complaint is upheld: there was fault, and it caused him injustice.", []),
    ("The Council acted with fault, and it has agreed to our recommendations.", []),
    ("Both the Trust and the Practice were at fault, we found.", []),
    ("We found fault by all three organisations, causing Mrs X distress.", []),
    ("I have found fault on the part of the Council and the Care Provider.", []),
    ("There was fault in the way the Council dealt with Mr X's case.", []),
    ("The Ombudsman found fault and the Council has agreed to remedy the injustice.", []),
    ("We found fault with the ICB, which caused Miss A avoidable frustration.", []),
    ("Summary: The Council was at fault and has agreed to apologise and make a payment.", []),
    ("We found failings by the Trust that caused Ms H distress.", []),
    ("Decision: I uphold the complaint and find fault causing injustice.", []),
    ("The delay was fault.", ["delay"]), ("That delay was fault.", ["delay"]),
    ("This delay was fault and caused Mrs X frustration.", ["delay"]),
    ("The Council delayed, which was fault.", ["delay"]),
    ("Eleven months was far too long and this delay was fault.", ["delay"]),
    ("The EHC plan was issued 17 weeks late; that was fault.", ["delay"]),
    ("The annual review slipped by nine months outside the statutory timescale, and that was fault.", ["delay"]),
    ("This was a failing in complaint handling.", ["complaint_handling"]),
    ("The complaint handling was fault.", ["complaint_handling"]),
    ("The Council did not answer the complaint, which was fault.", ["complaint_handling"]),
    ("The ICB never replied to Mr S's complaint and that was fault.", ["complaint_handling"]),
    ("The Trust's response to the complaint was late and incomplete, which was a failing.", ["complaint_handling"]),
    ("The poor communication was fault.", ["communication"]),
    ("Communication with the family fell below the standard expected, and we think this is a failing.", ["communication"]),
    ("Nobody told Mrs A about the change, which was fault.", ["communication"]),
    ("The Council's letters contradicted each other and that was fault.", ["communication"]),
    ("There was no assessment, which was fault.", ["assessment"]),
    ("The assessment was flawed and this was fault.", ["assessment"]),
    ("The Council should have assessed Mr D's needs and its failure to do so was fault.", ["assessment"]),
    ("The checklist was never completed, which was fault.", ["assessment"]),
    ("The decision was not properly reasoned, which was fault.", ["decision_making"]),
    ("The ICB gave no reason why D needed less support at weekends, so I find fault with how it decided.", ["decision_making"]),
    ("The panel did not give reasons for its decision and this was fault.", ["decision_making"]),
    ("The Council made its decision without the information it needed, which was fault.", ["decision_making"]),
    ("There was no contingency plan, and this was fault.", ["care_planning"]),
    ("The discharge was unsafe and we find a failing in how it was planned.", ["care_planning"]),
    ("The care plan was never reviewed, which was fault.", ["care_planning"]),
    ("Mrs A went home with no plan for her care and we think this was a failing.", ["care_planning"]),
    ("C missed out on the provision in his plan, which was fault.", ["service_provision"]),
    ("The Council did not provide the support in the plan, and that was fault.", ["service_provision"]),
    ("J received no education for a whole term, which was fault.", ["service_provision"]),
    ("The family lost four months of respite because of fault by the Council.", ["service_provision"]),
    ("The missed visits were fault.", ["care_quality"]),
    ("The Agency's missed calls were fault.", ["care_quality"]),
    ("The treatment fell below the expected standard and that was a failing.", ["care_quality"]),
    ("Mr W's medication was given late on several days, which was fault.", ["care_quality"]),
    ("The nursing care was not in line with established good practice, and we find a failing.", ["care_quality"]),
    ("The clinical care fell short of the relevant standards, which was service failure.", ["care_quality"]),
    ("The agency commissioned was unsuitable and this was fault.", ["commissioning"]),
    ("Not enough was done to commission a suitable provider, which was fault by the ICB and the Council.", ["commissioning"]),
    ("The Council did not find a suitable placement in time, which was fault.", ["commissioning"]),
    ("The lack of oversight was fault.", ["provider_oversight"]),
    ("The ICB did not monitor the contract, and that was fault.", ["provider_oversight"]),
    ("The Council, as commissioner, is also at fault for the Agency's missed shifts because it did not monitor the service.", ["provider_oversight"]),
    ("The lack of joint working was fault.", ["joint_working"]),
    ("The two bodies did not work together, which was fault.", ["joint_working"]),
    ("The funding dispute should have gone through the agreed process and the failure to use it was fault.", ["joint_working"]),
    ("The safeguarding response was inadequate and this was fault.", ["safeguarding"]),
    ("The Council did not investigate the safeguarding concern, which was fault.", ["safeguarding"]),
    ("No safeguarding referral was made, which was a failing.", ["safeguarding"]),
    ("The poor record keeping was fault.", ["record_keeping"]),
    ("There are no notes of the meeting, which was fault.", ["record_keeping"]),
    ("The records were incomplete and this was a failing.", ["record_keeping"]),
    ("The overcharge was fault.", ["charging_funding"]),
    ("Mrs Z was charged when she should not have been, which was fault.", ["charging_funding"]),
    ("The Council took the wrong income into account when working out Mr P's charges, which was fault.", ["charging_funding", "assessment"]),
    ("The direct payments stopped without warning, and that was fault.", ["charging_funding"]),
    # Several categories in one sentence.
    ("The ICB and the Council commissioned an unsuitable agency and then did not monitor it, which was fault.", ["commissioning", "provider_oversight"]),
    ("The Council misinformed Ms B about her entitlement and then sat on her complaint for months, which was fault.", ["complaint_handling", "communication"]),
    ("The Council let the case drift and kept almost no notes, and I find both were fault.", ["delay", "record_keeping"]),
    ("Because of fault by Kelmarsh City Council, Mr K was never offered a carer's assessment and his son lost his weekly respite.", ["service_provision", "assessment"]),
    ("The Council sent Mrs M confusing letters and then took five months to reconsider its decision, both of which were fault.", ["communication", "delay"]),
    ("The Trust discharged Mrs Y without a plan and did not tell the family, which was a failing.", ["care_planning", "communication"]),
    ("The Agency missed calls and kept no record of them, which was fault.", ["care_quality", "record_keeping"]),
    ("The Council did not respond to the safeguarding alert or record what it had done, and this was fault.", ["safeguarding", "record_keeping"]),
    ("The ICB and Council did not agree who would pay, and Mr D was charged for care he should not have paid for, which was fault.", ["joint_working", "charging_funding"]),
    ("The Council never weighed up whether it owed J an education under section 19, and J went without tuition for a term; that was fault.", ["decision_making", "service_provision"]),
    ("The ICB's decision to reduce the package was not properly reasoned and it took five months to hear the appeal, which was fault.", ["decision_making", "delay"]),
    ("We found failings in both the treatment Mr F received and in how the Trust communicated with his family.", ["care_quality", "communication"]),
    ("The Trust planned the discharge poorly and its complaint response was late; both were failings.", ["care_planning", "complaint_handling"]),
    ("There was fault in the assessment and in the care plan that followed from it.", ["assessment", "care_planning"]),
    ("The Council did not assess Mr Y's needs and did not put a plan in place for his discharge, which was fault.", ["assessment", "care_planning"]),
    ("The Council took too long to commission a placement and did not keep Mrs M informed, which was fault.", ["commissioning", "communication", "delay"]),
    ("The Council's failure to carry out a financial assessment meant Mrs A was charged the wrong amount, and this was fault.", ["assessment", "charging_funding"]),
    ("The Home did not report the bruising and its records of the incident were poor, which were failings.", ["safeguarding", "record_keeping"]),
]

STANDALONE_NON_FINDINGS: list[str] = [
    # The Ombudsman's role and procedure (paraphrased).
    "Maladministration and service failure are what we look into, and I call both fault here.",
    "Where we find fault, we go on to consider whether it caused the complainant an injustice.",
    "If the fault caused an injustice, we may recommend a remedy.",
    "We cannot question the merits of a decision that was properly made.",
    "Our job is to look at the process behind a decision; where that process was sound, the decision itself is not for us to question.",
    "We may decide not to investigate a complaint if we cannot find fault that caused injustice.",
    "The Ombudsmen may jointly investigate complaints about health and social care.",
    "The Health Service Ombudsman looks at complaints about service failure and maladministration in the NHS.",
    "We decide findings on the balance of probabilities where the evidence conflicts.",
    "I have considered all the information before making my final decision.",
    "Mrs X and the organisations had the chance to comment on my draft decision.",
    "We shared a draft of this statement with Mr S and the Council and considered their comments.",
    "We cannot normally look at complaints where there is a right of appeal to a tribunal.",
    "This statement uses the word fault to describe maladministration and service failure.",
    "Our role is to consider whether there was fault in the way the Council reached its decision.",
    "When we find fault, we look at the effect it had on the person complaining.",
    "We do not start an investigation unless there is evidence of fault causing significant injustice.",
    "A copy of this decision will go to the Care Quality Commission.",
    "We will also send this decision to Ofsted, as we have agreed to share information with it.",
    "The organisations should send us proof that they have done what we recommended.",
    "We have now completed our investigation.",
    "I have completed my investigation and uphold the complaint in part.",
    "We decide whether the organisation was at fault in the process it followed, not whether its decision was right.",
    "The question for us is whether a council acted with fault when it reached a decision.",
    "I have to decide whether there was fault in how the Trust went about its decision.",
    "If we decide there was fault, we then ask whether it caused the person an injustice.",
    "Fault alone is not enough; it must have caused injustice for us to recommend a remedy.",
    "Where the decision-making process was free of fault, we cannot criticise the decision reached.",
    "I use 'fault' in this statement to mean maladministration or service failure.",
    "'Fault' here covers both maladministration and service failure.",
    "We ask whether any fault we find has had a harmful effect on the complainant.",
    "Where fault has caused an injustice, or might cause one to others, we can suggest how to put it right.",
    "We can only look at whether the ICB was at fault in how it made its funding decision.",
    "It is not our role to decide whether a person is eligible for continuing healthcare, only whether there was fault in how the decision was made.",
    "Mrs X wants the Council to admit its failings and compensate her.",
    "Mr S would like the Trust to accept it was at fault and apologise.",
    "Ms B said the Council's failings had made her ill.",
    "Miss A says these failings caused her family great distress.",
    "The outcome Mrs M wants is an admission of fault and a payment.",
    "Mr K says the Agency's failings meant he had to care for his wife himself.",
    "The Council accepted it had failed to reply to two of Mrs Z's emails.",
    "The Council admitted it had got the review wrong and offered £250.",
    "The Trust has acknowledged some failings in Mrs A's care.",
    "The Council has since corrected the fault and refunded the charges.",
    # Law and guidance (paraphrased, invented where specific).
    "The Care Act 2014 says councils must assess anyone who appears to need care and support.",
    "Councils must carry out a carer's assessment where a carer appears to have needs for support.",
    "The statutory guidance says councils should complete assessments in an appropriate and proportionate timescale.",
    "Councils must review care and support plans at least every twelve months.",
    "The law says a council must issue a final EHC plan within 20 weeks of the request for an assessment.",
    "The council must secure the special educational provision in an EHC plan.",
    "Section 19 of the Education Act 1996 says councils must arrange suitable education for children who cannot attend school because of illness.",
    "Councils have a duty to make enquiries where they suspect an adult with care needs is at risk of abuse or neglect.",
    "The National Framework says the ICB should normally decide eligibility within 28 days of receiving the checklist.",
    "The Framework expects the ICB and the council to agree a local dispute resolution process.",
    "The guidance says discharge planning should start as early as possible.",
    "Care providers must keep accurate and contemporaneous records of the care they give.",
    "The regulations say councils may charge for care and support in a care home.",
    "Aftercare under section 117 of the Mental Health Act 1983 is free of charge.",
    "Councils must not charge for the first six weeks of reablement.",
    "Commissioners are responsible for monitoring the quality of the services they buy.",
    "The council's complaints procedure has two stages and promises a reply within 20 working days.",
    "The NHS complaints regulations say organisations must respond within six months unless the complainant agrees otherwise.",
    "The Mental Capacity Act 2005 says decisions must be made in the person's best interests.",
    "Guidance on direct payments says councils should review them within six months of starting.",
    "Under the Framework, existing support continues until any disagreement is settled.",
    "The Code of Practice says councils should consult the family when reviewing an EHC plan.",
    "The law says the council must take disability-related expenditure into account when working out charges.",
    "Councils should coordinate their work with NHS bodies to meet people's needs.",
    "The Housing Act 1996 says councils must provide suitable interim accommodation while they consider a homelessness application.",
    "Good practice is that a contingency plan should be agreed before a complex package starts.",
    "The professional standards say clinicians should discuss a poor prognosis openly with the family.",
    "The ICB has a duty to commission services that meet the reasonable needs of its population.",
    "Councils must shape the local care market so that there are enough suitable providers.",
    # Background (invented).
    "In March 2022 the Council completed a carer's assessment for Mrs X.",
    "The Trust discharged Mr Y on 4 May, and he returned home with a package of four calls a day.",
    "C has autism and attends a mainstream primary school.",
    "Mrs A moved into Fernlea Nursing Home in 2021.",
    "The ICB carried out a Decision Support Tool in March 2023.",
    "The Agency took over the care package in November.",
    "Mr D receives direct payments to employ a personal assistant.",
    "Ms F applied to join the housing register in 2020.",
    "The Council issued J's final EHC plan in September.",
    "The safeguarding team received an alert from the care home in June.",
    "The Council sent Mrs M an invoice for £3,420 in respect of residential care fees.",
    "Miss C's mother was admitted to hospital after a fall at home.",
    "The panel met in May and agreed 30 hours of support a week.",
    "Mr K told the social worker that he was struggling to cope.",
    "The Council says it could not find an agency with capacity in the area.",
    "The Trust says staff followed the sepsis pathway.",
    "The Home says it gave the carer extra training after the incident.",
    "The ICB says few agencies had nurses available at the time.",
    "The Council told us it had reviewed its complaints process.",
    "Mrs Z cancelled some calls because she no longer trusted the carers.",
    "Mrs X appealed the decision in February and the ICB acknowledged the appeal in March.",
    "The Council's response said that the delay was due to staff shortages.",
    "Mr S contacted the Council several times about the missed collections.",
    "In its response to my enquiries, the Council said it had no record of the call.",
    "The Council and the ICB agreed to share the cost of the package equally.",
    "The social worker visited Mr W at home on 3 August.",
    "The care plan set out three calls a day with two carers at each call.",
    "Mrs Z's son holds lasting power of attorney for her finances.",
    "The school told the Council that B had not attended since January.",
    "Mr P died in hospital in October 2023.",
    "The Council accepted some of Mrs M's complaint and offered her £200.",
    "Ms H complained to the Trust in May, and it replied in August.",
    "Mr X was unhappy with the Council's response and came to us.",
    "We asked the ICB to respond to the complaint first.",
    "Mrs X is Y's mother and main carer.",
    "The Council arranged a respite placement for the family in the summer holidays.",
    "The Trust's investigation found the nurse had followed the protocol.",
    # Body admissions and positions (not the Ombudsman's finding).
    "The Council says it did everything it could to find a suitable placement.",
    "The Trust denies it discharged Mrs A unsafely.",
    "The ICB disputes that the DST was flawed.",
    "The Agency says it attended every scheduled visit.",
    "The Council said there had been no delay because it was waiting for medical evidence.",
    # No fault / no injustice, in other shapes.
    "The contingency plan was reasonable and I do not find fault with it.",
    "The Council acted appropriately in reviewing the placement.",
    "The Home acted reasonably when it suspended the carer while it investigated.",
    "The ICB followed the National Framework when it carried out the DST.",
    "The Council reached its decision properly, so we cannot question it.",
    "The Trust's care was in line with the relevant guidance.",
    "We have not found any failing in the care Mr F received on the ward.",
    "The confusion was regrettable but does not amount to a failing.",
    "I am satisfied the Council considered the relevant information before making its decision.",
    "The Council was entitled to end the agreement and there was no fault in that.",
    "The delay was short and did not cause any significant injustice, so I do not find fault.",
    "The Council's complaint response was thorough and answered each point Mrs X raised.",
    "There is no evidence of a failing in how the care home recorded Mrs Z's medication.",
    "The Council's charges were calculated correctly.",
    "Overall I do not find fault in how the Council assessed Mr P.",
    "We have not upheld this part of the complaint.",
    "I do not uphold the complaint about the safeguarding enquiry.",
    "The Council acted without fault when it decided not to take enforcement action.",
    "Nothing suggests the ICB made its funding decision improperly.",
    # Remedies, injustice and closing text.
    "The Council has agreed to apologise and pay Mrs X £500.",
    "Within three months, the ICB should review its process for handling continuing care disputes.",
    "The Agency should write to Mr W apologising for the distress caused.",
    "I recommend the Council reminds staff of the timescales for completing EHC needs assessments.",
    "The ICB should share an action plan with us setting out the learning from this complaint.",
    "The Practice should explain to Ms H what it has learned from her mother's case.",
    "The Council should remind its officers of the need to keep proper records.",
    "The Council has agreed to review its procedures for monitoring commissioned providers.",
    "By 3 March, the Council should refund the charges Mr D paid for his aftercare.",
    "The Council will arrange training for staff on handling safeguarding referrals.",
    "The payment recognises the distress, time and trouble Mrs Z was put to.",
    "This caused Mrs X avoidable distress and uncertainty.",
    "Mr S was caused frustration and had to spend time pursuing the matter.",
    "The faults meant C lost out on education for a term.",
    "These failings caused Ms H additional distress at a very difficult time.",
    "The family were put to avoidable time and trouble.",
    "The Council's apology is a suitable remedy for the injustice caused.",
    "The action the Council has already taken is enough to put things right.",
    "The failings led to a missed opportunity to treat Mrs A sooner.",
    "The Council had already apologised for the fault and refunded the charges.",
    "I have completed my investigation because the Council has agreed to take the action I recommended.",
    "The Trust should send Mr B a letter owning the mistakes in his wife's care.",
]

# --- generation ---------------------------------------------------------------------------


# Noun phrases that take a plural verb ("the missed visits were fault").
PLURAL_NPS = {"the charges", "the care charges", "the missed visits", "the missed calls",
              "the medication errors", "the gaps in the medication administration records",
              "the invoices sent to {X}", "the incomplete nursing notes",
              "the repeated failure to empty the bins", "the top-up fee arrangements",
              "the care and treatment provided to {P}", "the missing care notes",
              "the invoices for care {P} did not receive", "the bills sent to {X}",
              "the top-up payments", "the charges for {Pp} aftercare",
              "the arrangements {b} made for {Pp} residential care", "the reasons given for the decision"}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _fill(rng: random.Random, template: str, body: tuple[str, bool] | None) -> str:
    person = rng.choice(PEOPLE)
    child = rng.choice(CHILDREN)
    comp = rng.choice(COMPLAINANTS)
    name, plural = body if body else ("the Council", False)
    poss = name + "'" if name.endswith("s") else name + "'s"
    slots = {
        "P": person[0], "Pp": person[1], "Ph": person[2],
        "K": child[0], "Kp": child[1], "Kh": child[2],
        "X": comp[0], "Xp": comp[1], "Xs": comp[2],
        "d": rng.choice(DURATIONS), "amt": rng.choice(AMOUNTS), "n": rng.choice(COUNTS),
        "prov": rng.choice(PROVIDERS),
        "b": name, "B": _cap(name), "bp": poss,
        "was": "were" if plural else "was", "is": "are" if plural else "is",
        "its": "their" if plural else "its", "it": "they" if plural else "it",
    }
    # Gist text is filled first so its own slots resolve in the same pass.
    out = template
    for _ in range(2):
        out = re.sub(r"\{(\w+)\}", lambda m: slots.get(m.group(1), m.group(0)), out)
    return out


def _gist_forms(shape: str, text: str, rng: random.Random) -> dict[str, str]:
    """The clause (CL), gerund (G) and noun phrase (N) forms one gist offers."""
    if shape == "v":
        return {"CL": rng.choice(["failed to ", "failed to ", "did not "]) + text,
                "G": "failing to " + text}
    if shape == "c":
        clause, gerund = text.split("|")
        return {"CL": clause, "G": gerund}
    return {"N": text}


def _frame_pool(kind: str, forms: dict[str, str], body_in_np: bool) -> list[str]:
    pools = {
        "finding": (FINDING_C if "CL" in forms else []) + (FINDING_G if "G" in forms else [])
        + (FINDING_N + ([] if body_in_np else FINDING_N_BODY) if "N" in forms else []),
        "allegation": (ALLEGATION_C if "CL" in forms else []) + (ALLEGATION_G if "G" in forms else [])
        + (ALLEGATION_N if "N" in forms else []),
        "no_fault": (NO_FAULT_C if "CL" in forms else []) + (NO_FAULT_G if "G" in forms else [])
        + (NO_FAULT_N if "N" in forms else []),
        "remedy": REMEDY_N if "N" in forms else [],
        "hypothetical": (HYPOTHETICAL_C if "CL" in forms else []) + (HYPOTHETICAL_N if "N" in forms else []),
    }
    return pools[kind]


def _render(rng: random.Random, frame: str, forms: dict[str, str], body: tuple[str, bool]) -> str:
    text = frame
    if "N" in forms:
        np = forms["N"]
        if "{b" in np and ("{b}" in frame or "{B}" in frame):
            # The frame names the body already: refer back to it instead of repeating it.
            np = np.replace("{bp}", "{its}").replace("{b}", "{it}")
        plural = forms["N"] in PLURAL_NPS
        text = (text.replace("{Nwas}", "were" if plural else "was").replace("{Nis}", "are" if plural else "is")
                .replace("{Ncap}", _cap(np)).replace("{N}", np))
    text = text.replace("{CL}", forms.get("CL", "")).replace("{G}", forms.get("G", ""))
    text = _fill(rng, text, body)
    text = re.sub(r"\s+", " ", text).strip()
    return _cap(text) if not text.startswith(("- ", "the ", "a ")) or rng.random() < 0.5 else text


def _pick_body(rng: random.Random, kinds: str) -> tuple[str, bool]:
    return rng.choice(BODIES[rng.choice(kinds)])


def _outcome(rng: random.Random, cat: str, kind: str) -> tuple[str, list[str]]:
    frames = {"finding": FINDING_O, "allegation": ALLEGATION_O, "no_fault": NO_FAULT_O}[kind]
    body = _pick_body(rng, rng.choice(["C", "C", "I", "T", "P", "J"]))
    text = rng.choice(frames).replace("{O}", rng.choice(OUTCOMES[cat]))
    return _cap(re.sub(r"\s+", " ", _fill(rng, text, body)).strip()), [cat]


def _explained(rng: random.Random, cat: str, kind: str) -> tuple[str, list[str]] | None:
    """A noun-phrase finding with its reason: "We found fault in X as it failed to Y"."""
    nps = [g for g in GISTS[cat] if g[1] == "n" and "{b" not in g[2]]
    cls = [g for g in GISTS[cat] if g[1] != "n"]
    (k1, _, np_text), (k2, s2, cl_text) = rng.choice(nps), rng.choice(cls)
    clause = _gist_forms(s2, cl_text, rng)["CL"]
    frames = {
        "finding": ["We found fault in {N} as {b} {CL}.", "There was fault in {N} because {b} {CL}.",
                    "I find fault with {N}: {b} {CL}.", "{Ncap} was fault, as {b} {CL}."],
        "allegation": ["{X} complains about {N} and says {b} {CL}.",
                       "{X} is unhappy with {N} and believes {b} {CL}."],
    }[kind]
    text = rng.choice(frames).replace("{Ncap}", _cap(np_text)).replace("{N}", np_text).replace("{CL}", clause)
    body = _pick_body(rng, k2)
    return _cap(re.sub(r"\s+", " ", _fill(rng, text, body)).strip()), [cat]


def _one(rng: random.Random, cat: str, kind: str) -> tuple[str, list[str]] | None:
    roll = rng.random()
    if kind in ("finding", "allegation", "no_fault") and roll < 0.1:
        return _outcome(rng, cat, kind)
    if kind in ("finding", "allegation") and roll < 0.14:
        return _explained(rng, cat, kind)
    kinds, shape, text = rng.choice(GISTS[cat])
    forms = _gist_forms(shape, text, rng)
    pool = _frame_pool(kind, forms, False)
    if not pool:
        return None
    body = _pick_body(rng, kinds)
    frame = rng.choice(pool)
    if kind == "finding" and frame.endswith(".") and rng.random() < 0.15:
        frame = frame[:-1] + rng.choice(FINDING_TAILS) + "."
    sentence = _render(rng, frame, forms, body)
    labels = [cat] + EXTRA_LABELS.get(text.split("|")[0], [])
    return sentence, sorted(set(labels))


def _multi(rng: random.Random) -> tuple[str, list[str]] | None:
    """A finding that names two faults of different categories by the same body."""
    c1, c2 = rng.sample(CATEGORIES, 2)
    k1, s1, t1 = rng.choice(GISTS[c1])
    shared = [g for g in GISTS[c2] if set(g[0]) & set(k1) and g[1] == s1 and "{b" not in g[2]]
    if not shared or "{b" in t1:
        return None
    k2, s2, t2 = rng.choice(shared)
    body = rng.choice(BODIES[rng.choice(sorted(set(k1) & set(k2)))])
    f1, f2 = _gist_forms(s1, t1, rng), _gist_forms(s2, t2, rng)
    if s1 == "n":
        frame = rng.choice([
            "There was fault in {N1} and in {N2}.",
            "We found fault in {N1} and {N2}.",
            "{N1cap} and {N2cap} were both fault.",
            "I find fault with {N1} and with {N2}.",
            "There were failings in {N1} and in {N2}.",
            "There was fault by {b} in {N1} and {N2}.",
        ])
        text = (frame.replace("{N1cap}", _cap(f1["N"])).replace("{N2cap}", f2["N"])
                .replace("{N1}", f1["N"]).replace("{N2}", f2["N"]))
    else:
        frame = rng.choice([
            "{B} {CL1} and {CL2}, which was fault.",
            "We found {b} {CL1} and {CL2}.",
            "{B} {was} at fault for {G1} and for {G2}.",
            "We found fault with {b} for {G1} and {G2}.",
            "I find {b} {CL1}, and also {CL2}; both were fault.",
            "{B} {CL1}; {it} also {CL2}. These were failings.",
            "The Ombudsman found {b} at fault for {G1}, and for {G2}.",
        ])
        text = (frame.replace("{CL1}", f1["CL"]).replace("{CL2}", f2["CL"])
                .replace("{G1}", f1["G"]).replace("{G2}", f2["G"]))
    sentence = _cap(re.sub(r"\s+", " ", _fill(rng, text, body)).strip())
    labels = {c1, c2} | set(EXTRA_LABELS.get(t1.split("|")[0], [])) | set(EXTRA_LABELS.get(t2.split("|")[0], []))
    return sentence, sorted(labels)


def generate(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    seen: set[str] = set()

    def add(text: str, finding: bool, cats: list[str]) -> bool:
        key = text.lower()
        if key in seen:
            return False
        seen.add(key)
        rows.append({"text": text, "finding": finding, "categories": sorted(set(cats)) if finding else []})
        return True

    for text, cats in STANDALONE_FINDINGS:
        add(text, True, cats)
    for text in STANDALONE_NON_FINDINGS:
        add(text, False, [])

    # Single-category findings: ~48 per category.
    for cat in CATEGORIES:
        made, tries = 0, 0
        while made < 52 and tries < 2000:
            tries += 1
            got = _one(rng, cat, "finding")
            if got and add(got[0], True, got[1]):
                made += 1
    # Two-category findings.
    made, tries = 0, 0
    while made < 150 and tries < 5000:
        tries += 1
        got = _multi(rng)
        if got and add(got[0], True, got[1]):
            made += 1
    # Non-findings on the same topics: allegations, "no fault", remedies, hypotheticals.
    quotas = {"allegation": 13, "no_fault": 9, "remedy": 4, "hypothetical": 2}
    for cat in CATEGORIES:
        for kind, quota in quotas.items():
            made, tries = 0, 0
            while made < quota and tries < 500:
                tries += 1
                got = _one(rng, cat, kind)
                if got and add(got[0], False, []):
                    made += 1
    rng.shuffle(rows)
    return rows


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    rows = generate()
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_find = sum(r["finding"] for r in rows)
    print(f"wrote {len(rows)} sentences ({n_find} findings, {len(rows) - n_find} non-findings) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

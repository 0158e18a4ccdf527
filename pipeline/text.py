"""Splitting a decision's text into its sections, with character offsets.

Both publishers write to a template. LGSCO statements run: Summary, The complaint, The
Ombudsman's role and powers, How I considered this complaint, What I found (with
Background / Analysis subsections), Agreed action or Action, Final decision. Older LGSCO
remedy summaries (2016-2017) run: Summary, The complaint, Finding, Recommendations,
"Ombudsman satisfied with council response: DATE". PHSO decisions run: The Complaint:,
Background:, Evidence:, Findings:, Our Decision:, Recommendations:.

Extraction reads each kind of fact where the template puts it: faults in findings,
decision and summary; sums and deadlines in the remedy section (and in a summary that
states the agreed remedy). Amounts in the background are not awards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.cues import Cue, fold

# Section kinds, in the vocabulary the extractors use.
HEADER = "header"          # title and metadata lines before the first heading
SUMMARY = "summary"
COMPLAINT = "complaint"
ROLE = "role"              # the Ombudsman's role and powers, how I considered, the law
BACKGROUND = "background"
FINDINGS = "findings"
DECISION = "decision"
REMEDY = "remedy"
OTHER = "other"            # responses to drafts, signatures, page furniture

# A heading is a short line that, lower-cased and without a trailing colon, is one of
# these. Collected from the dev corpus and the sample; order does not matter.
_HEADINGS: dict[str, str] = {
    "summary": SUMMARY,
    "the complaint": COMPLAINT,
    "complaint": COMPLAINT,
    "the complaints": COMPLAINT,
    "what i have investigated": ROLE,
    "what i have and have not investigated": ROLE,
    "what i have not investigated": ROLE,
    "what we have and have not investigated": ROLE,
    "the ombudsman's role and powers": ROLE,
    "the ombudsmen's role and powers": ROLE,
    "our role and powers": ROLE,
    "the ombudsman's role": ROLE,
    "how i considered this complaint": ROLE,
    "how we considered this complaint": ROLE,
    "how i considered the complaint": ROLE,
    "law, guidance and policies": ROLE,
    "law and guidance": ROLE,
    "relevant law and guidance": ROLE,
    "legal and administrative background": ROLE,
    "relevant legislation and guidance": ROLE,
    "the law": ROLE,
    "evidence": ROLE,
    # (the publishers' other wordings of the same template sections, not all in the dev
    # corpus: an unknown heading leaves its text in the section before it, so a law
    # section after the findings, or what was not investigated after the decision, would be
    # read as findings)
    "what we have investigated": ROLE,
    "what we have not investigated": ROLE,
    "parts of the complaint that i did not investigate": ROLE,
    "parts of the complaint that we did not investigate": ROLE,
    "what we looked at": ROLE,
    "the law and guidance": ROLE,
    "relevant law": ROLE,
    "relevant guidance": ROLE,
    "relevant legislation": ROLE,
    "law and policy": ROLE,
    "relevant law and policy": ROLE,
    "law, guidance and policy": ROLE,
    "relevant law, guidance and policy": ROLE,
    "law, policy and guidance": ROLE,
    "legislation and guidance": ROLE,
    "relevant standards": ROLE,
    "what should have happened": ROLE,
    "my assessment": FINDINGS,
    "background": BACKGROUND,
    "what happened": BACKGROUND,
    "key facts": BACKGROUND,
    "key events": BACKGROUND,
    "chronology": BACKGROUND,
    "what i found": FINDINGS,
    "what we found": FINDINGS,
    "analysis": FINDINGS,
    "my findings": FINDINGS,
    "our findings": FINDINGS,
    "findings": FINDINGS,
    "finding": FINDINGS,
    "conclusions": FINDINGS,
    "conclusion": FINDINGS,
    "injustice": FINDINGS,
    "consideration": FINDINGS,
    "complaint handling": FINDINGS,
    "our decision": DECISION,
    "final decision": DECISION,
    "decision": DECISION,
    "agreed action": REMEDY,
    "agreed actions": REMEDY,
    "action": REMEDY,
    "actions": REMEDY,
    "recommended action": REMEDY,
    "recommended actions": REMEDY,
    "recommendations": REMEDY,
    "recommendation": REMEDY,
    "our recommendations": REMEDY,
    "remedy": REMEDY,
    "putting things right": REMEDY,
    "further report": REMEDY,
    "responses to my draft decision": OTHER,
    "responses to the draft decision": OTHER,
    "responses to our draft decision": OTHER,
    "comments on the draft decision": OTHER,
    "investigator's decision on behalf of the ombudsman": OTHER,
    "investigator's decision on behalf of the ombudsmen": OTHER,
    "investigator's final decision on behalf of the ombudsman": OTHER,
    "print this page": OTHER,
    "back to top": None,  # page furniture: not a heading, not content
}

# Within LGSCO "What I found", subsection headings name the topic ("Delay in care
# package") and are followed by "Analysis"; they stay in the findings section.
_MAX_HEADING_LEN = 90

# "Summary: Mr X complained ..." puts the heading and the text on one line.
_INLINE_SUMMARY = re.compile(r"^\s*Summary\s*:\s*\S")
# Metadata lines LGSCO pages carry before the text: "Decision date : 27 Feb 2025", or the
# label and value on separate lines ("Decision :" then "Upheld").
_META_LABEL = re.compile(r"^\s*(Category|Decision|Decision date)\s+:\s*(.*)$")


@dataclass(frozen=True)
class Section:
    kind: str
    heading: str
    start: int  # character offsets of the section body in the decision text
    end: int


def normalise_heading(line: str) -> str:
    line = line.strip().rstrip(":").strip().lower()
    line = line.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", line)


def heading_kind(line: str) -> str | None:
    """The section kind a line opens, or None when the line is not a heading."""
    if len(line.strip()) > _MAX_HEADING_LEN or _META_LABEL.match(line):
        return None
    return _HEADINGS.get(normalise_heading(line))


def is_subheading(line: str) -> bool:
    """A topic heading inside "What I found" ("Oversight of the Agency"): a short line
    that starts with a capital and does not end like a sentence."""
    line = line.strip()
    return (0 < len(line.split()) <= 8 and line[:1].isupper() and not line.endswith((".", ":", ";", ",", "?"))
            and "£" not in line and not re.match(r"^(?:\d+[.)]|[-•])", line))


def split_sections(text: str) -> list[Section]:
    """Cut the text at its headings. Text before the first heading is the header.

    Inside "What I found", a "Background" or "Law and guidance" subsection is followed by
    topic subheadings ("Delay in care package", "Oversight of the Agency"); those go back
    to findings.
    """
    sections: list[Section] = []
    kind, heading, start = HEADER, "", 0
    in_findings = False
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if _INLINE_SUMMARY.match(line):
            new_kind, new_heading, body_start = SUMMARY, "Summary", line_start
        else:
            new_kind = heading_kind(line)
            if new_kind is None and in_findings and kind in (BACKGROUND, ROLE) and is_subheading(line):
                new_kind = FINDINGS
            if new_kind is None:
                continue
            new_heading, body_start = line.strip(), pos
        if new_kind == FINDINGS:
            in_findings = True
        elif new_kind not in (BACKGROUND, ROLE) or not in_findings:
            in_findings = False
        if line_start > start or kind != HEADER:
            sections.append(Section(kind, heading, start, line_start))
        kind, heading, start = new_kind, new_heading, body_start
    sections.append(Section(kind, heading, start, len(text)))
    if kind == HEADER and not sections[:-1]:
        # No heading at all: some PHSO reports are numbered paragraphs only ("1. There
        # were failings in ... It is therefore our decision to uphold this complaint").
        # Past its title line such a text is read as findings, or nothing would be.
        title_end = text.find("\n") + 1
        if 0 < title_end < len(text) and text[title_end:].strip():
            sections = [Section(HEADER, "", 0, title_end), Section(FINDINGS, "", title_end, len(text))]
    return [s for s in sections if s.end > s.start]


def metadata_lines(text: str) -> dict[str, str]:
    """Read "Category :", "Decision :" and "Decision date :" from the top of the text.

    The value is on the same line ("Decision : Upheld") or on the following non-empty
    lines; a category's parts are joined with " > ".
    """
    found: dict[str, str] = {}
    lines = [ln.strip() for ln in text[:4000].splitlines()]
    for i, line in enumerate(lines):
        match = _META_LABEL.match(line)
        if not match or match.group(1) in found:
            continue
        label, value = match.group(1), match.group(2).strip()
        if not value:
            parts: list[str] = []
            for nxt in lines[i + 1:i + 8]:
                if not nxt:
                    continue
                if _META_LABEL.match(nxt) or heading_kind(nxt) or nxt.lower().startswith("the ombudsman"):
                    break
                parts.append(nxt)
                if label != "Category":
                    break
            value = " ".join(p for p in parts)
        value = re.sub(r"\s*>\s*", " > ", value).strip(" >")
        if value:
            found[label] = value
    return found


# A `Cue`: most texts do not contain "ombudsman satisfied with ", and are not searched.
_SATISFIED = Cue(re.compile(
    r"Ombudsman satisfied with (?:the )?(?:council|care provider|provider|body|organisation|trust)'?s? "
    r"(?:response|actions?)\s*:\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})",
    re.IGNORECASE,
))


def compliance_text(text: str, folded: str | None = None) -> str | None:
    """The date the Ombudsman was satisfied with the body's response, as written.
    `folded` is `fold(text)`, when the caller has it."""
    if not _SATISFIED.could_match(fold(text) if folded is None else folded):
        return None  # (the anchor holds no apostrophe, so the replacement below cannot change this)
    text = text.replace("’", "'")
    for _, (start, end) in _SATISFIED.match_spans(text):
        return text[start:end]
    return None

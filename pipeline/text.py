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

import functools
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
ORGANISATIONS = "organisations"  # a PHSO case summary's list of the organisations investigated

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
    "putting it right": REMEDY,  # (PHSO case summaries: What happened, What we found, Putting it right)
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

# A PHSO case summary ends with the page's labelled facts: "Health or Parliamentary",
# "Organisations we investigated", "Location", "Complainants' concerns ?", "Result". Headings
# only on a line of their own (`_INLINE_HEADING` does not look for them in a flattened text:
# "Result" and "Location" start sentences too).
_CASE_SUMMARY_LABELS: dict[str, str] = {
    "health or parliamentary": OTHER,
    "organisations we investigated": ORGANISATIONS,
    "location": OTHER,
    "complainants' concerns ?": OTHER,
    "complainants' concerns": OTHER,
    "result": OTHER,
}
# ... and starts with its number: "Summary 736 |", then the summary's paragraph.
_NUMBERED_SUMMARY = re.compile(r"^\s*Summary\s+\d+\s*\|?\s*$")

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
    if _NUMBERED_SUMMARY.match(line):
        return SUMMARY
    heading = normalise_heading(line)
    return _HEADINGS.get(heading) or _CASE_SUMMARY_LABELS.get(heading)


def is_subheading(line: str) -> bool:
    """A topic heading inside "What I found" ("Oversight of the Agency"): a short line
    that starts with a capital and does not end like a sentence."""
    line = line.strip()
    return (0 < len(line.split()) <= 8 and line[:1].isupper() and not line.endswith((".", ":", ";", ",", "?"))
            and "£" not in line and not re.match(r"^(?:\d+[.)]|[-•])", line))


# A text with fewer line breaks than this has lost them (an export or a copy that flattened
# the page): every decision the publishers print has a line per heading and paragraph.
_FLAT_BELOW = 3
# The heading forms put back on their own lines in a flattened text: the template's
# headings (not its topic subheadings, which cannot be told from a sentence's start),
# LGSCO's metadata labels ("Decision : Upheld") and its "The Ombudsman's final decision"
# line. A heading is followed by what it heads, which starts like a sentence or a list.
_INLINE_HEADING = re.compile(
    r"(?<!\S)(?:(?P<label>Category|Decision date|Decision)\s+:"
    r"|(?P<final>The\s+Ombudsm[ae]n['’]s\s+final\s+decision:?)"
    r"|(?P<heading>(?i:"
    + "|".join(
        r"\s+".join(re.escape(word).replace("'", "['’]") for word in heading.split())
        for heading in sorted(_HEADINGS, key=len, reverse=True))
    + r"))(?:\s*:)?)(?=\s+[A-Z0-9•“\"‘(-])"
)
# What a heading may follow in a flattened text: a sentence's or a paragraph's end, a
# date's year, a reference's bracket ("(23 014 989) Summary: ..."). Not a word: "the NHS
# Complaint Standards", "her complaint Background checks ...".
_ENDS_BEFORE_A_HEADING = tuple(".!?:;)]”\"’'0123456789")
# A page's title line: the body's name and the case reference, "Milton Keynes Council
# (23 011 903a)", "New Care Nottingham (Opco) Limited (23 016 681)". LGSCO texts open with it.
TITLE_LINE = re.compile(r"(?P<name>[^\n]{1,200}?)\s*\((?P<reference>\d{2}\s?\d{3}\s?\d{3}[a-z]?|P-\d+)\)")
# The remedy is the template's last section of substance: after it come only the final
# decision and page furniture. A findings heading there is a paragraph's own inline lead
# ("What we found 57. As we have found ..."), not a section.
_AFTER_REMEDY = {REMEDY, DECISION, OTHER, None}


def with_line_breaks(text: str) -> str:
    """`text` itself, or, when it has lost its line breaks, the same text with a line break
    in place of the space before and after each heading and after the title, so that
    `split_sections` finds the sections and the sentences end at the headings. Only
    whitespace is replaced, so every offset into the result is an offset into `text`.

    A heading starts a line only where it starts with a capital and follows the end of a
    sentence or of another heading ("... symbolic sum. The complaint Mrs D complains",
    "Back to top The Ombudsman's role and powers 1. ..."), and, after the remedy, only
    where it is a heading of what may follow the remedy.
    """
    if text.count("\n", 0, -1) >= _FLAT_BELOW:
        return text
    chars = list(text)
    title = TITLE_LINE.match(text)
    if title and title.end() < len(text) and text[title.end()].isspace():
        chars[title.end()] = "\n"
    in_remedy, last_end = False, None
    for match in _INLINE_HEADING.finditer(text):
        start, end = match.start(), match.end()
        if match.group("heading"):
            before = text[max(0, start - 40):start].rstrip()[-1:]
            after_heading = last_end is not None and not text[last_end:start].strip()
            kind = heading_kind(match.group("heading"))
            if not text[start].isupper() or not (after_heading or before == "" or before in _ENDS_BEFORE_A_HEADING) or (
                    in_remedy and kind not in _AFTER_REMEDY):
                continue
            in_remedy = in_remedy or kind == REMEDY
        if not match.group("label"):
            last_end = end
            # ("Summary: Mr X complained ..." is the template's own one-line form.)
            if end < len(text) and not (match.group("heading") and kind == SUMMARY and match.group(0).endswith(":")):
                chars[end] = "\n"
        if start > 0:
            chars[start - 1] = "\n"
    restored = "".join(chars)
    return text if restored == text else restored


def split_sections(text: str) -> list[Section]:
    """Cut the text at its headings (a new list; `_split` keeps the last texts' cuts, as the
    extractor asks for them again when it reads a case summary's facts)."""
    return list(_split(text))


@functools.lru_cache(maxsize=256)  # (more than a batch of decisions: `extraction.extract`)
def _split(text: str) -> tuple[Section, ...]:
    """Cut the text at its headings. Text before the first heading is the header.

    Inside "What I found", a "Background" or "Law and guidance" subsection is followed by
    topic subheadings ("Delay in care package", "Oversight of the Agency"); those go back
    to findings.
    """
    text = with_line_breaks(text)  # (the same length: its offsets are the caller's)
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
    sections = [s for s in sections if s.end > s.start]
    return tuple(_case_summary_sections(text, sections) if _is_case_summary(sections) else sections)


def _is_case_summary(sections: list[Section]) -> bool:
    """A PHSO case summary: "What happened", "What we found", "Putting it right"."""
    headings = {normalise_heading(s.heading) for s in sections}
    if "putting it right" in headings or any(s.kind == ORGANISATIONS or _NUMBERED_SUMMARY.match(s.heading) for s in sections):
        return True
    # (an LGSCO statement's "What we found" holds a "What happened" too, after "The complaint")
    return {"what happened", "what we found"} <= headings and not any(s.kind in (COMPLAINT, ROLE) for s in sections)


# The facts a case summary ends with, unlabelled on older pages: the organisation, the
# place, then the complaint's and the result's tags, each a short line that is not a
# sentence ("A GP practice", "South Yorkshire", "Did not apologise properly or do enough
# to put things right", "Apology").
_FACT_LINE_WORDS = 12


def _is_fact_line(line: str) -> bool:
    line = line.strip()
    return 0 < len(line.split()) <= _FACT_LINE_WORDS and not line.endswith((".", "!", "?", ":", ";", ",")) \
        and heading_kind(line) is None


def _case_summary_sections(text: str, sections: list[Section]) -> list[Section]:
    """A case summary's sections as the template means them: "What we found" is its
    decision; the paragraph before "What happened" is its summary (when no "Summary 736 |"
    line heads it); and the unlabelled
    facts at its end are the organisations investigated, not more of the remedy."""
    # "What we found" is the Ombudsman's verdict in a few plain sentences, as a PHSO
    # decision's "Our decision" is, not an investigator's analysis: read as a decision.
    out = [Section(DECISION, s.heading, s.start, s.end) if s.kind == FINDINGS else s for s in sections]
    if out[0].kind == HEADER and not any(s.kind == SUMMARY for s in out):
        out[0] = Section(SUMMARY, "", out[0].start, out[0].end)
    if not any(s.kind in (ORGANISATIONS, OTHER) for s in out):
        last = out[-1]
        lines = text[last.start:last.end].splitlines(keepends=True)
        facts, at = 0, last.end
        for line in reversed(lines):
            if not line.strip():
                at -= len(line)
                continue
            if not _is_fact_line(line):
                break
            facts, at = facts + 1, at - len(line)
        if facts >= 2 and at > last.start:  # (one short last line is a cut-off sentence)
            out[-1:] = [Section(last.kind, last.heading, last.start, at), Section(ORGANISATIONS, "", at, last.end)]
    return out


def is_case_summary(text: str) -> bool:
    """Is the text a PHSO case summary ("What happened / What we found / Putting it right")?"""
    return _is_case_summary(_split(text))


def reports_its_remedy(text: str) -> bool:
    """Does the remedy section report what the body did after the investigation (a case
    summary's "Putting it right: The Practice apologised and paid her £500")?"""
    return any(s.kind == REMEDY and normalise_heading(s.heading) == "putting it right" for s in _split(text))


def organisations_investigated(text: str) -> list[str]:
    """The lines of a case summary's list of organisations investigated, as written, up to
    its next label (or its end). The first names an organisation; later lines may be the
    place ("West Yorkshire") or the complaint's tags, for the caller to tell apart."""
    return [line.strip() for section in _split(text) if section.kind == ORGANISATIONS
            for line in text[section.start:section.end].splitlines() if line.strip()]


def metadata_lines(text: str) -> dict[str, str]:
    """Read "Category :", "Decision :" and "Decision date :" from the top of the text.

    The value is on the same line ("Decision : Upheld") or on the following non-empty
    lines; a category's parts are joined with " > ".
    """
    found: dict[str, str] = {}
    lines = [ln.strip() for ln in with_line_breaks(text)[:4000].splitlines()]
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

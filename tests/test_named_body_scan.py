"""The named-body scan (`bodies._named_body_spans`) finds what a plain `finditer` of the body
pattern finds: the same bodies, left to right, each search resuming where the last body
ended. The scan consumes a body's first character and looks back at it so that `re` can skip
to the capitals; these tests pin that the trick loses no body and finds no extra one."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.extract import bodies
from pipeline.extract.bodies import find_named_bodies

# The body pattern searched the plain way: tried at every position of the text.
_PLAIN = re.compile(rf"(?<!\w)(?:{bodies._BODY})")
# ... and without the lookahead's first test (a word, then a word in small letters that is
# not a join: no name goes on past it), which must only save time.
_PLAIN_UNGUARDED = re.compile(rf"(?<!\w)(?:{bodies._BODY.replace(bodies._NOT_FOLLOWED_BY_A_SMALL_WORD, '')})")
assert _PLAIN_UNGUARDED.pattern != _PLAIN.pattern


def plain_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


TRICKY = [
    "Leeds City Council did not reply.",                                   # a name at offset 0
    "Mrs X complained (Leeds City Council) about it.",                     # right after "("
    "(Nelson) Care Ltd sent carers.",                                      # a name that starts with "("
    "xLeeds City Council and the ICB and Norbeck Borough Council (the Council).",  # after a word character
    "She moved into St. Anne's Care Home in May.",
    "Mrs X complained about her son C. The Council did not reply.",
    "A.B. Care Ltd (the Agency) sent carers.",
    "Bar Care Ltd.(Foo) Care Ltd sent carers.",                             # a body right where one ends
    "Leeds City Council Barnet Council Moorfields Eye Hospital NHS Foundation Trust",  # consecutive bodies
    "the London Borough of Ealing's officers and Royal Borough of Kingston upon Thames",
    "Foo-(Bar) Council and Foo-St. Anne Care Home and Sunrise Holdings plc",
    "Mrs X said The complaint went to Carewatch (Nelson) Ltd and HM Land Registry.",
    "Heart to Heart Home Care and Step by Step Care Ltd",
    "Department for Work and Pensions, Home Office and City of York Council",
    "Foo\u00a0Bar\u00a0Council, Foo Bar \nCouncil, O’Neill & Sons Care Ltd.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_scan_finds_what_a_plain_search_finds(text):
    assert list(bodies._named_body_spans(text)) == plain_spans(_PLAIN, text) == plain_spans(_PLAIN_UNGUARDED, text)


@pytest.mark.parametrize("text, expected", [
    # (what the code found before the scan was rewritten for speed)
    ("Mrs X complained (Leeds City Council) about it.", [(18, "Leeds City Council", "council", None)]),
    ("xLeeds City Council and the ICB and Norbeck Borough Council (the Council).",
     [(36, "Norbeck Borough Council", "council", "the Council")]),
    ("She moved into St. Anne's Care Home in May.", [(15, "St. Anne's Care Home", "care_provider", None)]),
    ("Bar Care Ltd.(Foo) Care Ltd sent carers.",
     [(0, "Bar Care Ltd.", "care_provider", "Foo"), (13, "(Foo) Care Ltd", "care_provider", None)]),
    ("Leeds City Council Barnet Council Moorfields Eye Hospital NHS Foundation Trust",
     [(0, "Leeds City Council", "council", None), (19, "Barnet Council", "council", None),
      (34, "Moorfields Eye Hospital NHS Foundation Trust", "nhs_trust", None)]),
    ("the London Borough of Ealing's officers and Royal Borough of Kingston upon Thames",
     [(4, "London Borough of Ealing's", "council", None), (44, "Royal Borough of Kingston upon Thames", "council", None)]),
    ("Foo-(Bar) Council and Foo-St. Anne Care Home and Sunrise Holdings plc",
     [(0, "Foo-(Bar) Council", "council", None),
      (22, "Foo-St. Anne Care Home and Sunrise Holdings plc", "care_provider", None)]),
    ("Mrs X said The complaint went to Carewatch (Nelson) Ltd and HM Land Registry.",
     [(33, "Carewatch (Nelson) Ltd", "care_provider", None), (60, "HM Land Registry", "government", None)]),
])
def test_named_bodies_in_tricky_text(text, expected):
    assert [(m.start, m.text, m.body_type, m.alias) for m in find_named_bodies(text)] == expected


# Words of names, of the endings and of the text around them, and the characters between.
_ENDING_WORDS = sorted({w for ending, _ in bodies._ENDINGS for w in re.findall(r"[A-Za-z]+", ending)} - {"s"})
_TOKENS = _ENDING_WORDS + bodies._JOIN_WORDS.split("|") + [
    "Leeds", "Mrs", "X", "C.", "A.B.", "St.", "St", "The", "the", "complaint", "said", "to", "by", "2",
    "London Borough of", "City of", "Department for", "HM", "Land", "Registry", "Foo-", "O’Neill", "Ealing's",
    "(", ")", "(Nelson)", "(Council Y)", "t/a", "Marston", ".", ",", "-", "’", "x",
]
_GAPS = ["", " ", " ", " ", "  ", "\u00a0", ", ", "\n", "."]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_GAPS)), max_size=25))
@example([("A", " "), ("care", "\n"), ("home", "")])  # a home's kind across a line break (found in session 27)
def test_scan_finds_what_a_plain_search_finds_in_any_text(pieces):
    text = "".join(token + gap for token, gap in pieces)
    assert list(bodies._named_body_spans(text)) == plain_spans(_PLAIN, text) == plain_spans(_PLAIN_UNGUARDED, text)


def test_no_ending_starts_with_a_small_letter_or_a_digit_but_plc_and_a_homes_kind():
    """The lookahead's first test passes over a capitalised word followed by a word in small
    letters or digits (not a join word, not "plc", not "care home" or "nursing home"): sound
    while every word of every ending but those starts with a capital. (A trading name, "t/a
    ...", comes only after a company word, never right after a name's first word.)"""
    # (a lookbehind's words are no part of what an ending matches: "(?<!and\s)Care")
    words = {w for ending, _ in bodies._ENDINGS
             for w in re.findall(r"(?<!\\)[A-Za-z0-9]+", re.sub(r"\(\?<!\w+\\s\)", "", ending.replace(bodies._TRADING_NAME, "")))}
    assert {w for w in words if not w[0].isupper()} == {"plc", "care", "nursing", "home"}


def _found(text: str) -> list[tuple[int, int, str, str, str | None]]:
    return [(m.start, m.end, m.text, m.body_type, m.alias) for m in find_named_bodies(text)]


def test_cached_name_work_depends_on_the_name_alone():
    """The trim of a name's leading words and its type check are cached by the name's string
    (`_leading_noise_length`, `_named_body_type`): the same name at another offset, after
    other words, or read after other texts gives what it gives read first, in a fresh process."""
    names = ["Trinity Surgery", "The Elm House Care Home", "And Norbeck Borough Council", "The Council"]
    prefixes = ["", "Then ", "However, ", "Mrs D and ", "In May 2024 ", "x "]
    texts = TRICKY + [f"{p}{n} (the Home) replied to {n}." for p in prefixes for n in names]
    cold = []
    for text in texts:
        bodies._leading_noise_length.cache_clear()
        bodies._named_body_type.cache_clear()
        cold.append(_found(text))
    assert [_found(t) for t in texts] == cold
    assert [_found(t) for t in reversed(texts)] == cold[::-1]
    assert any(len(found) >= 2 for found in cold[len(TRICKY):])  # the names are found at both offsets

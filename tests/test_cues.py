"""Anchored cues (pipeline.extract.cues) answer exactly as their patterns do."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import nlp as nlp_module
from pipeline.extract import vocabulary as vocab
from pipeline.extract.cues import AllOf, AnyOf, Cue, CueSet, anchors, compile_requirement, fold, literals, requirement

ALL_CUES = {f"{group}:{name}": cue for group, cues in
            (("category", vocab.CATEGORY_CUES), ("strong", vocab.STRONG_CATEGORY_CUES),
             ("purpose", vocab.PURPOSE_CUES), ("action", vocab.ACTION_CUES)) for name, cue in cues.items()}
ALL_CUES |= {name: value for name, value in vars(vocab).items() if isinstance(value, Cue)}


def test_anchors_of_an_alternation_are_one_literal_per_branch():
    assert anchors(re.compile(r"\bdelay|took too long|statutory (?:time|deadline)", re.I)) == \
        {"delay", "took too long", "statutory "}


def test_a_mandatory_group_gives_its_anchors_and_an_optional_one_none():
    assert anchors(re.compile(r"(?:failed|did not) (?:to )?assess")) == {"assess"}
    assert anchors(re.compile(r"(?:the )?x")) is None  # nothing of 3+ characters is required


def test_the_requirement_keeps_every_part_a_match_needs():
    need = requirement(re.compile(r"\b(?:did not|failed to) (?:tell|inform)\w* (?:her|him)|\bkeep (?:\w+ )?informed", re.I))
    assert need == AnyOf([AllOf([AnyOf(["did not", "failed to"]), AnyOf(["tell", "inform"])]), AllOf(["keep ", "informed"])])
    assert literals(need) == {"did not", "failed to", "tell", "inform", "keep ", "informed"}
    met = compile_requirement(need)
    # the folded text itself, or the set of literals found in it
    assert met("it did not inform her") and met({"did not", "inform"}) and met({"keep ", "informed"})
    assert not met("it did not reply to her") and not met({"did not"}) and not met({"keep ", "tell"})
    assert requirement(re.compile(r"(?:the )?x")) is None  # nothing of 3+ characters is required


def test_a_cue_set_searches_only_the_cues_whose_requirements_the_text_meets():
    cue_set = CueSet({"told": Cue(re.compile(r"\b(?:did not|failed to) (?:tell|inform)", re.I)),
                      "delay": Cue(re.compile(r"\bdelay", re.I))})
    searched: list[str] = []
    for name, cue in cue_set.cues.items():  # record which patterns are searched
        cue.pattern = _Recording(cue.pattern, name, searched)
        cue._folded_pattern = None
    assert cue_set.found_in("The Council did not reply to her letters") == set()
    assert searched == []  # "did not" passes the anchors, but no "tell" or "inform": not searched
    assert cue_set.found_in("The Council did not tell her, a delay") == {"told", "delay"}


class _Recording:
    def __init__(self, pattern: re.Pattern, name: str, searched: list[str]):
        self.pattern, self.name, self.searched = pattern, name, searched

    def search(self, text: str):
        self.searched.append(self.name)
        return self.pattern.search(text)


@pytest.mark.parametrize("text, alleges", [
    ("Mrs X says the Council delayed", True), ("She said the Council delayed", True),
    ("The policy says a review should follow", False), ("The plan did not say how", False), ("Mr Y disputes the bill", True),
    ("There were funding disputes between them", False), ("Her son believes the home was at fault", True),
    ("The Council was slow to believe her", False), ("He complained in May", True),
])
def test_allegation_words_are_someones_and_not_a_rules(text, alleges):
    assert vocab.ALLEGATION.found_in(text) == alleges


def test_anchors_are_case_folded():
    cue = Cue(re.compile(r"\bDST\b", re.I))
    assert cue.anchors == {"dst"}
    assert cue.found_in("The DST was not completed")
    assert cue.found_in("the dst was") and not cue.found_in("the d.s.t.")


def test_characters_ignorecase_matches_to_i_still_pass_the_anchors():
    # "İ" and "ı" match "i" under re.IGNORECASE but do not case-fold to it.
    cue = Cue(re.compile(r"eligib", re.I))
    for text in ("ELİGİBLE", "elıgıble"):
        assert cue.pattern.search(text)
        assert cue.found_in(text), text
    assert fold("ELİGİBLE") == "eligible"


def _sentences(records) -> list[str]:
    return [s for r in records for line in r.text.splitlines() for s in re.split(r"(?<=\.)\s+", line) if s.strip()]


def test_every_vocabulary_cue_agrees_with_its_pattern_on_real_sentences(dev_records):
    sentences = _sentences(dev_records.values())
    assert len(sentences) > 1000
    for name, cue in ALL_CUES.items():
        for s in sentences:
            assert cue.found_in(s, fold(s)) == bool(cue.pattern.search(s)), (name, s)


def test_the_anchors_do_skip_most_texts(dev_records):
    """The point of a cue: on real sentences most category tests are answered by the anchors."""
    sentences = _sentences(dev_records.values())
    folded = [fold(s) for s in sentences]
    tests = [cue.could_match(f) for cue in ALL_CUES.values() for f in folded]
    assert sum(tests) / len(tests) < 0.5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiostdlcnmpr İıſKßﬁ-’ ")) | st.characters(), max_size=60))
def test_cues_agree_with_their_patterns_on_any_text(text):
    for name, cue in ALL_CUES.items():
        assert cue.found_in(text) == bool(cue.pattern.search(text)), name


@pytest.mark.parametrize("pattern", [r"(?<!health and )care plan", r"commission(?:ing|ed|ers?)\b", r"a+bcd|x{2,}yzw"])
def test_lookarounds_and_repeats(pattern):
    cue = Cue(re.compile(pattern, re.I))
    for text in ("health and care plan", "a care plan", "commissioners", "aaabcd", "xxyzw", "nothing"):
        assert cue.found_in(text) == bool(cue.pattern.search(text))


def test_fault_words_marks_exactly_the_sentences_fault_word_finds(dev_records, nlp):
    texts = [r.text for r in dev_records.values()] + ["Die Straße war gesperrt. This was fault.\nNo fault here? Yes."]
    marked = 0
    for text in texts:
        doc = nlp(text)
        for (a, b), flag in zip(doc._.sentence_offsets, doc._.fault_words):
            assert flag == bool(vocab.FAULT_WORD.pattern.search(text[a:b])), text[a:b]
            marked += flag
    assert marked > 100


def test_a_text_that_folding_lengthens_is_searched_as_it_is():
    cue = Cue(re.compile(r"\bstress\b", re.I))
    assert not cue.found_in("Streß")  # folds to "stress", but re.IGNORECASE does not match it
    assert cue.found_in("Stress and Straße")


def test_a_cue_set_finds_exactly_the_cues_that_match(dev_records):
    for cues, cue_set in ((vocab.CATEGORY_CUES, vocab.CATEGORY_CUE_SET),
                          (vocab.STRONG_CATEGORY_CUES, vocab.STRONG_CATEGORY_CUE_SET),
                          (vocab.PURPOSE_CUES, vocab.PURPOSE_CUE_SET), (vocab.ACTION_CUES, vocab.ACTION_CUE_SET)):
        for s in _sentences(dev_records.values())[:3000] + ["", "ELİGİBLE Streß section 42 safeguarding"]:
            assert cue_set.found_in(s) == {name for name, cue in cues.items() if cue.pattern.search(s)}, s


_CUE_SET_WORDS = sorted({lit for cue_set in (vocab.CATEGORY_CUE_SET, vocab.STRONG_CATEGORY_CUE_SET, vocab.PURPOSE_CUE_SET,
                                                vocab.ACTION_CUE_SET) for cue in cue_set.cues.values() for lit in literals(cue.needs)})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_SET_WORDS + ["the", "Council", "her", "a", ",", ".", "Mrs X", "ß", "İ"]), max_size=14))
def test_cue_sets_agree_with_their_patterns_on_any_mix_of_their_words(words):
    text = " ".join(words)
    for cues, cue_set in ((vocab.CATEGORY_CUES, vocab.CATEGORY_CUE_SET), (vocab.STRONG_CATEGORY_CUES, vocab.STRONG_CATEGORY_CUE_SET),
                          (vocab.PURPOSE_CUES, vocab.PURPOSE_CUE_SET), (vocab.ACTION_CUES, vocab.ACTION_CUE_SET)):
        assert cue_set.found_in(text) == {name for name, cue in cues.items() if cue.pattern.search(text)}, text


DEADLINE_CUES = {"absolute": nlp_module._ABSOLUTE, "relative": nlp_module._RELATIVE}


def _spans(pattern: re.Pattern, text: str) -> list[tuple]:
    return [tuple(m.span(i) for i in range(pattern.groups + 1)) for m in pattern.finditer(text)]


def test_deadline_phrases_are_found_where_their_patterns_find_them(dev_records):
    texts = [r.text for r in dev_records.values()] + ["By 1 JUNE 2025 or by 29 ſeptember 2025; Within Two Weeks of the final report, by 3 Straße 2025."]
    found = 0
    for text in texts:
        for cue in DEADLINE_CUES.values():
            assert list(cue.match_spans(text)) == _spans(cue.pattern, text)
            found += len(_spans(cue.pattern, text))
    assert found > 15
    assert DEADLINE_CUES["absolute"]._folded_pattern is not None  # the month names are written in lower case


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["by", "By", "BEFORE", "within", "Within", "1", "29th", "June", "SEPT", "ſept", "12/03/24",
                                 "two", "working", "weeks", "months", "of", "the", "final", "decision", "İ", "ß", ".", ",", "\n"]),
                max_size=20))
def test_deadline_cues_agree_with_their_patterns_on_any_mix(words):
    text = " ".join(words)
    for cue in DEADLINE_CUES.values():
        assert list(cue.match_spans(text)) == _spans(cue.pattern, text)


def test_anchors_found_for_all_sentences_at_once_are_those_found_one_by_one(dev_records, nlp):
    for text in [r.text for r in dev_records.values()][:10]:
        doc = nlp(text)
        folded, offsets = fold(text), doc._.sentence_offsets
        for cue in (vocab.FAULT_WORD, vocab.NO_FAULT, vocab.ALLEGATION):
            assert cue.could_match_each(folded, offsets) == [cue.could_match(folded[a:b]) for a, b in offsets]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("fault ingsmdx.")), max_size=80), st.lists(st.integers(0, 80), max_size=12))
def test_anchors_found_at_once_on_any_spans(text, cuts):
    cuts = sorted(set(c for c in cuts if c <= len(text)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]  # sorted, non-overlapping, with gaps
    cue = vocab.FAULT_WORD
    assert cue.could_match_each(text, spans) == [cue.could_match(text[a:b]) for a, b in spans]

"""The `line_sentences` component (pipeline.nlp.LineSentences) splits where its rules say,
token by token: checked against a plain loop over the tokens on every corpus text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp import LineSentences
from pipeline.records import DecisionRecord, read_jsonl
from tests.conftest import SAMPLE

BULLETS, FINALS, OPENERS = ("•", "●", "▪"), (".", "?", "!"), ("•", "-", "“", '"')
FINAL_ABBREVIATIONS = ("Ltd.", "Inc.", "plc.", "Plc.", "PLC.", "LLP.")  # one token, a company's name at a sentence end


def _capital_like(text: str) -> bool:
    return text.istitle() or text.isdigit() or text.isupper() or text in OPENERS


def _sentences_by_loop(doc) -> list[tuple[int, int]]:
    """What the rules in LineSentences' docstring say, one token at a time."""
    starts = [0] if len(doc) else []
    word_before = None  # the last token before this one that is not whitespace
    for i in range(1, len(doc)):
        before, token = doc[i - 1].text, doc[i].text
        if not before.isspace():
            word_before = before
        starts_one = "\n" in before or token in BULLETS or (
            (word_before in FINALS or word_before in FINAL_ABBREVIATIONS) and _capital_like(token))
        if starts_one and not token.isspace():
            starts.append(i)
    ends = [s - 1 for s in starts[1:]] + ([len(doc) - 1] if len(doc) else [])
    return [(doc[s].idx, doc[e].idx + len(doc[e].text)) for s, e in zip(starts, ends)]


def _check(nlp, component, text):
    doc = component(nlp.make_doc(text))
    expected = _sentences_by_loop(doc)
    assert doc._.sentence_offsets == expected
    assert [(s.start_char, s.end_char) for s in doc.sents] == expected


def test_sentences_follow_the_rules_on_every_corpus_text(nlp, dev_dir, seed_record):
    texts = [r.text for r in read_jsonl(dev_dir / "records.jsonl") if isinstance(r, DecisionRecord)]
    texts += [r.text for r in read_jsonl(SAMPLE / "records.jsonl") if isinstance(r, DecisionRecord)]
    texts.append(seed_record.text)
    component = LineSentences(nlp.vocab)
    for text in texts * 2:  # the second pass reads each word's kind from what the first learnt
        _check(nlp, component, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The", "Council", "fault", ".", "?", "!", "•", "-", "“", '"', "42", "UK", "Mr.",
                                 "\n", "\n\n", " ", "  ", "e.g.", "ICB", "it", "Ltd."]), max_size=40))
def test_sentences_follow_the_rules_on_any_run_of_words(nlp, words):
    _check(nlp, LineSentences(nlp.vocab), " ".join(words))


def test_a_companys_name_can_end_a_sentence(nlp):
    doc = LineSentences(nlp.vocab)(nlp.make_doc("Mrs B had care from Sunnivale Homecare Ltd. We found the Council at fault."))
    assert [doc.text[a:b] for a, b in doc._.sentence_offsets] == [
        "Mrs B had care from Sunnivale Homecare Ltd.", "We found the Council at fault."]


def test_a_full_stop_ends_a_sentence_across_the_spaces_after_it(nlp):
    component = LineSentences(nlp.vocab)
    for text in ("The Council delayed.  That was fault.", "The Council delayed.\tThat was fault.",
                 "The Council delayed. \u00a0That was fault."):
        doc = component(nlp.make_doc(text))
        assert [doc.text[a:b].strip() for a, b in doc._.sentence_offsets] == ["The Council delayed.", "That was fault."]

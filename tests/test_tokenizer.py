"""The chunk-cached tokenizer (pipeline.tokenizer) gives spaCy's tokens, only sooner."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import DecisionRecord, read_jsonl
from pipeline.tokenizer import ChunkCachedTokenizer
from tests.conftest import SAMPLE


def _plain():
    nlp = spacy.blank("en")
    nlp.tokenizer.url_match = None
    return nlp.tokenizer


PLAIN, CACHED = _plain(), ChunkCachedTokenizer(_plain())  # spacy.blank costs 0.3 s: once per module


def _tokens(doc):
    return [(t.text, t.idx, t.whitespace_) for t in doc]


def test_the_pipeline_is_built_with_it(nlp):
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "ombudsman.ChunkCachedTokenizer.v1"
    assert isinstance(nlp.tokenizer, ChunkCachedTokenizer)
    assert nlp.tokenizer.url_match is None


def test_tokens_are_spacys_on_every_corpus_text(dev_dir, seed_record):
    texts = [r.text for r in read_jsonl(dev_dir / "records.jsonl") if isinstance(r, DecisionRecord)]
    texts += [r.text for r in read_jsonl(SAMPLE / "records.jsonl") if isinstance(r, DecisionRecord)]
    texts.append(seed_record.text)
    cached = ChunkCachedTokenizer(_plain())
    for text in texts * 2:  # the second pass reads from the warm cache
        assert _tokens(cached(text)) == _tokens(PLAIN(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "Mrs", "B's", "fault.", "The", "Council", "£1,000", "e.g.", "(ICB)", "—", ":)",
                                 "can't", "\n", "\n\n", "  ", "•", "1.", "U.K.", "3pm.", "don’t", "“Yes.”", "a-b"]), max_size=40))
def test_tokens_are_spacys_on_any_mix_of_special_cases(words):
    text = " ".join(words)
    assert _tokens(CACHED(text)) == _tokens(PLAIN(text))  # the cache fills across the examples
    assert _tokens(CACHED(text)) == _tokens(PLAIN(text))


def test_chunks_are_learnt_only_up_to_the_cache_size():
    cached = ChunkCachedTokenizer(_plain(), max_cached_chunks=3)
    cached("one two three four five")
    assert cached.max_cache_size == 3  # spaCy's own cache is sized to match
    assert len(cached._seen) == 5  # one text's chunks are learnt together, then no more
    cached("six seven")
    assert len(cached._seen) == 5
    assert [t.text for t in cached("six seven.")] == ["six", "seven", "."]


def test_it_pickles(nlp):
    import pickle

    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert isinstance(copy, ChunkCachedTokenizer) and copy.max_cached_chunks == nlp.tokenizer.max_cached_chunks
    text = "Mr. Smith's complaint (23 011 903a) was upheld.\nThe Council will pay £300."
    assert _tokens(copy(text)) == _tokens(PLAIN(text))

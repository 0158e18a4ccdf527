"""spaCy's English tokenizer, with its span cache kept warm.

spaCy's tokenizer splits a text at whitespace and looks each chunk up in a cache before
running the prefix, suffix and infix rules on it. But the cache is written only while the
Doc has met no special case (`has_special` is one flag for the whole Doc, see spaCy's
`Tokenizer._save_cached` and its issue #1250): in a decision of 3,600 tokens the first
"Mr." or "'s" comes early, and from there on nothing new is cached, so every later chunk
is tokenized by the affix regexes again, in every decision. That is most of what bare
tokenization of a long text costs (about 150,000 tokens/s here, against 1.5-2 million
with a warm cache).

`ChunkCachedTokenizer` tokenizes each chunk it has not seen on its own first (a Doc of
one chunk, whose flag is its own), which caches it exactly as spaCy would have, and then
tokenizes the whole text as before. The tokens are the same: the cache holds what the
rules give for a chunk without special cases, which does not depend on the context (the
tests check it on every corpus text). Only the speed changes.

Memory is bounded: spaCy caches at most `max_cache_size` chunks, and chunks are
pre-tokenized only while the set of those seen is below that size.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

MAX_CACHED_CHUNKS = 500_000  # spaCy's default is 10,000: fewer than a month of decisions hold


class ChunkCachedTokenizer:
    """A spaCy `Tokenizer` whose cache learns each new whitespace-separated chunk."""

    def __init__(self, tokenizer: Tokenizer, max_cached_chunks: int = MAX_CACHED_CHUNKS):
        self.tokenizer = tokenizer
        self.tokenizer.max_cache_size = max_cached_chunks
        self.max_cached_chunks = max_cached_chunks
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        if len(self._seen) < self.max_cached_chunks:
            new = set(text.split()) - self._seen  # str.split's chunks are the tokenizer's
            for chunk in new:
                self.tokenizer(chunk)
            self._seen |= new
        return self.tokenizer(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        # Everything else (rules, to_bytes, explain, ...) is the wrapped tokenizer's. Not
        # while unpickling, before `tokenizer` is set: that would look itself up for ever.
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __reduce__(self):
        # Pickled (as anything that ships the pipeline to another process does) as the
        # wrapped tokenizer and the size; the copy's cache fills again as it works.
        return (ChunkCachedTokenizer, (self.tokenizer, self.max_cached_chunks))


@registry.tokenizers("ombudsman.ChunkCachedTokenizer.v1")
def create_chunk_cached_tokenizer(max_cached_chunks: int = MAX_CACHED_CHUNKS) -> Callable[[Language], ChunkCachedTokenizer]:
    """spaCy's default tokenizer for the language, without URL matching, cache kept warm."""
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> ChunkCachedTokenizer:
        tokenizer = default(nlp)
        # Nothing here reads URLs, and the tokenizer tests its URL pattern on every chunk
        # it has not cached; without it, a URL is split at its slashes and the sentence
        # boundaries stay the same.
        tokenizer.url_match = None
        return ChunkCachedTokenizer(tokenizer, max_cached_chunks)

    return make


def blank_english() -> Language:
    """`spacy.blank("en")` with this tokenizer: the base of the pipeline (pipeline.nlp),
    and what the bench measures beside bare spaCy."""
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "ombudsman.ChunkCachedTokenizer.v1"}}})

"""The spaCy pipeline's components declare what they write and read, so spaCy itself checks
their order (`nlp.analyze_pipes`)."""
from __future__ import annotations

import spacy

from pipeline.nlp import PIPELINE, create_nlp


def test_every_component_finds_what_it_reads_written_before_it() -> None:
    analysis = create_nlp().analyze_pipes(pretty=False)
    assert [name for name, _ in analysis["summary"].items()] == PIPELINE
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]


def test_a_component_put_before_what_it_reads_is_reported() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("fault_words")
    nlp.add_pipe("line_sentences")
    assert nlp.analyze_pipes(pretty=False)["problems"]["fault_words"] == ["doc._.sentence_offsets"]


def test_each_component_says_what_it_writes() -> None:
    summary = create_nlp().analyze_pipes(pretty=False)["summary"]
    assert all(summary[name]["assigns"] for name in PIPELINE)

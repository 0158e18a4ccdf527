"""Who acts in a remedy sentence (pipeline/extract/subjects.py), on hand-made sentences."""
from __future__ import annotations

from pipeline.extract import subjects as subject_rules
from pipeline.extract.sentence import Sentence


def sentence(text: str, *names: str, start: int = 0) -> Sentence:
    """A remedy sentence whose bodies are the given names (each its own key) where they occur."""
    bodies = sorted((start + text.index(name), name) for name in names)
    return Sentence(text, start, start + len(text), "remedy", bodies, [], [], None)


def test_every_body_named_before_the_modal_is_a_subject():
    sent = sentence("By 13 May 2025 the ICB and the Council will each write to Mrs J.", "ICB", "Council")
    assert subject_rules.subjects(sent) == ["ICB", "Council"]


def test_a_body_named_after_the_modal_is_not_one():
    sent = sentence("The Council should tell the ICB what it has changed.", "Council", "ICB")
    assert subject_rules.subjects(sent) == ["Council"]


def test_a_subject_named_after_a_lead_in():
    sent = sentence("With regard to the actions it agreed in this long and detailed case, for the ICB, I recommend:",
                    "ICB", start=100)
    assert subject_rules.subject(sent) == "ICB"
    assert subject_rules.subject(sentence("I have considered what the family said about the care provided by Acme.",
                                          "Acme")) is None  # named late, not as who acts


def test_the_current_subject_is_the_latest_one_so_far():
    remedy = [sentence("The Council will apologise.", "Council"),
              sentence("It should also remind staff.", start=30),
              sentence("The ICB will pay £100.", "ICB", start=60)]
    assert [subject_rules.current_subject(remedy, i) for i in range(3)] == ["Council", "Council", "ICB"]


def test_unique_keeps_the_first_order():
    assert subject_rules.unique(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]

"""Detection by the learned classifier where the rules read no incident words, and the classifier's
coding in short documents. Sentences written for these tests (worded like ACLED summaries and wire
briefs, naming no place or party of the training notes)."""

from __future__ import annotations

from dataclasses import dataclass

import cronica
from cronica.extraction.learned import Combination, Judgement, apply_learned_types
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event, Extraction


def run(text: str, published: str = "2023-06-20") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def test_armed_men_seen_moving_with_no_trigger_word_is_found_by_the_classifier() -> None:
    text = (
        "On 14 June 2023, dozens of members of an unidentified armed group were seen moving through the "
        "forest near Dravik."
    )
    result = run(text)
    assert len(result.events) == 1
    event = result.events[0]
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Change to group/activity")
    assert event.coded_by.startswith("learned classifier: the sentence reports an event")
    # the evidence is the sentence's own main verb and sentence
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text == "seen"
    assert event.sentence is not None and event.sentence.text.startswith("On 14 June 2023")
    assert event.date.value == "2023-06-14"


def test_the_classifier_finds_no_event_in_a_sentence_the_rules_read_as_negated() -> None:
    result = run("Residents said there was no fighting between the two villages near Dravik on Monday.")
    assert not [e for e in result.events if e.event_type == "Battles"]


def test_a_sentence_about_talks_is_no_event() -> None:
    result = run("The two delegations met in the capital on Tuesday to discuss the water treaty.")
    assert result.events == ()


def test_a_gathering_with_no_trigger_word_for_the_rules_is_a_protest() -> None:
    result = run(
        "On 12 June 2023, several hundred teachers assembled outside the education ministry in Velmora "
        "to reject the new pay scale."
    )
    assert [e.event_type for e in result.events] == ["Protests"]


@dataclass
class FixedTyper:
    """The classifier's reading, fixed, to test how the combination uses it."""

    reading: Judgement

    def judge(self, text: str) -> Judgement:
        return self.reading


def _event(result: Extraction) -> Event:
    assert len(result.events) == 1
    return result.events[0]


def test_in_a_short_document_a_sure_classifier_replaces_any_coding_of_the_rules() -> None:
    text = "On 3 June 2023, gunmen attacked a bus near Dravik, killing four passengers."
    rules = Pipeline(typer="rules")
    base = _event(rules.extract_document(document_from_text(text, id="test", published="2023-06-05")))
    assert (base.event_type, base.sub_event_type) == ("Violence against civilians", "Attack")
    attack = ("Violence against civilians", "Attack")
    sure = FixedTyper(Judgement(0.99, (("Battles", "Armed clash", 0.96), (*attack, 0.03))))
    unsure = FixedTyper(Judgement(0.99, (("Battles", "Armed clash", 0.9), (*attack, 0.1))))
    [moved] = apply_learned_types([base], sure, Combination(), sentences=1, text=text)
    assert (moved.event_type, moved.sub_event_type) == ("Battles", "Armed clash")
    assert moved.coded_by.startswith("learned classifier")
    [kept] = apply_learned_types([base], unsure, Combination(), sentences=1, text=text)
    assert (kept.event_type, kept.sub_event_type) == ("Violence against civilians", "Attack")
    # a long report moves a contextual coding only when the rules coding is under 0.02
    [long] = apply_learned_types([base], sure, Combination(), sentences=12, text=text)
    assert (long.event_type, long.sub_event_type) == ("Violence against civilians", "Attack")

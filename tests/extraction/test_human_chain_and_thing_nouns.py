"""A human chain is a demonstration; a noun that names a thing ("the press club") is no assault.

events.yaml: "human chain" among the protest family's phrases; `verb_only` lists the lemmas of the
shoot family that are triggers only as verbs ("clubbed protesters" is an assault, "the press club" a
building, "a police beat" a round).
"""

from __future__ import annotations

import pytest

import cronica
from cronica.records import Event


def events(text: str) -> list[Event]:
    return cronica.extract(text, published="2021-03-22", id="test").events


@pytest.mark.parametrize(
    "text",
    [
        "On 5 March 2021, students formed a human chain in front of the press club in Dhaka demanding "
        "the reopening of universities.",
        "On 5 March 2021, teachers held human chains in several towns of Rangpur demanding better pay.",
        "A human chain was formed by hundreds of nurses outside the district hospital in Khulna on Sunday.",
        "Journalists staged a sit-in at the national press club in Islamabad on Monday.",
    ],
)
def test_a_human_chain_or_a_sit_in_at_a_press_club_is_a_peaceful_protest(text: str) -> None:
    found = events(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Protests", "Peaceful protest")], text


@pytest.mark.parametrize(
    "text",
    [
        "The officer on his beat saw nothing unusual in Kampala on Monday.",
        "Members of the press club met the minister in Dhaka on Monday.",
    ],
)
def test_a_noun_that_names_a_thing_is_no_event(text: str) -> None:
    assert not events(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Police clubbed protesters outside the press club in Dhaka on Monday.",
        "Police beat protesters with batons in Kathmandu on Monday.",
    ],
)
def test_the_verb_of_the_same_words_is_still_force_against_protesters(text: str) -> None:
    found = events(text)
    assert found and found[0].event_type == "Protests", text
    assert found[0].sub_event_type == "Excessive force against protesters", text

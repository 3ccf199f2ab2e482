"""A protest told in parts is one event: the arrests told in the next sentence, the burning and the road
block of one sentence, the demonstrators' beating of someone, destruction "during protests". And a
peaceful protest has no actor 2 but counter-protesters (ACLED: 2,319 of the training files' 2,343
peaceful protests have none). Sentences written for these tests, in the style of protest briefs; none
is from a gold set."""

from __future__ import annotations

import pytest

import cronica
from cronica.records import Event


def events(text: str) -> list[Event]:
    return list(cronica.extract(text, published="2021-06-14").events)


@pytest.mark.parametrize(
    "text",
    [
        "Students blocked the highway to protest against fuel price hikes. Police arrested 15 of them.",
        "Teachers marched to the education ministry on Monday. Police later detained 12 demonstrators.",
    ],
)
def test_arrests_told_after_a_protest_are_its_count_not_a_development(text: str) -> None:
    found = events(text)
    assert len(found) == 1, [(e.event_type, e.sub_event_type) for e in found]
    event = found[0]
    assert event.event_type == "Protests"
    assert event.counts["arrested"][0].value in {15, 12}
    assert event.actor1 is not None and event.actor1.inter == 6


def test_arrests_the_report_leads_with_stay_a_development() -> None:
    found = events("Police arrested 30 opposition activists in the capital on Monday.")
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Strategic developments", "Arrests")]


def test_a_peaceful_protest_has_no_target_for_actor_2() -> None:
    event = events("Students blocked the Pan-American highway to protest against fuel price hikes.")[0]
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.actor2 is None


def test_police_that_arrest_protesters_are_actor_2_of_an_intervention() -> None:
    event = events("Police detained 40 people during a protest against the electoral tribunal.")[0]
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.actor2 is not None and event.actor2.inter == 1


@pytest.mark.parametrize(
    "text",
    [
        "Residents burned tires and blocked roads demanding water service.",
        "Youths burned tyres and barricaded the main road in Kisumu on Monday.",
    ],
)
def test_a_burning_and_a_road_block_of_one_sentence_are_one_violent_demonstration(text: str) -> None:
    found = events(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Riots", "Violent demonstration")]


def test_the_demonstrators_beating_someone_is_their_demonstration() -> None:
    found = events(
        "On Monday, residents burned tyres and barricaded roads in Mopti to protest the killing of a trader. "
        "The demonstrators beat a policeman and burned his motorbike."
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Riots", "Violent demonstration")]


@pytest.mark.parametrize(
    "text",
    [
        "Miners dynamited a bridge during protests against a new mining law.",
        "Residents torched the police station in Kisii to protest the death of a boda boda rider.",
    ],
)
def test_destruction_told_as_a_protest_is_a_violent_demonstration(text: str) -> None:
    event = events(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_armed_men_burning_during_protests_are_no_demonstrators() -> None:
    found = events("Gunmen burned a church in the town during protests against the governor.")
    assert all(e.event_type != "Riots" for e in found)


def test_the_force_that_dispersed_the_protesters_is_actor_2_not_the_dispersed() -> None:
    event = events(
        "Thousands of teachers protested in the capital demanding higher salaries; police used tear gas to "
        "disperse them."
    )[0]
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.actor2 is not None and event.actor2.inter == 1


@pytest.mark.parametrize(
    ("text", "inter2"),
    [
        ("Soldiers and Al Shabaab militants clashed near Afgoye on Monday.", 2),
        ("Coca farmers and police clashed near Villa Tunari on Monday, leaving one farmer dead.", 1),
    ],
)
def test_the_conjoined_subject_of_a_clash_is_the_other_side(text: str, inter2: int) -> None:
    event = events(text)[0]
    assert event.actor2 is not None and event.actor2.inter == inter2

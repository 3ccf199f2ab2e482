"""Forces told as harmed or aimed at are the victims, actor 2, never the perpetrators (issue 11): "a
landmine blast injured a soldier" names the soldier's forces as hit and nobody as who laid the mine, and
ACLED codes the unnamed armed group that did it as actor 1 (every explosion of the training files has an
actor 1). Sentences written for these tests, worded like ACLED summaries (no note of a gold set)."""

from __future__ import annotations

import pytest

import cronica
from cronica.records import Event, Extraction


def run(text: str, published: str = "2023-06-20") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def first(result: Extraction) -> Event:
    assert result.events, "no event"
    return min(result.events, key=lambda e: e.trigger.start)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        (
            "On 2 June 2023, an IED planted on the roadside exploded "
            "targeting a police patrol near Garowe (Nugaal).",
            "Police Forces of Somalia",
        ),
        (
            "On 15 June 2023, a roadside bomb wounded three soldiers near Kunduz city (Kunduz).",
            "Military Forces of Afghanistan",
        ),
        (
            "On 9 June 2023, an explosion left two police officers "
            "injured near a checkpoint in Mosul (Ninewa).",
            "Police Forces of Iraq",
        ),
    ],
)
def test_forces_harmed_by_an_explosion_nobody_is_named_for_are_actor_2(text: str, victims: str) -> None:
    event = first(run(text))
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor2 is not None and event.actor2.name == victims and event.actor2.inter == 1
    assert event.actor1 is not None and event.actor1.inter == 3
    assert event.actor1.name.startswith("Unidentified Armed Group")


def test_who_set_off_the_bomb_stays_actor_1_when_named() -> None:
    event = first(
        run(
            "On 4 June 2023, Al Shabaab militants detonated an IED targeting a "
            "military convoy near Afgooye (Lower Shabelle)."
        )
    )
    assert event.actor1 is not None and event.actor1.name == "Al Shabaab"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Somalia"


def test_the_other_side_of_a_battle_is_the_other_armed_actor_its_sentence_names() -> None:
    # the parser reads "IS" as a verb, so no word is the object of "killed"; the battle still has two sides
    event = first(
        run("On 5 June 2023, Nigerian troops chased and killed 4 IS fighters near Monguno (Borno).")
    )
    assert event.event_type == "Battles"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Nigeria"
    assert event.actor2 is not None and event.actor2.inter in {2, 3}


def test_an_organisation_the_state_s_forces_fight_is_a_rebel_group() -> None:
    event = first(
        run(
            "On 12 June 2023, the military fired mortars towards a camp "
            "of the KNLA near Hpapun town (Kayin State)."
        )
    )
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 is not None and event.actor1.inter == 1
    assert event.actor2 is not None and event.actor2.name == "KNLA" and event.actor2.inter == 2


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "On 5 June 2023, a bomb exploded in front of the township police station in Monywa (Sagaing).",
            "Police Forces of Myanmar",
        ),
        (
            "On 6 June 2023, a grenade exploded outside an office of the military-owned bank in Mandalay.",
            "Military Forces of Myanmar",
        ),
    ],
)
def test_forces_whose_place_a_bomb_hit_are_its_target_not_who_set_it(text: str, target: str) -> None:
    event = first(run(text))
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.name == target


def test_a_group_that_planted_the_bomb_hit_is_who_set_it() -> None:
    event = first(
        run(
            "On 8 June 2023, three policemen were killed when their vehicle hit a Taliban-planted "
            "roadside bomb in Alasay district (Kapisa)."
        )
    )
    assert event.actor1 is not None and event.actor1.name == "Taliban"
    assert event.actor2 is not None and event.actor2.name == "Police Forces of Afghanistan"


def test_a_fight_whose_both_sides_were_hurt_has_both_as_its_sides() -> None:
    event = first(
        run(
            "On 7 June 2023, two suspected insurgents were killed and a soldier was wounded in a "
            "gunfight that lasted two hours in Bacho (Narathiwat), the army said."
        )
    )
    assert event.event_type == "Battles"
    # which side began it is the classifier's reading of the whole report; both sides are there
    assert event.actor1 is not None and event.actor2 is not None
    assert {event.actor1.name, event.actor2.name} == {"Military Forces of Thailand", "Rebel Group (Thailand)"}

"""Violence by rioters is a riot: an attack or a clash whose actor 1 is rioters (a crowd, a mob,
party supporters) is Riots / Mob violence, as ACLED codes it (conventions.yaml ``mob_violence``).
Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

import cronica
from cronica.extraction.conventions import load_conventions
from cronica.extraction.mob_violence import mob_violence_coding, no_demonstration_coding
from cronica.records import Event


def first(text: str) -> Event:
    events = cronica.extract(text, published="2021-03-10", id="test").events
    assert events, text
    return min(events, key=lambda e: e.trigger.start)


@pytest.mark.parametrize(
    "text",
    [
        "A crowd beat a man to death in Ranchi over suspicions that he had stolen a goat.",
        "Supporters of rival parties fought with machetes in Kenema, leaving two people injured.",
    ],
)
def test_violence_by_rioters_is_mob_violence(text: str) -> None:
    event = first(text)
    assert event.actor1 is not None and event.actor1.inter == 5
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert "violence by rioters" in event.coded_by


def test_an_attack_by_gunmen_stays_an_attack() -> None:
    event = first("Gunmen shot dead a trader in Kenema on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_the_convention_needs_rioters_as_actor_one() -> None:
    mob = load_conventions().mob_violence
    event = first("Gunmen shot dead a trader in Kenema on Monday.")
    assert mob_violence_coding(event, mob) is None
    assert event.actor1 is not None
    changed = mob_violence_coding(replace(event, actor1=replace(event.actor1, inter=5)), mob)
    assert changed is not None and changed.sub_event_type == "Mob violence"


MOB = load_conventions().mob_violence


def riot(sub: str) -> Event:
    """An event of the words below, coded ``Riots / sub`` as a note's size record or the classifier
    would code it."""
    event = first("On 4 March 2021, residents threw stones at police officers in Kisii.")
    return replace(event, event_type="Riots", sub_event_type=sub)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2021, two groups of bus drivers clashed at a terminal in Sorong and threw rocks at "
        "each other. [size=no report]",
        "On 4 March 2021, supporters of two parties fought one another in Ntega during the campaign.",
        "On 4 March 2021, rioting football fans stoned a bus after the final in Lamu.",
    ],
)
def test_a_riot_with_no_demonstration_told_is_mob_violence(text: str) -> None:
    changed = no_demonstration_coding(riot("Violent demonstration"), text, MOB)
    assert changed is not None and (changed.event_type, changed.sub_event_type) == ("Riots", "Mob violence")
    assert "no demonstration" in changed.coded_by


@pytest.mark.parametrize(
    "text",
    [
        # a demand, a demonstration word, a road block of burning tyres: demonstrators
        "On 4 March 2021, residents burned tyres on the main road in Mal, denouncing power cuts.",
        "On 4 March 2021, workers barricaded the road to the airport in Monastir over unpaid wages.",
        "On 4 March 2021, traders demonstrated in Bamako and threw stones at the police.",
        "On 4 March 2021, prisoners rioted in Port Sudan, calling for their release.",
    ],
)
def test_a_riot_of_demonstrators_stays_a_violent_demonstration(text: str) -> None:
    assert no_demonstration_coding(riot("Violent demonstration"), text, MOB) is None


def test_the_rule_recodes_only_violent_demonstrations() -> None:
    text = "On 4 March 2021, rioting football fans stoned a bus after the final in Lamu."
    assert no_demonstration_coding(riot("Mob violence"), text, MOB) is None


def test_a_note_of_clashing_drivers_comes_out_mob_violence() -> None:
    event = first(
        "On 8 May 2021, two groups of minibus drivers clashed at a taxi rank in Sorong city, throwing "
        "rocks at each other. The police intervened and dispersed them. [size=no report]"
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    "text",
    [
        "On 8 March 2021, a number of herders and farmers fought after "
        "cattle destroyed crops in Kalale (Borgou).",
        "On 8 March 2021, youths of two villages fought each other with "
        "machetes in Ketou (Plateau), injuring five.",
    ],
)
def test_a_mob_that_fought_another_has_rioters_on_both_sides(text: str) -> None:
    event = first(text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 is not None and event.actor1.inter == 5
    assert event.actor2 is not None and event.actor2.inter == 5

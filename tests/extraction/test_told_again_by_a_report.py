"""Deaths told again by a later report: "The ombudsman said on Saturday that eight people died in the
clashes" after the clashes were told with their own day is a toll of those clashes, not a new incident
of Saturday (the day the report told it). A death in a new place, or a new kind of attack, stays apart.
Sentences written for these tests, in the style of long reports of a crisis."""

from __future__ import annotations

import cronica
from cronica.records import Extraction

OPENING = "Soldiers opened fire on farmers marching into Tarata on 15 November."


def run(text: str) -> Extraction:
    return cronica.extract(text, published="2019-11-20")


def test_a_toll_told_later_in_reported_speech_joins_the_incident() -> None:
    result = run(OPENING + " The ombudsman said on Saturday that eight people died in the clashes.")
    assert [(e.date.value, e.fatalities) for e in result.events] == [("2019-11-15", 8)]


def test_wounded_told_later_join_too() -> None:
    result = run(OPENING + " Hospital officials said on Monday that 22 people were wounded.")
    assert len(result.events) == 1
    (event,) = result.events
    assert event.date.value == "2019-11-15"
    assert event.counts["injured"][0].value == 22


def test_a_new_kind_of_attack_told_in_reported_speech_stays_apart() -> None:
    result = run(
        OPENING + " Police said on Saturday that two people were killed when a bomb exploded at a market."
    )
    assert len(result.events) == 2
    assert sorted(e.date.value or "" for e in result.events) == ["2019-11-15", "2019-11-16"]


def test_deaths_in_another_place_stay_apart() -> None:
    result = run(OPENING + " The ombudsman said on Saturday that two people died in Riberalta.")
    assert len(result.events) == 2


def test_deaths_told_on_their_own_day_stay_apart() -> None:
    result = run(OPENING + " On Saturday, two people died in the clashes that followed in Tarata.")
    assert [e.date.value for e in result.events] == ["2019-11-15", "2019-11-16"]


def test_a_toll_told_again_in_spanish_joins_its_incident() -> None:
    # the same two readings in Spanish: the fight named as known ("los enfrentamientos", a definite
    # determiner of the Spanish lexicon) on the reporting day joins the incident told before it
    result = run(
        "Soldados abrieron fuego contra campesinos que marchaban hacia Tarata el 15 de noviembre. "
        "La Defensoría informó el sábado que ocho personas murieron en los enfrentamientos."
    )
    assert [e.fatalities for e in result.events] == [8]
    event = result.events[0]
    assert event.date.value == "2019-11-15"
    assert event.actor1 is not None and event.actor1.kind == "military"

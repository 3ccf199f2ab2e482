"""A toll whose cause is a period of unrest ("the post-election crisis has left 32 dead", "la ola de
violencia deja al menos 32 muertos") is a running total, never an incident: counted as an event, it
would add the month's deaths a second time. A toll of one incident ("the explosion left three dead",
"el enfrentamiento dejó un muerto y tres heridos") stays that incident's. Sentences written for these
tests, in the style of crisis reports in English and Spanish."""

from __future__ import annotations

import pytest

import cronica
from cronica.records import Extraction


def run(text: str) -> Extraction:
    return cronica.extract(text, published="2019-11-20")


@pytest.mark.parametrize(
    "text",
    [
        "The post-election crisis has left 32 dead and more than 800 injured, according to the commission.",
        "Según la comisión, la crisis postelectoral deja 32 muertos y más de 800 heridos.",
        "La ola de violencia desde las elecciones del 20 de octubre deja al menos 32 muertos.",
        "The post-election crisis has claimed at least 32 lives, according to the commission.",
        "La crisis postelectoral ha cobrado al menos 32 vidas.",
    ],
)
def test_a_toll_of_a_period_of_unrest_is_a_running_total(text: str) -> None:
    result = run(text)
    assert not [e for e in result.events if e.fatalities]
    assert [t.value for t in result.tallies if t.category == "killed"] == [32]


def test_a_toll_of_one_incident_stays_the_incidents() -> None:
    result = run("The explosion left three dead in Kabul on Monday.")
    assert [e.fatalities for e in result.events] == [3]
    assert not result.tallies


def test_one_dead_and_three_wounded_in_spanish() -> None:
    result = run("El enfrentamiento en Yapacaní dejó un muerto y tres heridos el martes.")
    (event,) = result.events
    assert event.fatalities == 1
    assert [c.value for c in event.counts["injured"]] == [3]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("El enfrentamiento en Yapacaní dejó dos muertos y un herido el martes.", 2, 1),
        ("El enfrentamiento en Yapacaní dejó un fallecido el martes.", 1, None),
    ],
)
def test_one_victim_told_by_its_article_in_spanish(text: str, killed: int, injured: int | None) -> None:
    (event,) = run(text).events
    assert event.fatalities == killed
    assert [c.value for c in event.counts.get("injured", ())] == ([injured] if injured else [])


def test_lives_an_incident_claimed_are_its_dead_and_no_statement() -> None:
    result = run("An ambush on a convoy near Gao on Monday claimed nine lives.")
    assert [e.fatalities for e in result.events] == [9]
    assert not result.statements  # "claimed" takes lives here: nobody claims anything
    assert not result.tallies


def test_a_claim_of_responsibility_is_still_a_statement() -> None:
    result = run("The rebels claimed responsibility for the ambush on a convoy near Gao on Monday.")
    assert result.statements

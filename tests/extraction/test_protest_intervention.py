"""A protest the state's forces intervened in is a protest with intervention (conventions.yaml
``protest_intervention``, stage ``protest-intervention``): in a short report or a coded summary, a
protest coded as peaceful whose report tells the police intervening, dispersing it, firing tear gas or
arresting is Protests / Protest with intervention; a protest with no such words, a riot and a long
news report keep their coding. Notes written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

import cronica
from cronica.extraction.conventions import load_conventions
from cronica.extraction.protest_intervention import intervention_events
from cronica.records import Event

CONV = load_conventions().protest_intervention


def told(text: str) -> list[Event]:
    """The report's events in the order told."""
    return sorted(
        cronica.extract(text, published="2021-03-10", id="test").events, key=lambda e: e.trigger.start
    )


def coding(text: str) -> tuple[str, str]:
    event = told(text)[0]
    return event.event_type, event.sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2021, about 60 nurses demonstrated outside the hospital in Gqeberha, demanding "
        "protective equipment. Police intervened. [size=about 60]",
        "On 4 March 2021, hundreds of students held a protest in Solo city against the new criminal "
        "code. The police fired tear gas at the students.",
        "On 4 March 2021, traders protested in Kassala against bread prices. Police arrested 12.",
    ],
)
def test_a_protest_the_police_intervened_in(text: str) -> None:
    assert coding(text) == ("Protests", "Protest with intervention")


@pytest.mark.parametrize(
    "text",
    [
        # no intervention told
        "On 4 March 2021, about 60 nurses demonstrated outside the hospital in Gqeberha, demanding "
        "protective equipment. [size=about 60]",
        # the protest is against an arrest: no intervention in this one
        "On 4 March 2021, residents protested in Kassala, demanding the release of activists who were "
        "detained last month.",
    ],
)
def test_a_protest_with_no_intervention_stays_peaceful(text: str) -> None:
    assert coding(text) == ("Protests", "Peaceful protest")


def test_only_peaceful_protests_are_recoded() -> None:
    assert CONV is not None
    event = told("On 4 March 2021, traders protested in Kassala against bread prices. Police arrested 12.")[0]
    riot = replace(event, event_type="Riots", sub_event_type="Violent demonstration")
    assert intervention_events([riot], "Police arrested 12.", CONV) is None
    peaceful = replace(event, sub_event_type="Peaceful protest")
    [changed] = intervention_events([peaceful], "Police arrested 12.", CONV) or []
    assert changed.sub_event_type == "Protest with intervention"
    assert "'Police arrested'" in changed.coded_by

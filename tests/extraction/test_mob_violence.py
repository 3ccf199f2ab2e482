"""Violence by rioters is a riot: an attack or a clash whose actor 1 is rioters (a crowd, a mob,
party supporters) is Riots / Mob violence, as ACLED codes it (conventions.yaml ``mob_violence``).
Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

import cronica
from cronica.extraction.conventions import load_conventions
from cronica.extraction.mob_violence import mob_violence_coding
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

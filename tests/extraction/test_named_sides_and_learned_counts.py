"""Sides named by an acronym the NER does not know, no actor on both sides of a battle, and no
victims counted where no words of harm were read.

- actors.py ``bare_acronym``: "the ELN", "ELN members", "members of the ELN" name an organisation
  (its type is the classifier's reading, as for any named group no dictionary types: in Libya both
  sides of a battle are the state's, GNA and LNA);
- learned.py ``apply_summary_actor_type``: a battle's actor 1 is never made the same actor as its actor 2;
- fallback.py: an incident the classifier found where the rules read no incident words counts no
  dead, injured or arrested ("displaced 200 families").
"""

from __future__ import annotations

import pytest

import cronica
from cronica.records import Event


def only_event(text: str, published: str = "2020-05-10") -> Event:
    events = cronica.extract(text, published=published, id="test").events
    assert len(events) == 1, [(e.event_type, e.sub_event_type) for e in events]
    return events[0]


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2020, the ELN clashed with the Colombian military in rural Arauca.",
        "On 5 May 2020, members of the ELN clashed with the Colombian military in rural Arauca.",
        "On 5 May 2020, ELN members clashed with the Colombian military in rural Arauca, leaving two "
        "soldiers dead.",
        "On 5 May 2020, KNU members clashed with the Myanmar military in Hpapun.",
    ],
)
def test_a_group_named_by_an_acronym_is_a_side_of_the_battle(text: str) -> None:
    event = only_event(text)
    assert event.event_type == "Battles"
    assert event.actor1 is not None and event.actor2 is not None
    names = {event.actor1.name, event.actor2.name}
    assert len(names) == 2, names  # no side fights itself
    assert ("KNU" if "KNU" in text else "ELN") in names, names
    assert any(name.startswith("Military Forces of") for name in names), names


def test_words_in_capitals_that_are_no_acronym_name_no_group() -> None:
    """A capitalised place or a country's code is no organisation."""
    event = only_event("On 5 May 2020, soldiers clashed with gunmen in Kaduna (Kaduna, Kaduna).")
    names = {a.name for a in (event.actor1, event.actor2) if a is not None}
    assert not any(n.isupper() for n in names), names


def test_a_number_of_people_displaced_is_no_death_toll() -> None:
    event = only_event(
        "On 5 May 2020, an armed group displaced 200 families from a rural area of Ituango "
        "(Ituango, Antioquia)."
    )
    assert not event.fatalities
    assert "killed" not in event.counts


def test_a_death_toll_in_words_of_killing_still_counts() -> None:
    event = only_event("On 5 May 2020, an armed group killed 4 villagers in Ituango (Ituango, Antioquia).")
    assert event.fatalities == 4


@pytest.mark.parametrize(
    "text",
    [
        "On 5 July 2022, an armed group shot and slit the throats of two people in the village of Tantega "
        "(Materi, Atacora).",
        "On 5 July 2022, gunmen cut the throats of two herders near Tantega (Materi, Atacora).",
    ],
)
def test_slitting_throats_is_killing(text: str) -> None:
    """events.yaml ``lethal`` phrases: a throat slit or cut is a killing the rules read, its victims
    counted (no longer left to the classifier's incident, which counts no dead)."""
    assert only_event(text).fatalities == 2


@pytest.mark.parametrize("people", ["Retirees", "Pensioners", "Truckers"])
def test_people_named_by_a_capitalised_first_word_are_no_organisation(people: str) -> None:
    """actors.py ``_common_noun_org``: the NER calls "Retirees" at a sentence's start an organisation;
    it is the protesters, and the police that intervened are actor 2."""
    event = only_event(f"{people} protested in Buenos Aires against pension cuts; police used pepper spray.")
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1 is not None and event.actor1.inter == 6
    assert event.actor2 is not None and event.actor2.inter == 1, event.actor2

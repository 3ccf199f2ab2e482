"""Violence between communities is a battle of their militias (conventions.yaml ``communal_clash``):
ACLED codes the armed people of two communities fighting as identity militias (inter 4) in Battles /
Armed clash, however the words tell it. Sentences written for these tests, worded like ACLED summaries
(no note of a gold set)."""

from __future__ import annotations

import pytest

import cronica
from cronica.extraction.communal_clash import communal_clash_coding
from cronica.extraction.conventions import load_conventions
from cronica.records import Event


def first(text: str) -> Event:
    events = cronica.extract(text, published="2023-06-10", id="test").events
    assert events, text
    return min(events, key=lambda e: e.trigger.start)


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June 2023, two people were killed and two others wounded amidst intercommunal violence "
        "between farmers and pastoralists in the village of Doudeye near Sarh (Moyen-Chari).",
        "On 3 June 2023, gunmen from one clan killed four people from another clan in inter-clan "
        "violence near Beledweyne (Hiiraan).",
    ],
)
def test_violence_between_communities_is_a_battle_of_their_militias(text: str) -> None:
    event = first(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor2 is not None and event.actor2.inter == 4
    assert "communal clash" in event.coded_by


def test_an_attack_no_words_call_communal_stays_an_attack() -> None:
    event = first(
        "On 2 June 2023, gunmen attacked a village near Sarh (Moyen-Chari), killing three civilians."
    )
    assert event.event_type == "Violence against civilians"


def test_the_state_s_forces_as_a_side_make_no_communal_clash() -> None:
    clash = load_conventions().communal_clash
    assert clash is not None
    event = first("On 2 June 2023, police beat a trader to death near Sarh (Moyen-Chari).")
    assert event.actor1 is not None and event.actor1.inter == 1
    assert communal_clash_coding(event, "amid intercommunal violence", clash) is None

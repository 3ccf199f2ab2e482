"""A place recovered is territory regained (events.yaml ``frames``, family ``regain``): "the army recovered
the town of X" is Battles / Government regains territory, while weapons or bodies recovered are not.
Sentences written for these tests (worded like ACLED summaries; no note of a gold set)."""

from __future__ import annotations

import cronica
from cronica.records import Event


def first(text: str) -> Event:
    result = cronica.extract(text, published="2021-05-06", id="test")
    assert result.events, "no event"
    return min(result.events, key=lambda e: e.trigger.start)


def test_a_town_recovered_by_the_army_is_territory_regained() -> None:
    event = first("On 3 May 2021, soldiers recovered the town of Kamango from the rebels who had held it.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Government regains territory")
    assert event.actor1 is not None and event.actor1.inter == 1


def test_a_locality_recovered_with_its_name_after_the_verb_is_territory_regained() -> None:
    event = first(
        "The military recovered, on 2 May, the locality of Mutwanga after clashes with the militia."
    )
    assert event.sub_event_type == "Government regains territory"


def test_weapons_or_bodies_recovered_are_no_territory() -> None:
    event = first("On 3 May 2021, the army recovered a cache of weapons near Kamango.")
    assert event.sub_event_type != "Government regains territory"
    event = first(
        "On 3 May 2021, the police recovered the bodies of two fishermen from the lake near Kamango."
    )
    assert event.sub_event_type != "Government regains territory"

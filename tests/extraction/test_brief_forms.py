"""Forms of one-line reports the rules missed: an act coordinated with a demand ("demanded ..., and
police fired tear gas"), tear gas as what was fired ("fired teargas", "lobbed teargas canisters"),
"no one" as nobody. Sentences written for these tests."""

from __future__ import annotations

import cronica
from cronica.records import Event


def events(text: str) -> list[Event]:
    found = cronica.extract(text, published="2021-03-10", id="test").events
    return sorted(found, key=lambda e: e.trigger.start)


INTERVENTION = ("Protests", "Protest with intervention")


def test_an_act_coordinated_with_a_demand_is_not_what_was_demanded() -> None:
    found = events(
        "Traders demanded the reopening of the market in Kericho, and police fired tear gas at them."
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [INTERVENTION]


def test_what_a_threat_governs_stays_governed_through_a_coordination() -> None:
    assert events("The militia threatened to attack and burn the village of Kamako.") == []


def test_teargas_fired_or_lobbed_is_an_intervention() -> None:
    for text in (
        "Police fired teargas at the crowd in Kericho.",
        "Police lobbed teargas canisters at the crowd in Kericho.",
    ):
        assert [(e.event_type, e.sub_event_type) for e in events(text)] == [INTERVENTION], text


def test_no_one_hurt_counts_nobody() -> None:
    found = events("Gunmen attacked a bus near Ansongo; no one was hurt.")
    assert len(found) == 1 and not found[0].counts.get("injured")


def test_the_sides_of_clashes_between_two_groups_are_its_actors() -> None:
    found = events("Clashes between soldiers and rebels near Kananga left three people injured.")
    assert len(found) == 1
    assert found[0].actor1 is not None and found[0].actor1.inter == 1
    assert found[0].actor2 is not None and found[0].actor2.inter == 2


def test_clashes_between_party_supporters_are_mob_violence() -> None:
    found = events(
        "Clashes between ruling party supporters and opposition supporters in Kananga left three injured."
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Riots", "Mob violence")]


def test_the_town_a_force_recaptured_is_the_events_place() -> None:
    found = events("The army recaptured Kidal from the rebels on Monday.")
    assert [(e.sub_event_type, e.location.name) for e in found] == [("Government regains territory", "Kidal")]


def test_the_object_of_the_verb_a_strike_is_subject_of_is_its_place() -> None:
    # "air-raids targeted X (Y, Z)": X is not in the gazetteer, the bracket places it in Y
    found = events("On 11 January 2024, air-raids targeted Omdurman - Wad Nubawi (Omdurman, Khartoum).")
    assert len(found) == 1
    assert found[0].location.status == "resolved" and found[0].location.admin1 == "Khartoum"

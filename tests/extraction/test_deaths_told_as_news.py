"""A death told as news with "the death of" someone new: "confirmed the death of a man in X" reports a
killing (the article is English grammar, not a reference back); "the death of the student" refers to
one told before. Sentences written for these tests, in the style of long reports of a crisis."""

from __future__ import annotations

import cronica
from cronica.records import Extraction


def run(text: str, published: str = "2019-11-14") -> Extraction:
    return cronica.extract(text, published=published)


def _killed(result: Extraction) -> list[int]:
    return [e.fatalities for e in result.events if e.fatalities]


def test_the_death_of_an_indefinite_person_confirmed_is_an_event() -> None:
    result = run(
        "On Tuesday, hospital officials confirmed the death of a man shot during the clashes in Tarija."
    )
    assert _killed(result) == [1]


def test_the_death_of_a_number_of_people_is_an_event_with_that_toll() -> None:
    result = run(
        "The human rights office confirmed the death of three people in the clashes in Potosí on Monday."
    )
    assert _killed(result) == [3]
    (event,) = [e for e in result.events if e.fatalities]
    assert event.location.name == "Potosí"


def test_the_death_of_someone_already_told_is_no_new_event() -> None:
    result = run(
        "A student was shot dead by police in Sucre on Monday. "
        "On Tuesday the university mourned the death of the student."
    )
    assert _killed(result) == [1]
    assert len([e for e in result.events if e.fatalities]) == 1


def test_a_worker_killed_during_clashes_is_political_violence() -> None:
    # "miner" is a word of mining accidents; a fight in the sentence says otherwise
    result = run("A miner was shot dead in Oruro on Saturday during clashes with police.")
    assert _killed(result) == [1]


def test_a_mining_accident_is_still_no_event() -> None:
    result = run("Three miners died on Monday when a tunnel collapsed at a mine near Potosí.")
    assert _killed(result) == []


def test_who_condemns_a_killing_is_not_its_perpetrator() -> None:
    result = run("On Monday the interior ministry condemned the killing of a journalist in Cochabamba.")
    (event,) = [e for e in result.events if e.fatalities]
    assert event.fatalities == 1
    assert event.actor1 is None or "ministry" not in event.actor1.name.lower()


def test_a_victim_the_parser_hangs_on_the_place_before_is_still_counted() -> None:
    # the small model reads "a 23-year-old man" as an apposition of "Santa Cruz"
    result = run(
        "In Yapacaní, Santa Cruz, a 23-year-old man was shot dead on Monday as residents clashed with "
        "police outside the municipal building, local media reported."
    )
    assert sum(_killed(result)) == 1


def test_a_third_death_told_later_is_one_more_not_a_new_figure() -> None:
    result = run(
        "Two men died of gunshot wounds in Ovejuyo on Monday night after clashes with police. "
        "A third man died in hospital on Wednesday."
    )
    assert sum(_killed(result)) == 3


def test_a_third_person_arrested_is_no_death() -> None:
    result = run(
        "Soldiers raided a house in Sucre on Tuesday; two men inside were killed in an exchange of "
        "gunfire and a third man was arrested as he tried to flee."
    )
    assert sum(_killed(result)) == 2


def test_people_who_lost_their_lives_are_the_toll_and_the_victims() -> None:
    # "lives" ends like "relatives": no person noun; the subject of "lost their lives" died
    result = run("Two protesters lost their lives in clashes with police in Cochabamba on Monday.")
    (event,) = [e for e in result.events if e.fatalities]
    assert event.fatalities == 2
    assert event.actor1 is None or "rotester" not in event.actor1.name


def test_a_story_about_miners_is_no_accident_story() -> None:
    result = cronica.extract(
        "Miners' strike paralyses northern Potosí\n\n"
        "Two men were killed in Llallagua on Tuesday night, local radio reported.",
        published="2019-11-14",
    )
    assert _killed(result) == [2]


def test_the_place_named_in_the_district_of_is_no_perpetrator() -> None:
    result = run(
        "In the La Paz district of Ovejuyo, two men died of gunshot wounds on Monday night after clashes "
        "between residents and police."
    )
    (event,) = [e for e in result.events if e.fatalities]
    assert event.actor1 is None or "Ovejuyo" not in event.actor1.name


def test_deaths_told_later_in_hospital_join_the_incident_that_caused_them() -> None:
    result = run(
        "Nine people were killed when soldiers opened fire on protesters at a bridge in Sacaba on Friday. "
        "Two more protesters died in hospital on Sunday."
    )
    (event,) = [e for e in result.events if e.fatalities]
    assert (event.fatalities, event.date.value) == (11, "2019-11-08")


def test_deaths_more_in_a_fight_and_place_of_their_own_are_their_own_incident() -> None:
    result = run(
        "Nine people were killed when soldiers opened fire on protesters at a bridge in Sacaba on Friday. "
        "Two more people were killed in Cochabamba on Sunday."
    )
    assert sorted(_killed(result)) == [2, 9]

"""Revised tolls told in a report of their own: "the death toll from Friday's massacre in Solhan has
risen to 132", "at least 35 people are now known to have died", "the toll ... rose to four after a
wounded policeman died". The figure is the incident's toll, marked ``revised`` (merging takes it over
the lower figures of other reports, never adds it), counts the dead when the toll names nothing else,
and the person whose death made it rise is counted in it, not beside it. Reports written for these
tests."""

from __future__ import annotations

import cronica
from cronica.records import CountClaim, Extraction


def run(text: str) -> Extraction:
    return cronica.extract(text, published="2024-03-05", id="test")


def killed(result: Extraction) -> list[CountClaim]:
    assert len(result.events) == 1, result.events
    return list(result.events[0].counts.get("killed", ()))


def test_a_risen_death_toll_of_one_massacre_is_a_revised_figure() -> None:
    result = run(
        "The death toll from Friday's massacre in Solhan has risen to 132, the government said on "
        "Sunday, declaring three days of national mourning."
    )
    assert [(c.value, c.revised) for c in killed(result)] == [(132, True)]
    assert result.events[0].fatalities == 132 and not result.tallies


def test_people_now_known_to_have_died_are_a_revised_figure() -> None:
    result = run(
        "At least 35 people are now known to have died in the rebel attack on Oicha, civil society "
        "leaders said on Monday, as more bodies were found in the bush."
    )
    assert [(c.value, c.revised) for c in killed(result)] == [(35, True)]


def test_a_first_report_is_no_revision() -> None:
    result = run(
        "Gunmen killed 23 villagers in an overnight attack on the village of Solhan in Burkina Faso's "
        "Yagha province, local officials said on Saturday."
    )
    assert [(c.value, c.revised) for c in killed(result)] == [(23, False)]


def test_a_toll_that_names_nothing_counts_the_dead_not_the_wounded_of_its_reason() -> None:
    # "after a wounded policeman died": why the toll rose; the toll counts the dead, that man among them
    result = run(
        "The toll from Monday's bomb blast in Peshawar rose to four after a wounded policeman died in "
        "hospital on Tuesday, officials said."
    )
    assert [(c.value, c.revised) for c in killed(result)] == [(4, True)]
    assert not result.tallies and "injured" not in result.events[0].counts


def test_the_person_whose_death_raised_the_toll_is_counted_in_it() -> None:
    result = run(
        "The number of dead from Monday's confrontation in Juliaca rose to 18 after a police officer was "
        "burned to death, Peru's interior ministry said on Tuesday."
    )
    assert [c.value for c in killed(result)] == [18]
    assert result.events[0].fatalities == 18


def test_a_toll_of_an_attack_told_by_its_place_has_risen() -> None:
    result = run(
        "The toll from Friday's gang attack on Saint-Marc in Haiti has risen to 19, Haiti's civil "
        "protection agency said on Sunday."
    )
    assert [(c.value, c.revised) for c in killed(result)] == [(19, True)]

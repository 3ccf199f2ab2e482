"""Figures that are not one incident's toll, and tolls that are: a figure summed over several places or
days is a running total; "the number who died in yesterday's confrontation at X rose to nine" is the toll
of that one incident; number words with hyphenated tens. Sentences reworded from reports of crises."""

from __future__ import annotations

import cronica
from cronica.records import Extraction


def run(text: str, published: str = "2019-11-22") -> Extraction:
    return cronica.extract(text, published=published)


def _killed(result: Extraction) -> list[int]:
    return [e.fatalities for e in result.events if e.fatalities]


def test_a_figure_summed_over_several_sites_is_a_running_total_not_an_incident() -> None:
    result = run(
        "Within a week, riot police killed at least 14 people at three protest sites, in Juliaca, "
        "Ayacucho and Andahuaylas."
    )
    assert _killed(result) == []
    (tally,) = result.tallies
    assert (tally.category, tally.value, tally.qualifier) == ("killed", 14, "at_least")


def test_a_figure_summed_over_several_days_is_a_running_total_not_an_incident() -> None:
    result = run(
        "In the space of four days, soldiers shot dead 21 demonstrators in the south of the country."
    )
    assert _killed(result) == []
    assert [t.value for t in result.tallies] == [21]


def test_a_total_told_of_one_dated_incident_is_that_incidents_toll() -> None:
    result = run(
        "The number of people killed in Tuesday's clash at the Senkata plant rose to seven on Thursday, "
        "the health ministry said.",
        published="2019-11-21",
    )
    assert result.tallies == ()
    (event,) = [e for e in result.events if e.fatalities]
    assert event.fatalities == 7 and event.date.value == "2019-11-19"
    assert event.counts["killed"][0].reported_by == "the health ministry"


def test_a_total_over_several_incidents_stays_a_running_total() -> None:
    result = run("The number of people killed in the clashes rose to 30 on Thursday, the ministry said.")
    assert _killed(result) == [] and [t.value for t in result.tallies] == [30]


def test_hyphenated_tens_are_one_number() -> None:
    result = run("Forty-five people were injured and twenty-three were arrested in Oruro on Monday.")
    figures = {k: c[0].value for e in result.events for k, c in e.counts.items()}
    assert figures == {"injured": 45, "arrested": 23}

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


def test_a_spanish_figure_summed_over_two_operations_is_a_running_total() -> None:
    result = run(
        "Entre el 3 y el 8 de enero, la policía mató a por lo menos 17 personas en dos operativos, "
        "en Juliaca y en Ayacucho.",
        published="2023-01-20",
    )
    assert _killed(result) == [] and [t.value for t in result.tallies] == [17]


def test_a_total_told_of_a_dated_incident_takes_the_incidents_day_and_place() -> None:
    result = run(
        "The death toll from Monday's raid at the Dagoretti market in Nairobi rose to six on Wednesday, "
        "after one of the wounded died in hospital, police said.",
        published="2023-07-12",
    )
    (event,) = [e for e in result.events if e.fatalities]
    assert (event.date.value, event.fatalities) == ("2023-07-10", 6)
    assert event.location.name in {"Dagoretti", "Nairobi"}  # the market's place, not the hospital


def test_ten_more_in_another_place_is_not_an_increment_of_the_first_toll() -> None:
    result = run(
        "The panel said 12 people were killed in Juliaca on 9 January and seven more in Ayacucho on "
        "15 December.",
        published="2023-01-30",
    )
    assert 19 not in _killed(result) and 12 in _killed(result)


def test_spanish_weekday_with_a_day_number_is_that_day() -> None:
    # published Monday 2 December: "el martes 19" is Tuesday 19 November, not the last Tuesday (26th)
    result = run("El martes 19, la policía reprimió una marcha de maestros en Oruro.", published="2019-12-02")
    assert [e.date.value for e in result.events] == ["2019-11-19"]


def test_a_claim_told_in_the_past_perfect_with_its_own_day_and_place_is_its_own_incident() -> None:
    # "had killed nine insurgents ... on 20 April" looks back at an incident of its own, not at the
    # killing of the traders told before it (another day, another district)
    result = run(
        "Cabo Delgado: what the quarter brought\n\n"
        "1. Palma, 3 March. Three traders were shot dead by insurgents at the market in Palma town, "
        "residents said.\n\n"
        "2. Mueda district, 20 April. The army said in a statement that it had killed nine insurgents "
        "in an operation near the village of Nangade on 20 April, and had seized weapons.",
        published="2024-05-02",
    )
    lethal = {e.date.value: e for e in result.events if e.fatalities}
    assert sorted(lethal) == ["2024-03-03", "2024-04-20"]
    traders = lethal["2024-03-03"]
    assert (traders.event_type, traders.fatalities) == ("Violence against civilians", 3)
    assert lethal["2024-04-20"].fatalities == 9


def test_a_past_perfect_claim_with_no_day_of_its_own_is_another_claim_on_the_event_told() -> None:
    result = run(
        "On Monday soldiers and rebels fought for several hours near the town of Kibati. "
        "The rebels said later that only one of their fighters had died."
    )
    assert len([e for e in result.events if e.event_type == "Battles"]) == 1


def test_a_past_perfect_claim_told_on_a_later_day_is_still_a_claim_on_the_event_told() -> None:
    result = run(
        "On Monday soldiers and rebels fought for several hours near the town of Kibati. "
        "On Wednesday the rebels said that only one of their fighters had died."
    )
    assert len([e for e in result.events if e.event_type == "Battles"]) == 1


def test_reported_speech_shifts_a_running_total_into_the_past_perfect() -> None:
    # "have been killed since" told as "said ... had been killed since": still a running total
    result = run(
        "Police fired live rounds at protesters blocking the highway in Oyugis on Thursday, killing one "
        "man.\n\nIn its latest update on Monday, the rights commission said at least 39 people had been "
        "killed across the country since the protests began on June 18, and that more than 600 had "
        "been arrested since then.",
        published="2024-07-09",
    )
    assert _killed(result) == [1]
    assert {(t.category, t.value) for t in result.tallies} >= {("killed", 39)}


def test_a_past_perfect_killing_without_a_period_stays_an_incident() -> None:
    result = run(
        "Residents said gunmen had shot dead two traders at the cattle market in Isiolo the night before.",
        published="2024-07-09",
    )
    assert _killed(result) == [2]
    assert result.tallies == ()


def test_another_victim_is_one_more_death() -> None:
    # alone, "another protester died" is at least one death; it is not dropped for want of a number
    result = run("Another protester died in hospital in Cochabamba on Thursday.", published="2019-11-16")
    assert _killed(result) == [1]


def test_another_victim_after_a_toll_of_the_same_incident_adds_one() -> None:
    result = run(
        "Police shot dead three protesters at a roadblock in Sacaba on Friday, residents said. "
        "Another protester died at the roadblock later that day."
    )
    assert _killed(result) == [4]


def test_the_person_a_pronoun_stands_for_and_those_joined_to_him_are_the_toll() -> None:
    result = run(
        "A bomb hidden under the car of a former militia commander exploded in the centre of Jasim on "
        "Saturday afternoon, killing him and his nephew, a monitoring group said.",
        published="2023-09-18",
    )
    assert _killed(result) == [2]


def test_a_pronoun_after_a_figure_does_not_replace_the_figure() -> None:
    result = run(
        "Nine people were killed when gunmen raided the market in Kano on Friday; the attackers also "
        "shot dead the market's chairman as he fled, killing him on the spot.",
        published="2023-09-18",
    )
    assert 1 not in _killed(result)

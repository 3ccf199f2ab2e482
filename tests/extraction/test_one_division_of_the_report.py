"""Issue 12: an event no words link to a place, in a report whose places below the country all lie in one
first-level division, takes that division's most precise place rather than the country ("militias from
Ogwashi-Uku (Aniocha South LGA, Delta) clashed": where people came from is still the report's one place);
a report whose places lie in two divisions keeps its country (no such place is taken); of two places the
words link, the one the text puts inside the other is the event's. Texts written for
these tests, in the style of ACLED notes."""

from __future__ import annotations

import cronica
from cronica.records import Event, Extraction


def run(text: str, published: str = "2021-06-14") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def first_event(result: Extraction) -> Event:
    assert result.events, "no event"
    return result.events[0]


def test_the_one_division_of_the_report_places_an_event_no_words_link() -> None:
    event = first_event(
        run(
            "On 7 May 2021, communal youths from Ogwashi-Uku (Aniocha South LGA, Delta) clashed with "
            "suspected herders over farmland. Two youths were killed."
        )
    )
    assert event.location.country_code == "NG"
    assert event.location.admin1 == "Delta"


def test_a_place_inside_a_clause_the_linker_skips_is_still_the_reports_division() -> None:
    # "while he was shopping in ...": a clause of its own, which the linker does not read for the killing
    event = first_event(
        run(
            "On 6 May 2021, a policeman was shot and killed by Taliban militants while he was shopping in "
            "PD3 of Lashkar Gah city, Helmand."
        )
    )
    assert event.location.country_code == "AF"
    assert event.location.admin1 == "Helmand"


def test_of_two_linked_places_the_one_the_text_puts_inside_the_other_is_the_events() -> None:
    # "in Derbasiyah town in al-Hasakeh": the parse links the governorate nearer; the text puts the town in it
    event = first_event(
        run("On 3 June 2021, Kurdish police detained a teacher in Derbasiyah town in al-Hasakeh.")
    )
    assert event.location.name == "Derbasiyah"
    assert event.location.precision == 1

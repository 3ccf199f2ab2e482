"""Countries as places and as actors' countries (issue 12, item 4): a country named in a list, an
adjective or a possessive goes to the right place or to none; a town named with its own country stays
there; actors take the country of their event's place when the words give none. Texts written for these
tests (none is in a gold set)."""

from __future__ import annotations

import cronica
from cronica.records import Event, Extraction


def run(text: str, published: str = "2023-06-14") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def only_event(result: Extraction) -> Event:
    assert len(result.events) == 1, [e.event_type for e in result.events]
    return result.events[0]


def test_a_list_of_countries_in_the_cause_is_not_the_place() -> None:
    event = only_event(
        run(
            "Dockworkers blocked the port of Colón on Thursday to protest against a free trade agreement "
            "between the US and Panama."
        )
    )
    assert event.location.country_code == "PA"
    assert event.location.name == "Colón"
    assert event.actor1 is not None and event.actor1.name == "Protesters (Panama)"


def test_a_demonym_gives_the_police_their_country_and_the_town_is_placed_there() -> None:
    event = only_event(
        run("Bolivian police fired tear gas at teachers who marched in Oruro on Wednesday over pay.")
    )
    assert (event.location.name, event.location.country_code) == ("Oruro", "BO")
    names = {event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None}
    assert "Police Forces of Bolivia" in names


def test_a_country_s_capital_in_the_possessive_is_its_capital_city() -> None:
    event = only_event(
        run("Thousands of nurses marched in Peru's capital on Monday to demand permanent contracts.")
    )
    assert event.location.name == "Lima"
    assert event.location.country_code == "PE" and event.location.precision == 1
    assert event.actor1 is not None and event.actor1.name == "Protesters (Peru)"


def test_a_country_named_like_small_towns_abroad_is_the_country() -> None:
    # Peru, Indiana and the Pan-American Highway must not make this an American story
    event = only_event(
        run(
            "Rice farmers blocked the Pan-American Highway near Chiclayo in northern Peru on Tuesday "
            "to demand a minimum price."
        )
    )
    assert event.location.country_code == "PE"
    assert event.location.name == "Chiclayo"


def test_a_town_named_with_its_own_country_stays_there_and_so_do_its_actors() -> None:
    event = only_event(
        run(
            "Protesters set fire to a bus in Valparaíso, Chile, on Friday during a march against "
            "the pension system."
        )
    )
    assert event.location.country_code == "CL"
    assert event.actor1 is not None and event.actor1.name.endswith("(Chile)")


def test_a_namesake_town_with_its_country_named_after_it_is_placed_in_that_country() -> None:
    event = only_event(
        run("Hundreds of students marched through San José, Costa Rica, on Tuesday against budget cuts.")
    )
    assert (event.location.country_code, event.location.admin1_native) == ("CR", "San José")
    assert event.actor1 is not None and event.actor1.name == "Protesters (Costa Rica)"


def test_actors_take_the_country_of_the_event_place_never_unknown() -> None:
    # no country word: the focus stays open (La Paz is also a Mexican and a Honduran city), the dateline
    # still places the march, and its actors take that place's country
    event = only_event(
        run(
            "LA PAZ, Nov 12 (Reuters) - Hundreds of supporters of the former president marched through "
            "the city centre on Tuesday, demanding his return from exile.",
            published="2019-11-13",
        )
    )
    assert event.location.country_code == "BO"
    assert event.actor1 is not None and event.actor1.name == "Protesters (Bolivia)"


def test_foreign_forces_keep_the_country_their_words_name() -> None:
    result = run(
        "Russian forces shelled the town of Kupiansk in Ukraine's Kharkiv region on Sunday, killing "
        "two civilians, the regional governor said."
    )
    event = result.events[0]
    assert event.location.country_code == "UA"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia"

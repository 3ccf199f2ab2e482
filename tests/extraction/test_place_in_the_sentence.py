"""An event no locative word places still takes the place its own sentence names, not only its country
("residents of X protested", "X farmers protested", "clashed in the county assembly of X"), and its
divisions carry English names (texts written for these tests, with real places)."""

from __future__ import annotations

import cronica
from cronica.records import Event, Extraction


def run(text: str, published: str = "2023-06-14") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def first_event(result: Extraction) -> Event:
    assert result.events, "no event"
    return result.events[0]


def test_a_town_before_a_people_noun_places_the_event() -> None:
    event = first_event(
        run("On 12 June 2023, Kitale traders protested against the closure of the main market in Kenya.")
    )
    assert event.location.name == "Kitale"
    assert event.location.admin1 == "Trans Nzoia"


def test_a_town_after_of_in_the_event_sentence_places_the_event() -> None:
    event = first_event(
        run(
            "On 12 June 2023, two factions of the ruling party clashed in the county assembly of Kisumu, "
            "Kenya, over the election of a speaker."
        )
    )
    assert event.location.admin1 == "Kisumu"
    assert event.location.status == "resolved"


def test_a_place_abroad_in_the_sentence_does_not_place_the_event() -> None:
    event = first_event(
        run(
            "On 12 June 2023, Kenyan police clashed with protesters in Nairobi. Residents of Kampala "
            "rioted after the arrest of a trader the same day."
        )
    )
    assert event.location.country_code == "KE"


def test_the_division_of_an_event_has_its_english_and_native_names() -> None:
    event = first_event(
        run(
            "On 12 June 2023, shelling hit Kostiantynivka in Donetsk oblast, Ukraine, killing two "
            "civilians, the regional governor said."
        )
    )
    place = event.location
    assert place.admin1 == "Donetsk"
    assert place.admin1_native == "Donetska oblast"
    assert place.admin1_iso == "UA-14"
    row = event.to_dict()["location"]
    assert row["admin1"] == "Donetsk" and row["admin1_native"] == "Donetska oblast"

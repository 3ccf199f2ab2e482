"""Issue 12: the place that ends an institution's name after "of" ("the University of Ouagadougou",
tagged ORG as a whole), or opens it before "University" ("Rajshahi University"), is where the institution
is, read where nothing else places the event; a report
whose only place is that of a hospital or a station ("a rally at the lobby of the general hospital in
Manila") is placed there rather than at its country, unless people were taken there. Texts written for
these tests, in the style of ACLED notes."""

from __future__ import annotations

import pytest

import cronica


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "On 3 June 2021, students of the University of Ouagadougou protested against fees.",
            "Ouagadougou",
            "BF",
        ),
        (  # the branch's town, not the town the institution is named after
            "On 3 June 2021, students from the Kisumu branch of the University of Nairobi protested against "
            "the closure of their hostel.",
            "Kisumu",
            "KE",
        ),
        (  # "the village of": no institution's name, the village (the gazetteer lacks it) in its commune
            "On 9 April 2022, transport workers demonstrated against policemen in the village of Bougou "
            "(Djougou, Donga).",
            "Bougou",
            "BJ",
        ),
        (  # "X University" (one ORG): the town it is named for (2026-12-08)
            "On 3 June 2021, students of Rajshahi University staged a protest on the campus demanding the "
            "reopening of their dormitories.",
            "Rajshahi",
            "BD",
        ),
        (  # ... where nothing else places the event
            "On 3 June 2021, Kenyatta University students protested in Nairobi over fees.",
            "Nairobi",
            "KE",
        ),
        (  # a bank is no facility: its town is no place
            "On 3 June 2021, staff of the Bank of Kigali protested against pay cuts in Nairobi, Kenya.",
            "Nairobi",
            "KE",
        ),
        (
            "On 3 June 2021, nurses staged a rally at the lobby of the general hospital in Manila to demand "
            "unpaid allowances. [size=no report]",
            "Manila",
            "PH",
        ),
        (  # "held" a protest: the event itself, not people held at the station
            "On 3 June 2021, a group of 10 activists held a protest near the central metro station in Minsk "
            "against the arrests.",
            "Minsk",
            "BY",
        ),
        (
            "On 3 June 2021, gunmen shot two traders in Mandera town, Kenya. The wounded were taken to a "
            "hospital in Wajir.",
            "Mandera",
            "KE",
        ),
    ],
)
def test_institution_and_hospital_places(text: str, name: str, country: str) -> None:
    result = cronica.extract(text, published="2021-06-14", id="test")
    assert result.events, "no event"
    assert (result.events[0].location.name, result.events[0].location.country_code) == (name, country)


def test_a_town_people_were_taken_to_is_not_the_only_place_of_the_report() -> None:
    result = cronica.extract(
        "On 3 June 2021, gunmen shot two traders, who were taken to a hospital in Kisumu.",
        published="2021-06-14",
        id="test",
    )
    assert result.events[0].location.name != "Kisumu"

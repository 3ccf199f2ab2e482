"""Issue 12: a note that says where it was coded ("a village the sources name (coded as Wajir at geo
precision 2)", "coordinates for Garissa used", "location coded to Lodwar") is placed at that place,
whatever other names it gives; "coded as" that names no place ("fatalities coded as 3", "coded as a
communal militia") changes nothing. Texts written for these tests, in the style of ACLED notes."""

from __future__ import annotations

import pytest

import cronica


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "On 4 May 2021, Kenyan police shot and injured two herders near the village of Dokolo Bura "
            "(coded as Wajir at geo precision 2).",
            "Wajir",
            "Wajir",
        ),
        (
            "On 4 May 2021, bandits attacked a Kenyan police patrol at an unspecified location along the "
            "Isiolo-Meru border (coordinates for Garissa used). One officer was killed.",
            "Garissa",
            "Garissa",
        ),
        (  # the statement in a sentence of its own, after the event's
            "On 4 May 2021, Kenyan soldiers shelled a village in the hills north of the lake. Two "
            "civilians were injured. Location coded to Lodwar.",
            "Lodwar",
            "Turkana",
        ),
        (  # the coded town with its division after it
            "On 4 May 2021, Nigerian troops clashed with gunmen near a hamlet of the hills (no location "
            "found, coded as Gusau, Zamfara). Three gunmen were killed.",
            "Gusau",
            "Zamfara",
        ),
        (  # a count "coded as" a number: no place
            "On 4 May 2021, gunmen attacked a village in Marsabit county, Kenya. Unknown fatalities "
            "coded as 3.",
            None,
            "Marsabit",
        ),
        (  # "coded as Turkana communal militia": the words after the place name a group
            "On 4 May 2021, armed herders (coded as Turkana communal militia) raided cattle in Kapedo "
            "(Tiaty, Baringo), Kenya. Two herders were killed.",
            None,
            "Baringo",
        ),
    ],
)
def test_the_place_a_note_says_it_was_coded_at(text: str, name: str | None, admin1: str) -> None:
    result = cronica.extract(text, published="2021-06-14", id="test")
    assert result.events, "no event"
    location = result.events[0].location
    assert location.admin1 == admin1
    if name is not None:
        assert location.name == name

"""Of two namesakes inside the place the text qualifies a name with, the one near that place's point wins.
Text written for this test, in the style of an ACLED note."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver
from cronica.resolve.gazetteer import GazetteerEntry
from cronica.resolve.resolver import NEAR_TOWN_BONUS, _near_qualifying_town

from .conftest import resolve_text


def test_the_namesake_near_the_qualifying_town_wins(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Crimea has two Sovkhoznoye: one of 1,330 people 115 km north of Simferopol, one of 1,109 people
    # 11 km from it; the text names Simferopol
    text = "On 3 March 2021, residents of Sovkhoznoye, Simferopol, blocked a road over water shortages."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    village = places["Sovkhoznoye"]
    assert village.country_code == "UA"
    assert village.latitude is not None and abs(village.latitude - 45.03) < 0.05


def _entry(gid: int, kind: str, lat: float | None, lon: float | None, a1: str = "05") -> GazetteerEntry:
    return GazetteerEntry(gid, f"geonames:{gid}", f"place {gid}", kind, None, "UA", a1, None, lat, lon, 1000)


def test_the_gain_falls_with_distance_and_needs_a_point() -> None:
    province = _entry(1, "admin1", 48.0, 37.8)
    near = _entry(2, "city", 48.05, 37.8)
    far = _entry(3, "city", 48.9, 37.8)  # 100 km north
    assert _near_qualifying_town(near, [province]) > NEAR_TOWN_BONUS * 0.9
    assert _near_qualifying_town(far, [province]) == 0.0
    assert _near_qualifying_town(near, [_entry(4, "admin1", None, None)]) == 0.0  # no point
    assert _near_qualifying_town(near, [_entry(5, "admin1", 48.0, 37.8, a1="09")]) == 0.0  # not inside it
    assert _near_qualifying_town(province, [_entry(6, "city", 48.0, 37.8)]) == 0.0  # only towns gain

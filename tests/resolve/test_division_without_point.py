"""A district the gazetteer has no point for (GeoNames lists many second-level divisions without
coordinates: Istanbul's Beşiktaş, Algeria's communes) takes the point of its first-level division, as
a name the gazetteer lacks placed in its province does. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver
from cronica.resolve.geo import haversine_km

from .conftest import resolve_text


def test_a_district_without_a_point_takes_its_provinces_point(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    entry = next(e for e in gazetteer.lookup(["Beyoglu"])["beyoglu"] if e.country_code == "TR")
    assert entry.kind == "admin2" and entry.latitude is None  # the premise: no point in the gazetteer
    text = "On 7 May 2021, unknown people set fire to a shopping mall in Beyoglu, Istanbul. Nobody was hurt."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    place = places["Beyoglu"]
    assert focus.country_code == "TR" and place.status == "resolved" and place.precision == 3
    assert place.latitude is not None and place.longitude is not None
    # Beyoğlu lies about 3 km from the point of Istanbul province
    assert haversine_km(place.latitude, place.longitude, 41.043, 29.007) < 25
    assert "no point for" in (place.reason or "") and "stanbul" in (place.reason or "")


def test_a_district_with_a_point_keeps_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 3 March 2021, protesters marched in Alwar district, Rajasthan, against fuel prices."
    places, _ = resolve_text(nlp, gazetteer, resolver, text)
    place = next(p for words, p in places.items() if words.startswith("Alwar"))
    assert place.latitude is not None and "no point for" not in (place.reason or "")


def test_a_village_in_a_district_without_a_point_says_whose_point_it_takes(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Muidumbe, a district of Cabo Delgado, has no point in the gazetteer; a village the gazetteer lacks
    # inside it takes the province's point, and the reason says so rather than "those of Muidumbe"
    text = "On 3 April 2021, armed men burnt houses in Nampanha (Muidumbe, Cabo Delgado). No one was hurt."
    places, _ = resolve_text(nlp, gazetteer, resolver, text)
    place = places["Nampanha"]
    assert place.country_code == "MZ" and place.precision == 3
    reason = place.reason or ""
    assert "'Nampanha' is not in the gazetteer" in reason
    assert "coordinates are those of Cabo Delgado (the gazetteer has no point for Muidumbe)" in reason

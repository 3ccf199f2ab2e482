"""Divisions are found by the names reports give them: without GeoNames' generic word ("South
Governorate" is "South", "Banadir Region" is "Banadir") and without the country after a compass word
("North Lebanon" is "North"). Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver
from cronica.resolve.bundled import division_short_names

from .conftest import resolve_text

GENERIC = frozenset({"governorate", "region", "district", "local government area"})
COMPASS = frozenset({"north", "south"})


def test_the_short_names_drop_the_generic_word_and_the_country_after_a_compass_word() -> None:
    assert division_short_names(["Al Janūb", "South Governorate"], "Lebanon", GENERIC, COMPASS) == ["south"]
    assert division_short_names(["Ash Shimāl", "North Lebanon"], "Lebanon", GENERIC, COMPASS) == ["north"]
    assert division_short_names(["Ikeja Local Government Area"], "Nigeria", GENERIC, COMPASS) == ["ikeja"]
    # "Mount Lebanon" is no compass word and the country; a name already known adds nothing
    assert division_short_names(["Jabal Lubnān", "Mount Lebanon"], "Lebanon", GENERIC, COMPASS) == []
    assert division_short_names(["Idlib", "Idlib Governorate"], "Syria", GENERIC, COMPASS) == []


def test_the_index_finds_a_division_by_its_short_name_only_where_it_has_a_point(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup(["South", "Banadir"])
    south = [e for e in found["south"] if e.country_code == "LB"]
    assert [e.kind for e in south] == ["admin1"]
    banadir = [e for e in found["banadir"] if e.kind == "admin1"]
    assert [e.country_code for e in banadir] == ["SO"] and banadir[0].latitude is not None


def test_a_qualifier_in_its_short_form_gives_the_division_a_point(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 4 May 2020, Al Shabaab militants attacked a police station in Mogadishu-Wardhigley (Banadir)."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "SO"
    banadir = places["Banadir"]
    assert banadir.admin1 == "Banaadir" and banadir.latitude is not None

"""The bundled gazetteer index: what it holds, how fast it opens, how it fails."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cronica.errors import GazetteerError
from cronica.resolve import Gazetteer, fold


def test_fold_removes_accents_case_and_punctuation() -> None:
    assert fold("Potosí") == "potosi"
    assert fold("  SANTA-Cruz  de la Sierra ") == "santa cruz de la sierra"
    assert fold("Île-de-France") == "ile de france"


@pytest.mark.parametrize(
    ("name", "country"),
    [("El Alto", "BO"), ("Cochabamba", "BO"), ("Sacaba", "BO"), ("La Paz", "BO"), ("Mexico", "MX")],
)
def test_bundled_index_knows_the_bolivia_report_places(gazetteer: Gazetteer, name: str, country: str) -> None:
    entries = gazetteer.lookup([name])[fold(name)]
    assert country in {e.country_code for e in entries}


def test_bundled_index_lacks_senkata_and_huayllani(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup(["Senkata", "Huayllani"]) == {}


def test_lookup_is_accent_and_case_insensitive(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup(["POTOSI"]) and gazetteer.lookup(["Potosí"])


def test_admin_codes_name_first_level_divisions(gazetteer: Gazetteer) -> None:
    la_paz = gazetteer.admin("BO", "04")
    assert la_paz is not None and la_paz.name == "La Paz" and la_paz.kind == "admin1"
    assert gazetteer.admin("BO", "02").name == "Cochabamba"  # type: ignore[union-attr]


def test_demonyms_point_at_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym_country("Bolivian") == "BO"
    assert gazetteer.demonym_country("Bolivians") == "BO"
    assert gazetteer.demonym_country("Mexican") == "MX"
    assert gazetteer.demonym_country("Cochabamba") is None


def test_country_rows_carry_iso_codes_and_geonames_ids(gazetteer: Gazetteer) -> None:
    bolivia = gazetteer.country("bo")
    assert bolivia is not None and bolivia.name == "Bolivia" and bolivia.gazetteer_id == "geonames:3923057"


def test_built_index_opens_well_under_a_second(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    Gazetteer.open(gazetteer.path).close()
    assert time.perf_counter() - started < 0.5


def test_missing_index_without_build_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cronica gazetteer build"):
        Gazetteer.open(tmp_path / "none.sqlite", build=False)


def test_a_file_that_is_not_an_index_is_reported(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not sqlite")
    with pytest.raises(GazetteerError, match="--force"):
        Gazetteer(bogus)


def test_by_gazetteer_id_answers_the_places_lookup_found_without_the_database(gazetteer: Gazetteer) -> None:
    kept = Gazetteer.open(gazetteer.path)
    entries = kept.lookup(["Sacaba"])["sacaba"]
    fresh = Gazetteer.open(gazetteer.path)  # nothing looked up: its answers come from the table
    try:
        from_table = {e.gazetteer_id: fresh.by_gazetteer_id(e.gazetteer_id) for e in entries}
    finally:
        fresh.close()
    assert from_table and all(e is not None and e.gazetteer_id == k for k, e in from_table.items())
    assert kept.by_gazetteer_id("geonames:0") is None
    kept.close()  # what lookup found is still answered, the same entries the table gives
    assert {e.gazetteer_id: kept.by_gazetteer_id(e.gazetteer_id) for e in entries} == from_table
    assert kept.by_gazetteer_id("geonames:0") is None

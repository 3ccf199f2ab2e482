"""Importing GeoNames dump files and user CSVs: bad rows reported and skipped, resumable, idempotent."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from cronica.errors import GazetteerError
from cronica.resolve import Gazetteer, add_places_csv, fold, import_geonames

from .conftest import DATA


def test_geonames_rows_are_imported_and_bad_rows_reported_with_file_and_line(empty_index: Path) -> None:
    errors = io.StringIO()
    (report,) = import_geonames(empty_index, [DATA / "XX.txt"], progress=False, errors=errors)
    assert report.rows == 10
    assert report.skipped == 3
    lines = errors.getvalue().splitlines()
    assert any(line.endswith("XX.txt:11: expected 19 tab-separated columns, found 3") for line in lines)
    assert any("XX.txt:12: bad coordinates" in line for line in lines)
    assert any("XX.txt:13: not valid UTF-8" in line for line in lines)
    with Gazetteer(empty_index) as g:
        assert {e.country_code for e in g.lookup(["La Paz"])["la paz"]} == {"BO", "MX"}


def test_admin_code_files_name_the_divisions(empty_index: Path) -> None:
    errors = io.StringIO()
    reports = import_geonames(
        empty_index, [DATA / "admin1CodesASCII.txt", DATA / "admin2Codes.txt"], progress=False, errors=errors
    )
    assert [r.rows for r in reports] == [6, 2]
    assert reports[0].skipped == 1 and "admin1CodesASCII.txt:7:" in errors.getvalue()
    with Gazetteer(empty_index) as g:
        assert g.admin("BO", "04").name == "La Paz"  # type: ignore[union-attr]
        assert g.admin("BO", "04", "0201").name == "Provincia Murillo"  # type: ignore[union-attr]
        assert g.lookup(["Ile-de-France"])


def test_zip_files_are_read_as_distributed(empty_index: Path, tmp_path: Path) -> None:
    archive = tmp_path / "XX.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DATA / "XX.txt", "XX.txt")
        zf.writestr("readme.txt", "GeoNames readme")
    (report,) = import_geonames(empty_index, [archive], progress=False, errors=io.StringIO())
    assert report.rows == 10 and report.skipped == 3


def test_interrupted_import_resumes_from_the_last_committed_batch(empty_index: Path, tmp_path: Path) -> None:
    source = tmp_path / "XX.txt"
    shutil.copy(DATA / "XX.txt", source)
    (first,) = import_geonames(
        empty_index, [source], batch_size=4, stop_after_batches=1, progress=False, errors=io.StringIO()
    )
    assert first.rows == 4
    (second,) = import_geonames(empty_index, [source], batch_size=4, progress=False, errors=io.StringIO())
    assert second.resumed_from_line == 4
    assert second.rows == 10 and second.skipped == 3
    (third,) = import_geonames(empty_index, [source], progress=False, errors=io.StringIO())
    assert third.already_done
    with Gazetteer(empty_index) as g:
        assert g.stats()["city"] == 10


def test_reimport_replaces_rows_instead_of_duplicating_them(empty_index: Path) -> None:
    for _ in range(2):
        import_geonames(empty_index, [DATA / "XX.txt"], restart=True, progress=False, errors=io.StringIO())
    with Gazetteer(empty_index) as g:
        assert g.stats()["city"] == 10


def test_feature_class_filter_keeps_only_those_classes(empty_index: Path) -> None:
    (report,) = import_geonames(
        empty_index, [DATA / "XX.txt"], feature_classes=frozenset("A"), progress=False, errors=io.StringIO()
    )
    assert report.rows == 0


def test_missing_file_is_an_error(empty_index: Path, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        import_geonames(empty_index, [tmp_path / "nope.txt"], progress=False)


def test_user_csv_adds_places_with_codes_or_names_and_reports_bad_rows(
    empty_index: Path, tmp_path: Path
) -> None:
    import_geonames(empty_index, [DATA / "admin1CodesASCII.txt"], progress=False, errors=io.StringIO())
    csv_path = tmp_path / "places.csv"
    csv_path.write_bytes(
        b"name,alternate_names,latitude,longitude,country_code,admin1,admin2,parent\n"
        b"Senkata,Senkata gas plant|Planta de Senkata,-16.5617,-68.1833,BO,La Paz,,El Alto\n"
        b"Huayllani,,-17.3880,-66.0900,BO,02,,Sacaba\n"
        b"Nowhere,,north,-66,BO,,,\n"
        b"Too,,1,2,BO,,,,extra\n"
    )
    errors = io.StringIO()
    report = add_places_csv(empty_index, csv_path, errors=errors)
    assert (report.rows, report.skipped) == (2, 2)
    assert "places.csv:4: bad coordinates" in errors.getvalue()
    assert "places.csv:5: more columns" in errors.getvalue()
    add_places_csv(empty_index, csv_path, errors=io.StringIO())
    with Gazetteer(empty_index) as g:
        (senkata,) = g.lookup(["Planta de Senkata"])[fold("Planta de Senkata")]
        assert senkata.admin1_code == "04" and senkata.parent == "El Alto"
        assert senkata.gazetteer_id.startswith("user:")
        assert g.stats()["city"] == 2

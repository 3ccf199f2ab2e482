"""cronica's own gazetteer rows (``data/gazetteer/supplement.tsv``) follow one rule, not a report's
needs: a populated place of 100,000 people or more by a named census that the GeoNames cities500
snapshot lacks, inside the divisions its codes give."""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

from cronica.resolve.geo import haversine_km
from cronica.resolve.names import fold

DATA = Path(__file__).resolve().parents[2] / "src" / "cronica" / "data" / "gazetteer"
#: the smallest population a supplement row may have
MIN_POPULATION = 100_000


def _tsv(name: str) -> list[dict[str, str]]:
    opener = gzip.open if name.endswith(".gz") else open
    with opener(DATA / name, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _places_of(countries: set[str]) -> list[dict[str, str]]:
    """The cities500 rows of ``countries`` (the file's country column is read before the rest)."""
    with gzip.open(DATA / "places.tsv.gz", "rt", encoding="utf-8", newline="") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = header.index("country_code")
        return [
            dict(zip(header, fields, strict=True))
            for line in f
            if (fields := line.rstrip("\n").split("\t"))[col] in countries
        ]


def test_every_supplement_row_is_a_large_place_cities500_lacks_with_its_census_named() -> None:
    rows = _tsv("supplement.tsv")
    assert rows
    countries = {r["country_code"] for r in rows}
    places = _places_of(countries)
    divisions = {(r["country_code"], r["admin1_code"], r["admin2_code"]) for r in _tsv("admin.tsv.gz")}
    for row in rows:
        cc, a1, a2 = row["country_code"], row["admin1_code"], row["admin2_code"]
        assert int(row["population"]) >= MIN_POPULATION, row["name"]
        # the source is a census or a statistics office with its year, not a report
        assert re.search(r"\bcensus\b.*\b(19|20)\d\d\b|\b(19|20)\d\d\b.*\bcensus\b", row["note"]), row["name"]
        # cities500 really lacks it: no place of that name (or its alternate names) in the country
        names = {fold(row["name"]), *(fold(a) for a in row["alternatenames"].split("|") if a)}
        same = [
            p["name"]
            for p in places
            if p["country_code"] == cc
            and names & {fold(p["name"]), fold(p["asciiname"]), *map(fold, p["alternatenames"].split(","))}
        ]
        assert same == [], (row["name"], same)
        # its codes name real divisions, and its point lies among the places of its first-level division
        assert (cc, a1, "") in divisions and (not a2 or (cc, a1, a2) in divisions), row["name"]
        lat, lon = float(row["latitude"]), float(row["longitude"])
        nearest = min(
            haversine_km(lat, lon, float(p["latitude"]), float(p["longitude"]))
            for p in places
            if p["country_code"] == cc and p["admin1_code"] == a1
        )
        assert nearest < 50, (row["name"], nearest)

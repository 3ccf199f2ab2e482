"""Exports read back with the libraries users open them with: csv, pandas/pyarrow, json (GeoJSON)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from cronica.export import ACLED_COLUMNS, write_acled_csv, write_geojson, write_jsonl, write_parquet
from cronica.export.acled_csv import event_number
from cronica.store import EventFilter, Store
from store.builders import bolivia, corpus


@pytest.fixture
def merged(store: Store) -> list[dict]:
    for x in corpus():
        store.add_extraction(x)
    store.merge_auto()
    return store.events()


def test_acled_csv_of_a_single_document_extraction() -> None:
    extraction = bolivia()
    buf = io.StringIO()
    assert write_acled_csv([*extraction.events, *extraction.statements, *extraction.tallies], buf) == 1
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    row = rows[0]
    assert row["event_id_cnty"] == f"BOL{event_number(extraction.events[0].to_dict(), 0)}"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2019-11-19", "2019", "1")
    assert (row["event_type"], row["sub_event_type"]) == ("Protests", "Excessive force against protesters")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Military Forces of Bolivia (2019-)",
        "1",
        "Protesters (Bolivia)",
        "6",
        "16",
    )
    assert (row["iso"], row["country"], row["admin1"], row["admin2"], row["location"]) == (
        "68",
        "Bolivia",
        "La Paz",
        "El Alto",
        "Senkata",
    )
    assert (float(row["latitude"]), float(row["longitude"]), row["geo_precision"]) == (
        -16.5611,
        -68.2106,
        "2",
    )
    assert row["fatalities"] == "8"
    assert row["source"] == "bolivia-2019-11-20.txt"
    assert row["notes"].startswith(
        "The Bolivian Ombudsman’s Office reported last night that eight people were killed"
    )


def test_acled_csv_of_merged_events_lists_every_source(merged: list[dict]) -> None:
    buf = io.StringIO()
    write_acled_csv(merged, buf)
    rows = {r["location"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    assert set(rows) == {"Senkata", "Sacaba", "La Paz"}
    senkata = rows["Senkata"]
    assert senkata["source"] == "bolivia-2019-11-20.txt; senkata-2019-11-21.txt"
    assert senkata["fatalities"] == "8"  # the follow-up's "at least 6" does not undo the 8 of the day before
    assert (
        senkata["event_id_cnty"]
        == f"BOL{next(e['id'] for e in merged if e['location']['name'] == 'Senkata')}"
    )
    assert rows["La Paz"]["interaction"] == "60" and rows["La Paz"]["fatalities"] == "0"


def test_jsonl_round_trips_the_merged_events(merged: list[dict]) -> None:
    buf = io.StringIO()
    assert write_jsonl(merged, buf) == 3
    back = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert back == merged
    senkata = next(e for e in back if e["location"]["name"] == "Senkata")
    assert senkata["kind"] == "event" and senkata["schema_version"] == 1
    assert len(senkata["sources"]) == 2 and len(senkata["counts"]["killed"]["claims"]) == 3
    for key in (
        "event_type",
        "sub_event_type",
        "plover",
        "date",
        "location",
        "actor1",
        "actor2",
        "fatalities",
        "evidence",
    ):
        assert key in senkata


def test_geojson_opens_as_points_with_scalar_properties(merged: list[dict], tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    with path.open("w", encoding="utf-8") as fh:
        assert write_geojson(merged, fh) == 3
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    by_place = {f["properties"]["location"]: f for f in collection["features"]}
    senkata = by_place["Senkata"]
    assert senkata["type"] == "Feature"
    assert senkata["geometry"] == {"type": "Point", "coordinates": [-68.2106, -16.5611]}
    props = senkata["properties"]
    assert all(not isinstance(v, dict | list) for v in props.values())
    assert (
        props["date"],
        props["fatalities"],
        props["killed_low"],
        props["killed_high"],
        props["n_sources"],
    ) == ("2019-11-19", 8, 6, 10, 2)
    assert props["sources"] == "bolivia-2019-11-20.txt; senkata-2019-11-21.txt"
    assert props["country_code"] == "BO" and props["admin1"] == "La Paz"


def test_parquet_reads_back_in_pandas_and_pyarrow(merged: list[dict], tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert write_parquet(merged, str(path)) == 3
    table = pq.read_table(path)
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"
    frame = pd.read_parquet(path)
    assert len(frame) == 3
    row = frame.set_index("location").loc["Sacaba"]
    assert row["event_type"] == "Protests"
    assert str(row["date"]) == "2019-11-15"
    assert (
        row["fatalities"] == 9
        and row["killed_low"] == 5
        and row["killed_high"] == 9
        and row["killed_latest"] == 9
    )
    assert math.isclose(row["latitude"], -17.4042) and math.isclose(row["longitude"], -66.0408)
    assert list(row["sources"]) == ["sacaba-2019-11-16.txt", "sacaba-2019-11-18.txt"]
    assert json.loads(row["record"])["counts"]["killed"]["derived"]["acled"] == 9
    march = frame.set_index("location").loc["La Paz"]
    assert pd.isna(march["killed"]) and march["participants"] == 2000


def test_filters_select_what_is_exported(store: Store, merged: list[dict]) -> None:
    assert [e["location"]["name"] for e in store.events(EventFilter(min_fatalities=1))] == [
        "Sacaba",
        "Senkata",
    ]
    assert [e["location"]["name"] for e in store.events(EventFilter(admin1="cochabamba"))] == ["Sacaba"]
    assert [e["location"]["name"] for e in store.events(EventFilter(actor="military"))] == [
        "Sacaba",
        "Senkata",
    ]
    assert store.events(EventFilter(country="PE")) == []
    from datetime import date

    assert [e["location"]["name"] for e in store.events(EventFilter(since=date(2019, 11, 19)))] == [
        "Senkata",
        "La Paz",
    ]
    assert [e["location"]["name"] for e in store.events(EventFilter(event_type="Peaceful protest"))] == [
        "La Paz"
    ]

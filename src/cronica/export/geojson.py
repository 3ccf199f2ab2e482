"""GeoJSON (RFC 7946) FeatureCollection of events, one Point feature each, for QGIS and web maps.

Properties are the flat columns of :mod:`cronica.export.flat` (``sources`` joined with ``; `` so
that every property is a scalar, as QGIS expects). An event without coordinates gets a ``null``
geometry (valid GeoJSON; QGIS lists it in the attribute table) unless ``located_only`` is set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from cronica.export.flat import flat_event


def feature(record: dict[str, Any]) -> dict[str, Any]:
    props = flat_event(record)
    props["sources"] = "; ".join(props["sources"])
    lat, lon = props.get("latitude"), props.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props}


def feature_collection(records: Iterable[dict[str, Any]], located_only: bool = False) -> dict[str, Any]:
    features = []
    for record in records:
        if record.get("kind", "event") != "event":
            continue
        f = feature(record)
        if located_only and f["geometry"] is None:
            continue
        features.append(f)
    return {"type": "FeatureCollection", "features": features}


def write_geojson(records: Iterable[dict[str, Any]], fp: IO[str], located_only: bool = False) -> int:
    """Write the events as one FeatureCollection; returns the number of features."""
    collection = feature_collection(records, located_only)
    json.dump(collection, fp, ensure_ascii=False, indent=1)
    fp.write("\n")
    return len(collection["features"])

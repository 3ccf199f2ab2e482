"""Writers for the field's layouts: JSON Lines, ACLED CSV, GeoJSON and Parquet.

They take event dictionaries of the interchange contract (``Event.to_dict()`` or the store's merged
events); :func:`write_acled_csv` also takes :class:`~cronica.records.Event` objects.
"""

from cronica.export.acled_csv import ACLED_COLUMNS, acled_row, acled_rows, write_acled_csv
from cronica.export.geojson import feature_collection, write_geojson
from cronica.export.jsonl import write_jsonl
from cronica.export.parquet import events_table, write_parquet

__all__ = [
    "ACLED_COLUMNS",
    "acled_row",
    "acled_rows",
    "events_table",
    "feature_collection",
    "write_acled_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]

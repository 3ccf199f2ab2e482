"""The store: documents, events, statements, tallies, claims and merges in SQLite or PostgreSQL.

    from cronica.store import Store, EventFilter
    with Store("cronica.db") as store:          # or "postgresql://user@host/db"
        store.add_extraction(extraction)
        store.merge_auto()
        store.events(EventFilter(country="BO", min_fatalities=1))

The schema is documented in ``docs/records.md`` ("Store schema").
"""

from cronica.store.db import database_url, default_db
from cronica.store.errors import NotFoundError, StoreError
from cronica.store.queries import EventFilter
from cronica.store.repository import content_hash
from cronica.store.store import MergeReport, Store

__all__ = [
    "EventFilter",
    "MergeReport",
    "NotFoundError",
    "Store",
    "StoreError",
    "content_hash",
    "database_url",
    "default_db",
]

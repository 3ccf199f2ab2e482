"""Database fixtures (SQLite and PostgreSQL) shared by the store, dedupe and export tests."""

from store.builders import db_url, store  # noqa: F401

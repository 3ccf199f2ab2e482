"""Alembic migrations of the store schema (script location ``cronica.store:migrations``)."""

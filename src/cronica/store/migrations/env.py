"""Alembic environment for cronica's store.

Works from the installed package: :func:`cronica.store.db.alembic_config` points Alembic at
``cronica.store:migrations`` and passes either an open connection (``config.attributes["connection"]``)
or a URL (``sqlalchemy.url``). Run through ``cronica`` (the store migrates itself when opened) or
by hand with ``alembic -x db=URL upgrade head`` from a config that names this script location.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from cronica.store.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: pass -x db=URL or set sqlalchemy.url")
    from cronica.store.db import database_url

    return database_url(url)


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url())
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

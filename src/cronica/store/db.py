"""Where the store lives: database URLs, engines and migrations.

``--db`` takes a file path (a SQLite database, the default ``cronica.db`` or ``$CRONICA_DB``) or a
SQLAlchemy URL (``postgresql://user@host/db``; the psycopg 3 driver is chosen for bare
``postgresql://``). Opening a store brings its schema to the newest migration.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from cronica.store.errors import StoreError

DEFAULT_DB = "cronica.db"
ENV_VAR = "CRONICA_DB"


def default_db() -> str:
    """The database named by ``$CRONICA_DB``, else ``cronica.db`` in the working directory."""
    return os.environ.get(ENV_VAR) or DEFAULT_DB


def database_url(db: str) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given (``postgresql://`` gets psycopg 3), a path as SQLite."""
    if "://" not in db:
        return "sqlite:///" + os.path.abspath(db)
    try:
        url = make_url(db)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {db!r} ({exc})") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(db: str) -> Engine:
    """An engine for ``db`` (path or URL); SQLite gets foreign keys, WAL and a busy timeout."""
    url = database_url(db)
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open database {db!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine | None = None) -> Any:
    """An Alembic ``Config`` for the packaged migrations (no ``alembic.ini`` needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "cronica.store:migrations")
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision`` (idempotent)."""
    from alembic import command

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()

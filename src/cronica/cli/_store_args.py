"""Arguments shared by the store commands: ``--db`` and the event filters."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from cronica.errors import CronicaError

if TYPE_CHECKING:
    from cronica.resolve.corpus import CorpusPrior

DB_HELP = (
    "database: a SQLite file path or a PostgreSQL URL (postgresql://user@host/db); "
    "default $CRONICA_DB, else cronica.db"
)


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=None, help=DB_HELP)


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code from a code or name given on the command line ("KE", "Kenya")."""
    from cronica.resolve.focus import country_codes

    try:
        return country_codes(value)[0]
    except CronicaError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def add_country_hint(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--country",
        action="append",
        type=country_code,
        default=[],
        metavar="CC",
        help="ISO code (or name) of a country the documents are about, a hint for placing events when "
        "a text does not name its country; the text's own words still win (repeatable)",
    )


def add_corpus_prior(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-corpus-prior",
        dest="corpus_prior",
        action="store_false",
        help="do not weigh the country most of the input's documents state (a majority of those that "
        "state one) for a text that names none; by default it is read over the whole input first",
    )


def corpus_prior_of(paths: Sequence[str], published: date | None, enabled: bool) -> CorpusPrior | None:
    """The corpus prior of the documents at ``paths`` (read once, text only, before extraction), or
    None when ``enabled`` is false. Files that cannot be read count as documents stating nothing."""
    if not enabled:
        return None
    from cronica.ingest import read_documents
    from cronica.records import Document
    from cronica.resolve import Gazetteer
    from cronica.resolve.corpus import corpus_prior

    texts = (d.text for d in read_documents(paths, published=published) if isinstance(d, Document))
    return corpus_prior(texts, Gazetteer.open())


def add_filters(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("filters")
    g.add_argument("--country", help="country name or ISO code (BO, Bolivia)")
    g.add_argument("--admin1", help="first-level region (La Paz)")
    g.add_argument("--since", type=iso_date, metavar="DATE", help="events on or after this date")
    g.add_argument("--until", type=iso_date, metavar="DATE", help="events on or before this date")
    g.add_argument("--type", dest="event_type", help="ACLED event or sub-event type (Protests, Attack)")
    g.add_argument("--actor", help="part of any actor's name (police, Protesters)")
    g.add_argument(
        "--min-fatalities", type=int, metavar="N", help="events with at least N killed (ACLED figure)"
    )
    g.add_argument("--limit", type=int, metavar="N", help="at most N events")


def event_filter(args: argparse.Namespace) -> object:
    from cronica.store import EventFilter

    return EventFilter(
        country=args.country,
        admin1=args.admin1,
        since=args.since,
        until=args.until,
        event_type=args.event_type,
        actor=args.actor,
        min_fatalities=args.min_fatalities,
        limit=args.limit,
    )


def open_store(args: argparse.Namespace) -> object:
    from cronica.store import Store

    return Store(args.db)


def event_id(value: str) -> int:
    """An event number as ``cronica events`` prints it (``12``)."""
    try:
        return int(value.removeprefix("ev"))
    except ValueError as exc:
        raise CronicaError(f"not an event number: {value!r}") from exc

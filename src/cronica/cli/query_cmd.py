"""``cronica events`` (list merged events), ``cronica show`` (one event in full) and ``cronica tally``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cronica.cli._store_args import add_db, add_filters, event_filter, event_id


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "events",
        help="list events in a database, filtered; as a table, JSON Lines or ACLED CSV",
        description="List the stored events (reports of one event shown once), oldest first.",
    )
    add_db(p)
    add_filters(p)
    p.add_argument(
        "--format", choices=("table", "jsonl", "csv"), default="table", help="csv: ACLED's columns"
    )
    p.set_defaults(func=run_events)

    s = subparsers.add_parser(
        "show",
        help="one event in full: every source document with its claims and evidence, and every merge",
        description=(
            "Print one event: its reconciled figures, then every source document behind it (title, outlet, "
            "date, the report's sentence, each claim with its qualifier, words and who reported it, and the "
            "character spans of its evidence), then every merge or split with its reasons, score and "
            "the scorer's features. Example: cronica show 12 --db cronica.db"
        ),
    )
    s.add_argument("event", metavar="EVENT", help="event number (as `cronica events` prints it)")
    add_db(s)
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=run_show)

    t = subparsers.add_parser(
        "tally",
        help="killed, injured and arrested per period and place, beside the running totals reported",
        description=(
            "Sum each merged event's reconciled figure (ACLED's conservative number, a later report's "
            "figure replacing an earlier one) for killed, injured and arrested, grouped by period (day, "
            "week or month), place (or only country) and perpetrator type, naming the events and documents "
            "behind each number. With --by week or month (or country), each row also shows the latest "
            "running total the reports give for that period and place. Then list every running total "
            "(tally) beside the sum of the stored incidents it covers: a tally is never added to incidents. "
            "Example: cronica tally --db b.db --by month,country --country BO"
        ),
    )
    add_db(t)
    add_filters(t)
    t.add_argument(
        "--by",
        default="day,place,perpetrator",
        help=(
            "comma-separated grouping: one period (day, week, month), place or country, perpetrator "
            "(default: day,place,perpetrator)"
        ),
    )
    t.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    t.set_defaults(func=run_tally)


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def run_events(args: argparse.Namespace) -> int:
    from cronica.export.acled_csv import write_acled_csv
    from cronica.export.jsonl import write_jsonl
    from cronica.store import Store

    with Store(args.db) as store:
        events = list(store.iter_events(event_filter(args)))  # type: ignore[arg-type]
    if args.format == "jsonl":
        write_jsonl(events, sys.stdout)
        return 0
    if args.format == "csv":
        write_acled_csv(events, sys.stdout)
        return 0
    print(f"{'event':>6}  {'date':10}  {'type':34}  {'location':20}  ", end="")
    print(f"{'actor1':28}  {'actor2':24}  {'dead':>4}  src")
    for e in events:
        a1, a2 = e.get("actor1") or {}, e.get("actor2") or {}
        print(
            f"{e['id']:>6}  {_cell(e['date']['value'], 10):10}  "
            f"{_cell(e['event_type'] + ' / ' + e['sub_event_type'], 34):34}  "
            f"{_cell(e['location']['name'], 20):20}  {_cell(a1.get('name'), 28):28}  "
            f"{_cell(a2.get('name'), 24):24}  "
            f"{e['fatalities']:>4}  {len(e['sources'])}"
        )
    print(f"{len(events)} events", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from cronica.store import Store

    with Store(args.db) as store:
        e = store.event(event_id(args.event))
    if args.format == "json":
        print(json.dumps(e, ensure_ascii=False, indent=2))
        return 0
    loc, date = e["location"], e["date"]
    print(f"event {e['id']}: {e['event_type']} / {e['sub_event_type']} ({e['plover']})")
    print(f"  date:     {date['value']} ({date['precision']}; words: {date['text']!r})")
    print(
        f"  place:    {loc['name']}, {loc.get('admin1')}, {loc.get('country')}"
        f" ({loc.get('latitude')}, {loc.get('longitude')})"
    )
    for role in ("actor1", "actor2"):
        if e.get(role):
            print(f"  {role}:   {e[role]['name']} (inter {e[role]['inter']})")
    print(f"  fatalities (ACLED): {e['fatalities']}")
    counts = {c: summary for c, summary in (e.get("counts") or {}).items() if summary}
    for category, summary in counts.items():
        d = summary["derived"]
        print(
            f"  {category}: acled {d['acled']}  low {d['low']}  best {d['best']}  high {d['high']}"
            f"  latest {d['latest']}  (from {len(summary['claims'])} claims, never summed)"
        )
    _print_sources(e, counts)
    if e["history"]:
        print("  merges:")
        for m in e["history"]:
            _print_merge(m)
    return 0


def _print_sources(e: dict[str, Any], counts: dict[str, Any]) -> None:
    """Each source document with its report, its claims (qualifier, words, who reported them) and the
    character spans of its evidence."""
    documents = sorted({s["document"] for s in e["sources"]})
    print(f"  sources ({len(documents)} documents, {len(e['sources'])} reports):")
    for s in e["sources"]:
        about = ", ".join(x for x in (s.get("outlet"), f"published {s['published']}", s.get("url")) if x)
        title = f" {s['title']!r}" if s.get("title") else ""
        print(f"    {s['document']}{title} ({about})")
        print(
            f"      report {s['report']} (record {s['record']}): {s['event_type']} / {s['sub_event_type']},"
            f" {s['date']}, fatalities {s['fatalities']}"
        )
        print(f"      sentence: {s['sentence']!r}")
        if s.get("reported_by"):
            print(f"      reported by: {'; '.join(s['reported_by'])}")
        claims = [
            (category, c)
            for category, summary in counts.items()
            for c in summary["claims"]
            if c["report"] == s["report"]
        ]
        for category, c in claims:
            by = f" -- {c['reported_by']}" if c["reported_by"] else ""
            revises = f" (revises claim {c['update_of']})" if c.get("update_of") is not None else ""
            print(
                f"      {category:<12} {c['value']:>5} {c['qualifier']:<9} {c['text']!r}{by}"
                f" [{c['document']}, {c['reported_on']}]{revises}"
            )
        if not claims:
            print("      no killed, injured, arrested or participant figures")
        for ev in (x for x in e["evidence_spans"] if x["report"] == s["report"]):
            print(f"        {ev['field']:<22} [{ev['start']}:{ev['end']}] {ev['text']!r}")


def _print_merge(m: dict[str, Any]) -> None:
    state = f" UNDONE by {m['undone_by']} at {m['undone_at']}" if m["undone_at"] else ""
    if m["forced"]:
        kind = "forced by a person"
    else:
        kind = f"score {m['score']}" + (f" ({m['scorer']})" if m.get("scorer") else "")
    pair = f", reports {' and '.join(map(str, m['reports']))}" if m.get("reports") else ""
    print(f"    {m['absorbed']} -> {m['event']} ({kind}{pair}, by {m['by']} at {m['at']}){state}")
    for r in m["reasons"]:
        print(f"        {r}")
    if m.get("features"):
        print("        features: " + ", ".join(f"{k} {v:g}" for k, v in m["features"].items()))
    if m.get("undo_reason"):
        print(f"        undone because: {m['undo_reason']}")


def _tally_cell(latest: dict[str, Any], category: str) -> str:
    t = latest.get(category)
    if not t:
        return ""
    return f"{t['qualifier']} {t['value']} as of {t['as_of']}"


def run_tally(args: argparse.Namespace) -> int:
    from cronica.errors import CronicaError
    from cronica.export.jsonl import write_jsonl
    from cronica.store import Store
    from cronica.store.queries import GROUPINGS

    by = [x.strip() for x in args.by.split(",") if x.strip()]
    bad = [x for x in by if x not in GROUPINGS]
    if bad:
        raise CronicaError(f"--by takes {', '.join(GROUPINGS)}; not {', '.join(bad)}")
    if sum(x in ("day", "week", "month") for x in by) > 1:
        raise CronicaError("--by takes one period: day, week or month")
    flt = event_filter(args)
    with Store(args.db) as store:
        rows = store.incident_totals(flt, by)  # type: ignore[arg-type]
        totals = store.tallies(flt)  # type: ignore[arg-type]
    keys = [
        k
        for k in ("date", "week", "month", "country", "admin1", "location", "perpetrator")
        if rows and k in rows[0]
    ]
    if args.format == "jsonl":
        write_jsonl([{"kind": "incidents", **r} for r in rows], sys.stdout)
        write_jsonl([{"kind": "tally", **t} for t in totals], sys.stdout)
        return 0
    if args.format == "csv":
        from cronica.export.csv_safe import csv_writer

        writer = csv_writer(sys.stdout)
        writer.writerow([*keys, "killed", "injured", "arrested", "latest_tally_killed", "events", "sources"])
        for r in rows:
            writer.writerow(
                [
                    *(r[k] for k in keys),
                    r["killed"],
                    r["injured"],
                    r["arrested"],
                    _tally_cell(r["latest_tally"], "killed"),
                    " ".join(map(str, r["events"])),
                    "; ".join(r["sources"]),
                ]
            )
        return 0
    print("incidents (sum over merged events of each event's reconciled figure):")
    for r in rows:
        label = "  ".join(str(r[k]) for k in keys)
        print(
            f"  {label}: killed {r['killed']}, injured {r['injured']}, arrested {r['arrested']}"
            f"  [events {', '.join(map(str, r['events']))}; sources: {'; '.join(r['sources'])}]"
        )
        for category, t in r["latest_tally"].items():
            by_whom = f" -- {t['reported_by']}" if t["reported_by"] else ""
            print(
                f"      latest running total reported ({category}): {t['qualifier']} {t['value']}"
                f" as of {t['as_of']}{by_whom} [{t['document']}]; sum of incidents above: {r[category]}"
            )
    print("running totals as reported (never added to the incidents above):")
    if not totals:
        print("  none")
    for t in totals:
        since = f" since {t['since']}" if t["since"] else ""
        by_whom = f" -- {t['reported_by']}" if t["reported_by"] else ""
        print(
            f"  {t['what']}: {t['qualifier']} {t['value']}{since} as of {t['as_of']} ({t['place']}){by_whom}"
            f" [{t['document']}] | stored incidents in scope: {t['incidents_sum']} {t['category']}"
            f" in {t['incidents_with_figure']} of {t['incidents_in_scope']} events"
        )
    return 0

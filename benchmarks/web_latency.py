"""Latency of the web app's event list, map and timeline on a large store, and the weight of the main page.

Not a test: a measurement. Run from the repository root::

    python benchmarks/web_latency.py [--events 100000] [--requests 40] [--db /tmp/cronica-web-bench.db]

The store (SQLite) is filled with synthetic events written straight into the tables (one report per
event, ten events per document, 400 places in 8 countries, dates over three years, six event types): the
shape of `cronica ingest`'s rows without running the pipeline 100,000 times. A uvicorn server runs on
127.0.0.1 in this process; a bounded number of sequential requests (``--requests`` per endpoint, after two
warm-up requests) is sent from localhost with an API token, and p50/p95 are printed, then the bytes of the
explore page and of what it loads (gzip as sent, and uncompressed).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

TYPES = (
    ("Protests", "Peaceful protest", 6, None),
    ("Protests", "Excessive force against protesters", 1, 6),
    ("Riots", "Violent demonstration", 5, 1),
    ("Violence against civilians", "Attack", 3, 7),
    ("Battles", "Armed clash", 1, 2),
    ("Strategic developments", "Arrests", 1, 6),
)
COUNTRIES = (
    ("BO", "Bolivia"),
    ("CO", "Colombia"),
    ("CL", "Chile"),
    ("PE", "Peru"),
    ("EC", "Ecuador"),
    ("KE", "Kenya"),
    ("NG", "Nigeria"),
    ("IN", "India"),
)


def build(db: str, n: int, seed: int = 7) -> None:
    from sqlalchemy import insert

    from cronica.store import Store
    from cronica.store.models import DocumentRow, EventCountRow, EventRow, PlaceRow, ReportRow

    rng = random.Random(seed)
    store = Store(db)
    now = datetime.now(UTC)
    places = []
    for i in range(400):
        cc, country = COUNTRIES[i % len(COUNTRIES)]
        lat, lon = rng.uniform(-30, 30), rng.uniform(-80, 80)
        places.append(
            {
                "id": i + 1,
                "key": f"nm:town{i}|{cc}|",
                "name": f"Town {i}",
                "country": country,
                "country_code": cc,
                "admin1": f"Region {i % 40}",
                "admin2": None,
                "latitude": lat,
                "longitude": lon,
                "precision": 1,
                "gazetteer_id": None,
                "status": "resolved",
            }
        )
    start = date(2022, 1, 1)
    with store.engine.begin() as conn:
        conn.execute(insert(PlaceRow.__table__), places)
        for chunk in range(0, n, 5000):
            docs, events, reports, counts = [], [], [], []
            for i in range(chunk, min(n, chunk + 5000)):
                eid = i + 1
                if i % 10 == 0:
                    docs.append(
                        {
                            "id": f"{i:064d}",
                            "source_id": f"doc-{i // 10}",
                            "source": f"doc-{i // 10}",
                            "format": "text",
                            "title": f"Report {i // 10}",
                            "url": None,
                            "published": start + timedelta(days=i % 1000),
                            "published_source": "flag",
                            "outlet": "Bench",
                            "author": None,
                            "language": "en",
                            "text": "Police fired on protesters in Town, killing two. " * 3,
                            "n_events": 10,
                            "n_statements": 0,
                            "n_tallies": 0,
                            "ingested_at": now,
                        }
                    )
                etype, sub, inter1, inter2 = TYPES[rng.randrange(len(TYPES))]
                place = places[rng.randrange(len(places))]
                day = start + timedelta(days=rng.randrange(1000))
                dead = rng.choice((0, 0, 0, 1, 2, 5))
                loc = {
                    k: place[k]
                    for k in (
                        "name",
                        "country",
                        "country_code",
                        "admin1",
                        "admin2",
                        "latitude",
                        "longitude",
                        "precision",
                        "gazetteer_id",
                        "status",
                    )
                }
                data = {
                    "kind": "event",
                    "id": f"doc-{i // 10}#e{i % 10}",
                    "document": f"doc-{i // 10}",
                    "event_type": etype,
                    "sub_event_type": sub,
                    "plover": "PROTEST",
                    "date": {
                        "value": day.isoformat(),
                        "precision": "day",
                        "time_precision": 1,
                        "text": "on Tuesday",
                    },
                    "location": loc,
                    "actor1": {"name": "Police Forces", "inter": inter1, "associated": []},
                    "actor2": {"name": "Protesters", "inter": inter2, "associated": []} if inter2 else None,
                    "fatalities": dead,
                    "counts": {},
                    "sources": [],
                    "confidence": 0.6,
                    "missing": {},
                    "evidence": {},
                }
                events.append(
                    {
                        "id": eid,
                        "status": "active",
                        "merged_into": None,
                        "representative_report_id": eid,
                        "event_type": etype,
                        "sub_event_type": sub,
                        "plover": "PROTEST",
                        "date": day,
                        "date_precision": "day",
                        "place_id": place["id"],
                        "location": place["name"],
                        "country": place["country"],
                        "country_code": place["country_code"],
                        "admin1": place["admin1"],
                        "latitude": place["latitude"],
                        "longitude": place["longitude"],
                        "actor1": "Police Forces",
                        "inter1": inter1,
                        "actor2": "Protesters" if inter2 else None,
                        "inter2": inter2,
                        "fatalities": dead,
                        "n_reports": 1,
                        "n_documents": 1,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                reports.append(
                    {
                        "id": eid,
                        "document_id": f"{(i // 10) * 10:064d}",
                        "record_id": data["id"],
                        "event_id": eid,
                        "home_event_id": eid,
                        "event_type": etype,
                        "sub_event_type": sub,
                        "plover": "PROTEST",
                        "date": day,
                        "date_precision": "day",
                        "date_text": "on Tuesday",
                        "place_id": place["id"],
                        "place_text": place["name"],
                        "fatalities": dead,
                        "confidence": rng.uniform(0.3, 0.95),
                        "sentence": "Police fired on protesters.",
                        "data": data,
                    }
                )
                if dead:
                    counts.append(
                        {
                            "event_id": eid,
                            "category": "killed",
                            "acled": dead,
                            "low": dead,
                            "best": dead,
                            "high": dead,
                            "latest": dead,
                            "n_claims": 1,
                            "n_reports": 1,
                        }
                    )
            if docs:
                conn.execute(insert(DocumentRow.__table__), docs)
            conn.execute(insert(EventRow.__table__), events)
            conn.execute(insert(ReportRow.__table__), reports)
            if counts:
                conn.execute(insert(EventCountRow.__table__), counts)
    store.close()


def measure(db: str, requests: int) -> dict[str, object]:
    import httpx
    import uvicorn

    from cronica.store import Store
    from cronica.web import Service, create_app

    service = Service(Store(db))
    if not any(u.name == "bench" for u in service.users()):
        service.add_user("bench", "viewer", "bench-password")
    token = service.add_token("bench", "benchmark")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(service), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    endpoints = {
        "event list (50, all)": "/api/events?limit=50",
        "event list (50, one country, min deaths 1)": "/api/events?country=BO&min_fatalities=1&limit=50",
        "event list (50, page 100)": "/api/events?limit=50&offset=5000",
        "map (all)": "/api/map",
        "map (one country)": "/api/map?country=KE",
        "timeline per day (all)": "/api/timeline",
        "timeline per week (all)": "/api/timeline?bucket=week",
        "explore page (list + timeline + map, HTML)": "/",
    }
    results: dict[str, object] = {}
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120) as client:
        cookie_client = httpx.Client(base_url=base, timeout=120)
        cookie_client.post("/login", data={"name": "bench", "password": "bench-password"})
        for name, path in endpoints.items():
            c = cookie_client if not path.startswith("/api") else client
            for _ in range(2):
                c.get(path).raise_for_status()
            times = []
            for _ in range(requests):
                t0 = time.perf_counter()
                r = c.get(path)
                times.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
            times.sort()
            results[name] = {
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                "bytes": len(r.content),
            }
        weight = {}
        for path in ("/", "/static/app.css", "/static/app.js", "/world.svg"):
            r = cookie_client.get(path, headers={"Accept-Encoding": "gzip"})
            raw = r.num_bytes_downloaded
            weight[path] = {"sent": raw, "uncompressed": len(r.content)}
        results["page weight"] = weight
        cookie_client.close()
    server.should_exit = True
    thread.join(10)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--db", default="/tmp/cronica-web-bench.db")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the store even if it exists")
    args = parser.parse_args()
    if args.rebuild or not os.path.exists(args.db):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(args.db + suffix):
                os.remove(args.db + suffix)
        t0 = time.perf_counter()
        build(args.db, args.events)
        print(
            f"built {args.events:,} events in {time.perf_counter() - t0:.1f}s at {args.db}", file=sys.stderr
        )
    results = measure(args.db, args.requests)
    for name, r in results.items():
        print(f"{name}: {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

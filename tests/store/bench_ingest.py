"""Store throughput benchmark (not a test): python tests/store/bench_ingest.py DB [N].

DB is a SQLite path (removed first) or a PostgreSQL URL (its public schema is emptied first!).
Writes N synthetic extractions through cronica.store.ingest.ingest, merges, re-ingests, reads back.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cronica.store import Store  # noqa: E402
from cronica.store.ingest import ingest  # noqa: E402
from store.builders import _reset_postgres, synthetic_document, synthetic_extraction  # noqa: E402


def main() -> None:
    url, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    if "://" in url:
        _reset_postgres(url)
    elif os.path.exists(url):
        os.remove(url)
    docs = [synthetic_document(i) for i in range(n)]
    extractions = {d.id: synthetic_extraction(d) for d in docs}
    store = Store(url)
    t = time.perf_counter()
    ingest(store, docs, lambda batch: [extractions[d.id] for d in batch], batch_size=16)
    write = time.perf_counter() - t
    t = time.perf_counter()
    merged = store.merge_auto().merged
    merge = time.perf_counter() - t
    t = time.perf_counter()
    ingest(store, docs, lambda batch: [extractions[d.id] for d in batch])
    again = time.perf_counter() - t
    t = time.perf_counter()
    events = store.events()
    read = time.perf_counter() - t
    print(
        f"{store.dialect}: write {n} docs {write:.2f}s = {n / write:.0f} docs/s; "
        f"merge {merge:.2f}s ({merged} merges); "
        f"re-ingest {again:.2f}s = {n / again:.0f} docs/s; read {len(events)} merged events {read:.2f}s"
    )


if __name__ == "__main__":
    main()

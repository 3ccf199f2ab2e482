"""Subprocess for the kill-and-resume test: ingest N synthetic documents into DB, slowly.

usage: python tests/store/resume_worker.py DB N DELAY_SECONDS
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cronica.records import Document, Extraction  # noqa: E402
from cronica.store import Store  # noqa: E402
from cronica.store.ingest import ingest  # noqa: E402
from store.builders import synthetic_document, synthetic_extraction  # noqa: E402


def main() -> None:
    db, n, delay = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])

    def extract(docs: Sequence[Document]) -> list[Extraction]:
        out = []
        for doc in docs:
            time.sleep(delay)
            out.append(synthetic_extraction(doc))
        return out

    store = Store(db)
    stats = ingest(store, (synthetic_document(i) for i in range(n)), extract, batch_size=4)
    store.merge_auto()
    print(f"added {stats.added} skipped {stats.skipped}", flush=True)


if __name__ == "__main__":
    main()

"""Extract events from a corpus and write them, one document a line, for labelling merge pairs.

Usage:
    python eval/pairs/extract_reports.py india  OUT.jsonl   # the IndiaPoliceEvents half in ../shared/data/dev
    python eval/pairs/extract_reports.py PATH.. OUT.jsonl   # files or directories cronica can read

Each output line: {"document", "published", "outlet", "events": [Event.to_dict(), ...]}. The pair gold
(eval/pairs/*.jsonl) copies the two events' fields it needs, so it does not depend on this file later.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from cronica.ingest import document_from_text, read_documents
from cronica.pipeline import Pipeline
from cronica.records import Document

INDIA = Path(__file__).resolve().parents[3] / "shared/data/dev/india-police-events-half"


def _unmangle(text: str) -> str:
    """The IndiaPoliceEvents text is UTF-8 read as cp1252 ('â€˜'); undo that where it round-trips."""
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def india_documents() -> Iterator[Document]:
    dates = {}
    with open(INDIA / "metadata.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            dates[rec["doc_id"]] = rec["date"]
    with open(INDIA / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            doc_id = rec["doc_id"]
            yield document_from_text(
                _unmangle(rec["doc_text"]),
                id=f"india-{doc_id}",
                published=date.fromisoformat(dates[doc_id]),
                outlet="Times of India",
            )


def main(argv: list[str]) -> int:
    *inputs, out = argv
    docs: Iterator[Document] = (
        india_documents()
        if inputs == ["india"]
        else (d for d in read_documents(inputs) if isinstance(d, Document))
    )
    pipeline = Pipeline()
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for extraction in pipeline.extract_documents(docs):
            d = extraction.document
            fh.write(
                json.dumps(
                    {
                        "document": d.id,
                        "published": d.published.isoformat() if d.published else None,
                        "outlet": d.outlet,
                        "events": [e.to_dict() for e in extraction.events],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            n += 1
    print(f"{n} documents -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Real reports for ingest tests: the texts of the hand-written and held-out gold sets (eval/gold)."""

from __future__ import annotations

import json
from pathlib import Path

from cronica.ingest import document_from_text
from cronica.records import Document

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"


def gold_records(n: int, sets: tuple[str, ...] = ("handwritten", "heldout")) -> list[dict[str, str]]:
    """The first ``n`` gold reports as JSON Lines records: ``id``, ``text``, ``published``."""
    out: list[dict[str, str]] = []
    for name in sets:
        for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out.append({"id": record["id"], "text": record["text"], "published": record["published"]})
    return out[:n]


def gold_documents(n: int) -> list[Document]:
    return [document_from_text(r["text"], id=r["id"], published=r["published"]) for r in gold_records(n)]


def write_jsonl(path: Path, records: list[dict[str, str]], broken_after: tuple[int, ...] = ()) -> Path:
    """``records`` as a JSON Lines corpus; a line that is not JSON after each index in ``broken_after``."""
    with path.open("w", encoding="utf-8") as fh:
        for i, record in enumerate(records):
            fh.write(json.dumps(record) + "\n")
            if i in broken_after:
                fh.write('{"id": "cut-off", "text": \n')
    return path

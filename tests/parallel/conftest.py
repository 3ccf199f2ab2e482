"""A small real corpus for the parallel runners: Bolivia reports and ACLED notes, with bad lines."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def corpus_lines() -> list[str]:
    """JSON Lines of real texts: four long reports, then ACLED's own notes, with two bad lines."""
    lines = []
    for path in sorted((DATA / "reports").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines.append(json.dumps({"id": path.stem, "text": text, "published": path.stem[-10:]}))
    for name in ("acled_sample.csv", "acled_sample_long.csv"):
        with open(DATA / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                lines.append(json.dumps({"id": f"{name}:{row['event_id_cnty']}", "text": row["notes"]}))
    lines.insert(3, "{not json")
    lines.insert(9, json.dumps({"id": "blank", "text": "  "}))
    return lines


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    return path

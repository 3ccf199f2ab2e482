"""Reader for WikiEvents (``dev.jsonl`` from gen-arg: tokenised news articles with KAIROS events).

In: the JSON Lines path. Out: one :class:`~cronica.eval.gold.GoldItem` per article. The text is
rebuilt from the ``sentences`` field, one sentence a line (the file's own ``text`` glues sentences
together without a space), and token offsets are recomputed against it. Every event mention becomes
a :class:`~cronica.eval.gold.GoldRecord` at its trigger's character span, typed through
``kairos.yaml``; role arguments become location / actor1 / actor2 / speaker words. Mentions whose
type has no cronica counterpart are kept with ``unmapped=True`` (listed, never scored). Articles
carry no publication date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cronica.errors import DataFileError
from cronica.eval.gold import GoldItem, GoldRecord, split_of
from cronica.eval.mappings import kairos_mapping


def _rebuild(doc: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """The article text, one sentence a line, and each document token's (start, end) in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for sentence in doc["sentences"]:
        tokens, sent_text = sentence[0], sentence[1]
        if not tokens:
            continue
        base = tokens[0][1]
        for _tok, start, end in tokens:
            offsets.append((cursor + start - base, cursor + end - base))
        parts.append(sent_text)
        cursor += len(sent_text) + 1
    return "\n".join(parts), offsets


def _mention_text(text: str, offsets: list[tuple[int, int]], start: int, end: int) -> str:
    return text[offsets[start][0] : offsets[end - 1][1]]


def read(path: str) -> Iterator[GoldItem]:
    mapping = kairos_mapping()
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                text, offsets = _rebuild(doc)
            except (json.JSONDecodeError, KeyError, IndexError, TypeError) as exc:
                raise DataFileError(f"{path}:{line_no}: not a WikiEvents document: {exc}") from exc
            entities = {e["id"]: e for e in doc.get("entity_mentions", [])}
            records = []
            for mention in doc.get("event_mentions", []):
                kairos_type = str(mention["event_type"])
                trig = mention["trigger"]
                span = (offsets[trig["start"]][0], offsets[trig["end"] - 1][1])
                roles: dict[str, str] = {}
                for arg in mention.get("arguments", []):
                    field = mapping.roles.get(arg["role"])
                    entity = entities.get(arg["entity_id"])
                    if field is None or field in roles or entity is None:
                        continue
                    roles[field] = _mention_text(text, offsets, entity["start"], entity["end"])
                target = mapping.target(kairos_type)
                common: dict[str, Any] = {
                    "span": span,
                    "hint": trig["text"],
                    "source_label": kairos_type,
                    "id": str(mention["id"]),
                    "location": roles.get("location"),
                }
                if target is None:
                    records.append(GoldRecord(kind="event", unmapped=True, **common))
                elif target.kind == "statement":
                    records.append(
                        GoldRecord(
                            kind="statement", plover=target.plover, speaker=roles.get("speaker"), **common
                        )
                    )
                else:
                    records.append(
                        GoldRecord(
                            kind="event",
                            event_type=target.event_type,
                            sub_event_type=target.sub_event_type,
                            accept_event_types=target.accept_event_types,
                            actor1=roles.get("actor1"),
                            actor2=roles.get("actor2"),
                            **common,
                        )
                    )
            item_id = f"wikievents:{doc['doc_id']}"
            yield GoldItem(
                id=item_id,
                text=text,
                published=None,
                records=tuple(records),
                split=split_of(item_id),
                exhaustive=("event",),
                mention_level=True,
            )

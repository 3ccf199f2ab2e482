"""Labelled examples for the event classifier, and readers for the sources they come from.

In: files as their publishers ship them. Out: :class:`LabelledExample` records (text plus whichever
labels the source gives; ``None`` where it says nothing). Sources:

- ACLED exports (:func:`from_acled_csv`): the note, cleaned of coder annotations, is an event with its
  event type, sub-event type and the inter codes of actor 1 and actor 2; ``group`` is the file's name
  (a country or a sample) so training can weigh sources and evaluation can hold one out.
- GLOCON sentences (:func:`from_glocon_sentences`): a sentence that reports a protest or political
  violence event (label 1) or not (label 0); only the ``event`` label.
- Reviewed records (:func:`from_reviewed_jsonl`): one JSON object per line with ``text`` and any of
  ``event`` (bool), ``event_type``, ``sub_event_type``, ``inter1``, ``group``: the layout a reviewer's
  corrections are stored in, so they can be added to the next training run. The web app's reviews
  (``GET /api/reviews``, one object a line: ``decision``, ``labels``, ``evidence``) are read too: the
  person's labels on the evidence sentence, a rejected event as no event.

Every reader raises :class:`~cronica.errors.DataFileError` naming the file and line of a bad record.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from cronica.errors import DataFileError
from cronica.eval.acled_csv import iso2_of
from cronica.eval.acled_export import note_text, read_rows
from cronica.eval.mappings import acled_taxonomy


@dataclass(frozen=True)
class LabelledExample:
    """A text and what a person said about it."""

    text: str
    event: bool | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    inter1: int | None = None
    #: ACLED's type (inter code) of actor 2: whom actor 1 fought or attacked (ACLED notes)
    inter2: int | None = None
    group: str = ""
    source: str = ""
    country: str = ""  # ISO 3166-1 alpha-2 where the source says (ACLED), for splits by country
    #: the text as a user hands it to the pipeline, where it differs from ``text`` (an ACLED note with
    #: its coder's annotations, which the classifier learns without)
    document: str = ""

    @property
    def as_read(self) -> str:
        """The text the pipeline reads for this example."""
        return self.document or self.text

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def _taxonomy() -> tuple[dict[str, set[str]], set[int]]:
    tax = acled_taxonomy()
    return {k: set(v) for k, v in tax.event_types.items()}, set(range(1, 9))


def from_acled_csv(path: str) -> Iterator[LabelledExample]:
    """Every row of an ACLED export with a note, as an event example (group: the file's stem)."""
    group = os.path.splitext(os.path.basename(path))[0]
    subtypes, inters = _taxonomy()
    for line_no, row in read_rows(path):
        text = note_text(row["notes"])
        if not text:
            continue
        event_type, sub = row["event_type"].strip(), row["sub_event_type"].strip()
        if sub not in subtypes.get(event_type, set()):
            raise DataFileError(f"{path}:{line_no}: {event_type!r} / {sub!r} is not an ACLED type pair")
        code, code2 = (_inter(row.get(k, "")) for k in ("inter1", "inter2"))
        note = row["notes"].strip()
        yield LabelledExample(
            text=text,
            document=note if note != text else "",
            event=True,
            event_type=event_type,
            sub_event_type=sub,
            inter1=code if code in inters else None,
            inter2=code2 if code2 in inters else None,
            group=group,
            source="acled",
            country=iso2_of(row) or "",
        )


def _inter(value: str) -> int | None:
    """An inter code cell ("7", "7.0") as its number; ``None`` when empty or not a number."""
    value = value.strip()
    return int(float(value)) if value.replace(".", "", 1).isdigit() else None


def from_glocon_sentences(path: str) -> Iterator[LabelledExample]:
    """GLOCON sentence labels (JSON Lines with ``sentence`` and ``label`` 0/1) as event / no event."""
    group = "glocon-" + os.path.splitext(os.path.basename(path))[0].lower()
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, label = str(row["sentence"]).strip(), int(row["label"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise DataFileError(f"{path}:{line_no}: not a GLOCON sentence record ({exc})") from exc
            if label not in (0, 1) or len(text) < 20:
                continue  # label 2 is the corpus's 'unsure'; fragments are page furniture
            yield LabelledExample(text=text, event=bool(label), group=group, source="glocon")


def _flat_review(row: dict[str, Any]) -> dict[str, Any]:
    """A web app review (``GET /api/reviews``: ``decision``, ``labels``, ``evidence``) in the flat layout.

    The person's labels win; the text is the evidence sentence; a rejected event is no event."""
    labels, evidence = row.get("labels"), row.get("evidence")
    if not isinstance(labels, dict) or not isinstance(evidence, dict) or "text" in row:
        return row
    named = labels.get("actor1")
    actor1: dict[str, Any] = named if isinstance(named, dict) else {}
    rejected = row.get("decision") == "reject"
    return {
        "text": evidence.get("sentence"),
        "event": not rejected,
        "event_type": None if rejected else labels.get("event_type"),
        "sub_event_type": None if rejected else labels.get("sub_event_type"),
        "inter1": None if rejected else actor1.get("inter"),
        "group": row.get("reviewer") and f"reviewed:{row['reviewer']}",
    }


def from_reviewed_jsonl(path: str) -> Iterator[LabelledExample]:
    """Reviewed records (see the module docstring); unknown ACLED types are errors."""
    subtypes, inters = _taxonomy()
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFileError(f"{where}: not JSON ({exc.msg})") from exc
            row = _flat_review(row)
            text = str(row.get("text") or "").strip()
            if not text:
                raise DataFileError(f"{where}: a reviewed record needs a 'text'")
            event_type, sub = row.get("event_type"), row.get("sub_event_type")
            if sub is not None and sub not in subtypes.get(str(event_type), set()):
                raise DataFileError(f"{where}: {event_type!r} / {sub!r} is not an ACLED type pair")
            if event_type is not None and event_type not in subtypes:
                raise DataFileError(f"{where}: {event_type!r} is not an ACLED event type")
            inter = row.get("inter1")
            if inter is not None and inter not in inters:
                raise DataFileError(f"{where}: inter1 {inter!r} is not an ACLED inter code 1-8")
            event = row.get("event")
            yield LabelledExample(
                text=text,
                event=bool(event) if event is not None else (True if event_type else None),
                event_type=event_type,
                sub_event_type=sub,
                inter1=inter,
                group=str(row.get("group") or "reviewed"),
                source="reviewed",
            )

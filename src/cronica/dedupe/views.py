"""What merging knows about one report: :class:`ReportView`, built from an extracted event's record.

In: an :class:`~cronica.records.Event` or its ``to_dict()`` (what the store keeps in ``reports.data``)
and the store ids. Out: a flat, immutable view with the date as an interval, the place with its
hierarchy (country, admin1, admin2, precision), the actors' inter codes, each category's figure as
the report itself gives it, and the evidence text. Nothing fails: a field the record lacks is ``None``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from typing import Any

from cronica.records import Event


def parse_day(value: Any) -> date | None:
    """The day an ISO date or datetime string names, else ``None`` (not a string, empty, malformed)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _figure(summary: Any) -> int | None:
    """The report's own conservative figure for a category (``counts.<category>.value``), or ``None``."""
    if not isinstance(summary, dict):
        return None
    value = summary.get("value")
    return int(value) if isinstance(value, int | float) else None


def _revised(summary: Any) -> bool:
    """Whether a claim of the category is told as a revised toll (``CountClaim.revised``)."""
    if not isinstance(summary, dict):
        return False
    return any(isinstance(c, dict) and c.get("revised") for c in summary.get("claims") or ())


@dataclass(frozen=True)
class ReportView:
    """One document's account of an event, as merging sees it.

    ``date`` is the normalised day (or the first day of a coarser period); ``date_start`` and
    ``date_end`` bound what the words allow (equal to ``date`` for a known day). ``killed``,
    ``injured`` and ``arrested`` are the report's own figures (``None``: the report gives none);
    ``killed_revised``: its death toll is told as a revised toll of the incident ("the death toll from
    Friday's massacre has risen to 132"), so a lower figure of another report is no disagreement.
    """

    report: int
    event: int
    home: int
    document: str
    event_type: str
    sub_event_type: str
    date: date | None
    date_precision: str | None
    place_name: str | None
    gazetteer_id: str | None
    country_code: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    inter1: int | None
    inter2: int | None
    actor1: str | None
    actor2: str | None
    text: str
    date_start: datetime.date | None = None
    date_end: datetime.date | None = None
    admin2: str | None = None
    place_status: str | None = None
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    killed_revised: bool = False

    @property
    def interval(self) -> tuple[datetime.date, datetime.date] | None:
        """The days the event may fall on, or ``None`` when it has no date."""
        if self.date is None:
            return None
        return (self.date_start or self.date, self.date_end or self.date)

    @classmethod
    def from_record(
        cls,
        data: dict[str, Any],
        report: int,
        event: int,
        home: int | None = None,
        document: str | None = None,
    ) -> ReportView:
        """A view of an event record (``Event.to_dict()``; the store's ``reports.data``)."""
        date_d = data.get("date") or {}
        place = data.get("location") or {}
        actor1, actor2 = data.get("actor1") or {}, data.get("actor2") or {}
        evidence = data.get("evidence") or {}
        counts = data.get("counts") or {}
        text = " ".join(x["text"] for k in ("sentence", "trigger") if isinstance(x := evidence.get(k), dict))
        day = parse_day(date_d.get("value"))
        precision = date_d.get("precision")
        start, end = parse_day(date_d.get("start")), parse_day(date_d.get("end"))
        if day is not None and precision != "day":
            start, end = start or day, end or day
        return cls(
            report=report,
            event=event,
            home=event if home is None else home,
            document=document if document is not None else str(data.get("document") or ""),
            event_type=str(data.get("event_type") or ""),
            sub_event_type=str(data.get("sub_event_type") or ""),
            date=day,
            date_precision=precision,
            place_name=place.get("name"),
            gazetteer_id=place.get("gazetteer_id"),
            country_code=place.get("country_code"),
            admin1=place.get("admin1"),
            latitude=place.get("latitude"),
            longitude=place.get("longitude"),
            geo_precision=place.get("precision"),
            inter1=actor1.get("inter"),
            inter2=actor2.get("inter"),
            actor1=actor1.get("name"),
            actor2=actor2.get("name"),
            text=text,
            date_start=start if day is not None else None,
            date_end=end if day is not None else None,
            admin2=place.get("admin2"),
            place_status=place.get("status"),
            killed=_figure(counts.get("killed")),
            injured=_figure(counts.get("injured")),
            arrested=_figure(counts.get("arrested")),
            killed_revised=_revised(counts.get("killed")),
        )

    @classmethod
    def from_event(cls, event: Event, report: int, current: int, home: int | None = None) -> ReportView:
        """A view of an extracted :class:`~cronica.records.Event` (``report``/``current``: store ids)."""
        return cls.from_record(event.to_dict(), report, current, home, event.document)

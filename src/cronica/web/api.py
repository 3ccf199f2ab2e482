"""The HTTP API under ``/api`` (JSON; OpenAPI description at ``/api/openapi.json``).

Reads take the filters of :data:`cronica.web.explore.FILTER_PARAMS`; writes take JSON bodies. Scripts
authenticate with ``Authorization: Bearer <token>`` (``cronica user token NAME``). Every route is a thin
call into :class:`~cronica.web.service.Service`.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from cronica.web.accounts import User
from cronica.web.deps import CODER, VIEWER, service_of
from cronica.web.explore import event_filter

router = APIRouter(prefix="/api", tags=["api"])


class ReviewIn(BaseModel):
    """A review decision. ``version`` is the event's review version the person saw (0 when unreviewed)."""

    decision: Literal["accept", "edit", "reject"]
    version: int | None = Field(None, ge=0, description="review version seen; a mismatch answers 409")
    fields: dict[str, Any] | None = Field(
        None,
        description="edit only: event_type, sub_event_type, date (YYYY-MM-DD), date_precision, "
        "actor1/actor2 ({name, inter}), place (a gazetteer place from /api/places), "
        "counts ({killed: n, ...})",
    )
    seconds: float | None = Field(None, ge=0, le=86400, description="time the person spent on the event")


def _flt(request: Request) -> Any:
    return event_filter(request.query_params)


FILTER_DOC = (
    "Filters (query parameters): country (name or ISO code), admin1, since, until (YYYY-MM-DD), "
    "type (event or sub-event type), actor (part of a name), min_fatalities, reviewed (yes/no), "
    "q (words in the report)."
)


@router.get("/me", summary="the account behind the request")
def me(user: User = Depends(VIEWER)) -> dict[str, Any]:
    return {"name": user.name, "role": user.role}


@router.get("/events", summary="events matching the filters, a page at a time", description=FILTER_DOC)
def events(
    request: Request,
    offset: int = Query(0, ge=0),
    limit: int = Query(50, ge=1, le=1000),
    user: User = Depends(VIEWER),
) -> dict[str, Any]:
    return service_of(request).events(user, _flt(request), offset, limit)


@router.get("/events/{event_id}", summary="one event with every source, claim, merge and its review state")
def event(request: Request, event_id: int, user: User = Depends(VIEWER)) -> dict[str, Any]:
    return service_of(request).event(user, event_id)


@router.get("/events/{event_id}/claims", summary="every reported number of an event, by category")
def claims(request: Request, event_id: int, user: User = Depends(VIEWER)) -> dict[str, Any]:
    e = service_of(request).event(user, event_id)
    return {c: (v or {}).get("claims", []) for c, v in (e.get("counts") or {}).items()}


@router.get("/documents/{key}", summary="a document (by content hash or source id) and its events")
def document(request: Request, key: str, user: User = Depends(VIEWER)) -> dict[str, Any]:
    return service_of(request).document(user, key)


@router.get("/tallies", summary="running totals beside the incidents they cover", description=FILTER_DOC)
def tallies(request: Request, user: User = Depends(VIEWER)) -> list[dict[str, Any]]:
    return service_of(request).tallies(user, _flt(request))


@router.get("/timeline", summary="events and deaths per day or week, by type", description=FILTER_DOC)
def timeline(
    request: Request, bucket: Literal["day", "week"] = "day", user: User = Depends(VIEWER)
) -> dict[str, Any]:
    return service_of(request).timeline(user, _flt(request), bucket)


@router.get("/map", summary="located events as points", description=FILTER_DOC)
def map_points(request: Request, user: User = Depends(VIEWER)) -> dict[str, Any]:
    return service_of(request).map_points(user, _flt(request))


@router.get("/export", summary="the selection as ACLED CSV, JSON Lines or GeoJSON", description=FILTER_DOC)
def export(
    request: Request,
    format: Literal["acled-csv", "jsonl", "geojson"] = "jsonl",
    user: User = Depends(VIEWER),
) -> Response:
    media, ext, body = service_of(request).download(user, _flt(request), format)
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="events.{ext}"'}
    )


@router.get("/places", summary="gazetteer places by name, for the place editor")
def places(
    request: Request, name: str = Query(..., min_length=1, max_length=200), user: User = Depends(VIEWER)
) -> list[dict[str, Any]]:
    return service_of(request).places(user, name)


@router.get("/queue", summary="unreviewed events, most doubtful first")
def queue(
    request: Request, limit: int = Query(50, ge=1, le=500), user: User = Depends(VIEWER)
) -> list[dict[str, Any]]:
    return service_of(request).queue(user, limit)


@router.get("/changes", summary="events created, updated, merged, split or deleted since a time or cursor")
def changes(
    request: Request,
    since: str | None = Query(
        None, max_length=100, description="ISO time, or the `next` of the previous page"
    ),
    limit: int = Query(500, ge=1, le=5000),
    user: User = Depends(VIEWER),
) -> dict[str, Any]:
    return service_of(request).changes(user, since, limit)


@router.get("/audit", summary="the audit log, newest first")
def audit(
    request: Request,
    event: int | None = Query(None, ge=0),
    who: str | None = Query(None, max_length=100),
    user: User = Depends(VIEWER),
) -> list[dict[str, Any]]:
    return service_of(request).audit_log(user, str(event) if event is not None else None, who)


@router.get("/reviews", summary="reviewed records (model labels, people's labels, evidence) for training")
def reviews(request: Request, user: User = Depends(VIEWER)) -> list[dict[str, Any]]:
    return service_of(request).reviewed_records(user)


@router.post("/events/{event_id}/review", summary="accept, edit or reject an event")
def decide(request: Request, event_id: int, body: ReviewIn, user: User = Depends(CODER)) -> dict[str, Any]:
    return service_of(request).decide(user, event_id, body.decision, body.version, body.fields, body.seconds)


@router.post("/audit/{audit_id}/undo", summary="undo one change (the latest to its event)")
def undo(request: Request, audit_id: int, user: User = Depends(CODER)) -> dict[str, Any]:
    return service_of(request).undo(user, audit_id)

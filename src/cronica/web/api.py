"""The HTTP API under ``/api`` (JSON; OpenAPI description at ``/api/openapi.json``).

Reads take the filters of :data:`cronica.web.explore.FILTER_PARAMS`; writes take JSON bodies. Scripts
authenticate with ``Authorization: Bearer <token>`` (``cronica user token NAME``). Every route is a thin
call into :class:`~cronica.web.service.Service`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as StarletteUpload

from cronica.web.accounts import User
from cronica.web.deps import ADMIN, CODER, VIEWER, service_of
from cronica.web.errors import BadRequestError
from cronica.web.explore import event_filter
from cronica.web.uploads import MAX_FILE_BYTES

router = APIRouter(prefix="/api", tags=["api"])

#: The largest record number (SQLite and PostgreSQL integers); larger numbers name nothing.
MAX_ID = 2**31 - 1
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]


class ReviewIn(BaseModel):
    """A review decision. ``version`` is the event's review version the person saw (0 when unreviewed)."""

    decision: Literal["accept", "edit", "reject"]
    version: int | None = Field(
        None, ge=0, le=MAX_ID, description="review version seen; a mismatch answers 409"
    )
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
    offset: int = Query(0, ge=0, le=MAX_ID),
    limit: int = Query(50, ge=1, le=1000),
    user: User = Depends(VIEWER),
) -> dict[str, Any]:
    return service_of(request).events(user, _flt(request), offset, limit)


@router.get("/events/{event_id}", summary="one event with every source, claim, merge and its review state")
def event(request: Request, event_id: RecordId, user: User = Depends(VIEWER)) -> dict[str, Any]:
    return service_of(request).event(user, event_id)


@router.get("/events/{event_id}/claims", summary="every reported number of an event, by category")
def claims(request: Request, event_id: RecordId, user: User = Depends(VIEWER)) -> dict[str, Any]:
    e = service_of(request).event(user, event_id)
    return {c: (v or {}).get("claims", []) for c, v in (e.get("counts") or {}).items()}


@router.get("/documents/{key}", summary="a document (by content hash or source id) and its events")
def document(request: Request, key: str, user: User = Depends(VIEWER)) -> dict[str, Any]:
    return service_of(request).document(user, key)


@router.get("/actors/{name:path}", summary="an actor: its events as actor 1 or 2, by type, country and date")
def actor(request: Request, name: str, user: User = Depends(VIEWER)) -> dict[str, Any]:
    return service_of(request).actor(user, name)


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


@router.get("/places/near", summary="gazetteer places nearest a point (a pick on the map)")
def places_near(
    request: Request,
    lat: float = Query(..., ge=-90, le=90),
    lon: float = Query(..., ge=-180, le=180),
    user: User = Depends(VIEWER),
) -> list[dict[str, Any]]:
    return service_of(request).places_near(user, lat, lon)


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
    event: int | None = Query(None, ge=0, le=MAX_ID),
    who: str | None = Query(None, max_length=100),
    user: User = Depends(VIEWER),
) -> list[dict[str, Any]]:
    return service_of(request).audit_log(user, str(event) if event is not None else None, who)


@router.get("/reviews", summary="reviewed records (model labels, people's labels, evidence) for training")
def reviews(request: Request, user: User = Depends(VIEWER)) -> list[dict[str, Any]]:
    return service_of(request).reviewed_records(user)


@router.post("/events/{event_id}/review", summary="accept, edit or reject an event")
def decide(
    request: Request, event_id: RecordId, body: ReviewIn, user: User = Depends(CODER)
) -> dict[str, Any]:
    return service_of(request).decide(user, event_id, body.decision, body.version, body.fields, body.seconds)


class MergeIn(BaseModel):
    """Merge event ``other`` into this one (a person's merge; it overrides an earlier split)."""

    other: int = Field(..., ge=1, le=MAX_ID)
    version: int | None = Field(None, ge=0, le=MAX_ID, description="review version of this event as seen")
    reason: str | None = Field(None, max_length=500)


class SplitIn(BaseModel):
    """Undo this event's merges, or detach one ``report``; the parts are kept apart from then on."""

    report: int | None = Field(None, ge=1, le=MAX_ID)
    version: int | None = Field(None, ge=0, le=MAX_ID)
    reason: str | None = Field(None, max_length=500)


class CodeIn(BaseModel):
    """One person's independent coding of an event (double coding); the event itself does not change."""

    fields: dict[str, Any] = Field(default_factory=dict, description="as in a review edit")
    seconds: float | None = Field(None, ge=0, le=86400)


@router.post("/events/{event_id}/merge", summary="merge another event into this one")
def merge(request: Request, event_id: RecordId, body: MergeIn, user: User = Depends(CODER)) -> dict[str, Any]:
    return service_of(request).merge(user, event_id, body.other, body.version, body.reason)


@router.post("/events/{event_id}/split", summary="split a merged event (or detach one report)")
def split(request: Request, event_id: RecordId, body: SplitIn, user: User = Depends(CODER)) -> dict[str, Any]:
    return service_of(request).split(user, event_id, body.report, body.version, body.reason)


@router.post("/events/{event_id}/code", summary="code an event independently (double coding)")
def code(request: Request, event_id: RecordId, body: CodeIn, user: User = Depends(CODER)) -> dict[str, Any]:
    return service_of(request).code_blind(user, event_id, body.fields, body.seconds)


@router.post("/bulk-accept", summary="accept every unreviewed event of a selection", description=FILTER_DOC)
def bulk_accept(request: Request, user: User = Depends(ADMIN)) -> dict[str, Any]:
    return service_of(request).bulk_accept(user, _flt(request))


@router.get("/metrics", summary="review work per reviewer and agreement on double-coded events")
def metrics(request: Request, user: User = Depends(ADMIN)) -> dict[str, Any]:
    return service_of(request).metrics(user)


@router.post("/ingest", summary="ingest uploaded files or pasted text (multipart form)")
async def upload(request: Request, user: User = Depends(CODER)) -> dict[str, Any]:
    files, text, published = await read_upload(request)
    return service_of(request).upload(user, files, text, published)


@router.get("/ingest/{job_id}", summary="progress of an ingest job")
def upload_job(request: Request, job_id: str, user: User = Depends(CODER)) -> dict[str, Any]:
    return service_of(request).upload_job(user, job_id)


async def read_upload(request: Request) -> tuple[list[tuple[str, bytes]], str | None, date | None]:
    """The files, pasted text and publication date of a multipart ingest form."""
    form = await request.form()
    files: list[tuple[str, bytes]] = []
    for item in form.getlist("files"):
        if isinstance(item, StarletteUpload) and item.filename:
            data = await item.read(MAX_FILE_BYTES + 1)
            files.append((item.filename, data))
    text = form.get("text")
    day = str(form.get("published") or "").strip()
    try:
        published = date.fromisoformat(day) if day else None
    except ValueError as exc:
        raise BadRequestError(f"published must be YYYY-MM-DD, not {day!r}") from exc
    return files, text if isinstance(text, str) else None, published


@router.post("/audit/{audit_id}/undo", summary="undo one change (the latest to its event)")
def undo(request: Request, audit_id: RecordId, user: User = Depends(CODER)) -> dict[str, Any]:
    return service_of(request).undo(user, audit_id)

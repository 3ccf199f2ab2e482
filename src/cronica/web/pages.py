"""The HTML pages: server-rendered Jinja2 templates (autoescaped: report text is never HTML) over the
same :class:`~cronica.web.service.Service` as the API. Forms post with the session's CSRF token and
redirect after success; a refused change renders the page again with the reason.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from cronica.extraction.lexicon import ACLED_TYPES
from cronica.records import COUNT_CATEGORIES
from cronica.store.errors import StoreError
from cronica.web import charts
from cronica.web.accounts import User
from cronica.web.api import MAX_ID, RecordId, read_upload
from cronica.web.deps import ADMIN, CODER, COOKIE, VIEWER, caller, same_origin, service_of
from cronica.web.errors import AuthError, BadRequestError, WebError
from cronica.web.explore import event_filter, filter_params, query_string
from cronica.web.uploads import upload_limits
from cronica.web.worldmap import load_world

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)

#: Above this many days with events the explore page's timeline counts per week (unless the URL says).
MAX_DAY_BARS = 120
EVIDENCE_FIELDS = ("trigger", "event_type", "date", "location", "actor1", "actor2")


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    who = getattr(request.state, "caller", None)
    context.setdefault("user", who.user if who else None)
    context.setdefault("csrf", who.csrf if who else None)
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def _safe_next(target: str | None) -> str:
    """Only local paths: a login link cannot send the person to another site."""
    if not target or not target.startswith("/") or target.startswith("//") or urlsplit(target).netloc:
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", next=_safe_next(next))


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    target = _safe_next(str(form.get("next", "/")))
    if not same_origin(request):
        return render(request, "login.html", 403, next=target, error="login from another site refused")
    client = request.client.host if request.client else None
    try:
        cookie, _ = service_of(request).login(name, password, client)
    except AuthError as exc:
        return render(request, "login.html", 401, next=target, error=str(exc))
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE,
        cookie,
        httponly=True,
        samesite="lax",
        secure=request.app.state.secure_cookies,
        max_age=12 * 3600,
        path="/",
    )
    return response


@router.post("/logout")
async def logout(request: Request, user: User = Depends(VIEWER)) -> Response:
    service_of(request).logout(request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def _world(request: Request) -> Any:
    state = request.app.state
    if getattr(state, "world", None) is None:
        state.world = load_world()
    return state.world


@router.get("/world.svg")
def world_svg(request: Request) -> Response:
    """The country outlines (Natural Earth via npm world-atlas) as one SVG, cached by the browser."""
    state = request.app.state
    if getattr(state, "world_svg", None) is None:
        paths = "".join(
            f'<path d="{c.path}"><title>{escape(c.name)}</title></path>' for c in _world(request).countries
        )
        state.world_svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">'
            '<g fill="#f4f1ea" stroke="#9aa5ae" stroke-width="0.08" stroke-linejoin="round">'
            f"{paths}</g></svg>"
        )
    return Response(
        state.world_svg, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
    )


@router.get("/")
def explore(
    request: Request, offset: int = 0, bucket: str = "", user: User = Depends(VIEWER)
) -> HTMLResponse:
    service = service_of(request)
    flt = event_filter(request.query_params)
    page = service.events(user, flt, max(offset, 0), 50)
    tl = service.timeline(user, flt, bucket if bucket in ("day", "week") else "day")
    if bucket not in ("day", "week") and len(tl["rows"]) > MAX_DAY_BARS:
        tl = service.timeline(user, flt, "week")
    points = service.map_points(user, flt)
    qs = query_string(flt)
    types = sorted({t for r in tl["rows"] for t in r["events"]}, key=lambda t: (charts.type_class(t), t))
    return render(
        request,
        "explore.html",
        nav="explore",
        page=page,
        params=filter_params(flt),
        qs=qs,
        qs_amp=qs + "&" if qs else "",
        bucket=tl["bucket"],
        timeline=tl,
        bars_events=charts.timeline_bars(tl, "events"),
        bars_deaths=charts.timeline_bars(tl, "deaths"),
        legend=[{"name": t, "cls": charts.type_class(t)} for t in types],
        mapdata=charts.map_marks(points["points"]),
        unlocated=points["unlocated"],
        type_names=[*ACLED_TYPES, *(s for subs in ACLED_TYPES.values() for s in subs)],
    )


@router.get("/review")
def review_queue(request: Request, user: User = Depends(VIEWER)) -> HTMLResponse:
    items = service_of(request).queue(user, 200)
    return render(request, "review.html", nav="review", items=items)


@router.get("/review/next")
def review_next(request: Request, user: User = Depends(VIEWER)) -> Response:
    items = service_of(request).queue(user, 1)
    if not items:
        return RedirectResponse("/review", status_code=303)
    return RedirectResponse(f"/events/{items[0]['event']['number']}?queue=1", status_code=303)


def _event_page(
    request: Request, user: User, event_id: int, status: int = 200, error: str | None = None
) -> HTMLResponse:
    service = service_of(request)
    e = service.event(user, event_id, with_text=True)
    queue = None
    if request.query_params.get("queue") or request.method == "POST":
        items = service.queue(user, 200)
        ids = [int(it["event"]["number"]) for it in items]
        here = ids.index(e["number"]) if e["number"] in ids else -1
        queue = {
            "size": len(ids),
            "position": here + 1 if here >= 0 else "not",
            "prev": ids[here - 1] if here > 0 else None,
            "next": ids[here + 1] if 0 <= here < len(ids) - 1 else (ids[0] if here < 0 and ids else None),
            "reasons": items[here]["reasons"] if here >= 0 else [],
        }
    place_query = request.query_params.get("place")
    place_choices = service.places(user, place_query) if place_query and place_query.strip() else None
    near = _point(request.query_params.get("near"))
    if near is not None:
        place_choices = service.places_near(user, *near)
        place_query = f"near {near[0]:.3f}, {near[1]:.3f}"
    loc = e.get("location") or {}
    points = []
    if loc.get("latitude") is not None and loc.get("longitude") is not None:
        day = (e.get("date") or {}).get("value")
        points = [
            {
                "event": e["number"],
                "lat": loc["latitude"],
                "lon": loc["longitude"],
                "type": e["event_type"],
                "location": loc.get("name"),
                "events": 1,
                "first_date": day,
                "last_date": day,
                "fatalities": e["fatalities"],
            }
        ]
    return render(
        request,
        "event.html",
        status,
        nav="review" if queue else "explore",
        e=e,
        e_active=e["review"]["status"] != "rejected",
        queue=queue,
        can_code=user.can("coder"),
        error=error,
        place_query=place_query,
        place_choices=place_choices,
        taxonomy=ACLED_TYPES,
        evidence_fields=[{"name": f, "cls": "f-" + f} for f in EVIDENCE_FIELDS],
        mapdata=charts.map_marks(points),
        map_pick=user.can("coder"),
    )


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: RecordId, user: User = Depends(VIEWER)) -> HTMLResponse:
    return _event_page(request, user, event_id)


def _point(value: str | None) -> tuple[float, float] | None:
    """``"lat,lon"`` from a map pick, else ``None``."""
    try:
        lat, lon = (float(x) for x in (value or "").split(","))
    except ValueError:
        return None
    return lat, lon


def _int(value: Any) -> int | None:
    text = str(value or "").strip()
    number = int(text) if text.lstrip("-").isdigit() and len(text) < 12 else None
    return number if number is not None and abs(number) <= MAX_ID else None


def _proposed(request: Request, form: Any, user: User) -> dict[str, Any]:
    """The edit form's values as correctable fields (the service keeps only those that changed)."""
    fields: dict[str, Any] = {
        "event_type": form.get("event_type"),
        "sub_event_type": form.get("sub_event_type"),
        "date": form.get("date") or None,
        "date_precision": form.get("date_precision"),
        "actor1": {"name": form.get("actor1_name", ""), "inter": _int(form.get("actor1_inter"))},
        "actor2": {"name": form.get("actor2_name", ""), "inter": _int(form.get("actor2_inter"))},
        "counts": {
            c: _int(form.get(f"count_{c}"))
            for c in COUNT_CATEGORIES
            if _int(form.get(f"count_{c}")) is not None
        },
    }
    gid = str(form.get("place_gid") or "").strip()
    if gid:
        fields["place"] = service_of(request).gazetteer_place(user, gid)
    return fields


@router.post("/events/{event_id}/review")
async def review_form(request: Request, event_id: RecordId, user: User = Depends(CODER)) -> Response:
    form = await request.form()
    decision = str(form.get("decision", ""))
    service = service_of(request)
    seconds = None
    try:
        seconds = float(str(form.get("seconds") or "")) if form.get("seconds") else None
    except ValueError:
        seconds = None
    try:
        version = _int(form.get("version"))
        if decision == "edit":
            result = service.edit_changed(user, event_id, version, _proposed(request, form, user), seconds)
        else:
            result = service.decide(user, event_id, decision, version, None, seconds)
    except WebError as exc:
        return _event_page(request, user, event_id, 409 if "changed" in str(exc) else 400, str(exc))
    if form.get("queue") and decision in ("accept", "reject"):
        return RedirectResponse("/review/next", status_code=303)
    suffix = "?queue=1" if form.get("queue") else ""
    return RedirectResponse(f"/events/{result['event']}{suffix}", status_code=303)


@router.post("/events/{event_id}/merge")
async def merge_form(request: Request, event_id: RecordId, user: User = Depends(CODER)) -> Response:
    form = await request.form()
    other = _int(form.get("other"))
    try:
        if other is None:
            raise BadRequestError("give the number of the event to merge into this one")
        result = service_of(request).merge(
            user, event_id, other, _int(form.get("version")), str(form.get("reason") or "") or None
        )
    except (WebError, StoreError) as exc:
        return _event_page(request, user, event_id, 409 if "changed" in str(exc) else 400, str(exc))
    return RedirectResponse(f"/events/{result['event']}", status_code=303)


@router.post("/events/{event_id}/split")
async def split_form(request: Request, event_id: RecordId, user: User = Depends(CODER)) -> Response:
    form = await request.form()
    try:
        result = service_of(request).split(
            user, event_id, _int(form.get("report")), _int(form.get("version")), None
        )
    except (WebError, StoreError) as exc:
        return _event_page(request, user, event_id, 409 if "changed" in str(exc) else 400, str(exc))
    return RedirectResponse(f"/events/{result['event']}", status_code=303)


@router.get("/admin")
def admin_page(request: Request, user: User = Depends(ADMIN)) -> HTMLResponse:
    service = service_of(request)
    flt = event_filter(request.query_params)
    return render(
        request,
        "admin.html",
        nav="admin",
        m=service.metrics(user),
        users=service.users(),
        params=filter_params(flt),
        selected=service.events(user, replace(flt, reviewed=False), 0, 1)["total"],
        qs=query_string(flt),
        type_names=list(ACLED_TYPES),
    )


@router.post("/admin/bulk-accept")
async def bulk_accept_form(request: Request, user: User = Depends(ADMIN)) -> Response:
    form = await request.form()
    flt = event_filter({k: str(v) for k, v in form.items() if isinstance(v, str)})
    result = service_of(request).bulk_accept(user, flt)
    return render(
        request,
        "message.html",
        heading="Accepted",
        message=f"{len(result['accepted'])} events accepted; each is in the audit log and can be undone.",
    )


@router.get("/ingest")
def ingest_page(request: Request, user: User = Depends(CODER)) -> HTMLResponse:
    return render(request, "ingest.html", nav="ingest", limits=upload_limits())


@router.post("/ingest")
async def ingest_form(request: Request, user: User = Depends(CODER)) -> Response:
    try:
        files, text, published = await read_upload(request)
        job = service_of(request).upload(user, files, text, published)
    except WebError as exc:
        return render(request, "ingest.html", 400, nav="ingest", limits=upload_limits(), error=str(exc))
    return RedirectResponse(f"/ingest/{job['id']}", status_code=303)


@router.get("/ingest/{job_id}")
def ingest_job_page(request: Request, job_id: str, user: User = Depends(CODER)) -> HTMLResponse:
    return render(request, "ingest_job.html", nav="ingest", job=service_of(request).upload_job(user, job_id))


@router.post("/audit/{audit_id}/undo")
async def undo_form(request: Request, audit_id: RecordId, user: User = Depends(CODER)) -> Response:
    try:
        result = service_of(request).undo(user, audit_id)
    except WebError as exc:
        return render(request, "message.html", 409, heading="Cannot undo", message=str(exc))
    back = request.headers.get("referer") or f"/events/{result['event']}"
    return RedirectResponse(_safe_next(urlsplit(back).path or "/"), status_code=303)


@router.get("/audit")
def audit_page(
    request: Request, event: int | None = None, who: str | None = None, user: User = Depends(VIEWER)
) -> HTMLResponse:
    entries = service_of(request).audit_log(user, str(event) if event is not None else None, who)
    return render(request, "audit.html", nav="audit", entries=entries, can_code=user.can("coder"))


@router.get("/documents/{key}")
def document_page(request: Request, key: str, user: User = Depends(VIEWER)) -> HTMLResponse:
    return render(request, "document.html", nav="explore", d=service_of(request).document(user, key))


@router.get("/actors/{name:path}")
def actor_page(request: Request, name: str, user: User = Depends(VIEWER)) -> HTMLResponse:
    return render(request, "actor.html", nav="explore", a=service_of(request).actor(user, name))


@router.get("/tallies")
def tallies_page(request: Request, user: User = Depends(VIEWER)) -> HTMLResponse:
    flt = event_filter(request.query_params)
    return render(
        request,
        "tallies.html",
        nav="tallies",
        tallies=service_of(request).tallies(user, flt),
        params=filter_params(flt),
        type_names=list(ACLED_TYPES),
    )


def login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


__all__ = ["caller", "login_redirect", "render", "router"]

"""The HTTP API and the pages' access rules: every route with every role, tokens, CSRF, headers, statuses."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from cronica.web import Service, api, pages
from cronica.web.accounts import ROLES
from cronica.web.app import CSP
from cronica.web.deps import Need

from .builders import PASSWORD, USERS
from .conftest import client_for, login

#: Routes anyone may call.
PUBLIC = {("GET", "/login"), ("POST", "/login"), ("GET", "/world.svg")}


def _need(route: APIRoute) -> str | None:
    stack = list(route.dependant.dependencies)
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, Need):
            return dep.call.role
        stack.extend(dep.dependencies)
    return None


ROUTES = sorted(
    (method, route.path, _need(route))
    for route in [*api.router.routes, *pages.router.routes]
    if isinstance(route, APIRoute)
    for method in route.methods
)


def test_every_route_but_the_login_declares_the_least_role_it_allows() -> None:
    undeclared = [(m, p) for m, p, role in ROUTES if role is None and (m, p) not in PUBLIC]
    assert undeclared == []
    writes = {(m, p): role for m, p, role in ROUTES if m == "POST" and p not in ("/login", "/logout")}
    assert writes and all(role in ("coder", "admin") for role in writes.values())


@pytest.fixture(scope="module")
def fixtures(shared_service: Service) -> dict[str, str]:
    viewer = next(u for u in shared_service.users() if u.role == "viewer")
    event = shared_service.events(viewer, pages.event_filter({}), limit=1)["events"][0]
    return {
        "event_id": str(event["number"]),
        "audit_id": "999999",
        "job_id": "no-such-job",
        "key": event["sources"][0]["document_hash"],
        "name": (event.get("actor1") or {}).get("name") or "Protesters (Bolivia)",
    }


def _call(client: TestClient, method: str, path: str, csrf: str | None) -> int:
    if method == "GET":
        return client.get(path, follow_redirects=False).status_code
    if path.startswith("/api"):
        body = {"decision": "accept", "version": 999}
        headers = {"X-CSRF-Token": csrf} if csrf else {}
        return client.post(path, json=body, headers=headers, follow_redirects=False).status_code
    form = {"decision": "accept", "version": "999", "csrf_token": csrf or ""}
    return client.post(path, data=form, follow_redirects=False).status_code


@pytest.fixture(scope="module")
def sessions(shared_service: Service) -> dict[str, tuple[TestClient, str]]:
    """One logged-in client per role, reused across the route cases (logging in is argon2-slow)."""
    out = {}
    for role in ROLES:
        client = client_for(shared_service)
        out[role] = (client, login(client, USERS[role]))
    return out


@pytest.mark.parametrize("role", [None, *ROLES], ids=lambda r: r or "anonymous")
@pytest.mark.parametrize(("method", "path", "need"), [r for r in ROUTES if r[2]], ids=lambda x: str(x))
def test_route_allows_exactly_the_roles_at_or_above_its_need(
    shared_service: Service,
    sessions: dict[str, tuple[TestClient, str]],
    fixtures: dict[str, str],
    role: str | None,
    method: str,
    path: str,
    need: str,
) -> None:
    if role is None or path == "/logout":
        client = client_for(shared_service)
        csrf = login(client, USERS[role]) if role else None
    else:
        client, csrf = sessions[role]
    url = re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: fixtures[m.group(1)], path)
    status = _call(client, method, url, csrf)
    if role is None:
        assert status == (401 if path.startswith("/api") else 303)
    elif ROLES.index(role) < ROLES.index(need):
        assert status == 403
    else:
        assert status not in (401, 403) and status < 500


def test_scripts_authenticate_with_a_token_and_a_wrong_token_is_refused(shared_service: Service) -> None:
    token = shared_service.add_token(USERS["coder"], "test script")
    client = client_for(shared_service)
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json() == {"name": USERS["coder"], "role": "coder"}
    assert client.get("/api/me", headers={"Authorization": "Bearer cr_nope"}).status_code == 401
    events = client.get("/api/events?country=BO&limit=2", headers={"Authorization": f"Bearer {token}"}).json()
    assert events["total"] >= 2 and len(events["events"]) == 2


def test_a_cookie_session_write_needs_the_csrf_token_and_this_site(shared_service: Service) -> None:
    client = client_for(shared_service)
    csrf = login(client, USERS["coder"])
    event = client.get("/api/events?limit=1").json()["events"][0]["number"]
    url = f"/api/events/{event}/review"
    body = {"decision": "accept", "version": 999}
    assert client.post(url, json=body).status_code == 403
    assert client.post(url, json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    cross = {"X-CSRF-Token": csrf, "Origin": "http://evil.example"}
    assert client.post(url, json=body, headers=cross).status_code == 403
    stale = client.post(url, json=body, headers={"X-CSRF-Token": csrf})
    assert stale.status_code == 409 and "reload" in stale.json()["detail"]


def test_pages_carry_a_content_security_policy_and_the_cookie_is_httponly(shared_service: Service) -> None:
    client = client_for(shared_service)
    r = client.post("/login", data={"name": USERS["viewer"], "password": PASSWORD}, follow_redirects=False)
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    page = client.get("/")
    assert page.headers["content-security-policy"] == CSP
    assert page.headers["x-frame-options"] == "DENY"
    assert "<script>" not in page.text.replace('<script src="/static/app.js" defer></script>', "")


def test_login_never_redirects_to_another_site(shared_service: Service) -> None:
    client = client_for(shared_service)
    r = client.post(
        "/login",
        data={"name": USERS["viewer"], "password": PASSWORD, "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert r.headers["location"] == "/"


def test_the_openapi_description_lists_reads_writes_and_the_change_feed(shared_service: Service) -> None:
    spec = client_for(shared_service).get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/events",
        "/api/events/{event_id}/review",
        "/api/changes",
        "/api/tallies",
        "/api/export",
    } <= paths
    assert not any(p.startswith("/events") for p in paths), "HTML pages stay out of the API description"


def test_downloads_give_the_same_selection_in_each_format(shared_service: Service) -> None:
    client = client_for(shared_service)
    login(client, USERS["viewer"])
    n = client.get("/api/events?country=BO&limit=1000").json()["total"]
    csv_rows = client.get("/api/export?country=BO&format=acled-csv").text.strip().splitlines()
    jsonl = client.get("/api/export?country=BO&format=jsonl").text.strip().splitlines()
    geo = client.get("/api/export?country=BO&format=geojson").json()
    assert len(csv_rows) - 1 == len(jsonl) == len(geo["features"]) == n

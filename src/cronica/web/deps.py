"""Who is asking, and may they: the role check and CSRF check every route declares.

Every route but the public ones (login, static files, the OpenAPI description) takes a
:class:`Need` dependency naming the least role it allows; a test walks the app's routes and calls each
with every role. A request authenticates with ``Authorization: Bearer <token>`` (scripts) or the session
cookie (browsers). A state-changing request made with the cookie must carry the session's CSRF token
(form field ``csrf_token`` or header ``X-CSRF-Token``) and, when the browser sends one, an ``Origin``
of this site.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import Request

from cronica.web.accounts import ROLES, User
from cronica.web.errors import AuthError, ForbiddenError
from cronica.web.service import Service

COOKIE = "cronica_session"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass
class Caller:
    """The authenticated user and how they came: by ``token`` or by ``cookie`` (with its CSRF token)."""

    user: User
    via: str
    csrf: str | None = None


def service_of(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return,unused-ignore]


def same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another site (Origin, else Referer)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True
    parts = urlsplit(origin)
    return parts.netloc == request.headers.get("host", request.url.netloc)


async def caller(request: Request) -> Caller:
    """The caller of ``request`` (cached on it); :class:`AuthError` when there is none."""
    found = getattr(request.state, "caller", None)
    if found is not None:
        return found  # type: ignore[no-any-return,unused-ignore]
    service = service_of(request)
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        who = Caller(service.token_user(auth[7:].strip()), "token")
    else:
        session = service.session_for(request.cookies.get(COOKIE))
        if session is None:
            raise AuthError("log in first")
        who = Caller(session.user, "cookie", session.csrf)
        if request.method in UNSAFE:
            await check_csrf(request, session.csrf)
    request.state.caller = who
    return who


async def check_csrf(request: Request, expected: str) -> None:
    if not same_origin(request):
        raise ForbiddenError("request from another site refused")
    sent = request.headers.get("x-csrf-token")
    if sent is None and "form" in request.headers.get("content-type", ""):
        form = await request.form()
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not sent or not secrets.compare_digest(sent, expected):
        raise ForbiddenError("missing or wrong CSRF token: reload the page and try again")


class Need:
    """A route's least role: ``Depends(Need("coder"))`` gives the :class:`User` or raises 401/403."""

    def __init__(self, role: str) -> None:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        self.role = role

    async def __call__(self, request: Request) -> User:
        who = await caller(request)
        who.user.require(self.role)
        return who.user


VIEWER, CODER, ADMIN = Need("viewer"), Need("coder"), Need("admin")

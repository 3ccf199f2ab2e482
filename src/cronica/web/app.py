"""The web app: FastAPI with the API router, the page router, static files, security headers, and the
one place where errors become HTTP statuses.

    app = create_app(Service(Store("cronica.db")))      # what `cronica serve` runs with uvicorn
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from cronica.store.errors import NotFoundError, StoreError
from cronica.web import api, pages
from cronica.web.errors import AuthError, BadRequestError, ConflictError, ForbiddenError, WebError
from cronica.web.service import Service

#: No inline scripts or styles, nothing from another origin, no framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

STATUS = (
    (AuthError, 401),
    (ForbiddenError, 403),
    (ConflictError, 409),
    (BadRequestError, 400),
    (NotFoundError, 404),
    (StoreError, 400),
)


def _status(exc: Exception) -> int:
    return next((code for kind, code in STATUS if isinstance(exc, kind)), 500)


def create_app(service: Service, *, secure_cookies: bool = False) -> FastAPI:
    """The app over ``service``; ``secure_cookies`` marks the session cookie Secure (serve over HTTPS)."""
    app = FastAPI(
        title="cronica",
        version="0.1.0",
        description="Review, correct and explore cronica's event record. Authenticate with a session "
        "cookie (the web pages) or `Authorization: Bearer <token>` (`cronica user token NAME`).",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.state.secure_cookies = secure_cookies
    app.state.world = None
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            if name == "Cache-Control" and request.url.path.startswith("/static"):
                continue
            response.headers.setdefault(name, value)
        return response

    async def handle(request: Request, exc: Exception) -> Response:
        status = _status(exc)
        if request.url.path.startswith("/api"):
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)
        if status == 401:
            return pages.login_redirect(request)
        heading = {403: "Not allowed", 404: "Not found", 409: "Changed meanwhile"}.get(
            status, "Cannot do that"
        )
        return pages.render(request, "message.html", status, heading=heading, message=str(exc))

    app.add_exception_handler(WebError, handle)
    app.add_exception_handler(StoreError, handle)
    return app

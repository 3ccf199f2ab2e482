"""The web app and HTTP API (``cronica serve``): review, correct and explore the stored record.

    from cronica.store import Store
    from cronica.web import Service, create_app
    app = create_app(Service(Store("cronica.db")))

Layers: :mod:`~cronica.web.service` (every rule, one transaction per call) over the store;
:mod:`~cronica.web.api` (JSON, OpenAPI) and :mod:`~cronica.web.pages` (HTML) are thin routes over it.
See docs/web.md.
"""

from cronica.web.accounts import ROLES, User
from cronica.web.app import create_app
from cronica.web.errors import AuthError, BadRequestError, ConflictError, ForbiddenError, WebError
from cronica.web.service import Service

__all__ = [
    "ROLES",
    "AuthError",
    "BadRequestError",
    "ConflictError",
    "ForbiddenError",
    "Service",
    "User",
    "WebError",
    "create_app",
]

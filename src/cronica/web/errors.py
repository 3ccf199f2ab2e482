"""Errors of the web app and its service layer, in cronica's one exception tree.

    CronicaError
    └── WebError
        ├── AuthError           no valid session or token, a wrong password, too many failed logins
        ├── ForbiddenError      the account's role does not allow the action
        ├── ConflictError       the event changed since the person loaded it (version check)
        └── BadRequestError     a value the service cannot accept (named in the message)

The app turns them into HTTP statuses (401, 403, 409, 400) in one place (``app.py``).
"""

from __future__ import annotations

from cronica.errors import CronicaError


class WebError(CronicaError):
    """Base class of the web app's errors."""


class AuthError(WebError):
    """Not logged in, wrong credentials, or locked out for a while after failed logins."""


class ForbiddenError(WebError):
    """The role of the account does not allow this."""


class ConflictError(WebError):
    """Someone else changed the record since it was loaded: reload and apply the change again."""


class BadRequestError(WebError):
    """A value the service cannot accept."""

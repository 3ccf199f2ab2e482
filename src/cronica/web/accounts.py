"""Accounts, roles, browser sessions, API tokens and login rate limiting.

In: names, passwords (hashed with argon2id, never stored), cookie and token values. Out: a
:class:`User` or an :class:`~cronica.web.errors.AuthError`. Cookie and token values are random
(``secrets.token_urlsafe``) and stored only as SHA-256 digests, so a copy of the database logs nobody in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cronica.store.models import ApiTokenRow, LoginAttemptRow, UserRow, WebSessionRow
from cronica.web.errors import AuthError, BadRequestError, ForbiddenError

#: Roles from least to most allowed: a role may do everything the roles before it may.
ROLES = ("viewer", "coder", "admin")
SESSION_HOURS = 12
#: Failed logins allowed per account name (and per client address) in :data:`LOCKOUT_MINUTES`.
MAX_FAILURES = 5
LOCKOUT_MINUTES = 15

_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str

    def can(self, role: str) -> bool:
        """Whether this account has ``role`` or a stronger one."""
        return ROLES.index(self.role) >= ROLES.index(role)

    def require(self, role: str) -> None:
        if not self.can(role):
            raise ForbiddenError(f"{self.name} is a {self.role}; this needs the {role} role")


@dataclass(frozen=True)
class WebSession:
    user: User
    csrf: str


def now() -> datetime:
    return datetime.now(UTC)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _aware(stamp: datetime) -> datetime:
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _user(row: UserRow) -> User:
    return User(row.id, row.name, row.role)


def add_user(session: Session, name: str, role: str, password: str) -> User:
    """Create an account; raises :class:`BadRequestError` for a taken name, unknown role or short password."""
    name = name.strip()
    if not name or len(name) > 100:
        raise BadRequestError("a user name is 1-100 characters")
    if role not in ROLES:
        raise BadRequestError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if len(password) < 8:
        raise BadRequestError("a password has at least 8 characters")
    if session.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
        raise BadRequestError(f"user {name!r} exists already")
    row = UserRow(
        name=name, role=role, password_hash=_hasher.hash(password), created_at=now(), disabled=False
    )
    session.add(row)
    session.flush()
    return _user(row)


def users(session: Session) -> list[User]:
    return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.name))]


def _recent_failures(session: Session, name: str, client: str | None) -> int:
    since = now() - timedelta(minutes=LOCKOUT_MINUTES)
    by_name = session.scalar(
        select(func.count()).where(LoginAttemptRow.name == name, LoginAttemptRow.at >= since)
    )
    by_client: int | None = 0
    if client:
        by_client = session.scalar(
            select(func.count()).where(LoginAttemptRow.client == client, LoginAttemptRow.at >= since)
        )
    return max(by_name or 0, (by_client or 0) // 4)


def check_password(session: Session, name: str, password: str, client: str | None = None) -> User:
    """The account if ``password`` is right; :class:`AuthError` otherwise or while locked out."""
    if _recent_failures(session, name, client) >= MAX_FAILURES:
        raise AuthError(f"too many failed logins: try again in {LOCKOUT_MINUTES} minutes")
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    ok = False
    if row is not None and not row.disabled:
        try:
            ok = _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        # Spend the same time on unknown names, so timing does not tell which names exist.
        _hasher.hash(password)
    if not ok or row is None:
        raise AuthError("wrong user name or password")
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.name == name))
    return _user(row)


def record_failure(session: Session, name: str, client: str | None) -> None:
    """Count a failed login against the name and the client address (see :data:`MAX_FAILURES`)."""
    session.add(LoginAttemptRow(name=name[:100], client=(client or "")[:64] or None, at=now()))


def open_session(session: Session, user: User) -> tuple[str, WebSession]:
    """A new browser session for ``user``: the cookie value (give it to the browser) and the session."""
    cookie = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    stamp = now()
    session.add(
        WebSessionRow(
            id=digest(cookie),
            user_id=user.id,
            csrf=csrf,
            created_at=stamp,
            expires_at=stamp + timedelta(hours=SESSION_HOURS),
        )
    )
    session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < stamp))
    return cookie, WebSession(user, csrf)


def session_user(session: Session, cookie: str | None) -> WebSession | None:
    """The live session behind a cookie value, or ``None``."""
    if not cookie:
        return None
    row = session.get(WebSessionRow, digest(cookie))
    if row is None or _aware(row.expires_at) < now():
        return None
    user = session.get(UserRow, row.user_id)
    if user is None or user.disabled:
        return None
    return WebSession(_user(user), row.csrf)


def close_session(session: Session, cookie: str | None) -> None:
    if cookie:
        session.execute(delete(WebSessionRow).where(WebSessionRow.id == digest(cookie)))


def add_token(session: Session, name: str, label: str | None = None) -> str:
    """A new API token for the account ``name`` (shown once; only its digest is stored)."""
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        raise BadRequestError(f"no user {name!r}")
    token = "cr_" + secrets.token_urlsafe(32)
    session.add(ApiTokenRow(id=digest(token), user_id=row.id, label=label, created_at=now()))
    return token


def token_user(session: Session, token: str) -> User:
    row = session.get(ApiTokenRow, digest(token))
    user = session.get(UserRow, row.user_id) if row is not None else None
    if user is None or user.disabled:
        raise AuthError("unknown or revoked API token")
    return _user(user)

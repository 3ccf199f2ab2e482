"""Errors of the store, in cronica's one exception tree (:class:`~cronica.errors.CronicaError`)."""

from __future__ import annotations

from cronica.errors import CronicaError


class StoreError(CronicaError):
    """The database cannot be opened, migrated or written, or a request names something it does not hold."""


class NotFoundError(StoreError):
    """An event, report or document id that the store does not hold."""

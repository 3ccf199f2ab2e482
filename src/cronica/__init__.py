"""cronica: sourced, structured event records from reports of protest, political violence and repression.

Public API::

    import cronica
    result = cronica.extract(text, published="2019-11-20")
    for record in result.records: ...

Importing the package loads nothing heavy: the pipeline (and spaCy) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cronica.errors import CronicaError, InputError, ModelNotInstalledError
from cronica.records import Document, Event, Extraction, Statement, Tally

if TYPE_CHECKING:
    from cronica.pipeline import Pipeline, extract, extract_document

__all__ = [
    "CronicaError",
    "Document",
    "Event",
    "Extraction",
    "InputError",
    "ModelNotInstalledError",
    "Pipeline",
    "Statement",
    "Tally",
    "extract",
    "extract_document",
]
__version__ = "0.1.0"

_LAZY = {"Pipeline", "extract", "extract_document"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from cronica import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'cronica' has no attribute {name!r}")

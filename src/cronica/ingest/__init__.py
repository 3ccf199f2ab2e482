"""The ingest stage: files, directories and strings in, :class:`~cronica.records.Document` records out.

In: paths (text, Markdown with front matter, HTML, PDF, JSON Lines) or a string. Out: documents whose text
has had its PDF-style layout repaired (:func:`repair_layout`) with a map back to the original offsets.
How it fails: :func:`read_documents` yields an :class:`~cronica.errors.InputError` for each document it
cannot read and goes on; :func:`document_from_text` and :func:`parse_published` raise them.
See ``docs/ingest.md``.
"""

from cronica.ingest.dates import parse_published
from cronica.ingest.reader import DEFAULT_MAX_BYTES, count_documents, read_documents
from cronica.ingest.repair import Repaired, repair_layout
from cronica.ingest.text import document_from_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Repaired",
    "count_documents",
    "document_from_text",
    "parse_published",
    "read_documents",
    "repair_layout",
]

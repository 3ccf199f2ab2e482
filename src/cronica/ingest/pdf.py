"""PDF files.

In: the bytes of a PDF. Out: a :class:`~cronica.records.Document` (``format`` ``pdf``) whose raw text is
pypdf's text of each page joined by form feeds (``\\f``), so layout repair can tell pages apart and drop
running headers, footers and page numbers. ``title`` and ``author`` come from the document information;
the publication date from its ``/CreationDate`` (``published_source="pdf-metadata"``).
Fails with :class:`~cronica.errors.MalformedDocumentError` for a truncated (no ``%%EOF``), garbled or
password-protected file, :class:`~cronica.errors.EmptyDocumentError` for a PDF without a text layer
(a scan: cronica does no OCR).
"""

from __future__ import annotations

import io
from datetime import date

from cronica.errors import EmptyDocumentError, MalformedDocumentError
from cronica.ingest.document import build_document, choose_published
from cronica.records import Document


def read_pdf(data: bytes, source: str, published: date | None) -> Document:
    """A PDF's ``Document``."""
    from pypdf import PdfReader

    if not data.lstrip()[:5] == b"%PDF-":
        raise MalformedDocumentError(source, "not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise MalformedDocumentError(source, "truncated PDF (no %%EOF marker at the end of the file)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise MalformedDocumentError(source, "PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
        created = info.get("/CreationDate") if info else None
    except MalformedDocumentError:
        raise
    except Exception as exc:  # pypdf raises many types for broken files; all mean the same to us
        raise MalformedDocumentError(source, f"cannot read the PDF ({type(exc).__name__}: {exc})") from None
    raw = "\f".join(pages)
    if not raw.strip():
        raise EmptyDocumentError(source, "PDF has no text layer (a scanned image? cronica does no OCR)")
    day, day_source = choose_published(published, str(created) if created else None, "pdf-metadata", source)
    return build_document(
        raw,
        id=source,
        source=source,
        format="pdf",
        published=day,
        published_source=day_source,
        title=title,
        author=author,
    )

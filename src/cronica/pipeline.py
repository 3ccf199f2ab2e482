"""The one module that knows the order of the stages: ingest -> nlp -> extract -> resolve.

In: text or a :class:`~cronica.records.Document`. Out: an :class:`~cronica.records.Extraction` with
the document's events, statements and tallies. The spaCy model, lexicons and gazetteer are loaded once,
when the :class:`Pipeline` is built; building fails fast with a message that says how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from cronica.errors import InputError
from cronica.ingest import document_from_text, read_documents
from cronica.nlp import load_model
from cronica.records import Document, Extraction


class Pipeline:
    """Stages wired together; reuse one instance for many documents."""

    def __init__(
        self, model: str | None = None, *, keep_generic: bool | None = None, places: str | None = None
    ) -> None:
        """``keep_generic``: also return event mentions with no date, place or number of their own
        (useful for classifying snippets; see :class:`~cronica.extract.Extractor`)."""
        from cronica.extract import Extractor
        from cronica.extract.places import locator

        self.nlp = load_model(model)
        self.extractor = Extractor(self.nlp, keep_generic=keep_generic, places=locator(places))

    def extract_document(self, document: Document) -> Extraction:
        """Run every stage after ingest on one document."""
        doc = self.nlp(document.text)
        return self.extractor.extract(document, doc)

    def extract_documents(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Extraction]:
        """Like :meth:`extract_document` for many documents, parsing them in batches with ``nlp.pipe``."""
        buffer: list[Document] = []
        for document in documents:
            buffer.append(document)
            if len(buffer) >= batch_size:
                yield from self._run_batch(buffer, batch_size)
                buffer = []
        if buffer:
            yield from self._run_batch(buffer, batch_size)

    def _run_batch(self, documents: list[Document], batch_size: int) -> Iterator[Extraction]:
        docs = self.nlp.pipe((d.text for d in documents), batch_size=batch_size)
        for document, doc in zip(documents, docs, strict=True):
            yield self.extractor.extract(document, doc)

    def extract_paths(
        self, paths: Iterable[str], published: date | None = None, batch_size: int = 16
    ) -> Iterator[Extraction | InputError]:
        """Read files and directories and extract from each document; bad documents come back as errors."""
        pending: list[Document] = []
        for item in read_documents(paths, published=published):
            if isinstance(item, InputError):
                yield from self.extract_documents(pending, batch_size)
                pending = []
                yield item
            else:
                pending.append(item)
                if len(pending) >= batch_size:
                    yield from self.extract_documents(pending, batch_size)
                    pending = []
        yield from self.extract_documents(pending, batch_size)


@lru_cache(maxsize=2)
def _default_pipeline(model: str | None) -> Pipeline:
    return Pipeline(model)


def extract(
    text: str, published: date | str | None = None, *, id: str = "<text>", model: str | None = None
) -> Extraction:
    """Extract events, statements and tallies from ``text``.

    ``published`` (a date or ISO string) anchors relative dates; without it they stay unresolved
    with that reason. Raises :class:`~cronica.errors.InputError` for an empty text or impossible date.
    """
    document = document_from_text(text, id=id, published=published)
    return _default_pipeline(model).extract_document(document)


def extract_document(document: Document, model: str | None = None) -> Extraction:
    """Extract from an already ingested :class:`~cronica.records.Document`."""
    return _default_pipeline(model).extract_document(document)

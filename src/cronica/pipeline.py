"""The one module that knows the order of the stages: ingest -> nlp -> extract -> resolve.

In: text or a :class:`~cronica.records.Document`. Out: an :class:`~cronica.records.Extraction` with
the document's events, statements and tallies. The default language's spaCy model, lexicons and the
gazetteer are loaded once, when the :class:`Pipeline` is built; building fails fast with a message that
says how to fix it. Each document is read in its language (its ``language`` metadata, else
:func:`~cronica.nlp.detect_language`); another language's model and lexicons load once, lazily, when
its first document arrives (a missing model fails then, naming the pip command).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from cronica.errors import InputError
from cronica.ingest import document_from_text, read_documents
from cronica.nlp import detect_language, load_languages, load_model
from cronica.nlp.matching import keep_text
from cronica.nlp.sections import parse_texts
from cronica.records import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from cronica.extraction import Extractor
    from cronica.extraction.learned import EventTyper
    from cronica.extraction.prefilter import SentenceFilter
    from cronica.resolve.corpus import CorpusPrior


class Pipeline:
    """Stages wired together; reuse one instance for many documents."""

    def __init__(
        self,
        model: str | None = None,
        *,
        keep_generic: bool | None = None,
        places: str | None = None,
        language: str | None = None,
        country: str | Sequence[str] | None = None,
        typer: str | EventTyper | None = None,
        prefilter: bool | None = None,
        rules_off: Sequence[str] | None = None,
        prior: CorpusPrior | None = None,
    ) -> None:
        """``model`` is the default language's model (English unless ``languages.yaml`` says otherwise).
        ``keep_generic``: also return event mentions with no date, place or number of their own
        (useful for classifying snippets; see :class:`~cronica.extraction.Extractor`). ``language``: read
        every document as this language instead of its metadata or detection. ``country``: the
        country or countries (ISO codes or names) a whole corpus is about, a hint for placing events
        when a text does not name its country; raises CronicaError for a value that is no country.
        ``typer``: ``learned`` (default: the shipped event classifier combined with the rules),
        ``rules`` (the rules alone), the path of a model file written by ``cronica train``, or an
        :class:`~cronica.extraction.learned.EventTyper`; default from ``CRONICA_TYPER``. The shipped
        classifier learned from English text: documents in other languages are typed by the rules.
        ``prefilter``: blank the sentences of long documents that hold no word that could start a
        record before parsing them (:mod:`cronica.extraction.prefilter`; languages whose events.yaml has
        a ``prefilter`` section); default from ``CRONICA_PREFILTER`` (``1`` turns it on), else off. It
        costs recall: the blanked sentences hold the places, dates and people the records are read
        with (docs/performance.md: even a filter keeping every sentence a record comes from fails the
        accuracy gate).
        ``rules_off``: ids of rules (``rules.yaml``, ``cronica rules``) not to apply; default from
        ``CRONICA_RULES_OFF`` (comma separated); raises CronicaError for an id no rule has.
        ``prior``: the countries the documents of the whole input state, as weak evidence for a text that
        names none (:mod:`cronica.resolve.corpus`; the CLI computes it over its input first)."""
        from cronica.extraction import Extractor
        from cronica.extraction.learned import LearnedTyper
        from cronica.extraction.places import locator
        from cronica.extraction.rules import load_rules

        self.languages = load_languages()
        self.language = self.languages.get(language).code if language else None
        default = self.languages.get(None)
        self._keep_generic = keep_generic
        from cronica.resolve.focus import country_codes

        self.country = country_codes(country)
        self.prior = prior
        self._places = locator(places, self.country, prior)
        self._rules = load_rules(off=rules_off)
        self.nlp = load_model(model, default.scheme)
        choice = typer or os.environ.get("CRONICA_TYPER") or "learned"
        self._typer: EventTyper | None = None
        if not isinstance(choice, str):
            self._typer = choice
        elif choice != "rules":
            self._typer = LearnedTyper(None if choice == "learned" else choice)
        self.extractor = Extractor(
            self.nlp,
            keep_generic=keep_generic,
            places=self._places,
            typer=self._typer_for(default.code),
            rules=self._rules,
        )
        self._stages: dict[str, tuple[Language, Extractor]] = {default.code: (self.nlp, self.extractor)}
        if prefilter is None:
            prefilter = os.environ.get("CRONICA_PREFILTER", "") == "1"
        self._prefilter = prefilter
        self._filters: dict[str, SentenceFilter | None] = {}

    def language_of(self, document: Document) -> str:
        """The code of the language ``document`` is read in (forced, else metadata, else detected).

        Raises :class:`~cronica.errors.InputError` naming the document for a language cronica does
        not read."""
        if self.language:
            return self.language
        if document.language:
            return self.languages.get(document.language, document.source).code
        return detect_language(document.text, self.languages)

    def stage(self, code: str) -> tuple[Language, Extractor]:
        """The spaCy pipeline and extractor of language ``code``, built on first use."""
        if code not in self._stages:
            from cronica.extraction import Extractor

            lang = self.languages.get(code)
            nlp = load_model(lang.model, lang.scheme)
            self._stages[code] = (
                nlp,
                Extractor(
                    nlp,
                    keep_generic=self._keep_generic,
                    places=self._places,
                    language=code,
                    typer=self._typer_for(code),
                    rules=self._rules,
                ),
            )
        return self._stages[code]

    def _text_to_parse(self, document: Document, code: str) -> str:
        """The text handed to the parser: the document's, with the prefilter's blanks when it is on."""
        if not self._prefilter:
            return document.text
        if code not in self._filters:
            from cronica.extraction.prefilter import SentenceFilter

            nlp, extractor = self.stage(code)
            lexicon = extractor.lexicon
            stop_words = nlp.Defaults.stop_words
            self._filters[code] = (
                SentenceFilter.from_lexicon(lexicon, stop_words) if lexicon.prefilter_forms else None
            )
        sentence_filter = self._filters[code]
        if sentence_filter is None:
            return document.text
        return sentence_filter.mask(document.text, self.stage(code)[0].tokenizer)

    def _typer_for(self, code: str) -> EventTyper | None:
        """The learned typer for documents in language ``code`` (English only)."""
        return self._typer if code == "en" else None

    def _with_language(self, document: Document) -> Document:
        code = self.language_of(document)
        return document if document.language == code else dataclasses.replace(document, language=code)

    def extract_document(self, document: Document) -> Extraction:
        """Run every stage after ingest on one document."""
        document = self._with_language(document)
        code = document.language or ""
        nlp, extractor = self.stage(code)
        text = self._text_to_parse(document, code)
        return extractor.extract(document, keep_text(parse_texts(nlp, [text])[0], text))

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
        """Parse a batch language by language; results come back in input order."""
        documents = [self._with_language(d) for d in documents]
        out: dict[int, Extraction] = {}
        for code in dict.fromkeys(d.language or "" for d in documents):
            nlp, extractor = self.stage(code)
            indices = [i for i, d in enumerate(documents) if d.language == code]
            texts = [self._text_to_parse(documents[i], code) for i in indices]
            docs = parse_texts(nlp, texts, batch_size)
            for text, doc in zip(texts, docs, strict=True):
                keep_text(doc, text)  # spaCy's tokens give back their text: no join a token at a time
            # the classifier reads the texts it will surely be asked for, of the whole batch, at once
            extractor.prefetch([documents[i] for i in indices], docs)
            for i, doc in zip(indices, docs, strict=True):
                out[i] = extractor.extract(documents[i], doc)
        for i in range(len(documents)):
            yield out[i]

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
                try:
                    self.language_of(item)
                except InputError as exc:  # a language cronica does not read: this document only
                    yield exc
                    continue
                pending.append(item)
                if len(pending) >= batch_size:
                    yield from self.extract_documents(pending, batch_size)
                    pending = []
        yield from self.extract_documents(pending, batch_size)


@lru_cache(maxsize=2)
def _default_pipeline(model: str | None, country: tuple[str, ...] = ()) -> Pipeline:
    return Pipeline(model, country=country)


def extract(
    text: str,
    published: date | str | None = None,
    *,
    id: str = "<text>",
    model: str | None = None,
    country: str | Sequence[str] | None = None,
) -> Extraction:
    """Extract events, statements and tallies from ``text``.

    ``published`` (a date or ISO string) anchors relative dates; without it they stay unresolved
    with that reason. ``country`` (an ISO code or name, or several) says which country the text is
    about when it may not name it ("KE"); the text's own words still win. Raises
    :class:`~cronica.errors.InputError` for an empty text or impossible date and
    :class:`~cronica.errors.CronicaError` for a ``country`` that is no country.
    """
    from cronica.resolve.focus import country_codes

    document = document_from_text(text, id=id, published=published)
    return _default_pipeline(model, country_codes(country)).extract_document(document)


def extract_document(
    document: Document, model: str | None = None, country: str | Sequence[str] | None = None
) -> Extraction:
    """Extract from an already ingested :class:`~cronica.records.Document`."""
    from cronica.resolve.focus import country_codes

    return _default_pipeline(model, country_codes(country)).extract_document(document)

"""A parsed ``Doc``'s token attributes, read once into plain lists that every extract module shares.

In: a ``Doc`` (after the spaCy pipeline, before the extract stage reads it). Out: a :class:`DocArrays`
kept for that ``Doc`` (:func:`arrays`): each token's hashes and strings by position. Reading an
attribute through spaCy's ``Token`` objects costs a Python object per token and a string-store look-up
per read, and the extract modules (places, dates, triggers, counts, incidents, actors) read the same
attributes of the same tokens again and again; one ``Doc.to_array`` call reads them all, and the
strings are looked up once a document, when a module first asks for them.

The lists describe the ``Doc`` as it was when first asked: a module that changes the parse or the
entities afterwards (the extractor labelling dates where the model has no DATE entities) calls
:func:`forget` so the next reader sees the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


#: ``Doc.to_array`` gives unsigned integers: a head before its token comes back as 2**64 minus the offset
_WRAP = 1 << 64
_HALF = 1 << 63


class DocArrays:
    """Token attributes of one ``Doc`` by token position: hashes as read by ``Doc.to_array``, strings
    looked up on first use (``lower``: ``Token.lower_``; ``lemma``: ``Token.lemma_.lower()``)."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import (
            DEP,
            ENT_IOB,
            ENT_TYPE,
            HEAD,
            IDX,
            IS_ALPHA,
            IS_SPACE,
            LEMMA,
            LOWER,
            ORTH,
            POS,
            SENT_START,
            SPACY,
            TAG,
        )

        self._strings = doc.vocab.strings
        attrs = [
            ORTH,
            LOWER,
            LEMMA,
            POS,
            DEP,
            HEAD,
            ENT_TYPE,
            IS_SPACE,
            IDX,
            IS_ALPHA,
            SPACY,
            SENT_START,
            TAG,
            ENT_IOB,
        ]
        rows = doc.to_array(attrs).tolist() if len(doc) else []
        self.orth_hash: list[int] = [r[0] for r in rows]
        self.lower_hash: list[int] = [r[1] for r in rows]
        self.lemma_hash: list[int] = [r[2] for r in rows]
        self.pos_hash: list[int] = [r[3] for r in rows]
        self.dep_hash: list[int] = [r[4] for r in rows]
        #: the position of each token's head (the root is its own head)
        self.head: list[int] = [i + (r[5] - _WRAP if r[5] >= _HALF else r[5]) for i, r in enumerate(rows)]
        self.ent_type_hash: list[int] = [r[6] for r in rows]
        self.is_space: list[bool] = [r[7] == 1 for r in rows]
        self.idx: list[int] = [r[8] for r in rows]
        self.is_alpha: list[bool] = [r[9] == 1 for r in rows]
        #: whether a space follows the token (``Token.whitespace_``)
        self.space_after: list[bool] = [r[10] == 1 for r in rows]
        #: whether the token starts a sentence (``Token.is_sent_start`` is True)
        self.sent_start: list[bool] = [r[11] == 1 for r in rows]
        self.tag_hash: list[int] = [r[12] for r in rows]
        #: whether the token is inside an entity that starts before it (``Token.ent_iob_ == "I"``)
        self.ent_inside: list[bool] = [r[13] == 1 for r in rows]

    @cached_property
    def text(self) -> list[str]:
        strings = self._strings
        return [strings[h] for h in self.orth_hash]

    @cached_property
    def lower(self) -> list[str]:
        strings = self._strings
        return [strings[h] for h in self.lower_hash]

    @cached_property
    def lemma(self) -> list[str]:
        strings = self._strings
        return [strings[h].lower() for h in self.lemma_hash]

    @cached_property
    def pos(self) -> list[str]:
        strings = self._strings
        return [strings[h] for h in self.pos_hash]

    @cached_property
    def tag(self) -> list[str]:
        strings = self._strings
        return [strings[h] for h in self.tag_hash]

    @cached_property
    def dep(self) -> list[str]:
        strings = self._strings
        return [strings[h] for h in self.dep_hash]

    @cached_property
    def ent_type(self) -> list[str]:
        strings = self._strings
        return [strings[h] for h in self.ent_type_hash]


_ARRAYS: WeakKeyDictionary[Doc, DocArrays] = WeakKeyDictionary()
_ENTS: WeakKeyDictionary[Doc, Sequence[Span]] = WeakKeyDictionary()


def arrays(doc: Doc) -> DocArrays:
    """The :class:`DocArrays` of ``doc``, read on first use and kept while the ``Doc`` lives."""
    found = _ARRAYS.get(doc)
    if found is None:
        found = _ARRAYS[doc] = DocArrays(doc)
    return found


def doc_ents(doc: Doc) -> Sequence[Span]:
    """``doc.ents``, built once (spaCy builds every entity span on each access)."""
    found = _ENTS.get(doc)
    if found is None:
        found = _ENTS[doc] = doc.ents
    return found


def forget(doc: Doc) -> None:
    """Drop what was read of ``doc``: its parse or entities changed."""
    _ARRAYS.pop(doc, None)
    _ENTS.pop(doc, None)


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text built once (:func:`~cronica.nlp.matching.doc_text`)
    instead of joined from every token."""
    doc = span.doc
    text = doc.user_data.get("cronica.text")  # cronica.nlp.matching.doc_text, without an import a call
    if text is None:
        from cronica.nlp.matching import doc_text

        text = doc_text(doc)
    return text[span.start_char : span.end_char]

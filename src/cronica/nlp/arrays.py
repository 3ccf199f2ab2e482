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
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
        self._subtrees: dict[int, list[int]] = {}
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
        if len(doc):
            table = doc.to_array(attrs)  # unsigned 64-bit, one row a token
            # the columns read as numbers (the flags and heads are computed below, not converted)
            columns = table[:, _NUMBER_COLUMNS].T.tolist()
            # a head before its token comes back wrapped: read as signed, it is the offset
            heads = (table[:, 5].astype(np.int64) + np.arange(len(doc), dtype=np.int64)).tolist()
            flags = (table[:, [7, 9, 10, 11, 13]] == 1).T.tolist()
        else:
            columns, heads, flags = [[] for _ in _NUMBER_COLUMNS], [], [[] for _ in range(5)]
        self.orth_hash: list[int] = columns[0]
        self.lower_hash: list[int] = columns[1]
        self.lemma_hash: list[int] = columns[2]
        self.pos_hash: list[int] = columns[3]
        self.dep_hash: list[int] = columns[4]
        #: the position of each token's head (the root is its own head)
        self.head: list[int] = heads
        self.ent_type_hash: list[int] = columns[5]
        self.is_space: list[bool] = flags[0]
        self.idx: list[int] = columns[6]
        self.is_alpha: list[bool] = flags[1]
        #: whether a space follows the token (``Token.whitespace_``)
        self.space_after: list[bool] = flags[2]
        #: whether the token starts a sentence (``Token.is_sent_start`` is True)
        self.sent_start: list[bool] = flags[3]
        self.tag_hash: list[int] = columns[7]
        #: whether the token is inside an entity that starts before it (``Token.ent_iob_ == "I"``)
        self.ent_inside: list[bool] = flags[4]

    # the strings of a column, looked up in a table of the vocabulary's strings by hash shared by
    # every document (a ``dict`` look-up, not the ``StringStore``'s, a hash)
    @cached_property
    def text(self) -> list[str]:
        return list(map(_strings_of(self._strings).__getitem__, self.orth_hash))

    @cached_property
    def lower(self) -> list[str]:
        return list(map(_strings_of(self._strings).__getitem__, self.lower_hash))

    @cached_property
    def lemma(self) -> list[str]:
        return list(map(_strings_of(self._strings, lowered=True).__getitem__, self.lemma_hash))

    @cached_property
    def pos(self) -> list[str]:
        return list(map(_strings_of(self._strings).__getitem__, self.pos_hash))

    @cached_property
    def tag(self) -> list[str]:
        return list(map(_strings_of(self._strings).__getitem__, self.tag_hash))

    @cached_property
    def dep(self) -> list[str]:
        return list(map(_strings_of(self._strings).__getitem__, self.dep_hash))

    @cached_property
    def ent_type(self) -> list[str]:
        return list(map(_strings_of(self._strings).__getitem__, self.ent_type_hash))

    @cached_property
    def children(self) -> list[list[int]]:
        """The positions of each token's children, in order (from the heads: a root has none)."""
        out: list[list[int]] = [[] for _ in self.head]
        for i, h in enumerate(self.head):
            if h != i:
                out[h].append(i)
        return out

    def subtree(self, i: int) -> list[int]:
        """The positions of ``Token.subtree`` of token ``i``, in its order: each left child's
        subtree, the token, each right child's subtree (the order of a tree whose branches cross
        too). Kept a token; the list is shared: do not change it."""
        kept = self._subtrees.get(i)
        if kept is not None:
            return kept
        children = self.children
        out: list[int] = []
        self._subtrees[i] = out

        def walk(k: int) -> None:
            for c in children[k]:
                if c < k:
                    walk(c)
            out.append(k)
            for c in children[k]:
                if c > k:
                    walk(c)

        walk(i)
        return out


#: the columns of ``DocArrays``' table read as numbers: ORTH, LOWER, LEMMA, POS, DEP, ENT_TYPE, IDX, TAG
_NUMBER_COLUMNS = [0, 1, 2, 3, 4, 6, 8, 12]


class _Strings(dict[int, str]):
    """A vocabulary's strings by hash, filled from its ``StringStore`` on first use (``lowered``: each
    string lower-cased, as ``DocArrays.lemma`` reads lemmas). A hash names one string whatever the
    document, so one table serves every document read with that vocabulary."""

    def __init__(self, store: Any, lowered: bool) -> None:
        super().__init__()
        self.store = store
        self.lowered = lowered

    def __missing__(self, key: int) -> str:
        if len(self) > _STRINGS_KEPT:
            self.clear()
        value = self.store[key]
        if self.lowered:
            value = value.lower()
        self[key] = value
        return value


#: how many strings a table keeps before it starts again (a vocabulary grows with every new word)
_STRINGS_KEPT = 500_000
_TABLES: dict[tuple[int, bool], _Strings] = {}


def _strings_of(store: Any, lowered: bool = False) -> _Strings:
    """The table of ``store``'s strings (the vocabulary of a loaded model lives as long as the process;
    the table holds the store, so an ``id`` is never reused while its table is kept)."""
    table = _TABLES.get((id(store), lowered))
    if table is None or table.store is not store:
        table = _TABLES[(id(store), lowered)] = _Strings(store, lowered)
    return table


_ARRAYS: WeakKeyDictionary[Doc, DocArrays] = WeakKeyDictionary()


class _Recent:
    """Values built for the last few ``Doc`` objects read (the extract stage reads one at a time).

    Spans hold their ``Doc``: kept in a ``WeakKeyDictionary`` by that ``Doc``, they would keep it
    (and its arrays) alive for ever, one more every document of a run. Here at most ``size``
    documents are held; a ``Doc`` no longer among them is read again when asked."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._items: list[tuple[Doc, Any]] = []

    def get(self, doc: Doc) -> Any:
        for d, value in self._items:
            if d is doc:
                return value
        return None

    def put(self, doc: Doc, value: Any) -> None:
        items = self._items
        items.append((doc, value))
        if len(items) > self.size:
            del items[0]

    def pop(self, doc: Doc) -> None:
        self._items = [(d, v) for d, v in self._items if d is not doc]


_ENTS = _Recent()
_SENTS = _Recent()


def arrays(doc: Doc) -> DocArrays:
    """The :class:`DocArrays` of ``doc``, read on first use and kept while the ``Doc`` lives."""
    global _LAST
    last = _LAST  # the document asked for last (about 50 calls a short note), without a weak reference
    if last[0] is doc:
        return last[1]  # type: ignore[return-value]
    found = _ARRAYS.get(doc)
    if found is None:
        found = _ARRAYS[doc] = DocArrays(doc)
    _LAST = (doc, found)
    return found


#: the last document :func:`arrays` gave and its arrays, one tuple (read and replaced whole: threads)
_LAST: tuple[Doc | None, DocArrays | None] = (None, None)


def doc_ents(doc: Doc) -> Sequence[Span]:
    """``doc.ents``, built once for the last few documents read (spaCy builds every entity span on
    each access)."""
    found = _ENTS.get(doc)
    if found is None:
        found = doc.ents
        _ENTS.put(doc, found)
    return found


def doc_sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once for the last few documents read (spaCy builds every sentence
    span on each pass over ``doc.sents``); the list is shared: do not change it."""
    found = _SENTS.get(doc)
    if found is None:
        found = list(doc.sents)
        _SENTS.put(doc, found)
    return found


def forget(doc: Doc) -> None:
    """Drop what was read of ``doc``: its parse or entities changed."""
    global _LAST
    if _LAST[0] is doc:
        _LAST = (None, None)
    _ARRAYS.pop(doc, None)
    _ENTS.pop(doc)
    _SENTS.pop(doc)


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text built once (:func:`~cronica.nlp.matching.doc_text`)
    instead of joined from every token."""
    doc = span.doc
    text = doc.user_data.get("cronica.text")  # cronica.nlp.matching.doc_text, without an import a call
    if text is None:
        from cronica.nlp.matching import doc_text

        text = doc_text(doc)
    return text[span.start_char : span.end_char]

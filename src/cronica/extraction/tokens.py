"""Small helpers over spaCy tokens shared by the extract modules."""

from __future__ import annotations

from spacy.tokens import Span, Token


def entity_of(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of (with its label), or ``None``.

    Walks the token's IOB tags instead of scanning ``Doc.ents``, which builds every entity span of the
    document on each access."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type)

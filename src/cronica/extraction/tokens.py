"""Small helpers over spaCy tokens shared by the extract modules."""

from __future__ import annotations

from spacy.tokens import Span, Token

from cronica.nlp.arrays import arrays


def entity_of(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of (with its label), or ``None``.

    Walks the token's IOB tags instead of scanning ``Doc.ents``, which builds every entity span of the
    document on each access."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    inside = arrays(doc).ent_inside  # the IOB tags from the document's arrays: no Token a step
    start = tok.i
    while start > 0 and inside[start]:
        start -= 1
    end = tok.i + 1
    while end < len(inside) and inside[end]:
        end += 1
    return Span(doc, start, end, label=tok.ent_type)

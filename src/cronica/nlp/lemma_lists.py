"""The words a spaCy model's rule lemmatizer lists, by part of speech.

In: a loaded ``Language``. Out: the lower-cased words its lemmatizer's ``lemma_index`` table lists
for the parts of speech asked for ("noun", "verb", "adj", "adv"), as a frozenset. A pipeline with no
lemmatizer, a lookup lemmatizer without that table, or a part of speech the table lacks gives an
empty set for it; it never raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def lemma_index_words(nlp: Language, *parts_of_speech: str) -> frozenset[str]:
    """The words the lemmatizer's ``lemma_index`` table lists for any of ``parts_of_speech``."""
    if "lemmatizer" not in nlp.component_names:  # a disabled lemmatizer still holds its tables
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(word.lower() for pos in parts_of_speech for word in table.get(pos, ()))

"""The lemmatizer's word lists, read in one place (nlp/lemma_lists.py)."""

from __future__ import annotations

import spacy
from spacy.language import Language

from cronica.nlp.lemma_lists import lemma_index_words


def test_the_english_model_lists_verbs_and_nouns_apart(nlp: Language) -> None:
    verbs = lemma_index_words(nlp, "verb")
    nouns = lemma_index_words(nlp, "noun")
    assert {"kill", "abduct", "protest"} <= verbs
    assert "village" in nouns and "village" not in verbs
    assert lemma_index_words(nlp, "verb", "noun") == verbs | nouns


def test_a_pipeline_without_a_lemmatizer_lists_nothing() -> None:
    assert lemma_index_words(spacy.blank("en"), "verb") == frozenset()


def test_a_part_of_speech_the_table_lacks_lists_nothing(nlp: Language) -> None:
    assert lemma_index_words(nlp, "no-such-part") == frozenset()

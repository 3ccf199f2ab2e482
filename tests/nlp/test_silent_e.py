"""The e the English rule lemmatizer drops ("staged" -> "stag", "raped" -> "rap") given back from
cronica's own words; other lemmas untouched. Real model, sentences written for these tests."""

from __future__ import annotations

import cronica
from cronica.nlp.model import load_model
from cronica.nlp.silent_e import COMPONENT, data_words, inflects, stems


def lemmas(text: str) -> dict[str, str]:
    return {t.text: t.lemma_ for t in load_model()(text)}


def test_the_english_model_carries_the_component_last() -> None:
    assert load_model().pipe_names[-1] == COMPONENT


def test_a_dropped_e_is_given_back_to_the_words_the_rules_read() -> None:
    got = lemmas("Teachers staged protests after a girl was raped; soldiers keep raping and he rapes.")
    assert (got["staged"], got["raped"], got["raping"], got["rapes"]) == ("stage", "rape", "rape", "rape")


def test_other_lemmas_are_untouched() -> None:
    got = lemmas("The firm filed a case, soldiers fired, and a rap song played.")
    assert (got["filed"], got["fired"], got["rap"]) == ("file", "fire", "rap")


def test_the_table_holds_stems_of_words_with_a_silent_e_only() -> None:
    table = stems(data_words())
    assert table["rap"] == "rape" and table["stag"] == "stage"
    assert all(word.endswith("e") and word[:-1] == stem for stem, word in table.items())
    assert inflects("raping", "rape") and inflects("staged", "stage") and not inflects("rapped", "rape")


def test_a_rape_told_in_the_passive_is_an_event() -> None:
    events = cronica.extract(
        "A girl of 14 was raped by a soldier in Kalehe territory.", published="2021-03-10"
    ).events
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Violence against civilians", "Sexual violence")
    ]

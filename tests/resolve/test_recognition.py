"""Place recognition that does not trust NER labels."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceMention, find_country_evidence, find_place_mentions
from cronica.resolve.recognize import load_cues


def _mentions(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, PlaceMention]:
    return {m.span.text: m for m in find_place_mentions(nlp(text), gazetteer)}


def test_cue_file_validates() -> None:
    cues = load_cues()
    assert "in" in cues["locative_cues"] and cues["admin_suffixes"]["department"] == "admin1"


def test_cochabamba_is_a_place_although_ner_calls_it_a_person(
    nlp: Language, gazetteer: Gazetteer, bolivia_text: str
) -> None:
    doc = nlp(bolivia_text)
    assert any(e.text == "Cochabamba" and e.label_ == "PERSON" for e in doc.ents)  # the NER's mistake
    names = [m.span.text for m in find_place_mentions(doc, gazetteer)]
    assert names.count("Cochabamba") == 2


def test_people_and_demonyms_are_not_place_mentions(
    nlp: Language, gazetteer: Gazetteer, bolivia_text: str
) -> None:
    names = {m.span.text for m in find_place_mentions(nlp(bolivia_text), gazetteer)}
    for not_a_place in (
        "Morales",
        "Evo Morales",
        "Jeanine Áñez",
        "Áñez",
        "Carlos Huarachi",
        "Murillo",
        "Bolivian",
    ):
        assert not_a_place not in names
    assert {"El Alto", "La Paz", "Mexico", "Senkata", "Huayllani", "South America"} <= names


def test_unknown_name_in_a_facility_frame_is_contained_in_the_following_place(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "Soldiers fired around the Senkata state-owned gas plant in El Alto on Tuesday."
    m = _mentions(nlp, gazetteer, text)["Senkata"]
    assert not m.known and m.container is not None and m.container.text == "El Alto"
    assert m.relation == "facility_in"


def test_unknown_name_in_apposition_with_a_suburb_of_is_contained(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "Police opened fire in Huayllani, a suburb of Cochabamba, on Friday."
    m = _mentions(nlp, gazetteer, text)["Huayllani"]
    assert m.container is not None and m.container.text == "Cochabamba" and m.relation == "suburb_of"


def test_admin_suffix_marks_the_division_level(nlp: Language, gazetteer: Gazetteer) -> None:
    m = _mentions(nlp, gazetteer, "Roads were blocked across the Cochabamba department.")[
        "Cochabamba department"
    ]
    assert m.name == "Cochabamba" and m.admin_level == "admin1"


def test_organisation_sharing_a_place_name_is_not_a_place(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "As described by the London University economist Jeffery R. Webber, the coup was planned."
    assert "London" not in _mentions(nlp, gazetteer, text)


def test_demonyms_are_country_evidence(nlp: Language, gazetteer: Gazetteer) -> None:
    evidence = find_country_evidence(nlp("The Bolivian army and Mexican diplomats met."), gazetteer)
    assert [(e.span.text, e.country_code) for e in evidence] == [("Bolivian", "BO"), ("Mexican", "MX")]

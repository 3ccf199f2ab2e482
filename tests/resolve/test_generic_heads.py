"""A generic first word of a place name ("San", "Villa", "Puerto") followed at once by another capitalised
word begins one name, found or not, and is never a place alone: the gazetteer has towns called "San"
(Mali), "Villa" (Italy) and "Puerto" that such names would go to. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions


def test_a_generic_head_and_the_word_after_it_are_one_name(
    nlp_es: Language, nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "San" alone is a town in Mali, "Ingenio" one in Spain; "San Ingenio" is in no gazetteer
    doc = nlp_es("En San Ingenio, los vecinos bloquearon la avenida principal durante la noche del martes.")
    mentions = find_place_mentions(doc, gazetteer)
    assert [m.name for m in mentions] == ["San Ingenio"] and not mentions[0].known
    places, focus = resolver.resolve_with_focus(doc, mentions)
    assert focus.country_code != "ML" and places[0].country_code != "ML"

    doc = nlp("Bolivian police fired tear gas at neighbours who blocked a road in Puerto Ingenio on Tuesday.")
    mentions = find_place_mentions(doc, gazetteer)
    assert [m.name for m in mentions] == ["Puerto Ingenio"]
    places, focus = resolver.resolve_with_focus(doc, mentions)
    assert focus.country_code == "BO" and places[0].country_code == "BO"


def test_a_generic_head_in_a_known_name_is_that_name(nlp: Language, gazetteer: Gazetteer) -> None:
    doc = nlp("Farmers marched in San Cristóbal and in Villa Rica on Friday.")
    assert [m.name for m in find_place_mentions(doc, gazetteer)] == ["San Cristóbal", "Villa Rica"]

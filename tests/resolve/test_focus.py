"""The document's focus: its evidence, and the corpus hint a user gives (``--country``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from cronica.errors import CronicaError
from cronica.records import Place
from cronica.resolve import Focus, Gazetteer, PlaceResolver, country_codes, find_place_mentions


def _run(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str, hint: tuple[str, ...] = ()
) -> tuple[dict[str, Place], Focus]:
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions, hint)
    return {m.span.text: p for m, p in zip(mentions, places, strict=True)}, focus


def test_the_corpus_hint_places_a_name_the_gazetteer_lacks_in_that_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "Residents of Njirugu held a violent demonstration over an eviction notice."
    _places, without = _run(nlp, gazetteer, resolver, text)
    assert without.country_code is None
    places, focus = _run(nlp, gazetteer, resolver, "Protesters gathered in Njirugu on Monday.", ("KE",))
    assert focus.country_code == "KE" and any(e.kind == "hint" for e in focus.evidence)
    assert places["Njirugu"].country_code == "KE" and places["Njirugu"].precision == 3


def test_the_text_outweighs_the_corpus_hint(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "Police in Uganda dispersed protesters in Kampala and in Gulu; Ugandan officials in Jinja said."
    places, focus = _run(nlp, gazetteer, resolver, text, ("KE",))
    assert focus.country_code == "UG"
    assert places["Kampala"].country_code == "UG"


def test_country_hints_accept_codes_and_names_and_refuse_the_rest() -> None:
    assert country_codes(["ke", "Bolivia", "KEN"]) == ("KE", "BO")
    with pytest.raises(CronicaError, match="Narnia"):
        country_codes("Narnia")

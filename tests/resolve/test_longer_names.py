"""A longer name whose first word alone is a town abroad ("Villa" is a town in Italy, "Fátima" one in
Portugal) is the longer name, in the document's country; a name the gazetteer lacks falls back to the
place the text puts it in, else the dateline's division, never to a town the text only names as a
destination. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.records import Place
from cronica.resolve import Focus, Gazetteer, PlaceResolver, find_place_mentions


def _run(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str
) -> tuple[dict[str, Place], Focus]:
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions)
    return {p.name or m.span.text: p for m, p in zip(mentions, places, strict=True)}, focus


def test_a_spanish_dateline_with_a_dash_gives_the_country_and_a_longer_name_stays_in_it(
    nlp_es: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # neither "Villa" (Italy, France) nor "Fátima" (Portugal, Brazil, Peru) is Bolivian; the whole
    # name is not in the gazetteer
    text = (
        "LA PAZ.- Una caravana de camiones con garrafas de gas salió el jueves hacia Oruro escoltada por "
        "la policía.\n\n"
        "En Villa Fátima, los choferes del transporte público bloquearon la calle principal durante seis "
        "horas para exigir combustible."
    )
    places, focus = _run(nlp_es, gazetteer, resolver, text)
    assert focus.country_code == "BO"
    assert any(e.kind == "dateline" and e.country_code == "BO" for e in focus.evidence)
    villa = places["Villa Fátima"]
    assert villa.country_code == "BO" and villa.admin1 == "La Paz"
    assert "Villa Fátima" in villa.reason
    # the caravan's destination lends it nothing: the dateline's division does
    assert places["Oruro"].admin1 == "Oruro" and "dateline" in villa.reason
    assert text[villa.span.start : villa.span.end] == "Villa Fátima"


def test_a_longer_name_the_text_puts_inside_a_town_is_in_that_town(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "Bolivian police fired tear gas on Monday at residents who had blocked a road in the Villa "
        "Copacabana district of La Paz, a local rights group said."
    )
    places, focus = _run(nlp, gazetteer, resolver, text)
    assert focus.country_code == "BO"
    place = places["Villa Copacabana"]
    assert place.country_code == "BO" and place.admin1 == "La Paz" and place.precision == 2
    assert place.contained_in == "La Paz"
    # "Copacabana" is not read as a place of its own (the Colombian town)
    assert all(p.country_code == "BO" for p in places.values())

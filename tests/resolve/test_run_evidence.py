"""The run's say on a document (:func:`cronica.resolve.corpus.run_evidence`), case by case: one matrix of
runs (short texts written for these tests), a document read with the run's prior, and where its places
go. Each row is one case of the function's decision table."""

from __future__ import annotations

import pytest
from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions
from cronica.resolve.corpus import CorpusPrior, CountryScanner, corpus_prior, run_evidence

KENYA = [
    "Police in Kisumu county dispersed traders protesting against new levies.",
    "Kenyan police arrested four suspects in Eldoret on Monday.",
    "Residents of Garissa county blocked a road over insecurity.",
    "Boda boda riders protested in Nakuru county after a colleague was killed.",
    "Teachers marched in Nairobi, Kenya, demanding their arrears.",
    "Herders clashed over pasture in Marsabit county; two people were injured.",
]
# two countries, the runner-up at a quarter of the run or more: neither is a guess for a bare note
NIGERIA_IRAQ = [
    "Gunmen killed three farmers in Kaduna state, Nigeria.",
    "Nigerian troops repelled an attack in Borno state.",
    "Bandits abducted ten villagers in Zamfara state.",
    "Protesters blocked a road in Lagos, Nigeria, over fuel prices.",
    "Iraqi protesters gathered in Basra province over power cuts.",
    "A roadside bomb struck an army patrol in Diyala province, Iraq.",
    "Iraqi security forces dispersed a sit-in in Baghdad.",
]
# the whole world, one note a country: no country, no region
WORLD = [
    "Kenyan police dispersed traders in Nairobi.",
    "Chilean students marched in Santiago, Chile.",
    "Indonesian police arrested activists in Jakarta, Indonesia.",
    "Serbian farmers blocked roads near Novi Sad, Serbia.",
    "Venezuelan troops clashed with gunmen in Zulia state, Venezuela.",
    "Haitian protesters burned tyres in Port-au-Prince, Haiti.",
]
SMALL_UNANIMOUS = [
    "Gunmen attacked a market in Mandera county, Kenya.",
    "Kenyan police said the gunmen fled towards the border.",
    "On 3 June, traders blocked the main road in Capannori to protest against the closure of the market.",
]
SMALL_SPLIT = [
    "Gunmen attacked a market in Mandera county, Kenya.",
    "Somali troops said the gunmen fled towards the border.",
    "On 3 June, traders blocked the main road in Capannori to protest against the closure of the market.",
]
# one massacre in three reports: the first places the village, the others name it bare
MASSACRE = [
    "On 5 June 2021, gunmen killed 160 civilians in Solhan, a village in Yagha province in northern "
    "Burkina Faso.",
    "On 6 June 2021, residents of Solhan buried the victims of the attack after gunmen killed 160 people.",
    "On 5 June 2021, militants attacked the village of Solhan and killed dozens of people.",
]
# a name two reports of the run place in two countries: the run says nothing of it
TWO_TRIPOLIS = [
    "Protesters gathered in Tripoli, Lebanon, against the price of bread.",
    "Shells struck a house in Tripoli, Libya, killing two civilians.",
    "On 9 May, rioters hurled a Molotov cocktail at a bank in Tripoli.",
]

# a run about two countries of two regions: a bare name of one of them is that country's
LEBANON_NIGERIA = [
    "Lebanese protesters blocked roads in Beirut over the price of bread.",
    "Protesters gathered in Sidon, Lebanon, against the banks.",
    "Lebanese army troops dispersed a sit-in in Zahle.",
    "Rioters burned tyres in Tyre, Lebanon, over power cuts.",
    "Lebanese students marched in Byblos against fees.",
    "Gunmen killed three farmers in Kaduna state, Nigeria.",
    "Nigerian troops repelled an attack in Borno state.",
    "Bandits abducted ten villagers in Zamfara state, Nigeria.",
    "Protesters blocked a road in Lagos, Nigeria, over fuel prices.",
    "Nigerian police arrested twelve suspects in Kano.",
]
BARE_TRIPOLI = "On 9 May, protesters gathered outside the Seray in Tripoli to demand the activists' release."

BARE_CAPANNORI = (
    "On 3 June, traders blocked the main road in Capannori to protest against the closure of the market."
)
OWN_COUNTRY = "On 3 June, traders blocked the main road in Capannori, Italy, to protest against new taxes."

CASES = [
    # (case, run, document, focus, {place words: country})
    ("single country", KENYA, BARE_CAPANNORI, "KE", {"Capannori": "KE"}),
    ("two countries at 25-50%", NIGERIA_IRAQ, BARE_CAPANNORI, "IT", {"Capannori": "IT"}),
    ("mixed regions", WORLD, BARE_CAPANNORI, "IT", {"Capannori": "IT"}),
    ("a country the run is about", LEBANON_NIGERIA, BARE_TRIPOLI, "LB", {"Tripoli": "LB"}),
    ("no country of the run", NIGERIA_IRAQ, BARE_TRIPOLI, "LY", {"Tripoli": "LY"}),
    ("small run, unanimous", SMALL_UNANIMOUS, SMALL_UNANIMOUS[2], "KE", {"Capannori": "KE"}),
    ("small run, split", SMALL_SPLIT, SMALL_SPLIT[2], "IT", {"Capannori": "IT"}),
    ("the document's own country", KENYA, OWN_COUNTRY, "IT", {"Capannori": "IT", "Italy": "IT"}),
    ("a name the run places", MASSACRE, MASSACRE[1], "BF", {"Solhan": "BF"}),
    ("a name the run places, village of", MASSACRE, MASSACRE[2], "BF", {"Solhan": "BF"}),
    (
        "a name the run places, its own country",
        MASSACRE,
        "Police in Solhan, Turkey, arrested two men.",
        "TR",
        {"Solhan": "TR", "Turkey": "TR"},
    ),
]


def _read(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str, prior: CorpusPrior
) -> tuple[str | None, dict[str, str | None]]:
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions, prior=prior)
    return focus.country_code, {m.span.text: p.country_code for m, p in zip(mentions, places, strict=True)}


@pytest.mark.parametrize(("case", "run", "text", "focus", "places"), CASES, ids=[c[0] for c in CASES])
def test_the_run_s_say_on_a_document(
    nlp: Language,
    gazetteer: Gazetteer,
    resolver: PlaceResolver,
    case: str,
    run: list[str],
    text: str,
    focus: str,
    places: dict[str, str],
) -> None:
    prior = corpus_prior(run, gazetteer)
    assert _read(nlp, gazetteer, resolver, text, prior) == (focus, places), (case, prior.to_dict())


def test_the_shares_of_each_kind_of_run(gazetteer: Gazetteer) -> None:
    regions = gazetteer.regions()
    assert corpus_prior(KENYA, gazetteer).shares() == {"KE": 1.0}
    two = corpus_prior(NIGERIA_IRAQ, gazetteer)
    assert dict(two.votes) == {"NG": 4, "IQ": 3}
    assert two.shares() == {}
    assert two.countries_about() == frozenset()  # seven documents: fewer than five a country
    world = corpus_prior(WORLD, gazetteer)
    assert world.shares() == {} and world.present_regions(regions) == frozenset()
    assert corpus_prior(SMALL_UNANIMOUS, gazetteer).shares() == {"KE": 1.0}
    assert corpus_prior(SMALL_SPLIT, gazetteer).shares() == {}


def test_a_bare_name_placed_by_another_report_goes_where_that_report_puts_it(gazetteer: Gazetteer) -> None:
    scanner = CountryScanner(gazetteer)
    assert scanner.placed(MASSACRE[0]) == {"solhan": ("BF", "yagha")}
    assert scanner.placed("Clashes in Solhan village in Yagha province.") == {"solhan": ("BF", "yagha")}
    assert scanner.placed("Teachers marched in Nairobi, Kenya.") == {"nairobi": ("KE", "")}
    # a country in a list of countries is placed nowhere
    assert scanner.placed("Kenya, Uganda and Tanzania signed the deal.") == {}
    prior = corpus_prior(MASSACRE, gazetteer)
    assert prior.placement("solhan") == ("BF", "yagha")
    # two reports place Tripoli in two countries: the run says nothing of it
    assert corpus_prior(TWO_TRIPOLIS, gazetteer).placement("tripoli") is None


def test_a_document_that_states_a_country_takes_nothing_from_the_names_the_run_places(
    gazetteer: Gazetteer,
) -> None:
    from cronica.resolve.focus import WEIGHTS, FocusEvidence

    prior = corpus_prior(MASSACRE, gazetteer)
    bare = [("solhan", "Solhan")]
    named = [FocusEvidence("country_name", "TR", WEIGHTS["country_name"], "Turkey")]
    out = run_evidence(prior, named, gazetteer.regions(), ["TR"], "Solhan, Turkey", bare)
    assert [(e.kind, e.country_code) for e in out] == [("country_name", "TR")]
    out = run_evidence(prior, [], gazetteer.regions(), ["TR"], "residents of Solhan", bare)
    assert [(e.kind, e.country_code, e.weight) for e in out] == [("corpus_place", "BF", 2.0)]


def test_a_chain_of_names_places_the_name_in_the_country_its_last_division_lies_in(
    gazetteer: Gazetteer,
) -> None:
    scanner = CountryScanner(gazetteer)
    # Brazil has a town Palma in a district Palma; Cabo Delgado, where the chain ends, is Mozambique's
    assert scanner.placed("Militants attacked the district of Palma (Palma, Cabo Delgado).") == {
        "palma": ("MZ", "cabo delgado")
    }
    # a name the gazetteer lacks, written inside a first-level division of one country
    assert scanner.placed("Shelling was heard near Vodyane, Donetsk, on Monday.") == {
        "vodyane": ("UA", "donetsk")
    }


DONBAS = [
    f"On {d} May, shelling was reported near {v}, Donetsk."
    for d, v in enumerate(
        ["Vodyane", "Avdiivka", "Pisky", "Marinka", "Krasnohorivka", "Shyrokyne", "Pavlopil"], start=1
    )
] + ["On 9 May, shelling was reported near Zolote, Luhansk."]


def test_a_village_of_several_divisions_is_read_by_the_divisions_the_run_places_its_names_in(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    prior = corpus_prior(DONBAS, gazetteer)
    assert prior.divisions("UA") == ("donetsk",) and prior.division("UA") == "donetsk"
    doc = nlp("On 9 May 2020, the OSCE SMM observed a total of 6 explosions near Lozove.")
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions, prior=prior)
    # the gazetteer's two Lozoves lie in other oblasts: the division the run is about, at precision 2
    assert focus.country_code == "UA"
    assert [(p.admin1, p.precision) for p in places] == [("Donetsk", 2)]
    # the run's bare "Vodyane" is the one the run places in Donetsk, not the gazetteer's in Zaporizhzhia
    doc = nlp("On 10 May 2020, the OSCE SMM observed a total of 6 explosions near Vodyane.")
    places, _focus = resolver.resolve_with_focus(doc, find_place_mentions(doc, gazetteer), prior=prior)
    assert [(p.admin1, p.precision) for p in places] == [("Donetsk", 2)]


def test_a_country_the_run_is_about_counts_only_where_the_note_names_a_known_place_of_it(
    gazetteer: Gazetteer,
) -> None:
    prior = corpus_prior(LEBANON_NIGERIA, gazetteer)
    assert prior.countries_about() == frozenset({"LB", "NG"})
    regions = gazetteer.regions()
    # "Tripoli": Lebanon's second city is a known place, Libya is no country of the run
    out = run_evidence(prior, [], regions, ["LY", "LB", "GR"], BARE_TRIPOLI, known_in=["LY", "LB", "GR"])
    assert [(e.kind, e.country_code, e.weight) for e in out] == [("corpus_about", "LB", 1.0)]
    # a name that is only a hamlet in a country of the run says nothing of it
    assert run_evidence(prior, [], regions, ["LB", "GB"], "residents of Hay", known_in=["GB"]) == []

"""The corpus prior: the country most of a run's documents state places a note that names none, and
never outweighs the text's own words. Texts written for these tests."""

from __future__ import annotations

import pickle
import random

from spacy.language import Language

from cronica.parallel import PipelineSpec
from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions
from cronica.resolve.corpus import MIN_STATING, CorpusPrior, CountryScanner, corpus_prior

KENYAN_BATCH = [
    "Police in Kisumu county dispersed traders protesting against new levies.",
    "Kenyan police arrested four suspects in Eldoret on Monday.",
    "Residents of Garissa county blocked a road over insecurity.",
    "Boda boda riders protested in Nakuru county after a colleague was killed.",
    "Teachers marched in Nairobi, Kenya, demanding their arrears.",
    "Kenya Defence Forces repulsed an attack near the border with Somalia.",
    "Herders clashed over pasture in Marsabit county; two people were injured.",
    "Somali traders protested in Mogadishu over taxes.",
    "Traders blocked the main road in Capannori to protest against the closure of the market.",
]


def _focus_and_places(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str, prior: CorpusPrior | None
) -> tuple[str | None, dict[str, str | None]]:
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions, prior=prior)
    return focus.country_code, {m.span.text: p.country_code for m, p in zip(mentions, places, strict=True)}


def test_the_scanner_reads_country_names_demonyms_and_divisions_named_with_their_level(
    gazetteer: Gazetteer,
) -> None:
    scanner = CountryScanner(gazetteer)
    assert scanner.countries("Police in Garissa county arrested two men.") == {"KE": 1}
    assert scanner.countries("Kenyan police and Ugandan soldiers met in Kenya.") == {"KE": 2, "UG": 1}
    assert scanner.countries("Fighting resumed in Helmand province.") == {"AF": 1}
    # a town's name alone states nothing: it may be anywhere
    assert scanner.countries("Traders blocked the main road in Capannori.") == {}
    assert scanner.vote("Kenyan police met Ugandan soldiers.") is None  # two countries, as often


def test_a_majority_of_the_documents_that_state_a_country_makes_the_prior(gazetteer: Gazetteer) -> None:
    prior = corpus_prior(KENYAN_BATCH, gazetteer)
    assert prior.documents == len(KENYAN_BATCH)
    assert prior.shares() == {"KE": round(6 / 7, 3)}
    assert [e.country_code for e in prior.evidence()] == ["KE"]
    # a batch of several countries, none a majority of it: no prior (the most stated is no guess)
    mixed = CorpusPrior.from_votes({"UA": 37, "YE": 15, "TR": 11, "AZ": 11, "IN": 10, "LB": 16}, 300)
    assert mixed.shares() == {}
    # a handful of documents is no corpus, unless all of them that state a country state the same one
    # (three reports of one massacre: two in Burkina Faso, one that names only the village)
    assert CorpusPrior.from_votes({"KE": MIN_STATING - 2, "UG": 1}, MIN_STATING).shares() == {}
    assert CorpusPrior.from_votes({"BF": 2}, 3).shares() == {"BF": 1.0}
    assert CorpusPrior.from_votes({"BF": 1}, 3).shares() == {}


def test_a_batch_of_two_countries_makes_no_prior_for_its_larger_one() -> None:
    # a merged export of two countries: the leader holds a majority, but a note of the other country
    # that names none is no note of the leader's
    two = CorpusPrior.from_votes({"NG": 60, "IQ": 30, "TR": 10}, 200)
    assert two.shares() == {} and two.evidence() == []
    # a few notes of neighbours in a one-country export leave its prior as it was
    one = CorpusPrior.from_votes({"KE": 90, "SO": 6, "UG": 4}, 200)
    assert one.shares() == {"KE": 0.9}


def test_the_prior_does_not_depend_on_the_order_or_the_split_of_the_input(gazetteer: Gazetteer) -> None:
    texts = KENYAN_BATCH * 3
    shuffled = list(texts)
    random.Random(7).shuffle(shuffled)
    assert corpus_prior(shuffled, gazetteer) == corpus_prior(texts, gazetteer)
    halves = [corpus_prior(shuffled[:10], gazetteer), corpus_prior(shuffled[10:], gazetteer)]
    summed: dict[str, int] = {}
    nested: dict[str, int] = {}
    placed: dict[tuple[str, str, str], int] = {}
    for half in halves:
        for code, n in half.votes:
            summed[code] = summed.get(code, 0) + n
        for code, n in half.nested:
            nested[code] = nested.get(code, 0) + n
        for name, code, division, n in half.placed:
            placed[name, code, division] = placed.get((name, code, division), 0) + n
    whole = corpus_prior(texts, gazetteer)
    assert whole.placed  # "Nairobi, Kenya": a name the run places
    assert CorpusPrior.from_votes(summed, len(texts), nested, placed) == whole


def test_a_spec_with_a_prior_travels_to_workers_unchanged(gazetteer: Gazetteer) -> None:
    spec = PipelineSpec(prior=corpus_prior(KENYAN_BATCH, gazetteer))
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert hash(spec) == hash(pickle.loads(pickle.dumps(spec)))


def test_a_note_that_names_no_country_takes_the_corpus_country_not_a_namesake_abroad(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    prior = corpus_prior(KENYAN_BATCH, gazetteer)
    text = (
        "On 3 June, traders blocked the main road in Capannori to protest against the closure of the market."
    )
    assert _focus_and_places(nlp, gazetteer, resolver, text, None) == ("IT", {"Capannori": "IT"})
    assert _focus_and_places(nlp, gazetteer, resolver, text, prior) == ("KE", {"Capannori": "KE"})


def test_the_text_s_own_words_outweigh_the_prior(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    prior = corpus_prior(KENYAN_BATCH, gazetteer)
    named = "On 3 June, traders blocked the main road in Capannori, Italy, to protest against new taxes."
    assert _focus_and_places(nlp, gazetteer, resolver, named, prior) == (
        "IT",
        {"Capannori": "IT", "Italy": "IT"},
    )
    # a well-known city abroad stays itself even when the prior makes the corpus's country the focus
    focus, places = _focus_and_places(
        nlp, gazetteer, resolver, "On 5 June, militants clashed with troops in Mogadishu.", prior
    )
    assert places == {"Mogadishu": "SO"}


MIDDLE_EAST_BATCH = [
    "Syrian government forces shelled villages in Idlib governorate.",
    "Protesters gathered in Baghdad, Iraq, against power cuts.",
    "Houthi forces clashed with government troops in Marib governorate, Yemen.",
    "Lebanese protesters blocked roads in Beirut over the price of bread.",
    "Jordanian teachers marched in Amman demanding a pay rise.",
    "Clashes erupted in Taiz governorate between rival forces.",
    "Israeli forces raided a house in Jenin, in the West Bank.",
    "Iraqi security forces dispersed a sit-in in Basra province.",
]


def test_an_export_of_one_region_prefers_the_namesake_in_that_region(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    prior = corpus_prior(MIDDLE_EAST_BATCH, gazetteer)
    assert prior.shares() == {}  # no country is a majority of the batch
    assert set(prior.region_shares(gazetteer.regions())) == {"Asia"}
    text = "On 9 May, protesters gathered outside the courthouse in Tripoli to demand the activists' release."
    assert _focus_and_places(nlp, gazetteer, resolver, text, None) == ("LY", {"Tripoli": "LY"})
    assert _focus_and_places(nlp, gazetteer, resolver, text, prior) == ("LB", {"Tripoli": "LB"})


def test_a_region_whose_country_is_in_the_prior_adds_nothing_for_its_neighbours(gazetteer: Gazetteer) -> None:
    regions = gazetteer.regions()
    kenyan = CorpusPrior.from_votes({"KE": 80, "SO": 10, "ET": 10}, 300)
    assert kenyan.shares() == {"KE": 0.8}
    assert kenyan.region_shares(regions) == {"Africa": 1.0}
    assert [(e.kind, e.country_code) for e in kenyan.evidence(regions, ["KE", "ET", "IT"])] == [
        ("corpus", "KE")
    ]
    mixed = CorpusPrior.from_votes({"SY": 30, "YE": 30, "LB": 25, "US": 3}, 300)
    assert [(e.kind, e.country_code) for e in mixed.evidence(regions, ["LB", "LY", "US"])] == [
        ("corpus_region", "LB")
    ]
    # names that also exist in another region the run is about (Africa: 12 of 100 documents): no region
    # evidence ("Pala" in an export of Nepal, Indonesia and Chad)
    asian = CorpusPrior.from_votes({"NP": 45, "ID": 43, "TD": 12}, 300)
    assert asian.region_shares(regions) == {"Asia": 0.88}
    assert asian.present_regions(regions) == frozenset({"Asia", "Africa"})
    assert asian.evidence(regions, ["AF", "TD", "US"]) == []
    assert [(e.kind, e.country_code) for e in asian.evidence(regions, ["AF", "US"])] == [
        ("corpus_region", "AF")
    ]


def test_a_named_actor_of_one_country_says_where_a_note_that_names_no_country_happens(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 2 May, the OSCE SMM recorded 14 explosions near Capannori."
    focus, places = _focus_and_places(nlp, gazetteer, resolver, text, None)
    assert (focus, places) == ("UA", {"Capannori": "UA"})
    # a named place of the actor's country stays itself; so does a well-known city elsewhere
    assert _focus_and_places(
        nlp, gazetteer, resolver, "Houthi forces fired missiles at Marib city on 3 May.", None
    ) == ("YE", {"Marib": "YE"})
    _focus, places = _focus_and_places(
        nlp, gazetteer, resolver, "On 4 May, Houthi supporters rallied in London.", None
    )
    assert places == {"London": "GB"}
    assert CountryScanner(gazetteer).countries("The OSCE SMM and pro-Houthi fighters") == {"UA": 1, "YE": 1}


def test_a_small_town_on_another_continent_than_the_run_s_regions_is_a_namesake(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Farka: the gazetteer's only entry is a village of Albania; the run is about two African countries
    text = "Gunmen took a motorbike from the health post in the village of Farka on Sunday."
    africa = CorpusPrior.from_votes({"MZ": 16, "NE": 14, "FR": 2}, 188)
    assert africa.present_regions(gazetteer.regions()) == frozenset({"Africa"})
    # a batch of the whole world (one note from each of twelve countries) is about no region
    world = CorpusPrior.from_votes(
        {c: 1 for c in ("CD", "CL", "CM", "HT", "ID", "IR", "ML", "PH", "RS", "TZ", "VE", "ZW")}, 14
    )
    assert world.present_regions(gazetteer.regions()) == frozenset()
    focus, places = _focus_and_places(nlp, gazetteer, resolver, text, africa)
    assert places["Farka"] != "AL" and focus != "AL"
    # a run with as many European documents keeps it, and so does a note that names Albania
    mixed = CorpusPrior.from_votes({"MZ": 16, "NE": 14, "FR": 12}, 188)
    assert _focus_and_places(nlp, gazetteer, resolver, text, mixed)[1]["Farka"] == "AL"
    named = "Gunmen took a motorbike from the health post in the village of Farka, Albania, on Sunday."
    assert _focus_and_places(nlp, gazetteer, resolver, named, africa)[1]["Farka"] == "AL"


def test_a_division_named_with_its_level_word_states_its_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Dolpa, a district of Nepal without a point in the gazetteer, outweighs Hun, a Libyan town of 19,000
    text = "Residents blocked the road at Hun village (Dolpa district) on Monday."
    focus, places = _focus_and_places(nlp, gazetteer, resolver, text, None)
    assert focus == "NP"
    assert places["Hun"] != "LY"


def test_places_that_agree_with_each_other_keep_their_country_in_a_run_about_another_region(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # an export that mixes DR Congo (whose notes name their country) with the Philippines (whose notes
    # name only barangays, towns and provinces): the note's own places, inside each other, say where
    text = "A drug suspect was killed during a police raid in Barangay Santol, Balayan, Batangas."
    congo = CorpusPrior.from_votes({"CD": 90}, 160)
    assert congo.present_regions(gazetteer.regions()) == frozenset({"Africa"})
    focus, places = _focus_and_places(nlp, gazetteer, resolver, text, congo)
    assert focus == "PH", (focus, places)
    assert places.get("Balayan") == "PH" or places.get("Batangas") == "PH", places


def test_names_written_one_inside_the_other_vote_for_their_country_when_no_words_name_one(
    gazetteer: Gazetteer,
) -> None:
    # a batch mixing Philippine notes, which name only barangays, towns and provinces, with Congolese
    # notes that name their country: the nested names make the Philippines a country of the run too
    scanner = CountryScanner(gazetteer)
    philippine = [
        "Gunmen shot dead a barangay captain in Barangay Poblacion, Kabankalan, Negros Occidental.",
        "Farmers marched to the provincial capitol in Tacloban (Leyte, Eastern Visayas) over land titles.",
        "A drug suspect was killed in a police operation in Barangay Banaba, Calamba, Laguna.",
        "Soldiers clashed with rebels in the hinterlands of Sitio Lumbia, Malaybalay, Bukidnon.",
        "Jeepney drivers held a noise barrage in Barangay Lahug, Cebu City, Cebu.",
        "Students rallied in Iloilo City, Iloilo, against the closure of their school.",
    ]
    congolese = [
        "Congolese soldiers repelled an attack in Beni territory.",
        "ADF fighters killed three civilians in the Democratic Republic of Congo's Ituri province.",
        "Protesters in Kinshasa, DR Congo, demanded the release of activists.",
        "Congolese police dispersed students in Bukavu.",
        "Mai-Mai militiamen clashed with Congolese soldiers near Uvira.",
    ]
    assert scanner.countries(philippine[0]) == {}
    assert scanner.nested(philippine[0]) == {"PH": 1}
    assert scanner.votes(philippine[0]) == (None, "PH")
    assert [scanner.votes(t)[1] for t in philippine].count("PH") >= 5
    # a town's name alone, without the division it lies in, states nothing ("San Pedro": a dozen countries)
    assert scanner.votes("Traders blocked the main road in San Pedro on Monday.") == (None, None)
    # a text that states its country votes for it alone
    assert scanner.votes("Protesters in Kinshasa, DR Congo, demanded the release of activists.") == (
        "CD",
        None,
    )
    prior = corpus_prior(philippine + congolese, gazetteer)
    # the country shares are the stated votes' (Congo's); the run is about Asia as well as Africa
    assert prior.shares() == {"CD": 1.0}
    assert prior.present_regions(gazetteer.regions()) == frozenset({"Africa", "Asia"})
    assert CorpusPrior.from_votes({"CD": 5}, 11).present_regions(gazetteer.regions()) == frozenset({"Africa"})


def test_a_note_whose_places_lie_in_another_region_of_the_run_is_not_read_as_the_run_s_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # DR Congo's notes name their country (the stated votes); the Philippines' notes name provinces and
    # towns, one inside the other (the nested votes): the run is about Africa and Asia
    run = CorpusPrior.from_votes({"CD": 40, "UG": 1}, 160, nested={"PH": 45, "CD": 8})
    assert run.shares() == {"CD": round(40 / 41, 3)}
    assert run.present_regions(gazetteer.regions()) == frozenset({"Africa", "Asia"})
    text = "Soldiers clashed with communist rebels in the mountains of Northern Samar."
    focus, places = _focus_and_places(nlp, gazetteer, resolver, text, run)
    assert focus == "PH", (focus, places)
    # a run about Africa alone keeps reading the province as a namesake (as before)
    africa = CorpusPrior.from_votes({"CD": 40, "UG": 1}, 160)
    assert _focus_and_places(nlp, gazetteer, resolver, text, africa)[0] == "CD"
    # a note that names only a small place of the other region is still read by the run's country
    hamlet = "Gunmen killed a farmer near his fields in Hema on Sunday."
    assert _focus_and_places(nlp, gazetteer, resolver, hamlet, run)[0] == "CD"


def test_an_armed_group_of_a_few_countries_says_which_country_of_the_run_a_note_is_about(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # an export of Mozambique and Niger: Boko Haram acts in Nigeria, Niger, Chad and Cameroon, of which
    # the run is about Niger alone
    text = "Suspected Boko Haram fighters abducted four herders from a camp near the village of Toumbounga."
    run = CorpusPrior.from_votes({"MZ": 16, "NE": 14, "SD": 3, "FR": 2, "NG": 2, "ML": 1}, 188)
    assert run.countries_about() == frozenset({"MZ", "NE"})
    focus, _places = _focus_and_places(nlp, gazetteer, resolver, text, run)
    assert focus == "NE"
    # a run about Nigeria, Niger and Chad: the group is in all three, it says nothing; nor without a run
    lake_chad = CorpusPrior.from_votes({"NG": 20, "NE": 20, "TD": 10}, 100)
    assert _focus_and_places(nlp, gazetteer, resolver, text, lake_chad)[0] is None
    assert _focus_and_places(nlp, gazetteer, resolver, text, None)[0] is None


def test_a_region_s_share_goes_to_the_countries_the_run_is_about(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # an export of Nepal, Indonesia and Chad: Bhojpur is a district of Nepal and of India (Bihar), and no
    # five of the run's documents state India
    regions = gazetteer.regions()
    asian = CorpusPrior.from_votes({"NP": 45, "ID": 43, "TD": 12, "IN": 1}, 300)
    assert asian.countries_about() == frozenset({"NP", "ID", "TD"})
    assert [(e.kind, e.country_code) for e in asian.evidence(regions, ["IN", "NP"])] == [
        ("corpus_region", "NP")
    ]
    # a region none of whose candidate countries the run is about still shares among them all
    assert {e.country_code for e in asian.evidence(regions, ["IN", "PK"])} == {"IN", "PK"}
    text = "Teachers staged a sit-in around Bhojpur area (Bhojpur District) over unpaid salaries."
    focus, places = _focus_and_places(nlp, gazetteer, resolver, text, asian)
    assert focus == "NP" and places["Bhojpur"] == "NP"

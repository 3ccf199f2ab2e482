"""South Asian notes in ACLED's style, written for these tests (issue 11): a state's force known by its own
name acting across the border is External/other forces; a party's people who attack or fight are a mob;
an unknown acronym's troops are a group's, not the state's; a clash of the police with unarmed people is
their riot; a district written as one word is found (actors.yaml ``generic`` ``country``,
conventions.yaml ``named_groups``, ``mob_violence.state_clash``, ``armed_victims.beaten``)."""

from __future__ import annotations

import pytest

import cronica
from cronica.records import Event


def events(text: str, published: str = "2021-05-11") -> list[Event]:
    return list(cronica.extract(text, published=published, id="t").events)


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, BSF members shot dead a Bangladeshi cattle trader at the border in Chapainawabganj "
        "district.",
        "On 14 June 2021, members of the Indian Border Security Force (BSF) beat a Bangladeshi youth to "
        "death near the border in Jessore district.",
    ],
)
def test_a_named_force_of_one_country_across_the_border_is_external(text: str) -> None:
    first = events(text)[0]
    assert (first.event_type, first.sub_event_type) == ("Violence against civilians", "Attack")
    assert first.actor1 is not None and first.actor1.inter == 8
    assert "India" in first.actor1.name and "Border Security Force" in first.actor1.name
    assert first.actor2 is not None and first.actor2.inter == 7
    assert first.location.country == "Bangladesh"


def test_the_same_force_at_home_is_the_state() -> None:
    first = events(
        "On 6 June 2021, BSF personnel clashed with militants in Kupwara district of Jammu and Kashmir."
    )[0]
    assert first.actor1 is not None and first.actor1.inter == 1
    assert first.actor1.name.startswith("Police Forces of India")


def test_a_border_guard_at_home_is_its_own_states_force() -> None:
    first = events("On 12 February 2021, BGB members detained 12 Indian nationals in Chuadanga district.")[0]
    assert first.actor1 is not None and first.actor1.inter == 1
    assert first.actor1.name.startswith("Military Forces of Bangladesh")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, AL activists attacked a BNP procession in Sonagazi upazila of Feni district, "
        "injuring 10.",
        "On 5 April 2021, Chhatra League men attacked Chhatra Dal activists at Dhaka University, injuring 6.",
        "On 9 August 2021, JP workers attacked the house of a rival leader in Rangpur, injuring two.",
    ],
)
def test_a_partys_people_who_attack_are_a_mob(text: str) -> None:
    first = events(text)[0]
    assert (first.event_type, first.sub_event_type) == ("Riots", "Mob violence")
    assert first.actor1 is not None and first.actor1.inter == 5
    # the party stays associated with its rioters
    assert first.actor1.associated


def test_an_unknown_acronyms_troops_are_a_group_not_the_state() -> None:
    first = events(
        "On 10 January 2021, KIA troops clashed with the Myanmar military in Hpakant township, Kachin state."
    )[0]
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    sides = {(a.name, a.inter) for a in (first.actor1, first.actor2) if a is not None}
    assert ("KIA", 2) in sides and any(inter == 1 for _, inter in sides)


def test_a_state_army_the_text_defines_keeps_its_troops() -> None:
    first = events(
        "On 10 January 2021, troops of the Libyan National Army (LNA) shelled positions in Tripoli. LNA "
        "troops then clashed with militias south of the city."
    )[-1]
    assert first.actor1 is not None and first.actor1.inter != 2


@pytest.mark.parametrize(
    "text",
    [
        "Twelve persons, including 10 policemen, were injured in separate clashes between policemen and "
        "businessmen at different places in Narayanganj today. The businessmen were protesting the eviction "
        "of their shops.",
        "On 4 May 2021, a clash broke out between police personnel and Jamaat cadres in Satkhira after the "
        "latter tried to foil a meeting.",
        "A man was shot and killed during ensuing clashes with police in Kisumu on Monday.",
    ],
)
def test_a_clash_of_the_police_with_unarmed_people_is_their_riot(text: str) -> None:
    first = events(text)[0]
    assert first.event_type == "Riots"
    assert first.actor1 is not None and first.actor1.inter == 5
    assert first.actor2 is not None and first.actor2.inter == 1


def test_a_clash_the_police_were_not_a_side_of_stays() -> None:
    # the police reservists were caught in the crossfire: the clash is not theirs with the victims
    first = events(
        "On or before October 17th, two people were killed in a clash in Jaldesa (Marsabit), and two police "
        "reservists were wounded in the crossfire."
    )[0]
    assert first.event_type == "Battles"


def test_the_police_who_assaulted_people_attacked_civilians() -> None:
    first = events(
        "On 29 March 2020, a police officer assaulted two individuals near Rajbiraj area (Saptari district), "
        "for staying out of their home during the lockdown.",
        published="2020-04-01",
    )[0]
    assert (first.event_type, first.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_district_written_as_one_word_is_found() -> None:
    # GeoNames: "Chapai Nawabganj" (a second-level division of Bangladesh)
    first = events(
        "On 3 March 2021, BSF members shot dead a Bangladeshi cattle trader at the border in Chapainawabganj "
        "district."
    )[0]
    assert first.location.admin1 == "Rajshahi"
    assert first.location.status == "resolved"


def test_shells_of_tear_gas_are_no_shelling() -> None:
    found = events("On 4 May 2021, police fired shells of tear gas to disperse the crowd in Birgunj.")
    assert found and all(e.event_type != "Explosions/Remote violence" for e in found)


def test_the_forces_of_a_place_the_gazetteer_found_are_its_countrys() -> None:
    # the demonym makes India the document's country; the place is Bangladesh's, and so are its police
    first = events("On 2 June 2021, police arrested two Indian nationals in Satkhira.")[0]
    assert first.location.country == "Bangladesh"
    assert first.actor1 is not None and first.actor1.name == "Police Forces of Bangladesh"


def test_an_acronym_spelled_out_as_no_partys_name_has_no_party_cadres() -> None:
    # the group's "cadres" are no party's people: the clash stays a battle
    found = events(
        "On 5 May 2020, the Popular Defence Front of Ituri (PDFI) clashed with FARDC at a military camp near "
        "Bunia, killing 6. At least 2 FARDC were injured. The PDFI cadres looted several weapons and set on "
        "fire some huts during the clash.",
        published="2020-05-09",
    )
    assert found and found[0].event_type == "Battles"
    assert all(e.actor1 is None or e.actor1.inter != 5 for e in found)


def test_supporters_of_rival_candidates_who_clash_are_a_mob_even_with_a_death() -> None:
    first = events(
        "On 9 May 2021, supporters of two rival AL candidates clashed ahead of the UP election in Cumilla, "
        "leaving one dead.",
        published="2021-05-12",
    )[0]
    assert (first.event_type, first.sub_event_type) == ("Riots", "Mob violence")
    assert first.actor1 is not None and first.actor1.inter == 5


@pytest.mark.parametrize(
    ("text", "inter"),
    [
        ("On 8 January 2024, clashes between SAF and the rebels continued in Omdurman (Khartoum).", 1),
        ("On 12 April 2021, UPDF clashed with ADF rebels near Beni (Nord-Kivu).", 8),
    ],
)
def test_a_states_army_known_by_its_acronym_is_that_states(text: str, inter: int) -> None:
    first = events(text, published="2024-01-10" if "2024" in text else "2021-04-20")[0]
    assert first.actor1 is not None and first.actor1.inter == inter
    assert first.actor1.name.startswith("Military Forces of")


def test_a_named_force_compounding_soldiers_is_that_force() -> None:
    first = events("On 3 March 2021, KDF soldiers killed 5 Al Shabaab militants near Kismayo (Lower Juba).")[
        0
    ]
    assert first.location.country == "Somalia"
    # which side began it is the classifier's reading of the whole report; the Kenyan forces are a side
    sides = {(a.name, a.inter) for a in (first.actor1, first.actor2) if a is not None}
    assert ("Military Forces of Kenya", 8) in sides

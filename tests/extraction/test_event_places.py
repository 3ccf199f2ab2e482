"""Which place an event gets: the named town, not the region that locates it (texts written for these
tests; places chosen away from the gold sets)."""

from __future__ import annotations

import cronica
from cronica.records import Event, Extraction
from cronica.resolve.names import fold


def run(text: str, published: str = "2023-06-14") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def first_event(result: Extraction) -> Event:
    assert result.events, "no event"
    return result.events[0]


def test_a_village_near_a_town_in_a_region_is_placed_at_the_town() -> None:
    event = first_event(
        run(
            "Gunmen killed at least nine farmers in a village near Gwoza, in Nigeria's Borno state, "
            "on Monday, residents said."
        )
    )
    assert event.location.name == "Gwoza"
    assert event.location.admin1 == "Borno" and event.location.precision in {1, 2}


def test_a_dateline_town_and_state_gives_the_town() -> None:
    result = run(
        "Culiacán, Sinaloa. — Three men were shot dead on Tuesday night when armed men opened fire on a "
        "car wash in the north of the state capital, the State Prosecutor's Office reported."
    )
    assert first_event(result).location.name == "Culiacán"


def test_a_district_named_with_a_possessive_region_locates_the_event() -> None:
    event = first_event(
        run(
            "JAIPUR: A 40-year-old dairy farmer was beaten to death by a mob in a village in Rajasthan's "
            "Alwar district on Sunday night, police said."
        )
    )
    assert event.location.name == "Alwar" and fold(event.location.admin1 or "") == "rajasthan"


def test_a_local_government_area_is_a_place() -> None:
    event = first_event(
        run(
            "Bandits abducted more than 40 villagers in Zurmi Local Government Area of Zamfara State "
            "on Saturday, police said."
        )
    )
    assert event.location.name == "Zurmi" and event.location.admin1 == "Zamfara"
    assert event.location.latitude is not None


def test_a_word_inside_a_longer_name_is_not_a_place() -> None:
    event = first_event(run("Thousands of people rallied in the Black Sea city of Batumi on Sunday."))
    assert event.location.name == "Batumi" and event.location.country_code == "GE"


def test_a_township_the_gazetteer_lacks_keeps_its_name_inside_the_region() -> None:
    event = first_event(
        run(
            "Military jets bombed a village in Pauk township in the Magway region on Friday, "
            "killing six people."
        )
    )
    assert event.location.name == "Pauk"
    assert event.location.admin1 == "Magway" and event.location.country_code == "MM"


def test_where_a_victim_came_from_is_not_where_he_was_attacked() -> None:
    result = run(
        "A cattle trader was beaten to death by a mob in a village in Rajasthan's Alwar district on "
        "Sunday. The victim, a trader from Jaipur, was driving home when a crowd stopped his truck "
        "near the village and assaulted him."
    )
    assert {e.location.name for e in result.events} == {"Alwar"}


def test_a_place_word_inside_an_officers_title_is_still_a_place() -> None:
    result = run(
        "Curfew lifted in Batticaloa\n\nPolice lifted the curfew in Batticaloa town on Monday, "
        "Batticaloa Senior Superintendent of Police K.M. Perera said."
    )
    event = first_event(result)
    assert event.location.name == "Batticaloa" and event.location.country_code == "LK"


def test_an_unknown_market_after_a_town_joins_the_event_there() -> None:
    result = run(
        "Police opened fire on demonstrators in Kisumu on Tuesday, killing two people.\n\n"
        "The protesters had gathered near Kibuye market when officers fired tear gas. "
        "Police said 40 people were arrested."
    )
    assert len(result.events) == 1
    event = result.events[0]
    assert event.location.name == "Kisumu"
    assert event.counts["arrested"][0].value == 40


def test_a_namesake_abroad_is_not_the_neighbourhood_the_text_names() -> None:
    event = first_event(
        run(
            "A car bomb exploded outside a police station in the Las Palmas neighbourhood of Esmeraldas "
            "on Monday."
        )
    )
    assert event.location.country_code == "EC" and event.location.name == "Las Palmas"
    assert event.location.precision == 2


def test_a_square_named_like_a_foreign_town_stays_in_the_city() -> None:
    event = first_event(
        run("About 1,500 people gathered at the Royal Plaza in Bangkok on Monday, waving portraits.")
    )
    assert event.location.name == "Bangkok" and event.location.country_code == "TH"


def test_part_of_a_hyphenated_name_is_not_a_place_and_compass_words_do_not_hide_one() -> None:
    event = first_event(
        run(
            "Mortar shells struck a street in the Al-Jahmaliya area of eastern Taiz on Monday, "
            "wounding four women."
        )
    )
    assert event.location.country_code == "YE" and event.location.latitude is not None


def test_a_countrys_capital_and_the_dateline_place_events() -> None:
    result = run(
        "CONAKRY, May 12 (AFP) - A young man was shot dead in Guinea's capital on Thursday as security "
        "forces clashed with stone-throwing youths.\n\nThe week opened with the biggest rally yet."
    )
    assert all(e.location.name == "Conakry" for e in result.events)


def test_a_report_filed_from_a_capital_places_events_without_place_words_there() -> None:
    result = run(
        "The week in protest: water cannon and arrests\n\n"
        "NAIROBI — The campaign against the finance bill is the largest protest movement in years.\n\n"
        "On Monday, riot police fired water cannon at thousands of marchers near parliament."
    )
    assert result.events and all(e.location.name == "Nairobi" for e in result.events)


def test_where_detainees_were_brought_before_a_judge_is_not_the_event_place() -> None:
    result = run(
        "On Tuesday, police cleared the road to the mine at El Estor with tear gas. Eight people were "
        "injured and six demonstrators were detained and brought before a judge in Puerto Barrios."
    )
    assert {e.location.name for e in result.events} == {"El Estor"}


def test_the_api_country_hint_places_an_event_whose_text_names_no_country() -> None:
    text = "Residents of Njirugu blocked the road and burnt tyres on Monday."
    (event,) = cronica.extract(text, published="2019-10-30", id="test", country="KE").events
    assert event.location.country_code == "KE" and event.location.country == "Kenya"
    assert "country of the report" in (event.location.reason or "")


def test_a_destination_after_for_is_not_where_the_shooting_happened() -> None:
    result = run(
        "EL ALTO - Two people died on Thursday after police broke up a blockade around the Chijini toll "
        "station in El Alto, neighbours told a local radio.\n\n"
        "Residents of the Chijini area said officers fired live rounds as a line of buses left the "
        "station for La Paz."
    )
    assert result.events
    # the buses went to La Paz; the shooting was in El Alto
    assert all(e.location.name != "La Paz" for e in result.events)
    assert any(e.location.name == "El Alto" for e in result.events)


def test_a_town_the_attack_falls_on_is_the_place_not_the_department_it_lies_in() -> None:
    # the trigger's object, named with its town word, is where it happened: not the department after "in"
    for text, town, department in [
        (
            "Dissidents attacked Suarez town in Cauca department on Monday, killing two police officers.",
            "Suarez",
            "Cauca",
        ),
        (
            "Gunmen attacked Tumaco city in Narino department on Monday, killing four soldiers.",
            "Tumaco",
            "Narino",
        ),
        (
            "Armed men attacked Jamundi town in Valle del Cauca department on Monday, killing four soldiers.",
            "Jamundi",
            "Valle del Cauca",
        ),
    ]:
        event = first_event(run(text))
        assert (event.location.name, event.location.admin1, event.location.precision) == (town, department, 1)


def test_a_town_the_parser_makes_a_modifier_of_its_country_is_the_place() -> None:
    # "in La Paz, Bolivia" parsed as "in [La Paz] Bolivia", the town an nmod of the country
    event = first_event(run("Miners clashed with police in La Paz, Bolivia, leaving one miner dead."))
    assert event.location.name == "La Paz"
    assert event.location.country_code == "BO" and event.location.precision in {1, 2}


def test_the_one_place_a_short_report_names_is_its_place_however_it_is_attached() -> None:
    # no locative preposition links the place to the trigger ("the main square of", "a ... neighbourhood")
    occupied = first_event(
        run("Students occupied the main square of San Salvador to demand the release of classmates.")
    )
    assert occupied.location.name == "San Salvador" and occupied.location.country_code == "SV"
    blocked = first_event(
        run("Residents of a Mexico City neighbourhood protested against water cuts by blocking an avenue.")
    )
    assert blocked.location.country_code == "MX" and blocked.location.status == "resolved"


def test_two_places_no_word_links_leave_the_event_at_the_country() -> None:
    event = first_event(run("Workers of the Cusco and Arequipa branches went on strike in Peru on Monday."))
    assert event.location.name in {None, "Peru"}


def test_a_place_of_another_clause_is_not_the_one_place_of_the_event() -> None:
    event = first_event(
        run("Twelve people were injured when troops cleared a road block to let fuel trucks reach Oruro.")
    )
    assert event.location.name != "Oruro"

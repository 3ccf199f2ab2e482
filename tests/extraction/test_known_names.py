"""Named state forces and armed groups the dictionary knows by one name (actors.yaml ``generic``: "FARDC",
"the Tatmadaw", "ADF", "LRA"). Sentences written for these tests (worded like ACLED summaries; no note
of a gold set)."""

from __future__ import annotations

import cronica
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event, Extraction


def run(text: str, published: str = "2021-06-20") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def first(result: Extraction) -> Event:
    assert result.events, "no event"
    return min(result.events, key=lambda e: e.trigger.start)


def test_a_state_s_forces_known_by_their_acronym_are_its_military() -> None:
    event = first(run("On 14 June 2021, the FARDC clashed with militiamen near Kalehe, Sud-Kivu."))
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Military Forces of DR Congo", 1)


def test_an_attack_on_forces_known_by_their_acronym_is_a_clash_to_the_rules() -> None:
    # the rules' reading; the classifier may still read a short note as an attack on civilians
    text = "On 14 June 2021, armed men attacked the FARDC at a checkpoint near Walungu, Sud-Kivu."
    rules = Pipeline(typer="rules").extract_document(document_from_text(text, id="n", published="2021-06-20"))
    event = first(rules)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor2 is not None and (event.actor2.name, event.actor2.inter) == (
        "Military Forces of DR Congo",
        1,
    )


def test_a_rebel_group_known_by_its_acronym_keeps_its_name_and_type() -> None:
    event = first(run("On 14 June 2021, ADF killed six civilians in a village near Oicha, Nord-Kivu."))
    assert event.event_type == "Violence against civilians"
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("ADF", 2)


def test_an_acronym_the_dictionary_does_not_know_is_not_a_state_force() -> None:
    event = first(run("On 14 June 2021, the KQZM killed six civilians in a village near Oicha, Nord-Kivu."))
    assert event.actor1 is None or event.actor1.inter != 1


def test_a_known_name_inside_a_longer_word_names_nobody() -> None:
    # "Fardcville" is no FARDC, "Ladfield" no ADF: the dictionary matches whole words
    event = first(run("On 14 June 2021, gunmen killed two traders in Fardcville near Ladfield, Nord-Kivu."))
    assert event.actor1 is not None and event.actor1.inter != 1
    assert event.actor1.name != "ADF"


def test_a_movement_s_militiamen_are_no_people_s_militia() -> None:
    # the Mayi Mayi are a movement of local militias (ACLED: political militias, 3), no ethnic group
    event = first(
        run("On 14 June 2021, Mayi Mayi Kilalo militiamen shot and wounded two farmers near Lubero.")
    )
    assert event.actor1 is not None and event.actor1.inter != 4 and "Ethnic" not in event.actor1.name
    # a people's name before the same head is still that people's militia
    event = first(run("On 14 June 2021, Hema militiamen shot and wounded two farmers near Djugu, Ituri."))
    assert event.actor1 is not None and (event.actor1.name, event.actor1.inter) == (
        "Hema Ethnic Militia (DR Congo)",
        4,
    )


def test_a_pro_government_volunteer_militia_is_a_political_militia_not_the_state() -> None:
    # Burkina Faso's VDP fight beside the army but are armed civilians: ACLED types them 3
    event = first(run("On 2 September 2022, VDP members killed six civilians near Barsalogho, Sanmatenga."))
    assert event.event_type == "Violence against civilians"
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("VDP: Volunteers for the Defense of the Homeland", 3)
    victim = first(run("On 12 March 2022, JNIM militants attacked a VDP post in Gorgadji, killing 5 VDP."))
    assert victim.actor2 is not None and victim.actor2.inter == 3
    several = first(run("On 3 March 2022, suspected JNIM militants killed 5 VDP volunteers near Titao."))
    assert several.event_type == "Battles"
    assert several.actor2 is not None and several.actor2.inter == 3


def test_attackers_of_the_state_s_forces_are_not_read_as_the_state() -> None:
    # the reading of the whole note is of the state's forces it names as actor 2
    event = first(run("On 3 March 2022, militants attacked a police post in Kaya, killing two gendarmes."))
    assert event.event_type == "Battles"
    assert event.actor1 is not None and event.actor1.inter != 1
    assert event.actor2 is not None and event.actor2.inter == 1
    assert event.fatalities == 2


def test_a_word_that_says_which_machine_names_no_one() -> None:
    # "fighter jets": the fighter is the jet's kind; the jets' owner, the military, struck
    text = "On 4 May 2021, in Tamu township (Sagaing), two fighter jets of the military fired at PDF camps."
    event = first(run(text))
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Military Forces of Myanmar", 1)

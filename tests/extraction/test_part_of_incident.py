"""Arrests and looting told with an incident are part of it (conventions.yaml ``part_of_incident``,
stage ``part-of-incident``): in a short report or a coded summary, a strategic development told after
an incident of the same day is folded into it, its arrested count kept; a development the report leads
with, a note labelled by ACLED, and a long news report keep theirs. Notes written for these tests, read
by the rules alone, so the tests show the stage, not one model's weights."""

from __future__ import annotations

from cronica.extraction.conventions import load_conventions
from cronica.extraction.part_of_incident import fold_developments
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event

PART = load_conventions().part_of_incident
TAGS = load_conventions().note_tags
RULES = Pipeline(typer="rules", keep_generic=True)


def events(text: str) -> list[Event]:
    read = RULES.extract_document(document_from_text(text, id="note", published="2024-03-10"))
    return sorted(read.events, key=lambda e: e.trigger.start)


def codings(text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in events(text)]


def test_the_arrests_after_a_beating_are_part_of_the_attack() -> None:
    (event,) = events("On 3 March 2024, soldiers beat three farmers and then detained them in Kivo.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert "takes in the arrests" in event.coded_by


def test_the_arrested_of_a_clash_join_its_counts() -> None:
    found = events(
        "On 4 March 2024, the militants clashed with soldiers near Tovra. The soldiers arrested 5 militants."
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Battles", "Armed clash")]
    assert [c.value for c in found[0].counts.get("arrested", ())] == [5]


def test_houses_burnt_in_an_attack_on_a_village_are_part_of_the_attack() -> None:
    found = codings(
        "On 5 March 2024, gunmen attacked the village of Tovra, killing four residents. "
        "The attackers also burnt down several houses."
    )
    assert ("Strategic developments", "Looting/property destruction") not in found
    assert found[0] == ("Violence against civilians", "Attack")


def test_a_report_that_leads_with_arrests_keeps_them() -> None:
    found = codings(
        "On 6 March 2024, soldiers arrested about 20 herders for questioning in Kivo. "
        "The arrests came in the wake of a militant attack in the town."
    )
    assert found[0] == ("Strategic developments", "Arrests")


def test_arrests_on_another_day_stay_apart() -> None:
    found = codings(
        "On 2 March 2024, gunmen attacked the village of Tovra, killing four residents. "
        "On 6 March 2024, police arrested two suspects in Marsa."
    )
    assert ("Strategic developments", "Arrests") in found


def test_a_labelled_note_keeps_its_events() -> None:
    text = (
        "Looting: On 6 March 2024, gunmen attacked a market in Tovra and looted shops. "
        "No casualties were reported."
    )
    assert fold_developments(events(text), text, PART, TAGS) is None


def test_a_long_news_report_keeps_its_arrests() -> None:
    text = (
        "Violence flared again in the north of the country this week.\n\n"
        "Gunmen attacked the village of Tovra on Tuesday, killing four residents, witnesses said. "
        "The regional governor condemned the killings. "
        "Aid groups said hundreds of families had fled to Marsa. "
        "On Wednesday, police arrested two men in Marsa over an unrelated robbery."
    )
    assert ("Strategic developments", "Arrests") in codings(text)


def test_the_dead_told_after_an_attack_are_its_toll() -> None:
    # "... repelled the attack. 4 people died": one battle with four dead, not a second event
    found = events(
        "On 5 March 2024, armed men attacked an army post in Tovra. The soldiers repelled the attack. "
        "Three people died and several others were wounded."
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Battles", "Armed clash")]
    assert found[0].fatalities == 3
    assert "takes in the killing" in found[0].coded_by


def test_a_killing_on_another_day_keeps_its_dead() -> None:
    found = events(
        "On 5 March 2024, armed men attacked an army post in Tovra. On 7 March 2024, two soldiers were "
        "killed by gunmen near Kivo."
    )
    assert [e.fatalities for e in found] == [0, 2]


def test_an_incident_with_its_own_dead_keeps_them() -> None:
    found = events(
        "On 5 March 2024, armed men attacked an army post in Tovra, killing a soldier. Two of the "
        "attackers were later shot dead by police in Kivo."
    )
    assert found[0].fatalities == 1


def test_a_killing_at_another_place_keeps_its_dead() -> None:
    found = events(
        "On 5 March 2024, armed men attacked an army post in Tovra. Later, a trader was shot dead when "
        "he opened his shop in Kivo."
    )
    assert [e.fatalities for e in found] == [0, 1]


def test_a_body_found_again_later_is_the_death_already_told() -> None:
    # "the body of the victim": the one killed; found two days later, still that death
    found = events(
        "On 3 March 2024, gunmen shot dead a trader at the market in Kivo. "
        "The body of the victim was found near the river on 5 March 2024."
    )
    assert [(e.event_type, e.fatalities) for e in found] == [("Violence against civilians", 1)]
    # more bodies, not the ones told: a toll of their own
    more = events(
        "On 3 March 2024, gunmen shot dead a trader at the market in Kivo. "
        "The bodies of three more men were found near the river on 5 March 2024."
    )
    assert sum(e.fatalities for e in more) == 4

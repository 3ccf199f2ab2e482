"""ACLED's label of a strategic development ("Movement of forces: On ...") codes the note, with the
rules alone and over the classifier. Notes written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

from cronica.extraction.conventions import load_conventions
from cronica.extraction.learned import Judgement
from cronica.extraction.note_tags import demonstration_coding, note_tag
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event

TAGS = load_conventions().note_tags


def events(text: str, typer: object = "rules") -> list[Event]:
    pipeline = Pipeline(typer=typer, keep_generic=True)  # type: ignore[arg-type]
    found = pipeline.extract_document(document_from_text(text, id="note", published="2024-03-10")).events
    return sorted(found, key=lambda e: e.trigger.start)


def test_a_label_opening_a_note_is_read_with_its_coding() -> None:
    tag = note_tag("Security Measures: On 2 March 2024, the authorities closed two schools.", TAGS)
    assert tag is not None
    assert tag.words == "Security Measures"
    assert (tag.event_type, tag.sub_event_type) == ("Strategic developments", "Change to group/activity")


def test_no_label_without_a_known_one_at_the_very_start() -> None:
    assert note_tag("On 2 March 2024, police arrested two men in Kisoro.", TAGS) is None
    assert note_tag("Kisoro: On 2 March 2024, police arrested two men.", TAGS) is None  # a dateline
    assert note_tag("On 2 March 2024, in a statement released after the raid, arrests: two", TAGS) is None


def test_a_movement_of_forces_with_no_incident_words_is_an_event_of_its_label() -> None:
    text = (
        "Movement of forces: On 4 March 2024, about thirty armed men on motorcycles were seen "
        "crossing the river near Toukou."
    )
    [event] = events(text)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Change to group/activity")
    assert "Movement of forces" in event.coded_by
    assert event.date.value == "2024-03-04"


def test_a_label_codes_a_note_whose_words_tell_an_incident() -> None:
    text = (
        "Property destruction: On 2 March 2024, unknown people set fire to a mango orchard belonging "
        "to a farmer in Dalima. No injuries were reported."
    )
    first = events(text)[0]
    assert (first.event_type, first.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )


def test_reinforcements_sent_over_ongoing_fighting_are_a_movement_of_forces() -> None:
    text = (
        "Movement of forces: On 6 March 2024, the army sent reinforcements to the border district, "
        "likely in connection with the ongoing fighting there."
    )
    first = events(text)[0]
    assert (first.event_type, first.sub_event_type) == ("Strategic developments", "Change to group/activity")


@dataclass
class SureOfABattle:
    """A classifier sure that every text tells an armed clash."""

    def judge(self, text: str) -> Judgement:
        return Judgement(0.99, (("Battles", "Armed clash", 0.99),))


def test_the_label_stands_over_the_classifier() -> None:
    text = "Agreement: On 7 March 2024, forty fighters of a rebel group surrendered to the army in Valcor."
    first = events(text, SureOfABattle())[0]
    assert (first.event_type, first.sub_event_type) == ("Strategic developments", "Agreement")
    assert "label" in first.coded_by


def test_a_note_without_a_label_is_coded_as_before() -> None:
    text = "On 7 March 2024, forty fighters of a rebel group surrendered to the army in Valcor."
    assert all(e.event_type != "Strategic developments" or "label" not in e.coded_by for e in events(text))


SIZE = load_conventions().demonstration_size


def test_a_sized_note_of_another_type_takes_the_classifier_s_surest_demonstration() -> None:
    text = "On 4 March 2024, residents clashed with the police in Toukou. [size=no report]"
    reading = (
        ("Battles", "Armed clash", 0.6),
        ("Riots", "Mob violence", 0.3),
        ("Protests", "Peaceful protest", 0.1),
    )
    assert demonstration_coding(("Battles", "Armed clash"), text, SIZE, reading) == (
        "Riots",
        "Mob violence",
        0.3,
    )
    # a demonstration's coding stands; a note with no size record is not read so
    assert demonstration_coding(("Riots", "Violent demonstration"), text, SIZE, reading) is None
    unsized = text.replace(" [size=no report]", "")
    assert demonstration_coding(("Battles", "Armed clash"), unsized, SIZE, reading) is None


def test_with_the_rules_alone_a_sized_violent_note_is_a_riot_and_an_arrest_an_intervention() -> None:
    text = "On 4 March 2024, villagers beat a suspected thief in Dalima. [size=about 30]"
    violent = demonstration_coding(("Violence against civilians", "Attack"), text, SIZE)
    assert violent == ("Riots", "Mob violence", None)
    arrest = demonstration_coding(("Strategic developments", "Arrests"), text, SIZE)
    assert arrest == ("Protests", "Protest with intervention", None)
    assert demonstration_coding(("Strategic developments", "Other"), text, SIZE) is None


def test_a_sized_note_is_coded_as_a_demonstration_in_the_pipeline() -> None:
    text = (
        "On 4 March 2024, a crowd of villagers attacked and beat two men accused of stealing a goat "
        "in Dalima, injuring both. [size=no report]"
    )
    first = events(text)[0]  # the rules alone
    assert first.event_type == "Riots"
    assert "size record" in first.coded_by
    # a classifier that reads no demonstration at all leaves the coding as it was
    typed = events(text, SureOfABattle())[0]
    assert "size record" not in typed.coded_by

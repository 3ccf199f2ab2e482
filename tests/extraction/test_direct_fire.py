"""Small arms fired with heavy weapons are a clash (conventions.yaml ``direct_fire``, stage
``direct-fire``), whoever coded the weapon: the rules or the classifier. Notes written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import cronica
from cronica.errors import DataFileError
from cronica.extraction.conventions import load_conventions
from cronica.extraction.learned import Judgement
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event

FIRE = load_conventions().direct_fire


#: the rules alone (no classifier), built once for the module
RULES = Pipeline(typer="rules", keep_generic=True)


def first_event(text: str, pipeline: Pipeline = RULES) -> Event:
    """The note's first event (by its trigger's place)."""
    read = pipeline.extract_document(document_from_text(text, id="note", published="2024-03-10"))
    return min(read.events, key=lambda e: e.trigger.start)


def all_events(text: str) -> tuple[Event, ...]:
    return RULES.extract_document(document_from_text(text, id="note", published="2024-03-10")).events


def test_mortars_and_small_arms_fired_at_positions_are_a_clash() -> None:
    first = first_event(
        "On 3 March 2024, the separatist forces fired 120mm mortars, grenade launchers and small arms "
        "at the army's positions near Koltsove."
    )
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    assert "direct fire" in first.coded_by


def test_small_arms_told_in_another_sentence_of_a_short_note_count() -> None:
    first = first_event(
        "On 5 March 2024, government troops shelled the positions of the rebels near Marsa. "
        "The rebels answered with small arms and light weapons."
    )
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")


def test_heavy_weapons_alone_stay_remote_violence() -> None:
    first = first_event(
        "On 3 March 2024, the separatist forces fired 120mm mortars at the army's positions near Koltsove."
    )
    assert (first.event_type, first.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    # heavy machine guns are no small arms
    first = first_event(
        "On 3 March 2024, the separatist forces fired mortars and heavy machine guns at the army's positions "
        "near Koltsove."
    )
    assert first.event_type == "Explosions/Remote violence"


def test_civilians_fired_on_with_mortars_and_small_arms_are_no_battle() -> None:
    for event in all_events(
        "On 6 March 2024, militants fired mortars and small arms at villagers in Dakoro, "
        "killing two civilians."
    ):
        assert event.event_type != "Battles"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2024, the rebels fired mortar rounds at an army base near Tovra. "
        "The soldiers responded with heavy fire and the rebels withdrew.",
        "On 4 March 2024, militants threw a hand grenade at a police post in Marsa. "
        "The police opened fire in response.",
        "On 4 March 2024, government forces and the rebels exchanged artillery on the Kivo front.",
        "On 4 March 2024, monitors recorded 40 explosions in both directions of the line near Koltsove.",
    ],
)
def test_fire_the_other_side_answers_is_a_clash(text: str) -> None:
    first = first_event(text)
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    assert "direct fire" in first.coded_by


def test_answered_fire_is_read_in_its_words_not_in_fire_alone() -> None:
    assert FIRE.words.search("the soldiers responded to the fire")
    assert FIRE.words.search("they exchanged heavy mortar fire")
    assert FIRE.words.search("guards returned fire")
    assert not FIRE.words.search("firefighters responded to the blaze")
    assert not FIRE.words.search("the rebels fired mortars at the base")


@dataclass
class SureOfAGrenade:
    """A classifier sure that every text tells a grenade attack."""

    def judge(self, text: str) -> Judgement:
        return Judgement(0.99, (("Explosions/Remote violence", "Grenade", 0.99),))


GRENADE = Pipeline(typer=SureOfAGrenade(), keep_generic=True)


def test_the_classifier_s_weapon_reading_with_small_arms_is_a_clash() -> None:
    text = (
        "On 8 March 2024, the militia fired grenade launchers and assault rifles at the positions of the "
        "border guards near Tovra."
    )
    first = first_event(text, GRENADE)
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    # the same reading with no small arms named stands
    first = first_event(
        "On 8 March 2024, the militia fired grenade launchers at the border post near Tovra.",
        GRENADE,
    )
    assert first.event_type == "Explosions/Remote violence"


def test_the_words_are_whole_words_in_any_case() -> None:
    assert FIRE.words.search("fired SMALL ARMS and mortars")
    assert FIRE.words.search("small-arms fire")
    assert not FIRE.words.search("the small armstrong estate")
    assert "Air/drone strike" not in FIRE.weapons  # an air strike is remote whatever else is fired ...
    assert "Air/drone strike" in FIRE.answered_weapons  # ... but not when the other side answers it
    assert FIRE.answered.search("the rebels responded with anti-aircraft fire")
    assert not FIRE.answered.search("fired rockets and small arms")


def test_a_weapon_of_another_type_fails_with_the_key(tmp_path: Path) -> None:
    bundled = Path(cronica.__file__).parent / "data" / "conventions.yaml"
    data = yaml.safe_load(bundled.read_text(encoding="utf-8"))
    data["direct_fire"]["weapons"] = ["Armed clash"]
    path = tmp_path / "conventions.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_conventions(str(path))
    assert str(err.value).startswith(f"{path}: direct_fire.weapons:")


def test_an_air_strike_the_other_side_answers_is_a_clash() -> None:
    # an air strike alone stays one; answered with fire, it is a battle
    alone = first_event(
        "On 5 May 2024, army warplanes carried out air strikes on KLF positions near Kassala."
    )
    assert (alone.event_type, alone.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    answered = first_event(
        "On 5 May 2024, army air raids targeted the KLF while the KLF responded with anti-aircraft fire "
        "near Kassala."
    )
    assert (answered.event_type, answered.sub_event_type) == ("Battles", "Armed clash")


def test_a_hyphenated_air_raid_is_an_air_strike() -> None:
    # the tokenizer splits "air-raids" into three words; the hyphenated phrase still names the weapon
    first = first_event("On 5 May 2024, army air-raids targeted the KLF near Kassala.")
    assert (first.event_type, first.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    first = first_event(
        "On 5 May 2024, army air-raids targeted the KLF while the KLF responded with anti-aircraft fire near "
        "Kassala."
    )
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")

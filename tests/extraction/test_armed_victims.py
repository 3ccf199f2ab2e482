"""An attack on an armed actor is a clash (conventions.yaml ``armed_victims``, stage ``armed-victims``):
the classifier's ``actor2`` head reads whether a short report's actor 2 is armed, where the rules' words
cannot type the victims. Notes written for these tests; the classifiers are stand-ins with a fixed
reading, so the tests show the stage, not one model's weights."""

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
from cronica.learn.examples import LabelledExample
from cronica.learn.train import TrainSettings, fit
from cronica.nlp.features import FeatureSpec
from cronica.pipeline import Pipeline
from cronica.records import Event

ARMED = load_conventions().armed_victims


@dataclass
class Reader:
    """A classifier sure that every text tells an attack on civilians, reading actor 2 as armed with
    probability ``armed2`` (``None``: a model without the ``actor2`` head)."""

    armed2: float | None

    def judge(self, text: str) -> Judgement:
        return Judgement(0.99, (("Violence against civilians", "Attack", 0.99),), (), self.armed2)


def first_event(text: str, armed2: float | None) -> Event:
    pipeline = Pipeline(typer=Reader(armed2), keep_generic=True)
    read = pipeline.extract_document(document_from_text(text, id="note", published="2024-03-10"))
    return min(read.events, key=lambda e: e.trigger.start)


#: the victims are named in words no dictionary of the rules types
MEMBER = "On 4 March 2024, unidentified gunmen shot dead a member of the Tawra Brigade near Luvoro."


def test_an_attack_on_victims_read_as_armed_is_a_clash() -> None:
    first = first_event(MEMBER, 0.93)
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    assert first.coded_by.startswith("armed victims")
    first = first_event(
        "On 5 March 2024, armed men opened fire on two Kadugli Reservists on patrol in Marea, wounding both.",
        0.9,
    )
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")


def test_an_unsure_or_absent_reading_keeps_the_attack() -> None:
    for armed2 in (0.6, None):
        first = first_event(MEMBER, armed2)
        assert (first.event_type, first.sub_event_type) == ("Violence against civilians", "Attack")


def test_victims_the_rules_read_as_civilians_stay_civilians() -> None:
    first = first_event("On 4 March 2024, unidentified gunmen shot dead two farmers near Luvoro.", 0.95)
    assert first.event_type == "Violence against civilians"


def test_victims_off_duty_are_civilians_as_acled_codes_them() -> None:
    first = first_event(
        "On 4 March 2024, gunmen shot dead an off-duty member of the Tawra Brigade near Luvoro.", 0.95
    )
    assert (first.event_type, first.sub_event_type) == ("Violence against civilians", "Attack")


def test_the_states_forces_who_beat_someone_attacked_a_civilian() -> None:
    """conventions.yaml ``armed_victims.beaten`` (2026-12-07): a state force's beating stays an attack
    on civilians whatever the head reads (training notes: 41 of 49 Violence against civilians, 1 Battles)."""
    for text in (
        "On 4 March 2024, police beat up two youths with sticks in Luvoro for not staying indoors.",
        "On 4 March 2024, police charged batons at a youth in Luvoro for being out during the curfew.",
    ):
        first = first_event(text, 0.95)
        assert (first.event_type, first.sub_event_type) == ("Violence against civilians", "Attack"), text
        assert first.actor1 is not None and first.actor1.inter == 1


def test_a_mob_s_attack_on_an_armed_man_is_no_battle() -> None:
    first = first_event(
        "On 4 March 2024, an angry mob lynched a member of the Tawra Brigade in Luvoro market.", 0.95
    )
    assert first.event_type != "Battles"


def test_a_long_report_is_not_read_whole() -> None:
    text = " ".join(
        [
            MEMBER,
            "The victim was buried on Tuesday.",
            "Residents said the area had been calm for months.",
            "Local officials called for an inquiry.",
        ]
    )
    assert first_event(text, 0.95).event_type == "Violence against civilians"


def test_the_actor2_head_learns_from_acled_s_inter2() -> None:
    armed = [f"Gunmen shot dead {n} soldiers at the army post in Kivo." for n in ("two", "three", "four")]
    civil = [f"Gunmen shot dead {n} farmers in their fields in Kivo." for n in ("two", "three", "four")]
    examples = [LabelledExample(text=t, inter2=1, event_type="Battles", group="a") for t in armed]
    examples += [
        LabelledExample(text=t, inter2=7, event_type="Violence against civilians", group="a") for t in civil
    ]
    examples += [LabelledExample(text="Protesters marched in Kivo.", inter2=None, group="a")]
    model = fit(examples, TrainSettings(spec=FeatureSpec(buckets=1 << 12), min_df=1, epochs=5))
    assert model.heads["actor2"].classes == ("armed", "unarmed")
    assert model.predict("Gunmen shot dead five soldiers at the army post.").best("actor2")[0] == "armed"  # type: ignore[index]
    assert model.predict("Gunmen shot dead five farmers in their fields.").best("actor2")[0] == "unarmed"  # type: ignore[index]


@pytest.mark.parametrize(
    ("key", "value"),
    [("codings", ["Armed clash"]), ("inter", [1, 9]), ("off_duty", "off duty"), ("beaten", "beat")],
)
def test_a_bad_entry_fails_with_the_key(tmp_path: Path, key: str, value: object) -> None:
    data = yaml.safe_load((Path(cronica.__file__).parent / "data" / "conventions.yaml").read_text("utf-8"))
    data["armed_victims"][key] = value
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"c\.yaml: armed_victims\.{key}:"):
        load_conventions(str(tmp_path / "c.yaml"))
    assert ARMED.inter == frozenset({1, 2, 3, 4, 8})

"""The learned combiner: its features, its fit, its place in the model file and in the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cronica.extraction.learned import Combination, Judgement, apply_learned_types
from cronica.ingest import document_from_text
from cronica.learn.combiner import CombinerExample, first_of_each_country, fit_combiner, rules_readings
from cronica.learn.examples import LabelledExample
from cronica.learn.train import fit
from cronica.nlp.combiner import SHARED, Combiner, RulesView, features, width
from cronica.nlp.event_classifier import load_model, save_model
from cronica.pipeline import Pipeline

CLASH, ATTACK, AIR = (
    "Battles / Armed clash",
    "Violence against civilians / Attack",
    "Explosions/Remote violence / Air/drone strike",
)
LABELS = (CLASH, AIR, ATTACK)


def test_each_candidate_row_says_whether_it_is_the_rules_coding_and_how_sure_the_classifier_is() -> None:
    rules = RulesView(ATTACK, explicit=False, actor1=2, actor2=7, counts=frozenset({"killed"}))
    x = features(LABELS, rules, {CLASH: 0.7, ATTACK: 0.3}, {ATTACK: 0.9, CLASH: 0.1}, {2: 0.8, 1: 0.2})
    assert x.shape == (3, width(LABELS))
    clash, air, attack = x
    assert clash[0] == np.log(0.7) and attack[1] == np.log(0.9) and air[0] == np.log(1e-4)
    assert (clash[2], air[2], attack[2]) == (0.0, 0.0, 1.0)
    assert attack[3] == np.log(0.3) and clash[3] == 0.0
    # per event type, the rules' actors (one code each) and counts (killed), and the classifier's
    # actor 1 reading (summing to one), in the block of the candidate's type
    context = len(SHARED) + 2 * len(LABELS)
    assert clash[context:].sum() == attack[context:].sum() == 1 + 1 + 1 + 1.0
    assert np.flatnonzero(clash[context:])[0] != np.flatnonzero(attack[context:])[0]


def _example(rules: str, report: dict[str, float], gold: str, explicit: bool = True) -> CombinerExample:
    return CombinerExample(RulesView(rules, explicit=explicit), report, report, {}, gold, "XX")


def test_the_fit_learns_when_to_keep_the_rules_and_when_to_follow_the_whole_report() -> None:
    # the rules are right about air strikes (explicit words) whatever the classifier reads; on clash
    # against attack the classifier's reading of the whole report is right
    notes = []
    for _ in range(40):
        notes.append(_example(AIR, {ATTACK: 0.8, AIR: 0.15, CLASH: 0.05}, AIR))
        notes.append(_example(CLASH, {ATTACK: 0.8, CLASH: 0.15, AIR: 0.05}, ATTACK, explicit=False))
        notes.append(_example(ATTACK, {CLASH: 0.8, ATTACK: 0.15, AIR: 0.05}, CLASH, explicit=False))
    combiner = fit_combiner(notes, LABELS)
    read = {ATTACK: 0.8, AIR: 0.15, CLASH: 0.05}
    assert combiner.ranked(RulesView(AIR, explicit=True), read, read, {})[0][0] == AIR
    assert combiner.ranked(RulesView(CLASH), read, read, {})[0][0] == ATTACK
    # the same notes give the same weights
    assert np.array_equal(fit_combiner(notes, LABELS).weights, combiner.weights)


def test_the_combiner_learns_from_the_first_notes_of_each_country() -> None:
    examples = [LabelledExample(f"n{i}", country=c) for i, c in enumerate("KKKKBKB")]
    assert first_of_each_country(range(7), examples, per=2) == [0, 1, 4, 6]


def test_the_rules_reading_of_a_note_is_its_first_event_before_acled_roles() -> None:
    [strike, nothing] = rules_readings(
        [
            "On 3 May 2021, regime warplanes struck the outskirts of Kafr Nabl, killing 2 civilians.",
            "On 3 May 2021, the weather was fine in Kafr Nabl.",
        ]
    )
    assert strike.view.coding == AIR and strike.view.explicit
    assert "killed" in strike.view.counts
    assert strike.words is not None and strike.words.startswith("On 3 May 2021, regime warplanes")
    assert nothing.view.coding is None and nothing.words is None


def test_a_model_file_keeps_its_combiner(tmp_path: Path) -> None:
    model = fit(
        [
            LabelledExample(
                "Police fired on protesters in the town.", True, "Protests", "Peaceful protest", 6
            ),
            LabelledExample(
                "Rebels clashed with soldiers near the bridge.", True, "Battles", "Armed clash", 2
            ),
        ]
    )
    model.combiner = Combiner(LABELS, np.arange(width(LABELS), dtype=np.float64) / 100)
    path = str(tmp_path / "model.npz")
    save_model(path, model)
    loaded = load_model(path).combiner
    assert loaded is not None and loaded.labels == LABELS
    assert np.array_equal(loaded.weights, model.combiner.weights)


@dataclass
class CombinedTyper:
    """A typer that reads every text alike and carries a combiner."""

    reading: Judgement
    combiner: Combiner

    def judge(self, text: str) -> Judgement:
        return self.reading


def test_a_coded_summary_first_event_is_coded_by_the_combiner_and_only_a_summary() -> None:
    text = "On 3 June 2023, gunmen attacked a bus near Dravik, killing four passengers."
    found = list(
        Pipeline(typer="rules")
        .extract_document(document_from_text(text, id="t", published="2023-06-05"))
        .events
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Violence against civilians", "Attack")]
    # weights that follow the whole report's reading alone: log p(whole report)
    follow = np.zeros(width(LABELS))
    follow[0] = 1.0
    reading = Judgement(
        0.99, (("Battles", "Armed clash", 0.8), ("Violence against civilians", "Attack", 0.2))
    )
    typer = CombinedTyper(reading, Combiner(LABELS, follow))
    [moved] = apply_learned_types(found, typer, Combination(), sentences=1, text=text, summary=True)
    assert (moved.event_type, moved.sub_event_type) == ("Battles", "Armed clash")
    assert moved.coded_by.startswith("learned combiner: Battles / Armed clash")
    # weights that keep the rules' coding
    keep = np.zeros(width(LABELS))
    keep[2] = 10.0
    [kept] = apply_learned_types(
        found,
        CombinedTyper(reading, Combiner(LABELS, keep)),
        Combination(),
        sentences=1,
        text=text,
        summary=True,
    )
    assert (kept.event_type, kept.sub_event_type) == ("Violence against civilians", "Attack")
    assert kept.coded_by.startswith("rules (kept by the learned combiner")
    # news is not read whole; and the combiner can be switched off for the thresholds
    [news] = apply_learned_types(found, typer, Combination(), sentences=1, text=text, summary=False)
    assert not news.coded_by.startswith("learned combiner")
    # (victims the rules read as civilians keep a battle reading out: that rule off here)
    off = Combination(learned_combiner=False, civilian_victims=False)
    [thresholds] = apply_learned_types(found, typer, off, sentences=1, text=text, summary=True)
    assert thresholds.coded_by.startswith("learned classifier: Battles / Armed clash")


DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = [str(DATA / "acled_sample.csv"), str(DATA / "acled_sample_long.csv")]


def test_each_held_out_fold_gets_a_combiner_fitted_without_it() -> None:
    from cronica.learn.splits import run_by_country
    from cronica.learn.train import TrainSettings

    said: list[str] = []
    result = run_by_country(
        SAMPLES,
        [],
        folds=3,
        limit=3,
        min_notes=2,
        settings=TrainSettings(epochs=3),
        combiner=True,
        progress=said.append,
    )
    inner = sorted(m for m in said if "combiner, classifier without" in m)
    # cross-fitting inside the training part: fold k's combiner reads fold j by a classifier fitted
    # without both, for every other fold j
    assert inner == [
        f"fold {k}: combiner, classifier without folds {k} and {j}"
        for k in (1, 2, 3)
        for j in (1, 2, 3)
        if j != k
    ]
    assert 0.0 <= result["scores"]["all.learned.event_type"]["score"] <= 1.0


def test_cronica_train_combiner_writes_the_combiner_and_its_card(tmp_path: Path) -> None:
    import json

    from cronica.cli.main import main

    glocon = tmp_path / "glocon.json"
    glocon.write_text(
        json.dumps({"sentence": "Thousands of workers marched to the parliament on Monday.", "label": 1})
        + "\n"
        + json.dumps({"sentence": "The minister will present the budget to the committee.", "label": 0})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "model.npz"
    args = ["train", "--combiner", "--out", str(out), "--glocon", str(glocon)]
    assert main([*args, *(a for f in SAMPLES for a in ("--acled", f))]) == 0
    model = load_model(str(out))
    assert model.combiner is not None
    assert set(model.combiner.labels) <= set(model.heads["sub_event_type"].classes)
    assert model.card["combiner"]["notes"] > 0 and "L-BFGS" in model.card["combiner"]["fit"]


def test_an_acled_note_keeps_its_coder_annotations_for_the_pipeline_and_drops_them_for_the_classifier(
    tmp_path: Path,
) -> None:
    import csv

    from cronica.learn.examples import from_acled_csv

    with open(DATA / "acled_sample.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:2]
    note = "On 8 March 2021, gunmen killed 2 farmers in Dravik. Fatalities coded as 3 (a source reported 3)."
    rows[0]["notes"] = note
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    annotated, plain = list(from_acled_csv(str(path)))
    assert annotated.text == "On 8 March 2021, gunmen killed 2 farmers in Dravik."
    assert annotated.as_read == annotated.document == note
    assert plain.document == "" and plain.as_read == plain.text

"""The learned event classifier: training, the shipped file, readers of labelled data, ACLED dates."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from cronica.errors import DataFileError
from cronica.eval.acled_export import note_text, parse_event_date
from cronica.learn.examples import LabelledExample, from_acled_csv, from_reviewed_jsonl
from cronica.learn.train import TrainSettings, fit, train_to_file
from cronica.nlp.event_classifier import load_model
from cronica.nlp.features import FeatureSpec

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("value", "year", "iso"),
    [
        ("16-Feb-21", "2021", "2021-02-16"),
        ("16 February 2021", None, "2021-02-16"),
        ("2021-02-16", None, "2021-02-16"),
        ("31-12-19", "2019", "2019-12-31"),
        ("2021-01-02T00:00:00Z", "2021", "2021-01-02"),
        ("05-04-20", "2020", "2020-04-05"),
        ("20200111", "2020", "2020-01-11"),
        ("20191231", "2019", "2019-12-31"),
    ],
)
def test_acled_event_dates_parse_in_every_published_form(value: str, year: str | None, iso: str) -> None:
    assert parse_event_date(value, year, "x.csv:2").isoformat() == iso


def test_acled_event_date_outside_the_row_year_names_file_and_value() -> None:
    with pytest.raises(DataFileError, match=r"x\.csv:7.*'16-Feb-21'.*2019"):
        parse_event_date("16-Feb-21", "2019", "x.csv:7")


def test_note_text_drops_coder_annotations_that_name_the_coding() -> None:
    note = "Movement of forces: On 2 May 2020, troops were seen in Kofoni. [size=no report]"
    assert note_text(note) == "On 2 May 2020, troops were seen in Kofoni."
    assert (
        note_text("3 soldiers were killed. Fatalities coded as 0 (VoJ reported 3).")
        == "3 soldiers were killed."
    )


def _sample() -> list[LabelledExample]:
    examples = list(from_acled_csv(str(DATA / "acled_sample.csv")))
    none = [
        LabelledExample(text=t, event=False, group="negatives", source="test")
        for t in (
            "The central bank kept its interest rate unchanged at its monthly meeting.",
            "The ministry published its annual budget report on its website.",
            "Tourism revenue grew by four percent in the first quarter.",
        )
    ]
    return examples + none


def test_training_is_reproducible_and_the_file_predicts_as_the_fitted_model(tmp_path: Path) -> None:
    examples = _sample()
    settings = TrainSettings(spec=FeatureSpec(buckets=1 << 12), min_df=1, epochs=5)
    first = train_to_file(examples, str(tmp_path / "a.npz"), settings)
    second = fit(examples, settings)
    loaded = load_model(str(tmp_path / "a.npz"))
    text = "Police fired tear gas at students protesting fuel prices in the capital."
    a, b, c = first.predict(text), second.predict(text), loaded.predict(text)
    assert a.scores == b.scores
    for head in a.scores:
        assert [x for x, _ in a.scores[head]] == [x for x, _ in c.scores[head]]
        assert np.allclose([p for _, p in a.scores[head]], [p for _, p in c.scores[head]], atol=1e-3)
    assert loaded.card["training"]["examples"] == len(examples)
    assert "ACLED" in loaded.card["terms"]


def test_coding_heads_weigh_classes_and_the_event_head_weighs_sources() -> None:
    examples = _sample()
    examples += [examples[0]] * 4  # one coding five times as frequent as the others
    spec = FeatureSpec(buckets=1 << 12)
    settings = TrainSettings(spec=spec, min_df=1, epochs=5)
    earlier = fit(examples, settings)
    balanced = fit(examples, replace(settings, class_weight="balanced", weigh_groups=False))
    # the event head is fitted as by default; the coding heads give a rare class more weight
    assert np.array_equal(balanced.heads["event"].weights, earlier.heads["event"].weights)
    sub, sub_before = balanced.heads["sub_event_type"], earlier.heads["sub_event_type"]
    assert not np.array_equal(sub.weights, sub_before.weights)
    card = balanced.card["training"]["settings"]
    assert card["class_weight"] == "balanced" and card["weigh_groups"] is False


def test_shipped_model_says_it_was_trained_on_acled_data_and_is_small() -> None:
    model = load_model()
    assert "acled" in model.card["training"]["sources"]
    assert "attribution" in model.card["terms"]
    assert set(model.heads) == {"event", "event_type", "sub_event_type", "inter1", "actor2"}
    from cronica.nlp.event_classifier import default_model_path

    assert Path(default_model_path()).stat().st_size < 4_000_000


def test_shipped_model_types_protest_and_attack_sentences_it_never_saw() -> None:
    model = load_model()
    protest = model.predict("Hundreds of nurses marched to the health ministry to demand unpaid wages.")
    attack = model.predict("Unknown gunmen shot dead a village chief at his home overnight.")
    assert protest.best("event_type") == ("Protests", protest.scores["event_type"][0][1])
    assert attack.best("event_type")[0] == "Violence against civilians"  # type: ignore[index]
    assert protest.probability("event", "event") > 0.5


def test_shipped_model_reads_whether_actor_2_is_armed() -> None:
    model = load_model()
    soldiers = model.predict("Gunmen shot dead three soldiers at an army checkpoint near the border.")
    farmers = model.predict("Gunmen shot dead three farmers in their fields near the border.")
    assert soldiers.probability("actor2", "armed") > 0.8 > 0.5 > farmers.probability("actor2", "armed")


def test_a_model_file_from_a_newer_format_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    card = json.dumps({"format_version": 99, "features": {}, "heads": {}}).encode()
    path = tmp_path / "future.npz"
    np.savez(path, card=np.frombuffer(card, dtype=np.uint8), buckets=np.zeros(1), idf=np.zeros(1))
    with pytest.raises(DataFileError, match=r"future\.npz.*newer"):
        load_model(str(path))


def test_a_missing_or_foreign_model_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cronica train"):
        load_model(str(tmp_path / "none.npz"))
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataFileError, match=r"bad\.npz: not a cronica event classifier"):
        load_model(str(bad))


def test_reviewed_records_are_read_and_bad_codings_name_the_line(tmp_path: Path) -> None:
    good = tmp_path / "reviewed.jsonl"
    good.write_text(
        json.dumps(
            {
                "text": "Traders blocked the market road.",
                "event_type": "Protests",
                "sub_event_type": "Peaceful protest",
                "inter1": 6,
            }
        )
        + "\n"
        + json.dumps({"text": "The minister opened a school.", "event": False})
        + "\n",
        encoding="utf-8",
    )
    rows = list(from_reviewed_jsonl(str(good)))
    assert [r.event for r in rows] == [True, False]
    assert rows[0].sub_event_type == "Peaceful protest" and rows[0].inter1 == 6
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": "x", "event_type": "Protests", "sub_event_type": "Armed clash"}) + "\n"
    )
    with pytest.raises(DataFileError, match=r"bad\.jsonl:1"):
        list(from_reviewed_jsonl(str(bad)))


def test_splits_by_country_never_score_a_note_with_a_model_that_saw_its_country() -> None:
    from cronica.learn.splits import deal_countries, run_by_country

    files = [str(DATA / "acled_sample.csv"), str(DATA / "acled_sample_long.csv")]
    examples = [e for f in files for e in from_acled_csv(f)]
    assert {e.country for e in examples} >= {"BO", "KE", "PE", "NG"}
    result = run_by_country(files, [], folds=2, limit=3, min_notes=2, settings=TrainSettings(epochs=3))
    scores = result["scores"]
    held = {name.split(".")[0] for name in scores if ".classifier." in name} - {"all"}
    # every country with notes is held out in exactly the fold its code is dealt to
    assert held == {e.country for e in examples}
    assert set(result["folds"].values()) == {1, 2}
    assert deal_countries({"KE": 10, "MM": 8, "BO": 3, "PE": 3}, 2) == {"KE": 0, "MM": 1, "BO": 1, "PE": 0}
    # the pipeline ran on countries with at least min_notes notes, rules and learned side by side
    assert "KE.rules.event_type" in scores and "KE.learned.event_type" in scores
    assert "IN.rules.event_type" not in scores  # one note: below min_notes
    assert scores["all.classifier.event_type"]["n"] == len(examples)
    assert 0.0 <= scores["all.learned.event_type"]["score"] <= 1.0
    # the sure notes' accuracy is averaged over the sure notes only
    sure = scores["all.classifier.sure_share"]["score"] * len(examples)
    assert scores["all.classifier.sure_sub_event_type"]["n"] == pytest.approx(sure, abs=1.0)
    # the classifier alone: the same folds and classifier scores, no pipeline run
    alone = run_by_country(
        files, [], folds=2, limit=3, min_notes=2, settings=TrainSettings(epochs=3), pipeline=False
    )["scores"]
    assert not [name for name in alone if ".rules." in name or ".learned." in name]
    assert {k: v for k, v in alone.items() if ".classifier." in k} == {
        k: v for k, v in scores.items() if ".classifier." in k
    }


def test_names_inside_a_sentence_are_masked_and_the_choice_travels_with_the_model(tmp_path: Path) -> None:
    from cronica.nlp.features import NAME_PLACEHOLDER, grams, mask_names

    text = "On 3 May, gunmen attacked a bus near Dravik North. Police in Velmora said the NAF fired first."
    masked = mask_names(text)
    assert "Dravik" not in masked and "Velmora" not in masked
    assert masked.startswith("On 3 ") and "Police in" in masked  # sentence openers stay
    assert "NAF" in masked  # acronyms stay
    assert masked.count(NAME_PLACEHOLDER) == 3  # May, Dravik North, Velmora
    spec = FeatureSpec(buckets=1 << 12, mask_names=True)
    assert grams("Protesters marched in Velmora.", spec) == grams("Protesters marched in Kisumu.", spec)
    settings = TrainSettings(spec=spec, min_df=1, epochs=3)
    train_to_file(_sample(), str(tmp_path / "m.npz"), settings)
    assert load_model(str(tmp_path / "m.npz")).spec.mask_names
    assert not load_model().spec.mask_names  # the shipped model reads names as they are


def test_region_folds_keep_every_country_of_a_subregion_together() -> None:
    """`eval-splits --by region`: Kenya and Uganda (Eastern Africa), Syria and Yemen (Western Asia), Peru
    and Bolivia (South America) each share a fold, so a fold's notes are read by a model that saw no
    country of their region."""
    from cronica.learn.folds import deal_regions, subregions

    assert subregions()["KE"] == subregions()["UG"] == "Eastern Africa"
    sizes = {"KE": 50, "UG": 5, "SY": 20, "YE": 25, "PE": 10, "BO": 12, "MM": 30}
    folds = deal_regions(sizes, 3)
    assert folds["KE"] == folds["UG"] and folds["SY"] == folds["YE"] and folds["PE"] == folds["BO"]
    assert len(set(folds.values())) == 3
    assert deal_regions({"XX": 3}, 2) == {"XX": 0}  # no known subregion: a region of its own

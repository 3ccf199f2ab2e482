"""A revised toll of an incident told in another report ("the death toll from Friday's massacre in Solhan
has risen to 132"): one event with every claim kept, the revised figure standing above the lower figures
of its day, never added to them. Reports written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cronica.dedupe import ReportedClaim, ReportView, reconcile
from cronica.dedupe.features import pair_features, place_relation
from cronica.pipeline import Pipeline
from cronica.records import CountClaim, Document
from cronica.resolve.corpus import corpus_prior
from cronica.resolve.gazetteer import Gazetteer
from cronica.store import Store

SOLHAN = {
    "a": "Gunmen killed 23 villagers in an overnight attack on the village of Solhan in Burkina Faso's "
    "Yagha province, local officials said on Saturday. The attackers also burned the market and several "
    "homes.",
    "b": "OUAGADOUGOU, June 5 (Reuters) - At least 25 people were killed when armed men raided Solhan, a "
    "village in northern Burkina Faso, late on Friday, security sources said. Residents said the "
    "assailants set fire to houses.",
    "c": "The death toll from Friday's massacre in Solhan has risen to 132, the government said on Sunday, "
    "declaring three days of national mourning.",
}


def _c(report: int, value: int, day: int = 5, revised: bool = False) -> ReportedClaim:
    claim = CountClaim("killed", value, "exact", f"{value} killed", revised=revised)
    return ReportedClaim(claim, report, f"doc{report}", date(2021, 6, day), 0)


def test_a_revised_toll_of_the_same_day_stands_above_the_lower_figures() -> None:
    # one day: 23, 25 and "has risen to 132": the revised figure, not the lower median 25
    assert reconcile([_c(1, 23), _c(2, 25), _c(3, 132)])["killed"].acled == 25
    assert reconcile([_c(1, 23), _c(2, 25), _c(3, 132, revised=True)])["killed"].acled == 132
    # a revised figure below the day's own does not pull it down
    assert reconcile([_c(1, 23), _c(2, 25), _c(3, 20, revised=True)])["killed"].acled == 23


def test_a_revised_toll_is_no_disagreement_between_two_reports() -> None:
    base = dict(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date=date(2021, 6, 4),
        date_precision="day",
        place_name="Solhan",
        gazetteer_id=None,
        country_code="BF",
        admin1=None,
        latitude=13.0,
        longitude=-2.0,
        geo_precision=3,
        inter1=3,
        inter2=7,
        actor1=None,
        actor2=None,
        text="",
    )
    a = ReportView(report=1, event=1, home=1, document="a", killed=23, **base)  # type: ignore[arg-type]
    b = ReportView(report=2, event=2, home=2, document="c", killed=132, **base)  # type: ignore[arg-type]
    place = place_relation(a, b, 25)
    plain = pair_features(a, b, place, 0, 0.2, "tfidf")
    revised = pair_features(a, replace(b, killed_revised=True), place, 0, 0.2, "tfidf")
    assert plain.values["killed_ratio"] < 0.2
    assert revised.values["killed_ratio"] == 1.0
    assert any("revised toll (132)" in r for r in revised.reasons)


def test_three_reports_of_one_massacre_are_one_event_of_132_dead(store: Store) -> None:
    gazetteer = Gazetteer.open()
    prior = corpus_prior(SOLHAN.values(), gazetteer)
    # two of three reports state Burkina Faso, none another country: the run is about Burkina Faso
    assert prior.shares() == {"BF": 1.0}
    pipeline = Pipeline(prior=prior)
    for name, text in SOLHAN.items():
        doc = Document(id=name, text=text, source=f"{name}.txt", published=date(2021, 6, 5))
        store.add_extraction(pipeline.extract_document(doc))
    store.merge_auto()
    (event,) = store.events()
    assert event["location"]["country_code"] == "BF"
    assert event["fatalities"] == 132
    claims = event["counts"]["killed"]["claims"]
    assert [(c["value"], c["revised"]) for c in claims] == [(23, False), (25, False), (132, True)]
    # the incidents sum the merged event once: 132, not 23 + 132
    assert sum(r["killed"] for r in store.incident_totals()) == 132

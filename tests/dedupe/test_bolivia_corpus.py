"""The Bolivian crisis of November 2019 told by 24 reports (tests/data/bolivia-2019, written for this
test in the style of wires, NGOs, local papers and radio, in English and Spanish; the Bolivia reports of
the pair gold; the bundled report in both languages): each massacre is one event with its sources, its
toll reconciled, and the month's deaths are not counted twice. Real pipeline, real store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cronica.ingest import read_documents
from cronica.pipeline import Pipeline
from cronica.store import Store
from cronica.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = ROOT / "tests" / "data" / "bolivia-2019"
PAIRS = sorted((ROOT / "eval" / "pairs" / "corpus").glob("bo-*.md"))
BUNDLED = [ROOT / "examples" / "bolivia-2019-11-20.txt", ROOT / "examples" / "bolivia-2019-11-20.es.txt"]


def test_each_massacre_is_one_event_with_its_sources_and_the_month_is_not_double_counted(
    store: Store,
) -> None:
    pipeline = Pipeline()
    ingest(store, read_documents([str(WRITTEN), *map(str, PAIRS)]), pipeline.extract_documents)
    ingest(
        store,
        read_documents([str(p) for p in BUNDLED], published=date(2019, 11, 20)),
        pipeline.extract_documents,
    )
    store.merge_auto()
    lethal = [e for e in store.events() if e["fatalities"] and e["location"]["country_code"] == "BO"]
    by_day = {}
    for e in lethal:
        by_day.setdefault(e["date"]["value"], []).append(e)
    # Sacaba (15 Nov) and Senkata (19 Nov): one event each, 8 to 11 dead, many sources
    for day in ("2019-11-15", "2019-11-19"):
        (event,) = by_day[day]
        assert 8 <= event["fatalities"] <= 11, event["counts"]["killed"]["derived"]
        assert len({s["document"] for s in event["sources"]}) >= 5
        assert event["event_type"] != "Riots"  # a side mention does not speak for the killing
    # the summaries ("at least 18 people at two protest sites", "por lo menos 20 personas en dos
    # operativos", "ten more in Senkata") are neither incidents nor added to one
    november = [e for e in lethal if e["date"]["value"].startswith("2019-11")]
    # the smaller killings of 11-12 November, each told by one or two reports in other words ("two men
    # died ... A third man died in hospital", "tres personas fallecieron"; "confirmed the death of a
    # young man"; "a 22-year-old man was shot dead" / "Un joven de 22 años murió"): one event each
    # ... and a human-rights brief of December that lists them paragraph by paragraph ("Ovejuyo, 11
    # November. Three men died ...; one of them died in hospital the next day"): a third source, no new event
    small = {e["location"]["name"]: e for e in november if e["date"]["value"] in {"2019-11-11", "2019-11-12"}}
    assert len(small) == 3
    assert small["Ovejuyo"]["fatalities"] == 3
    assert len({s["document"] for s in small["Ovejuyo"]["sources"]}) == 3
    assert small["Yapacaní"]["fatalities"] == 1
    # ... and a Spanish wire of 22 November that recalls it ("En Yapacaní, un enfrentamiento ... dejó un
    # muerto y tres heridos"), opening a paragraph after one about El Alto: its fourth source, not a
    # death added to Ovejuyo's (two names the gazetteer lacks, each guessed into La Paz)
    assert len({s["document"] for s in small["Yapacaní"]["sources"]}) == 4
    assert small["Betanzos"]["fatalities"] == 1
    assert len({s["document"] for s in small["Betanzos"]["sources"]}) == 2
    assert len([e for e in lethal if e["date"]["value"] < "2019-11-01"]) == 1  # Montero, told twice
    # what the reports support: Vinto 1, Ovejuyo 3, Yapacaní 1, Betanzos 1, Sacaba 10, Senkata 10
    assert 24 <= sum(e["fatalities"] for e in november) <= 27
    killed_tallies = {t["value"] for t in store.tallies() if t["category"] == "killed"}
    assert {18, 20} <= killed_tallies
    # "At least six people have been killed since", "suman al menos ocho", "documented 28 deaths between"
    assert {6, 8, 28} <= killed_tallies
    # "La crisis postelectoral en Bolivia deja al menos 32 muertos": a running total, not an incident
    assert 32 in killed_tallies

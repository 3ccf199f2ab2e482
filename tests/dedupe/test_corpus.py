"""A corpus through the real pipeline and a real store: several reports of the same incidents, with
different tolls and date words, become one event per incident with every claim, and re-ingesting
changes nothing. The reports (tests/data/incidents) were written for this test; the pair model was
never fitted on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronica.ingest import read_documents
from cronica.pipeline import Pipeline
from cronica.store import Store
from cronica.store.ingest import ingest

INCIDENTS = Path(__file__).resolve().parents[1] / "data" / "incidents"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _ingest(store: Store, pipeline: Pipeline) -> None:
    ingest(store, read_documents([str(INCIDENTS)]), pipeline.extract_documents)
    store.merge_auto()


def _lethal(store: Store) -> dict[str, dict]:
    """Events with deaths, by date (each date must hold one)."""
    events = [e for e in store.events() if e["fatalities"]]
    assert len({e["date"]["value"] for e in events}) == len(events), [e["id"] for e in events]
    return {e["date"]["value"]: e for e in events}


def test_reports_of_two_killings_become_one_event_each_with_every_claim(
    store: Store, pipeline: Pipeline
) -> None:
    _ingest(store, pipeline)
    lethal = _lethal(store)
    assert set(lethal) == {"2022-12-15", "2023-01-09"}
    ayacucho, juliaca = lethal["2022-12-15"], lethal["2023-01-09"]
    assert ayacucho["location"]["name"] == "Ayacucho" and juliaca["location"]["admin1"] == "Puno"
    # Thursday / 15 December / yesterday; three outlets; 7 then 10 dead: the later figure replaces the first
    assert {s["document"].rsplit("/", 1)[-1] for s in ayacucho["sources"]} >= {
        "pe-wire-2022-12-15.md",
        "pe-ngo-2022-12-20.md",
    }
    killed = ayacucho["counts"]["killed"]
    assert {7, 10} <= {c["value"] for c in killed["claims"]}
    assert killed["derived"]["low"] == 7 and ayacucho["fatalities"] == 10
    # Monday in Juliaca / Monday in Puno; 17 then 18
    assert len({s["document"] for s in juliaca["sources"]}) == 2
    assert {17, 18} <= {c["value"] for c in juliaca["counts"]["killed"]["claims"]}
    assert juliaca["fatalities"] == 18
    # the march dispersed in Lima the next day stays an event of its own
    assert any(e["location"]["name"] == "Lima" for e in store.events())
    # the month's deaths are the sum over merged incidents, and the running total stays beside it
    months = {r["month"]: r for r in store.incident_totals(by=("month", "country"))}
    assert months["2022-12"]["killed"] == 10 and months["2023-01"]["killed"] == 18
    assert months["2022-12"]["latest_tally"]["killed"]["value"] == 26
    # a running total that names no place speaks for its document's country, beside that country's incidents
    (since_protests,) = [t for t in store.tallies() if t["value"] == 26]
    assert since_protests["place"] == "Peru" and since_protests["incidents_sum"] == 10


def test_reingesting_the_corpus_duplicates_nothing(store: Store, pipeline: Pipeline) -> None:
    _ingest(store, pipeline)
    before = (store.counts(), [(e["id"], e["fatalities"], len(e["sources"])) for e in store.events()])
    _ingest(store, pipeline)
    after = (store.counts(), [(e["id"], e["fatalities"], len(e["sources"])) for e in store.events()])
    assert after == before

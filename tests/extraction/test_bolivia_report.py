"""End to end on the bundled Bolivia report: what issue 2's "Done when" lists must come out.

These tests read the real report through the real pipeline (ingest, spaCy, extract, resolve); nothing in
the code is keyed to this document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cronica.ingest import read_documents
from cronica.pipeline import Pipeline
from cronica.records import Event, Extraction, Statement, Tally

REPORT = Path(__file__).resolve().parents[2] / "examples" / "bolivia-2019-11-20.txt"


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    (document,) = list(read_documents([REPORT], published=date(2019, 11, 20)))
    assert not isinstance(document, Exception)
    return Pipeline().extract_document(document)


def _event_on(extraction: Extraction, day: str, sub_event_type: str | None = None) -> list[Event]:
    return [
        e
        for e in extraction.events
        if e.date.value == day
        and e.date.precision == "day"
        and (sub_event_type is None or e.sub_event_type == sub_event_type)
    ]


def _statement_by(extraction: Extraction, name: str) -> list[Statement]:
    out = []
    for s in extraction.statements:
        names = [s.speaker.name] + [a.name for a in s.speaker.associated] if s.speaker else []
        if any(name in n for n in names):
            out.append(s)
    return out


def test_senkata_killing_is_excessive_force_by_state_forces_with_claims(extraction: Extraction) -> None:
    (senkata,) = _event_on(extraction, "2019-11-19", "Excessive force against protesters")
    assert senkata.event_type == "Protests"
    assert senkata.actor1 is not None and senkata.actor1.inter == 1
    assert "Military" in senkata.actor1.name
    assert any("Police" in a.name for a in senkata.actor1.associated)
    assert senkata.actor2 is not None and senkata.actor2.inter == 6
    (killed,) = senkata.counts["killed"]
    assert (killed.value, killed.qualifier) == (8, "exact")
    assert killed.reported_by is not None and "Ombudsman" in killed.reported_by
    (injured,) = senkata.counts["injured"]
    assert (injured.value, injured.qualifier) == (30, "more_than")
    assert senkata.fatalities == 8
    assert senkata.location.name in {"Senkata", "El Alto"}
    assert senkata.location.country_code == "BO"


def test_relative_dates_resolve_against_publication_date(extraction: Extraction) -> None:
    (senkata,) = _event_on(extraction, "2019-11-19", "Excessive force against protesters")
    assert senkata.date.text == "last night"
    assert senkata.date.anchor == "2019-11-20"
    assert senkata.date.precision == "day"


def test_huayllani_massacre_keeps_both_death_tolls(extraction: Extraction) -> None:
    (huayllani,) = _event_on(extraction, "2019-11-15", "Excessive force against protesters")
    values = [c.value for c in huayllani.counts["killed"]]
    assert values == [7, 9]
    assert huayllani.counts["killed"][1].update_of == 0
    assert huayllani.fatalities == 9
    (injured,) = huayllani.counts["injured"]
    assert (injured.value, injured.qualifier) == (100, "more_than")
    assert huayllani.location.admin1 == "Cochabamba"


def test_following_day_march_across_cochabamba(extraction: Extraction) -> None:
    (march,) = _event_on(extraction, "2019-11-16", "Peaceful protest")
    assert march.date.anchor_kind == "previous_event"
    assert march.location.name == "Cochabamba"
    (crowd,) = march.counts["participants"]
    assert crowd.vague and crowd.value == 20000
    assert march.actor1 is not None and march.actor1.inter == 6


def test_coup_and_decree_are_strategic_developments(extraction: Extraction) -> None:
    (coup,) = _event_on(extraction, "2019-11-10")
    assert coup.event_type == "Strategic developments"
    assert coup.trigger.text == "coup"
    (decree,) = _event_on(extraction, "2019-11-14")
    assert decree.event_type == "Strategic developments"
    assert decree.trigger.text == "decree"


def test_running_totals_are_tallies_not_events(extraction: Extraction) -> None:
    tallies = {t.value: t for t in extraction.tallies}
    arrests: Tally = tallies[500]
    assert arrests.category == "arrested" and arrests.qualifier == "more_than"
    assert arrests.since is not None and arrests.since.value == "2019-11-10"
    assert arrests.as_of.value == "2019-11-16"
    assert arrests.reported_by is not None and "Ombudsman" in arrests.reported_by
    victims = tallies[32]
    assert victims.qualifier == "at_least" and victims.category == "killed"
    for event in extraction.events:
        for claims in event.counts.values():
            assert all(c.value not in {32, 500} for c in claims)
    assert not any(e.sub_event_type == "Arrests" for e in extraction.events)


def test_statements_by_named_speakers_with_roles(extraction: Extraction) -> None:
    (copa,) = _statement_by(extraction, "Eva Copa")
    assert copa.date.value == "2019-11-16"
    assert any(a.name == "Sergio Choque" for a in copa.speaker.associated)  # type: ignore[union-attr]
    cob = [s for s in _statement_by(extraction, "COB") if s.date.value == "2019-11-15"]
    assert cob and cob[0].plover == "REQUEST"
    huarachi = _statement_by(extraction, "Carlos Huarachi")
    assert huarachi and all(s.date.value == "2019-11-18" for s in huarachi)
    assert "COB" in (huarachi[0].speaker.organisation or "")  # type: ignore[union-attr]
    (aguilar,) = _statement_by(extraction, "Omar Aguilar")
    assert aguilar.speaker.role == "senator"  # type: ignore[union-attr]
    assert "MAS" in (aguilar.speaker.organisation or "")  # type: ignore[union-attr]
    assert aguilar.quote


def test_morales_call_is_a_request_located_in_mexico(extraction: Extraction) -> None:
    morales = [s for s in _statement_by(extraction, "Morales") if s.location.country_code == "MX"]
    assert morales and morales[0].plover == "REQUEST"


def test_murillo_threat_is_a_statement_not_an_arrest(extraction: Extraction) -> None:
    (threat,) = [s for s in _statement_by(extraction, "Arturo Murillo") if s.plover == "THREATEN"]
    assert threat.speaker.role == "interior minister"  # type: ignore[union-attr]
    assert "detain" in threat.content
    assert not any(e.sub_event_type == "Arrests" for e in extraction.events)


def test_every_event_field_has_evidence_or_a_reason(extraction: Extraction) -> None:
    text = extraction.document.text
    for record in extraction.records:
        d = record.to_dict()
        for name, span in d["evidence"].items():
            assert text[span["start"] : span["end"]] == span["text"], name
        if d["kind"] == "event":
            for field in ("actor1", "actor2"):
                assert d[field] is not None or field in d["missing"]
            for category, claim in d["counts"].items():
                assert claim is not None or f"counts.{category}" in d["missing"]


def test_people_carry_roles_and_organisations(extraction: Extraction) -> None:
    speakers = {}
    for s in extraction.statements:
        if s.speaker is None:
            continue
        for actor in (s.speaker, *s.speaker.associated):
            speakers[actor.name] = actor
    assert speakers["Carlos Huarachi"].role == "head"
    assert "Bolivian Workers Central" in (speakers["Carlos Huarachi"].organisation or "")
    assert speakers["Arturo Murillo"].role == "interior minister"
    assert speakers["Arturo Murillo"].organisation == "Government of Bolivia"
    for name in ("Eva Copa", "Sergio Choque", "Omar Aguilar"):
        assert "Movement toward Socialism (MAS)" == speakers[name].organisation, name
    assert speakers["Álvaro García Linera"].role == "vice president"
    cob = [s.speaker for s in extraction.statements if s.speaker and "COB" in s.speaker.name]
    assert cob and cob[0].name == "Bolivian Workers Central (COB)" and cob[0].kind == "union"

"""Spanish reports read natively: the Bolivia killings told by a local paper give the English report's
incidents, with every span pointing into the Spanish text, and merge with the English report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event, Extraction
from cronica.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PUBLISHED = date(2019, 11, 20)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _extract(pipeline: Pipeline, name: str) -> Extraction:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    return pipeline.extract_document(document_from_text(text, id=name, published=PUBLISHED))


def _incidents(extraction: Extraction) -> dict[tuple[str, str | None], Event]:
    """Events with a casualty or crowd count, by (date, town)."""
    return {
        (e.date.value or "", e.location.name if e.location else None): e
        for e in extraction.events
        if e.counts
    }


def _current(event: Event, category: str) -> tuple[int, str] | None:
    claims = event.counts.get(category, ())  # type: ignore[call-overload]
    if not claims:
        return None
    return claims[-1].value, claims[-1].qualifier


def test_spanish_report_is_read_as_spanish(pipeline: Pipeline) -> None:
    extraction = _extract(pipeline, "bolivia-2019-11-20.es.txt")
    assert extraction.document.language == "es"
    assert _extract(pipeline, "bolivia-2019-11-20.txt").document.language == "en"


def test_spanish_bolivia_report_gives_the_english_reports_incidents_counts_and_places(
    pipeline: Pipeline,
) -> None:
    english = _incidents(_extract(pipeline, "bolivia-2019-11-20.txt"))
    spanish = _incidents(_extract(pipeline, "bolivia-2019-11-20.es.txt"))
    assert (
        set(spanish)
        == set(english)
        == {
            ("2019-11-19", "El Alto"),
            ("2019-11-15", "Huayllani"),
            ("2019-11-16", "Cochabamba"),
        }
    )
    for key, en in english.items():
        es = spanish[key]
        assert (es.event_type, es.sub_event_type) == (en.event_type, en.sub_event_type), key
        assert es.location is not None and en.location is not None
        assert es.location.admin1 == en.location.admin1
        for category in ("killed", "injured"):
            assert _current(es, category) == _current(en, category), (key, category)
    senkata = spanish[("2019-11-19", "El Alto")]
    assert _current(senkata, "killed") == (8, "exact")
    assert _current(senkata, "injured") == (30, "more_than")
    huayllani = spanish[("2019-11-15", "Huayllani")]
    # seven confirmed dead, then "two more have died since": the claims grow to nine
    assert [c.value for c in huayllani.counts["killed"]] == [7, 9]


def test_spanish_tallies_and_statements_are_coded_like_the_english_ones(pipeline: Pipeline) -> None:
    extraction = _extract(pipeline, "bolivia-2019-11-20.es.txt")
    tallies = {(t.what, t.value, t.qualifier) for t in extraction.tallies}
    assert any(v == 32 and q == "at_least" for _, v, q in tallies)
    arrests = next(t for t in extraction.tallies if t.value == 500)
    assert arrests.qualifier == "more_than" and arrests.since is not None
    assert arrests.since.value == "2019-11-10"
    threat = next(s for s in extraction.statements if s.speaker and s.speaker.name == "Arturo Murillo")
    assert threat.plover == "THREATEN"
    # a threat to detain is no arrest
    assert not any(e.sub_event_type == "Arrests" for e in extraction.events)


def test_every_spanish_span_points_into_the_original_text(pipeline: Pipeline) -> None:
    extraction = _extract(pipeline, "bolivia-2019-11-20.es.txt")
    text = extraction.document.text
    spans = []
    for e in extraction.events:
        spans.append(e.trigger)
        spans.extend(c.span for claims in e.counts.values() for c in claims if c.span is not None)
        if e.date.span is not None:
            spans.append(e.date.span)
    for s in extraction.statements:
        spans.append(s.content_span)
    for span in spans:
        if span is not None:
            assert text[span.start : span.end] == span.text


def test_spanish_and_english_reports_of_the_same_killings_merge_into_one_event_each(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    with Store(str(tmp_path / "bolivia.db")) as store:
        store.add_extraction(_extract(pipeline, "bolivia-2019-11-20.txt"))
        store.add_extraction(_extract(pipeline, "bolivia-2019-11-20.es.txt"))
        store.merge_auto()
        events = store.events()
    both = {"bolivia-2019-11-20.txt", "bolivia-2019-11-20.es.txt"}
    for town, day in (("El Alto", "2019-11-19"), ("Huayllani", "2019-11-15")):
        matching = [e for e in events if e["location"]["name"] == town and e["date"]["value"] == day]
        assert len(matching) == 1, town
        assert {s["document"] for s in matching[0]["sources"]} == both


def test_spanish_lexicons_validate_and_a_broken_one_is_named(tmp_path: Path) -> None:
    import shutil
    from importlib import resources

    from cronica.errors import DataFileError
    from cronica.extraction.dates import TemporalLexicon
    from cronica.extraction.lexicon import load_lexicon

    lexicon = load_lexicon(language="es")
    assert lexicon.families["arrest"].count == "arrested"
    assert lexicon.quantities.vague["una decena"] == (10, 10)
    assert lexicon.counting.since == frozenset({"desde"})
    assert TemporalLexicon.load_language("es").months["noviembre"] == 11
    for name in ("events.yaml", "actors.yaml", "statements.yaml", "quantities.yaml"):
        shutil.copy(str(resources.files("cronica.data").joinpath("es").joinpath(name)), tmp_path / name)
    events = (tmp_path / "events.yaml").read_text(encoding="utf-8")
    (tmp_path / "events.yaml").write_text(events.replace("  definite:", "  definido:"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"events.yaml: grammar.definite"):
        load_lexicon(tmp_path)


def test_spanish_dates_resolve_against_the_publication_date() -> None:
    from cronica.extraction.dates import DateResolver, TemporalLexicon

    resolver = DateResolver(TemporalLexicon.load_language("es"))
    day = date(2019, 11, 20)
    cases = {
        "el viernes 15": "2019-11-15",
        "anoche": "2019-11-19",
        "hace una semana": "2019-11-13",
        "el pasado 11 de noviembre": "2019-11-11",
        "el 16 de noviembre": "2019-11-16",
        "20 de noviembre de 2019": "2019-11-20",
        "la madrugada del martes": "2019-11-19",
    }
    assert {words: resolver.resolve(words, day).value for words in cases} == cases

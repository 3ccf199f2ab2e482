"""Who reported a fact, in English and Spanish: the subject of a reporting verb (listed per language in
``statements.yaml``, ``attribution.verbs``), or the source a marker introduces ("according to",
"según"), with the source's full name and its span in the text."""

from __future__ import annotations

import cronica
from cronica.records import Extraction


def run(text: str, published: str = "2022-11-08") -> Extraction:
    return cronica.extract(text, published=published)


def _reporters(result: Extraction) -> set[str]:
    names: set[str] = set()
    for event in result.events:
        names.update(event.reported_by)
    return names


def test_spanish_reporting_verb_after_the_fact_gives_the_full_name() -> None:
    text = (
        "Grupos de choque y vecinos se enfrentaron anoche en Santa Cruz, con un saldo de al menos "
        "12 heridos, informó la Defensoría del Pueblo."
    )
    result = run(text)
    assert _reporters(result) == {"la Defensoría del Pueblo"}
    event = result.events[0]
    claim = event.counts["injured"][0]
    assert claim.value == 12
    assert claim.reported_by_span is not None
    span = claim.reported_by_span
    assert text[span.start : span.end] == "la Defensoría del Pueblo"


def test_spanish_source_marker_segun() -> None:
    text = (
        "LIMA, 10 de enero (EFE).- Al menos diecisiete personas murieron el lunes en enfrentamientos "
        "entre manifestantes y policías en Juliaca, según la Defensoría del Pueblo."
    )
    result = run(text, published="2023-01-10")
    killed = [c for e in result.events for c in e.counts.get("killed", ())]
    assert killed and killed[0].value == 17
    assert killed[0].reported_by == "la Defensoría del Pueblo"


def test_spanish_running_total_is_attributed() -> None:
    text = (
        "Santiago, 23 de octubre. El Instituto Nacional de Derechos Humanos (INDH) informó este miércoles "
        "que 1.132 personas han sido detenidas desde el inicio de las protestas, el viernes 18 de octubre."
    )
    result = run(text, published="2019-10-23")
    assert result.tallies, "a running total since the start of the protests"
    assert result.tallies[0].value == 1132
    assert result.tallies[0].reported_by == "El Instituto Nacional de Derechos Humanos (INDH)"


def test_english_according_to_keeps_working() -> None:
    result = run(
        "Police shot dead three protesters in Nairobi on Monday, according to the Kenya Red Cross.",
        published="2021-03-10",
    )
    assert any("Red Cross" in name for name in _reporters(result))


def test_number_parsed_under_its_participle_still_counts() -> None:
    # the small English model attaches "12" to "injured" in "leaving at least 12 injured"
    result = run("Rival groups clashed last night in Santa Cruz, leaving at least 12 injured.")
    injured = [c for e in result.events for c in e.counts.get("injured", ())]
    assert [c.value for c in injured] == [12]


def test_a_count_by_an_organisation_names_the_organisation_not_its_count() -> None:
    # the source is the body that made the count, without the count's own words or a relative clause
    text = (
        "QUITO, 14 oct.- La crisis por el alza del combustible deja al menos 7 muertos y más "
        "de 1.300 heridos, según el último recuento de la Defensoría del Pueblo, que pidió un diálogo."
    )
    result = run(text, published="2019-10-14")
    assert result.tallies, "a running total of a period of unrest"
    tally = next(t for t in result.tallies if t.category == "killed")
    assert tally.reported_by == "la Defensoría del Pueblo"
    assert tally.reported_by_span is not None
    span = tally.reported_by_span
    assert text[span.start : span.end] == "la Defensoría del Pueblo"
    assert "Defensoría" not in tally.what


def test_english_count_by_an_organisation_without_its_relative_clause() -> None:
    text = (
        "The unrest over fuel prices has left at least 7 people dead, according to a count by the "
        "Ombudsman's Office, which called for talks."
    )
    result = run(text, published="2019-10-14")
    assert result.tallies, "a running total of a period of unrest"
    tally = result.tallies[0]
    assert tally.reported_by is not None
    assert tally.reported_by.rstrip(",") in {"the Ombudsman's Office", "the Ombudsman's"}
    assert "which" not in tally.reported_by
    assert "Ombudsman" not in tally.what

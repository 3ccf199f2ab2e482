"""Texts longer than a section (and than spaCy's own limit) are parsed in sections and joined back."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from cronica.ingest import document_from_text
from cronica.nlp import sections
from cronica.nlp.sections import parse_texts, section_bounds
from cronica.pipeline import Pipeline

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bolivia-2019-11-20.txt"


def _joined(text: str, bounds: list[tuple[int, int]]) -> str:
    return "".join(text[s:e] for s, e in bounds)


def test_sections_cover_the_text_exactly_and_respect_the_limit() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for limit in (50, 333, 1000, 4000, len(text), len(text) + 1):
        bounds = section_bounds(text, limit)
        assert _joined(text, bounds) == text
        assert all(0 < e - s <= limit for s, e in bounds)
        assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))


def test_a_section_ends_at_a_paragraph_break_before_a_sentence_end() -> None:
    text = "Police fired tear gas. Students marched.\n\nTwo soldiers died. A bomb exploded near the market."
    (first, _), (second, _) = section_bounds(text, 70)
    assert text[:second].endswith("\n\n")
    assert text[second:].startswith("Two soldiers died.")
    assert first == 0


def test_without_paragraph_breaks_a_section_ends_after_a_sentence() -> None:
    text = "Police fired tear gas at the crowd. " * 10
    bounds = section_bounds(text, 100)
    assert all(text[s:e].rstrip().endswith(".") for s, e in bounds)


def test_a_text_with_no_space_is_cut_at_the_limit() -> None:
    bounds = section_bounds("x" * 250, 100)
    assert bounds == [(0, 100), (100, 200), (200, 250)]


def test_short_and_empty_texts_are_one_section() -> None:
    assert section_bounds("", 10) == [(0, 0)]
    assert section_bounds("Protest in Goma.", 100) == [(0, 16)]
    with pytest.raises(ValueError):
        section_bounds("abc", 0)


def test_a_text_over_spacys_limit_is_parsed_whole() -> None:
    """spaCy refuses a text over ``nlp.max_length`` (E088); sectioned, every character is kept."""
    nlp = spacy.blank("en")
    paragraph = "Protesters blocked the main road to the port. Police arrested forty people.\n\n"
    text = paragraph * (nlp.max_length // len(paragraph) + 50)
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    short, long_ = parse_texts(nlp, ["Protest in Goma.", text])
    assert short.text == "Protest in Goma."
    assert long_.text == text
    assert long_[-1].idx + len(long_[-1]) <= len(text)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_a_long_report_in_sections_gives_the_events_of_the_whole(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled report parsed in sections of 1,500 characters gives the events it gives parsed
    whole, with every evidence span still an offset into the document."""
    text = EXAMPLE.read_text(encoding="utf-8")
    document = document_from_text(text, id="bolivia", published="2019-11-20")
    whole = pipeline.extract_document(document)
    monkeypatch.setattr(sections, "LONG_TEXT", 1500)
    monkeypatch.setattr(sections, "SECTION_CHARS", 1500)
    assert len(section_bounds(document.text, 1500)) >= 5
    cut = pipeline.extract_document(document)

    def key(extraction):  # type: ignore[no-untyped-def]
        return sorted(
            (e.event_type, e.sub_event_type, e.trigger.start, e.trigger.end) for e in extraction.events
        )

    assert key(cut) == key(whole)
    for event in cut.events:
        assert document.text[event.trigger.start : event.trigger.end] == event.trigger.text

"""The sentence prefilter: long documents lose only sentences no keyword can start a record in; every
offset stays that of the original text, and the events of a real long report do not change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from cronica.extraction.lexicon import load_lexicon
from cronica.extraction.prefilter import MIN_CHARS, SentenceFilter, inflections
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

BACKGROUND = (
    "The city has grown quickly over the past decade, and its markets draw traders from the whole "
    "region. Its university opened a new library in 2015. "
)


@pytest.fixture(scope="module")
def sentence_filter(nlp: Language) -> SentenceFilter:
    return SentenceFilter.from_lexicon(load_lexicon(), nlp.Defaults.stop_words)


def test_inflections_of_a_keyword() -> None:
    assert {"killed", "killing", "kills"} <= inflections("kill")
    assert {"injured", "injuring"} <= inflections("injure")
    assert {"stabbed", "stabbing"} <= inflections("stab")
    assert "fatalities" in inflections("fatality")


def test_background_is_blanked_and_offsets_are_kept(nlp: Language, sentence_filter: SentenceFilter) -> None:
    head = "NAIROBI, March 3 - Police fired tear gas at protesters in Nairobi on Monday.\n\n"
    event = "Two people were killed when officers opened fire on the crowd.\n\n"
    text = head + BACKGROUND * 6 + "\n\n" + event + BACKGROUND * 6
    assert len(text) > MIN_CHARS
    masked = sentence_filter.mask(text, nlp.tokenizer)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(masked) if c == "\n"]
    start = text.index("Two people were killed")
    assert masked[start : start + len(event)] == text[start : start + len(event)]
    assert masked.startswith(head)  # the head of the document is always parsed
    assert "university opened" in text and "university opened" not in masked[len(head) + 800 : start - 200]
    # the sentences next to the kept one stay, for their dates, places and antecedents
    before = text.rindex("Its university", 0, start)
    assert masked[before : before + 20] == text[before : before + 20]


def test_short_documents_are_parsed_whole(nlp: Language, sentence_filter: SentenceFilter) -> None:
    text = BACKGROUND * 3
    assert len(text) < MIN_CHARS
    assert sentence_filter.mask(text, nlp.tokenizer) == text


def test_a_long_real_report_keeps_its_events_tallies_and_counts() -> None:
    text = (EXAMPLES / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")
    document = document_from_text(text, id="bolivia", published=date(2019, 11, 20))

    def coded(prefilter: bool) -> list[tuple[object, ...]]:
        result = Pipeline(prefilter=prefilter).extract_document(document)
        events = [
            (e.event_type, e.sub_event_type, e.fatalities, e.date.value, e.trigger.start)
            for e in result.events
        ]
        tallies = [("tally", t.value, t.span.start if t.span else None) for t in result.tallies]
        return sorted(events + tallies)  # type: ignore[operator]

    assert coded(True) == coded(False)

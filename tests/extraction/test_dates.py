"""Temporal expressions: finding them in parsed text and resolving them against an anchor."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from spacy.language import Language

from cronica.errors import DataFileError
from cronica.extraction.dates import (
    NO_ANCHOR_REASON,
    DateFinder,
    TemporalLexicon,
    find_date_expressions,
    resolve_date,
)
from cronica.records import Span

BOLIVIA = Path(__file__).resolve().parents[2] / "examples" / "bolivia-2019-11-20.txt"
PUBLISHED = date(2019, 11, 20)  # a Wednesday


# ---------------------------------------------------------------------------------------------
# resolve_date: one row per rule


DAY_CASES = [
    # absolute dates with a year
    ("November 10, 2019", PUBLISHED, "2019-11-10"),
    ("10 November 2019", PUBLISHED, "2019-11-10"),
    ("Sunday, November 10, 2019", PUBLISHED, "2019-11-10"),
    ("the 10th of November, 2019", PUBLISHED, "2019-11-10"),
    ("Nov. 10, 2019", PUBLISHED, "2019-11-10"),
    ("2019-11-10", PUBLISHED, "2019-11-10"),
    ("February 29, 2020", PUBLISHED, "2020-02-29"),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), DAY_CASES)
def test_absolute_date_with_year_resolves_without_anchor(text: str, anchor: date, expected: str) -> None:
    for given in (anchor, None):
        value = resolve_date(text, given)
        assert (value.value, value.precision) == (expected, "day")
        assert value.anchor_kind == "absolute"
        assert value.anchor is None
        assert value.start is None and value.end is None


RELATIVE_DAY_CASES = [
    # month and day without a year: the most recent such day not after the anchor
    ("November 10", PUBLISHED, "2019-11-10"),
    ("since November 10", PUBLISHED, "2019-11-10"),
    ("November \n\n10", PUBLISHED, "2019-11-10"),
    ("10 November", PUBLISHED, "2019-11-10"),
    ("the 10th of November", PUBLISHED, "2019-11-10"),
    ("November 20", PUBLISHED, "2019-11-20"),
    ("November 21", PUBLISHED, "2018-11-21"),
    ("December 28", date(2020, 1, 5), "2019-12-28"),
    ("February 29", date(2020, 3, 5), "2020-02-29"),
    ("February 29", date(2021, 3, 1), "2020-02-29"),
    ("February 29", date(2020, 2, 28), "2016-02-29"),
    # weekdays: the most recent such day strictly before the anchor
    ("Saturday", PUBLISHED, "2019-11-16"),
    ("On Saturday", PUBLISHED, "2019-11-16"),
    ("Monday", PUBLISHED, "2019-11-18"),
    ("on Monday night", PUBLISHED, "2019-11-18"),
    ("early Tuesday", PUBLISHED, "2019-11-19"),
    ("Wednesday", PUBLISHED, "2019-11-20"),  # the publication weekday is that day
    ("last Saturday", PUBLISHED, "2019-11-16"),
    ("next Saturday", PUBLISHED, "2019-11-23"),
    ("Tuesday", date(2020, 1, 1), "2019-12-31"),
    # day phrases
    ("yesterday", PUBLISHED, "2019-11-19"),
    ("last night", PUBLISHED, "2019-11-19"),
    ("late last night", PUBLISHED, "2019-11-19"),
    ("yesterday morning", PUBLISHED, "2019-11-19"),
    ("yesterday", date(2020, 1, 1), "2019-12-31"),
    ("yesterday", date(2020, 3, 1), "2020-02-29"),
    ("yesterday", date(2019, 3, 1), "2019-02-28"),
    ("today", PUBLISHED, "2019-11-20"),
    ("this morning", PUBLISHED, "2019-11-20"),
    ("tonight", PUBLISHED, "2019-11-20"),
    ("The following day", date(2019, 11, 15), "2019-11-16"),
    ("the next day", date(2019, 12, 31), "2020-01-01"),
    ("the day before", date(2019, 11, 16), "2019-11-15"),
    ("the day before", date(2020, 3, 1), "2020-02-29"),
    # counted offsets
    ("two days later", date(2019, 11, 12), "2019-11-14"),
    ("Two days later", date(2019, 12, 30), "2020-01-01"),
    ("three days ago", PUBLISHED, "2019-11-17"),
    ("a week later", date(2019, 11, 12), "2019-11-19"),
    ("10 days earlier", PUBLISHED, "2019-11-10"),
    # month and day with "last year"
    ("May 28 last year", date(2011, 12, 20), "2010-05-28"),
    ("since May 28 last year", date(2011, 12, 20), "2010-05-28"),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), RELATIVE_DAY_CASES)
def test_relative_day_resolves_against_anchor(text: str, anchor: date, expected: str) -> None:
    value = resolve_date(text, anchor)
    assert (value.value, value.precision) == (expected, "day")
    assert value.anchor == anchor.isoformat()
    assert value.anchor_kind == "publication"
    assert value.text == text


INTERVAL_CASES = [
    # (text, anchor, precision, value, start, end, relative)
    ("last week", PUBLISHED, "week", "2019-11-11", "2019-11-11", "2019-11-17", True),
    ("last week", date(2020, 1, 1), "week", "2019-12-23", "2019-12-23", "2019-12-29", True),
    ("this week", PUBLISHED, "week", "2019-11-18", "2019-11-18", "2019-11-24", True),
    ("the following week", PUBLISHED, "week", "2019-11-25", "2019-11-25", "2019-12-01", True),
    ("the weekend", date(2019, 11, 18), "week", "2019-11-16", "2019-11-16", "2019-11-17", True),
    ("earlier this week", PUBLISHED, "week", "2019-11-18", "2019-11-18", "2019-11-20", True),
    ("Last December", PUBLISHED, "month", "2018-12-01", "2018-12-01", "2018-12-31", True),
    ("last December", date(2020, 1, 15), "month", "2019-12-01", "2019-12-01", "2019-12-31", True),
    ("last November", PUBLISHED, "month", "2018-11-01", "2018-11-01", "2018-11-30", True),
    ("last March", PUBLISHED, "month", "2019-03-01", "2019-03-01", "2019-03-31", True),
    ("in November", PUBLISHED, "month", "2019-11-01", "2019-11-01", "2019-11-30", True),
    ("in December", PUBLISHED, "month", "2018-12-01", "2018-12-01", "2018-12-31", True),
    ("in February", date(2020, 3, 1), "month", "2020-02-01", "2020-02-01", "2020-02-29", True),
    ("last month", date(2020, 1, 15), "month", "2019-12-01", "2019-12-01", "2019-12-31", True),
    ("earlier this month", PUBLISHED, "month", "2019-11-01", "2019-11-01", "2019-11-20", True),
    ("later this month", PUBLISHED, "month", "2019-11-01", "2019-11-20", "2019-11-30", True),
    ("mid-November", PUBLISHED, "month", "2019-11-01", "2019-11-11", "2019-11-20", True),
    ("early November", PUBLISHED, "month", "2019-11-01", "2019-11-01", "2019-11-10", True),
    ("late February", date(2020, 3, 10), "month", "2020-02-01", "2020-02-21", "2020-02-29", True),
    ("late February", date(2019, 3, 10), "month", "2019-02-01", "2019-02-21", "2019-02-28", True),
    ("the end of last December", date(2020, 1, 10), "month", "2019-12-01", "2019-12-21", "2019-12-31", True),
    ("two months ago", date(2020, 1, 10), "month", "2019-11-01", "2019-11-01", "2019-11-30", True),
    ("a few days ago", PUBLISHED, "week", "2019-11-13", "2019-11-13", "2019-11-18", True),
    ("last year", PUBLISHED, "year", "2018-01-01", "2018-01-01", "2018-12-31", True),
    ("earlier this year", PUBLISHED, "year", "2019-01-01", "2019-01-01", "2019-11-20", True),
    ("in 2013", PUBLISHED, "year", "2013-01-01", "2013-01-01", "2013-12-31", False),
    ("2014", PUBLISHED, "year", "2014-01-01", "2014-01-01", "2014-12-31", False),
    ("mid-2019", PUBLISHED, "year", "2019-01-01", "2019-05-01", "2019-08-31", False),
    ("the 1990s", PUBLISHED, "year", "1990-01-01", "1990-01-01", "1999-12-31", False),
    ("November 2019", PUBLISHED, "month", "2019-11-01", "2019-11-01", "2019-11-30", False),
    ("mid-November 2019", None, "month", "2019-11-01", "2019-11-11", "2019-11-20", False),
    ("February 2020", None, "month", "2020-02-01", "2020-02-01", "2020-02-29", False),
]


@pytest.mark.parametrize(("text", "anchor", "precision", "value", "start", "end", "relative"), INTERVAL_CASES)
def test_coarse_date_has_precision_and_interval(
    text: str, anchor: date | None, precision: str, value: str, start: str, end: str, relative: bool
) -> None:
    resolved = resolve_date(text, anchor)
    assert (resolved.value, resolved.precision, resolved.start, resolved.end) == (
        value,
        precision,
        start,
        end,
    )
    if relative:
        assert anchor is not None
        assert (resolved.anchor, resolved.anchor_kind) == (anchor.isoformat(), "publication")
    else:
        assert (resolved.anchor, resolved.anchor_kind) == (None, "absolute")


def test_weekday_resolves_to_most_recent_before_publication() -> None:
    assert resolve_date("Saturday", PUBLISHED).value == "2019-11-16"
    assert resolve_date("Monday", PUBLISHED).value == "2019-11-18"
    # the anchor's own weekday is the anchor day (news usage); "last Wednesday" is a week earlier
    assert resolve_date("Wednesday", PUBLISHED).value == "2019-11-20"
    assert resolve_date("last Wednesday", PUBLISHED).value == "2019-11-13"
    assert resolve_date("today", PUBLISHED).value == "2019-11-20"


def test_chained_relative_uses_the_anchor_and_kind_the_caller_gives() -> None:
    # "What happened yesterday in Huayllani" is quoted from a report of November 16
    quoted = resolve_date("yesterday", date(2019, 11, 16), anchor_kind="quoted_report")
    assert (quoted.value, quoted.anchor, quoted.anchor_kind) == ("2019-11-15", "2019-11-16", "quoted_report")
    following = resolve_date("The following day", date(2019, 11, 15), anchor_kind="previous_event")
    assert (following.value, following.anchor_kind) == ("2019-11-16", "previous_event")


@pytest.mark.parametrize(
    "text",
    [
        "Saturday",
        "yesterday",
        "last night",
        "November 10",
        "the following day",
        "last week",
        "Last December",
        "two days later",
        "earlier this month",
        "mid-November",
        "in November",
    ],
)
def test_relative_date_with_no_anchor_is_never_resolved_against_today(text: str) -> None:
    value = resolve_date(text, None)
    assert value.value is None
    assert value.precision is None
    assert value.reason == NO_ANCHOR_REASON
    assert value.text == text


@pytest.mark.parametrize(
    "text",
    [
        "February 30",
        "February 29, 2019",
        "2019-13-01",
        "each day",
        "for 14 years",
        "five weeks",
        "the nearly 14-year",
        "the past month",
        "banana",
    ],
)
def test_impossible_or_non_date_words_are_unresolved_with_reason(text: str) -> None:
    for anchor in (PUBLISHED, None):
        value = resolve_date(text, anchor)
        assert value.value is None
        assert value.precision is None
        assert value.reason is not None and value.reason.startswith("not a date")


def test_resolved_value_keeps_the_callers_span() -> None:
    span = Span(10, 16, "Monday")
    assert resolve_date("Monday", PUBLISHED, span=span).span == span
    assert resolve_date("Monday", None, span=span).span == span


def test_odd_absolute_format_with_year_falls_back_to_dateparser() -> None:
    value = resolve_date("Sunday 10th November, 2019 at 3pm", None)
    assert (value.value, value.precision, value.anchor_kind) == ("2019-11-10", "day", "absolute")


# ---------------------------------------------------------------------------------------------
# find_date_expressions


@pytest.fixture(scope="module")
def bolivia_doc(nlp: Language):  # type: ignore[no-untyped-def]
    return nlp(re.sub(r"\s+", " ", BOLIVIA.read_text(encoding="utf-8")))


def _texts(spans: list) -> list[str]:  # type: ignore[type-arg]
    return [s.text for s in spans]


def _found(texts: list[str], expected: str) -> bool:
    """``expected`` is a found expression, alone or after its preposition ("since November 10")."""
    return any(t == expected or t.endswith(" " + expected) for t in texts)


@pytest.mark.parametrize(
    "expected",
    [
        "On Saturday",
        "Monday",
        "yesterday",
        "last night",
        "November 10",
        "November 15",
        "November 14",
        "November 16",
        "The following day",
        "Last December",
        "2014",
        "2013",
        "2017",
    ],
)
def test_bolivia_report_date_expressions_are_found(bolivia_doc, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(_texts(find_date_expressions(bolivia_doc)), expected)


def test_bolivia_durations_and_ages_are_not_dates(bolivia_doc) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(find_date_expressions(bolivia_doc))
    assert not any("each day" in t or "14-" in t or "year" in t for t in texts), texts


def test_found_expressions_are_ordered_and_do_not_overlap(bolivia_doc) -> None:  # type: ignore[no-untyped-def]
    spans = find_date_expressions(bolivia_doc)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert all(s.doc is bolivia_doc for s in spans)


def test_bolivia_expressions_resolve_against_publication_date(bolivia_doc) -> None:  # type: ignore[no-untyped-def]
    values = {s.text: resolve_date(s.text, PUBLISHED).value for s in find_date_expressions(bolivia_doc)}
    assert values["On Saturday"] == "2019-11-16"
    assert values["Monday"] == "2019-11-18"
    assert values["last night"] == "2019-11-19"
    assert values["Last December"] == "2018-12-01"
    assert values["since November 10"] == "2019-11-10"


def test_date_split_by_line_break_is_one_expression(nlp: Language) -> None:
    doc = nlp("backed the MAS administration until November \n\n10, when it demanded that Morales resign")
    texts = _texts(find_date_expressions(doc))
    assert texts == ["until November \n\n10"]
    assert resolve_date(texts[0], PUBLISHED).value == "2019-11-10"


def test_weekday_with_part_of_day_and_counted_offset_are_found(nlp: Language) -> None:
    doc = nlp(
        "Police fired tear gas on Tuesday night at students marching in Nairobi. Two days later, "
        "thousands returned. Every Friday, teachers gather outside parliament; the strike has lasted "
        "five weeks."
    )
    texts = _texts(find_date_expressions(doc))
    assert texts == ["on Tuesday night", "Two days later"]


def test_day_month_year_mid_month_and_earlier_this_month_are_found(nlp: Language) -> None:
    doc = nlp(
        "Soldiers killed nine people on 10 November 2019 in Sacaba. Marches resumed in mid-November "
        "and again earlier this month, a 45-year-old teacher said."
    )
    texts = _texts(find_date_expressions(doc))
    assert texts == ["on 10 November 2019", "in mid-November", "earlier this month"]


def test_iso_date_is_found_and_crowd_number_is_not_a_year(nlp: Language) -> None:
    doc = nlp(
        "Elections were held on 2019-10-20. The rally was called for Sunday, and around 2000 people came."
    )
    texts = _texts(find_date_expressions(doc))
    assert texts == ["on 2019-10-20", "Sunday"]


def test_chained_relatives_and_periods_are_found(nlp: Language) -> None:
    doc = nlp(
        "Farmers blocked the highway last week. The day before, the minister had resigned, and the "
        "next day the army moved in. Police arrested 40 people yesterday, three days after the vote."
    )
    texts = _texts(find_date_expressions(doc))
    assert texts == ["last week", "The day before", "the next day", "yesterday", "three days after"]


def test_month_day_last_year_and_few_days_ago_are_one_expression_each(nlp: Language) -> None:
    doc = nlp(
        "Night trains have been suspended since May 28 last year. A few days ago, the union called a "
        "strike for Saturday."
    )
    texts = _texts(find_date_expressions(doc))
    assert texts == ["since May 28 last year", "A few days ago", "Saturday"]


def test_find_on_a_sentence_returns_spans_of_the_document(nlp: Language) -> None:
    doc = nlp("The march began on Monday. Police dispersed it on Tuesday.")
    second = list(doc.sents)[1]
    spans = find_date_expressions(second)
    assert _texts(spans) == ["on Tuesday"]
    assert spans[0].doc is doc and spans[0].start >= second.start


def test_date_finder_is_built_once_and_reused(nlp: Language) -> None:
    finder = DateFinder(nlp.vocab)
    first = _texts(finder(nlp("Protesters marched on Saturday.")))
    second = _texts(finder(nlp("Troops fired on them yesterday.")))
    assert (first, second) == (["on Saturday"], ["yesterday"])


# ---------------------------------------------------------------------------------------------
# the lexicon data file


def test_bundled_temporal_lexicon_validates() -> None:
    lexicon = TemporalLexicon.load()
    assert sorted(set(lexicon.months.values())) == list(range(1, 13))
    assert sorted(set(lexicon.weekdays.values())) == list(range(7))
    assert not set(lexicon.months) & set(lexicon.weekdays)
    assert lexicon.day_offsets["yesterday"] == -1
    assert "each" in lexicon.non_date


def _bundled() -> dict:  # type: ignore[type-arg]
    path = Path(__file__).resolve().parents[2] / "src" / "cronica" / "data" / "temporal.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return raw


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("months", {13: ["smarch"]}),
        ("weekdays", {0: ["Monday"]}),
        ("day_offsets", {"yesterday": "minus one"}),
        ("non_date", "each"),
        ("numbers", None),
    ],
)
def test_invalid_temporal_lexicon_is_rejected(key: str, bad: object) -> None:
    raw = _bundled()
    if bad is None:
        del raw[key]
    elif isinstance(bad, dict) and key in ("months", "weekdays"):
        raw[key] = {**raw[key], **bad}
    else:
        raw[key] = bad
    with pytest.raises(DataFileError):
        TemporalLexicon.from_mapping(raw, "test")


def test_parts_of_day_and_same_day_phrases_resolve() -> None:
    from datetime import date

    from cronica.extraction.dates import resolve_date

    anchor = date(2024, 3, 6)  # a Wednesday
    assert resolve_date("Before dawn on Thursday", anchor).value == "2024-02-29"
    assert resolve_date("in the early hours of Friday", anchor).value == "2024-03-01"
    assert resolve_date("Sunday at night", anchor).value == "2024-03-03"
    assert resolve_date("Earlier the same day", anchor).value == "2024-03-06"

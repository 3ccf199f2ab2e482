"""Temporal expressions: find them in a parsed text, and normalise their words against an anchor.

Two context-free pieces that the event extractor combines (it decides which expression belongs to which
event and which anchor applies):

* :class:`DateFinder` (and :func:`find_date_expressions`): every temporal expression of a ``Doc`` or
  ``Span``, in order and non-overlapping: the small model's DATE/TIME entities that are real dates, and
  the patterns it misses or mislabels ("On Saturday", "the following day", "last night", "November \\n\\n10",
  "mid-November"). Durations, frequencies and ages ("each day", "for 14 years", "14-year reign") are not
  dates and are left out.
* :class:`DateResolver` (and :func:`resolve_date`): the words plus an anchor date give a
  :class:`~cronica.records.DateValue` with a precision (day, week, month, year), an interval when the day
  is not known, and the anchor used. A relative expression with no anchor stays unresolved with a reason;
  it is never resolved against today.

The words (month and weekday names, day offsets, number words, non-date markers) live in
``cronica/data/temporal.yaml``; both classes read it once, at construction.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml

from cronica.errors import DataFileError
from cronica.nlp.arrays import doc_ents
from cronica.nlp.matching import GatedMatcher, match_all
from cronica.records import DateValue, Precision, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.vocab import Vocab

__all__ = [
    "DateFinder",
    "DateResolver",
    "TemporalLexicon",
    "find_date_expressions",
    "resolve_date",
]

NO_ANCHOR_REASON = "relative date with no anchor: publication date unknown"

#: Words that may open an expression without changing its date; stripped before resolving.
_LEAD_WORDS = ("as of", "over", "around", "about", "circa", "at", "from")
_PARTS_OF_MONTH = MappingProxyType(
    {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20)}
)
_PARTS_OF_YEAR = MappingProxyType(
    {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8)}
)
_UNIT_DAYS = MappingProxyType({"day": 1, "week": 7})
#: dateparser settings for the fallback on odd absolute formats; RELATIVE_BASE is set per parser.
_DATEPARSER_SETTINGS = MappingProxyType(
    {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first"}
)
_FALLBACK_BASES = (datetime(2001, 6, 15), datetime(2037, 1, 20))


# ---------------------------------------------------------------------------------------------
# The lexicon


@dataclass(frozen=True)
class TemporalLexicon:
    """The words of ``temporal.yaml``, validated (see the file's header for the format)."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    day_offsets: Mapping[str, int]
    parts_of_day: frozenset[str]
    prepositions: frozenset[str]
    year_context: frozenset[str]
    non_date: frozenset[str]
    #: other languages' grammar: regex rewrites that turn an expression into the forms the resolver's
    #: rules read ("hace una semana" -> "una week ago"), tried after the words as written
    rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()
    #: extra matcher patterns by label; "$day", "$month", "$weekday", "$year", "$number" stand for the
    #: finder's own token patterns ("el viernes 15", "20 de noviembre de 2019")
    #: words that make an expression relative to the event told before ("the following day")
    chained: re.Pattern[str] | None = None
    patterns: Mapping[str, tuple[tuple[Any, ...], ...]] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def load(cls, path: str | Path | None = None) -> TemporalLexicon:
        """Read and validate the lexicon (the bundled ``temporal.yaml`` unless ``path`` is given)."""
        where = str(path) if path is not None else "cronica/data/temporal.yaml"
        try:
            if path is None:
                text = resources.files("cronica").joinpath("data/temporal.yaml").read_text("utf-8")
            else:
                text = Path(path).read_text("utf-8")
            raw = yaml.safe_load(text)
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(f"{where}: cannot read the temporal lexicon: {exc}") from exc
        return cls.from_mapping(raw, where)

    @classmethod
    def load_language(cls, language: str | None) -> TemporalLexicon:
        """The bundled ``temporal.yaml`` of ``language`` (``languages.yaml``; default English)."""
        if not language:
            return cls.load()
        from cronica.extraction.lexicon import language_data

        ref = language_data(language, "temporal.yaml")
        where = f"cronica/data/{language}/temporal.yaml"
        try:
            raw = yaml.safe_load(ref.read_text("utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(f"{where}: cannot read the temporal lexicon: {exc}") from exc
        return cls.from_mapping(raw, where)

    @classmethod
    def from_mapping(cls, raw: Any, where: str = "temporal lexicon") -> TemporalLexicon:
        if not isinstance(raw, dict):
            raise DataFileError(f"{where}: expected a mapping at the top level")
        missing = {
            "months",
            "weekdays",
            "numbers",
            "day_offsets",
            "parts_of_day",
            "prepositions",
            "year_context",
            "non_date",
        } - set(raw)
        if missing:
            raise DataFileError(f"{where}: missing keys: {', '.join(sorted(missing))}")
        months = _invert(raw["months"], range(1, 13), where, "months")
        weekdays = _invert(raw["weekdays"], range(0, 7), where, "weekdays")
        numbers = _word_ints(raw["numbers"], where, "numbers", minimum=1)
        day_offsets = _word_ints(raw["day_offsets"], where, "day_offsets", minimum=None)
        lists = {}
        for key in ("parts_of_day", "prepositions", "year_context", "non_date"):
            value = raw[key]
            if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
                raise DataFileError(f"{where}: {key} must be a list of words")
            if any(w != w.lower() for w in value):
                raise DataFileError(f"{where}: {key} must be lower case")
            lists[key] = frozenset(value)
        return cls(
            rewrites=_rewrites(raw.get("rewrites") or [], where),
            chained=_chained(raw.get("chained"), where),
            patterns=MappingProxyType(_extra_patterns(raw.get("patterns") or {}, where)),
            months=MappingProxyType(months),
            weekdays=MappingProxyType(weekdays),
            numbers=MappingProxyType(numbers),
            day_offsets=MappingProxyType(day_offsets),
            parts_of_day=lists["parts_of_day"],
            prepositions=lists["prepositions"],
            year_context=lists["year_context"],
            non_date=lists["non_date"],
        )


def _chained(raw: Any, where: str) -> re.Pattern[str] | None:
    if raw is None:
        return None
    try:
        return re.compile(str(raw), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"{where}: chained: bad pattern: {exc}") from exc


def _rewrites(raw: Any, where: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    if not isinstance(raw, list):
        raise DataFileError(f"{where}: rewrites must be a list of [pattern, replacement] pairs")
    out = []
    for i, pair in enumerate(raw):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise DataFileError(f"{where}: rewrites[{i}] must be [pattern, replacement]")
        try:
            out.append((re.compile(pair[0]), pair[1]))
        except re.error as exc:
            raise DataFileError(f"{where}: rewrites[{i}]: bad pattern {pair[0]!r}: {exc}") from exc
    return tuple(out)


def _extra_patterns(raw: Any, where: str) -> dict[str, tuple[tuple[Any, ...], ...]]:
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: patterns must map labels to lists of token patterns")
    out: dict[str, tuple[tuple[Any, ...], ...]] = {}
    for label, patterns in raw.items():
        if not (isinstance(patterns, list) and all(isinstance(p, list) and p for p in patterns)):
            raise DataFileError(f"{where}: patterns.{label} must be a list of non-empty token lists")
        for p in patterns:
            for tok in p:
                if not (isinstance(tok, dict) or (isinstance(tok, str) and tok.startswith("$"))):
                    raise DataFileError(f"{where}: patterns.{label}: {tok!r} is no token pattern")
        out[str(label)] = tuple(tuple(p) for p in patterns)
    return out


def _invert(raw: Any, keys: range, where: str, name: str) -> dict[str, int]:
    if not isinstance(raw, dict) or set(raw) != set(keys):
        raise DataFileError(f"{where}: {name} must map each of {keys.start}..{keys.stop - 1} to spellings")
    out: dict[str, int] = {}
    for number, words in raw.items():
        if not isinstance(words, list) or not words:
            raise DataFileError(f"{where}: {name}[{number}] must be a non-empty list of spellings")
        for word in words:
            if not isinstance(word, str) or word != word.lower() or not word:
                raise DataFileError(f"{where}: {name}[{number}]: {word!r} must be a lower-case word")
            if word in out and out[word] != number:
                raise DataFileError(f"{where}: {name}: {word!r} is listed under {out[word]} and {number}")
            out[word] = number
    return out


def _word_ints(raw: Any, where: str, name: str, minimum: int | None) -> dict[str, int]:
    if not isinstance(raw, dict) or not raw:
        raise DataFileError(f"{where}: {name} must be a non-empty mapping of phrases to integers")
    out: dict[str, int] = {}
    for phrase, value in raw.items():
        if not isinstance(phrase, str) or phrase != phrase.lower() or phrase != " ".join(phrase.split()):
            raise DataFileError(f"{where}: {name}: {phrase!r} must be lower case, single-spaced")
        if isinstance(value, bool) or not isinstance(value, int) or (minimum is not None and value < minimum):
            raise DataFileError(f"{where}: {name}[{phrase!r}] must be an integer")
        out[phrase] = value
    return out


# ---------------------------------------------------------------------------------------------
# Resolving words to a DateValue


@dataclass(frozen=True)
class _Found:
    """What a rule made of the words: a day, or an interval with a precision."""

    start: date
    end: date
    precision: Precision
    relative: bool


_Rule = Callable[["re.Match[str]", "date | None"], "_Found | str | None"]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_interval(year: int, month: int, relative: bool) -> _Found:
    return _Found(date(year, month, 1), _month_end(year, month), "month", relative)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day(value: date, relative: bool = True) -> _Found:
    return _Found(value, value, "day", relative)


_CLOCK = re.compile(
    r"(?:\b(?:from|at|around|about|until|till|by)\s+)?\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|hrs|hours)(?=\W|$)"
    r"|(?:\b(?:at|around|about)\s+)?\b\d{1,2}:\d{2}\b"
)


class DateResolver:
    """Turns the words of one temporal expression into a :class:`DateValue` (see :meth:`resolve`).

    The rules, in order, for an anchor ``A``:

    * absolute dates with a year ("November 10, 2019", "10 November 2019", "2019-11-10") -> that day;
      "November 2019" -> the month; "2013" / "in 2013" -> the year; "mid-2019" -> part of the year;
      "the 1990s" -> the decade; anchor_kind ``absolute``, no anchor;
    * month and day without a year -> the most recent such day not after ``A``;
    * a month alone -> the most recent such month not after ``A``'s month; "last December" -> the most
      recent December before ``A``'s month; "this"/"next" December likewise; "early/mid/late November",
      "the end of November" -> a third of that month;
    * a weekday ("Saturday", "last Saturday", "Monday night") -> the most recent such day not after
      ``A`` (the anchor's own weekday is ``A``: news usage); "next Saturday" -> the first after;
      "this Saturday" -> the one in ``A``'s week;
    * a day phrase from the lexicon ("yesterday", "last night", "the following day", "the day before")
      -> ``A`` plus its offset;
    * "two days later" / "three days ago" / "a week earlier" -> ``A`` plus or minus the days; months and
      years -> that month or year;
    * "last/this/next week|month|year", "the following week", "the weekend", "earlier this month",
      "later this year" -> that interval, ending at ``A`` for "earlier this ...".

    Without an anchor only the absolute rules resolve; everything else keeps its words and a reason.
    """

    def __init__(self, lexicon: TemporalLexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else TemporalLexicon.load()
        lex = self.lexicon
        month = f"(?P<month>{_alternation(lex.months)})"
        weekday = f"(?P<weekday>{_alternation(lex.weekdays)})"
        opt_weekday = rf"(?:(?:{_alternation(lex.weekdays)}),? )?"
        day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        year = r"(?P<year>(?:1[5-9]|20|21)\d\d)"
        pod = f"(?:{_alternation(lex.parts_of_day)})"
        number = rf"(?P<number>\d+|{_alternation(lex.numbers)})"
        part = r"(?P<part>early|mid|late)"
        part_of = r"the (?P<partof>beginning|start|middle|end) of"
        lead = _alternation((*lex.prepositions, *_LEAD_WORDS))
        self._lead = re.compile(rf"^(?:{lead}) ")
        self._pod_tail = re.compile(rf" (?:(?:at|in the|before|around|by|after) )?{pod}$")
        self._partday_head = re.compile(
            rf"^(?:(?:early|late) (?:on )?|(?:before|at|around|after|by) {pod} (?:on )?"
            rf"|(?:in )?the (?:early |small |late )?(?:hours|{pod}) of |overnight (?:on |into )?)"
        )
        rules: list[tuple[str, _Rule]] = [
            (r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})", self._iso),
            (rf"{opt_weekday}{month} {day},? {year}", self._full),
            (rf"{opt_weekday}(?:the )?{day}(?: of)? {month},? {year}", self._full),
            (rf"(?:{part}-? ?|{part_of} ){month},? {year}", self._month_part_year),
            (rf"{month},? {year}", self._month_year),
            (rf"(?:{part}-? ?|{part_of} ){year}", self._year_part),
            (year, self._year),
            (r"(?:the )?(?P<decade>(?:1[5-9]|20)\d)0'?s", self._decade),
            (rf"{opt_weekday}{month} {day},? (?P<which>last|this|next) year", self._month_day_of_year),
            (
                rf"{opt_weekday}(?:the )?{day}(?: of)? {month},? (?P<which>last|this|next) year",
                self._month_day_of_year,
            ),
            (rf"{opt_weekday}{month} {day}", self._month_day),
            (rf"{opt_weekday}(?:the )?{day}(?: of)? {month}", self._month_day),
            (rf"(?:{part}-? ?|{part_of} )(?:(?P<which>last|this|next) )?{month}", self._month_part),
            (rf"(?:(?P<which>last|this|next) )?{month}", self._month_alone),
            (rf"{weekday},? (?:the )?{day}", self._weekday_day),
            (rf"(?:(?P<which>last|this|next|past) )?{weekday}", self._weekday),
            (
                rf"{number} (?P<unit>day|week|month|year)s? (?P<direction>later|after|earlier|before|ago)",
                self._count,
            ),
            (
                r"(?:a )?(?:few|several|couple of) days (?P<direction>later|after|earlier|before|ago)",
                self._few_days,
            ),
            (
                r"(?:(?P<which>the last|last|this|next|past|previous|following|coming)|the (?P<thewhich>"
                r"previous|following|next|same|past)) (?P<unit>week|weekend|month|year)",
                self._period,
            ),
            (r"(?:the|that) (?P<unit>week|month|year) (?P<direction>before|after)", self._period_before),
            (r"(?:the )?weekend", self._weekend),
            (
                r"(?P<direction>earlier|later) (?:this|in the) (?P<unit>week|month|year)",
                self._part_of_current,
            ),
        ]
        self._rules = tuple((re.compile(pattern), rule) for pattern, rule in rules)
        self._fallback: tuple[Any, ...] | None = None

    # -- public ------------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        anchor: date | None,
        anchor_kind: str = "publication",
        span: Span | None = None,
    ) -> DateValue:
        """Normalise ``text`` against ``anchor``; see the class docstring for the rules."""
        if isinstance(anchor, datetime):
            anchor = anchor.date()
        words = self.normalise(text)
        result: _Found | str | None = None
        for candidate in self._candidates(words):
            result = self._apply(candidate, anchor)
            if result is not None:
                break
        if result is None:
            result = self._dateparser_absolute(words)
        if result is None:
            return DateValue(None, None, text=text, span=span, reason=f"not a date: {text!r}")
        if isinstance(result, str):
            if result == NO_ANCHOR_REASON:
                return DateValue(None, None, text=text, span=span, reason=result)
            return DateValue(None, None, text=text, span=span, reason=f"not a date: {text!r} ({result})")
        return self._value(result, text, anchor, anchor_kind, span)

    def recognises(self, text: str) -> bool:
        """Whether the words have the form of a date this resolver knows (no dateparser guessing)."""
        words = self.normalise(text)
        for candidate in self._candidates(words):
            found = self._apply(candidate, None)
            if isinstance(found, _Found) or found == NO_ANCHOR_REASON:
                return True
        return False

    def normalise(self, text: str) -> str:
        """Lower case, single spaces, no surrounding punctuation or possessive."""
        words = " ".join(text.lower().replace("\u2019", "'").split())
        words = words.strip(" ,;:()[]\"'\u201c\u201d")
        words = re.sub(r"'s$", "", words)
        words = re.sub(r"(?<=\w)- (?=\w)", "-", words)  # "mid- November" from a repaired line break
        # "7pm today", "at 21:30 on Monday": the clock time does not change the day
        words = _CLOCK.sub(" ", words).strip(" ,")
        words = " ".join(words.split())
        while True:
            stripped = self._lead.sub("", words, count=1)
            if stripped == words:
                return words
            words = stripped

    # -- matching ----------------------------------------------------------------------------

    def _candidates(self, words: str) -> Iterable[str]:
        """The words, then the words without "early"/"late" before a day, then without a part of day."""
        yield words
        if words in self.lexicon.day_offsets:
            return
        bare = self._partday_head.sub("", words, count=1)
        if bare != words:
            yield bare
        no_pod = self._pod_tail.sub("", bare, count=1)
        if no_pod != bare and no_pod:
            yield no_pod
        if self.lexicon.rewrites:
            rewritten = self._rewritten(words)
            if rewritten != words:
                yield from self._candidates(rewritten)

    def _rewritten(self, words: str) -> str:
        """The lexicon's rewrites applied in order until none changes the words."""
        for _ in range(4):
            before = words
            for pattern, replacement in self.lexicon.rewrites:
                words = " ".join(pattern.sub(replacement, words).split())
            if words == before:
                break
        return words

    def _apply(self, words: str, anchor: date | None) -> _Found | str | None:
        offset = self.lexicon.day_offsets.get(words)
        if offset is not None:
            if anchor is None:
                return NO_ANCHOR_REASON
            return _day(anchor + timedelta(days=offset))
        for pattern, rule in self._rules:
            match = pattern.fullmatch(words)
            if match is None:
                continue
            found = rule(match, anchor)
            if isinstance(found, _Found) and found.relative and anchor is None:
                return NO_ANCHOR_REASON
            if found is not None:
                return found
        return None

    def _value(
        self, found: _Found, text: str, anchor: date | None, anchor_kind: str, span: Span | None
    ) -> DateValue:
        if found.precision == "day":
            value, start, end = found.start.isoformat(), None, None
        else:
            if found.precision == "month":
                first = found.start.replace(day=1)
            elif found.precision == "year":
                first = found.start.replace(month=1, day=1)
            else:
                first = found.start
            value, start, end = first.isoformat(), found.start.isoformat(), found.end.isoformat()
        if found.relative:
            assert anchor is not None
            used_anchor, kind = anchor.isoformat(), anchor_kind
        else:
            used_anchor, kind = None, "absolute"
        return DateValue(
            value=value,
            precision=found.precision,
            text=text,
            span=span,
            anchor=used_anchor,
            anchor_kind=kind,
            start=start,
            end=end,
        )

    # -- rules (each returns a _Found, a reason string, or None when the form does not apply) ----

    def _month_number(self, word: str) -> int:
        return self.lexicon.months[word]

    def _iso(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        return self._exact(int(m["year"]), int(m["month"]), int(m["day"]))

    def _full(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        return self._exact(int(m["year"]), self._month_number(m["month"]), int(m["day"]))

    @staticmethod
    def _exact(year: int, month: int, day: int) -> _Found | str:
        try:
            return _day(date(year, month, day), relative=False)
        except ValueError:
            return f"{year:04d}-{month:02d}-{day:02d} does not exist"

    def _month_year(self, m: re.Match[str], anchor: date | None) -> _Found:
        return _month_interval(int(m["year"]), self._month_number(m["month"]), relative=False)

    def _month_part_year(self, m: re.Match[str], anchor: date | None) -> _Found:
        return self._part_of_month(int(m["year"]), self._month_number(m["month"]), m, relative=False)

    @staticmethod
    def _part_of_month(year: int, month: int, m: re.Match[str], relative: bool) -> _Found:
        part = m["part"] or m["partof"]
        last = calendar.monthrange(year, month)[1]
        first_day, last_day = _PARTS_OF_MONTH.get(part, (21, last))
        return _Found(date(year, month, first_day), date(year, month, last_day), "month", relative)

    def _year(self, m: re.Match[str], anchor: date | None) -> _Found:
        year = int(m["year"])
        return _Found(date(year, 1, 1), date(year, 12, 31), "year", relative=False)

    def _year_part(self, m: re.Match[str], anchor: date | None) -> _Found:
        year = int(m["year"])
        first, last = _PARTS_OF_YEAR.get(m["part"] or m["partof"], (9, 12))
        return _Found(date(year, first, 1), _month_end(year, last), "year", relative=False)

    def _decade(self, m: re.Match[str], anchor: date | None) -> _Found:
        first = int(m["decade"]) * 10
        return _Found(date(first, 1, 1), date(first + 9, 12, 31), "year", relative=False)

    def _month_day(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        month, day = self._month_number(m["month"]), int(m["day"])
        if day < 1 or day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year
            return f"{calendar.month_name[month]} {day} does not exist"
        if anchor is None:
            return NO_ANCHOR_REASON
        for year in range(anchor.year, anchor.year - 9, -1):  # Feb 29 recurs within 8 years
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate <= anchor:
                return _day(candidate)
        return f"no {calendar.month_name[month]} {day} before the anchor"

    def _month_day_of_year(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        """ "May 28 last year": the day in the year before (or of, or after) the anchor's."""
        month, day = self._month_number(m["month"]), int(m["day"])
        if anchor is None:
            return NO_ANCHOR_REASON
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["which"]]
        try:
            return _day(date(year, month, day))
        except ValueError:
            return f"{calendar.month_name[month]} {day} does not exist in {year}"

    def _few_days(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        """ "a few days ago": two to seven days from the anchor, week precision."""
        if anchor is None:
            return NO_ANCHOR_REASON
        if m["direction"] in ("later", "after"):
            return _Found(anchor + timedelta(days=2), anchor + timedelta(days=7), "week", relative=True)
        return _Found(anchor - timedelta(days=7), anchor - timedelta(days=2), "week", relative=True)

    def _which_month(self, month: int, which: str | None, anchor: date) -> tuple[int, int]:
        """The year of ``month``: most recent not after the anchor's month, or last/this/next."""
        if which == "this":
            return anchor.year, month
        if which == "next":
            return (anchor.year if month > anchor.month else anchor.year + 1), month
        if which == "last":
            return (anchor.year if month < anchor.month else anchor.year - 1), month
        return (anchor.year if month <= anchor.month else anchor.year - 1), month

    def _month_alone(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        if anchor is None:
            return NO_ANCHOR_REASON
        year, month = self._which_month(self._month_number(m["month"]), m["which"], anchor)
        return _month_interval(year, month, relative=True)

    def _month_part(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        if anchor is None:
            return NO_ANCHOR_REASON
        year, month = self._which_month(self._month_number(m["month"]), m["which"], anchor)
        return self._part_of_month(year, month, m, relative=True)

    def _weekday(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        if anchor is None:
            return NO_ANCHOR_REASON
        weekday = self.lexicon.weekdays[m["weekday"]]
        which = m["which"]
        if which == "next":
            return _day(anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1))
        if which == "this":
            return _day(anchor + timedelta(days=weekday - anchor.weekday()))
        if which is None and weekday == anchor.weekday():
            # news usage: "police fired on Tuesday" in a story of that Tuesday is that day
            return _day(anchor)
        return _day(anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1))

    def _weekday_day(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        """ "el martes 19", "Tuesday the 19th": the latest day numbered so, not after the anchor, that
        falls on that weekday (else the latest day numbered so: the number is the surer word)."""
        if anchor is None:
            return NO_ANCHOR_REASON
        number, weekday = int(m["day"]), self.lexicon.weekdays[m["weekday"]]
        days = [anchor - timedelta(days=k) for k in range(0, 62)]
        numbered = [d for d in days if d.day == number]
        if not numbered:
            return f"no day {number} before the anchor"
        return _day(next((d for d in numbered if d.weekday() == weekday), numbered[0]))

    def _count(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        word = m["number"]
        count = int(word) if word.isdigit() else self.lexicon.numbers[word]
        sign = 1 if m["direction"] in ("later", "after") else -1
        if anchor is None:
            return NO_ANCHOR_REASON
        unit = m["unit"]
        if unit in _UNIT_DAYS:
            return _day(anchor + timedelta(days=sign * count * _UNIT_DAYS[unit]))
        if unit == "month":
            year, month = _add_months(anchor.year, anchor.month, sign * count)
            return _month_interval(year, month, relative=True)
        year = anchor.year + sign * count
        return _Found(date(year, 1, 1), date(year, 12, 31), "year", relative=True)

    def _period(self, m: re.Match[str], anchor: date | None) -> _Found | str | None:
        which = m["which"] or m["thewhich"]
        unit = m["unit"]
        if which in ("past", "the last") and unit != "week":
            return None  # "the past month": a stretch of time, not a date
        if anchor is None:
            return NO_ANCHOR_REASON
        step = {"last": -1, "previous": -1, "past": -1, "next": 1, "following": 1, "coming": 1}.get(which, 0)
        if which in ("past", "the last"):  # the seven days before the anchor
            return _Found(anchor - timedelta(days=7), anchor - timedelta(days=1), "week", relative=True)
        return self._shifted(unit, anchor, step)

    @staticmethod
    def _shifted(unit: str, anchor: date, step: int) -> _Found:
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
            return _Found(monday, monday + timedelta(days=6), "week", relative=True)
        if unit == "weekend":
            saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5, weeks=step)
            return _Found(saturday, saturday + timedelta(days=1), "week", relative=True)
        if unit == "month":
            year, month = _add_months(anchor.year, anchor.month, step)
            return _month_interval(year, month, relative=True)
        year = anchor.year + step
        return _Found(date(year, 1, 1), date(year, 12, 31), "year", relative=True)

    def _period_before(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        if anchor is None:
            return NO_ANCHOR_REASON
        return self._shifted(m["unit"], anchor, -1 if m["direction"] == "before" else 1)

    def _weekend(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        """The most recent weekend whose Saturday is before the anchor."""
        if anchor is None:
            return NO_ANCHOR_REASON
        saturday = anchor - timedelta(days=(anchor.weekday() - 5 - 1) % 7 + 1)
        return _Found(saturday, saturday + timedelta(days=1), "week", relative=True)

    def _part_of_current(self, m: re.Match[str], anchor: date | None) -> _Found | str:
        if anchor is None:
            return NO_ANCHOR_REASON
        whole = self._shifted(m["unit"], anchor, 0)
        if m["direction"] == "earlier":
            return _Found(whole.start, anchor, whole.precision, relative=True)
        return _Found(anchor, whole.end, whole.precision, relative=True)

    # -- fallback ----------------------------------------------------------------------------

    def _dateparser_absolute(self, words: str) -> _Found | None:
        """Odd absolute formats ("10.11.2019"): dateparser, trusted only when the year is written and
        the result does not depend on the reference date."""
        year = re.search(r"\b(1[5-9]|20|21)\d\d\b", words)
        if year is None:
            return None
        if self._fallback is None:
            from dateparser.date import DateDataParser

            self._fallback = tuple(
                DateDataParser(languages=["en"], settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": base})
                for base in _FALLBACK_BASES
            )
        results = [parser.get_date_data(words) for parser in self._fallback]
        if any(r.date_obj is None for r in results):
            return None
        first, second = results
        if first.date_obj.date() != second.date_obj.date() or first.period != second.period:
            return None
        found = first.date_obj.date()
        if found.year != int(year.group(0)):
            return None
        if first.period == "year":
            return _Found(date(found.year, 1, 1), date(found.year, 12, 31), "year", relative=False)
        if first.period == "month":
            return _month_interval(found.year, found.month, relative=False)
        return _day(found, relative=False)


# ---------------------------------------------------------------------------------------------
# Finding expressions in a parsed text


class DateFinder:
    """Finds the temporal expressions of a ``Doc`` or ``Span``; build once per vocabulary.

    Spans come from a rule matcher over the lexicon's words (weekdays, months, day phrases, counted
    offsets, periods) and from the model's DATE/TIME entities whose words :class:`DateResolver`
    recognises as a date. A preposition from the lexicon just before an expression ("On Saturday",
    "since November 10", "in 2013") is part of its span. Expressions preceded or containing a non-date
    word ("each day", "every Friday") are left out, and so are bare years and months with no context
    that makes them a date.
    """

    def __init__(
        self,
        vocab: Vocab,
        lexicon: TemporalLexicon | None = None,
        resolver: DateResolver | None = None,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else TemporalLexicon.load()
        self.resolver = resolver if resolver is not None else DateResolver(self.lexicon)
        # One gated matcher a label (greedy LONGEST filters within a label, so the matches are those
        # of one shared matcher), each run only on texts holding a word its patterns require: most
        # texts hold no "the following day" or "last week", and the 49 day phrases were 40% of the cost.
        self.matchers = [
            GatedMatcher(vocab, {label: [_spaced(p) for p in patterns]}, greedy="LONGEST")
            for label, patterns in self._patterns().items()
        ]

    def __call__(self, doclike: Doc | SpacySpan) -> list[SpacySpan]:
        from spacy.tokens import Span as SpacySpanType
        from spacy.util import filter_spans

        doc = doclike.doc if isinstance(doclike, SpacySpanType) else doclike
        lower_bound = doclike.start if isinstance(doclike, SpacySpanType) else 0
        found: list[SpacySpan] = []
        for span in match_all(self.matchers, doclike):
            if not self._keep(span, lower_bound):
                continue
            found.append(self._with_preposition(span, lower_bound))
        taken = {i for span in found for i in range(span.start, span.end)}
        for ent in doclike.ents if isinstance(doclike, SpacySpanType) else doc_ents(doclike):
            if ent.label_ not in ("DATE", "TIME") or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if self._non_date(ent, lower_bound) or not self.resolver.recognises(ent.text):
                continue
            found.append(self._with_preposition(ent, lower_bound))
        spans = filter_spans([s for s in (_trimmed(doc, s.start, s.end) for s in found) if s is not None])
        return sorted(spans, key=lambda s: s.start)

    # -- filters ---------------------------------------------------------------------------------

    def _non_date(self, span: SpacySpan, lower_bound: int) -> bool:
        words = {t.lower_ for t in span}
        if span.start > lower_bound:
            words.add(span.doc[span.start - 1].lower_)
        if words & self.lexicon.non_date:
            return True
        # "14-year reign", "a 10-day strike", "three-year-old": a number joined to a unit
        return any(t.text == "-" or t.text.endswith("-") for t in span) and any(
            t.lower_ in ("day", "week", "month", "year", "old") for t in span
        )

    def _keep(self, span: SpacySpan, lower_bound: int) -> bool:
        if self._non_date(span, lower_bound):
            return False
        if span.label_ not in ("BARE_YEAR", "BARE_MONTH"):
            return True
        doc = span.doc
        prev = doc[span.start - 1] if span.start > lower_bound else None
        if prev is not None and prev.is_space and span.start - 1 > lower_bound:
            prev = doc[span.start - 2]
        following = doc[span.end] if span.end < len(doc) else None
        if span.label_ == "BARE_YEAR":
            if following is not None and following.tag_ == "NNS":  # "around 2000 people"
                return False
            if any(t.ent_type_ == "DATE" for t in span):
                return True
        return prev is not None and prev.lower_ in self.lexicon.year_context

    def _with_preposition(self, span: SpacySpan, lower_bound: int) -> SpacySpan:
        if span.start > lower_bound and span[0].lower_ not in self.lexicon.prepositions:
            prev = span.doc[span.start - 1]
            if prev.lower_ in self.lexicon.prepositions:
                return span.doc[span.start - 1 : span.end]
        return span

    # -- patterns --------------------------------------------------------------------------------

    def _patterns(self) -> dict[str, list[list[dict[str, Any]]]]:
        lex = self.lexicon
        month: dict[str, Any] = {"LOWER": {"IN": sorted(lex.months)}, "IS_LOWER": False}
        weekday: dict[str, Any] = {"LOWER": {"IN": sorted(lex.weekdays)}}
        day: dict[str, Any] = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
        year: dict[str, Any] = {"TEXT": {"REGEX": r"^(1[5-9]|20)\d\d$"}}
        comma: dict[str, Any] = {"ORTH": ",", "OP": "?"}
        pod: dict[str, Any] = {"LOWER": {"IN": sorted(lex.parts_of_day)}, "OP": "?"}
        part: dict[str, Any] = {"LOWER": {"IN": ["early", "mid", "late"]}}
        hyphen: dict[str, Any] = {"ORTH": "-", "OP": "?"}
        which: dict[str, Any] = {"LOWER": {"IN": ["last", "this", "next"]}}
        early_late: dict[str, Any] = {"LOWER": {"IN": ["early", "late"]}, "OP": "?"}
        month_words = _alternation(lex.months)
        unit: dict[str, Any] = {
            "LOWER": {"IN": ["day", "days", "week", "weeks", "month", "months", "year", "years"]}
        }
        number_word: dict[str, Any] = {"LOWER": {"IN": sorted(lex.numbers)}}
        direction: dict[str, Any] = {"LOWER": {"IN": ["later", "after", "earlier", "before", "ago"]}}
        period: dict[str, Any] = {"LOWER": {"IN": ["week", "weekend", "month", "year"]}}
        lead_weekday: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(lex.weekdays)}, "OP": "?"}, comma]
        patterns: dict[str, list[list[dict[str, Any]]]] = {
            "FULL_DATE": [
                [*lead_weekday, month, day, comma, year],
                [
                    *lead_weekday,
                    {"LOWER": "the", "OP": "?"},
                    day,
                    {"LOWER": "of", "OP": "?"},
                    month,
                    comma,
                    year,
                ],
                [
                    year,
                    {"ORTH": "-"},
                    {"TEXT": {"REGEX": r"^\d\d?$"}},
                    {"ORTH": "-"},
                    {"TEXT": {"REGEX": r"^\d\d?$"}},
                ],
                [{"TEXT": {"REGEX": r"^\d{4}-\d\d?-\d\d?$"}}],
            ],
            "MONTH_DAY": [
                [*lead_weekday, month, day, comma, which, {"LOWER": "year"}],
                [
                    *lead_weekday,
                    {"LOWER": "the", "OP": "?"},
                    day,
                    {"LOWER": "of", "OP": "?"},
                    month,
                    comma,
                    which,
                    {"LOWER": "year"},
                ],
                [*lead_weekday, month, day],
                [*lead_weekday, {"LOWER": "the", "OP": "?"}, day, {"LOWER": "of", "OP": "?"}, month],
            ],
            "MONTH": [
                [month, comma, year],
                [which, month],
                [part, hyphen, month, {"TEXT": {"REGEX": r"^(1[5-9]|20)\d\d$"}, "OP": "?"}],
                [part, hyphen, which, month],
                [{"LOWER": {"REGEX": rf"^(early|mid|late)-({month_words})$"}}],
                [
                    {"LOWER": "the"},
                    {"LOWER": {"IN": ["beginning", "start", "middle", "end"]}},
                    {"LOWER": "of"},
                    {"LOWER": {"IN": ["last", "this", "next"]}, "OP": "?"},
                    month,
                    {"TEXT": {"REGEX": r"^\d{4}$"}, "OP": "?"},
                ],
            ],
            "YEAR": [
                [part, hyphen, year],
                [{"LOWER": {"REGEX": r"^(early|mid|late)-(1[5-9]|20)\d\d$"}}],
                [{"LOWER": "the", "OP": "?"}, {"TEXT": {"REGEX": r"^(1[5-9]|20)\d0'?s$"}}],
            ],
            "BARE_YEAR": [[year]],
            "BARE_MONTH": [[month]],
            "WEEKDAY": [
                [early_late, {"LOWER": {"IN": ["last", "this", "next", "past"]}, "OP": "?"}, weekday, pod],
            ],
            "DAY_PHRASE": [
                [early_late, *[{"LOWER": w} for w in phrase.split()], pod]
                for phrase in sorted(lex.day_offsets)
            ],
            "COUNTED": [
                [{"LIKE_NUM": True}, unit, direction],
                [number_word, unit, direction],
                [
                    {"LOWER": "a", "OP": "?"},
                    {"LOWER": {"IN": ["few", "several", "couple"]}},
                    {"LOWER": "of", "OP": "?"},
                    {"LOWER": "days"},
                    direction,
                ],
            ],
            "PERIOD": [
                [
                    {"LOWER": {"IN": ["last", "this", "next", "past", "previous", "following", "coming"]}},
                    period,
                ],
                [
                    {"LOWER": "the"},
                    {"LOWER": {"IN": ["previous", "following", "next", "same", "past", "last"]}},
                    period,
                ],
                [
                    {"LOWER": {"IN": ["the", "that"]}},
                    {"LOWER": {"IN": ["week", "month", "year"]}},
                    {"LOWER": {"IN": ["before", "after"]}},
                ],
                [{"LOWER": "the"}, {"LOWER": "weekend"}],
                [
                    {"LOWER": {"IN": ["earlier", "later"]}},
                    {"LOWER": {"IN": ["this", "in"]}},
                    {"LOWER": "the", "OP": "?"},
                    {"LOWER": {"IN": ["week", "month", "year"]}},
                ],
            ],
        }
        slots: dict[str, dict[str, Any]] = {
            "$day": day,
            "$month": {"LOWER": {"IN": sorted(lex.months)}},  # any case: Spanish writes "noviembre"
            "$weekday": weekday,
            "$year": year,
            "$number": {"LOWER": {"IN": sorted(lex.numbers)}},
        }
        for label, extra in lex.patterns.items():
            patterns.setdefault(label, []).extend(
                [slots[t] if isinstance(t, str) else dict(t) for t in p] for p in extra
            )
        return patterns


def _trimmed(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """``doc[start:end]`` without whitespace tokens at either end (None when nothing is left)."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if start < end else None


def _spaced(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pattern with optional whitespace tokens between its tokens ("November \\n\\n10")."""
    out: list[dict[str, Any]] = []
    for i, token in enumerate(pattern):
        if i:
            out.append({"IS_SPACE": True, "OP": "*"})
        out.append(token)
    return out


# ---------------------------------------------------------------------------------------------
# Module-level conveniences over one finder per vocabulary and one resolver


@lru_cache(maxsize=4)
def _finder_for(vocab: Vocab) -> DateFinder:
    return DateFinder(vocab, resolver=_default_resolver())


@lru_cache(maxsize=1)
def _default_resolver() -> DateResolver:
    return DateResolver()


def find_date_expressions(doc: Doc | SpacySpan) -> list[SpacySpan]:
    """Every temporal expression of ``doc`` (a ``Doc`` or ``Span``), in order, non-overlapping.

    Uses one :class:`DateFinder` per vocabulary, built on first use.
    """
    return _finder_for(doc.vocab)(doc)


def resolve_date(
    text: str,
    anchor: date | None,
    anchor_kind: str = "publication",
    span: Span | None = None,
) -> DateValue:
    """Normalise the words ``text`` against ``anchor`` (see :class:`DateResolver` for the rules).

    ``anchor_kind`` says what the anchor is (``publication``, ``quoted_report``, ``previous_event``) and
    is recorded on relative results; absolute dates get ``absolute`` and no anchor. With no anchor a
    relative expression stays unresolved with a reason; words that are no date give ``value=None`` and
    a ``not a date`` reason.
    """
    return _default_resolver().resolve(text, anchor, anchor_kind, span)

"""What the extractor knows about one document while it reads it: dates, places, quotes, reporters.

In: the parsed ``Doc``, the document record and the per-pipeline finders. Out: a
:class:`DocContext` with every date expression (and which token owns it), every place mention, the
quoted ranges and the tree-distance helpers the sentence analysis uses. Built once per document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

from cronica.extraction.actors import DocActors
from cronica.extraction.quotes import Quotes
from cronica.nlp.arrays import arrays, span_text
from cronica.records import DateValue, Document, Place
from cronica.records import Span as TextSpan

_M = TypeVar("_M")

_SPACES = re.compile(r"\s+")
_CHAINED = re.compile(
    r"\b(following|next|previous|preceding)\s+(day|night|morning|evening|week)\b"
    r"|\b(same|that)\s+(day|night|morning|evening|afternoon)\b"
    r"|\bday before\b|\b(later|earlier|after)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: token bounds in the Doc and the resolved :class:`Place`."""

    start: int
    end: int
    place: Place
    preposition: str | None = None
    cue: str | None = None  # what made the words a place mention ("dateline", "prep:in", ...)
    #: the first token of the mention the text puts this one in ("Quamishli city in al-Hasakeh",
    #: "Kasumbalesa (Sakania, Haut-Katanga)"), None where it states none
    within: int | None = None


class PlaceLocator(Protocol):
    """Finds and resolves the places of a document (see :mod:`cronica.resolve`)."""

    def locate(self, doc: Doc) -> tuple[list[PlaceMention], str | None, str | None]:
        """Place mentions, and the focus country's name and ISO code."""
        ...


def paragraph_start(text: str, offset: int) -> int:
    """The offset of the first character of the paragraph (paragraphs are separated by a blank line)
    that holds ``offset``."""
    found = text.rfind("\n\n", 0, offset)
    return found + 2 if found >= 0 else 0


@dataclass
class DateMention:
    span: Span
    root: Token
    in_quote: bool
    perfect: bool  # modifies a present-perfect verb: an "as of" date, not an event date
    since: bool
    chained: bool

    @property
    def text(self) -> str:
        return _SPACES.sub(" ", span_text(self.span)).strip()

    def text_span(self) -> TextSpan:
        return TextSpan(self.span.start_char, self.span.end_char, span_text(self.span))


@dataclass
class DocContext:
    document: Document
    doc: Doc
    quotes: Quotes
    actors: DocActors
    dates: list[DateMention]
    places: list[PlaceMention]
    country: str | None
    country_code: str | None
    reporters: list[tuple[int, str, TextSpan, DateValue | None]] = field(default_factory=list)
    #: the lead sentence tells of an accident or a disaster: violence words in it are not political
    accident_story: bool = False
    #: known names of the focus country that no cue made places ("Embu University students"): read only
    #: where nothing else places an event (:meth:`~cronica.extraction.locating.PlaceLinker.weak_place`)
    weak_places: list[PlaceMention] = field(default_factory=list)

    @property
    def published(self) -> date | None:
        return self.document.published

    @cached_property
    def date_tokens(self) -> frozenset[int]:
        """The token indices inside a date expression."""
        return frozenset(i for d in self.dates for i in range(d.span.start, d.span.end))

    def dates_in(self, sent: Span) -> list[DateMention]:
        """The dates that start in ``sent``, in the order of :attr:`dates`."""
        return _starting_in(self.dates, self._date_starts, sent)

    def places_in(self, sent: Span) -> list[PlaceMention]:
        """The places that start in ``sent``, in the order of :attr:`places`."""
        return _starting_in(self.places, self._place_starts, sent)

    def places_before(self, paragraph: int, sent: Span, reach: int) -> list[PlaceMention]:
        """The places that may date-line or precede ``sent`` in its paragraph, in list order: those whose
        first token starts from character ``paragraph`` to the sentence's end, and every place with the
        cue "dateline" or in the first ``reach`` characters (the rest can be neither)."""
        index = self._place_chars
        lo = bisect.bisect_left(index.starts, paragraph)
        hi = bisect.bisect_left(index.starts, sent.end_char, lo)
        near = set(index.order[lo:hi])
        early = bisect.bisect_left(index.starts, reach)
        near.update(index.order[:early])
        near.update(i for i, p in enumerate(self.places) if p.cue == "dateline")
        return [self.places[i] for i in sorted(near)]

    @cached_property
    def _place_chars(self) -> _Starts:
        return _Starts.of([self.doc[p.start].idx for p in self.places])

    @cached_property
    def _date_starts(self) -> _Starts:
        return _Starts.of([d.span.start for d in self.dates])

    @cached_property
    def _place_starts(self) -> _Starts:
        return _Starts.of([p.start for p in self.places])

    def in_quote(self, tok: Token) -> bool:
        return self.quotes.inside(tok.idx)


@dataclass(frozen=True)
class _Starts:
    """The token starts of a list of mentions, sorted, with each one's index in the list: the
    mentions of one sentence found by bisection, not by a pass over the whole document's list (a
    quadratic cost in a long report)."""

    starts: tuple[int, ...]
    order: tuple[int, ...]

    @staticmethod
    def of(starts: list[int]) -> _Starts:
        order = sorted(range(len(starts)), key=starts.__getitem__)
        return _Starts(tuple(starts[i] for i in order), tuple(order))


def _starting_in(items: list[_M], index: _Starts, sent: Span) -> list[_M]:
    """The ``items`` whose start (``index``) is in ``sent``'s tokens, in the items' own order."""
    lo = bisect.bisect_left(index.starts, sent.start)
    hi = bisect.bisect_left(index.starts, sent.end, lo)
    return [items[i] for i in sorted(index.order[lo:hi])]


def is_count_not_year(span: Span) -> bool:
    """ "fired 1649 rounds": a bare number the NER took for a year is a count of something."""
    words = [t for t in span if not t.is_space]
    if len(words) != 1 or not words[0].like_num or not words[0].text.isdigit():
        return False
    value = int(words[0].text)
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return value < 1800 or (following is not None and following.tag_ == "NNS")


def with_day_range(span: Span) -> Span:
    """ "18 July 2021" preceded by "between 12 and" or "12-": the whole range."""
    doc = span.doc
    i = span.start
    if i >= 2 and doc[i - 1].lower_ in {"and", "-", "–", "to"} and doc[i - 2].like_num:
        start = i - 2
        if start >= 1 and doc[start - 1].lower_ == "between":
            start -= 1
        return doc[start : span.end]
    return span


def make_date_mention(
    span: Span,
    quotes: Quotes,
    since_words: frozenset[str] = frozenset({"since"}),
    perfect_aux: frozenset[str] = frozenset({"have"}),
    chained: re.Pattern[str] = _CHAINED,
) -> DateMention:
    """The date expression ``span`` with what the sentence says about it: quoted, modifying a present
    perfect (an "as of" date), opening a period ("since"; Spanish "desde": ``since_words``), relative
    to the event told before ("the following day"; the temporal lexicon's ``chained`` pattern)."""
    root = span.root
    head = root.head
    doc = span.doc
    columns = arrays(doc)  # the heads' children from the shared arrays, no Token a child
    dep, tag, lemma_hash, children = columns.dep, columns.tag, columns.lemma_hash, columns.children
    strings = doc.vocab.strings
    perfect = False
    for k in (head.i, columns.head[head.i]):
        if any(
            dep[c] == "aux" and strings[lemma_hash[c]] in perfect_aux and tag[c] in {"VBZ", "VBP"}
            for c in children[k]
        ):
            perfect = True
    text = span_text(span)
    first = text.lower().split()[0] if text.strip() else ""
    since = first in since_words or (span.start > 0 and columns.lower[span.start - 1] in since_words)
    return DateMention(
        span=span,
        root=root,
        in_quote=quotes.inside(span.start_char),
        perfect=perfect,
        since=since,
        chained=bool(chained.search(text)),
    )


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of the same sentence in the dependency tree (large if unrelated)."""
    if a.i == b.i:
        return 0
    head = arrays(a.doc).head  # positions, not Token objects
    depth_a: dict[int, int] = {}
    cur, d = a.i, 0
    while True:
        depth_a[cur] = d
        if head[cur] == cur or d > 40:
            break
        cur, d = head[cur], d + 1
    cur, d = b.i, 0
    while True:
        if cur in depth_a:
            return depth_a[cur] + d
        if head[cur] == cur or d > 40:
            break
        cur, d = head[cur], d + 1
    return 99

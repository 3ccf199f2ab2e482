"""Layout repair: undo the line breaks, page furniture and hyphenation that PDF extraction leaves.

In: the text as extracted or decoded (``raw``). Pages may be separated by form feeds (``\\f``), as the PDF
reader does. Out: a :class:`Repaired` text with an offset map, sorted pairs ``(text_offset, raw_offset)``
at every point where the mapping changes, for :meth:`cronica.records.Document.raw_offset`.

What it does, in order:

1. drops a UTF-8 byte-order mark and turns ``\\r\\n``/``\\r`` line ends into ``\\n``;
2. on paged text, drops running headers/footers (a line at the top or bottom of a page that recurs, digits
   aside, on at least half the pages) and bare page numbers ("7", "Page 7", "7 of 12", "- 7 -");
3. decides whether the text is hard-wrapped: many lines of about the same width that end mid-sentence.
   Well-formed prose (paragraphs one to a line) is returned unchanged apart from step 1;
4. on hard-wrapped text, also drops bare page-number lines and lines repeated three or more times, then joins
   each pair of neighbouring lines: ``assimi-`` + ``lates`` -> ``assimilates`` (unless the hyphenated form
   occurs elsewhere in the text, or the next part is capitalised); ``14-`` + ``year`` -> ``14-year``;
   a dash at a line end joins without a space; everything else joins with one space, except a paragraph
   break (``\\n\\n``) after a line that ends a sentence (``. ! ? … :``, closing quotes allowed) and is
   clearly shorter than the wrap width, or a short heading line. Blank lines count as paragraph breaks
   only when the text is not double-spaced (a blank line after almost every line).

A sentence is never split: a line followed by a lowercase start, or ending in an abbreviation, is always
joined. Nothing else is normalised (quotes, accents, dashes stay as they are). It does not fail.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

_BOM = "\ufeff"
_LINE = re.compile(r"[^\r\n\f]*")
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|pg\.?)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?", re.IGNORECASE
)
_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?…:"
_DASHES = "—–"
_LIST_MARKER = re.compile(r"(?:[-*+•]\s|\d{1,3}[.)]\s|#{1,6}\s)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen col lt sgt capt cpl maj adm pres prof jr sr rev fr no vs approx dept "
    "u.s u.k u.n e.g i.e".split()
)
#: A text is hard-wrapped when its typical long line is at most this wide.
_MAX_WRAP_WIDTH = 160


@dataclass(frozen=True)
class Repaired:
    """Repaired ``text`` and its offset map back to the raw text."""

    text: str
    offsets: tuple[tuple[int, int], ...]

    def raw_offset(self, offset: int) -> int:
        """The raw-text offset that ``offset`` in :attr:`text` came from (same rule as ``Document``)."""
        i = bisect.bisect_right(self.offsets, (offset, math.inf)) - 1
        if i < 0:
            return offset
        text_at, raw_at = self.offsets[i]
        return raw_at + (offset - text_at)


@dataclass(frozen=True)
class _Line:
    lo: int  # the physical line, without its terminator
    hi: int
    start: int  # its content without surrounding whitespace (start == end when blank)
    end: int
    index: int  # position among all physical lines
    page: int

    @property
    def width(self) -> int:
        return self.end - self.start


class _Builder:
    """Accumulates output pieces and the piecewise-linear map from output to raw offsets."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.delta = 0
        self.pairs: list[tuple[int, int]] = []

    def copy(self, start: int, end: int) -> None:
        if end > start:
            self._mark(start)
            self.parts.append(self.raw[start:end])
            self.length += end - start

    def insert(self, text: str, raw_at: int) -> None:
        if text:
            self._mark(raw_at)
            self.parts.append(text)
            self.length += len(text)

    def _mark(self, raw_at: int) -> None:
        delta = raw_at - self.length
        if delta == self.delta:
            return
        if self.pairs and self.pairs[-1][0] == self.length:
            self.pairs.pop()
        self.pairs.append((self.length, raw_at))
        self.delta = delta

    def result(self) -> Repaired:
        return Repaired("".join(self.parts), tuple(self.pairs))


def repair_layout(raw: str) -> Repaired:
    """Repair ``raw`` (see the module docstring); the result maps back to ``raw`` offsets."""
    lines = _split_lines(raw)
    content = [line for line in lines if line.width > 0]
    removed: set[int] = set()
    if len({line.page for line in content}) >= 2:
        removed |= _page_furniture(raw, content)
    kept = [line for line in content if line.index not in removed]
    width = _wrap_width(raw, kept)
    if width is None:
        return _prose(raw, lines, removed)
    removed |= _loose_furniture(raw, kept)
    kept = [line for line in kept if line.index not in removed]
    return _rewrap(raw, kept, removed, width)


# ---------------------------------------------------------------------------------------------
# Lines and page furniture


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    i = 1 if raw.startswith(_BOM) else 0
    n = len(raw)
    page = 0
    while True:
        match = _LINE.match(raw, i)
        j = match.end() if match else i
        segment = raw[i:j]
        left = len(segment) - len(segment.lstrip())
        right = len(segment.rstrip())
        start, end = (i + left, i + right) if right > left else (i, i)
        lines.append(_Line(i, j, start, end, len(lines), page))
        if j >= n:
            return lines
        if raw[j] == "\f":
            page += 1
        i = j + 2 if raw.startswith("\r\n", j) else j + 1


def _text(raw: str, line: _Line) -> str:
    return raw[line.start : line.end]


def _page_furniture(raw: str, content: list[_Line]) -> set[int]:
    """Running headers/footers and page numbers: up to two lines from the top and bottom of each page.

    A line counts when it is a bare page number or when it recurs (digits aside) at a page edge on at
    least half the pages; the second line from an edge counts only when the first one did.
    """
    by_page: dict[int, list[_Line]] = {}
    for line in content:
        by_page.setdefault(line.page, []).append(line)
    edges = [(page[:2], page[::-1][:2]) for page in by_page.values()]
    keys = Counter(
        _furniture_key(_text(raw, line)) for top, bottom in edges for line in dict.fromkeys(top + bottom)
    )
    needed = max(2, math.ceil(len(by_page) / 2))

    def furniture(line: _Line) -> bool:
        text = _text(raw, line)
        return bool(_PAGE_NUMBER.fullmatch(text)) or (
            keys[_furniture_key(text)] >= needed and len(text) <= 120
        )

    removed: set[int] = set()
    for top, bottom in edges:
        for side in (top, bottom):
            for line in side:
                if not furniture(line):
                    break
                removed.add(line.index)
    return removed


def _loose_furniture(raw: str, kept: list[_Line]) -> set[int]:
    """On hard-wrapped text: bare page numbers, and short lines repeated three or more times."""
    counts = Counter(_text(raw, line) for line in kept)
    removed = set()
    for line in kept:
        text = _text(raw, line)
        if _PAGE_NUMBER.fullmatch(text):
            removed.add(line.index)
        elif counts[text] >= 3 and len(text) <= 120 and not _ends_sentence(text):
            removed.add(line.index)
    return removed


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


# ---------------------------------------------------------------------------------------------
# Deciding whether the text is hard-wrapped


def _wrap_width(raw: str, kept: list[_Line]) -> int | None:
    """The wrap width when the text is hard-wrapped, else ``None``."""
    if len(kept) < 3:
        return None
    widths = sorted(line.width for line in kept)
    width = widths[min(len(widths) - 1, int(0.9 * len(widths)))]
    if width > _MAX_WRAP_WIDTH:
        return None
    wrapped = sum(
        1 for line in kept[:-1] if line.width >= 0.6 * width and not _ends_sentence(_text(raw, line))
    )
    if wrapped >= 2 and wrapped >= 0.3 * (len(kept) - 1):
        return width
    return None


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _ends_with_abbreviation(text: str) -> bool:
    if not text.endswith("."):
        return False
    word = text.rsplit(None, 1)[-1].lstrip("(\"'“‘").rstrip(".").casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


# ---------------------------------------------------------------------------------------------
# Output


def _prose(raw: str, lines: list[_Line], removed: set[int]) -> Repaired:
    """Well-formed text: only the BOM, ``\\r``, form feeds and page furniture change."""
    out = _Builder(raw)
    previous: _Line | None = None
    last_blank = False
    for line in lines:
        if line.index in removed:
            continue
        blank = line.width == 0
        if previous is not None:
            if blank and last_blank and line.index > previous.index + 1:
                continue  # a blank line left next to a dropped header
            if raw[previous.hi : line.lo] == "\n":
                out.copy(previous.hi, line.lo)
            else:
                out.insert("\n", previous.hi)
        out.copy(line.lo, line.hi)
        previous, last_blank = line, blank
    return out.result()


def _rewrap(raw: str, kept: list[_Line], removed: set[int], width: int) -> Repaired:
    """Hard-wrapped text: join lines into paragraphs."""
    out = _Builder(raw)
    if not kept:
        return out.result()
    pairs = list(zip(kept, kept[1:], strict=False))
    same_page = [(a, b) for a, b in pairs if a.page == b.page and not _removed_between(a, b, removed)]
    blank_gaps = sum(1 for a, b in same_page if b.index > a.index + 1)
    double_spaced = len(same_page) >= 3 and blank_gaps >= 0.7 * len(same_page)
    hyphenated = _Hyphenated(raw)
    joins: list[tuple[bool, str]] = []
    for prev, nxt in pairs:
        across_page = prev.page != nxt.page or _removed_between(prev, nxt, removed)
        blank = not double_spaced and not across_page and nxt.index > prev.index + 1
        joins.append(
            _join(
                _text(raw, prev),
                _text(raw, nxt),
                blank=blank,
                across_page=across_page,
                width=width,
                seen=hyphenated,
            )
        )
    joins.append((False, ""))
    for line, (drop_hyphen, separator) in zip(kept, joins, strict=True):
        out.copy(line.start, line.end - 1 if drop_hyphen else line.end)
        out.insert(separator, line.end)
    return out.result()


def _removed_between(a: _Line, b: _Line, removed: set[int]) -> bool:
    return any(i in removed for i in range(a.index + 1, b.index))


class _Hyphenated:
    """The hyphenated compounds written inside lines of the text ("anti-coup"), built on first use."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = {m.group(0).casefold() for m in re.finditer(r"\w+(?:-\w+)+", self.raw)}
        return word.casefold() in self.words


def _join(
    p: str, n: str, *, blank: bool, across_page: bool, width: int, seen: _Hyphenated
) -> tuple[bool, str]:
    """How line ``p`` joins line ``n``: (drop p's final hyphen, separator to insert)."""
    first = n[0]
    if p.endswith("-") and len(p) >= 2 and not p[-2].isspace():
        before = p[-2]
        if before.isalpha() and first.islower():
            head = re.search(r"\w+$", p[:-1])
            tail = re.match(r"\w+", n)
            compound = f"{head.group(0) if head else ''}-{tail.group(0) if tail else ''}"
            return (compound not in seen, "")
        if before.isalnum():
            return (False, "")
    if p[-1] in _DASHES and len(p) >= 2 and not p[-2].isspace():
        return (False, "")
    if first.islower() or (_LIST_MARKER.match(n) is None and _ends_with_abbreviation(p)):
        return (False, " ")
    if _ends_sentence(p):
        if blank or p.lstrip().startswith("#") or len(p) < 0.8 * width or _LIST_MARKER.match(n):
            return (False, "\n\n")
        return (False, " ")
    if _LIST_MARKER.match(n) or p.startswith("#"):
        return (False, "\n\n" if blank else "\n")
    if not across_page and (len(p) < 0.5 * width or (blank and len(p) < 0.6 * width)):
        return (False, "\n\n")  # a heading, a byline
    return (False, " ")

"""Quoted speech: where quotations start and end in a document.

In: the document text. Out: :class:`Quotes`, the character ranges inside quotation marks (curly or
straight double quotes, paired in order). A quote that never closes runs to the end of its
paragraph. Never raises.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

_OPEN = {"“": "”", '"': '"', "«": "»"}


@dataclass(frozen=True)
class Quotes:
    """Sorted, non-overlapping ``(start, end)`` character ranges of quoted text (marks excluded)."""

    ranges: tuple[tuple[int, int], ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.ranges]

    def containing(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.ranges[i][0] <= offset < self.ranges[i][1]:
            return self.ranges[i]
        return None

    def ending_from(self, offset: int) -> tuple[tuple[int, int], ...]:
        """The ranges that end at ``offset`` or later, in order (ranges never overlap: their ends are
        sorted as their starts are)."""
        return self.ranges[bisect.bisect_left(self._ends, offset) :]

    def starting_in(self, start: float, stop: float) -> tuple[tuple[int, int], ...]:
        """The ranges that start at ``start`` or later and before ``stop``, in order."""
        lo = bisect.bisect_left(self._starts, start)
        return self.ranges[lo : bisect.bisect_left(self._starts, stop, lo)]

    @cached_property
    def _ends(self) -> list[int]:
        return [e for _, e in self.ranges]

    def inside(self, offset: int) -> bool:
        return self.containing(offset) is not None


def find_quotes(text: str) -> Quotes:
    ranges: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN:
            close = _OPEN[ch]
            j = text.find(close, i + 1)
            para = text.find("\n\n", i + 1)
            if j == -1 or (ch == '"' and para != -1 and para < j):
                j = para if para != -1 else n
                if ch == '"':
                    i += 1
                    continue
            if j - i > 1:
                ranges.append((i + 1, j))
            i = j + 1
            continue
        i += 1
    return Quotes(tuple(ranges))

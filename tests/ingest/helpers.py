"""Helpers for the ingest tests: laying the Bolivia report out as printed pages, comparing texts."""

from __future__ import annotations

import textwrap

LINES_PER_PAGE = 24


def _split_word(lines: list[str], head: str, rest: str) -> int:
    """Break the line holding ``head + rest`` after ``head``; return the index of the first half."""
    word = head.removesuffix("-") + rest if head.endswith("-") and not head[-2].isdigit() else head + rest
    for i, line in enumerate(lines):
        at = line.find(word)
        if at >= 0:
            lines[i : i + 1] = [line[:at] + head, rest + line[at + len(word) :]]
            return i
    raise AssertionError(f"{word!r} not in the text")


def pdf_pages(paragraphs: list[str]) -> list[list[str]]:
    """The report laid out as a printed page would be: 90-character lines, 24 lines a page.

    "14-year" is broken after "14-" at a line end, and "assimilates" is hyphenated across a page break.
    """
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 90, break_on_hyphens=False, break_long_words=False))
    _split_word(lines, "14-", "year")
    page_end = _split_word(lines, "assimi-", "lates")
    before = lines[: page_end + 1]
    pages = [before[i : i + LINES_PER_PAGE] for i in range(0, len(before), LINES_PER_PAGE)]
    return [*pages, lines[page_end + 1 :]]


def squash(text: str) -> str:
    """``text`` with every run of whitespace as one space (to compare modulo layout)."""
    return " ".join(text.split())


def sentence_with(text: str, words: str) -> str:
    """The line (paragraph) of ``text`` that holds ``words``; fails when they are split across lines."""
    for paragraph in text.split("\n"):
        if words in paragraph:
            return paragraph
    raise AssertionError(f"{words!r} is not inside one paragraph")

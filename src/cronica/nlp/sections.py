"""Parse texts of any length: a text longer than a section is parsed section by section and joined.

In: a spaCy pipeline and texts. Out: one parsed ``Doc`` per text, whose ``text`` is the text given,
character for character, so every evidence span the extractor writes is an offset into the document.

spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters; error E088) because its
parser and entity recogniser hold memory in proportion to the text. A 300-page report read from a PDF,
or a long transcript, is a legitimate document, so a text longer than :data:`LONG_TEXT` is cut into
sections of at most :data:`SECTION_CHARS` characters, each ending at a paragraph break where there is
one (else a line break, a sentence end, a space, and only in a text with none of these, at the limit);
the sections are parsed in batches and joined with ``Doc.from_docs``. A section boundary is always a
sentence boundary (no sentence of a real report runs 10,000 characters). Texts up to
:data:`LONG_TEXT` are parsed as they are, in one ``nlp.pipe`` batch, exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The longest text parsed as one spaCy ``Doc``: a tenth of spaCy's own limit. Every text up to it is
#: parsed whole, as it always was.
LONG_TEXT = 100_000
#: The most characters of a section of a longer text. A report of 1.15 million characters in sections
#: of 10,000 parsed in 31.7 CPU s with a peak of 733 MiB; in sections of 25,000, 34.7 s and 1,452 MiB;
#: of 100,000, 42.9 s and 2,391 MiB (batches of 16 and 8 sections; 2026-12-07).
SECTION_CHARS = 10_000

#: Where a section may end, best first: after a blank line, a line break, a sentence's end, any space.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def section_bounds(text: str, limit: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of the sections of ``text``, in order, each at most ``limit`` characters long;
    together they cover the text exactly (``"".join(text[s:e] ...) == text``). A section ends after
    the last cut (see :data:`_CUTS`) of the best kind found in its window; a window of ``limit``
    characters with no space at all is cut at the limit."""
    if limit < 1:
        raise ValueError(f"a section must hold at least one character, not {limit}")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _last_cut(text, start, start + limit)
        bounds.append((start, end))
        start = end
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def _last_cut(text: str, start: int, stop: int) -> int:
    """Where the section of ``text`` that starts at ``start`` ends, at most at ``stop``: after the last
    cut of the best kind in the window's second half (no run of tiny sections), else after the last
    cut of any kind, else at ``stop``."""
    window = text[start:stop]
    half = len(window) // 2
    anywhere = 0
    for cut in _CUTS:
        ends = [m.end() for m in cut.finditer(window)]
        if ends and ends[-1] > half:
            return start + ends[-1]
        if ends:
            anywhere = max(anywhere, ends[-1])
    return start + anywhere if anywhere > 0 else stop


def parse_texts(nlp: Language, texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """Each text parsed by ``nlp`` (see the module docstring), in order. Texts up to
    :data:`LONG_TEXT` characters go through one ``nlp.pipe`` batch; each longer one through batches of
    its own sections."""
    short = [i for i, t in enumerate(texts) if len(t) <= LONG_TEXT]
    parsed = nlp.pipe((texts[i] for i in short), batch_size=batch_size)
    docs: dict[int, Doc] = dict(zip(short, parsed, strict=True))
    for i, text in enumerate(texts):
        if i not in docs:
            docs[i] = _parse_long(nlp, text, batch_size)
    return [docs[i] for i in range(len(texts))]


def _parse_long(nlp: Language, text: str, batch_size: int) -> Doc:
    from spacy.tokens import Doc

    parts = list(nlp.pipe(_sections(text), batch_size=batch_size))
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=("user_data", "tensor"))  # type: ignore[call-arg]
    if doc is None or doc.text != text:  # a defect here, never the input's fault
        raise RuntimeError("the parsed sections do not join back into the text")
    return doc


def _sections(text: str) -> Iterator[str]:
    for start, end in section_bounds(text, SECTION_CHARS):
        yield text[start:end]

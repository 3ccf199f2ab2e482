"""ACLED's label of a strategic development: "Movement of forces: On 19 December 2022, ...".

ACLED's coders open a note on a strategic development with the kind of development and a colon
("Movement of forces:", "Property destruction:", "Security measures:", "Agreement:"), and the label is
the note's coding whatever its words tell: a patrol seen in a park, olive trees cut down, a school
closed, militants who surrendered. The rules read no incident in most of these notes, and where
they read one (trees "cut down", huts "burned") they code it by its words; the classifier, reading
notes of countries it never saw, codes many of them as the incident their words resemble.

In: a document's text and the labels (``conventions.yaml`` ``note_tags``). Out: the label the
document opens with and its coding (:class:`NoteTag`), or ``None``. The ``tagged-incident`` stage
makes the note's first sentence an incident of that coding where the rules found none, and the
``note-tag`` stage codes the note's first event by it (:mod:`.stages`). Never raises on text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: The longest label read (characters before the colon).
_MAX_LABEL = 40


@dataclass(frozen=True)
class NoteTag:
    """The label a note opens with (its words as written) and its coding."""

    words: str
    event_type: str
    sub_event_type: str
    plover: str


def note_tag(text: str, tags: Mapping[str, tuple[str, str, str]]) -> NoteTag | None:
    """The label ``text`` opens with, when it is one of ``tags`` (lower case -> coding)."""
    head = text.lstrip()
    colon = head.find(":", 0, _MAX_LABEL + 1)
    if colon <= 0:
        return None
    words = head[:colon].strip()
    coding = tags.get(" ".join(words.lower().split()))
    if coding is None:
        return None
    return NoteTag(words, *coding)

"""ACLED's label of a strategic development: "Movement of forces: On 19 December 2022, ...".

ACLED's coders open a note on a strategic development with the kind of development and a colon
("Movement of forces:", "Property destruction:", "Security measures:", "Agreement:"), and the label is
the note's coding whatever its words tell: a patrol seen in a park, olive trees cut down, a school
closed, militants who surrendered. The rules read no incident in most of these notes, and where
they read one (trees "cut down", huts "burned") they code it by its words; the classifier, reading
notes of countries it never saw, codes many of them as the incident their words resemble.

The same holds of ACLED's record of a demonstration's size ("[size=no report]", "[size=about 60]"),
which ends the notes of protests and riots only: a note that carries it codes a demonstration
(:func:`demonstration_coding`), whatever type its words resemble ("clashes erupted between
residents and the police" is no battle; "villagers beat a suspected thief" is mob violence).

In: a document's text and the labels (``conventions.yaml`` ``note_tags``). Out: the label the
document opens with and its coding (:class:`NoteTag`), or ``None``. The ``tagged-incident`` stage
makes the note's first sentence an incident of that coding where the rules found none, and the
``note-tag`` stage codes the note's first event by it (:mod:`.stages`). Never raises on text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cronica.extraction.conventions import DemonstrationSize

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


def label_end(text: str, tags: Mapping[str, tuple[str, str, str]]) -> int:
    """Where the label ``text`` opens with ends (the offset of its colon), or 0 with no label: the
    label's words ("Movement of forces:") are the note's coding, not its actors."""
    tag = note_tag(text, tags)
    if tag is None:
        return 0
    start = len(text) - len(text.lstrip())
    return text.find(":", start)


#: Event types of violence: in a note of a demonstration, the rules' violent coding is a riot.
_VIOLENT = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})


def demonstration_coding(
    coding: tuple[str, str],
    text: str,
    size: DemonstrationSize,
    reading: Sequence[tuple[str, str, float]] = (),
) -> tuple[str, str, float | None] | None:
    """The coding of a note's first event, coded ``coding`` (type, sub-type), when the note carries
    ACLED's record of a demonstration's size and that coding is no demonstration's: the
    demonstration sub-type surest in the classifier's ``reading`` of the whole note (type, sub-type,
    probability, best first), else, with no reading, ``size.violent`` for a violent coding and
    ``size.arrests`` for an arrest (probability ``None``). ``None``: the coding stands."""
    if coding[0] in size.types or size.marker not in text.lower():
        return None
    for event_type, sub, p in reading:
        if event_type in size.types:
            return event_type, sub, p
    if reading:
        return None
    if coding[0] in _VIOLENT:
        return size.violent[0], size.violent[1], None
    if coding == ("Strategic developments", "Arrests"):
        return size.arrests[0], size.arrests[1], None
    return None

"""Detection by the learned classifier where the rules found no incident words.

In: the sentences of a short document in which the rules found no incident (no trigger of
``events.yaml``: "military forces of one side fired with unspecified weapons on the positions of the
other", "many members of an armed group were seen moving in the village"), the learned typer's
:class:`~cronica.extraction.learned.Judgement` of each, and the lexicon's trigger families. Out: at
most one :class:`~cronica.extraction.triggers.Trigger` for the sentence the classifier is surest
reports an event, standing on the sentence's main verb (its evidence), of the classifier's coding,
with a ``reason`` that says the classifier found it and how sure it was. The incident is then read
like any other (actors, date, place and counts from the rules; a number counts no dead, injured or
arrested there, since no words of killing, wounding or arrest were read). ``None`` when no sentence reaches
the thresholds or says anything: a sentence of fewer than two words ("A", "Riot.") reports nothing,
whatever the classifier's character n-grams make of it. Never raises.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Span, Token

from cronica.extraction.learned import Combination, Judgement
from cronica.extraction.lexicon import TriggerFamily
from cronica.extraction.triggers import Trigger
from cronica.fields import replace
from cronica.records import HARM_CATEGORIES


def family_for(
    families: Mapping[str, TriggerFamily], event_type: str, sub_event_type: str
) -> TriggerFamily | None:
    """The lexicon's family of this coding; else one of the same event type re-coded to the
    sub-type (with no count words of its own); ``None`` when the type has no family."""
    same_type = [f for f in families.values() if f.event_type == event_type]
    for f in same_type:
        if f.sub_event_type == sub_event_type:
            return f
    if not same_type:
        return None
    return replace(same_type[0], name=f"learned:{sub_event_type}", sub_event_type=sub_event_type, count=None)


def head_verb(sent: Span) -> Token:
    """The sentence's main verb: its root when that is a verb, else its first verb, else its root."""
    root = sent.root
    if root.pos_ in {"VERB", "AUX"}:
        return root
    return next((t for t in sent if t.pos_ == "VERB"), root)


#: Count categories only the rules' own words (killing, wounding, arrest) may give a number: all but
#: the participants.
HARM_COUNTS = frozenset(HARM_CATEGORIES)

#: The fewest words (alphabetic tokens of two letters or more) of a sentence that can report an event.
MIN_WORDS = 2


def says_something(sent: Span) -> bool:
    """Whether the sentence has words enough to report an event (``MIN_WORDS``)."""
    return sum(1 for t in sent if t.is_alpha and len(t) > 1) >= MIN_WORDS


def fallback_trigger(
    sentences: Sequence[tuple[Span, Judgement]],
    families: Mapping[str, TriggerFamily],
    combination: Combination,
) -> tuple[int, Trigger] | None:
    """The index of the chosen sentence and its trigger (module docstring)."""
    best: tuple[float, int, Judgement] | None = None
    for i, (sent, j) in enumerate(sentences):
        if not says_something(sent):
            continue
        if not j.coding or j.event < combination.fallback_event:
            continue
        if j.coding[0][2] < combination.fallback_coding:
            continue
        if best is None or j.event > best[0]:
            best = (j.event, i, j)
    if best is None:
        return None
    p_event, i, j = best
    event_type, sub, p = j.coding[0]
    family = family_for(families, event_type, sub)
    if family is None:
        return None
    if family.count in HARM_COUNTS:
        # no words of killing, wounding or arrest were read here (they are triggers): a number in the
        # sentence ("displaced 200 families") counts no victims
        family = replace(family, count=None)
    verb = head_verb(sentences[i][0])
    reason = (
        f"learned classifier: the sentence reports an event (p={p_event:.2f}), "
        f"{event_type} / {sub} (p={p:.2f}); no incident words of the rules"
    )
    return i, Trigger(verb, verb.i, verb.i + 1, family, True, reason)

"""A protest the state's forces intervened in is a protest with intervention.

ACLED codes a peaceful protest that the police disperse, break up with tear gas or batons, or make
arrests at, without serious injury, as Protests / Protest with intervention. The rules read some of
those words as events of their own, and the classifier, which learned from mostly peaceful protests,
reads most such notes as peaceful ("Police intervened." closes many of ACLED's notes).

In: a short report's (or a coded summary's) events, its text and the convention
(``protest_intervention`` in conventions.yaml). Out: each event coded as one of the convention's
``codings`` coded as a protest with intervention when the report has one of its ``words``
(:func:`intervention_events`); ``None`` where nothing changes. Never raises on text.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cronica.extraction.classify import recoded
from cronica.extraction.conventions import ProtestIntervention
from cronica.records import Event

#: a word that tells no intervention when one of these comes just before it ("did not intervene",
#: "were reported not to have intervened", "without being dispersed")
_NEGATED = re.compile(r"\b(?:not|no|never|without)\b[^.;]*$", re.IGNORECASE)


def intervention_events(
    events: list[Event], text: str, conv: ProtestIntervention, peaceful: Collection[str] = ()
) -> list[Event] | None:
    """``events`` with every protest coded as one of ``conv.codings`` coded as ``conv.coding`` when
    ``text`` tells an intervention (``conv.words``); ``None`` when no event changes. A report that also
    tells a riot keeps its protests (the force met the riot: "marched and dispersed without incident;
    later a group clashed with police ... Police used tear gas"), and so does a protest whose sentence
    says it passed off peacefully (``peaceful``, the lexicon's ``grammar.peaceful``)."""
    if any(e.event_type == "Riots" for e in events):
        return None

    def recodes(e: Event) -> bool:
        said = e.sentence.text.lower() if e.sentence is not None else ""
        return (
            e.event_type == conv.coding[0]
            and e.sub_event_type in conv.codings
            and not any(w in said for w in peaceful)
        )

    if not any(recodes(e) for e in events):
        return None
    found = next(
        (
            m
            for m in conv.words.finditer(text)
            if not _NEGATED.search(text[max(0, m.start() - 24) : m.start()])
        ),
        None,
    )
    if found is None:
        return None
    why = f"the report tells the protest's intervention ('{found.group(0)}')"
    return [recoded(e, conv.coding, why) if recodes(e) else e for e in events]

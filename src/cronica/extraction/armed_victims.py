"""An attack on an armed actor is a clash, where the classifier reads actor 2 as armed.

ACLED codes violence against unarmed non-combatants as Violence against civilians; an attack on the
military, the police, rebels or the members of a militia, one or many, is Battles / Armed clash. The
rules type actor 2 from words they know ("soldiers", "police", "rebels"); an ACLED note names the
victims in words no dictionary holds ("assassinated a QSD member", "shot and wounded two National
Police Reservists", "a member of the regime's 4th Division"), and the classifier's coding head, which
reads "gunmen assassinated", says Attack. The classifier's ``actor2`` head is fitted on ACLED notes
with the type of their actor 2 (armed or not, conventions.yaml ``armed_victims.inter``) and decides
that one question.

In: an event, the classifier's judgement of the whole short report, the convention
(``armed_victims`` in conventions.yaml) and the threshold (``Combination.armed_victims``). Out: the
event coded Battles / Armed clash when the convention applies (:func:`armed_victims_coding`), else
``None``. The ``armed-victims`` stage (:mod:`.stages`) applies it to the first event of a short report.
Never raises on text.
"""

from __future__ import annotations

from cronica.extraction.classify import recoded
from cronica.extraction.conventions import ArmedVictims, load_conventions
from cronica.extraction.learned import Judgement
from cronica.records import Event

#: victims the rules read as civilians or protesters keep their coding
_CIVIL = load_conventions().inter["civil"]
#: the state's forces
_STATE = load_conventions().inter["state"]


def armed_victims_coding(
    event: Event, judged: Judgement | None, armed: ArmedVictims, threshold: float, text: str
) -> Event | None:
    """``event`` coded as the clash (``armed.coding``) when it is coded Violence against civilians of
    one of ``armed.codings``, its actor 1 is armed or untyped, the rules did not read its actor 2 as
    civilians or protesters, ``judged`` (the classifier's reading of the whole report ``text``) gives an
    armed actor 2 at least ``threshold``, and ``text`` does not say the victims were off duty
    (``armed.off_duty``: ACLED codes them as civilians); ``None`` otherwise."""
    if event.event_type != "Violence against civilians" or event.sub_event_type not in armed.codings:
        return None
    if judged is None or judged.armed2 is None or judged.armed2 < threshold:
        return None
    if event.actor1 is not None and event.actor1.inter is not None and event.actor1.inter not in armed.inter:
        return None  # rioters, protesters, civilians: their attack stays theirs
    if event.actor2 is not None and event.actor2.inter in _CIVIL:
        return None
    if event.actor1 is not None and event.actor1.inter in _STATE and armed.beaten.search(event.trigger.text):
        return None  # "police beat up two youths": the state's forces beating someone attack a civilian
    if armed.off_duty.search(text):
        return None
    return recoded(
        event, armed.coding, f"armed victims (the classifier reads actor 2 as armed, p={judged.armed2:.2f})"
    )

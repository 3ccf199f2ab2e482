"""Small arms fired with heavy weapons: a clash, not remote violence.

ACLED codes fire exchanged from a distance, where the target cannot answer, as Explosions/Remote
violence (shelling, a grenade, an explosive), and two armed, organised sides in direct contact as
Battles / Armed clash. A report that names small arms among the weapons fired ("fired 120mm mortars,
grenade launchers and small arms at the positions of ...") tells a fight within rifle range: the
heavy weapons are part of the clash. So is fire the other side answers ("exchanged fire", "responded
with anti-aircraft fire"), and that alone makes an air strike a battle. The rules code the weapon they
find first, and a classifier that never saw a region's wording reads the weapons too.

In: an event, the document's text, and the convention (``conventions.yaml`` ``direct_fire``). Out:
the event coded Battles / Armed clash when the convention applies (:func:`direct_fire_coding`), else
``None``. The ``direct-fire`` stage (:mod:`.stages`) applies it to every event. Never raises on text.
"""

from __future__ import annotations

from cronica.extraction.classify import recoded
from cronica.extraction.conventions import DirectFire, load_conventions
from cronica.records import Event

#: ACLED's civilians (inter code 7): an attack on them stays an attack, whatever the weapons.
_CIVILIANS = load_conventions().inter["civilians"]


def fire_words(event: Event, text: str, sentences: int, short: int) -> str:
    """The words in which the event's weapons are looked for: its sentence, or in a document of
    ``short`` sentences or fewer (a coded summary, a one-line report) the whole document."""
    if sentences <= short or event.sentence is None:
        return text
    return text[event.sentence.start : event.sentence.end] or event.sentence.text


def direct_fire_coding(event: Event, words: str, fire: DirectFire) -> Event | None:
    """``event`` coded as the clash (``fire.coding``) when it is coded as one of ``fire.weapons`` and
    ``words`` name direct-fire arms (``fire.words``), or as one of ``fire.answered_weapons`` (an air
    strike) and ``words`` tell fire the other side answers (``fire.answered``), and its actor 2 is not
    read as civilians; ``None`` otherwise."""
    if event.event_type != "Explosions/Remote violence":
        return None
    if event.sub_event_type in fire.weapons:
        pattern = fire.words
    elif event.sub_event_type in fire.answered_weapons:
        pattern = fire.answered
    else:
        return None
    if event.actor2 is not None and event.actor2.inter in _CIVILIANS:
        return None
    found = pattern.search(words)
    if found is None:
        return None
    return recoded(event, fire.coding, f"direct fire ('{found.group(0)}' with the heavy weapons)")

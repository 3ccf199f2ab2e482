"""Violence between communities: a battle of their militias, not an attack on civilians.

ACLED codes the armed people of a community (an ethnic group, a clan, farmers or herders of a
community) who fight another community's as identity militias (inter 4), and their fighting as
Battles / Armed clash, however the words tell it ("three people were killed in intercommunal
violence", "interethnic clashes between the Hema and the Lendu"). The rules read such a sentence's
harm as an attack on civilians, or a mob's violence, and a classifier that never saw a region's
communities reads it so too.

In: an event, the words it is read in (its sentence; in a short note the note:
:func:`.direct_fire.fire_words`) and the convention (``conventions.yaml`` ``communal_clash``). Out:
the event coded Battles / Armed clash when the convention applies (:func:`communal_clash_coding`),
else ``None``; the ``roles`` stage then makes its civilian sides identity militias. Never raises on
text.
"""

from __future__ import annotations

from cronica.extraction.classify import recoded
from cronica.extraction.conventions import CommunalClash, load_conventions
from cronica.records import Event

#: ACLED's state forces: a community facing them is no communal clash ("police clashed with villagers")
_STATE = load_conventions().inter["state"]


def communal_clash_coding(event: Event, words: str, clash: CommunalClash) -> Event | None:
    """``event`` coded as a clash (``clash.coding``) when it is coded as one of ``clash.codings``,
    ``words`` tell violence between communities (``clash.words``) and no side is the state's forces;
    ``None`` otherwise."""
    if (event.event_type, event.sub_event_type) not in clash.codings:
        return None
    if any(a is not None and a.inter in _STATE for a in (event.actor1, event.actor2)):
        return None
    found = clash.words.search(words)
    if found is None:
        return None
    return recoded(event, clash.coding, f"communal clash ('{found.group(0)}')")

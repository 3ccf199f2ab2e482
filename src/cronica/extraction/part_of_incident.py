"""Arrests and looting told with an incident are part of it, not events of their own.

ACLED records an arrest or a looting as a strategic development only where no incident holds it: the
houses burnt in an attack on a village, the clinic looted by a mob, the men beaten and then detained,
the two people arrested after a riot are told within the attack's, the riot's or the protest's event.
The rules read each of those words as an event of its own, and a short report (one event a note, in
ACLED's style) then holds two, of which the development is often the surer.

In: a short report's (or a coded summary's) events, its text, the convention (``part_of_incident`` in
conventions.yaml) and ACLED's note labels (``note_tags``). Out: the events with each such development
folded into the first incident told before it on the same day (:func:`fold_developments`): the
development's counts of a kind the incident lacks (the arrested) join it, and the development is no
longer an event; ``None`` where nothing is folded. A development the report leads with stays: an
incident told after it is its background or its aftermath. The ``part-of-incident`` stage
(:mod:`.stages`) applies it to reports of three sentences or fewer and to coded summaries. Never raises
on text.
"""

from __future__ import annotations

from collections.abc import Mapping

from cronica.extraction.conventions import PartOfIncident
from cronica.extraction.note_tags import note_tag
from cronica.fields import replace
from cronica.records import Event


def fold_developments(
    events: list[Event], text: str, part: PartOfIncident, tags: Mapping[str, tuple[str, str, str]]
) -> list[Event] | None:
    """``events`` with every strategic development of ``part.developments`` folded into the first
    incident (an event of one of ``part.incidents``, by the position of its trigger) told before it,
    of the same day (where both have date words of their own); a development told
    before every incident stays: the report leads with it;
    ``None`` when the report opens with one of ACLED's ``tags`` (the label says what the note records)
    or no development has such an incident beside it."""
    if note_tag(text, tags) is not None:
        return None
    ordered = sorted(events, key=lambda e: e.trigger.start)
    incidents = [e for e in ordered if e.event_type in part.incidents]
    if not incidents:
        return None
    taken: dict[int, Event] = {}  # id of the incident -> the incident with what it took in
    folded: set[int] = set()
    for event in ordered:
        if _found_again(event, incidents, text, part):
            folded.add(id(event))
            continue
        if _later_deaths(event, incidents, taken, part):
            folded.add(id(event))
            continue
        if event.event_type != "Strategic developments" or event.sub_event_type not in part.developments:
            continue
        # the incident the report leads with: a development told first is what the report records,
        # and an incident told after it is its background or aftermath ("The arrests came in the
        # wake of an attack", "the community protested against the arrests")
        host = next(
            (e for e in incidents if e.trigger.start < event.trigger.start and _same_day(e, event)), None
        )
        if host is None:
            continue
        current = taken.get(id(host), host)
        taken[id(host)] = take_in(current, event)
        folded.add(id(event))
    if not folded:
        return None
    return [taken.get(id(e), e) for e in events if id(e) not in folded]


def _killed(event: Event) -> int:
    return event.fatalities


def _later_deaths(
    event: Event, incidents: list[Event], taken: dict[int, Event], part: PartOfIncident
) -> bool:
    """Whether ``event`` is a killing told after the report's first incident on the same day ("attacked
    a position of the army. The army repelled the attack. 4 people died."), with its dead, where that
    incident has none: then the incident takes them in (``taken``) and the killing is no event. A
    killing is an event coded as one of ``part.deaths`` (an attack, a clash: what a death told with no
    weapon or purpose of its own reads as), not a capture of territory or a blast that tells its dead."""
    if event.sub_event_type not in part.deaths or event.event_type not in part.incidents:
        return False
    if not _killed(event) or not incidents:
        return False
    host = incidents[0]
    if host is event or host.trigger.start >= event.trigger.start or not _same_day(host, event):
        return False
    if _own_place(event) and _elsewhere(event, host):
        return False  # "Later, a trader was shot dead on Zoo Road": another place, another event
    current = taken.get(id(host), host)
    if _killed(current):
        return False
    taken[id(host)] = take_in(current, event, "killing")
    return True


def _found_again(event: Event, incidents: list[Event], text: str, part: PartOfIncident) -> bool:
    """Whether ``event`` is a body found again ("The body of the victim was found at the clash site on
    24 May"): a killing (``part.deaths``) whose trigger is a verb of finding, whose sentence names the
    dead as ones told before (``part.found_again``), told after an incident with as many dead or more;
    it is that incident's death, on whatever day the body was found."""
    if event.sub_event_type not in part.deaths or event.event_type not in part.incidents:
        return False
    if event.trigger.text.lower() not in part.found_verbs or event.sentence is None:
        return False
    if not part.found_again.search(text[event.sentence.start : event.sentence.end]):
        return False
    return any(
        e is not event and e.trigger.start < event.trigger.start and _killed(e) >= max(_killed(event), 1)
        for e in incidents
    )


def _own_place(event: Event) -> bool:
    """Whether ``event``'s place is named in its own sentence (not inherited from the story)."""
    where, sentence = event.location.span, event.sentence
    return where is not None and sentence is not None and sentence.start <= where.start < sentence.end


def _elsewhere(event: Event, host: Event) -> bool:
    """Whether ``event``'s place is another than ``host``'s: another name, and where both resolved,
    another first-level division ("in greater Khartoum" after "in Khartoum North" is the same region)."""
    here, there = event.location, host.location
    if here.name == there.name:
        return False
    if here.status == there.status == "resolved" and here.admin1 and there.admin1:
        return here.admin1 != there.admin1
    return True


def _same_day(incident: Event, development: Event) -> bool:
    """Whether the two were told on the same day, as far as the words say: the same date, or either
    has no date words of its own (its date was only inferred from the report's)."""
    if development.date.text is None or incident.date.text is None:
        return True
    return incident.date.value is not None and incident.date.value == development.date.value


def take_in(incident: Event, development: Event, what: str | None = None) -> Event:
    """``incident`` with the counts of ``development`` of kinds it has none of, and a ``coded_by``
    that says what it took in (``what``: the words for it, default its sub-event type)."""
    counts = dict(incident.counts)
    for kind, claims in development.counts.items():
        if claims and not counts.get(kind):
            counts[kind] = claims
    note = (
        f"; takes in the {what or development.sub_event_type.lower()} told with it "
        f"('{development.trigger.text}': part of the incident, not an event of its own)"
    )
    return replace(incident, counts=counts, coded_by=incident.coded_by + note)

"""From incident drafts to events: one event per day, place, actors and type within a document.

In: :class:`Draft` incidents in reading order. Out: :class:`~cronica.records.Event` records. A draft
merges into an earlier event when they are the same incident told twice: compatible kinds (violence
with violence, a protest into the repression of that protest), the same date (or a draft that took its
date from that story), places that agree (the same, one inside the other, or one missing) and actors
that do not conflict. Merging keeps every claim; an increment ("Two more have died since") becomes a
revised claim that points at the one it updates.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from cronica.extraction.conventions import load_conventions
from cronica.extraction.ids import with_ids
from cronica.fields import replace
from cronica.records import COUNT_CATEGORIES, Actor, CountClaim, DateValue, Document, Event, Place
from cronica.records import Span as TextSpan

#: More specific codings win when two drafts merge (lower rank wins).
_TYPE_RANK: dict[tuple[str, str | None], int] = {
    ("Protests", "Excessive force against protesters"): 0,
    ("Explosions/Remote violence", None): 1,
    ("Battles", "Armed clash"): 2,
    ("Riots", "Violent demonstration"): 3,
    ("Violence against civilians", "Sexual violence"): 3,
    ("Violence against civilians", "Abduction/forced disappearance"): 4,
    ("Protests", "Protest with intervention"): 5,
    ("Riots", "Mob violence"): 5,
    ("Violence against civilians", "Attack"): 6,
    ("Protests", "Peaceful protest"): 8,
}
#: ACLED inter code groups (conventions.yaml ``inter.groups``)
_INTER = load_conventions().inter
#: weapon attacks that a clash told with them makes part of the battle (conventions.yaml ``clash_weapons``)
_CLASH_WEAPONS = load_conventions().clash_weapons
_MERGE_WINDOW = 6  # sentences
#: a claim looking back ("had killed nine") whose own day lies further than this from the event told
#: before it is about another incident; nearer, the day is usually when it was said ("in a statement
#: on Monday ... had died" after Sunday's clash). ACLED's week precision.
_LOOKBACK_DAYS = 7
#: words saying a protest passed off peacefully (``grammar.peaceful`` in each language's events.yaml)
_PEACEFUL_DEFAULT: tuple[str, ...] = (
    "peacefully",
    "without incident",
    "ended peacefully",
    "peaceful march",
    "were peaceful",
    "was peaceful",
)


@dataclass
class Draft:
    sentence_index: int
    sentence: TextSpan
    trigger: TextSpan
    event_type: str
    sub_event_type: str
    plover: str
    group: str
    date: DateValue
    date_inherited: bool
    location: Place
    place_inherited: bool
    actor1: Actor | None
    actor2: Actor | None
    counts: dict[str, tuple[CountClaim, ...]]
    confidence: float
    missing: dict[str, str] = field(default_factory=dict)
    reported_by: tuple[str, ...] = ()
    specific: bool = True  # has its own date or place words, counts, or continues a story
    retrospective: bool = False  # "had died": looks back at an event already told
    #: "The ombudsman said on Saturday that eight people died in the clashes": told again, dated by the
    #: report that tells it; the incident told before it is the one it is about, with or without a toll
    reported_back: bool = False
    #: the sentence (or its section heading) gives the event's day; not a day borrowed from the
    #: paragraph, the story or the report
    date_told: bool = False
    #: the trigger family whose own words typed the draft ("" when a frame did: classify.told_family)
    family: str = ""
    #: the sentence tells deaths or injuries alone, no fight and no place of its own ("Two more
    #: protesters died in hospital on Sunday")
    harm_alone: bool = False


def _rank(event_type: str, sub: str) -> int:
    fallback = _TYPE_RANK.get((event_type, None), 7)
    return _TYPE_RANK.get((event_type, sub), fallback)


def _kinds_compatible(
    a: Draft, b: Draft, text: str = "", peaceful: Collection[str] = _PEACEFUL_DEFAULT
) -> bool:
    if a.event_type == b.event_type and a.sub_event_type == b.sub_event_type:
        return True
    if {a.group, b.group} in ({"arrest", "violence"}, {"arrest", "protest"}):
        # arrests told next to a protest or its repression: a count of that event; not arrests a protest
        # told in a later sentence answered ("arrested about 20 men ... Several were later released but
        # the community protested against these arrests")
        arrest, other = (b, a) if b.group == "arrest" else (a, b)
        if other.group == "protest" and arrest.sentence_index < other.sentence_index:
            return False
        return other.event_type in {"Protests", "Riots"}
    groups = {a.group, b.group}
    if groups == {"violence"}:
        # with no date to tie them, a clash between armed sides and a one-sided attack on civilians told in
        # another sentence are two incidents unless both name their actor 1 and these agree
        kinds = {a.event_type, b.event_type}
        apart = not a.date.value and not b.date.value and a.sentence_index != b.sentence_index
        if kinds == {"Battles", "Violence against civilians"} and apart:
            return _actors_compatible(a.actor1, b.actor1) and a.actor1 is not None and b.actor1 is not None
        return True
    if groups == {"violence", "protest"}:
        if _said_peaceful(a, text, peaceful) or _said_peaceful(b, text, peaceful):
            return False
        violent = a if a.group == "violence" else b
        # an attack is the protest's repression only when state forces made it ("police shot two
        # marchers"), not a sniper's or gunmen's attack told beside a rally
        state_attack = violent.sub_event_type == "Attack" and (
            violent.actor1 is None or violent.actor1.inter in _INTER["state"]
        )
        return violent.event_type in {"Protests", "Riots"} or state_attack
    return False


def _said_peaceful(d: Draft, text: str = "", peaceful: Collection[str] = _PEACEFUL_DEFAULT) -> bool:
    """The text says this protest passed off peacefully, in its sentence or the next words of its
    paragraph: violence told after it is another event ("marched ... and dispersed without incident.
    After the end of the march, a group clashed", "The march was peaceful")."""
    if d.group != "protest":
        return False
    end = text.find("\n\n", d.sentence.end) if text else -1
    after = text[d.sentence.end : min(d.sentence.end + 160, end if end >= 0 else len(text))] if text else ""
    words = (d.sentence.text + " " + after).lower()
    return any(w in words for w in peaceful)


def _absorbs_protest(
    a: Draft, b: Draft, text: str = "", peaceful: Collection[str] = _PEACEFUL_DEFAULT
) -> bool:
    """A protest told next to its repression (or the arrests there) is part of the same event."""
    if {a.group, b.group} == {"protest", "violence"} and (
        _said_peaceful(a, text, peaceful) or _said_peaceful(b, text, peaceful)
    ):
        return False
    groups = {a.group, b.group}
    if "arrest" in groups and groups & {"violence", "protest"}:
        return True
    return groups == {"violence", "protest"} or (a.event_type == "Protests" and b.event_type == "Protests")


def _dates_compatible(a: Draft, b: Draft) -> bool:
    if b.date_inherited:
        return True
    if a.date.value and b.date.value:
        same = a.date.value == b.date.value and a.date.precision == b.date.precision
        return same or (a.date.precision != "day" and b.date.precision == "day" and _within(b.date, a.date))
    return not a.date.value and not b.date.value


def _later_deaths(d: Draft) -> bool:
    """The draft tells only deaths more of a figure told before: one person ("another protester died",
    "a third man died in hospital"), or a number told by a death word alone ("two more protesters died
    in hospital on Sunday"); not a number told with a fight of its own ("the fighting spread into Souq
    al-Juma, where three more people died")."""
    claims = [c for cs in d.counts.values() for c in cs]
    if not claims or not all(c.update_of == -1 for c in claims):
        return False
    return (len(claims) == 1 and claims[0].value == 1) or d.harm_alone


def _reported_on(prev: Draft, draft: Draft) -> bool:
    """Whether ``draft``, told again on the day a report gave (``Draft.reported_back``), can be about
    ``prev``: an incident of that day or before (a live blog tells the newest first), and the same
    place when the report names one ("Police in Durán say three men were shot dead" is not the prison
    clash in Guayaquil told before)."""
    if not (prev.date.value and draft.date.value) or prev.date.value > draft.date.value:
        return False
    return draft.place_inherited or draft.location.name is None or _same_place(prev.location, draft.location)


def _days_apart(a: DateValue, b: DateValue) -> int:
    """Days between two dates' first days (0 when either is unknown or unreadable)."""
    from datetime import date

    try:
        return abs((date.fromisoformat(a.value or "") - date.fromisoformat(b.value or "")).days)
    except ValueError:
        return 0


def _within(day: DateValue, period: DateValue) -> bool:
    if not (day.value and period.start and period.end):
        return False
    return period.start <= day.value <= period.end


def _places_compatible(a: Place, b: Place) -> bool:
    if a.name is None or b.name is None:
        return True
    if a.name == b.name or a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    if a.contained_in and a.contained_in in {b.name, b.admin1}:
        return True
    if b.contained_in and b.contained_in in {a.name, a.admin1}:
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    # a region and a place inside it, or a part of a town and a place of the same division
    if a.precision == 3 and a.admin2 and b.admin2 and a.admin2 != b.admin2:
        return False
    if b.precision == 3 and b.admin2 and a.admin2 and a.admin2 != b.admin2:
        return False
    # a district and a town whose district the gazetteer does not give: not known to be inside it
    if a.precision == 3 and a.admin2 and b.precision == 1 and not b.admin2:
        return False
    if b.precision == 3 and b.admin2 and a.precision == 1 and not a.admin2:
        return False
    if a.admin1 and a.admin1 == b.admin1 and (a.precision != 1 or b.precision != 1):
        return True
    return False


def _response(prev: Draft, draft: Draft) -> bool:
    """ "A group clashed with police ... Police used tear gas": the side attacked answering, told next."""
    return (
        prev.event_type == "Riots"
        and draft.group == "violence"
        and (prev.actor2 is None or prev.actor2.inter in _INTER["state"])
        and draft.sub_event_type == "Protest with intervention"
        and draft.sentence_index - prev.sentence_index <= 1
        and "participants" not in draft.counts
    )


def _other_side(prev: Draft, draft: Draft) -> bool:
    """ "Al Shabaab ambushed the police ... The police clashed with the militants": the same battle told
    from the other side, next: both battles, the second's actor 1 the first's actor 2 (the same name),
    its actor 2 none, of the first's actor 1's type, or, like it, no state's."""
    return (
        prev.event_type == draft.event_type == "Battles"
        and prev.actor2 is not None
        and draft.actor1 is not None
        and prev.actor2.name == draft.actor1.name
        and (
            draft.actor2 is None
            or draft.actor2.name == draft.actor1.name  # both sides read as one: no other side told
            or _actors_compatible(prev.actor1, draft.actor2)
            or _nonstate(prev.actor1, draft.actor2)
        )
        and draft.sentence_index - prev.sentence_index <= 1
    )


def _nonstate(a: Actor | None, b: Actor) -> bool:
    """Whether both are typed and neither is the state's ("Al Shabaab" and "the militants")."""
    state = _INTER["state"]
    return a is not None and a.inter is not None and b.inter is not None and not {a.inter, b.inter} & state


def _weapon_and_clash(a: Draft, b: Draft) -> tuple[Draft, Draft] | None:
    """(weapon attack, clash) when ``a`` and ``b`` are a weapon attack of ``clash_weapons`` and an armed
    clash told in clash words (events.yaml ``clash``) in the next sentence: "a hand grenade was thrown at
    the police station. Police reacted with gunfire towards the attackers" is one battle."""
    for weapon, clash in ((a, b), (b, a)):
        if (
            weapon.family in _CLASH_WEAPONS
            and clash.family == "clash"  # told in clash words, not "fired at the positions of", not harm
            and (clash.event_type, clash.sub_event_type) == ("Battles", "Armed clash")
            and abs(a.sentence_index - b.sentence_index) == 1
        ):
            return weapon, clash
    return None


def _actors_compatible(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return True
    if a.inter is None or b.inter is None:
        return True
    return a.inter == b.inter or {a.inter, b.inter} <= _INTER["civil"]


def _more_specific(a: Place, b: Place) -> Place:
    """The place with the more precise words: a named part of a town beats the town or region."""
    if a.name is None:
        return b
    if b.name is None:
        return a
    if b.contained_in and b.contained_in in {a.name, a.admin1}:
        return b
    if a.contained_in and a.contained_in in {b.name, b.admin1}:
        return a
    pa, pb = a.precision or 3, b.precision or 3
    if a.status != "resolved" and b.status == "resolved":
        return b
    if pa == 3 and a.admin2 and b.admin2 and a.admin2 != b.admin2:
        return a  # "a village in Ramgarh district" stays there; "a trader from Ranchi" is elsewhere
    return a if pa <= pb else b


def _merge_counts(
    a: dict[str, tuple[CountClaim, ...]], b: dict[str, tuple[CountClaim, ...]], sides: bool = False
) -> dict[str, tuple[CountClaim, ...]]:
    """``b``'s claims after ``a``'s; with ``sides`` (``b`` told in the sentence after ``a``'s), the dead
    of a side ``a`` did not count add to its toll."""
    out = {k: list(v) for k, v in a.items()}
    for category, claims in b.items():
        current = out.setdefault(category, [])
        for claim in claims:
            if sides and claim.update_of is None and another_side(current, claim):
                # "killing two soldiers ... Nine rebels were killed": the deaths of each side add up
                base_index = len(current) - 1
                base = current[base_index]
                claim = replace(
                    claim,
                    value=_low(base) + _low(claim),
                    low=None,
                    high=None,
                    qualifier=base.qualifier,
                    update_of=base_index,
                    side=f"{base.side}+{claim.side}",
                )
            elif claim.update_of == -1:
                if current:
                    base_index = len(current) - 1
                    base = current[base_index]
                    ranged = base.low is not None or claim.low is not None
                    claim = replace(
                        claim,
                        value=base.value + claim.value,
                        # a range on either side is a range of the sum ("two to three more")
                        low=_low(base) + _low(claim) if ranged else None,
                        high=(base.high or base.value) + (claim.high or claim.value) if ranged else None,
                        qualifier=base.qualifier,
                        update_of=base_index,
                        reported_by=claim.reported_by,
                    )
                else:
                    claim = replace(claim, qualifier="at_least", update_of=None)
            if any(c.span == claim.span and c.value == claim.value for c in current):
                continue
            current.append(claim)
    return {k: tuple(v) for k, v in out.items()}


def _low(claim: CountClaim) -> int:
    return claim.low if claim.low is not None else claim.value


def _sides(claim: CountClaim) -> frozenset[str]:
    return frozenset(claim.side.split("+")) if claim.side else frozenset()


#: the side of a person no actor names ("a drug suspect": ``unnamed:suspect``)
UNNAMED_SIDE = "unnamed:"
#: the sides a person no actor names is surely not on
_COMBATANT_SIDES = frozenset({"state", "armed"})


def another_side(current: list[CountClaim], claim: CountClaim, unnamed: bool = True) -> bool:
    """Whether ``claim`` counts the dead of a side none of the current claims counted ("two soldiers"
    then "nine rebels"): every claim in play names its sides, and none of them is the claim's. A
    person no actor names ("a drug suspect", "a man") is apart only from the state's and armed
    groups' dead ("A police officer was killed"), not from other people (the same one told again as
    "a student" and "a protester"); without ``unnamed`` (claims of one sentence: "a drug suspect -
    also a militant of the group - was killed" is one man) not at all. A coder's own figure stands
    alone."""
    if not claim.side or not current or claim.qualifier == "coded" or claim.category != "killed":
        return False
    superseded = {c.update_of for c in current if c.update_of is not None}
    live = [c for i, c in enumerate(current) if i not in superseded]
    if not live or any(not c.side or c.qualifier == "coded" for c in live):
        return False
    new, old = _sides(claim), frozenset().union(*(_sides(c) for c in live))
    if any(s.startswith(UNNAMED_SIDE) for s in new | old) and not (
        unnamed and (new <= _COMBATANT_SIDES or old <= _COMBATANT_SIDES)
    ):
        return False
    return not (new & old)


def _settle_increments(counts: dict[str, tuple[CountClaim, ...]]) -> dict[str, tuple[CountClaim, ...]]:
    """Increments no merge resolved ("Three were killed ... two more died" in one incident, or "two more"
    with nothing before it) become a revised total, or an "at least" figure of their own."""
    if not any(c.update_of == -1 for claims in counts.values() for c in claims):
        return counts
    return _merge_counts({}, counts)


def assemble_events(
    drafts: list[Draft],
    document: Document,
    prefix: str,
    *,
    keep_generic: bool = False,
    peaceful: Collection[str] = _PEACEFUL_DEFAULT,
    detect: Callable[[list[str]], list[bool]] | None = None,
    short: bool = False,
) -> list[Event]:
    """Merge drafts into events; drop generic mentions (no date, place or number) unless ``keep_generic``.
    ``peaceful``: the language's words saying a protest passed off peacefully.

    ``detect`` (the learned typer's event detection) rescues generic mentions in a document where
    nothing specific happened: a one-line report ("Protesters held a demonstration against the new
    tax law.") has no date or place words of its own, and its incident is still news. It reads the
    sentences of every such mention at once and says of each whether it reports an event. Without
    one (a language the typer was not trained on), a ``short`` report keeps the mentions its rules
    asserted: "Transportistas bloquearon la carretera en rechazo al alza del combustible." is news
    too."""
    echoes = [d for d in drafts if _is_echo(d, document)]
    merged: list[Draft] = []
    for draft in drafts:
        if any(draft is e for e in echoes):
            continue
        target = None
        # also "A third man died in hospital on Wednesday", "Another protester died": one more of the
        # toll of the event told before, whose day is the incident's, not the death's (not "the fighting
        # spread into Souq al-Juma, where three more people died": a fight and a place of its own)
        later_death = _later_deaths(draft) and (draft.place_inherited or draft.location.name is None)
        if (draft.retrospective or later_death) and draft.counts:
            # "the NPA said only one of its fighters had died": another claim about the event told
            # a claim with its own day or place words ("had killed nine insurgents ... on 20 April")
            # looks back at an incident of that day and place, not at whatever was told before it
            for prev in reversed(merged):
                if draft.reported_back and not _reported_on(prev, draft):
                    continue
                if (
                    _kinds_compatible(prev, draft)
                    and (set(draft.counts) & set(prev.counts) or draft.reported_back)
                    and not (draft.date_told and _days_apart(prev.date, draft.date) > _LOOKBACK_DAYS)
                    and (draft.place_inherited or _places_compatible(prev.location, draft.location))
                ):
                    target = prev
                    break
            if target is not None:
                joined = _merge(target, replace(draft, place_inherited=True, date_inherited=True))
                merged[merged.index(target)] = replace(joined, date=target.date, location=target.location)
                continue
        for prev in reversed(merged):
            if draft.sentence_index - prev.sentence_index > _MERGE_WINDOW:
                break
            if (
                _kinds_compatible(prev, draft, document.text, peaceful)
                and _dates_compatible(prev, draft)
                and _places_compatible(prev.location, draft.location)
                and (
                    _absorbs_protest(prev, draft, document.text, peaceful)
                    or _actors_compatible(prev.actor1, draft.actor1)
                    or _response(prev, draft)
                    or _other_side(prev, draft)
                    or _weapon_and_clash(prev, draft) is not None
                )
            ):
                target = prev
                break
        if target is None:
            merged.append(draft)
            continue
        merged[merged.index(target)] = _merge(target, draft)
    merged = _fold_echoes(merged, echoes)
    merged = _merge_same_day(merged)
    events = []
    news = [d for d in merged if d.specific and not _background(d, document)]
    if keep_generic:
        pass
    elif news or (detect is None and not short):
        merged = news
    elif detect is None:
        merged = [d for d in merged if not _background(d, document)]
    else:
        current = [d for d in merged if not _background(d, document)]
        merged = [
            d for d, event in zip(current, detect([d.sentence.text for d in current]), strict=True) if event
        ]
    for d in merged:
        missing = dict(d.missing)
        for name, present in (("actor1", d.actor1), ("actor2", d.actor2)):
            if present is not None:
                missing.pop(name, None)
        if d.date.value:
            missing.pop("date", None)
        if d.location.status == "resolved":
            missing.pop("location", None)
        for category in COUNT_CATEGORIES:
            if category not in d.counts:
                missing[f"counts.{category}"] = "no number reported"
        events.append(
            Event(
                id="",
                document=document.id,
                event_type=d.event_type,
                sub_event_type=d.sub_event_type,
                plover=d.plover,
                trigger=d.trigger,
                date=d.date,
                location=d.location,
                actor1=d.actor1,
                actor2=d.actor2,
                counts=_settle_increments(d.counts),
                reported_by=d.reported_by,
                sentence=d.sentence,
                confidence=d.confidence,
                missing=missing,
            )
        )
    return with_ids(events, prefix)


_BULLETS = ("•", "-", "–", "—", "*", "·", "▪")


def _is_echo(d: Draft, document: Document) -> bool:
    """A headline (the text's first line, without a full stop; after a label in capitals such as
    "PRESS RELEASE" or "BREAKING") or a summary bullet ("• Drone strike on the market kills eight"): it
    repeats what the body tells."""
    text = document.text
    at = d.trigger.start if d.trigger.end > d.trigger.start else d.sentence.start
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line.startswith(_BULLETS):
        return True
    lines = [x.strip() for x in text.strip().split("\n") if x.strip()]
    while len(lines) > 2 and lines[0].isupper() and len(lines[0].split()) <= 4:
        lines = lines[1:]  # "PRESS RELEASE", "BREAKING NEWS": a label, not the headline
    first_line = lines[0] if len(lines) > 1 else ""
    return (
        bool(first_line)
        and line == first_line
        and len(line.split()) <= 25
        and not line.endswith((".", "!", "?", '"', "'", "\u201d", ")"))
    )


def _fold_echoes(body: list[Draft], echoes: list[Draft]) -> list[Draft]:
    """Drop a headline's or a summary bullet's incident when the body tells one of the same kind and
    place; keep it when it is the only telling."""
    if not echoes:
        return body
    body = list(body)
    kept = []
    for e in echoes:
        k = next(
            (
                k
                for k, b in enumerate(body)
                if _kinds_compatible(b, e) and _echo_place_fits(b.location, e.location)
            ),
            None,
        )
        if k is None:
            kept.append(e)
            continue
        # a figure only the headline gives ("guided bomb kills four") is still a claim on the event,
        # and a headline's sharper coding ("police kill two") wins over a vaguer one in the body
        b = body[k]
        extra = {c: claims for c, claims in e.counts.items() if c not in b.counts}
        if extra:
            b = replace(b, counts={**b.counts, **extra})
        if _rank(e.event_type, e.sub_event_type) < _rank(b.event_type, b.sub_event_type):
            b = replace(b, event_type=e.event_type, sub_event_type=e.sub_event_type, plover=e.plover)
        body[k] = b
    return sorted(body + kept, key=lambda d: d.sentence_index)


def _same_place(a: Place, b: Place) -> bool:
    """The same named place, or one the text puts inside the other (stricter than
    :func:`_places_compatible`, which also lets neighbours in one division merge when told together)."""
    if a.name is None or b.name is None:
        return False
    if a.name == b.name or (a.gazetteer_id is not None and a.gazetteer_id == b.gazetteer_id):
        return True
    return bool(a.contained_in and a.contained_in == b.name) or bool(
        b.contained_in and b.contained_in == a.name
    )


def _echo_place_fits(body: Place, echo: Place) -> bool:
    """A headline names places loosely ("violence flares in Thai south"): a country or region there
    fits any place of the body in that country."""
    if echo.name is None or echo.precision == 3 or echo.status == "country_only":
        return echo.country_code is None or body.country_code in {None, echo.country_code}
    return _places_compatible(body, echo)


def _merge_same_day(drafts: list[Draft]) -> list[Draft]:
    """ACLED's unit: one event per day, place, actor pair and type. Incidents of the same type on the
    same day at compatible places, told far apart (a timeline repeating the body), become one."""
    out: list[Draft] = []
    for d in drafts:
        target = next(
            (
                o
                for o in out
                if o.event_type == d.event_type
                and o.sub_event_type == d.sub_event_type
                and o.date.precision == d.date.precision == "day"
                and o.date.value == d.date.value
                and not d.date_inherited
                and _same_place(o.location, d.location)
                and _actors_compatible(o.actor1, d.actor1)
            ),
            None,
        )
        if target is None:
            out.append(d)
        else:
            out[out.index(target)] = _merge(target, d)
    return out


#: Events that ended this many days before publication are background, not news ("mass strikes in 2013").
BACKGROUND_DAYS = 366


def _background(d: Draft, document: Document) -> bool:
    if document.published is None or not d.date.value:
        return False
    from datetime import date

    last = d.date.end or d.date.value
    try:
        return (document.published - date.fromisoformat(last)).days > BACKGROUND_DAYS
    except ValueError:
        return False


def _arrests_at_protest(a: Draft, b: Draft) -> bool:
    """One draft is a peaceful protest, the other arrests made by the state's forces (or by nobody
    named) in a sentence of their own: the two are one protest, whose arrested the arrests count."""
    protest, arrest = (a, b) if a.group == "protest" else (b, a)
    if protest.group != "protest" or arrest.group != "arrest":
        return False
    if (protest.event_type, protest.sub_event_type) != ("Protests", "Peaceful protest"):
        return False
    return arrest.actor1 is None or arrest.actor1.inter in _INTER["state"]


def _merge(a: Draft, b: Draft) -> Draft:
    keep_type = _rank(a.event_type, a.sub_event_type) <= _rank(b.event_type, b.sub_event_type)
    types = {a.event_type, b.event_type}
    if "Battles" in types and types & {"Protests", "Riots"}:
        # "149 police officers were injured" told after a protest: the protest, not a battle
        keep_type = a.event_type != "Battles"
    arresting = None
    if _arrests_at_protest(a, b):
        # "Students blocked the highway ... Police arrested 15 of them.": the protest, its arrested
        # counted; ACLED keeps most such notes a peaceful protest ("One person was arrested right after
        # the protest"), and never a strategic development of its own. The force that arrested is the
        # one an intervention names (actor 2; `roles` drops it from a protest that stays peaceful)
        keep_type = a.group == "protest"
        arresting = (b if keep_type else a).actor1
    typed = a if keep_type else b
    fought = _weapon_and_clash(a, b)
    if fought is not None:
        typed = fought[1]  # the weapon was used in the battle
    date = a.date if (a.date.value and not a.date_inherited) or not b.date.value else b.date
    if (
        a.date.value
        and b.date.value
        and a.date.precision != "day"
        and b.date.precision == "day"
        and not b.date_inherited
    ):
        date = b.date
    place = _more_specific(a.location, b.location) if not b.place_inherited else a.location
    actor1 = typed.actor1 or a.actor1 or b.actor1
    actor2 = arresting or typed.actor2 or a.actor2 or b.actor2
    if fought is not None and fought[0].actor1 is not None:
        # the attacker is actor 1; the side that fought back (a side of the clash that is not the
        # attacker's) actor 2
        actor1 = fought[0].actor1
        sides = (fought[0].actor2, fought[1].actor1, fought[1].actor2)
        actor2 = next((x for x in sides if x is not None and x.inter != actor1.inter), actor2)
    everyone = [x for x in (a.actor1, b.actor1, a.actor2, b.actor2) if x is not None]
    protesters = next((x for x in everyone if x.inter in _INTER["protesters"]), None)
    force = next((x for x in everyone if x.inter in _INTER["armed"]), None)
    if typed.sub_event_type == "Excessive force against protesters":
        actor1, actor2 = force or actor1, protesters or actor2
    elif typed.sub_event_type == "Protest with intervention":
        # ACLED: the protesters are actor 1, the force that intervened actor 2
        actor1, actor2 = protesters or actor1, force or actor2
    missing = {**b.missing, **a.missing}
    return replace(
        a,
        event_type=typed.event_type,
        sub_event_type=typed.sub_event_type,
        plover=typed.plover,
        group="violence" if "violence" in {a.group, b.group} else a.group,
        trigger=typed.trigger,
        date=date,
        location=place,
        actor1=actor1,
        actor2=actor2,
        # the dead of another side add up when told next to the incident ("killing three soldiers. Eight
        # rebels were killed"), not a toll of another scene merged from paragraphs away
        counts=_merge_counts(a.counts, b.counts, sides=0 <= b.sentence_index - a.sentence_index <= 1),
        confidence=max(a.confidence, b.confidence),
        missing=missing,
        reported_by=tuple(dict.fromkeys(a.reported_by + b.reported_by)),
        sentence_index=b.sentence_index,
        specific=a.specific or b.specific,
        sentence=a.sentence,
    )

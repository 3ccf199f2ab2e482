"""Resolve place mentions to gazetteer entries, the way a careful coder would.

In: a spaCy ``Doc``, its :class:`~cronica.resolve.PlaceMention` list and optionally the countries a
user gives for a whole corpus (``hint``). Out: one :class:`cronica.records.Place` per mention, in the
same order, and the document's :class:`~cronica.resolve.Focus` with its evidence.

How: the document's focus country is the country with most evidence (the corpus hint, country names,
demonyms, places whose name exists in one country only; :mod:`cronica.resolve.focus`); each
candidate entry is scored by population, kind, agreement with the focus country and with countries
co-mentioned, and containment in the place the text qualifies it with ("Paris, Texas"). A name the
gazetteer lacks but the text locates inside a known place takes that place's coordinates with ACLED
geo precision 2; a city gets precision 1, a region or country 3. A mention that cannot be resolved
comes back ``unresolved`` with its reason; an error on one mention never affects the others.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from cronica.errors import GazetteerError
from cronica.records import Place, PlaceCandidate
from cronica.resolve.focus import WEIGHTS, Focus, FocusEvidence, decide
from cronica.resolve.gazetteer import Gazetteer, GazetteerEntry
from cronica.resolve.names import fold
from cronica.resolve.recognize import PlaceMention, find_country_evidence

#: A foreign town smaller than this, with no other evidence for its country, is taken for a namesake.
STRAY_POPULATION = 200_000
#: Score margin under which the runner-up candidates are kept on the Place.
UNSURE_MARGIN = 1.0
_REGION_KINDS = {"admin1", "admin2", "continent"}


class PlaceResolver:
    """Turns mentions into :class:`~cronica.records.Place` records; one instance per gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    # -- public -----------------------------------------------------------------------------------

    def country_place(self, code: str, span: object = None, reason: str | None = None) -> Place:
        """The country with ISO alpha-2 ``code`` as a country-level Place (precision 3)."""
        entry = self.gazetteer.country(code)
        if entry is None:
            return Place(
                name=None, country_code=code.upper(), status="unresolved", reason=f"unknown country {code!r}"
            )
        return Place(
            name=entry.name,
            span=span,  # type: ignore[arg-type]
            country=entry.name,
            country_code=entry.country_code,
            latitude=entry.latitude,
            longitude=entry.longitude,
            precision=3,
            gazetteer_id=entry.gazetteer_id,
            status="country_only",
            reason=reason or "country level only",
        )

    def focus_country(self, doc: Doc, mentions: list[PlaceMention], hint: Sequence[str] = ()) -> str | None:
        """The country the document is about, or None when nothing points at one."""
        return self.focus(doc, mentions, hint).country_code

    def focus(self, doc: Doc, mentions: list[PlaceMention], hint: Sequence[str] = ()) -> Focus:
        """The document's :class:`Focus`: the country and the evidence for it."""
        candidates = self._candidates(mentions)
        return decide(self._evidence(doc, mentions, candidates, hint), _first_seen(mentions, candidates))

    def resolve_document(
        self, doc: Doc, mentions: list[PlaceMention], hint: Sequence[str] = ()
    ) -> list[Place]:
        """One Place per mention, same order; see the module docstring."""
        return self.resolve_with_focus(doc, mentions, hint)[0]

    def resolve_with_focus(
        self, doc: Doc, mentions: list[PlaceMention], hint: Sequence[str] = ()
    ) -> tuple[list[Place], Focus]:
        """:meth:`resolve_document` and :meth:`focus` in one pass over the evidence. ``hint``: ISO
        codes of the countries a corpus is about (``--country``); the text's own words still win."""
        candidates = self._candidates(mentions)
        found = decide(self._evidence(doc, mentions, candidates, hint), _first_seen(mentions, candidates))
        focus, countries = found.country_code, dict(found.scores)
        by_start: dict[int, int] = {m.span.start: k for k, m in enumerate(mentions)}
        places: list[Place | None] = [None] * len(mentions)
        # Known names first (containers are known names), then the names the gazetteer lacks.
        order = sorted(range(len(mentions)), key=lambda k: (not mentions[k].known, mentions[k].span.start))
        containers = {
            m.container.start for m in mentions if m.container is not None and m.relation == "qualifier"
        }
        stray: dict[int, str] = {}  # known names read as names the gazetteer lacks, and why
        for k in order:
            m = mentions[k]
            try:
                if m.known:
                    place = self._resolve_known(
                        m, candidates, focus, countries, by_start, mentions, containers
                    )
                    if place is None:
                        stray[k] = (
                            f"the gazetteer's only {m.name!r} is a town of another country that nothing "
                            "else in the text points at"
                        )
                        continue
                    places[k] = place
                else:
                    places[k] = self._resolve_unknown(m, places, by_start, focus, mentions)
            except (GazetteerError, sqlite3.Error, ValueError, KeyError, TypeError) as exc:
                places[k] = Place(
                    name=m.name, span=m.span, status="unresolved", reason=f"resolution failed: {exc}"
                )
        # "the Las Palmas neighbourhood of Esmeraldas": a known name whose entry is not inside the
        # place the text puts it in is a namesake; the name is read as one the gazetteer lacks
        for k, m in enumerate(mentions):
            place = places[k]
            if (
                not m.known
                or place is None
                or m.container is None
                or m.relation not in {"qualifier", "part_of"}
            ):
                continue
            outer = places[by_start[m.container.start]] if m.container.start in by_start else None
            if outer is not None and outer.status == "resolved" and not _place_within(place, outer):
                stray[k] = f"no {m.name!r} in the gazetteer lies in {outer.name}, where the text puts it"
        for k, why in sorted(stray.items()):
            place = self._resolve_unknown(
                replace(mentions[k], known=False), places, by_start, focus, mentions
            )
            places[k] = replace(place, reason=f"{why}; {place.reason}")
        resolved = [
            p if p is not None else Place(name=None, status="unresolved", reason="not resolved")
            for p in places
        ]
        return resolved, found

    # -- evidence ---------------------------------------------------------------------------------

    def _candidates(self, mentions: list[PlaceMention]) -> dict[str, list[GazetteerEntry]]:
        return self.gazetteer.lookup(m.name for m in mentions if m.known)

    def _evidence(
        self,
        doc: Doc,
        mentions: list[PlaceMention],
        candidates: dict[str, list[GazetteerEntry]],
        hint: Sequence[str],
    ) -> list[FocusEvidence]:
        out = [FocusEvidence("hint", code.upper(), WEIGHTS["hint"], code) for code in hint]
        for m in mentions:
            if m.facility_word is not None:
                continue  # "Royal Plaza", "Freedom Square": a facility's name says little of the country
            entries = candidates.get(fold(m.name), [])
            # a name that is only a country counts fully; "Argelia" (Algeria in Spanish, and a Colombian
            # town) is as ambiguous as any other name
            if entries and all(e.kind in {"country", "continent"} for e in entries):
                out += [
                    FocusEvidence("country_name", e.country_code, WEIGHTS["country_name"], m.name, m.span)
                    for e in entries
                    if e.kind == "country" and e.country_code
                ]
                continue
            codes = sorted({e.country_code for e in entries if e.country_code})
            out += [
                FocusEvidence("place", code, WEIGHTS["place"] / len(codes), m.name, m.span) for code in codes
            ]
        out += [
            FocusEvidence("demonym", ev.country_code, WEIGHTS["demonym"], ev.span.text, ev.span)
            for ev in find_country_evidence(doc, self.gazetteer)
        ]
        return out

    # -- scoring ----------------------------------------------------------------------------------

    def _score(
        self,
        entry: GazetteerEntry,
        mention: PlaceMention,
        focus: str | None,
        countries: dict[str, float],
        container: list[GazetteerEntry],
    ) -> float:
        s = math.log10(entry.population + 10) / 2
        s += {"country": 6.0, "continent": 6.0, "admin1": 1.0, "admin2": 0.5}.get(entry.kind, 0.0)
        if entry.feature_code in {"PPLC", "PPLG"}:
            s += 1.0
        elif entry.feature_code == "PPLA":
            s += 0.5
        if mention.admin_level and entry.kind == mention.admin_level:
            s += 4.0
        if focus and entry.country_code == focus:
            s += 3.0
        elif entry.country_code and countries.get(entry.country_code, 0) >= 1:
            s += 1.0
        if container and any(_contains(c, entry) for c in container):
            s += 6.0
        return s

    def _resolve_known(
        self,
        m: PlaceMention,
        candidates: dict[str, list[GazetteerEntry]],
        focus: str | None,
        countries: dict[str, float],
        by_start: dict[int, int],
        mentions: list[PlaceMention],
        containers: set[int],
    ) -> Place | None:
        """The best entry for a known name, or None when its only entries are small foreign towns
        that nothing else in the document supports (then it is read as a name the gazetteer lacks)."""
        entries = list(candidates.get(fold(m.name), []))
        if not entries:
            return Place(
                name=m.name, span=m.span, status="unresolved", reason="no gazetteer entry for the name"
            )
        if m.admin_level:
            level = [e for e in entries if e.kind == m.admin_level]
            entries = level or entries
        elif m.cue == "qualifier" or m.span.start in containers:
            # "Culiacán, Sinaloa": a name that qualifies another is its region, not a namesake town
            regions = [e for e in entries if e.kind in {"admin1", "admin2", "country"}]
            entries = regions or entries
        else:
            entries = _prefer_towns(entries)
        container: list[GazetteerEntry] = []
        if m.container is not None and m.container.start in by_start:
            container = candidates.get(fold(mentions[by_start[m.container.start]].name), [])
        local = focus is not None and any(e.kind != "country" and e.country_code == focus for e in entries)
        scored = sorted(
            (
                # a foreign country named like a town of the document's country: the town
                (
                    self._score(e, m, focus, countries, container)
                    - (4.0 if local and e.kind == "country" else 0.0),
                    e,
                )
                for e in entries
            ),
            key=lambda t: -t[0],
        )
        best_score, best = scored[0]
        if (
            focus
            and best.kind == "city"
            and best.country_code != focus
            and (best.population < STRAY_POPULATION or m.facility_word is not None)
            and countries.get(best.country_code or "", 0.0) <= 1.0
            and m.cue != "dateline"
        ):
            return None  # "Kibuye market" in a Kenyan story is not the Rwandan town
        runner_up = next(
            (s for s, e in scored[1:] if e.country_code != best.country_code or e.id != best.id), None
        )
        unsure = runner_up is not None and best_score - runner_up < UNSURE_MARGIN
        cands = tuple(_candidate(e, s) for s, e in scored[:5]) if unsure else ()
        why = f"best of {len(entries)} candidates (score {best_score:.2f}"
        why += f", runner-up {runner_up:.2f})" if runner_up is not None else ")"
        if focus:
            why += f"; focus country {focus}"
        return self._place(m, best, why + ("; close call" if unsure else ""), cands)

    def _place(
        self, m: PlaceMention, e: GazetteerEntry, reason: str, cands: tuple[PlaceCandidate, ...]
    ) -> Place:
        country = self.gazetteer.country(e.country_code) if e.country_code else None
        admin1 = e.name if e.kind == "admin1" else self._admin_name(e.country_code, e.admin1_code)
        admin2 = e.name if e.kind == "admin2" else None
        if admin2 is None and e.admin2_code:
            admin2 = self._admin_name(e.country_code, e.admin1_code, e.admin2_code)
        if e.kind == "country":
            status, precision = "country_only", 3
        else:
            status, precision = "resolved", 3 if e.kind in _REGION_KINDS else 1
        canonical = e.name if e.kind != "country" else (country.name if country else e.name)
        words = " ".join(m.name.split())
        # the name as the report writes it ("Rafah", "Basra"), unless shouted or lower-cased
        as_written = words[:1].isupper() and not words.isupper() and e.kind != "country"
        return Place(
            name=words if as_written else canonical,
            gazetteer_name=canonical,
            span=m.span,
            country=country.name if country else None,
            country_code=e.country_code,
            admin1=admin1 if e.kind != "country" else None,
            admin2=admin2 if e.kind not in {"country", "admin1"} else None,
            latitude=e.latitude,
            longitude=e.longitude,
            precision=precision,
            gazetteer_id=e.gazetteer_id,
            status=status,
            reason=reason,
            candidates=cands,
            contained_in=e.parent if e.gazetteer_id.startswith("user:") else None,
        )

    def _admin_name(self, cc: str | None, a1: str | None, a2: str | None = None) -> str | None:
        if not cc or not a1:
            return None
        entry = self.gazetteer.admin(cc, a1, a2)
        return entry.name if entry else None

    def _resolve_unknown(
        self,
        m: PlaceMention,
        places: list[Place | None],
        by_start: dict[int, int],
        focus: str | None,
        mentions: list[PlaceMention] | None = None,
    ) -> Place:
        container = (
            places[by_start[m.container.start]] if m.container and m.container.start in by_start else None
        )
        if container is None and mentions is not None:
            container = _town_just_before(m, mentions, places, focus)
            if container is not None:
                m = replace(m, relation="near_mention")
        if container is not None and container.status in {"resolved", "country_only"}:
            where = f"{container.name} ({container.gazetteer_id})"
            relation = {
                "facility_in": "in",
                "suburb_of": "a suburb of",
                "in": "in",
                "near_mention": "after (probably in)",
                "near": "near",
                "part_of": "in",
                "qualifier": "in",
            }.get(m.relation or "", "in")
            return replace(
                container,
                name=m.name,
                span=m.span,
                precision=2 if container.precision == 1 else 3,
                gazetteer_id=None,
                status="resolved",
                reason=f"not in the gazetteer; the text places it {relation} {where}; "
                f"coordinates are those of {container.name}",
                candidates=(
                    PlaceCandidate(
                        container.name or "",
                        container.country_code,
                        container.admin1,
                        container.latitude,
                        container.longitude,
                        container.gazetteer_id,
                        1.0,
                    ),
                ),
                # a guess from proximity is not a containment the text states
                contained_in=container.name if m.relation != "near_mention" else None,
            )
        if focus:
            reason = (
                f"{m.name!r} is not in the gazetteer and the text gives no containing place; "
                f"placed at country level (document focus {focus})"
            )
            return replace(self.country_place(focus), name=m.name, span=m.span, reason=reason)
        return Place(
            name=m.name,
            span=m.span,
            status="unresolved",
            reason=f"{m.name!r} is not in the gazetteer, the text gives no containing place "
            "and no focus country",
        )


#: How far before an unknown name (in characters) a town may be to lend it its point.
NEAR_MENTION_CHARS = 400


def _town_just_before(
    m: PlaceMention, mentions: list[PlaceMention], places: list[Place | None], focus: str | None
) -> Place | None:
    """ "... in Kampala on Tuesday. The protesters had gathered near Owino market": an unknown name
    shortly after a town of the document's country is most likely in it (a dateline does not count:
    it says where the reporter was)."""
    best = None
    for other, place in zip(mentions, places, strict=True):
        if other.span.start >= m.span.start:
            break
        if (
            place is not None
            and other.known
            and other.cue != "dateline"
            and place.status == "resolved"
            and place.precision == 1
            and place.country_code == focus
            and m.span.start - other.span.end <= NEAR_MENTION_CHARS
        ):
            best = place
    return best


def _first_seen(mentions: list[PlaceMention], candidates: dict[str, list[GazetteerEntry]]) -> dict[str, int]:
    """Country code -> index of the first mention with a candidate there (ties go to the first named)."""
    first_seen: dict[str, int] = {}
    for n, m in enumerate(mentions):
        for e in candidates.get(fold(m.name), []):
            if e.country_code:
                first_seen.setdefault(e.country_code, n)
    return first_seen


def _place_within(inner: Place, outer: Place) -> bool:
    """Whether resolved ``inner`` can lie inside resolved ``outer`` (same country, and same first-level
    division when ``outer`` is a town or a division)."""
    if inner.country_code != outer.country_code:
        return False
    return outer.admin1 is None or inner.admin1 is None or inner.admin1 == outer.admin1


def _prefer_towns(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Drop a division named like a town of the same division ("La Paz" department vs La Paz city)."""
    towns = {(e.country_code, e.admin1_code) for e in entries if e.kind == "city"}
    kept = [
        e
        for e in entries
        if e.kind not in {"admin1", "admin2"} or (e.country_code, e.admin1_code) not in towns
    ]
    return kept or entries


def _contains(outer: GazetteerEntry, inner: GazetteerEntry) -> bool:
    if outer.country_code is None or outer.country_code != inner.country_code:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "admin1":
        return outer.admin1_code == inner.admin1_code
    if outer.kind == "admin2":
        return outer.admin1_code == inner.admin1_code and outer.admin2_code == inner.admin2_code
    return outer.admin1_code == inner.admin1_code  # a town qualifies a place of its division


def _candidate(e: GazetteerEntry, score: float) -> PlaceCandidate:
    return PlaceCandidate(
        e.name, e.country_code, e.admin1_code, e.latitude, e.longitude, e.gazetteer_id, round(score, 3)
    )

"""Resolve the place mentions of a document together, the way a careful coder would.

In: a spaCy ``Doc``, its :class:`~cronica.resolve.PlaceMention` list and optional hints (countries a
user gives for a corpus, the outlet's country). Out: one :class:`cronica.records.Place` per mention, in
the same order, and the document's :class:`~cronica.resolve.focus.Focus`.

How:

1. the focus (:mod:`cronica.resolve.focus`): country names, demonyms, the dateline, the hints and the
   joint fit of every candidate place, each piece of evidence kept with its words;
2. each candidate entry of a known name is scored by population, kind, the administrative level the
   text asks for ("district"), agreement with the focus country, containment in the place the text
   qualifies it with ("Paris, Texas", "Baragoi, Samburu"), and its fit with the other places of the
   document (same division, within 100 km, containing or contained): the places of one report agree
   with each other;
3. a namesake abroad wins only when the text names its country or it is a well-known city (Geneva,
   London); otherwise the name is read as one the gazetteer lacks;
4. a name the gazetteer lacks takes the smallest place the text puts it in (a town: ACLED geo
   precision 2; a district or province: 3), following chains ("X village in Y upazila of Z district"),
   else the focus division, else the focus country, and its reason says which words were not found.

A mention that cannot be resolved comes back ``unresolved`` with its reason; an error on one mention
never affects the others.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from cronica.errors import GazetteerError
from cronica.fields import replace
from cronica.nlp.arrays import arrays
from cronica.nlp.matching import doc_text
from cronica.records import Place, PlaceCandidate, Span
from cronica.resolve.actors import find_actor_countries
from cronica.resolve.corpus import STATED_KINDS, CorpusPrior, run_evidence
from cronica.resolve.divisions import DivisionLabel, iso_division, label_of
from cronica.resolve.focus import MIN_FOCUS, WEIGHTS, Focus, FocusEvidence, decide
from cronica.resolve.gazetteer import Gazetteer, GazetteerEntry
from cronica.resolve.geo import haversine_km
from cronica.resolve.names import fold, spelling_key
from cronica.resolve.recognize import TOWN_WORDS, PlaceMention, find_country_evidence, recognizer_for

#: A foreign town less well known than this (:func:`salience`: about a million people, or a provincial
#: seat of 100,000), with no words for its country, is taken for a namesake, unless it lies in the
#: border region of the document's country (:data:`BORDER_KM`).
STRAY_SALIENCE = 0.85
#: Least population of a town the run's country a note's name may mean (:func:`run_evidence` 3b).
KNOWN_TOWN = 10_000
#: A foreign town this close (km) to a place of the document's country is in its border region: a
#: report about the country names it for what happens across the border (an air strike in Rafah in a
#: story told from Israel, Goma in a Rwandan one), not as a namesake of a place the gazetteer lacks.
BORDER_KM = 30.0
_BORDER_KEPT = 50_000  # border answers kept (entry, country) before they are forgotten
#: Score for a division of the other level than its suffix usually names ("Meru county": Kenya's counties
#: are first-level divisions): under the focus country's 3, over the difference of the kinds' own scores.
OTHER_LEVEL = 1.5
#: Added to a candidate whose own (GeoNames' main) name is the mention's, not an alternate name: a place
#: four times as populous that is called so only in some language or in the past comes first still.
OWN_NAME = 0.3
#: Score margin under which the runner-up candidates are kept on the Place.
UNSURE_MARGIN = 1.0
#: Candidates per name considered in the joint fit (most populous first).
JOINT_CANDIDATES = 40
#: Names of a document whose entries are compared pairwise for the focus's joint fit.
JOINT_NAMES = 15
#: Two places this close (km) fit together.
NEAR_KM = 100.0
#: Most the other places of a document can add to one candidate's score.
MAX_FIT = 4.0
_REGION_KINDS = {"admin1", "admin2", "continent"}
#: A town named with no cue (:meth:`PlaceResolver.resolve_weak`) counts with this many people, or as a seat.
WEAK_MIN_POPULATION = 10_000
_WEAK_SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
#: How many of the nearest places with a first-level division vote for the division of a place whose
#: GeoNames code names none.
NEAREST_FOR_DIVISION = 5
#: An origin or a destination: "fled to Somalia", "trucks left for La Paz" ("hacia", "desde", "hasta")
_MOTION_CUES = {"prep:from", "prep:to", "prep:into", "prep:toward", "prep:towards", "prep:via"} | {
    "prep:desde",
    "prep:hacia",
    "prep:hasta",
}
#: How well known a place is, for the evidence its name gives: log10(population) plus these.
_SALIENCE_BONUS = {"admin1": 2.0, "admin2": 1.5, "PPLC": 2.0, "PPLG": 1.5, "PPLA": 1.0, "PPLA2": 0.5}
_AREA_KINDS = {"country", "continent"}
#: How prominent a place is among its namesakes (:func:`prominence`): log10(population) plus these.
_PROMINENCE_BONUS = {"admin1": 1.0, "admin2": 0.5, "PPLC": 1.0, "PPLG": 0.5, "PPLA": 0.5, "PPLA2": 0.2}
#: A name's evidence is shared among its countries as 10 ** (this x prominence): 1 shares it by
#: population (and rank), 0 evenly.
PROMINENCE_POWER = 1.0
#: A name whose most prominent entry is at least this salient (:func:`salience`: a city of a million,
#: a provincial seat of 100,000, a province) counts for the joint fit (:data:`~cronica.resolve.focus.WEIGHTS`
#: "joint"): two such names whose most prominent entries lie in one country point at it.
JOINT_SALIENCE = STRAY_SALIENCE
#: Words after a name that say it is a populated place, not a division of that name ("Meru town").
_TOWN_WORDS = TOWN_WORDS
_SEAT_CODES = {"PPLC", "PPLG", "PPLA"}
_HYPHENS = frozenset({"-", "\u2013"})
#: Focus evidence that is words of the text (or the user) saying where: a country's name, the
#: dateline, the hint (a demonym or an actor says who: "Cuban doctors abducted in Mandera").
_STATED_KINDS = STATED_KINDS


class PlaceResolver:
    """Turns mentions into :class:`~cronica.records.Place` records; one instance per gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # (entry, country) -> whether a place of the country lies near the entry: the same foreign
        # towns come back report after report, and each answer reads up to 100,000 rows
        self._border: dict[tuple[int, float, float, str], bool] = {}
        self._region_of: dict[str, str] | None = None

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
        """The document's :class:`Focus` (country, division where clear, and the evidence)."""
        return self.resolve_with_focus(doc, mentions, hint)[1]

    def resolve_document(
        self, doc: Doc, mentions: list[PlaceMention], hint: Sequence[str] = ()
    ) -> list[Place]:
        """One Place per mention, same order; see the module docstring."""
        return self.resolve_with_focus(doc, mentions, hint)[0]

    def resolve_weak(self, mentions: Sequence[PlaceMention], focus: Focus) -> list[Place | None]:
        """Places for names no cue made place mentions (:meth:`PlaceRecognizer.weak_mentions`: "Embu
        University students", "Muranga residents"), one per mention, same order: only an entry in the
        document's focus country that is well known there (a first- or second-level division with a
        point, a seat, or a town of :data:`WEAK_MIN_POPULATION`), the town of the name before a division
        of it (Embu town, not Embu county); None where there is none or no focus country."""
        code = focus.country_code
        if not code or not mentions:
            return [None] * len(mentions)
        found = self.gazetteer.lookup([m.name for m in mentions])
        out: list[Place | None] = []
        for m in mentions:
            entries = [
                e
                for e in found.get(fold(m.name), [])
                if e.country_code == code
                and e.latitude is not None
                and (
                    e.kind in {"admin1", "admin2"}
                    or (
                        e.kind == "city"
                        and (e.population >= WEAK_MIN_POPULATION or e.feature_code in _WEAK_SEAT_CODES)
                    )
                )
            ]
            if not entries:
                out.append(None)
                continue
            towns = [e for e in entries if e.kind == "city"]
            best = (
                max(towns, key=lambda e: e.population)
                if towns
                else min(entries, key=lambda e: (e.kind != "admin1", -e.population))
            )
            reason = (
                f"{m.name!r} is named with no word that makes it a place (a word of a name, a modifier): "
                f"read as {best.name} ({best.gazetteer_id}), the one of the focus country {code}"
            )
            out.append(self._place(m, best, reason, ()))
        return out

    def resolve_with_focus(
        self,
        doc: Doc,
        mentions: list[PlaceMention],
        hint: Sequence[str] = (),
        outlet_country: str | None = None,
        prior: CorpusPrior | None = None,
    ) -> tuple[list[Place], Focus]:
        """:meth:`resolve_document` and :meth:`focus` in one pass over the evidence.

        ``hint``: ISO codes of the countries a corpus is about (``--country``); ``outlet_country``: the
        ISO code of the outlet's country when the source says it; ``prior``: the countries the whole
        run's documents state (:mod:`cronica.resolve.corpus`), weighed by their share."""
        candidates = self._candidates(mentions)
        evidence = self._evidence(doc, mentions, candidates, hint, outlet_country)
        first_seen = self._first_seen(mentions, candidates)
        corpus_regions = prior.present_regions(self._regions()) if prior is not None else frozenset()
        if prior is not None:
            # the run's say (its regions, country, region, armed groups, the names it places): one design,
            # decided in :func:`cronica.resolve.corpus.run_evidence`
            bare = [(fold(m.name), m.name) for m in mentions if m.container is None]
            # the countries where a name of the note is a known place (a division, a seat, a town of
            # 10,000): "Tripoli" is Lebanon's second city; "Hay" is a hamlet of Ukraine
            known = {
                str(e.country_code)
                for m in mentions
                for e in candidates.get(fold(m.name), [])
                if e.country_code
                and (
                    e.kind in {"admin1", "admin2"}
                    or e.feature_code in _SEAT_CODES | {"PPLA2"}
                    or e.population >= KNOWN_TOWN
                )
            }
            evidence = run_evidence(
                prior, evidence, self._regions(), first_seen, doc_text(doc), bare, known_in=known
            )
        focus = decide(evidence, first_seen)
        by_start: dict[int, int] = {m.span.start: k for k, m in enumerate(mentions)}
        places: list[Place | None] = [None] * len(mentions)
        containers = {
            m.container.start for m in mentions if m.container is not None and m.relation == "qualifier"
        }
        # "Meru town", "Hays city": the word after the name says it is a town, not a division
        towns = {
            k
            for k, m in enumerate(mentions)
            if m.end_token < len(doc) and doc[m.end_token].lower_ in _TOWN_WORDS and not m.admin_level
        }
        localities = self._localities(doc, mentions)
        pools = {
            k: self._pool(m, candidates, containers, town=k in towns, focus=focus)
            for k, m in enumerate(mentions)
            if m.known
        }
        stray: dict[int, str] = {}  # known names read as names the gazetteer lacks, and why
        names = {j: fold(mentions[j].name) for j in pools}
        for k in sorted(pools):
            m = mentions[k]
            try:
                place = self._resolve_known(
                    m, k, pools, focus, by_start, mentions, k in localities, corpus_regions, names=names
                )
            except (GazetteerError, sqlite3.Error, ValueError, KeyError, TypeError) as exc:
                places[k] = Place(
                    name=m.name, span=m.span, status="unresolved", reason=f"resolution failed: {exc}"
                )
                continue
            if place is None:
                stray[k] = (
                    f"the gazetteer's {m.name!r} lies in another country that no words of the text name"
                )
                continue
            places[k] = place
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
        focus = decide(evidence, first_seen, self._placed_admin1(mentions, places, pools))
        pending = [k for k, m in enumerate(mentions) if not m.known] + sorted(stray)
        # a name the gazetteer lacks is read as the name the text gives it: the longer name whose head is
        # a namesake abroad ("Villa Ingenio"), else the name itself
        unknown = {
            k: (mentions[k].longer or replace(mentions[k], known=False)) if k in stray else mentions[k]
            for k in pending
        }
        # "Raya area of Balambala sub-county, Garissa county": a name with no container lies in the
        # first place its sentence lists after it, over level words and names the gazetteer lacks
        mentions = list(mentions)
        chain = recognizer_for(self.gazetteer, doc.vocab).chain_words
        for k in pending:
            if unknown[k].container is not None or unknown[k].facility_word is not None:
                continue  # "the Royal Plaza in Bangkok": a facility's name is no place of its own
            listed = _listed_container(doc, unknown[k], mentions, candidates, chain)
            if listed is not None:
                # "Laama-Balaar near Gaalkacyo town": near it, not in it
                between = {t.lower_ for t in doc[unknown[k].end_token : mentions[listed].start_token]}
                how = "listed_near" if between & _NEAR_WORDS else "listed_in"
                unknown[k] = replace(unknown[k], container=mentions[listed].span, relation=how)
                mentions[k] = replace(mentions[k], container=mentions[listed].span, relation=how)
        text = doc_text(doc)
        # containers first: "X village in Y upazila of Z district" resolves Z, then Y, then X
        for _round in range(len(pending) + 1):
            if not pending:
                break
            ready = [k for k in pending if not _waits_for(mentions[k], pending, by_start)] or pending[:1]
            for k in ready:
                pending.remove(k)
                m = unknown[
                    k
                ]  # for a stray, read as a name the gazetteer lacks ("Villa Ingenio", not "Villa")
                try:
                    # the document's division lends its area only to a name in a paragraph that names
                    # a place of it (a namesake abroad is no evidence of being there)
                    near = k not in stray and _division_named_nearby(text, k, mentions, places, focus)
                    where = focus if near else replace(focus, admin1_code=None)
                    place = self._resolve_unknown(m, places, by_start, where, mentions, text)
                except (GazetteerError, sqlite3.Error, ValueError, KeyError, TypeError) as exc:
                    place = Place(
                        name=m.name, span=m.span, status="unresolved", reason=f"resolution failed: {exc}"
                    )
                if k in stray:
                    place = replace(place, reason=f"{stray[k]}; {place.reason}")
                places[k] = place
        _same_name_same_place(
            mentions, places, {k for k, m in enumerate(mentions) if not m.known} | set(stray)
        )
        if prior is not None and prior.placed:
            self._placed_by_the_run(mentions, places, pools, focus, prior)
        resolved = [
            p if p is not None else Place(name=None, status="unresolved", reason="not resolved")
            for p in places
        ]
        return resolved, focus

    def _placed_by_the_run(
        self,
        mentions: list[PlaceMention],
        places: list[Place | None],
        pools: dict[int, list[GazetteerEntry]],
        focus: Focus,
        prior: CorpusPrior,
    ) -> None:
        """A bare name that another report of the run places in one country (:meth:`CorpusPrior.placement`:
        "Solhan, a village in Yagha province" there, "residents of Solhan" here) is that place, not a
        namesake abroad or in another division, when the document's focus is that country and its words
        name no other country for the place: that country's entry of the name (in the division the run
        names, where it names one), else the division the run names ("Yagha", precision 2), else the
        country. Changes ``places`` in place."""
        for k, m in enumerate(mentions):
            place = places[k]
            where = prior.placement(fold(m.name)) if m.container is None else None
            if where is None and m.container is None and place is not None:
                self._in_the_run_s_division(m, k, places, pools, focus, prior)
                continue
            if where is None or place is None or focus.country_code != where[0]:
                continue
            code, division = where
            outer = self._division_named(code, division)
            entries = [e for e in pools.get(k, []) if e.country_code == code and e.kind != "country"]
            if outer is not None:
                entries = [e for e in entries if _contains(outer, e) and e.id != outer.id]
            current = next((e for e in pools.get(k, []) if e.gazetteer_id == place.gazetteer_id), None)
            if current is not None and current.kind in {"admin1", "admin2", "country", "continent"}:
                continue  # a division or a country named as such: the run places towns, not divisions
            if place.country_code == code and place.status == "resolved":
                if outer is None or (current is not None and (current in entries or current.id == outer.id)):
                    continue
                if current is None:
                    continue  # a name the gazetteer lacks, placed by this document's own words
            if place.country_code not in {None, code} and focus.explicit(place.country_code):
                continue  # "Solhan, Turkey": the text's own words
            said = f"another report of the run places {m.name!r} in " + (
                f"{outer.name}, {code}" if outer is not None else code
            )
            if entries:
                best = max(entries, key=lambda e: (e.kind == "city", e.population))
                places[k] = self._place(m, best, f"{said}: its entry there", ())
            elif outer is not None:
                reason = f"{said}; no entry of it there in the gazetteer"
                places[k] = replace(self._in_division(m, outer, reason), contained_in=outer.name)
            elif place.country_code != code:
                at_country = self.country_place(code)
                places[k] = replace(at_country, name=m.name, span=m.span, reason=f"{said}: at country level")

    def _in_the_run_s_division(
        self,
        m: PlaceMention,
        k: int,
        places: list[Place | None],
        pools: dict[int, list[GazetteerEntry]],
        focus: Focus,
        prior: CorpusPrior,
    ) -> None:
        """A village named like villages of several divisions of the focus country, in a document that
        names no other place of that country and is no seat or capital, is read by the divisions the run
        places its names of that country in (:meth:`CorpusPrior.divisions`: "near Lozove" in a run of
        notes about Donetsk and Luhansk): its entry in one of them, else, where one division holds a
        majority of them (:meth:`CorpusPrior.division`), that division (precision 2: the gazetteer
        lacks the village there). Changes ``places`` in place."""
        place, code = places[k], focus.country_code
        if place is None or code is None or place.country_code != code or place.status != "resolved":
            return
        if any(
            p is not None
            and p.status == "resolved"
            and p.country_code == code
            and fold(mentions_name(p)) != fold(m.name)
            for j, p in enumerate(places)
            if j != k
        ):
            return  # the document's other places say where it is
        pool = [e for e in pools.get(k, []) if e.country_code == code and e.kind == "city"]
        current = next((e for e in pool if e.gazetteer_id == place.gazetteer_id), None)
        if current is None or current.feature_code in _SEAT_CODES or current.feature_code == "PPLA2":
            return
        if len({e.admin1_code for e in pool}) < 2:
            return  # one division has the name: no choice to make
        named = [d for d in (self._division_named(code, n) for n in prior.divisions(code)) if d is not None]
        if not named or any(_contains(d, current) for d in named):
            return
        inside = [e for d in named for e in pool if _contains(d, e)]
        said = f"{m.name!r} names places in several divisions of {code}"
        if inside:
            best = max(inside, key=lambda e: e.population)
            reason = f"{said}: the one in a division the run places its names in"
            places[k] = self._place(m, best, reason, ())
            return
        outer = self._division_named(code, prior.division(code))
        if outer is None:
            return
        reason = f"{said}, none of them in {outer.name}, where the run places most of its names of {code}"
        places[k] = self._in_division(m, outer, reason)

    def _in_division(self, m: PlaceMention, outer: GazetteerEntry, reason: str) -> Place:
        """``m`` read as a place the gazetteer lacks in division ``outer``: its point, precision 2."""
        region = self._place(m, outer, "", ())
        return replace(
            region,
            name=m.name,
            span=m.span,
            precision=2,
            gazetteer_id=None,
            reason=f"{reason}: coordinates are those of {outer.name}",
        )

    def _division_named(self, code: str, division: str | None) -> GazetteerEntry | None:
        """The first-level (else second-level) division of country ``code`` named ``division`` (folded)."""
        if not division:
            return None
        entries = self.gazetteer.lookup([division]).get(division, [])
        found = [e for e in entries if e.country_code == code and e.kind in {"admin1", "admin2"}]
        return min(found, key=lambda e: e.kind != "admin1", default=None)

    # -- evidence ---------------------------------------------------------------------------------

    def _candidates(self, mentions: list[PlaceMention]) -> dict[str, list[GazetteerEntry]]:
        return self.gazetteer.lookup(m.name for m in mentions if m.known)

    def _regions(self) -> dict[str, str]:
        """Country code -> world region, read once from the gazetteer."""
        if self._region_of is None:
            self._region_of = self.gazetteer.regions()
        return self._region_of

    def _first_seen(
        self, mentions: list[PlaceMention], candidates: dict[str, list[GazetteerEntry]]
    ) -> dict[str, int]:
        first_seen: dict[str, int] = {}
        for n, m in enumerate(mentions):
            for e in candidates.get(fold(m.name), []):
                if e.country_code:
                    first_seen.setdefault(e.country_code, n)
        return first_seen

    def _evidence(
        self,
        doc: Doc,
        mentions: list[PlaceMention],
        candidates: dict[str, list[GazetteerEntry]],
        hint: Sequence[str],
        outlet_country: str | None,
    ) -> list[FocusEvidence]:
        out = [FocusEvidence("hint", code.upper(), WEIGHTS["hint"], code) for code in hint]
        if outlet_country:
            out.append(FocusEvidence("outlet", outlet_country.upper(), WEIGHTS["outlet"], outlet_country))
        by_start = {m.span.start: m for m in mentions}
        areas = {fold(m.name) for m in mentions if self._named_as_area(doc, m)}
        localities = {mentions[k].span.start for k in self._localities(doc, mentions)}
        # "Barangay Magdawat, Pinabacdao, Samar": a name that qualifies another is read as a region, and
        # its evidence is that of its regions (Samar province, not Samara, Russia)
        qualifying = {
            m.container.start for m in mentions if m.container is not None and m.relation == "qualifier"
        }
        # each name's most prominent country, and whether that namesake is well known
        tops: dict[str, tuple[str, PlaceMention, bool]] = {}
        pooled: dict[str, tuple[PlaceMention, list[GazetteerEntry]]] = {}  # each name's entries, once
        for m in mentions:
            if m.facility_word is not None:
                continue  # "Royal Plaza", "Freedom Square": a facility's name says little of the country
            entries = candidates.get(fold(m.name), [])
            if m.cue == "qualifier" or m.span.start in qualifying:
                entries = [
                    e for e in entries if e.kind in {"admin1", "admin2", "country"} and e.latitude is not None
                ] or entries
            # a name that is only a country counts fully, and so does a country's own name whose other
            # entries are only small towns ("Peru", "Mexico", "Chile", and Peru, Indiana); "Argelia"
            # (Algeria in Spanish, and a Colombian town) is as ambiguous as any other name
            if entries and (
                all(e.kind in _AREA_KINDS for e in entries)
                or (self._country_by_own_name(m.name, entries) and fold(m.name) not in areas)
            ):
                # "refugees from South Sudan", "fled to neighbouring Somalia": an origin or a destination
                # says less about where things happen than "in Kenya" or "Kenya's"
                weight = WEIGHTS["country_name"] / (2 if m.cue in _MOTION_CUES else 1)
                kind = "country_name"
                if m.ner_label == "NORP":
                    # "Saudi forces", "Saudi-led coalition": the name as an adjective says who, as a
                    # demonym does, not where
                    kind, weight = "demonym", WEIGHTS["demonym"]
                out += [
                    FocusEvidence(kind, e.country_code, weight, m.name, m.span)
                    for e in entries
                    if e.kind == "country" and e.country_code
                ]
                continue
            if (
                m.longer is not None
                and not _town_part(m)
                and all(e.kind == "city" and salience(e) < STRAY_SALIENCE for e in entries)
            ):
                # "in Trans Mara": the small towns named like the head of a longer name the gazetteer
                # lacks (Trans-en-Provence) are no evidence of the document's country
                continue
            kind = "dateline" if m.cue == "dateline" else "place"
            # "Bar Elias": the head of a longer name the gazetteer lacks is likely no place of its own,
            # so its best-known namesake (Bar, Montenegro) takes no more than any other
            own = m.longer is None or _town_part(m)
            # "the Rabat area of Tarnak district": a locality's best-known namesake (Morocco's capital)
            # takes no more than any other
            shares = _country_shares(entries, by_prominence=own and m.span.start not in localities)
            levelled = {e.country_code for e in entries if m.admin_level and e.kind == m.admin_level}
            if kind == "place" and len(levelled) == 1 and None not in levelled:
                # "(Dolpa district)": a division named with its level word, of one country, states the
                # country as fully as the corpus scanner reads it, however few people its places hold
                shares = {next(iter(levelled)): 1.0}  # type: ignore[dict-item]
            if len(shares) > 1 and kind == "place" and fold(m.name) in tops:
                # "Yala ... in Yala": saying an ambiguous name again does not say again which namesake
                # it is (Yala, Kenya, with Siaya named, not Yala, Thailand)
                shares = {}
            out += [
                FocusEvidence(kind, code, WEIGHTS[kind] * share, m.name, m.span)
                for code, share in shares.items()
            ]
            top = _most_prominent(entries)
            if top is not None and top.country_code:
                tops.setdefault(fold(m.name), (top.country_code, m, own and salience(top) >= JOINT_SALIENCE))
            if own:
                pooled.setdefault(fold(m.name), (m, entries))
            outer = by_start.get(m.container.start) if m.container is not None else None
            if outer is not None and outer.known:
                agree = sorted(
                    {
                        e.country_code
                        for e in entries
                        for c in candidates.get(fold(outer.name), [])
                        if e.country_code and _contains(c, e)
                    }
                )
                out += [
                    FocusEvidence("containment", code, WEIGHTS["containment"] / len(agree), m.name, m.span)
                    for code in agree
                ]
        # the joint fit: "SANTA CRUZ, ... La Paz" -- two names whose most prominent places (Santa Cruz de
        # la Sierra, La Paz) lie in one country point at it, however many small namesakes each has
        joint: defaultdict[str, list[PlaceMention]] = defaultdict(list)
        for code, m, known in tops.values():
            if known:
                joint[code].append(m)
        joint_weight = {
            code: (WEIGHTS["joint"], named[:2]) for code, named in joint.items() if len(named) >= 2
        }
        # ... and "near Santiago and in Sona": two names with places close to each other in one country
        # (Santiago de Veraguas and Soná, Panama) point at it, shared among the countries where they do
        for code, weight, pair in _near_pairs(list(pooled.values())):
            if weight > joint_weight.get(code, (0.0, []))[0]:
                joint_weight[code] = (weight, pair)
        out += [
            FocusEvidence("joint", code, weight, ", ".join(m.name for m in pair), pair[0].span)
            for code, (weight, pair) in joint_weight.items()
        ]
        out += [
            FocusEvidence("demonym", ev.country_code, WEIGHTS["demonym"], ev.span.text, ev.span)
            for ev in find_country_evidence(doc, self.gazetteer)
        ]
        # "Nepal Armed Police", "Iran-backed": a country's name that is no place mention (a word of an
        # organisation's name or of a hyphenated word) says who, as a demonym does; but "the Nepal-India
        # border", "the Kenya-Somalia border": two countries' names joined by a hyphen say where, each
        # half a country named
        for words, code, border in self._attributive_countries(doc, mentions):
            if border:
                out.append(
                    FocusEvidence("country_name", code, WEIGHTS["country_name"] / 2, words.text, words)
                )
            else:
                out.append(FocusEvidence("demonym", code, WEIGHTS["demonym"], words.text, words))
        # "the OSCE SMM observed ...", "Houthi forces": an actor of one country says who, as a demonym
        # does, and so where
        text = doc_text(doc)
        out += [
            FocusEvidence("actor", code, WEIGHTS["actor"], text[start:end], Span(start, end, text[start:end]))
            for start, end, code in find_actor_countries(text)
        ]
        return out

    def _localities(self, doc: Doc, mentions: list[PlaceMention]) -> set[int]:
        """The mentions the words make a locality inside another place: "the Rabat area of Tarnak
        district", "the Kibera part of Nairobi" (an area noun and "of" after the name, "the" before)."""
        nouns = recognizer_for(self.gazetteer, doc.vocab).area_nouns
        return {
            k
            for k, m in enumerate(mentions)
            if m.end_token + 1 < len(doc)
            and doc[m.end_token].lower_ in nouns
            and doc[m.end_token + 1].lower_ == "of"
            and m.start_token > 0
            and doc[m.start_token - 1].lower_ == "the"
        }

    def _attributive_countries(self, doc: Doc, mentions: list[PlaceMention]) -> list[tuple[Span, str, bool]]:
        """(words, country code, whether joined by a hyphen to another country's name) for each
        country's own name in ``doc`` (one or two capitalised words) that no place mention covers and no
        PERSON name holds: a word of an organisation's name ("Nepal Armed Police", "Kenya Defence
        Forces") or of a hyphenated word ("Iran-backed", "the Nepal-India border")."""
        covered: set[int] = set()
        for m in mentions:
            end = m.longer.end_token if m.longer is not None else m.end_token
            covered.update(range(m.start_token, end))
        spans: dict[tuple[int, int], str] = {}
        columns = arrays(doc)  # the document's token columns, shared with its other readers
        texts, alpha, space_after = columns.text, columns.is_alpha, columns.space_after
        # a capitalised alphabetic word: the names looked up (a position in ``covered`` is skipped)
        capital = [a and w[:1].isupper() for a, w in zip(alpha, texts, strict=True)]
        ent_type = columns.ent_type
        for i, word in enumerate(texts):
            if i in covered or not capital[i] or ent_type[i] == "PERSON":
                continue
            spans[(i, i + 1)] = word
            if i + 1 < len(texts) and i + 1 not in covered and capital[i + 1]:
                # the two words as ``doc[i : i + 2].text`` writes them
                spans[(i, i + 2)] = word + (" " if space_after[i] else "") + texts[i + 1]
        if not spans:
            return []
        found = self.gazetteer.lookup(spans.values())
        named: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        for (i, j), text in sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
            if i in taken:
                continue
            entries = found.get(fold(text), [])
            if self._country_by_own_name(text, entries):
                code = next(e.country_code for e in entries if e.kind == "country" and e.country_code)
                named.append((i, j, code))
                taken.update(range(i, j))
        out: list[tuple[Span, str, bool]] = []
        for n, (i, j, code) in enumerate(named):
            joined = [
                (a, b)
                for a, b, _c in named[max(0, n - 1) : n + 2]
                if (b + 1 == i or j + 1 == a) and doc[min(b, j)].text in _HYPHENS
            ]
            words = doc[i:j]
            out.append((Span(words.start_char, words.end_char, words.text), code, bool(joined)))
        return out

    def _named_as_area(self, doc: Doc, m: PlaceMention) -> bool:
        """ "the village of Kosovo", "the town of Colombia": the words say the name is not the country's
        (then no mention of it in the document counts as the country named)."""
        i = m.start_token
        nouns = recognizer_for(self.gazetteer, doc.vocab).area_nouns
        return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in nouns

    def _country_by_own_name(self, name: str, entries: list[GazetteerEntry]) -> bool:
        """Whether ``name`` is a country's own name and every entry of it abroad a little-known town or
        a second-level division ("Costa Rica", Sinaloa; Peru, Indiana; Lebanon County)."""
        owners = set()
        for e in entries:
            country = (
                self.gazetteer.country(e.country_code) if e.kind == "country" and e.country_code else None
            )
            if country is not None and fold(country.name) == fold(name):
                owners.add(e.country_code)
        if len(owners) != 1:
            return False
        # the country's own places of that name ("México" state, "Mexico City") point the same way; a
        # county abroad is a namesake whatever its size (Lebanon County, Pennsylvania)
        return all(
            e.country_code in owners
            or e.kind == "admin2"
            or (e.kind == "city" and salience(e) < STRAY_SALIENCE)
            for e in entries
        )

    @staticmethod
    def _placed_admin1(
        mentions: list[PlaceMention], places: list[Place | None], pools: dict[int, list[GazetteerEntry]]
    ) -> list[tuple[str, str, float]]:
        """(country, admin1 code, weight) of the known names resolved below country level."""
        out = []
        for k, place in enumerate(places):
            if place is None or place.status != "resolved" or not place.country_code:
                continue
            entry = next((e for e in pools.get(k, []) if e.gazetteer_id == place.gazetteer_id), None)
            code = entry.admin1_code if entry is not None else None
            if code and mentions[k].cue != "dateline":  # a dateline says where the reporter was
                out.append((place.country_code, code, 1.0))
        return out

    # -- scoring ----------------------------------------------------------------------------------

    def _pool(
        self,
        m: PlaceMention,
        candidates: dict[str, list[GazetteerEntry]],
        containers: set[int],
        town: bool = False,
        focus: Focus | None = None,
    ) -> list[GazetteerEntry]:
        """The entries a known name may be: the level the text asks for, a region for a name that
        qualifies another, a town over a division of the same name; the most populous first."""
        entries = list(candidates.get(fold(m.name), []))
        if m.admin_level:
            # "Meru county": a division of the level the word usually names, or of the other level where
            # the country names its divisions so (Kenya's counties are first-level divisions)
            level = [e for e in entries if e.kind in {"admin1", "admin2"}]
            entries = level or entries
        elif m.cue == "qualifier" or m.span.start in containers:
            # "Culiacán, Sinaloa": a name that qualifies another is its region, not a namesake town
            # (a division the gazetteer has no point for is no better than the town of its name:
            # "Mususa municipality (Butembo, Nord-Kivu)")
            regions = [
                e for e in entries if e.kind in {"admin1", "admin2", "country"} and e.latitude is not None
            ]
            if (
                focus is not None
                and focus.country_code
                and not any(e.country_code == focus.country_code for e in regions)
                and any(e.country_code == focus.country_code for e in entries)
            ):
                regions = []  # "(Kati, Koulikoro)" in Mali: Mali's town, not a district of Tanzania
            entries = regions or entries
        elif town:
            entries = [e for e in entries if e.kind == "city"] or _prefer_towns(entries)
        else:
            entries = _prefer_towns(entries)
        return entries[:JOINT_CANDIDATES]

    def _score(
        self, entry: GazetteerEntry, mention: PlaceMention, focus: Focus, container: list[GazetteerEntry]
    ) -> float:
        s = math.log10(entry.population + 10) / 2
        s += {"country": 6.0, "continent": 6.0, "admin1": 1.0, "admin2": 0.5}.get(entry.kind, 0.0)
        if entry.feature_code in {"PPLC", "PPLG"}:
            s += 1.0
        elif entry.feature_code == "PPLA":
            s += 0.5
        if fold(entry.name) == fold(mention.name):
            s += OWN_NAME  # Chad's Pala, not Farah or Santa Fe, which have "Pala" as an alternate name
        if mention.admin_level and entry.kind == mention.admin_level:
            s += 4.0
        elif mention.admin_level and entry.kind in {"admin1", "admin2"}:
            s += OTHER_LEVEL
        if focus.country_code and entry.country_code == focus.country_code:
            s += 3.0
            if focus.admin1_code and entry.admin1_code == focus.admin1_code:
                s += 0.5
        elif entry.country_code and focus.explicit(entry.country_code):
            s += 1.0
        if container and any(_contains(c, entry) for c in container):
            s += 6.0
            s += _near_qualifying_town(entry, container)
        return s

    @staticmethod
    def _fit(
        entry: GazetteerEntry, k: int, pools: dict[int, list[GazetteerEntry]], names: dict[int, str]
    ) -> float:
        """How well ``entry`` agrees with the other places of the document: for each other name, its
        best-agreeing entry (containing or contained 1.5, same division 1, within 100 km 1, same
        country 0.25), summed and capped at :data:`MAX_FIT`."""
        if entry.kind in _AREA_KINDS or not entry.country_code:
            return 0.0
        total = 0.0
        seen: set[str] = {names[k]}
        for j, pool in pools.items():
            if j == k or names[j] in seen:
                continue
            seen.add(names[j])
            best = 0.0
            for other in pool:
                if other.country_code != entry.country_code or other.kind in _AREA_KINDS:
                    continue
                if (
                    _contains(other, entry)
                    and other.kind in {"admin1", "admin2"}
                    or (_contains(entry, other) and entry.kind in {"admin1", "admin2"})
                ):
                    best = 1.5
                    break
                agree = 0.25
                if entry.admin1_code and other.admin1_code == entry.admin1_code:
                    agree = 1.0
                elif _km(entry, other) <= NEAR_KM:
                    agree = 1.0
                best = max(best, agree)
            total += best
            if total >= MAX_FIT:  # capped: the other names cannot change it
                break
        return min(total, MAX_FIT)

    def _resolve_known(
        self,
        m: PlaceMention,
        k: int,
        pools: dict[int, list[GazetteerEntry]],
        focus: Focus,
        by_start: dict[int, int],
        mentions: list[PlaceMention],
        locality: bool = False,
        corpus_regions: frozenset[str] = frozenset(),
        *,
        names: dict[int, str],
    ) -> Place | None:
        """The best entry for a known name, or None when its only entries are small foreign towns
        whose country no words of the document name (then it is read as a name the gazetteer lacks).
        ``locality``: the words make the name a locality inside another place ("the Rabat area of
        Tarnak district"), so a well-known city abroad is a namesake too. ``corpus_regions``: the world
        regions the run's documents are about (``CorpusPrior.present_regions``); ``names``: each pooled
        mention's folded name, worked out once a document by the caller."""
        entries = pools.get(k, [])
        if not entries:
            return Place(
                name=m.name, span=m.span, status="unresolved", reason="no gazetteer entry for the name"
            )
        container: list[GazetteerEntry] = []
        if m.container is not None and m.container.start in by_start:
            container = pools.get(by_start[m.container.start], [])
        code = focus.country_code
        local = code is not None and any(e.kind != "country" and e.country_code == code for e in entries)
        scored = sorted(
            (
                (
                    self._score(e, m, focus, container)
                    + self._fit(e, k, pools, names)
                    # a foreign country named like a town of the document's country: the town
                    - (4.0 if local and e.kind == "country" and e.country_code != code else 0.0),
                    e,
                )
                for e in entries
            ),
            key=lambda t: -t[0],
        )
        best_score, best = scored[0]
        abroad = (
            code is not None
            and best.country_code != code
            and not focus.explicit(best.country_code)
            and m.cue != "dateline"
        )
        if abroad and (
            # "Villa Ingenio" in a Bolivian story: the first word of a longer name is no town abroad
            (m.longer is not None and not _town_part(m) and best.kind != "country")
            or (
                best.kind not in _AREA_KINDS
                and (
                    (
                        best.kind == "city"
                        and (salience(best) < STRAY_SALIENCE or m.facility_word is not None or locality)
                        and not self._in_border_region(best, code)
                        # the seat of a first-level division is no namesake of a name the gazetteer
                        # lacks where the text puts another place in it ("Dardara in al-Hasakeh") or
                        # where only demonyms give the focus ("2 Cuban doctors abducted in Mandera":
                        # a demonym says who, not where)
                        and not (
                            best.feature_code in _SEAT_CODES
                            and (focus.from_demonyms() or _holds_a_place(m, mentions))
                        )
                        # "refugees from Sudan and South Sudan clashed in Kakuma": a country named only
                        # as where people came from or went to does not make a town elsewhere a namesake
                        and not _focus_from_elsewhere(focus, mentions)
                    )
                    # a county abroad no words name: "Independence Square" in Santo Domingo is not
                    # Independence County, Arkansas
                    or (best.kind == "admin2" and m.admin_level is None)
                    # "Oriental Highway Toll Gate" in a note from Shan State: a facility's name is no
                    # province abroad (L'Oriental, Morocco)
                    or (
                        best.kind == "admin1"
                        and m.facility_word is not None
                        and m.admin_level is None
                        and not self._in_border_region(best, code)
                    )
                )
            )
        ):
            return None  # "Kibuye market" in a Kenyan story is not the Rwandan town
        if m.cue != "dateline" and self._on_another_continent(best, focus, m, corpus_regions):
            return None  # "Hardiya area (Bara district)" in a note about Nepal and India: not Bara, Sudan
        if code is None and m.longer is not None and best.kind == "city" and salience(best) < STRAY_SALIENCE:
            # "Bar-Sanguun" in a note that names no country: the small town "Bar" somewhere is no
            # evidence of the longer name's place
            return None
        runner_up = next(
            (s for s, e in scored[1:] if e.country_code != best.country_code or e.id != best.id), None
        )
        unsure = runner_up is not None and best_score - runner_up < UNSURE_MARGIN
        cands = tuple(_candidate(e, s) for s, e in scored[:5]) if unsure else ()
        why = f"best of {len(entries)} candidates (score {best_score:.2f}"
        why += f", runner-up {runner_up:.2f})" if runner_up is not None else ")"
        if code:
            why += f"; focus country {code}"
        return self._place(m, best, why + ("; close call" if unsure else ""), cands)

    def _on_another_continent(
        self, e: GazetteerEntry, focus: Focus, m: PlaceMention, corpus_regions: frozenset[str] = frozenset()
    ) -> bool:
        """Whether ``e`` lies on another continent than every country the document's words name as a
        place (its name, the dateline, the user's hint) while no words name its own: then it is a
        namesake of a place the gazetteer lacks, whatever its level ("Bara district" in a note about the
        Nepal-India border is not Bara, Sudan), unless it is well known (salience :data:`STRAY_SALIENCE`:
        "the UN office in Geneva") and no facility's name. A focus inferred from place names alone does
        not count: "outside the Meade company's office in Vostok village of Alamudun district" is no
        reason to read Alamudun as a namesake of a place in the United States; nor do demonyms, which
        say who ("Russian forces patrolled Quamishli in al-Hasakeh").

        Where no words of the document name a country, the world regions the run's documents are about
        (``corpus_regions``) take their place: "the village of Farka" in an export of Niger and
        Mozambique is not Albania's Farka, though it is the only Farka the gazetteer has (a town the
        words' demonyms or actors tie to its country stays)."""
        if e.kind in _AREA_KINDS or not e.country_code:
            return False
        regions = self._regions()
        here = regions.get(e.country_code)
        stated = {ev.country_code for ev in focus.evidence if ev.kind in _STATED_KINDS}
        if stated:
            if e.country_code == focus.country_code or e.country_code in stated:
                return False
            if here is None or any(regions.get(c, here) == here for c in stated):
                return False
        elif (
            not corpus_regions
            or here is None
            or here in corpus_regions
            or focus.explicit(e.country_code)
            or e.country_code == focus.country_code
        ):
            # (the note's own places agree on its country: "Barangay Santol, Balayan, Batangas" in an
            # export that mixes the Philippines with DR Congo, whose notes alone name their country)
            return False
        return salience(e) < STRAY_SALIENCE or m.facility_word is not None

    def _in_border_region(self, e: GazetteerEntry, country_code: str | None) -> bool:
        """Whether a place of ``country_code`` lies within :data:`BORDER_KM` of the foreign entry ``e``."""
        if country_code is None or e.latitude is None or e.longitude is None:
            return False
        key = (e.id, e.latitude, e.longitude, country_code)
        known = self._border.get(key)
        if known is None:
            if len(self._border) > _BORDER_KEPT:
                self._border.clear()
            known = self._border[key] = self._near_border(e, country_code)
        return known

    def _near_border(self, e: GazetteerEntry, country_code: str) -> bool:
        assert e.latitude is not None and e.longitude is not None
        # a square of degrees wide enough for BORDER_KM east and west (and so north and south)
        radius = BORDER_KM / 111.0 / max(0.2, math.cos(math.radians(e.latitude)))
        return any(
            n.latitude is not None
            and n.longitude is not None
            and haversine_km(e.latitude, e.longitude, n.latitude, n.longitude) <= BORDER_KM
            for n in self.gazetteer.near(e.latitude, e.longitude, 100_000, radius, country_code)
        )

    def _place(
        self, m: PlaceMention, e: GazetteerEntry, reason: str, cands: tuple[PlaceCandidate, ...]
    ) -> Place:
        country = self.gazetteer.country(e.country_code) if e.country_code else None
        # the divisions' names users give them ("Donetsk"), with GeoNames' own ("Donetska oblast") and codes
        a1 = label_of(e) if e.kind == "admin1" else self._division(e.country_code, e.admin1_code)
        a2 = label_of(e) if e.kind == "admin2" else None
        if a2 is None and e.admin2_code and e.kind != "admin1":
            a2 = self._division(e.country_code, e.admin1_code, e.admin2_code)
        if e.kind == "country":
            a1 = a2 = None
        elif e.kind == "admin1":
            a2 = None
        elif a1 is None and (near := self._division_near(e)) is not None:
            a1 = near
            reason += (
                f"; GeoNames gives {e.name} no first-level division the gazetteer has: "
                f"{near.english}, the division of the places nearest to it"
            )
        if e.kind == "country":
            status, precision = "country_only", 3
        else:
            status, precision = "resolved", 3 if e.kind in _REGION_KINDS else 1
        canonical = e.name if e.kind != "country" else (country.name if country else e.name)
        latitude, longitude = e.latitude, e.longitude
        if latitude is None and e.kind == "admin2" and e.country_code and e.admin1_code:
            # a district the gazetteer has no point for ("Beyoğlu", "Hassi Mameche"): the point of its
            # first-level division (that division's most populous place) stands in, as for a name the
            # gazetteer lacks placed in its province
            outer = self.gazetteer.admin(e.country_code, e.admin1_code)
            if outer is not None and outer.latitude is not None:
                latitude, longitude = outer.latitude, outer.longitude
                reason += f"; {_NO_POINT.format(e.name, outer.name)}"
        words = " ".join(m.name.split())
        # the name as the report writes it ("Rafah", "Basra"), unless shouted or lower-cased
        as_written = words[:1].isupper() and not words.isupper() and e.kind != "country"
        return Place(
            name=words if as_written else canonical,
            gazetteer_name=canonical,
            span=m.span,
            country=country.name if country else None,
            country_code=e.country_code,
            admin1=a1.english if a1 else None,
            admin2=a2.english if a2 else None,
            admin1_native=a1.native if a1 else None,
            admin1_code=a1.code if a1 else None,
            admin1_iso=a1.iso_code if a1 else None,
            admin2_native=a2.native if a2 else None,
            admin2_code=a2.code if a2 else None,
            latitude=latitude,
            longitude=longitude,
            precision=precision,
            gazetteer_id=e.gazetteer_id,
            status=status,
            reason=reason,
            candidates=cands,
            contained_in=e.parent if e.gazetteer_id.startswith("user:") else None,
        )

    def _dateline_division(
        self, mentions: list[PlaceMention], places: list[Place | None], focus: str | None
    ) -> str | None:
        """The first-level division code of the dateline's town when it lies in the focus country: a
        brief from "ANTOFAGASTA" about "the Escondida mine" is more likely in that region than anywhere
        else in the country (the division, not the town: the reporter may have been far away)."""
        for other, place in zip(mentions, places, strict=False):
            if other.cue != "dateline" or place is None or place.status != "resolved":
                continue
            entry = self.gazetteer.by_gazetteer_id(place.gazetteer_id) if place.gazetteer_id else None
            if entry is not None and entry.country_code == focus and entry.admin1_code:
                return entry.admin1_code
        return None

    def _spelled_like(self, m: PlaceMention, container: Place | None, focus: Focus) -> Place | None:
        """The town or district a name the gazetteer lacks is another transliteration of ("Quamishli":
        Al Qāmishlī; "Jandairis": Jindayris), looked for only in the first-level division the text puts
        it in (its container's, else the document's division named on its line; a name the text calls a
        district with neither, among the focus country's second-level divisions: "Chapainawabganj
        district" is Chapai Nawabganj written as one word), and only when the spelling key is long
        enough and every match lies at one place (:data:`SPELLING_KM`)."""
        scope: tuple[str, str | None] | None = None
        entry = (
            self.gazetteer.by_gazetteer_id(container.gazetteer_id)
            if container is not None and container.gazetteer_id and container.status == "resolved"
            else None
        )
        if entry is not None and entry.country_code and entry.admin1_code:
            scope = (entry.country_code, entry.admin1_code)
        elif container is None and focus.country_code and focus.admin1_code:
            scope = (focus.country_code, focus.admin1_code)
        elif container is None and focus.country_code and m.admin_level == "admin2":
            # "in Chapainawabganj district": a district the text names, among the country's districts
            scope = (focus.country_code, None)
        if scope is None or len(spelling_key(m.name)) < MIN_SPELLING_KEY:
            return None
        found = self.gazetteer.spelled_like(m.name, *scope)
        if not found or any(_km(found[0], e) > SPELLING_KM for e in found[1:]):
            return None
        best = found[0]
        division = (self._admin_name(*scope) if scope[1] else None) or scope[1] or scope[0]
        reason = (
            f"{m.name!r} is not in the gazetteer as written; read as {best.name} ({best.gazetteer_id}), "
            f"the place of {division} spelled like it"
        )
        return self._place(m, best, reason, ())

    def _admin_name(self, cc: str | None, a1: str | None, a2: str | None = None) -> str | None:
        found = self._division(cc, a1, a2)
        return found.english if found else None

    def _division_near(self, e: GazetteerEntry) -> DivisionLabel | None:
        """The first-level division of most of the :data:`NEAREST_FOR_DIVISION` places nearest to a place
        whose own GeoNames code names no division of the gazetteer (a code left from an older division
        of the country, or none: Kenya's Sololo, Ireland's provinces), within about 50 km; None when no
        place near it has one."""
        if e.latitude is None or e.longitude is None or not e.country_code:
            return None
        found: list[DivisionLabel] = []
        for n in self.gazetteer.near(e.latitude, e.longitude, 60, 0.5, e.country_code):
            if n.id == e.id or n.kind not in {"city", "admin2", "admin1"} or not n.admin1_code:
                continue
            label = self._division(e.country_code, n.admin1_code)
            if label is not None:
                found.append(label)
            if len(found) >= NEAREST_FOR_DIVISION:
                break
        if not found:
            return None
        votes = Counter(x.code for x in found)
        best = max(votes.values())
        return next(x for x in found if votes[x.code] == best)  # the nearest of the most frequent

    def _division(self, cc: str | None, a1: str | None, a2: str | None = None) -> DivisionLabel | None:
        """The names and codes of the division with these GeoNames codes, None where the index lacks it."""
        if not cc or not a1:
            return None
        entry = self.gazetteer.admin(cc, a1, a2)
        if entry is None and a2 is None:
            # a code the bundle has no division for: ISO 3166-2's, when one is named like the code's seat
            return iso_division(cc, a1, self.gazetteer.seat_names(cc, a1))
        return label_of(entry) if entry else None

    def _resolve_unknown(
        self,
        m: PlaceMention,
        places: list[Place | None],
        by_start: dict[int, int],
        focus: Focus,
        mentions: list[PlaceMention] | None = None,
        text: str = "",
    ) -> Place:
        container = (
            places[by_start[m.container.start]] if m.container and m.container.start in by_start else None
        )
        if container is not None and container.status not in {"resolved", "country_only"}:
            container = None
        if container is not None and m.relation in _LISTED and container.status != "resolved":
            container = None  # a place listed after it that is itself only its country says nothing more
        if container is None and mentions is not None and not _opens_its_paragraph(m, text):
            container = _town_just_before(m, mentions, places, focus.country_code)
            if container is not None:
                m = replace(m, relation="near_mention")
        spelled = self._spelled_like(m, container, focus)
        if spelled is not None:
            return spelled
        if container is not None and container.status in {"resolved", "country_only"}:
            where = f"{container.name}" + (f" ({container.gazetteer_id})" if container.gazetteer_id else "")
            relation = {
                "facility_in": "in",
                "suburb_of": "a suburb of",
                "in": "in",
                "near_mention": "after (probably in)",
                "near": "near",
                "part_of": "in",
                "qualifier": "in",
                "listed_in": "before (probably in)",
                "listed_near": "near",
            }.get(m.relation or "", "in")
            return replace(
                container,
                name=m.name,
                span=m.span,
                precision=2 if container.precision == 1 else 3,
                gazetteer_id=None,
                status="resolved",
                reason=f"{m.name!r} is not in the gazetteer; the text places it {relation} {where}; "
                f"coordinates are those of {_point_of(container)}",
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
                contained_in=container.name if m.relation not in {"near_mention", "listed_near"} else None,
            )
        code = focus.country_code
        if code and focus.admin1_code:
            region = self.gazetteer.admin(code, focus.admin1_code)
            if region is not None and region.latitude is not None:
                reason = (
                    f"{m.name!r} is not in the gazetteer and the text gives no containing place; "
                    f"placed in the division the document's places lie in ({region.name}, {code})"
                )
                return self._place(m, region, reason, ())
        dateline = self._dateline_division(mentions or [], places, code)
        if code and dateline is not None:
            region = self.gazetteer.admin(code, dateline)
            if region is not None and region.latitude is not None:
                reason = (
                    f"{m.name!r} is not in the gazetteer and the text gives no containing place; "
                    f"placed in the division of the dateline's town ({region.name}, {code})"
                )
                return self._place(m, region, reason, ())
        if code:
            reason = (
                f"{m.name!r} is not in the gazetteer and the text gives no containing place; "
                f"placed at country level (document focus {code})"
            )
            return replace(self.country_place(code), name=m.name, span=m.span, reason=reason)
        return Place(
            name=m.name,
            span=m.span,
            status="unresolved",
            reason=f"{m.name!r} is not in the gazetteer, the text gives no containing place "
            + (
                f"and only the other place names point at {code}, which does not make it a place there"
                if code
                else "and no focus country"
            ),
        )


#: Shortest spelling key (:func:`~cronica.resolve.names.spelling_key`) read as another transliteration:
#: shorter keys ("kara", "raha") match unrelated villages of a division.
MIN_SPELLING_KEY = 5
#: Places a spelling key matches must lie this close (km) to the most populous of them to be one place.
SPELLING_KM = 25.0
#: How far before an unknown name (in characters) a town may be to lend it its point.
NEAR_MENTION_CHARS = 400


def _opens_its_paragraph(m: PlaceMention, text: str) -> bool:
    """ "En Yapacaní, un enfrentamiento ...", "In Betanzos, ...": a name that opens its paragraph (at
    most a preposition before it) sets the scene of a new paragraph; the town the paragraph before was
    about says nothing of where it lies."""
    if not text:
        return False
    line_start = text.rfind("\n", 0, m.span.start) + 1
    before = text[line_start : m.span.start].strip()
    return line_start > 0 and len(before.split()) <= 1 and len(before) <= 4


def _town_just_before(
    m: PlaceMention, mentions: list[PlaceMention], places: list[Place | None], focus: str | None
) -> Place | None:
    """ "... in Kampala on Tuesday. The protesters had gathered near Owino market": an unknown name
    shortly after a town of the document's country is most likely in it (a dateline does not count:
    it says where the reporter was; nor does an origin or a destination, "convoys left for La Paz")."""
    best = None
    for other, place in zip(mentions, places, strict=True):
        if other.span.start >= m.span.start:
            break
        if (
            place is not None
            and other.known
            and other.cue != "dateline"
            and other.cue not in _MOTION_CUES  # "trucks left for La Paz": where they went, not where it is
            and place.status == "resolved"
            and place.precision == 1
            and place.country_code == focus
            and m.span.start - other.span.end <= NEAR_MENTION_CHARS
        ):
            best = place
    return best


#: Most tokens between a name and the place its sentence lists after it (:func:`_listed_container`).
LIST_REACH = 14
_LISTED = frozenset({"listed_in", "listed_near"})
_NEAR_WORDS = frozenset({"near", "outside", "around"})
_LIST_PUNCT = frozenset({",", "(", ")", "[", "]", "-", "\u2013", "/"})


def _listed_container(
    doc: Doc,
    m: PlaceMention,
    mentions: list[PlaceMention],
    candidates: dict[str, list[GazetteerEntry]],
    chain_words: frozenset[str],
) -> int | None:
    """The index of the first place a report lists after ``m`` in the same sentence, over punctuation,
    capitalised words (names the gazetteer lacks) and level words only ("Raya area of Balambala
    sub-county, Garissa county": Garissa; "Irobo village, Shinyalu, Kakamega county": Kakamega; "Kewata
    village under Dalsing Sarai police station (Samastipur, Bihar)": Samastipur). ACLED and local reports
    list places from the smallest to the largest, so the first one the gazetteer knows is the smallest
    named level that it has; a country's name is passed over (the focus gives the country). None when
    any other word comes first ("Kafr Lusin border crossing, heading to ...")."""
    starts = {other.start_token: n for n, other in enumerate(mentions)}
    i = m.end_token
    limit = min(len(doc), m.end_token + LIST_REACH)
    while i < limit:
        n = starts.get(i)
        if n is not None and mentions[n] is not m:
            other = mentions[n]
            entries = candidates.get(fold(other.name), []) if other.known else []
            if other.known and entries and all(e.kind in _AREA_KINDS for e in entries):
                i = max(other.end_token, i + 1)  # "in northwestern Yemen (Abs, Hajjah)": Abs
                continue
            return n
        t = doc[i]
        if i > m.end_token and t.is_sent_start:
            return None
        if not (t.text in _LIST_PUNCT or t.text[:1].isupper() or t.lower_ in chain_words):
            return None
        i += 1
    return None


def _focus_from_elsewhere(focus: Focus, mentions: list[PlaceMention]) -> bool:
    """Whether the focus country rests on its name said as an origin or a destination ("refugees from
    South Sudan", "fled to Somalia"): without those words its evidence would fall under the focus's
    least weight."""
    if focus.country_code is None:
        return False
    motion = {m.span.start for m in mentions if m.cue in _MOTION_CUES}
    if not any(
        e.kind == "country_name" and e.span is not None and e.span.start in motion for e in focus.evidence
    ):
        return False
    rest = sum(
        e.weight
        for e in focus.evidence
        if e.country_code == focus.country_code
        and not (e.kind == "country_name" and e.span is not None and e.span.start in motion)
    )
    return rest < MIN_FOCUS


def _holds_a_place(m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Whether the text puts another of its places inside ``m`` ("Dardara in al-Hasakeh", "Spartak,
    Donetsk", "Wadi al-Rabi (Aljfara)")."""
    return any(o.container is not None and o.container.start == m.span.start for o in mentions if o is not m)


def salience(e: GazetteerEntry) -> float:
    """How likely a name refers to ``e`` rather than to a namesake, from 0.2 (a hamlet) to 1 (a
    capital, a province, a city of millions): well-known places are named far more often."""
    bonus = _SALIENCE_BONUS.get(e.kind, 0.0) + _SALIENCE_BONUS.get(e.feature_code or "", 0.0)
    return max(0.2, min(1.0, (math.log10(e.population + 10) + bonus) / 7))


def prominence(e: GazetteerEntry) -> float:
    """How prominent a place is among the namesakes of its name, in powers of ten of people:
    log10(population) plus a bonus for a capital, a first-level division and its seat
    (:data:`_PROMINENCE_BONUS`). Unlike :func:`salience` it has no ceiling, so Santa Cruz de la Sierra
    (1.8 million, a department's seat) stands above Argentina's province of Santa Cruz (213,000)."""
    bonus = _PROMINENCE_BONUS.get(e.kind, 0.0) + _PROMINENCE_BONUS.get(e.feature_code or "", 0.0)
    return math.log10(e.population + 10) + bonus


def _country_shares(entries: list[GazetteerEntry], by_prominence: bool = True) -> dict[str, float]:
    """The evidence a place name gives each country it exists in. What the name is worth in all is
    the salience of its best entry in each country, averaged with those saliences as weights ("Nairobi"
    ~1; a village name found in three countries less); it is shared among the countries by the
    prominence of their best entry (:data:`PROMINENCE_POWER`), so the dominant namesake takes most of
    it: "Santa Cruz" ~0.6 for Bolivia, not 0.06 for each of twenty countries. Without
    ``by_prominence``, in proportion to those saliences (capped at 1: a province and a capital alike)."""
    best: dict[str, float] = {}
    top: dict[str, float] = {}
    for e in entries:
        if e.country_code and e.kind not in _AREA_KINDS:
            best[e.country_code] = max(best.get(e.country_code, 0.0), salience(e))
            top[e.country_code] = max(top.get(e.country_code, -1.0), prominence(e))
    total = sum(best.values())
    if not total:
        return {}
    worth = sum(sal * sal for sal in best.values()) / total
    if not by_prominence or max(best.values()) < JOINT_SALIENCE:
        return {code: sal * sal / total for code, sal in best.items()}
    highest = max(top.values())
    weight = {code: 10 ** (PROMINENCE_POWER * (p - highest)) for code, p in top.items()}
    mass = sum(weight.values())
    return {code: worth * w / mass for code, w in weight.items()}


def _near_pairs(
    named: list[tuple[PlaceMention, list[GazetteerEntry]]],
) -> list[tuple[str, float, list[PlaceMention]]]:
    """(country, weight, the two mentions) for each pair of names with entries in one division or within
    :data:`NEAR_KM` of each other in a country, the joint fit's weight shared among those countries
    (the first :data:`JOINT_NAMES` names, :data:`JOINT_CANDIDATES` entries of each)."""
    out = []
    by_country = []
    for m, entries in named[:JOINT_NAMES]:
        grouped: dict[str, list[GazetteerEntry]] = {}
        for e in sorted(entries, key=lambda e: -e.population)[:JOINT_CANDIDATES]:
            if e.country_code and e.kind not in _AREA_KINDS:
                grouped.setdefault(e.country_code, []).append(e)
        by_country.append((m, grouped))
    for i, (m, a) in enumerate(by_country):
        for n, b in by_country[i + 1 :]:
            agree = [
                code
                for code in a.keys() & b.keys()
                if any(
                    (x.admin1_code is not None and x.admin1_code == y.admin1_code) or _km(x, y) <= NEAR_KM
                    for x in a[code]
                    for y in b[code]
                )
            ]
            out += [(code, WEIGHTS["joint"] / len(agree), [m, n]) for code in agree]
    return out


def _most_prominent(entries: list[GazetteerEntry]) -> GazetteerEntry | None:
    """The most prominent entry of a name that is not a country or a continent."""
    placed = [e for e in entries if e.country_code and e.kind not in _AREA_KINDS]
    return max(placed, key=prominence) if placed else None


def _division_named_nearby(
    text: str, k: int, mentions: list[PlaceMention], places: list[Place | None], focus: Focus
) -> bool:
    """Whether a place of the focus division (not a dateline) is named on the line of mention ``k``."""
    if focus.admin1_code is None:
        return False
    start = mentions[k].span.start
    para = (text.rfind("\n", 0, start), text.find("\n", start))
    for j, place in enumerate(places):
        other = mentions[j]
        if place is None or j == k or other.cue == "dateline" or place.status != "resolved":
            continue
        same_para = para[0] < other.span.start and (para[1] < 0 or other.span.start < para[1])
        if same_para and place.gazetteer_id and place.country_code == focus.country_code:
            return True
    return False


def _same_name_same_place(
    mentions: list[PlaceMention], places: list[Place | None], unknown: set[int]
) -> None:
    """A name the gazetteer lacks is one place in one document: where the text states its container once
    ("the Litoral penitentiary in Guayaquil"), its other mentions, placed by a guess (the town named
    shortly before, the focus division), take that place too. Changes ``places`` in place."""
    stated: dict[str, Place] = {}
    for k in sorted(unknown):
        place = places[k]
        if place is not None and place.contained_in and place.status == "resolved":
            stated.setdefault(fold(mentions[k].name), place)
    for k in unknown:
        place, m = places[k], mentions[k]
        known = stated.get(fold(m.name))
        if known is None or place is None or place.contained_in or known is place:
            continue
        places[k] = replace(
            known,
            name=place.name,
            span=place.span,
            reason=f"{place.reason}; the text places another mention of {m.name!r} in {known.contained_in}",
        )


def _town_part(m: PlaceMention) -> bool:
    """Whether the mention is the town of ACLED's "Town-Part" name ("Mogadishu-Wadajir"): its longer
    name goes on with a hyphen. Unlike "Villa Fátima", the head word is the place itself."""
    if m.longer is None:
        return False
    return m.longer.span.text[len(m.span.text) : len(m.span.text) + 1] in {"-", "\u2013"}


def _waits_for(m: PlaceMention, pending: list[int], by_start: dict[int, int]) -> bool:
    """Whether the place that contains ``m`` is itself still to be resolved."""
    return m.container is not None and by_start.get(m.container.start, -1) in pending


#: Most a namesake inside the place the text qualifies it with gains for lying close to that town, and
#: the distance (km) at which the gain is gone (:func:`_near_qualifying_town`).
NEAR_TOWN_BONUS = 2.0
NEAR_TOWN_KM = 100.0


def _near_qualifying_town(entry: GazetteerEntry, container: list[GazetteerEntry]) -> float:
    """ "Opytne, Donetsk": of two villages of that name in the province, the one near the town the text
    names (a division's point is its most populous town: "Donetsk" qualifying a name is read as the
    province, whose point is the city). The gain falls from :data:`NEAR_TOWN_BONUS` at the point to
    nothing at :data:`NEAR_TOWN_KM`."""
    if entry.kind != "city":
        return 0.0
    km = min(
        (
            _km(c, entry)
            for c in container
            if c.kind != "country" and c.id != entry.id and _contains(c, entry)
        ),
        default=math.inf,
    )
    return NEAR_TOWN_BONUS * max(0.0, 1.0 - km / NEAR_TOWN_KM)


def _km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle distance in km between two entries (infinite when one has no coordinates)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _place_within(inner: Place, outer: Place) -> bool:
    """Whether resolved ``inner`` can lie inside resolved ``outer`` (same country, and same first-level
    division when ``outer`` is a town or a division)."""
    if inner.country_code != outer.country_code:
        return False
    return outer.admin1 is None or inner.admin1 is None or inner.admin1 == outer.admin1


def _prefer_towns(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Drop a division named like a town of the same division ("La Paz" department vs La Paz city),
    and a division named like a capital or provincial seat of its country ("Buenos Aires" province vs
    the federal capital): a name alone means the town."""
    towns = {(e.country_code, e.admin1_code) for e in entries if e.kind == "city"}
    seats = {e.country_code for e in entries if e.kind == "city" and e.feature_code in _SEAT_CODES}
    kept = [
        e
        for e in entries
        if e.kind not in {"admin1", "admin2"}
        or ((e.country_code, e.admin1_code) not in towns and e.country_code not in seats)
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


#: The reason's words for a district without a point that takes its first-level division's (read back by
#: :func:`_point_of`).
_NO_POINT = "no point for {} in the gazetteer: coordinates are those of {}"
_NO_POINT_READ = re.compile(r"no point for (.+?) in the gazetteer: coordinates are those of ([^;]+)")


def mentions_name(place: Place) -> str:
    """The words a place was read from (its name where the span is missing)."""
    return place.span.text if place.span is not None else (place.name or "")


def _point_of(container: Place) -> str:
    """Whose coordinates a place inside ``container`` takes, in words: the container's, or, for a district
    without a point, its first-level division's ("Cabo Delgado (the gazetteer has no point for Muidumbe)")."""
    found = _NO_POINT_READ.search(container.reason or "")
    if found is None:
        return str(container.name)
    return f"{found.group(2)} (the gazetteer has no point for {found.group(1)})"

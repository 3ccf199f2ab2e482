"""The corpus prior: the countries the documents of one run state, as evidence for each of them.

A careful coder who reads a note that names no country ("residents of Lari blocked a street") still
knows where it comes from: the batch it came in. ACLED exports are per country or region, a monitor's
corpus is about one crisis. This module reads that batch the way a coder skims it, before any document
is parsed: each document's words that state a country (a country's name, a demonym, a first-level or
second-level division named with its level word, "Nakuru county", "Helmand province", a named actor of
one country, "the OSCE SMM"), and its vote for the country it states most. The shares of those votes
are the prior: a country with a majority of them is focus evidence (:mod:`cronica.resolve.focus`,
``WEIGHTS["corpus"]`` times its share, less than a country named in the text); where none has one but a
world region holds nearly all, the region's share goes to the countries of that region the document's
place names exist in.

Besides countries, the batch places names: "Solhan, a village in Yagha province" in one report places a
bare "Solhan" of another report of the run in Burkina Faso's Yagha, not at Solhan, Turkey (one massacre,
not two events on two continents). :func:`run_evidence` is the one place where all of this becomes
evidence for a document; its docstring is the decision table.

In: the texts of a whole input and the gazetteer. Out: a :class:`CorpusPrior` (country -> share of the
documents that state one, with the counts; the names the documents place in one country). Deterministic and
independent of order: each document's vote depends on its text alone, and the prior on the multiset of votes
(integers, summed), so it is the same however the input is split among worker processes or a cluster (it is
computed over the whole input before any document is handed out). Never fails on a text; an empty or small
corpus gives the empty prior (no evidence).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cronica.records import Span
from cronica.resolve.actors import find_actor_countries, find_actor_groups
from cronica.resolve.focus import MIN_FOCUS, WEIGHTS, FocusEvidence
from cronica.resolve.gazetteer import Gazetteer, GazetteerEntry
from cronica.resolve.names import fold

#: Least documents stating a country before the batch says anything (a handful of texts is no corpus) ...
MIN_STATING = 5
#: ... unless every document of a smaller run that states a country states the same one, and at least
#: this many do: three reports of one massacre, two in Burkina Faso and one that names only "Solhan",
#: place the third in Burkina Faso, not at a foreign namesake.
MIN_UNANIMOUS = 2
#: Least share of those documents for a country to enter the prior: a majority (in a batch of several
#: countries, the most stated one is no guess for a note that names none: 37% of a 13-country batch).
MIN_SHARE = 0.5
#: Most share of those documents the runner-up country may hold for the leader to enter the prior: a
#: batch where a second country is stated by a quarter of the documents or more is a batch of two
#: countries (Nigeria 56%, Iraq 27%), and its leader no guess for a note of the other that names none.
MAX_RUNNER_UP = 0.25
#: Least share of those documents in one world region for the region to count (an export of a region).
REGION_SHARE = 0.8
#: A world region the corpus is about (:meth:`CorpusPrior.present_regions`) holds at least this share of the
#: stating documents and at least :data:`MIN_REGION_VOTES` of them: two notes that mention France in an
#: export of Niger and Mozambique do not make Europe one of its regions.
MIN_REGION_SHARE = 0.05
MIN_REGION_VOTES = 5

#: Focus evidence that words of the text or the user state a country (a document with any of it "states
#: its country": the run's regions then do not drop its place names abroad).
STATED_KINDS = frozenset({"country_name", "hint", "title", "outlet", "dateline"})
#: Focus evidence that one place name gives by its entries alone; the containment the text states and the
#: joint fit of two names ("Barangay Santol, Balayan, Batangas") stay, whatever the run's regions.
PLACE_EVIDENCE = frozenset({"place"})
#: Focus evidence that words of the document say a country with, where or who (:func:`run_evidence` 3b).
_SAID_KINDS = STATED_KINDS | {"demonym", "actor"}
#: Focus evidence from the document's own place names, all of it.
OWN_PLACE_KINDS = frozenset({"place", "containment", "joint"})

# what joins the names of a list: "Kabul, Ghor, Laghman, and Balkh"
_LISTS = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")
# the kinds of entry a name that holds another names: a division or a country
_HOLDING = frozenset({"admin1", "admin2", "country"})

# capitalised words, joined by the connectors of place names ("Deir ez Zor", "Isle of Man")
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:de|del|la|al|el|of|the|ez|es|ad|as|an)\s+)?[A-Z][\w'’-]*){0,3}")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+(?:\s+[A-Za-z]+){0,2})")
# what stands between a name and the division a text puts it in: "X, Y", "X (Y"
_NESTS = re.compile(r"\s*[,(]\s*")
_SIDE = r"(?:(?:north|south|east|west|central|far)[\w-]*\s+)?"
# what stands between a name and the words that state its country or division (:meth:`CountryScanner.placed`):
# "X, Burkina Faso", "X (Yagha province", "X, a village in northern Burkina Faso", "X village in Yagha
# province", "X in Burkina Faso's"
_PLACES = re.compile(
    r"\s*,\s*|\s*\(\s*"
    r"|\s*,\s*(?:a|an|the)\s+(?:[a-z][a-z-]*\s+){0,4}?(?:in|of)\s+(?:the\s+)?"
    + _SIDE
    + r"|\s+(?:(?:village|town|city|area|locality|district|camp|neighbourhood|neighborhood)\s+)?"
    r"(?:in|of)\s+(?:the\s+)?" + _SIDE
)


@dataclass(frozen=True)
class CorpusPrior:
    """The countries a corpus states: ``votes`` (country, documents that state it most), ``stating``
    (documents that state a country at all), ``documents`` (all documents read) and ``nested`` (country,
    documents that state none but write names one inside the other in it alone: "Barangay Inas, M'lang,
    Cotabato"; see :meth:`CountryScanner.nested`). The country shares are those of the stated votes; the
    regions the run is about (:meth:`present_regions`) count the nested ones too."""

    votes: tuple[tuple[str, int], ...] = ()
    stating: int = 0
    documents: int = 0
    nested: tuple[tuple[str, int], ...] = ()
    #: (folded name, country, folded division or "", documents): the names the run's documents place
    #: with words of their country or division (:meth:`CountryScanner.placed`)
    placed: tuple[tuple[str, str, str, int], ...] = ()

    @classmethod
    def from_votes(
        cls,
        votes: Mapping[str, int],
        documents: int,
        nested: Mapping[str, int] | None = None,
        placed: Mapping[tuple[str, str, str], int] | None = None,
    ) -> CorpusPrior:
        """A prior from each country's vote count, the number of documents read, the nested votes and
        the documents that place each name ((folded name, country, folded division or "") -> count)."""
        return cls(
            _ranked(votes),
            sum(int(n) for n in votes.values() if n > 0),
            documents,
            _ranked(nested or {}),
            tuple(sorted((n, c, d, int(k)) for (n, c, d), k in (placed or {}).items() if k > 0)),
        )

    def placement(self, name: str) -> tuple[str, str | None] | None:
        """Where the run's documents place ``name`` (folded): its country and the division they name
        (None for a country alone, or where they name two: two villages of one name), when every
        document that places it places it in one country; None when none does or two countries do
        ("Tripoli" of Libya and of Lebanon)."""
        found = [(c, d) for key, c, d, _n in self.placed if key == name]
        if len({c for c, _d in found}) != 1:
            return None
        divisions = {d for _c, d in found if d}
        return found[0][0], divisions.pop() if len(divisions) == 1 else None

    def divisions(self, code: str) -> tuple[str, ...]:
        """The divisions (folded names) the run places its names of country ``code`` in, most placed
        first: each with at least :data:`MIN_STATING` of them and :data:`MIN_REGION_SHARE` x 2 of the
        country's (Donetsk and Luhansk in a run about the war in Donbas; none in a run about the whole
        of Kenya, whose names spread over forty-seven counties, unless some county stands out)."""
        votes: Counter[str] = Counter()
        for _name, c, d, n in self.placed:
            if c == code and d:
                votes[d] += n
        total = sum(votes.values())
        return tuple(
            d
            for d, n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
            if n >= MIN_STATING and n >= 2 * MIN_REGION_SHARE * total
        )

    def division(self, code: str) -> str | None:
        """The division (folded name) the run places a majority of its names of country ``code`` in
        (:meth:`divisions`; "X, Donetsk" in most of the notes of a run about the war in Donbas), else None."""
        votes: Counter[str] = Counter()
        for _name, c, d, n in self.placed:
            if c == code and d:
                votes[d] += n
        top = votes.most_common(1)
        if not top or top[0][1] < MIN_STATING or top[0][1] <= sum(votes.values()) / 2:
            return None
        return top[0][0]

    def shares(self) -> dict[str, float]:
        """Country -> share of the stating documents, for the countries that count (see
        :data:`MIN_STATING`, :data:`MIN_SHARE`, :data:`MAX_RUNNER_UP`); empty for a small corpus unless
        it is unanimous (:data:`MIN_UNANIMOUS`)."""
        if self.stating < MIN_STATING:
            if self.stating >= MIN_UNANIMOUS and len(self.votes) == 1:
                return {self.votes[0][0]: 1.0}
            return {}
        out = {c: round(n / self.stating, 3) for c, n in self.votes}
        if len(self.votes) > 1 and out[self.votes[1][0]] >= MAX_RUNNER_UP:
            return {}  # a batch of two countries (see MAX_RUNNER_UP)
        return {c: s for c, s in out.items() if s >= MIN_SHARE}

    def region_shares(self, regions: Mapping[str, str]) -> dict[str, float]:
        """World region -> share of the stating documents whose country lies in it, for a region that
        holds :data:`REGION_SHARE` of them (an export of one region, "the Middle East"); ``regions``
        maps country codes to regions (:meth:`~cronica.resolve.gazetteer.Gazetteer.regions`)."""
        if self.stating < MIN_STATING:
            return {}
        by_region: Counter[str] = Counter()
        for code, n in self.votes:
            if code in regions:
                by_region[regions[code]] += n
        return {
            r: round(n / self.stating, 3) for r, n in by_region.items() if n / self.stating >= REGION_SHARE
        }

    def countries_about(self) -> frozenset[str]:
        """The countries the run is about: each stated by :data:`MIN_REGION_SHARE` and
        :data:`MIN_REGION_VOTES` of the stating documents (Mozambique and Niger in an export of the two;
        not France, which two of its notes mention); empty for a small corpus."""
        if self.stating < MIN_STATING:
            return frozenset()
        return frozenset(
            c for c, n in self.votes if n >= MIN_REGION_VOTES and n / self.stating >= MIN_REGION_SHARE
        )

    def present_regions(self, regions: Mapping[str, str]) -> frozenset[str]:
        """The world regions the corpus is about: each holding :data:`MIN_REGION_SHARE` and
        :data:`MIN_REGION_VOTES` of the stating documents, when together they hold :data:`REGION_SHARE` of
        them (the stated votes and the nested ones: an export of DR Congo, whose notes name their country,
        and the Philippines, whose notes name barangays, towns and provinces, is about Africa and Asia);
        empty for a small corpus or one spread over the world. A document whose
        words name no country reads a small town on another continent than all of them as a namesake
        (:meth:`cronica.resolve.resolver.PlaceResolver.resolve_with_focus`): "the village of Farka" in an
        export of Niger and Mozambique is not Albania's Farka."""
        reading = self.stating + sum(n for _c, n in self.nested)
        if reading < MIN_STATING:
            return frozenset()
        by_region: Counter[str] = Counter()
        for code, n in self.votes + self.nested:
            if code in regions:
                by_region[regions[code]] += n
        present = {
            r: n for r, n in by_region.items() if n >= MIN_REGION_VOTES and n / reading >= MIN_REGION_SHARE
        }
        if sum(present.values()) < REGION_SHARE * reading:
            return frozenset()  # a batch of the whole world (one note from each of twelve countries)
        return frozenset(present)

    def evidence(
        self, regions: Mapping[str, str] | None = None, candidates: Iterable[str] = ()
    ) -> list[FocusEvidence]:
        """Focus evidence: one piece (kind ``corpus``) per country of the prior, its share weighed; and,
        with ``regions``, when the corpus's region has no country of its own in the prior (an export of
        several countries of one region), the region's share, shared among the countries of ``candidates``
        (those the document's place names exist in) that lie in it (kind ``corpus_region``: "Tripoli" in
        an export of the Middle East is Lebanon's, not Libya's). A region with a country of the prior
        adds nothing: that country speaks for it, and a share of the rest would go to its neighbours
        ("at the border between Kenya and Ethiopia" in a Kenyan export); nor does a region when the
        document's place names also exist in another region the run is about (:meth:`present_regions`).
        Where some of those countries are countries the run is about (:meth:`countries_about`), the
        region's share goes to them alone."""
        shares = self.shares()
        out = [
            FocusEvidence("corpus", code, round(WEIGHTS["corpus"] * share, 3), f"{share:.0%} of the corpus")
            for code, share in shares.items()
        ]
        if regions is None:
            return out
        candidates = set(candidates)
        present = self.present_regions(regions)
        about = self.countries_about()
        for region, share in sorted(self.region_shares(regions).items()):
            inside = sorted({c for c in candidates if regions.get(c) == region})
            if not inside or any(regions.get(c) == region for c in shares):
                continue
            if any(regions.get(c) in present - {region} for c in candidates):
                # the names exist in another region the run is also about ("Pala" in an export of Nepal,
                # Indonesia and Chad is Chad's town or Afghanistan's Farah): the region says nothing
                continue
            # "Bhojpur" in an export of Nepal, Indonesia and Chad: Nepal's district, not India's, which no
            # five of the run's documents state
            inside = [c for c in inside if c in about] or inside
            weight = round(WEIGHTS["corpus"] * share / len(inside), 3)
            out.extend(
                FocusEvidence("corpus_region", c, weight, f"{share:.0%} of the corpus in {region}")
                for c in inside
            )
        return out

    def describe(self) -> str:
        """In words, for logs and eval output ("KE 78% of 110 documents that state a country")."""
        shares = self.shares()
        if not shares:
            return f"no corpus prior ({self.stating} of {self.documents} documents state a country)"
        listed = ", ".join(f"{c} {s:.0%}" for c, s in shares.items())
        return f"{listed} of {self.stating} documents that state a country (of {self.documents})"

    def to_dict(self, regions: Mapping[str, str] | None = None) -> dict[str, object]:
        """The votes, counts and shares (and the region shares, given ``regions``), for eval output."""
        out: dict[str, object] = {
            "votes": dict(self.votes),
            "nested": dict(self.nested),
            "stating": self.stating,
            "documents": self.documents,
            "shares": self.shares(),
            "placed": len({name for name, _c, _d, _n in self.placed}),
        }
        if regions is not None:
            out["region_shares"] = self.region_shares(regions)
        return out


class CountryScanner:
    """Reads the words of a text that state a country, without parsing it; built once per gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        from cronica.resolve.recognize import load_cues

        self.gazetteer = gazetteer
        self.levels = {fold(k): v for k, v in load_cues()["admin_suffixes"].items()}

    def countries(self, text: str) -> Counter[str]:
        """Country code -> how many times ``text`` states it: a country's own name, a demonym, a
        division followed by its level word whose entries all lie in one country. Each run of
        capitalised words is read from its first word, the longest name that states a country first."""
        return self._read(text)[0]

    def nested(self, text: str) -> Counter[str]:
        """Country code -> how many pairs of names ``text`` writes one inside the other ("X, Y" or "X
        (Y": "Bacolod, Negros Occidental", "Quezon City (Metro Manila, ...)") nest in that country alone:
        an entry of X lies in a first- or second-level division Y of one country, and in no other
        country. The joint fit of a note's own places, which speaks for its country where it names none."""
        return self._read(text)[1]

    def placed(self, text: str) -> dict[str, tuple[str, str]]:
        """Folded name -> (country, folded division or "") for each name ``text`` places with words that
        state one country: its name or a division named with its level word, right after the name
        ("Solhan, Burkina Faso", "Solhan (Yagha province", "Solhan, a village in northern Burkina Faso",
        "Solhan village in Yagha province"), or a division of one country the gazetteer puts it in
        ("Bacolod, Negros Occidental"). A name a text places in two countries is left out."""
        return self._read(text)[2]

    def _read(self, text: str) -> tuple[Counter[str], Counter[str], dict[str, tuple[str, str]]]:
        found = list(_NAME.finditer(text))
        runs: list[tuple[list[str], str | None]] = []  # the words of a run, the level word after it
        for m in found:
            after = _NEXT_WORD.match(text, m.end())
            level = self._level(after.group(1)) if after else None
            runs.append((m.group(0).split(), level))
        names = {" ".join(w[i:j]) for w, _l in runs for i in range(len(w)) for j in range(i + 1, len(w) + 1)}
        entries = self.gazetteer.lookup(names)
        out: Counter[str] = Counter(code for _s, _e, code in find_actor_countries(text))
        for words, level in runs:
            i = 0
            while i < len(words):
                for j in range(len(words), i, -1):
                    word = level if j == len(words) else self._level(" ".join(words[j:]))
                    code = self._states(" ".join(words[i:j]), entries, word)
                    if code:
                        out[code] += 1
                        i = j - 1
                        break
                i += 1
        nested: Counter[str] = Counter()
        placed: dict[str, set[tuple[str, str]]] = {}
        pairs = list(zip(found, found[1:], strict=False))
        nests = [bool(_NESTS.fullmatch(text, a.end(), b.start())) for a, b in pairs]
        # the countries each name has a division (or is a country) in
        holds = [
            {str(e.country_code) for e in entries.get(fold(m.group(0)), []) if e.kind in _HOLDING}
            for m in found
        ]
        inside = [
            {
                str(x.country_code)
                for x in entries.get(fold(inner.group(0)), [])
                for y in entries.get(fold(outer.group(0)), [])
                if _inside(x, y)
            }
            if _NESTS.fullmatch(text, inner.end(), outer.start())
            else set()
            for inner, outer in pairs
        ]
        for i, ((inner, outer), (_words, level)) in enumerate(zip(pairs, runs[1:], strict=False)):
            codes = inside[i]
            if len(codes) == 1:
                nested[next(iter(codes))] += 1
            placing = nests[i] or bool(_PLACES.fullmatch(text, inner.end(), outer.start()))
            listed = i + 1 < len(pairs) and bool(_LISTS.fullmatch(text, outer.end(), found[i + 2].start()))
            place = self._placement(inner.group(0), outer.group(0), level, codes, nests[i], entries, listed)
            if place is None or not placing:
                continue
            # "Palma (Palma, Cabo Delgado)": Brazil's town in Brazil's Palma is no placement where a
            # division the chain of names goes on with lies in another country
            j = i + 1
            while j < len(pairs) and nests[j]:
                if holds[j + 1] and place[0] not in holds[j + 1]:
                    place = None
                    break
                j += 1
            if place is not None:
                placed.setdefault(fold(inner.group(0)), set()).add(place)
        one = {name: pairs.pop() for name, pairs in placed.items() if len({c for c, _d in pairs}) == 1}
        return out, nested, one

    def _placement(
        self,
        inner: str,
        outer: str,
        level: str | None,
        codes: set[str],
        nests: bool,
        entries: Mapping[str, list[GazetteerEntry]],
        sibling: bool = False,
    ) -> tuple[str, str] | None:
        """Where the words ``outer`` that follow ``inner`` place it: (country, folded division or ""),
        or None. ``codes``: the countries where an entry of ``inner`` lies in a division ``outer``;
        ``nests``: the two are written one inside the other ("X, Y", "X (Y"); otherwise the caller has
        found words between them that place one in the other (:data:`_PLACES`)."""
        if self._states(inner, entries, None):
            return None  # "Kenya, Uganda and Tanzania": a country in a list is placed nowhere
        if nests and len(codes) == 1:
            return next(iter(codes)), fold(outer)  # "Bacolod, Negros Occidental"
        if nests and not codes and not sibling:
            # "Vodyane, Donetsk", "Palma (Cabo Delgado)": a name the gazetteer lacks there, written inside
            # a first-level division of one country; not a division of that country itself ("Kabul, Ghor,
            # Laghman and Balkh provinces": a list)
            provinces = {str(e.country_code) for e in entries.get(fold(outer), []) if e.kind == "admin1"}
            divisions = {
                str(e.country_code) for e in entries.get(fold(inner), []) if e.kind in {"admin1", "admin2"}
            }
            if len(provinces) == 1 and not provinces & divisions:
                return provinces.pop(), fold(outer)
        code = self._states(outer, entries, level)
        if not code:
            return None
        country = any(e.kind == "country" for e in entries.get(fold(outer), []))
        return code, fold(outer) if level is not None and not country else ""

    def _level(self, words: str) -> str | None:
        """The level word ``words`` open with ("county", "local government area"), else None."""
        tail = fold(words)
        return next((w for w in self.levels if tail == w or tail.startswith(w + " ")), None)

    def _states(
        self, name: str, entries: Mapping[str, list[GazetteerEntry]], level: str | None
    ) -> str | None:
        places = entries.get(fold(name), [])
        codes = {e.country_code for e in places if e.kind == "country"}
        if len(codes) == 1:
            return codes.pop()
        if " " not in name:
            code = self.gazetteer.demonym_country(name)
            if code:
                return code
        if level is not None:
            divisions = {e.country_code for e in places if e.kind in {"admin1", "admin2"}}
            if len(divisions) == 1:
                return divisions.pop()
        return None

    def vote(self, text: str) -> str | None:
        """The country ``text`` states most, None when it states none or two as often."""
        return _most(self.countries(text))

    def votes(self, text: str) -> tuple[str | None, str | None]:
        """:meth:`vote`, and for a text that states no country the country its nested names agree on
        (:meth:`nested`), as a coder reads "in Barangay 5, Bacolod, Negros Occidental" as Philippine
        though no word says so (None, None when it gives neither)."""
        stated, nested, _placed = self._read(text)
        return _most(stated), None if stated else _most(nested)


def _most(counts: Counter[str]) -> str | None:
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _ranked(votes: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(((c, int(n)) for c, n in votes.items() if n > 0), key=lambda kv: (-kv[1], kv[0])))


def _inside(x: GazetteerEntry, y: GazetteerEntry) -> bool:
    """Whether ``x`` lies in the division ``y`` (same country, first- and second-level codes)."""
    if (
        x.id == y.id
        or not x.country_code
        or x.country_code != y.country_code
        or x.kind in {"country", "continent"}
    ):
        return False
    if y.kind == "admin1":
        return bool(y.admin1_code) and x.admin1_code == y.admin1_code
    if y.kind == "admin2":
        return bool(y.admin2_code) and (x.admin1_code, x.admin2_code) == (y.admin1_code, y.admin2_code)
    return False


def corpus_prior(texts: Iterable[str], gazetteer: Gazetteer) -> CorpusPrior:
    """The :class:`CorpusPrior` of ``texts`` (read once each, in any order)."""
    scanner = CountryScanner(gazetteer)
    votes: Counter[str] = Counter()
    nested: Counter[str] = Counter()
    placed: Counter[tuple[str, str, str]] = Counter()
    documents = 0
    for text in texts:
        documents += 1
        stated, inside, where = scanner._read(text)
        code = _most(stated)
        if code:
            votes[code] += 1
        elif not stated and (one := _most(inside)):
            nested[one] += 1
        for name, (country, division) in where.items():
            placed[name, country, division] += 1
    return CorpusPrior.from_votes(votes, documents, nested, placed)


def run_evidence(
    prior: CorpusPrior,
    evidence: list[FocusEvidence],
    regions: Mapping[str, str],
    candidates: Iterable[str],
    text: str,
    bare_names: Iterable[tuple[str, str]] = (),
    known_in: Iterable[str] | None = None,
) -> list[FocusEvidence]:
    """The run's say on one document: its focus evidence with what the run adds and takes away.

    In: the run's ``prior``; the document's own ``evidence`` (its words and place names,
    :meth:`~cronica.resolve.resolver.PlaceResolver.resolve_with_focus`); ``regions`` (country code ->
    world region); ``candidates``, the countries the document's place names exist in; the document's
    ``text``; ``bare_names``, (folded name, words) of its place mentions that the text puts in no other
    place; ``known_in``, the countries where one of its names is a known place (a division, a seat, a
    town; default ``candidates``). Out: the evidence :func:`~cronica.resolve.focus.decide` weighs.
    Deterministic; the text's own words outweigh the run (a country named in the text weighs 3, the
    run's country at most 2).

    How each case is decided, in order:

    1. **The run's regions drop namesakes on other continents.** When the run is about one or a few world
       regions (:meth:`CorpusPrior.present_regions`) and no words of the document state a country
       (:data:`STATED_KINDS`), the evidence of single place names lying outside those regions is dropped
       ("the village of Farka" in an export of Niger and Mozambique is no evidence for Albania). The
       containment the text states and the joint fit of two names stay.
    2. **The run's country** (:meth:`CorpusPrior.shares`), kind ``corpus``, weight 2 x share:

       * a run of :data:`MIN_STATING` or more documents that state a country: each country stated by a
         majority of them (:data:`MIN_SHARE`), unless the runner-up holds :data:`MAX_RUNNER_UP` or more
         (a run of two countries, Nigeria 56% and Iraq 27%: its leader is no guess for a note of the
         other, and the run's country says nothing);
       * a small run (2-4 documents that state a country): the country when all of them state the same
         one (:data:`MIN_UNANIMOUS`: three reports of one massacre), else nothing;
       * a run of several countries with no majority (a 13-country export): nothing.
    3. **The run's world region** (kind ``corpus_region``), where no country of the run speaks for the
       region (case 2 gave no country there): a region holding :data:`REGION_SHARE` of the stating
       documents shares its weight among the countries of that region the document's names exist in,
       restricted to the countries the run is about (:meth:`CorpusPrior.countries_about`) where some are
       ("Tripoli" in an export of the Middle East is Lebanon's); nothing when the names also exist in
       another region the run is about.
    3b. **A country the run is about** (kind ``corpus_about``, weight 1): where cases 2 and 3 give
       nothing and no words of the document state or imply a country (a country's name, a demonym, an
       actor of one country: "LNA forces ... in Abu Salim" is Libya's), and its place names exist in
       exactly one of the countries the run is about (:meth:`CorpusPrior.countries_about`) as a known
       place (``known_in``: not "Hay", a hamlet of Ukraine, in an Algerian note), that country
       ("Tripoli" in a run about Lebanon and Nigeria is Lebanon's, not Libya's; in a run about
       Lebanon and Libya the run says nothing and the text must).
    4. **Runs of two regions**: when the run is about two or more regions and all the document's own place
       evidence lies in one of them with enough weight to make a focus (:data:`MIN_FOCUS`), only the run's
       evidence for that region counts (a Philippine note in an export of DR Congo and the Philippines is
       not read by the Congo's share).
    5. **Armed groups of a few countries** (kind ``actor``): a group named in the text ("ISWAP") one of
       whose countries the run is about counts once for that country.
    6. **Names the run places** (kind ``corpus_place``, weight 2, once a country): a bare name of the
       document that another document of the run places with words of one country ("Solhan, a village in
       Yagha province" there, "residents of Solhan" here; :meth:`CorpusPrior.placement`) counts for that
       country; the resolver then takes that country's entry of the name, or the division the run names
       ("Yagha"), not a namesake abroad. A name the run places in two countries counts for neither, and
       a document whose words state a country takes nothing from the names the run places ("Solhan,
       Turkey" stays in Turkey).
    """
    present = prior.present_regions(regions)
    stated = any(ev.kind in STATED_KINDS for ev in evidence)
    out = list(evidence)
    if present and not stated:
        out = [ev for ev in out if ev.kind not in PLACE_EVIDENCE or regions.get(ev.country_code) in present]
    candidates = list(candidates)
    from_prior = prior.evidence(regions, candidates)
    about = prior.countries_about()
    inside = {c for c in (candidates if known_in is None else known_in) if c in about}
    groups = _group_evidence(text, about)
    said = any(ev.kind in _SAID_KINDS for ev in out + groups)
    if not said and not from_prior and len(inside) == 1:
        # "Tripoli" in a run about Lebanon and Nigeria: Lebanon's, not Libya's
        code = inside.pop()
        from_prior.append(FocusEvidence("corpus_about", code, WEIGHTS["corpus_about"], "the run's country"))
    region = _one_region(out, regions) if len(present) > 1 else None
    if region is not None:
        from_prior = [ev for ev in from_prior if regions.get(ev.country_code) == region]
    out.extend(from_prior)
    out.extend(groups)
    placed: dict[str, FocusEvidence] = {}
    for name, words in () if stated else bare_names:
        where = prior.placement(name)
        if where is not None:
            placed.setdefault(
                where[0],
                FocusEvidence(
                    "corpus_place", where[0], WEIGHTS["corpus_place"], f"{words}: placed by another report"
                ),
            )
    out.extend(placed.values())
    return out


def _group_evidence(text: str, about: frozenset[str]) -> list[FocusEvidence]:
    """Focus evidence (``actor``, once a country) for the armed groups of several countries the text names
    (:func:`~cronica.resolve.actors.find_actor_groups`) exactly one of whose countries the run is about
    ("ISWAP or Boko Haram militants": Niger once, in a run about Mozambique and Niger)."""
    out: dict[str, FocusEvidence] = {}
    for start, end, codes in find_actor_groups(text):
        inside = codes & about
        if len(inside) == 1:
            (code,) = inside
            words = Span(start, end, text[start:end])
            out.setdefault(code, FocusEvidence("actor", code, WEIGHTS["actor"], words.text, words))
    return list(out.values())


def _one_region(evidence: list[FocusEvidence], regions: Mapping[str, str]) -> str | None:
    """The one world region all the document's place evidence lies in (its names, the containment the
    text states, two names' joint fit), when no words name a country and that evidence would make a focus
    on its own (:data:`~cronica.resolve.focus.MIN_FOCUS`: a province, a known town; not "Hema", a hamlet
    of China named like a people of Ituri); else None."""
    if any(ev.kind in STATED_KINDS for ev in evidence):
        return None
    own = [ev for ev in evidence if ev.kind in OWN_PLACE_KINDS]
    where = {regions.get(ev.country_code) for ev in own}
    if len(where) != 1 or sum(ev.weight for ev in own) < MIN_FOCUS:
        return None
    return where.pop()

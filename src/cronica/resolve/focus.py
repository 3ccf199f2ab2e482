"""The document's focus: the country (and, where clear, the first-level division) it is about.

In: the place mentions of a document with their gazetteer candidates, the demonyms found in it, and
optional hints: countries the user names for a whole corpus (``--country``), the document's title and
its outlet's country. Out: a :class:`Focus` with the country, the division when one dominates, the
score of every country considered and the evidence behind them (each piece with its words and span).

Weights (the evidence a careful coder would weigh, strongest first):

* a country the user gives for the corpus: 4 (a prior, not a verdict: a text that names another
  country more often still goes there);
* the corpus prior (:mod:`cronica.resolve.corpus`): 2 times the share of the run's documents that
  state the country (an export of one country's notes: about 2, like a dateline; a batch of thirteen
  countries: none), for a note that names no country ("residents of Lari blocked a street" in a Kenyan
  export is not Lari, Italy);
* a name another report of the run places in a country ("Solhan, a village in Yagha province", then
  a bare "Solhan"): 2, once a country (:func:`cronica.resolve.corpus.run_evidence`); the one country
  the run is about that a note's place names exist in: 1;
* a country named in the text: 3 ("Kenya", "the US"); half that as an origin or destination
  ("refugees from South Sudan", "fled to Somalia");
* a dateline ("KHARTOUM, Sudan —"): 2 for each country its name exists in, shared;
* a demonym ("Bolivian police"): 1; so is a named actor of one country ("OSCE SMM", "Houthi forces":
  :mod:`cronica.resolve.actors`);
* each other place name: up to 1, by how well known its entries are (a capital or a province 1, a
  hamlet 0.2), so a village named like a village abroad does not outweigh a county seat; shared among
  the countries it exists in by how prominent their best entry is (population, a capital, a province
  and its seat), so the dominant namesake takes most ("Santa Cruz": Bolivia's city of 1.8 million,
  not an even share for twenty countries); a place the text puts inside another ("Baragoi, Samburu")
  counts 1 more for the countries where the pair agrees;
* the joint fit, at most 1 for a country: 1 where the most prominent entries of two or more names lie,
  each a well-known place ("SANTA CRUZ, ... La Paz": Bolivia); else, for each pair of names with
  entries in one division or within 100 km of each other, 1 shared among the countries where they are
  ("near Santiago and in Sona": Panama, not Chile's capital);
* the outlet's country (a title or source naming it): 1.

Never fails: with no evidence the focus is empty, with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from cronica.errors import CronicaError
from cronica.records import Span

#: Weights of each kind of evidence (see the module docstring).
WEIGHTS = {
    "hint": 4.0,
    "corpus": 2.0,
    "corpus_place": 2.0,
    "corpus_about": 1.0,
    "country_name": 3.0,
    "dateline": 2.0,
    "demonym": 1.0,
    "actor": 1.0,
    "place": 1.0,
    "containment": 1.0,
    "joint": 1.0,
    "title": 1.0,
    "outlet": 1.0,
}
#: Least evidence weight for a focus country (one well-known place of that country alone is enough).
MIN_FOCUS = 0.5
#: Share of the division's weight over all placed evidence for it to become the focus division.
ADMIN1_SHARE = 0.6


#: Evidence that the text itself names a country (:meth:`Focus.explicit`).
_EXPLICIT_KINDS = frozenset({"country_name", "demonym", "actor", "hint", "title", "outlet"})


@dataclass(frozen=True)
class FocusEvidence:
    """One piece of evidence for a country: what kind, how much, and the words that gave it."""

    kind: str
    country_code: str
    weight: float
    words: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Focus:
    """What a document is about. ``country_code`` is None when nothing points at one country."""

    country_code: str | None = None
    admin1_code: str | None = None
    scores: tuple[tuple[str, float], ...] = ()
    evidence: tuple[FocusEvidence, ...] = ()
    reason: str = "no evidence for any country"

    def score(self, code: str | None) -> float:
        """The evidence weight gathered for country ``code``."""
        return dict(self.scores).get(code or "", 0.0)

    def stated(self) -> bool:
        """Whether words of the text or the user (not only the fit of place names or the corpus prior)
        give the country: its name, a demonym, the dateline, the corpus hint or the outlet."""
        inferred = {"place", "containment", "joint"} | {k for k in WEIGHTS if k.startswith("corpus")}
        return any(e.country_code == self.country_code and e.kind not in inferred for e in self.evidence)

    def from_demonyms(self) -> bool:
        """Whether the focus country rests on demonyms ("Cuban doctors", "Turkish forces") or named
        actors of one country: without them its evidence would fall under :data:`MIN_FOCUS`. A demonym
        says who acted, not where."""
        if self.country_code is None:
            return False
        rest = sum(
            e.weight
            for e in self.evidence
            if e.country_code == self.country_code and e.kind not in {"demonym", "actor"}
        )
        return rest < MIN_FOCUS

    def explicit(self, code: str | None) -> bool:
        """Whether the text itself names country ``code`` (its name, a demonym, an actor of that country
        only, or a hint)."""
        return code in self._explicit_codes

    @cached_property
    def _explicit_codes(self) -> frozenset[str | None]:
        return frozenset(e.country_code for e in self.evidence if e.kind in _EXPLICIT_KINDS)


def country_codes(values: str | Iterable[str] | None) -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes for country hints given as codes or names ("KE", "KEN", "Kenya");
    raises :class:`~cronica.errors.CronicaError` naming the value that is no country."""
    import pycountry

    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        try:
            found = pycountry.countries.lookup(value.strip())
        except LookupError:
            raise CronicaError(
                f"--country {value!r} is not a country: give an ISO 3166 code (KE, BO) or a name"
            ) from None
        if found.alpha_2 not in out:
            out.append(found.alpha_2)
    return tuple(out)


def decide(
    evidence: Iterable[FocusEvidence],
    first_seen: dict[str, int],
    placed_admin1: Sequence[tuple[str, str, float]] = (),
) -> Focus:
    """The focus from its evidence: the country with the most weight (at least 1, more than the next;
    a tie goes to the country named first); the division that holds ``ADMIN1_SHARE`` of the weight of
    ``placed_admin1`` ((country, admin1 code, weight) of the places that resolved unambiguously)."""
    pieces = tuple(evidence)
    score: defaultdict[str, float] = defaultdict(float)
    for ev in pieces:
        score[ev.country_code] += ev.weight
    if not score:
        return Focus(reason="no evidence for any country")
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], first_seen.get(kv[0], 1 << 30)))
    best, value = ranked[0]
    second_code, second = ranked[1] if len(ranked) > 1 else ("", 0.0)
    tied_but_first = value == second and first_seen.get(best, 1 << 30) < first_seen.get(second_code, 1 << 30)
    scores = tuple((k, round(v, 3)) for k, v in ranked)
    if value < MIN_FOCUS or not (value > second or tied_but_first):
        return Focus(scores=scores, evidence=pieces, reason=f"no country stands out ({_render(ranked[:3])})")
    admin1 = None
    in_country = [(a1, w) for cc, a1, w in placed_admin1 if cc == best]
    total = sum(w for _a, w in in_country)
    if total > 0:
        by_a1: defaultdict[str, float] = defaultdict(float)
        for a1, w in in_country:
            by_a1[a1] += w
        top, top_w = max(by_a1.items(), key=lambda kv: kv[1])
        if top_w / total >= ADMIN1_SHARE:
            admin1 = top
    kinds = sorted({e.kind for e in pieces if e.country_code == best})
    reason = f"{best}: {value:.2f} from {', '.join(kinds)}"
    if len(ranked) > 1:
        reason += f"; next {second_code} {second:.2f}"
    return Focus(best, admin1, scores, pieces, reason)


def _render(ranked: Sequence[tuple[str, float]]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in ranked)

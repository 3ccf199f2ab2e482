"""The document's focus: the country it is about, with the evidence behind it.

In: evidence gathered by the resolver from a document (country names, demonyms, the countries each
place name exists in) and optional corpus hints (``--country``). Out: a :class:`Focus` with the country,
the score of every country considered and every piece of evidence (its words and span).

Weights:

* a country the user gives for the corpus: 4 (a prior, not a verdict: a text that names another
  country more often still goes there);
* a country named in the text: 3 ("Kenya", "the US");
* a demonym ("Bolivian police"): 1;
* each other place name: 1, shared among the countries it exists in, so a name found in one country
  only counts fully and "San Jose" counts a little for each of its countries.

The focus is the country with the most weight, at least :data:`MIN_FOCUS` and more than the next; a
tie goes to the country of the first place named. Never fails: with no evidence the focus is empty,
with the reason. :func:`country_codes` checks the hints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cronica.errors import CronicaError
from cronica.records import Span

#: Weights of each kind of evidence (see the module docstring).
WEIGHTS = {"hint": 4.0, "country_name": 3.0, "demonym": 1.0, "place": 1.0}
#: Least evidence weight for a focus country.
MIN_FOCUS = 1.0


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
    scores: tuple[tuple[str, float], ...] = ()
    evidence: tuple[FocusEvidence, ...] = ()
    reason: str = "no evidence for any country"

    def score(self, code: str | None) -> float:
        """The evidence weight gathered for country ``code``."""
        return dict(self.scores).get(code or "", 0.0)

    def explicit(self, code: str | None) -> bool:
        """Whether the text itself names country ``code`` (its name, a demonym or a hint)."""
        return any(
            e.country_code == code and e.kind in {"country_name", "demonym", "hint"} for e in self.evidence
        )


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


def decide(evidence: Iterable[FocusEvidence], first_seen: dict[str, int]) -> Focus:
    """The focus from its evidence (see the module docstring); ``first_seen``: country code -> index of
    the first place mention with a candidate there."""
    pieces = tuple(evidence)
    score: defaultdict[str, float] = defaultdict(float)
    for ev in pieces:
        score[ev.country_code] += ev.weight
    if not score:
        return Focus(reason="no evidence for any country")
    never = 1 << 30
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], first_seen.get(kv[0], never)))
    best, value = ranked[0]
    second_code, second = ranked[1] if len(ranked) > 1 else ("", 0.0)
    tied_but_first = value == second and first_seen.get(best, never) < first_seen.get(second_code, never)
    scores = tuple((k, round(v, 3)) for k, v in ranked)
    if value < MIN_FOCUS or not (value > second or tied_but_first):
        return Focus(scores=scores, evidence=pieces, reason=f"no country stands out ({_render(ranked[:3])})")
    kinds = sorted({e.kind for e in pieces if e.country_code == best})
    reason = f"{best}: {value:.2f} from {', '.join(kinds)}"
    if len(ranked) > 1:
        reason += f"; next {second_code} {second:.2f}"
    return Focus(best, scores, pieces, reason)


def _render(ranked: Sequence[tuple[str, float]]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in ranked)

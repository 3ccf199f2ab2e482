"""Reconciling the numbers that several reports give for one event.

Every claim is kept; the derived figures are stated rules, not a hidden choice:

- each report's *current* figure: its claims minus those a later claim in the same report revises
  (``update_of``), the lowest of what remains (a range counts by its low end): ACLED's rule within a report;
- ``acled`` (the event's ``fatalities``): ACLED's conservative number as ACLED revises it. The reports
  published on one day agree on their lower median (the lower of two, the middle of three: one stale or
  partial report of that day does not pull the day down, one outlier does not push it up); a later day's
  higher figure replaces an earlier one, never adds to it; a later day's lower figure does not undo a
  toll already reported (a toll grows as the wounded die and bodies are found: "at least six" told the
  day after "eight were killed" is a partial count, not a correction). So: the highest of the days'
  figures;
- ``low`` / ``high``: the lowest low end and the highest high end of all current claims (UCDP's low and high);
- ``best``: the median of the reports' current figures, the lower middle one for an even count (UCDP's best);
- ``latest``: the current figure of the most recently published report (ties: the one stored last).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from cronica.records import COUNT_CATEGORIES, CountClaim, acled_fatalities


@dataclass(frozen=True)
class ReportedClaim:
    """A claim with where it was reported: the report (extracted event), its document and publication date.

    ``position`` is the claim's index among its report's claims of the same category (what
    ``CountClaim.update_of`` refers to).
    """

    claim: CountClaim
    report: int
    document: str
    reported_on: date | None
    position: int


@dataclass(frozen=True)
class Reconciled:
    """Derived figures for one category of one event, with every claim behind them."""

    category: str
    acled: int
    low: int
    best: int
    high: int
    latest: int
    claims: tuple[ReportedClaim, ...]
    n_reports: int


def _current(claims: Sequence[ReportedClaim]) -> list[ReportedClaim]:
    superseded = {c.claim.update_of for c in claims if c.claim.update_of is not None}
    return [c for c in claims if c.position not in superseded]


def reconcile_category(category: str, claims: Iterable[ReportedClaim]) -> Reconciled | None:
    """The derived figures for one category, or ``None`` when no report gives a number for it."""
    mine = [c for c in claims if c.claim.category == category]
    if not mine:
        return None
    by_report: dict[int, list[ReportedClaim]] = {}
    for c in mine:
        by_report.setdefault(c.report, []).append(c)
    figures: dict[int, int] = {}
    revised: set[int] = set()
    current_all: list[ReportedClaim] = []
    for report, group in by_report.items():
        group.sort(key=lambda c: c.position)
        figures[report] = acled_fatalities([c.claim for c in group])
        current = _current(group)
        current_all.extend(current)
        if any(c.claim.revised for c in current):
            revised.add(report)
    lows = [c.claim.low if c.claim.low is not None else c.claim.value for c in current_all]
    highs = [c.claim.high if c.claim.high is not None else c.claim.value for c in current_all]

    def day(r: int) -> date:
        return by_report[r][0].reported_on or date.min

    by_day: dict[date, list[int]] = {}
    revised_by_day: dict[date, list[int]] = {}
    for r, f in figures.items():
        by_day.setdefault(day(r), []).append(f)
        if r in revised:
            revised_by_day.setdefault(day(r), []).append(f)

    def day_figure(d: date) -> int:
        figure = int(statistics.median_low(sorted(by_day[d])))
        if d in revised_by_day:
            figure = max(figure, int(statistics.median_low(sorted(revised_by_day[d]))))
        return figure

    latest_report = max(by_report, key=lambda r: (day(r), r))
    return Reconciled(
        category=category,
        acled=max(day_figure(d) for d in by_day),
        low=min(lows),
        best=int(statistics.median_low(sorted(figures.values()))),
        high=max(highs),
        latest=figures[latest_report],
        claims=tuple(sorted(mine, key=lambda c: (c.reported_on or date.min, c.report, c.position))),
        n_reports=len(by_report),
    )


def reconcile(claims: Iterable[ReportedClaim]) -> dict[str, Reconciled]:
    """Derived figures for every category that has claims (killed, injured, arrested, participants)."""
    mine = list(claims)
    out: dict[str, Reconciled] = {}
    for category in COUNT_CATEGORIES:
        r = reconcile_category(category, mine)
        if r is not None:
            out[category] = r
    return out

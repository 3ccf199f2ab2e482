"""What the reader remembers from the sentences before: the last event, speakers, report dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from cronica.extraction.assemble import Draft
from cronica.records import (
    Actor,
    DateValue,
    Statement,
)
from cronica.records import Span as TextSpan


@dataclass
class Story:
    """What the reader remembers from the sentences before."""

    last_draft: Draft | None = None
    last_draft_sent: int = -10
    #: "On Sunday the violence returned.": a dated sentence with no event lends its date to the next
    pending_date: DateValue | None = None
    pending_date_sent: int = -10
    last_person: Actor | None = None
    last_group: Actor | None = None
    last_statement: Statement | None = None
    last_statement_sent: int = -10
    report_dates: list[tuple[int, DateValue, str, TextSpan]] = field(default_factory=list)

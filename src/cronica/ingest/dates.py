"""Publication dates given by the user or found in a document's metadata.

In: a ``date``/``datetime``, a string (ISO 8601 date or date-time, ``2019/11/20``, ``20 November 2019``,
``November 20, 2019``, a PDF date ``D:20191120...``, a complete day-first date as spreadsheets and ACLED
exports write it: ``16-Feb-21``, ``31-12-19``, ``16.02.2021``, or ``20210216``; never ``03/04/2020``,
which a US spreadsheet means as March) or ``None``.
Out: a ``datetime.date`` or ``None``.
Fails with :class:`~cronica.errors.DateError` naming the source for anything else: impossible dates
("2019-13-45") and fuzzy words ("yesterday-ish") are refused, never guessed, and today's date is never
used as a fallback.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from cronica.errors import DateError

_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
_TEXT_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def parse_published(value: str | date | None, source: str) -> date | None:
    """The publication date in ``value``; ``source`` names where it came from, for the error message."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateError(source, f"publication date {value!r} is not a date or a string")
    text = value.strip()
    if not text:
        return None
    pdf = _PDF_DATE.match(text)
    if pdf:
        year, month, day = pdf.group(1), pdf.group(2) or "01", pdf.group(3) or "01"
        return _checked(source, value, int(year), int(month), int(day))
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        return _checked(source, value, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            raise DateError(source, f"impossible publication date {value!r}") from None
    for fmt in _TEXT_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if _DAY_MONTH_YEAR.fullmatch(text) or re.fullmatch(r"\d{8}", text):
        return _day_first(text, source, value)
    raise DateError(source, f"cannot read publication date {value!r} (use YYYY-MM-DD)")


#: A full date written day first, as spreadsheets and ACLED exports write it: "16-Feb-21", "16/Feb/2021",
#: "31-12-19", "16.02.2021". Numbers with slashes stay refused ("03/04/2020" is March in the US), and
#: only complete forms go to ``dateutil``, which would fill a missing day or year from today's date.
_DAY_MONTH_YEAR = re.compile(
    r"\d{1,2}[-/. ][A-Za-z]{3,9}\.?[-/. ]\d{2}(?:\d{2})?|\d{1,2}([-.])\d{1,2}\1\d{2}(?:\d{2})?"
)


def _day_first(text: str, source: str, original: str) -> date:
    """A complete day-first date ("16-Feb-21"), or ``20210216``, read with ``dateutil``."""
    from dateutil import parser as date_parser

    compact = re.fullmatch(r"(\d{4})(\d\d)(\d\d)", text)
    if compact:
        return _checked(source, original, int(compact[1]), int(compact[2]), int(compact[3]))
    try:
        return date_parser.parse(text, dayfirst=True).date()
    except (ValueError, OverflowError):
        raise DateError(source, f"impossible publication date {original!r}") from None


def _checked(source: str, original: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(source, f"impossible publication date {original!r}") from None

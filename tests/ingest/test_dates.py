"""Publication dates from the user and from metadata."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cronica.errors import DateError
from cronica.ingest import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-20", date(2019, 11, 20)),
        (" 2019-11-20 ", date(2019, 11, 20)),
        ("2019-11-20T08:30:00-04:00", date(2019, 11, 20)),
        ("2019-11-20T08:30:00Z", date(2019, 11, 20)),
        ("2019/11/20", date(2019, 11, 20)),
        ("20 November 2019", date(2019, 11, 20)),
        ("November 20, 2019", date(2019, 11, 20)),
        ("D:20191120083000+00'00'", date(2019, 11, 20)),
        (date(2019, 11, 20), date(2019, 11, 20)),
        (datetime(2019, 11, 20, 8, 30), date(2019, 11, 20)),
        (None, None),
        ("", None),
    ],
)
def test_publication_date_forms_are_read(value: str | date | None, expected: date | None) -> None:
    assert parse_published(value, "--published") == expected


@pytest.mark.parametrize(
    "value", ["2019-13-45", "2019-02-30", "yesterday-ish", "20/11/2019", "2019-11-20T25:00"]
)
def test_impossible_or_fuzzy_date_is_a_date_error_naming_the_source(value: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_published(value, "--published")
    assert str(caught.value).startswith("--published: ")
    assert repr(value) in str(caught.value)

"""cronica.fields.replace gives what dataclasses.replace gives, on the records extraction copies."""

from __future__ import annotations

import dataclasses

import pytest

from cronica.fields import replace
from cronica.records import Span


@dataclasses.dataclass(frozen=True)
class _Derived:
    value: int
    double: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "double", self.value * 2)


def test_a_plain_frozen_record_copies_with_the_changes() -> None:
    span = Span(3, 8, "Paris")
    moved = replace(span, start=4, text="aris")
    assert moved == dataclasses.replace(span, start=4, text="aris")
    assert moved is not span and type(moved) is Span
    assert span == Span(3, 8, "Paris")  # the original is untouched
    with pytest.raises(dataclasses.FrozenInstanceError):
        moved.start = 0  # type: ignore[misc]


def test_a_class_with_post_init_goes_through_its_init() -> None:
    assert replace(_Derived(2), value=5).double == 10


def test_a_change_that_names_no_field_fails_as_dataclasses_replace_does() -> None:
    with pytest.raises(TypeError):
        replace(Span(0, 1, "a"), colour="red")

"""``replace`` for the frozen dataclasses the extract and resolve stages copy by the thousand.

``dataclasses.replace`` builds keyword arguments from every field and calls the class's ``__init__``
(about 5 microseconds a record; the 502 short notes copy about 3,000 records a pass). For a plain
dataclass (no ``__post_init__``, no init-only or ``init=False`` fields, no ``__slots__``) the copy is
the same object built by hand: the field values, with ``changes`` over them. Any other class, and any
change that names no field, goes through ``dataclasses.replace`` itself (so its errors are the same).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")

#: class -> its field names when it is plain (see the module docstring), else None
_PLAIN: dict[type, frozenset[str] | None] = {}


def _plain_fields(cls: type) -> frozenset[str] | None:
    if not dataclasses.is_dataclass(cls) or "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        return None
    names = []
    for f in dataclasses.fields(cls):  # InitVar and ClassVar pseudo-fields are not listed here
        if not f.init:
            return None
        names.append(f.name)
    if any(isinstance(v, dataclasses.InitVar) for v in getattr(cls, "__annotations__", {}).values()):
        return None
    return frozenset(names)


def replace(obj: T, /, **changes: Any) -> T:
    """``dataclasses.replace(obj, **changes)``: the same new object, built without ``__init__``."""
    cls = type(obj)
    if cls in _PLAIN:
        names = _PLAIN[cls]
    else:
        names = _PLAIN[cls] = _plain_fields(cls)
    if names is None or not names.issuperset(changes):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    values = obj.__dict__
    new = object.__new__(cls)
    state = new.__dict__  # written directly: a frozen class's __setattr__ refuses
    for name in names:
        state[name] = values[name]
    state.update(changes)
    return new

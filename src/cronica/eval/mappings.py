"""Taxonomy mappings between gold sets and cronica, read from ``cronica/data/eval/*.yaml``.

In: the bundled YAML files (their format is described at the top of each). Out: typed, validated
mappings. Loading fails with :class:`~cronica.errors.DataFileError` naming the file and the bad
entry; every ACLED pair named anywhere must exist in ``acled_taxonomy.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from cronica.errors import DataFileError

_FIELDS = ("location", "actor1", "actor2", "speaker")


def _load(name: str) -> dict[str, Any]:
    try:
        text = resources.files("cronica.data").joinpath("eval").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"eval mapping {name} is missing from cronica/data/eval") from exc
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise DataFileError(f"cronica/data/eval/{name}: expected a mapping at the top level")
    return data


@dataclass(frozen=True)
class AcledTaxonomy:
    event_types: dict[str, tuple[str, ...]]
    inter_codes: dict[str, int]

    def valid(self, event_type: str | None, sub_event_type: str | None = None) -> bool:
        if event_type is None:
            return sub_event_type is None
        subs = self.event_types.get(event_type)
        if subs is None:
            return False
        return sub_event_type is None or sub_event_type in subs

    def inter(self, value: str) -> int | None:
        """ACLED's actor type code from an export cell: ``"6"``, ``"6.0"`` or ``"Protesters"``."""
        value = value.strip()
        if not value:
            return None
        try:
            code = int(float(value))
        except ValueError:
            code = self.inter_codes.get(value) or self.inter_codes.get(value.title(), 0)
        return code if 1 <= code <= 8 else None


@dataclass(frozen=True)
class TypeTarget:
    """What a gold label means in cronica's terms."""

    kind: str = "event"
    event_type: str | None = None
    sub_event_type: str | None = None
    accept_event_types: tuple[str, ...] = ()
    plover: str | None = None


@dataclass(frozen=True)
class CaseMapping:
    subtypes: dict[str, TypeTarget]
    non_acled: frozenset[str]


@dataclass(frozen=True)
class PloverMapping:
    categories: dict[str, tuple[str, ...]]
    ignore: frozenset[str]


@dataclass(frozen=True)
class KairosMapping:
    types: dict[str, TypeTarget]
    unmapped: tuple[str, ...]
    roles: dict[str, str]

    def target(self, kairos_type: str) -> TypeTarget | None:
        """The mapping for the longest matching type prefix, or ``None`` when unmapped."""
        best: str | None = None
        for prefix in self.types:
            if (kairos_type == prefix or kairos_type.startswith(prefix + ".")) and (
                best is None or len(prefix) > len(best)
            ):
                best = prefix
        return self.types[best] if best is not None else None


@lru_cache(maxsize=1)
def acled_taxonomy() -> AcledTaxonomy:
    data = _load("acled_taxonomy.yaml")
    types = {str(k): tuple(str(s) for s in v) for k, v in (data.get("event_types") or {}).items()}
    inter = {str(k): int(v) for k, v in (data.get("inter_codes") or {}).items()}
    if not types or not inter:
        raise DataFileError("cronica/data/eval/acled_taxonomy.yaml: event_types and inter_codes are required")
    return AcledTaxonomy(types, inter)


def _target(name: str, key: str, raw: Any) -> TypeTarget:
    if not isinstance(raw, dict):
        raise DataFileError(f"cronica/data/eval/{name}: {key}: expected a mapping")
    target = TypeTarget(
        kind=str(raw.get("kind", "event")),
        event_type=raw.get("event_type"),
        sub_event_type=raw.get("sub_event_type"),
        accept_event_types=tuple(raw.get("accept_event_types") or ()),
        plover=raw.get("plover"),
    )
    tax = acled_taxonomy()
    if target.kind not in ("event", "statement", "tally"):
        raise DataFileError(f"cronica/data/eval/{name}: {key}: unknown kind {target.kind!r}")
    if not tax.valid(target.event_type, target.sub_event_type):
        raise DataFileError(
            f"cronica/data/eval/{name}: {key}: {target.event_type!r} / {target.sub_event_type!r} "
            "is not an ACLED event type / sub-event type"
        )
    for extra in target.accept_event_types:
        if not tax.valid(extra):
            raise DataFileError(f"cronica/data/eval/{name}: {key}: {extra!r} is not an ACLED event type")
    return target


@lru_cache(maxsize=1)
def case_mapping() -> CaseMapping:
    data = _load("case2021.yaml")
    subtypes = {str(k): _target("case2021.yaml", k, v) for k, v in (data.get("subtypes") or {}).items()}
    non_acled = frozenset(str(x) for x in data.get("non_acled") or ())
    if overlap := non_acled & subtypes.keys():
        raise DataFileError(f"cronica/data/eval/case2021.yaml: both mapped and non_acled: {sorted(overlap)}")
    return CaseMapping(subtypes, non_acled)


@lru_cache(maxsize=1)
def plover_mapping() -> PloverMapping:
    data = _load("plover.yaml")
    cats = {str(k): tuple(str(x) for x in v) for k, v in (data.get("categories") or {}).items()}
    for key, accepted in cats.items():
        if not accepted:
            raise DataFileError(f"cronica/data/eval/plover.yaml: {key}: needs at least one accepted label")
    return PloverMapping(cats, frozenset(str(x) for x in data.get("ignore") or ()))


@lru_cache(maxsize=1)
def kairos_mapping() -> KairosMapping:
    data = _load("kairos.yaml")
    types = {str(k): _target("kairos.yaml", k, v) for k, v in (data.get("types") or {}).items()}
    unmapped = tuple(str(x) for x in data.get("unmapped") or ())
    roles = {str(k): str(v) for k, v in (data.get("roles") or {}).items()}
    for role, target in roles.items():
        if target not in _FIELDS:
            raise DataFileError(f"cronica/data/eval/kairos.yaml: role {role}: unknown field {target!r}")
    for prefix in unmapped:
        if prefix in types:
            raise DataFileError(f"cronica/data/eval/kairos.yaml: {prefix} is both mapped and unmapped")
    return KairosMapping(types, unmapped, roles)

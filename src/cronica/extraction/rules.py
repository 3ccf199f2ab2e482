"""The rule registry: every named rule of the extractor, loaded from ``data/rules.yaml``.

In: the bundled ``rules.yaml`` (or a given file) and the ids a user switches off (``Pipeline(rules_off=...)``,
``cronica extract --rules-off ID``, or ``CRONICA_RULES_OFF=id,id``). Out: a :class:`RuleBook` that the
stages ask :meth:`RuleBook.on` before applying a rule, and that names the rule behind a decision (a
trigger's verdict carries the id of the rule that gave it).

Each entry has an ``id`` (``stage.name``), the ``stage`` that applies it, what it ``says``, and an
``example``: a sentence and the ``word`` the rule decides on in it. ``tests/extraction/test_rules.py``
runs every example with the rule on and off, so each rule is tested on its own and can be switched off on
its own. Fails with :class:`~cronica.errors.DataFileError` naming the file and the entry for an invalid
file, and with :class:`~cronica.errors.CronicaError` for an id to switch off that no rule has.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from cronica.errors import CronicaError, DataFileError

_ID = re.compile(r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = ("id", "stage", "says", "example", "word")


@dataclass(frozen=True)
class Rule:
    """One named rule: what it says and a sentence that shows it (``word`` is what it decides on)."""

    id: str
    stage: str
    says: str
    example: str
    word: str


@dataclass(frozen=True)
class RuleBook:
    """The registered rules and the ids switched off."""

    rules: tuple[Rule, ...]
    off: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def ids(self) -> frozenset[str]:
        # kept: the trigger stage asks on() tens of times a sentence
        return frozenset(r.id for r in self.rules)

    @cached_property
    def _applies(self) -> dict[str, bool]:
        # kept: whether each rule applies, one look-up an on()
        return {r.id: r.id not in self.off for r in self.rules}

    def on(self, rule_id: str) -> bool:
        """Whether ``rule_id`` applies. An id with no entry is a programming error (KeyError): the
        code and ``rules.yaml`` must name the same rules."""
        applies = self._applies.get(rule_id)
        if applies is None:
            raise KeyError(f"rule {rule_id!r} is not in rules.yaml")
        return applies

    def switched_off(self, ids: Iterable[str]) -> RuleBook:
        """This book with ``ids`` off as well. Raises CronicaError naming an id no rule has."""
        wanted = frozenset(i.strip() for i in ids if i.strip())
        unknown = sorted(wanted - self.ids)
        if unknown:
            raise CronicaError(f"no rule named {', '.join(unknown)} (see `cronica rules` for the rule ids)")
        return replace(self, off=self.off | wanted)

    def of_stage(self, stage: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.stage == stage)


def parse_rules(text: str, name: str = "rules.yaml") -> RuleBook:
    """The rule book written in ``text`` (the YAML of ``rules.yaml``); ``name`` is used in errors."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML: {exc}") from exc
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{name}: expected a non-empty list under 'rules'")
    rules: list[Rule] = []
    seen: set[str] = set()
    for k, entry in enumerate(entries):
        where = f"{name}: rules[{k}]"
        if not isinstance(entry, dict):
            raise DataFileError(f"{where}: expected a mapping with {', '.join(_FIELDS)}")
        missing = [f for f in _FIELDS if not isinstance(entry.get(f), str) or not entry[f].strip()]
        if missing:
            raise DataFileError(f"{where} ({entry.get('id', '?')}): missing or empty {', '.join(missing)}")
        extra = sorted(set(entry) - set(_FIELDS))
        if extra:
            raise DataFileError(f"{where} ({entry['id']}): unknown key {', '.join(extra)}")
        rule = Rule(**{f: str(entry[f]).strip() for f in _FIELDS})
        if not _ID.match(rule.id) or not rule.id.startswith(rule.stage + "."):
            raise DataFileError(f"{where}: id {rule.id!r} must be '{rule.stage}.name' in lower case")
        if rule.id in seen:
            raise DataFileError(f"{where}: id {rule.id!r} appears twice")
        if not re.search(rf"(?<!\w){re.escape(rule.word)}(?!\w)", rule.example):
            raise DataFileError(f"{where} ({rule.id}): word {rule.word!r} is not in its example")
        seen.add(rule.id)
        rules.append(rule)
    return RuleBook(tuple(rules))


@lru_cache(maxsize=1)
def _bundled() -> RuleBook:
    text = resources.files("cronica.data").joinpath("rules.yaml").read_text(encoding="utf-8")
    return parse_rules(text)


def load_rules(path: str | Path | None = None, off: Iterable[str] | None = None) -> RuleBook:
    """The rule book of ``path`` (default: the bundled ``rules.yaml``) with ``off`` switched off; when
    ``off`` is None, the ids in ``CRONICA_RULES_OFF`` (comma separated)."""
    if path is None:
        book = _bundled()
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read rules file: {exc}") from exc
        book = parse_rules(text, str(path))
    if off is None:
        off = os.environ.get("CRONICA_RULES_OFF", "").split(",")
    return book.switched_off(off)

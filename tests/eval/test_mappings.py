"""The taxonomy mapping files load, validate, and cover the gold sets' labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cronica.eval.mappings import acled_taxonomy, case_mapping, kairos_mapping, plover_mapping


def test_every_mapped_acled_pair_is_in_the_taxonomy() -> None:
    tax = acled_taxonomy()
    for target in [*case_mapping().subtypes.values(), *kairos_mapping().types.values()]:
        assert tax.valid(target.event_type, target.sub_event_type)
        assert all(tax.valid(t) for t in target.accept_event_types)


def test_case_mapping_covers_every_acled_sub_event_type_once() -> None:
    subs = [(t.event_type, t.sub_event_type) for t in case_mapping().subtypes.values()]
    every = [(et, s) for et, ss in acled_taxonomy().event_types.items() for s in ss]
    assert sorted(subs) == sorted(every)


def test_case_mapping_covers_the_shared_task_type_list(dev_data: Path) -> None:
    listed = (dev_data / "case2021-task2" / "event_types.txt").read_text().split()
    mapping = case_mapping()
    assert set(listed) <= set(mapping.subtypes) | mapping.non_acled


def test_every_wikievents_type_is_mapped_or_listed_as_unmapped(dev_data: Path) -> None:
    mapping = kairos_mapping()
    with open(dev_data / "wikievents-dev" / "dev.jsonl") as fh:
        types = {m["event_type"] for line in fh for m in json.loads(line)["event_mentions"]}
    for t in types:
        listed = any(t == p or t.startswith(p + ".") for p in mapping.unmapped)
        assert (mapping.target(t) is not None) != listed, t


def test_kairos_longest_prefix_wins() -> None:
    mapping = kairos_mapping()
    explode = mapping.target("Conflict.Attack.DetonateExplode")
    assert explode is not None and explode.event_type == "Explosions/Remote violence"
    attack = mapping.target("Conflict.Attack.Unspecified")
    assert attack is not None and attack.event_type == "Violence against civilians"
    assert mapping.target("Contact.Contact.Broadcast") is None
    assert mapping.roles["Place"] == "location" and mapping.roles["Victim"] == "actor2"


def test_plover_mapping_accepts_current_names_for_renamed_categories() -> None:
    cats = plover_mapping().categories
    assert cats["DEMAND"][0] == "DEMAND" and "REQUEST" in cats["DEMAND"]
    assert "DOCUMENT" in plover_mapping().ignore


@pytest.mark.parametrize(
    "cell,code", [("6", 6), ("6.0", 6), ("Protesters", 6), ("State forces", 1), ("", None)]
)
def test_acled_inter_cells_in_both_layouts(cell: str, code: int | None) -> None:
    assert acled_taxonomy().inter(cell) == code

"""The rule registry: every rule in rules.yaml is applied by the code, shown by its example sentence,
and can be switched off on its own (the example's verdict then changes)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

import cronica
from cronica.errors import CronicaError, DataFileError
from cronica.extraction.lexicon import load_lexicon
from cronica.extraction.rules import Rule, RuleBook, load_rules, parse_rules
from cronica.extraction.triggers import Trigger, TriggerFinder
from cronica.ingest import document_from_text
from cronica.nlp.model import load_model
from cronica.pipeline import Pipeline

BOOK = load_rules(off=())
SOURCE = Path(cronica.__file__).parent / "extraction"


@lru_cache(maxsize=1)
def _finder() -> TriggerFinder:
    return TriggerFinder(load_model(), load_lexicon(), rules=BOOK)


def _verdict(rule: Rule, book: RuleBook) -> Trigger | None:
    """The trigger at ``rule.word`` in ``rule.example``, judged with ``book``; None when no trigger is
    found there."""
    nlp = load_model()
    finder = _finder().with_rules(book)
    doc = nlp(rule.example)
    for sent in doc.sents:
        for trigger in finder.find(sent):
            if trigger.token.text == rule.word or rule.word in trigger.text.split():
                return trigger
    return None


@pytest.mark.parametrize("rule", BOOK.of_stage("trigger"), ids=lambda r: r.id)
def test_each_trigger_rule_decides_its_example_and_can_be_switched_off(rule: Rule) -> None:
    on = _verdict(rule, BOOK)
    assert on is not None, f"no trigger at {rule.word!r}"
    assert (on.asserted, on.rule) == (False, rule.id), on.reason
    off = _verdict(rule, BOOK.switched_off([rule.id]))
    assert off is None or off.rule != rule.id


def test_the_code_and_rules_yaml_name_the_same_rules() -> None:
    in_code = {
        m for path in SOURCE.glob("*.py") for m in re.findall(r'"(trigger\.[a-z0-9-]+)"', path.read_text())
    }
    assert in_code == {r.id for r in BOOK.of_stage("trigger")}


def test_switching_off_a_rule_changes_what_is_extracted() -> None:
    text = "On 3 June 2023, police in Dravik did not arrest the organisers of the march."
    document = document_from_text(text, id="rules-off", published="2023-06-05")
    kept = Pipeline(rules_off=[]).extract_document(document)
    assert [e.event_type for e in kept.events if e.sub_event_type == "Arrests"] == []
    loose = Pipeline(rules_off=["trigger.negated"]).extract_document(document)
    assert [e.sub_event_type for e in loose.events] == ["Arrests"]


def test_an_unknown_rule_id_is_refused_with_its_name() -> None:
    with pytest.raises(CronicaError, match="trigger.no-such-rule"):
        BOOK.switched_off(["trigger.no-such-rule"])


def test_the_environment_switches_rules_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRONICA_RULES_OFF", "trigger.question, trigger.negated")
    assert load_rules().off == {"trigger.question", "trigger.negated"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("rules: []", "non-empty list"),
        (
            "rules:\n  - id: trigger.x\n    stage: trigger\n    says: s\n    example: a b\n",
            "missing or empty word",
        ),
        (
            "rules:\n  - {id: Trigger.X, stage: trigger, says: s, example: a b, word: a}",
            "must be 'trigger.name'",
        ),
        (
            "rules:\n  - {id: trigger.x, stage: trigger, says: s, example: a b, word: c}",
            "is not in its example",
        ),
        (
            "rules:\n  - {id: trigger.x, stage: trigger, says: s, example: a b, word: a}\n"
            "  - {id: trigger.x, stage: trigger, says: t, example: a b, word: b}",
            "appears twice",
        ),
        (
            "rules:\n  - {id: trigger.x, stage: trigger, says: s, example: a b, word: a, test: y}",
            "unknown key",
        ),
    ],
)
def test_a_bad_rules_file_is_refused_naming_the_entry(text: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=re.escape(problem)) as err:
        parse_rules(text, "my-rules.yaml")
    assert str(err.value).startswith("my-rules.yaml")


def test_cronica_rules_lists_every_rule_and_extract_refuses_an_unknown_id(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from cronica.cli.main import main

    monkeypatch.setenv("CRONICA_RULES_OFF", "trigger.question")  # restored after the test
    assert main(["rules", "--stage", "trigger"]) == 0
    out = capsys.readouterr().out
    assert all(rule.id in out for rule in BOOK.of_stage("trigger"))
    assert re.search(r"trigger\.question\s+off", out) and re.search(r"trigger\.negated\s+on", out)
    report = tmp_path / "r.txt"
    report.write_text("On 3 June 2023, police in Dravik arrested two men.", encoding="utf-8")
    assert main(["extract", str(report), "--rules-off", "trigger.no-such-rule", "--workers", "1"]) == 1
    assert "no rule named trigger.no-such-rule" in capsys.readouterr().err

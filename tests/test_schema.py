"""The JSON Schema shipped in cronica/schema validates what ``cronica extract --format jsonl`` prints."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema

REPORT = Path(__file__).resolve().parents[1] / "examples" / "bolivia-2019-11-20.txt"


def test_every_jsonl_record_of_the_example_validates_against_the_schema() -> None:
    schema = json.loads(resources.files("cronica.schema").joinpath("records.schema.json").read_text("utf-8"))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "cronica.cli.main",
            "extract",
            str(REPORT),
            "--published",
            "2019-11-20",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    kinds = {line["kind"] for line in lines}
    assert kinds == {"event", "statement", "tally"}
    for line in lines:
        jsonschema.validate(line, schema)
        assert line["document"] == str(REPORT)


def test_schema_rejects_a_record_without_its_kind() -> None:
    schema = json.loads(resources.files("cronica.schema").joinpath("records.schema.json").read_text("utf-8"))
    try:
        jsonschema.validate({"document": "x"}, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an invalid record passed the schema")

"""The coding-knowledge data files load, validate, and a broken file is refused with its name."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from cronica.errors import DataFileError
from cronica.extraction.lexicon import ACLED_TYPES, load_lexicon

FILES = ("events.yaml", "actors.yaml", "statements.yaml", "quantities.yaml")


def _copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(str(resources.files("cronica.data").joinpath(name)), tmp_path / name)
    return tmp_path


def test_bundled_lexicons_validate_and_cover_every_acled_sub_event_type() -> None:
    lexicon = load_lexicon()
    covered = {(f.event_type, f.sub_event_type) for f in lexicon.families.values()}
    # the classification rules add the protest sub-types and battles outcomes not listed as defaults
    covered |= {
        ("Protests", "Excessive force against protesters"),
        ("Riots", "Violent demonstration"),
        ("Battles", "Government regains territory"),
    }
    wanted = {(t, s) for t, subs in ACLED_TYPES.items() for s in subs}
    assert wanted <= covered
    assert all(1 <= g.inter <= 8 for g in lexicon.generic_actors)
    assert lexicon.quantities.vague["dozens"] == (12, 24)


@pytest.mark.parametrize(
    ("file", "find", "replace", "message"),
    [
        (
            "events.yaml",
            "default: [Battles, Armed clash, FIGHT]",
            "default: [Battles, Fistfight, FIGHT]",
            "sub-event",
        ),
        ("actors.yaml", "inter: 7", "inter: 12", "inter must be 1..8"),
        ("statements.yaml", "threaten: {plover: THREATEN", "threaten: {plover: GROWL", "PLOVER"),
        ("quantities.yaml", "dozens: [12, 24]", "dozens: [12]", "victims, crowds"),
        ("events.yaml", "  harm_verbs: [kill,", "  harm_verbz: [kill,", "judgement.harm_verbs"),
    ],
)
def test_a_broken_data_file_is_refused_naming_the_file(
    tmp_path: Path, file: str, find: str, replace: str, message: str
) -> None:
    directory = _copy(tmp_path)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(directory)
    assert file in str(err.value) and message in str(err.value)


def test_unparseable_yaml_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    (directory / "actors.yaml").write_text("generic: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match="actors.yaml: not valid YAML"):
        load_lexicon(directory)

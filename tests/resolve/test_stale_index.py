"""A gazetteer index built from other bundled data is rebuilt, or refused when a rebuild would lose places."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from cronica.errors import GazetteerError
from cronica.resolve import BUNDLE_VERSION, Gazetteer
from cronica.resolve.bundled import generic_words

#: sha256 of the bundled gazetteer files (name, then bytes, in name order) and of the generic words of
#: division names (:func:`cronica.resolve.bundled.generic_words`) for BUNDLE_VERSION.
BUNDLE_SHA256 = "edf85c99ee821660b3ac5cc5449510beebdbf5fc23d2ee6ed48bbe9ecee6867e"


def _stale_copy(gazetteer: Gazetteer, tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(gazetteer.path, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'geonames-cities500-2020-01-01' WHERE key = 'bundle_version'")
    conn.commit()
    conn.close()
    return path


def test_a_stale_index_holding_only_the_bundle_is_rebuilt(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = _stale_copy(gazetteer, tmp_path)
    with pytest.raises(GazetteerError, match="cronica gazetteer build --force"):
        Gazetteer(path)
    with pytest.raises(GazetteerError, match="bundled data"):
        Gazetteer.open(path, build=False)
    with Gazetteer.open(path) as rebuilt:
        assert rebuilt.meta["bundle_version"] == BUNDLE_VERSION
        assert rebuilt.country("bo") is not None


def test_a_stale_index_with_user_places_is_refused_not_rebuilt(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = _stale_copy(gazetteer, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO places (id, source, source_id, name, kind, country_code, latitude, longitude) "
        "VALUES (-42, 'user', 'senkata', 'Senkata', 'feature', 'BO', -16.56, -68.19)"
    )
    conn.commit()
    conn.close()
    with pytest.raises(GazetteerError, match="rebuild it with: cronica gazetteer build --force"):
        Gazetteer.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM places WHERE id = -42").fetchone() == ("Senkata",)
    conn.close()


def test_the_bundle_version_changes_with_the_bundled_data() -> None:
    """Changing a bundled file without a new BUNDLE_VERSION would leave every built index stale unnoticed."""
    digest = hashlib.sha256()
    folder = resources.files("cronica") / "data" / "gazetteer"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".tsv", ".tsv.gz")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    # the build also reads the generic words of division names from recognition.yaml
    for words in generic_words():
        digest.update(" ".join(sorted(words)).encode())
    assert (BUNDLE_VERSION, digest.hexdigest()) == (BUNDLE_VERSION, BUNDLE_SHA256), (
        "the bundled gazetteer data changed: give BUNDLE_VERSION (cronica/resolve/bundled.py) a new value "
        "and record the new digest here"
    )

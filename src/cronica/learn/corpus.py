"""The default training corpus: where its files are and how they are read.

In: the development data folder (``$CRONICA_DEV_DATA``, default ``../shared/data/dev`` beside the
repository) and optional extra reviewed-record files. Out: :class:`~cronica.learn.examples.LabelledExample`
lists. A missing file raises :class:`~cronica.errors.DataFileError` naming it.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence

from cronica.errors import DataFileError
from cronica.learn.examples import (
    LabelledExample,
    from_acled_csv,
    from_glocon_sentences,
    from_reviewed_jsonl,
)


def dev_root(start: str | None = None) -> str:
    """``$CRONICA_DEV_DATA``, else ``../shared/data/dev`` beside the repository holding ``start``."""
    env = os.environ.get("CRONICA_DEV_DATA")
    if env:
        return env
    here = os.path.abspath(start or os.getcwd())
    return os.path.normpath(os.path.join(here, "..", "shared", "data", "dev"))


def acled_files(root: str) -> list[str]:
    files = sorted(glob.glob(os.path.join(root, "acled-train", "*.csv")))
    if not files:
        raise DataFileError(f"{os.path.join(root, 'acled-train')}: no ACLED exports (*.csv) here")
    return files


def glocon_file(root: str) -> str:
    return os.path.join(root, "glocon-sample", "sentence", "Sabinet.json")


def load_corpus(
    acled: Sequence[str], glocon: Sequence[str] = (), reviewed: Sequence[str] = ()
) -> list[LabelledExample]:
    """Every example of the given files, in file order."""
    out: list[LabelledExample] = []
    for path in [*acled, *glocon, *reviewed]:
        if not os.path.exists(path):
            raise DataFileError(f"{path}: training file not found")
    for path in acled:
        out.extend(from_acled_csv(path))
    for path in glocon:
        out.extend(from_glocon_sentences(path))
    for path in reviewed:
        out.extend(from_reviewed_jsonl(path))
    return out

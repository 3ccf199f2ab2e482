"""The extract stage: events, statements and tallies from a parsed document (see :mod:`.extractor`).

The public function is ``cronica.extract(text, ...)`` (:func:`cronica.pipeline.extract`); this
subpackage holds the stage it runs.
"""

from __future__ import annotations

from cronica.extraction.extractor import Extractor
from cronica.extraction.lexicon import Lexicon, load_lexicon

__all__ = ["Extractor", "Lexicon", "load_lexicon"]

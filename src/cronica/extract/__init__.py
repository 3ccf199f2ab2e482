"""The extract stage: events, statements and tallies from a parsed document (see :mod:`.extractor`).

``cronica.extract`` is both this subpackage and the public function ``cronica.extract(text, ...)``:
importing a subpackage binds its name on the parent package, which would hide the function, so the
module itself is callable and forwards to :func:`cronica.pipeline.extract`.
"""

from __future__ import annotations

import sys
import types
from datetime import date
from typing import TYPE_CHECKING, Any

from cronica.extract.extractor import Extractor
from cronica.extract.lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from cronica.records import Extraction

__all__ = ["Extractor", "Lexicon", "load_lexicon"]


class _CallableModule(types.ModuleType):
    def __call__(self, text: str, published: date | str | None = None, **options: Any) -> Extraction:
        from cronica.pipeline import extract

        return extract(text, published, **options)


sys.modules[__name__].__class__ = _CallableModule

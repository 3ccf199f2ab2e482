"""The extract stage: events, statements and tallies from a parsed document (see :mod:`.extractor`)."""

from cronica.extract.extractor import Extractor
from cronica.extract.lexicon import Lexicon, load_lexicon

__all__ = ["Extractor", "Lexicon", "load_lexicon"]

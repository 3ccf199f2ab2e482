"""The NLP stage: one spaCy pipeline per language and process, loaded by name; a missing model says how
to install it; a document's language comes from its metadata or :func:`detect_language`."""

from cronica.nlp.languages import Language, Languages, detect_language, load_languages
from cronica.nlp.model import DEFAULT_MODEL, load_model

__all__ = ["DEFAULT_MODEL", "Language", "Languages", "detect_language", "load_languages", "load_model"]

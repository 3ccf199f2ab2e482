"""The NLP stage: one spaCy pipeline per process, loaded by name, with an error that says how to install it."""

from cronica.nlp.model import DEFAULT_MODEL, load_model

__all__ = ["DEFAULT_MODEL", "load_model"]

"""The NLP stage: one spaCy pipeline per process, loaded by name; a missing model says how to install it."""

from cronica.nlp.model import DEFAULT_MODEL, load_model

__all__ = ["DEFAULT_MODEL", "load_model"]

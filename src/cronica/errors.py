"""One exception tree for cronica.

    CronicaError
    ├── ModelNotInstalledError      the spaCy model named in the config cannot be loaded
    ├── DataFileError               a bundled or user data file (lexicon, actor dictionary) is invalid
    ├── InputError                  a document could not be read; names the file (and line) and the problem
    │   ├── EmptyDocumentError
    │   ├── BinaryDocumentError
    │   ├── EncodingError
    │   ├── MalformedDocumentError  broken PDF / HTML / JSON line
    │   ├── DateError               an impossible or unparseable date given by the user or the metadata
    │   ├── UnsupportedLanguageError  a language (metadata or --language) cronica does not read
    │   └── ReaderCrashError        a reader raised something unexpected (a bug); the crash is its __cause__
    ├── ExtractionError             a document was read but extracting from it raised; names it and why
    ├── WorkerError                 a worker process (or Dask worker) died or could not start
    └── GazetteerError              the place index is missing or corrupt

Library code raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")


class CronicaError(Exception):
    """Base class of every error cronica raises on purpose."""


class ModelNotInstalledError(CronicaError):
    """The configured spaCy model is not importable."""


class DataFileError(CronicaError):
    """A data file (lexicon, dictionary, taxonomy) is missing or does not validate."""


class GazetteerError(CronicaError):
    """The gazetteer index is missing, corrupt or cannot be written."""


class InputError(CronicaError):
    """A document could not be read.

    ``source`` names the file, ``line`` the line of a JSON Lines corpus when there is one,
    and the message says what is wrong.
    """

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # picklable with its fields (a worker process or a Dask worker sends it back)
        return (type(self), (self.source, self.problem, self.line))


class EmptyDocumentError(InputError):
    """The document holds no text."""


class BinaryDocumentError(InputError):
    """The document is binary data of a kind cronica does not read."""


class EncodingError(InputError):
    """The document's bytes cannot be decoded as text."""


class MalformedDocumentError(InputError):
    """A PDF, HTML page or JSON line is broken."""


class DateError(InputError):
    """A date given by the user or the document's metadata is impossible or unparseable."""


class UnsupportedLanguageError(InputError):
    """The document's language (its metadata or ``--language``) is not one cronica reads."""


class ReaderCrashError(InputError):
    """A reader failed on the document with an unexpected exception (a bug in cronica or a library it
    uses); the exception is chained as ``__cause__`` so its type and traceback can be recorded."""

    @classmethod
    def of(cls, source: str, exc: BaseException, line: int | None = None) -> ReaderCrashError:
        error = cls(source, f"the reader failed: {type(exc).__name__}: {exc}", line)
        error.__cause__ = exc
        return error


def read_or_error(read: Callable[[], _T], source: str, line: int | None = None) -> _T | InputError:
    """What ``read()`` returns; or, where it raises, the :class:`InputError` it raised, or a
    :class:`ReaderCrashError` naming ``source`` and ``line`` for any other exception (a reader's bug).

    One record of a file (a JSON Lines line, a spreadsheet row) goes through this so that a bad record is
    reported and the rest of the file goes on."""
    try:
        return read()
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a reader's bug: this record is reported, the file goes on
        return ReaderCrashError.of(source, exc, line)


class ExtractionError(CronicaError):
    """A document was read but extracting from it raised; ``source`` is the document's id, ``problem`` why.

    The parallel runner returns it in the document's place so that the rest of a batch goes on."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")

    def __reduce__(self) -> tuple[type[ExtractionError], tuple[str, str]]:
        return (type(self), (self.source, self.problem))


class WorkerError(CronicaError):
    """A worker process died, could not start, or its cluster could not be reached."""

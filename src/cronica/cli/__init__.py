"""The ``cronica`` command: a thin layer over the library. Only this package turns errors into exit codes."""

from cronica.cli.main import main

__all__ = ["main"]

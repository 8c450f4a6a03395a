"""The `timeline` command line: a thin layer over the library.

Only this package imports typer and rich; each command module registers itself on `app`.
"""

from timeline.cli import curate, database, events, export, extract, ingest, review, sources  # noqa: F401  (register commands)
from timeline.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()

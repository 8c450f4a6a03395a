"""The `timeline` command line: a thin layer over the library.

Only this package imports typer and rich; each command module registers itself on `app`.
"""

from timeline.cli import (  # noqa: F401  (each module registers its commands)
    backup,
    check,
    curate,
    database,
    events,
    export,
    extract,
    importing,
    ingest,
    review,
    sources,
)
from timeline.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()

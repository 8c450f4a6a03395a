"""`timeline import FILE`: load a file of events in one transaction, or rehearse it with --dry-run.

Parses options, calls the library, prints what happened through output.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.options import ReasonOption
from timeline.importers import READERS


@app.command("import")
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The file of events to import.")],
    format: Annotated[Optional[str], typer.Option(
        "--format", "-f", help="One of " + ", ".join(READERS) + "; guessed from the file's name if not given "
        "(a .json file holding an object is taken for TimelineJS).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be added and changed; write nothing.")] = False,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: the file was exported with --raw; take every cell exactly.")] = False,
    reason: ReasonOption = None,
) -> None:
    """Import events from JSON, JSON Lines, CSV, YAML or TimelineJS: all of them, or none if one is wrong.

    An event whose slug (or, without one, whose title, date and first source URL) is already
    stored is updated; importing the same file again changes nothing. Revisions record
    --reason, or "import of FILE".
    """
    from timeline.importers import import_file

    database = open_database(ctx)
    with output.import_progress() as progress, database.writing() as session:
        report = import_file(session=session, path=file, format=format, reason=reason, dry_run=dry_run, raw=raw,
                             progress=progress)
    output.print_import_report(report)

"""`timeline backup PATH` and `timeline restore-backup PATH`: whole-database copies of a SQLite file.

Parses options, calls the library, prints one line; the database is used as it is, never created or seeded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import app, db_arg
from timeline.cli.options import ForceOption


def _database(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from timeline.db import Database

    database = Database.open(db_arg(ctx))
    ctx.call_on_close(database.dispose)
    return database


def _events(count: int) -> str:
    return f"{count} event{'s' if count != 1 else ''}"


@app.command()
def backup(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The backup file to write.")],
    force: ForceOption = False,
) -> None:
    """Back the SQLite database up to PATH with the online backup API, verified before it is kept."""
    from timeline.backup import backup_database

    info = backup_database(_database(ctx), path, force=force)
    typer.echo(f"backed up {_events(info.events)} to {path}")


@app.command("restore-backup")
def restore_backup(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A backup file written by `timeline backup`.")],
    force: Annotated[bool, typer.Option("--force", help="Replace a database that holds events "
                                        "(it is backed up beside itself first).")] = False,
) -> None:
    """Replace the SQLite database's content with a verified backup."""
    from timeline.backup import restore_database
    from timeline.migrate import head_revision

    report = restore_database(_database(ctx), path, force=force)
    line = f"restored {_events(report.backup.events)} from {path}"
    if report.replaced is not None:
        line += f"; the database it replaced is kept as {report.replaced}"
    if report.backup.revision != head_revision():
        line += f"; its schema is {report.backup.revision}: run `timeline db upgrade` to bring it to {head_revision()}"
    typer.echo(line)

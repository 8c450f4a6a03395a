"""`timeline init` and `timeline db upgrade|current`: creating and migrating the database.

Parses options, calls the library, prints one line.
"""

from __future__ import annotations

from typing import Annotated

import typer

from timeline.cli.app import app, db_arg

db_app = typer.Typer(help="Schema migrations of the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _database(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from timeline.db import Database

    database = Database.open(db_arg(ctx))
    ctx.call_on_close(database.dispose)
    database.check_reachable()
    return database


@app.command()
def init(
    ctx: typer.Context,
    no_seed: Annotated[bool, typer.Option("--no-seed", help="Create an empty chronology.")] = False,
) -> None:
    """Create the database (or bring it to the current schema) and load the seed chronology."""
    from timeline.bootstrap import initialise

    database = _database(ctx)
    prepared = initialise(database, seed=not no_seed)
    state = "created" if prepared.created else "ready"
    added = f", {prepared.seed.events_added} added from seeds" if prepared.seed else ""
    typer.echo(f"{state}: {database.display_name} ({prepared.event_count()} events{added})")


@db_app.command()
def upgrade(ctx: typer.Context) -> None:
    """Migrate the schema to the newest revision (backing up a SQLite file first)."""
    from timeline.migrate import upgrade_safely

    report = upgrade_safely(_database(ctx))
    if not report.changed:
        typer.echo(f"already at {report.after}")
        return
    note = f" (backup: {report.backup})" if report.backup else ""
    typer.echo(f"upgraded {report.before or 'empty database'} -> {report.after}{note}")


@db_app.command()
def current(ctx: typer.Context) -> None:
    """Print the schema revision of the database, and whether it is the newest."""
    from timeline.migrate import current_revision, head_revision

    revision, head = current_revision(_database(ctx)), head_revision()
    if revision is None:
        typer.echo(f"empty (no schema); newest is {head}")
    elif revision == head:
        typer.echo(f"{revision} (head)")
    else:
        typer.echo(f"{revision} (newest is {head}; run `timeline db upgrade`)")

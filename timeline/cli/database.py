"""`timeline init` and `timeline db upgrade|current`: creating and migrating the database.

Parses options, calls the library, prints one line.
"""

from __future__ import annotations

from typing import Annotated

import typer

from timeline.cli.app import app, db_arg

db_app = typer.Typer(help="Schema migrations of the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command()
def init(
    ctx: typer.Context,
    no_seed: Annotated[bool, typer.Option("--no-seed", help="Create an empty chronology.")] = False,
) -> None:
    """Create the database (or bring it to the current schema) and load the seed chronology."""
    from timeline.bootstrap import initialise
    from timeline.db import Database

    database = Database.open(db_arg(ctx))
    database.check_reachable()
    prepared = initialise(database, seed=not no_seed)
    with database.reading() as session:
        from sqlalchemy import func, select

        from timeline.models import Event

        total = session.scalar(select(func.count(Event.id)).where(Event.deleted_at.is_(None)))
    state = "created" if prepared.created else "ready"
    added = f", {prepared.seed.events_added} added from seeds" if prepared.seed else ""
    typer.echo(f"{state}: {database.display_name} ({total} events{added})")


@db_app.command()
def upgrade(ctx: typer.Context) -> None:
    """Migrate the schema to the newest revision (backing up a SQLite file first)."""
    from timeline.db import Database
    from timeline.migrate import current_revision, head_revision
    from timeline.migrate import upgrade as run_upgrade

    database = Database.open(db_arg(ctx))
    database.check_reachable()
    before = current_revision(database)
    if before == head_revision():
        typer.echo(f"already at {before}")
        return
    backup = None
    if before is not None and database.path is not None:
        from timeline.backup import backup_sqlite

        backup = backup_sqlite(database, suffix=f"before-{head_revision()}")
    if before is None:
        database.set_wal()
    run_upgrade(database)
    note = f" (backup: {backup})" if backup else ""
    typer.echo(f"upgraded {before or 'empty database'} -> {head_revision()}{note}")


@db_app.command()
def current(ctx: typer.Context) -> None:
    """Print the schema revision of the database, and whether it is the newest."""
    from timeline.db import Database
    from timeline.migrate import current_revision, head_revision

    database = Database.open(db_arg(ctx))
    database.check_reachable()
    revision = current_revision(database)
    head = head_revision()
    if revision is None:
        typer.echo(f"empty (no schema); newest is {head}")
    elif revision == head:
        typer.echo(f"{revision} (head)")
    else:
        typer.echo(f"{revision} (newest is {head}; run `timeline db upgrade`)")

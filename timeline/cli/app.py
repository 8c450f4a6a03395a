"""The Typer application object, its global options, and how library errors reach the user.

Owns `--db`, `--version`, and turning TimelineError into one line on stderr with exit code 1.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from typer.core import TyperGroup

from timeline.errors import TimelineError


class _TimelineGroup(TyperGroup):
    """Runs commands and turns user mistakes into one clear line and exit code 1."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except TimelineError as err:
            _fail(str(err))
        except OperationalError as err:
            _fail(f"database: {err.orig if err.orig is not None else err}")
        except SQLAlchemyError as err:
            _fail(f"database: {err.__class__.__name__}: {err}")


def _fail(message: str) -> None:
    from timeline.cli.output import error_console

    error_console().print(f"error: {' '.join(message.split())}", style="red", markup=False, highlight=False,
                          soft_wrap=True)
    raise typer.Exit(1)


app = typer.Typer(
    cls=_TimelineGroup,
    name="timeline",
    help="A sourced event chronology: query by date range, export, and add events with their sources.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"timeline {version('timeline')}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    db: Annotated[
        Optional[str],
        typer.Option("--db", envvar="TIMELINE_DB", help="Database: a SQLite file path or an SQLAlchemy URL "
                     "(postgresql://...). Default: a file in your data directory, made on first use."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    ctx.obj = {"db": db}


def db_arg(ctx: typer.Context) -> str | None:
    root = ctx.find_root()
    return (root.obj or {}).get("db")


def open_database(ctx: typer.Context):  # type: ignore[no-untyped-def]
    """The chosen database, made ready on first use (announced on stderr)."""
    from timeline.bootstrap import open_ready

    prepared = open_ready(db_arg(ctx))
    ctx.call_on_close(prepared.database.dispose)
    notice = prepared.notice()
    if notice:
        print(notice, file=sys.stderr)
    return prepared.database

"""Commands on sources: `timeline sources list|show|add`.

Each command parses its options, calls one library function and prints through output.py.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.options import ReasonOption, ShowFormat
from timeline.store import SourceInput, add_source, get_source, list_sources, source_document
from timeline.store.sources import SOURCE_TYPES, events_citing

sources_app = typer.Typer(help="List, show and add sources.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


@sources_app.command("list")
def list_command(
    ctx: typer.Context,
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """Every source, with how many citations it has."""
    database = open_database(ctx)
    with database.reading() as session:
        rows = [(source_document(source), count) for source, count in list_sources(session=session)]
    if format is ShowFormat.json:
        output.print_json([{**doc, "citations": count} for doc, count in rows])
    else:
        output.print_sources_table(rows)


@sources_app.command("show")
def show_command(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Source id, key or URL.")],
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """One source and the events that cite it."""
    database = open_database(ctx)
    with database.reading() as session:
        row = get_source(session=session, ref=source)
        document = source_document(row)
        events = events_citing(session=session, source=row)
    if format is ShowFormat.json:
        output.print_json({**document, "events": events})
    else:
        output.print_source(document, events)


@sources_app.command("add")
def add_command(
    ctx: typer.Context,
    title: Annotated[str, typer.Option("--title")],
    url: Annotated[Optional[str], typer.Option("--url")] = None,
    publisher: Annotated[Optional[str], typer.Option("--publisher")] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date (EDTF or plain English).")] = None,
    author: Annotated[Optional[str], typer.Option("--author")] = None,
    type: Annotated[str, typer.Option("--type", help="One of: " + ", ".join(SOURCE_TYPES))] = "article",
    language: Annotated[Optional[str], typer.Option("--language", help="Language code, e.g. en, ru, kk.")] = None,
    accessed: Annotated[Optional[str], typer.Option("--accessed", help="When you read it (for web pages).")] = None,
    key: Annotated[Optional[str], typer.Option("--key", help="A readable unique key to cite it by.")] = None,
    reason: ReasonOption = None,
) -> None:
    """Add a source; prints its id."""
    given = SourceInput(title=title, url=url, publisher=publisher, published=published, author=author,
                        type=type, language=language, accessed=accessed, key=key)
    database = open_database(ctx)
    with database.writing() as session:
        source_id = add_source(session=session, source=given, reason=reason).id
    typer.echo(str(source_id))

"""Commands on events: query, show, add, cite.

Each command parses its options, calls one library function and prints through output.py.
"""

from __future__ import annotations

import enum
import sys
from typing import Annotated, Optional

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.filters import with_filters
from timeline.cli.options import QueryFormat, ReasonOption, ShowFormat
from timeline.store import (
    ActorRole,
    CitationInput,
    EventInput,
    EventQuery,
    SourceInput,
    add_event,
    cite,
    event_document,
    get_event,
    query_documents,
)
from timeline.vocab import Stance

StanceChoice = enum.Enum("StanceChoice", {s.value: s.value for s in Stance}, type=str)  # type: ignore[misc]


@app.command()
@with_filters
def query(
    ctx: typer.Context,
    event_query: EventQuery,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="How to print the events.")] = QueryFormat.table,
) -> None:
    """List events in chronological order, by date range and filters."""
    database = open_database(ctx)
    with database.reading() as session:
        documents = query_documents(session=session, query=event_query)
    if format is QueryFormat.table:
        if not documents:
            print("No events match.", file=sys.stderr)
            return
        output.print_events_table(documents)
    elif format is QueryFormat.json:
        output.print_json(documents)
    else:
        from timeline.export import export_documents

        export_documents(documents, format.value, sys.stdout)


@app.command()
def show(
    ctx: typer.Context,
    event: Annotated[str, typer.Argument(help="Event id or slug.")],
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """Show one event with its sources, quotes, actors and links."""
    database = open_database(ctx)
    with database.reading() as session:
        document = event_document(session, get_event(session=session, ref=event))
    if event not in (str(document["id"]), document["slug"]):
        print(f"note: {event} was merged into {document['slug']}; showing that event", file=sys.stderr)
    if format is ShowFormat.json:
        output.print_json(document)
    else:
        output.print_event(document)


def actor_role(text: str) -> ActorRole:
    """NAME or NAME:ROLE as given on the command line."""
    name, sep, role = text.rpartition(":")
    if sep and name.strip() and role.strip() and " " not in role.strip():
        return ActorRole(name=name.strip(), role=role.strip())
    return ActorRole(name=text.strip())


@app.command()
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Option("--title", help="What happened, in a line.")],
    date: Annotated[str, typer.Option("--date", help="When: EDTF (2022-06-17, 2022-08~, 2022-01-06/2022-01-19) "
                                      "or plain English ('17 June 2022').")],
    summary: Annotated[Optional[str], typer.Option("--summary")] = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="Readable unique id; made from date and title if not given.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="statement, meeting, protest, military, legal, ...")] = "other",
    tag: Annotated[Optional[list[str]], typer.Option("--tag", help="Storyline or topic tag (repeatable).")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="ISO 3166-1 alpha-2 code.")] = None,
    place: Annotated[Optional[str], typer.Option("--place")] = None,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", help="NAME or NAME:ROLE (repeatable).")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="A stored source: id, key or URL.",
                                                  rich_help_panel="Source")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="A new source's address.", rich_help_panel="Source")] = None,
    source_title: Annotated[Optional[str], typer.Option("--source-title", rich_help_panel="Source")] = None,
    publisher: Annotated[Optional[str], typer.Option("--publisher", rich_help_panel="Source")] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="The source's publication date.",
                                                     rich_help_panel="Source")] = None,
    quote: Annotated[Optional[str], typer.Option("--quote", help="A short verbatim quote from the source.",
                                                 rich_help_panel="Source")] = None,
    stance: Annotated[StanceChoice, typer.Option("--stance", rich_help_panel="Source")] = StanceChoice("reports"),  # type: ignore[assignment]
    reason: ReasonOption = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="text prints the slug; json the whole event.")] = ShowFormat.text,
) -> None:
    """Add a sourced event. Every event needs a source: --source, or --url with its details."""
    cited: str | SourceInput | None = source
    if source is None and url is not None:
        if not source_title:
            from timeline.errors import InvalidValue

            raise InvalidValue("--source-title", "", "the title of the source at --url")
        cited = SourceInput(title=source_title, url=url, publisher=publisher, published=published)
    given = EventInput(
        title=title, date=date, summary=summary, slug=slug, kind=kind, tags=tag or [], country=country,
        place=place, actors=[actor_role(a) for a in actor or []],
        citations=[CitationInput(source=cited, quote=quote, stance=stance.value)] if cited is not None else [],
    )
    database = open_database(ctx)
    with database.writing() as session:
        row = add_event(session=session, event=given, reason=reason)
        document = event_document(session, row) if format is ShowFormat.json else None
        slug_added = row.slug
    if document is not None:
        output.print_json(document)
    else:
        typer.echo(slug_added)


@app.command("cite")
def cite_command(
    ctx: typer.Context,
    event: Annotated[str, typer.Argument(help="Event id or slug.")],
    source: Annotated[str, typer.Argument(help="Source id, key or URL.")],
    quote: Annotated[Optional[str], typer.Option("--quote")] = None,
    stance: Annotated[StanceChoice, typer.Option("--stance")] = StanceChoice("reports"),  # type: ignore[assignment]
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Whose words or claim this is.")] = None,
    locator: Annotated[Optional[str], typer.Option("--locator", help="Page, paragraph or offsets.")] = None,
    note: Annotated[Optional[str], typer.Option("--note")] = None,
    reason: ReasonOption = None,
) -> None:
    """Cite a stored source for an event; the event's status follows the stances."""
    database = open_database(ctx)
    with database.writing() as session:
        cite(
            session=session, event_ref=event, reason=reason,
            citation=CitationInput(source=source, stance=stance.value, quote=quote, speaker=speaker,
                                   locator=locator, note=note),
        )
        row = get_event(session=session, ref=event)
        message = f"cited source {source} for {row.slug}; status: {row.status}"
    typer.echo(message)

"""`timeline export`, `timeline plot` and `timeline schema`: the chronology written out for other tools.

Parses options, reads the events through the library, hands them to a writer; no formatting here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated, Any, Optional

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.filters import with_filters
from timeline.cli.options import ChartFormat, ExportFormat, ForceOption, OutputPath, TitleOption
from timeline.errors import InvalidValue
from timeline.export.registry import Writer, writer_for
from timeline.store import EventQuery, cited_sources, query_documents, query_flat_rows


def _write(ctx: typer.Context, event_query: EventQuery, writer: Writer, output_path: Path, *, force: bool,
           **options: Any) -> None:
    """Read the selected events in one snapshot and write them to a file (temp + rename) or stdout.

    Tabular formats write the rows while they are read, batch by batch; the others get every document at once.
    """
    from timeline.export import export_documents, export_rows, safe_output

    database = open_database(ctx)
    if str(output_path) == "-" and writer.binary and sys.stdout.isatty():
        raise InvalidValue("-o", "-", f"a file path ({writer.name} is binary and standard output is a terminal)")
    with database.reading() as session:
        if writer.streams_rows and event_query.as_of is None:
            query_flat_rows(session=session, query=event_query)  # bad filters fail before a file exists

            def write(stream: IO[Any]) -> int:
                return export_rows(lambda: query_flat_rows(session=session, query=event_query), writer.name, stream,
                                   **options)
        else:
            documents = query_documents(session=session, query=event_query)
            if writer.cites_sources:
                options["sources"] = cited_sources(session=session, documents=documents)

            def write(stream: IO[Any]) -> int:
                return export_documents(documents, writer.name, stream, **options) or len(documents)
        if str(output_path) == "-":
            if writer.binary:
                sys.stdout.flush()
                write(sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                write(sys.stdout)
            return
        with safe_output(output_path, force=force, protected=database.path, binary=writer.binary) as stream:
            written = write(stream)
    if isinstance(written, int):
        written = f"{written} {'event' if written == 1 else 'events'}"
    print(f"wrote {written} to {output_path}", file=sys.stderr)


@app.command()
@with_filters
def export(
    ctx: typer.Context,
    event_query: EventQuery,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    output: OutputPath,
    force: ForceOption = False,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: write cells exactly, without spreadsheet formula protection.")] = False,
    title: TitleOption = "Chronology",
) -> None:
    """Export the chronology (or the part the filters select) to a file, or - for stdout."""
    _write(ctx, event_query, writer_for(format.value), output, force=force, raw=raw, title=title)


@app.command()
@with_filters
def plot(
    ctx: typer.Context,
    event_query: EventQuery,
    output: Annotated[Path, typer.Option("-o", "--output", help="Picture to write: a .png or .svg file, or - with --format.")],
    format: Annotated[Optional[ChartFormat], typer.Option("--format", "-f", help="png or svg; "
                                                          "by default from the file name.")] = None,
    force: ForceOption = False,
    title: TitleOption = "Chronology",
) -> None:
    """Draw the chronology as a chart: one lane per storyline, fuzzy dates as soft-edged bars."""
    if format is not None:
        chosen = format.value
    else:
        chosen = output.suffix.lower().lstrip(".")
        if chosen not in ("png", "svg"):
            raise InvalidValue("-o", str(output), "a file name ending in .png or .svg (or give --format)")
    _write(ctx, event_query, writer_for(chosen), output, force=force, title=title)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the event documents that json and jsonl exports contain."""
    from timeline.export.schema import event_schema

    output.print_json(event_schema())

"""`timeline export`: write the chronology, filtered like `query`, in a chosen format.

Parses options, calls the library, reports where the file went.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from timeline.cli.app import app, open_database
from timeline.cli.filters import with_filters
from timeline.cli.options import ExportFormat, ForceOption, OutputPath
from timeline.store import EventQuery, query_documents


@app.command()
@with_filters
def export(
    ctx: typer.Context,
    event_query: EventQuery,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    output: OutputPath,
    force: ForceOption = False,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: write cells exactly, without spreadsheet formula protection.")] = False,
) -> None:
    """Export the chronology (or the part the filters select) to a file, or - for stdout."""
    from timeline.export import export_documents, safe_output

    database = open_database(ctx)
    with database.reading() as session:
        documents = query_documents(session=session, query=event_query)
    if str(output) == "-":
        export_documents(documents, format.value, sys.stdout, raw=raw)
        return
    with safe_output(output, force=force, protected=database.path) as stream:
        export_documents(documents, format.value, stream, raw=raw)
    noun = "event" if len(documents) == 1 else "events"
    print(f"wrote {len(documents)} {noun} to {output}", file=sys.stderr)

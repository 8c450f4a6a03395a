"""`timeline ingest`: articles in, proposed events (candidates) out, each waiting for review.

Parses options, calls the library once per file inside one write transaction, prints through output.py.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.options import ReasonOption


class IngestFormat(str, enum.Enum):
    table = "table"
    json = "json"


@app.command()
def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Text, Markdown or HTML files (UTF-8).")],
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date (EDTF or plain "
                                                     "English); relative dates in the text count from it. Default: "
                                                     "the page's article:published_time or a 'date:' header.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The source's title. Default: og:title, <title>, "
                                                 "a 'title:' header or the first line.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="The source's address. Default: og:url or the "
                                               "canonical link. A stored source at this address gets the text.")] = None,
    publisher: Annotated[Optional[str], typer.Option("--publisher", help="Default: og:site_name.")] = None,
    format: Annotated[IngestFormat, typer.Option("--format", "-f", help="table: for reading; json: one object per "
                                                 "file ({source, candidates}), a list of them for several files.")]
    = IngestFormat.table,
    reason: ReasonOption = None,
) -> None:
    """Store each file as a source with its text and propose the dated events it reports, for `timeline review`.

    Nothing becomes an event here. The same file twice is the same source, and what was proposed once is not
    proposed again.
    """
    from timeline.errors import InvalidValue
    from timeline.ingest.documents import read_document
    from timeline.store.candidates import ingest_document, ingest_result

    if len(files) > 1 and (title or url):
        raise InvalidValue("--title" if title else "--url", title or url, "a single FILE (a title or an address "
                           "belongs to one document)")
    documents = [read_document(file, title=title, published=published, url=url, publisher=publisher) for file in files]
    database = open_database(ctx)
    with database.writing() as session:
        results = [ingest_result(session, ingest_document(session=session, document=document, reason=reason))
                   for document in documents]
    if format is IngestFormat.json:
        output.print_json(results[0] if len(results) == 1 else results)
        return
    for result in results:
        output.print_ingest_result(result)

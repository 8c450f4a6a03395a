"""`timeline extract`: every temporal expression in a text file, with offsets, type and TIMEX3 value.

Parses options, calls the tagger, prints through the output module.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import app


class ExtractFormat(str, enum.Enum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A UTF-8 text file (a byte-order mark is allowed).")],
    published: Annotated[str, typer.Option("--published", help="Publication date of the text (2022-08-17, "
                                           "2022-08, or 17 August 2022): relative dates count from it.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="jsonl: one JSON object per expression; "
                                                  "table: for reading.")] = ExtractFormat.jsonl,
) -> None:
    """List the dates, times, durations and sets in FILE, resolved against --published and the story's own time."""
    from timeline.cli.output import print_jsonl, print_timex_table
    from timeline.ingest import read_text, reference_point, tag

    reference_point(published, field="--published")
    text = read_text(file)
    rows = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in tag(text, reference=published)]
    if format is ExtractFormat.jsonl:
        print_jsonl(rows)
    else:
        print_timex_table(rows)

"""JSON Lines files of events: one event document per line, as `export --format jsonl` writes.

Owns reading such a file line by line, streamed; blank lines are skipped; no database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from timeline.errors import TimelineError
from timeline.importers.documents import document_row
from timeline.importers.reading import InputFile, Reading, Row

__all__ = ["read_jsonl"]


def _rows(lines: Iterator[str]) -> Iterator[Row]:
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        label = f"line {number}"
        try:
            item = json.loads(text)
        except json.JSONDecodeError as err:
            raise TimelineError(f"{label}: file: not valid JSON ({err.msg}, column {err.colno})") from None
        yield document_row(label, item, "one event document per line")


def read_jsonl(file: InputFile, *, raw: bool = False) -> Reading:
    return Reading(rows=_rows(file.lines()), position=file.position)

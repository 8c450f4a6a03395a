"""CSV files of events: the columns `export` writes, or a minimal form for spreadsheets of new events.

Owns reading CSV rows into events, streamed with the csv module so every cell stays text ("01234"
is never a number); no database.

- Export form, recognised by its `citations` column: the citations are read from that JSON
  column, losslessly; the derived columns (id, display_date, the bounds, precision, sources,
  urls, quotes) are ignored; `tags` and `actors` are split as export joins them.
- Minimal form: title,date,url,source_title, optionally publisher, published, summary, quote,
  stance, kind, tags (separated by ';'), country, place and slug. Each row is one source's
  citation of the event.
A spreadsheet-safe export put an apostrophe before cells that begin with = + - @ tab or CR; it
is taken off again, in the columns export protects, unless `raw` says the file was written raw.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from typing import Any

from timeline.errors import InvalidValue, TimelineError
from timeline.export.tabular import COLUMNS, restore_cell
from timeline.importers.documents import event_input
from timeline.importers.reading import InputFile, Reading, Row, located
from timeline.store.events import EventInput

__all__ = ["read_csv"]

MINIMAL_REQUIRED = ("title", "date", "url", "source_title")
MINIMAL_OPTIONAL = ("publisher", "published", "summary", "quote", "stance", "kind", "tags", "country", "place", "slug")
_EXPORT_READ = ("slug", "date", "title", "summary", "kind", "status", "status_reason", "tags", "place", "country",
                "lat", "lon", "actors", "citations", "notes", "origin")
_EVENT_CELLS = ("slug", "title", "date", "summary", "kind", "place", "country")
_SOURCE_CELLS = ("url", "source_title", "publisher", "published", "quote", "stance")
_ACTOR = re.compile(r"(.*) \(([^()]*)\)")


def _header(cells: list[str]) -> tuple[list[str], bool]:
    """The column names, and whether they are the export form; refuses unknown and repeated names."""
    names = [cell.strip() for cell in cells]
    repeated = next((name for name in names if names.count(name) > 1), None)
    if repeated is not None:
        raise InvalidValue("column", repeated, "each column named once")
    export_form = "citations" in names
    allowed = COLUMNS if export_form else (*MINIMAL_REQUIRED, *MINIMAL_OPTIONAL)
    unknown = next((name for name in names if name not in allowed), None)
    if unknown is not None:
        form = "the columns `export` writes" if export_form else "a column of the minimal form"
        raise InvalidValue("column", unknown, f"{form}: " + ", ".join(allowed))
    required = ("title", "date", "citations") if export_form else MINIMAL_REQUIRED
    absent = [name for name in required if name not in names]
    if absent:
        raise InvalidValue("column", absent[0], "a column of the header: " + ", ".join(required))
    return names, export_form


def _actors(cell: str) -> list[dict[str, str]]:
    actors = []
    for part in cell.split("; "):
        found = _ACTOR.fullmatch(part)
        actors.append({"name": found.group(1), "role": found.group(2)} if found else {"name": part})
    return actors


def _export_item(cells: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {name: cells[name] or None for name in _EXPORT_READ if name in cells}
    if "tags" in cells:
        item["tags"] = [tag for tag in cells["tags"].split("; ") if tag]
    if "actors" in cells:
        item["actors"] = _actors(cells["actors"]) if cells["actors"] else []
    try:
        item["citations"] = json.loads(cells["citations"] or "[]")
    except json.JSONDecodeError as err:
        raise InvalidValue("citations", cells["citations"][:40], f"a JSON list of citations ({err.msg})") from None
    if not isinstance(item["citations"], list):
        raise InvalidValue("citations", cells["citations"][:40], "a JSON list of citations")
    return item


def _minimal_item(cells: dict[str, str]) -> dict[str, Any]:
    if not cells["url"].strip():
        raise InvalidValue("url", "", "the address of a source: every event needs a source")
    item: dict[str, Any] = {name: cells[name] or None for name in _EVENT_CELLS if name in cells}
    if "tags" in cells:
        item["tags"] = [tag.strip() for tag in cells["tags"].split(";") if tag.strip()]
    item["citations"] = [{name: cells[name] or None for name in _SOURCE_CELLS if name in cells}]
    return item


def _next_cells(reader: Any, line: int) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as err:
        raise located(f"line {line}", TimelineError(f"row: not well-formed CSV ({err})")) from None


def _row(names: list[str], cells: list[str], export_form: bool, raw: bool) -> tuple[EventInput, frozenset[str]]:
    if len(cells) != len(names):
        raise TimelineError(f"row: {len(cells)} cells where the header names {len(names)} columns")
    if not raw:
        cells = [restore_cell(name, cell) for name, cell in zip(names, cells)]
    by_name = dict(zip(names, cells))
    if export_form:
        return event_input(_export_item(by_name))
    event, missing = event_input(_minimal_item(by_name))
    return event, missing | {"citations"}


def _rows(lines: Iterator[str], raw: bool) -> Iterator[Row]:
    reader = csv.reader(lines, strict=True)
    header = _next_cells(reader, 1)
    try:
        if header is None:
            raise InvalidValue("header", "", "a first row naming the columns")
        names, export_form = _header(header)
    except TimelineError as err:
        raise located("line 1", err) from None
    while True:
        label = f"line {reader.line_num + 1}"
        cells = _next_cells(reader, reader.line_num + 1)
        if cells is None:
            return
        if not cells:
            continue
        try:
            event, missing = _row(names, cells, export_form, raw)
        except TimelineError as err:
            raise located(label, err) from None
        yield Row(label, event, missing)


def read_csv(file: InputFile, *, raw: bool = False) -> Reading:
    return Reading(rows=_rows(file.lines(), raw), position=file.position)

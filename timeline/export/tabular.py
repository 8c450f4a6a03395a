"""Tabular exports: CSV and Parquet, one row per event, citations flattened and kept whole as JSON.

Owns the tabular column set, spreadsheet safety and the file formats; it never reads the database.
Rows arrive in batches (column name -> values), from documents or streamed from the store
(timeline.store.flat_rows), and are written batch by batch so memory stays bounded whatever the size.
CSV cells are quoted as the standard csv module (what pandas' to_csv calls) quotes them, a column at a time;
Parquet through pyarrow's ParquetWriter, one row group per batch. pandas still gives the Parquet
schema its pandas metadata, so pandas reads every file back with the same dtypes as before.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import IO, Any

__all__ = [
    "COLUMNS", "Batch", "Batches", "event_rows", "restore_cell", "rows_batch", "write_csv", "write_csv_rows",
    "write_parquet", "write_parquet_rows",
]

COLUMNS = [
    "id", "slug", "date", "display_date", "start_earliest", "start_latest", "end_earliest", "end_latest",
    "precision", "title", "summary", "kind", "status", "status_reason", "tags", "place", "country", "lat",
    "lon", "actors", "sources", "urls", "quotes", "citations", "notes", "origin",
]
# Free-text columns a spreadsheet could read as a formula; ours (dates, ids) are never touched.
_TEXT_COLUMNS = ("title", "summary", "status_reason", "tags", "place", "actors", "sources", "quotes", "notes", "slug")
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_STARTS = frozenset(_FORMULA_TRIGGERS)

# A batch of rows, column-wise: column name -> its values (at least COLUMNS). Writers that may have to
# start again take a function that gives the batches afresh.
Batch = dict[str, list[Any]]
Batches = Callable[[], Iterable[Batch]]


def restore_cell(column: str, value: str) -> str:
    """A cell of a spreadsheet-safe file as it was before the export protected it."""
    if column in _TEXT_COLUMNS and value.startswith("'") and value[1:].startswith(_FORMULA_TRIGGERS):
        return value[1:]
    return value


def event_rows(documents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for doc in documents:
        citations = doc["citations"]
        row = {column: doc.get(column) for column in COLUMNS}
        row["tags"] = "; ".join(doc["tags"])
        row["actors"] = "; ".join(f"{a['name']} ({a['role']})" for a in doc["actors"])
        row["sources"] = " | ".join(
            ", ".join(part for part in (c["publisher"], c["source_title"]) if part) for c in citations
        )
        row["urls"] = " ".join(c["url"] for c in citations if c["url"])
        row["quotes"] = " | ".join(c["quote"] for c in citations if c["quote"])
        row["citations"] = json.dumps(citations, ensure_ascii=False, separators=(",", ":"))
        rows.append(row)
    return rows


def rows_batch(documents: Sequence[dict[str, Any]]) -> Batch:
    """The rows of event documents as one batch."""
    rows = event_rows(documents)
    return {column: [row[column] for row in rows] for column in COLUMNS}


def write_csv(documents: Sequence[dict[str, Any]], stream: IO[str], *, raw: bool = False, **_options: Any) -> None:
    write_csv_rows(lambda: [rows_batch(documents)], stream, raw=raw)


def write_parquet(documents: Sequence[dict[str, Any]], stream: IO[bytes], **_options: Any) -> None:
    write_parquet_rows(lambda: [rows_batch(documents)], stream)


def _defused(values: list[Any]) -> list[Any]:
    return [("'" + value) if isinstance(value, str) and value[:1] in _FORMULA_STARTS else value for value in values]


def _csv_cells(values: list[Any], *, quote_all: bool) -> list[str]:
    """A column's cells as the csv module writes them (str() of each value, None empty; minimal quoting: a cell
    with a comma, a double quote or a newline), made a column at a time: the csv writer goes character by
    character and took most of the export's time on the long citations cells."""
    texts = [value if type(value) is str else "" if value is None else str(value) for value in values]
    if quote_all:
        return ['"' + text.replace('"', '""') + '"' for text in texts]
    return ['"' + text.replace('"', '""') + '"' if '"' in text or "," in text or "\n" in text else text
            for text in texts]


def _csv_text(batch: Batch, *, raw: bool, quote_all: bool) -> str:
    columns = [_csv_cells(_defused(batch[column]) if not raw and column in _TEXT_COLUMNS else batch[column],
                          quote_all=quote_all)
               for column in COLUMNS]
    return "".join(line + "\n" for line in map(",".join, zip(*columns)))


def write_csv_rows(batches: Batches, stream: IO[str], *, raw: bool = False, **_options: Any) -> int:
    """Write the rows as CSV; returns how many.

    The csv writer quotes only its own line ending, and a bare CR inside a cell would end the row for every
    reader: when any cell has one, every cell of the file is quoted. Which is known only when a batch shows
    one, so the file starts again quoted from its beginning (on a stream that cannot seek back, the file is
    first written to a temporary file). JSON escapes CR, so a CR in the written text is always a bare one.
    """
    if not stream.seekable():
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
            count = write_csv_rows(batches, spool, raw=raw)
            spool.seek(0)
            shutil.copyfileobj(spool, stream)
        return count
    start = stream.tell()
    quote_all = False
    while True:
        stream.write(",".join(_csv_cells(COLUMNS, quote_all=quote_all)) + "\n")
        count = 0
        for batch in batches():
            text = _csv_text(batch, raw=raw, quote_all=quote_all)
            if not quote_all and "\r" in text:
                quote_all = True
                break
            stream.write(text)
            count += len(batch["id"])
        else:
            return count
        stream.seek(start)
        stream.truncate()


@lru_cache(maxsize=1)
def _parquet_schema() -> Any:
    """Typed columns (ids as integers, coordinates as floats, every other column a string column even when all its
    cells are empty) with the pandas metadata pandas' own to_parquet writes, so pandas reads the dtypes back."""
    import pandas as pd
    import pyarrow as pa

    typed = {column: "string" for column in COLUMNS} | {"id": "int64", "lat": "float64", "lon": "float64"}
    return pa.Schema.from_pandas(pd.DataFrame(columns=COLUMNS).astype(typed), preserve_index=False)


def write_parquet_rows(batches: Batches, stream: IO[bytes], **_options: Any) -> int:
    """Lossless and typed: no formula protection (Parquet is not opened by spreadsheets); returns how many rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count = 0
    with pq.ParquetWriter(stream, schema) as writer:
        for batch in batches():
            arrays = [pa.array(batch[field.name], type=field.type, from_pandas=True) for field in schema]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(batch["id"])
    return count

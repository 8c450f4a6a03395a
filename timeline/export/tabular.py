"""Tabular exports through pandas: CSV and Parquet, one row per event, citations flattened and kept whole as JSON.

Owns the tabular column set and spreadsheet safety; pandas and pyarrow are imported here only, when a writer runs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import IO, Any

__all__ = ["COLUMNS", "event_rows", "restore_cell", "write_csv", "write_parquet"]

COLUMNS = [
    "id", "slug", "date", "display_date", "start_earliest", "start_latest", "end_earliest", "end_latest",
    "precision", "title", "summary", "kind", "status", "status_reason", "tags", "place", "country", "lat",
    "lon", "actors", "sources", "urls", "quotes", "citations", "notes", "origin",
]
# Free-text columns a spreadsheet could read as a formula; ours (dates, ids) are never touched.
_TEXT_COLUMNS = ("title", "summary", "status_reason", "tags", "place", "actors", "sources", "quotes", "notes", "slug")
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_TRIGGERS):
        return "'" + value
    return value


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


def write_csv(documents: Sequence[dict[str, Any]], stream: IO[str], *, raw: bool = False, **_options: Any) -> None:
    import pandas as pd

    frame = pd.DataFrame(event_rows(documents), columns=COLUMNS)
    if not raw:
        for column in _TEXT_COLUMNS:
            frame[column] = frame[column].map(_defuse)
    # The csv writer quotes only its own line ending, and a bare CR inside a cell would end the row
    # for every reader: when a cell has one, every cell is quoted.
    bare_cr = any(frame[column].str.contains("\r", regex=False, na=False).any()
                  for column in COLUMNS if not pd.api.types.is_numeric_dtype(frame[column]))
    frame.to_csv(stream, index=False, lineterminator="\n", quoting=csv.QUOTE_ALL if bare_cr else csv.QUOTE_MINIMAL)


def write_parquet(documents: Sequence[dict[str, Any]], stream: IO[bytes], **_options: Any) -> None:
    """Lossless and typed: no formula protection (Parquet is not opened by spreadsheets), ids as integers,
    coordinates as floats, every text column a string column even when all its cells are empty."""
    import pandas as pd

    frame = pd.DataFrame(event_rows(documents), columns=COLUMNS)
    typed = {column: "string" for column in COLUMNS} | {"id": "int64", "lat": "float64", "lon": "float64"}
    frame.astype(typed).to_parquet(stream, engine="pyarrow", index=False)

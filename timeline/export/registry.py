"""The export registry: format name -> writer. A new format is one entry here.

Owns format lookup; each writer lives in its own module and is imported when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any

from timeline.errors import InvalidValue

__all__ = ["WRITERS", "Writer", "export_documents", "export_rows", "writer_for"]

Documents = Sequence[dict[str, Any]]


@dataclass(frozen=True)
class Writer:
    name: str
    description: str
    suffix: str
    target: str  # "module:function" taking (documents, stream, **options)
    binary: bool = False  # the stream takes bytes, not text
    cites_sources: bool = False  # wants the full source records (option `sources`), not only citations
    # "module:function" taking (batches, stream, **options): flat rows written as they are read (see
    # timeline.export.tabular), for the tabular formats, whose memory must not grow with the chronology
    rows_target: str | None = None

    @property
    def streams_rows(self) -> bool:
        return self.rows_target is not None

    def load(self) -> Callable[..., Any]:
        return _function(self.target)

    def load_rows(self) -> Callable[..., int]:
        assert self.rows_target is not None, f"{self.name} writes documents only"
        return _function(self.rows_target)


def _function(target: str) -> Callable[..., Any]:
    module_name, function = target.split(":")
    return getattr(importlib.import_module(module_name), function)


WRITERS: dict[str, Writer] = {
    writer.name: writer
    for writer in (
        Writer("csv", "one row per event; spreadsheet-safe unless --raw", ".csv", "timeline.export.tabular:write_csv",
               rows_target="timeline.export.tabular:write_csv_rows"),
        Writer("json", "a JSON array of event documents", ".json", "timeline.export.jsonish:write_json"),
        Writer("jsonl", "one JSON event document per line", ".jsonl", "timeline.export.jsonish:write_jsonl"),
        Writer("parquet", "one row per event, typed columns, for analytics", ".parquet",
               "timeline.export.tabular:write_parquet", binary=True,
               rows_target="timeline.export.tabular:write_parquet_rows"),
        Writer("markdown", "a readable chronology by year and month with numbered source notes", ".md",
               "timeline.export.markdown:write_markdown"),
        Writer("html", "one self-contained page with a visual timeline, a filter and the sources", ".html",
               "timeline.export.page:write_html"),
        Writer("timelinejs", "JSON for Knight Lab's TimelineJS3", ".json", "timeline.export.timelinejs:write_timelinejs"),
        Writer("ics", "an iCalendar file: all-day events for day precision, spans for coarser dates", ".ics",
               "timeline.export.calendar:write_ics"),
        Writer("csl-json", "the cited sources as a CSL-JSON bibliography", ".json", "timeline.export.bibliography:write_csl_json",
               cites_sources=True),
        Writer("geojson", "a GeoJSON FeatureCollection of the events that have coordinates", ".geojson",
               "timeline.export.geo:write_geojson"),
        Writer("png", "a chart of the chronology in lanes by storyline", ".png", "timeline.export.chart:write_png",
               binary=True),
        Writer("svg", "the same chart as scalable vector graphics", ".svg", "timeline.export.chart:write_svg"),
    )
}


def writer_for(name: str) -> Writer:
    try:
        return WRITERS[name]
    except KeyError:
        raise InvalidValue("--format", name, "one of " + ", ".join(WRITERS)) from None


def export_documents(documents: Documents, format: str, stream: IO[Any], **options: Any) -> str | None:
    """Write the documents; returns what was written when it is not simply every event (e.g. '11 sources')."""
    return writer_for(format).load()(documents, stream, **options)


def export_rows(batches: Callable[[], Iterable[dict[str, list[Any]]]], format: str, stream: IO[Any], **options: Any) -> int:
    """Write flat event rows as they come (`batches()` gives them afresh each call); returns how many were written."""
    return writer_for(format).load_rows()(batches, stream, **options)

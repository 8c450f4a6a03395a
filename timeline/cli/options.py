"""Options shared by several commands, declared once.

Owns option names, help texts and choices; no behaviour.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from timeline.export.registry import WRITERS
from timeline.store.query import Match


class QueryFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


# Every writer in the export registry, so that a new format needs no change here.
ExportFormat = enum.Enum("ExportFormat", {name: name for name in WRITERS}, type=str)  # type: ignore[misc]
ChartFormat = enum.Enum("ChartFormat", {name: name for name in ("png", "svg")}, type=str)  # type: ignore[misc]


class ShowFormat(str, enum.Enum):
    text = "text"
    json = "json"


FILTERS_PANEL = "Filters"

DateFrom = Annotated[
    Optional[str],
    typer.Option("--from", help="Earliest date of the window (EDTF or '17 June 2022'); a partial date covers its whole span.",
                 rich_help_panel=FILTERS_PANEL),
]
DateTo = Annotated[
    Optional[str],
    typer.Option("--to", help="Latest date of the window; '--to 2022-08' means through 31 August.",
                 rich_help_panel=FILTERS_PANEL),
]
MatchOption = Annotated[
    Match,
    typer.Option("--match", help="overlaps: may have happened in the window; within: certainly entirely inside; "
                 "starts: certainly starts inside.", rich_help_panel=FILTERS_PANEL),
]
KindFilter = Annotated[Optional[list[str]], typer.Option("--kind", help="Event kind (repeat for any of several).",
                                               rich_help_panel=FILTERS_PANEL)]
TagFilter = Annotated[Optional[list[str]], typer.Option("--tag", help="Storyline or topic tag (repeatable).",
                                              rich_help_panel=FILTERS_PANEL)]
ActorFilter = Annotated[Optional[list[str]], typer.Option("--actor", help="Actor name or alias (repeatable).",
                                                rich_help_panel=FILTERS_PANEL)]
CountryFilter = Annotated[Optional[list[str]], typer.Option("--country", help="ISO country code of the place (repeatable).",
                                                  rich_help_panel=FILTERS_PANEL)]
StatusFilter = Annotated[Optional[list[str]], typer.Option("--status", help="confirmed, reported, disputed, denied or false "
                                                 "(repeatable).", rich_help_panel=FILTERS_PANEL)]
SourceFilter = Annotated[Optional[list[str]], typer.Option("--source", help="Cited by this source: id, key, URL or publisher "
                                                 "(repeatable).", rich_help_panel=FILTERS_PANEL)]
TextFilter = Annotated[Optional[str], typer.Option("--text", help="Words in the title, summary or a quote.",
                                                   rich_help_panel=FILTERS_PANEL)]
LimitOption = Annotated[Optional[int], typer.Option("--limit", help="At most this many events.",
                                                    rich_help_panel=FILTERS_PANEL)]
OutputPath = Annotated[Path, typer.Option("-o", "--output", help="File to write, or - for standard output.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
TitleOption = Annotated[str, typer.Option("--title", help="Heading of the page, chart or calendar.")]
ReasonOption = Annotated[Optional[str], typer.Option("--reason", help="Why: kept in the revision history.")]
DeletedOption = Annotated[bool, typer.Option("--deleted", help="The events in the trash instead of the live ones.",
                                             rich_help_panel=FILTERS_PANEL)]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", help="The chronology as it stood then "
                                                   "(a date or date and time, UTC).", rich_help_panel=FILTERS_PANEL)]

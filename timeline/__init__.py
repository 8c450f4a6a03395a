"""timeline: a sourced event chronology database.

The public library API. Nothing here imports typer, rich or pandas.

    >>> from timeline import Database, EventQuery, query_documents
    >>> db = Database.open("chronology.db")
    >>> with db.reading() as session:
    ...     events = query_documents(session=session, query=EventQuery(date_from="2022-06", date_to="2022-06"))
"""

from timeline.bootstrap import initialise, open_ready
from timeline.dates import FuzzyDate, Precision, parse_date, parse_edtf
from timeline.db import Database
from timeline.errors import (
    Conflict,
    DatabaseError,
    InvalidDate,
    InvalidValue,
    MissingSource,
    NotFound,
    TimelineError,
)
from timeline.store import (
    ActorRole,
    CitationInput,
    EventInput,
    EventQuery,
    LinkInput,
    Match,
    SourceInput,
    add_event,
    add_source,
    cite,
    event_document,
    get_event,
    get_source,
    list_sources,
    query_documents,
    query_events,
)

__all__ = [
    "ActorRole",
    "CitationInput",
    "Conflict",
    "Database",
    "DatabaseError",
    "EventInput",
    "EventQuery",
    "FuzzyDate",
    "InvalidDate",
    "InvalidValue",
    "LinkInput",
    "Match",
    "MissingSource",
    "NotFound",
    "Precision",
    "SourceInput",
    "TimelineError",
    "add_event",
    "add_source",
    "cite",
    "event_document",
    "get_event",
    "get_source",
    "initialise",
    "list_sources",
    "open_ready",
    "parse_date",
    "parse_edtf",
    "query_documents",
    "query_events",
]

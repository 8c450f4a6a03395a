"""All reads and writes of the chronology: keyword-only functions taking the session.

Owns the database work behind every command; it never prints or parses command lines.
"""

from timeline.store import search_index as _search_index  # noqa: F401  (keeps FTS in step)
from timeline.store.documents import event_document, event_documents
from timeline.store.events import (
    ActorRole,
    CitationInput,
    EventInput,
    LinkInput,
    add_event,
    cite,
    get_event,
    replace_event,
)
from timeline.store.query import (
    FILTERS,
    EventQuery,
    Match,
    count_events,
    query_documents,
    query_events,
    query_flat_rows,
)
from timeline.store.sources import (
    SourceInput,
    add_source,
    cited_sources,
    find_or_add_source,
    get_source,
    list_sources,
    source_document,
    update_source,
)

__all__ = [
    "FILTERS",
    "ActorRole",
    "CitationInput",
    "EventInput",
    "EventQuery",
    "LinkInput",
    "Match",
    "SourceInput",
    "add_event",
    "add_source",
    "cite",
    "cited_sources",
    "count_events",
    "event_document",
    "event_documents",
    "find_or_add_source",
    "get_event",
    "get_source",
    "list_sources",
    "query_documents",
    "query_events",
    "query_flat_rows",
    "replace_event",
    "source_document",
    "update_source",
]

"""The selected events as flat rows, in batches: one row per event with its tags, actors and citations joined into text.

Owns the batched read behind the tabular exports: one statement whose text columns the database builds, streamed
a batch at a time so memory stays bounded; never writes, never formats for a file (timeline.export.tabular does).

The columns are `timeline.export.tabular.COLUMNS` (tests/export/test_tabular_batches.py holds the two in step):
the same values `event_rows` makes from documents, `citations` the same compact JSON as `json.dumps`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, case, cast, func, literal, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from timeline.models import Actor, Citation, Event, EventActor, EventTag, Source, Tag
from timeline.store.documents import _iso, display_date

__all__ = ["BATCH_SIZE", "FlatBatch", "flat_row_batches"]

BATCH_SIZE = 20_000

# One batch: column name -> that column's values, in export order (column-wise, as Arrow and zip(*) want them).
FlatBatch = dict[str, list[Any]]

# The citation fields of an event document, in its key order (timeline.store.documents).
_CITATION_FIELDS: tuple[tuple[str, Any], ...] = (
    ("source_id", Source.id), ("source_key", Source.key), ("source_title", Source.title),
    ("publisher", Source.publisher), ("url", Source.url), ("published", Source.published), ("quote", Citation.quote),
    ("stance", Citation.stance), ("speaker", Citation.speaker), ("locator", Citation.locator),
    ("note", Citation.note), ("language", Citation.language), ("translation_note", Citation.translation_note),
    ("quote_start", Citation.quote_start), ("quote_end", Citation.quote_end),
)


def _json_value(value: Any, dialect: str) -> ColumnElement[str]:
    """A value as compact JSON text, escaped as Python's json module escapes it (both engines do: control
    characters as \\b \\f \\n \\r \\t or \\u00xx, everything else kept as it is)."""
    if dialect == "postgresql":
        return func.coalesce(cast(func.to_json(value), Text), "null")
    return func.json_quote(value)


def _citation_json(dialect: str) -> ColumnElement[str]:
    parts: list[Any] = []
    for number, (key, column) in enumerate(_CITATION_FIELDS):
        parts += [literal(("{" if number == 0 else ",") + f'"{key}":'), _json_value(column, dialect)]
    return func.concat(*parts, literal("}")) if dialect == "postgresql" else _concat(parts + [literal("}")])


def _concat(parts: list[Any]) -> ColumnElement[str]:
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(part)
    return joined


def _joined(value: Any, separator: str, order: Any, source: Select, dialect: str) -> ColumnElement[str]:
    """The values of an event's rows joined in `order`: '' when it has none, as str.join gives."""
    if dialect == "postgresql":
        aggregate = func.string_agg(value, aggregate_order_by(literal(separator), order))
        return func.coalesce(source.with_only_columns(aggregate).scalar_subquery(), "")
    # SQLite before 3.44 has no ORDER BY inside an aggregate: it joins the rows of an ordered subquery
    # in the order that subquery yields them (a single group, so no sort comes between).
    ordered = source.with_only_columns(value.label("value")).order_by(order).correlate(Event).subquery()
    return func.coalesce(select(func.group_concat(ordered.c.value, separator)).scalar_subquery(), "")


def _detail_columns(dialect: str) -> list[ColumnElement[Any]]:
    tags = select(Tag.name).join(EventTag, EventTag.tag_id == Tag.id).where(EventTag.event_id == Event.id)
    actors = select(Actor.name).join(EventActor, EventActor.actor_id == Actor.id).where(EventActor.event_id == Event.id)
    citations = (select(Citation.id).join(Source, Source.id == Citation.source_id)
                 .where(Citation.event_id == Event.id))
    label = case(
        (func.coalesce(Source.publisher, "") == "", Source.title),
        (func.coalesce(Source.title, "") == "", Source.publisher),
        else_=_concat([Source.publisher, literal(", "), Source.title]),
    )
    return [
        _joined(Tag.name, "; ", EventTag.position, tags, dialect).label("tags"),
        _joined(_concat([Actor.name, literal(" ("), EventActor.role, literal(")")]), "; ", EventActor.position,
                actors, dialect).label("actors"),
        _joined(func.coalesce(label, ""), " | ", Citation.id, citations, dialect).label("sources"),
        _joined(func.nullif(Source.url, ""), " ", Citation.id, citations, dialect).label("urls"),
        _joined(func.nullif(Citation.quote, ""), " | ", Citation.id, citations, dialect).label("quotes"),
        _concat([literal("["), _joined(_citation_json(dialect), ",", Citation.id, citations, dialect),
                 literal("]")]).label("citations"),
    ]


_EVENT_COLUMNS = (
    Event.id, Event.slug, Event.date, Event.start_earliest, Event.start_latest, Event.end_earliest, Event.end_latest,
    Event.precision, Event.title, Event.summary, Event.kind, Event.status,
    case((Event.status_manual, Event.status_reason), else_=None).label("status_reason"),
    Event.place, Event.country, Event.lat, Event.lon, Event.notes, Event.origin,
)
_NAMES = ("id", "slug", "date", "start_earliest", "start_latest", "end_earliest", "end_latest", "precision", "title",
          "summary", "kind", "status", "status_reason", "place", "country", "lat", "lon", "notes", "origin",
          "tags", "actors", "sources", "urls", "quotes", "citations")


def flat_row_batches(session: Session, ids_statement: Select, *, batch_size: int = BATCH_SIZE) -> Iterator[FlatBatch]:
    """The flat rows of the events `ids_statement` selects (a select of Event.id with its order and limit),
    `batch_size` at a time, in its order: one statement streamed from the server, whatever the number of events."""
    connection = session.connection()
    statement = ids_statement.with_only_columns(*_EVENT_COLUMNS, *_detail_columns(connection.dialect.name))
    result = connection.execution_options(stream_results=True, yield_per=batch_size).execute(statement)
    for rows in result.partitions(batch_size):
        columns = dict(zip(_NAMES, map(list, zip(*rows))))
        columns["display_date"] = [display_date(date) for date in columns["date"]]
        for name, latest in (("start_earliest", False), ("start_latest", True), ("end_earliest", False),
                             ("end_latest", True)):
            columns[name] = [_iso(seconds, latest) for seconds in columns[name]]
        yield columns

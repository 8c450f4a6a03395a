"""Querying events by date range and filters, in chronological order.

Owns the filter table shared by `query` and `export` and the date-match semantics;
it returns rows and documents, never formatted output.

Date matching, for a window [A, B] (each a fuzzy date covering its whole span):
    overlaps  the event may have happened inside:   start_earliest <= B and end_latest >= A
    within    it certainly lies entirely inside:    start_earliest >= A and end_latest <= B
    starts    it certainly starts inside:           start_earliest >= A and start_latest <= B
Order: earliest start, then latest end, then id.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, bindparam, exists, func, literal_column, or_, select, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from timeline.dates import MAX_BOUND, MIN_BOUND, window
from timeline.errors import InvalidValue
from timeline.models import Actor, Citation, Event, EventActor, EventTag, Source, Tag
from timeline.search import SearchQuery, fts5_expression, parse_query, tsquery_expression
from timeline.store.actors import ActorNames
from timeline.store.documents import EVENT_COLUMNS, documents_for, documents_from_sql, with_details
from timeline.store.flat_rows import BATCH_SIZE, FlatBatch, flat_row_batches
from timeline.store.ranges import match_condition, window_parameters
from timeline.vocab import Kind, Status, values

__all__ = [
    "FILTERS",
    "EventQuery",
    "Filter",
    "Match",
    "count_events",
    "event_ids_statement",
    "query_documents",
    "query_events",
    "query_flat_rows",
]


class Match(str, enum.Enum):
    OVERLAPS = "overlaps"
    WITHIN = "within"
    STARTS = "starts"


@dataclass
class EventQuery:
    """A query as the user states it: text values, checked when it runs."""

    date_from: str | None = None
    date_to: str | None = None
    match: Match | str = Match.OVERLAPS
    kind: Sequence[str] = ()
    tag: Sequence[str] = ()
    actor: Sequence[str] = ()
    country: Sequence[str] = ()
    status: Sequence[str] = ()
    source: Sequence[str] = ()
    text: str | None = None
    limit: int | None = None
    deleted: bool = False  # True: the events in the trash instead of the live ones
    as_of: str | None = None  # the chronology as it stood then (see timeline.store.history)

    def values_for(self, name: str) -> Sequence[str]:
        return getattr(self, name)


def _kind(values_: Sequence[str]) -> ColumnElement[bool]:
    return Event.kind.in_(values_)


def _status(values_: Sequence[str]) -> ColumnElement[bool]:
    return Event.status.in_(values_)


def _country(values_: Sequence[str]) -> ColumnElement[bool]:
    return Event.country.in_([v.upper() for v in values_])


def _tag(values_: Sequence[str]) -> ColumnElement[bool]:
    return exists().where(
        EventTag.event_id == Event.id, EventTag.tag_id == Tag.id, Tag.name.in_([v.lower() for v in values_])
    )


def _actor_ids(session: Session, values_: Sequence[str]) -> dict[str, list[int]]:
    names = ActorNames.load(session)
    return {value: names.matching(value) for value in values_}


def _source_condition(value: str) -> ColumnElement[bool]:
    text = value.strip()
    conditions: list[ColumnElement[bool]] = [
        Source.key == text,
        Source.url == text,
        func.lower(Source.publisher) == text.lower(),
    ]
    if text.isdigit():
        conditions.append(Source.id == int(text))
    return or_(*conditions)


def _source(values_: Sequence[str]) -> ColumnElement[bool]:
    return exists().where(
        Citation.event_id == Event.id,
        Citation.source_id == Source.id,
        or_(*[_source_condition(v) for v in values_]),
    )


@dataclass(frozen=True)
class Filter:
    """One query filter: its option name, what it matches, and the SQL it adds."""

    name: str
    description: str
    condition: Callable[[Sequence[str]], ColumnElement[bool]] | None
    known: Callable[[Session], list[str]] | None = None


def _known_tags(session: Session) -> list[str]:
    return list(session.scalars(select(Tag.name).order_by(Tag.name)))


def _known_countries(session: Session) -> list[str]:
    return list(session.scalars(select(Event.country).where(Event.country.is_not(None)).distinct().order_by(Event.country)))


FILTERS: tuple[Filter, ...] = (
    Filter("kind", "event kind, one of " + ", ".join(values(Kind)), _kind, lambda _s: values(Kind)),
    Filter("tag", "storyline or topic tag", _tag, _known_tags),
    Filter("actor", "actor name or alias", None),
    Filter("country", "ISO 3166-1 alpha-2 code of the place", _country, _known_countries),
    Filter("status", "status, one of " + ", ".join(values(Status)), _status, lambda _s: values(Status)),
    Filter("source", "source id, key, URL or publisher", _source),
)


def _check_known(session: Session, spec: Filter, given: Sequence[str]) -> None:
    if spec.known is None:
        return
    known = spec.known(session)
    folded = {k.casefold(): k for k in known}
    for value in given:
        if value.casefold() not in folded:
            shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
            raise InvalidValue(f"--{spec.name}", value, f"one of {shown}" if known else f"a {spec.description}")


def _state_conditions(deleted: bool) -> list[ColumnElement[bool]]:
    """Live events (neither in the trash nor merged away), or the trash."""
    if deleted:
        return [Event.deleted_at.is_not(None)]
    return [Event.deleted_at.is_(None), Event.merged_into_id.is_(None)]


def _given(query: EventQuery, spec: Filter) -> list[str]:
    return [v for v in query.values_for(spec.name) if v is not None and str(v).strip()]


def _conditions(session: Session, query: EventQuery) -> list[ColumnElement[bool]]:
    match = Match(query.match)
    low, high = window(query.date_from, query.date_to)
    conditions = _state_conditions(query.deleted)
    date_condition = match_condition(match.value, low, high)
    if date_condition is not None:
        conditions.append(date_condition)

    for spec in FILTERS:
        given = _given(query, spec)
        if not given:
            continue
        _check_known(session, spec, given)
        if spec.name == "actor":
            ids = _actor_ids(session, given)
            missing = [value for value, found in ids.items() if not found]
            if missing:
                raise InvalidValue("--actor", missing[0], "the name or alias of a known actor (see `timeline show`)")
            all_ids = sorted({i for found in ids.values() for i in found})
            conditions.append(exists().where(EventActor.event_id == Event.id, EventActor.actor_id.in_(all_ids)))
        elif spec.name == "source":
            for value in given:
                if session.scalar(select(Source.id).where(_source_condition(value)).limit(1)) is None:
                    raise InvalidValue("--source", value, "the id, key, URL or publisher of a stored source")
            conditions.append(_source(given))
        else:
            assert spec.condition is not None
            conditions.append(spec.condition(given))

    if query.text is not None:
        conditions.append(_text_condition(session, parse_query(query.text)))
    return conditions


def _text_condition(session: Session, search: SearchQuery) -> ColumnElement[bool]:
    """Full-text match through the engine's own index: FTS5 on SQLite, GIN over tsvector on PostgreSQL."""
    if session.get_bind().dialect.name == "sqlite":
        matches = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :fts_query").bindparams(
            fts_query=fts5_expression(search)
        ).columns(rowid=Integer)
        return Event.id.in_(matches)
    # The literal config makes the expression identical to the one the GIN index is built on.
    config = literal_column("'simple'::regconfig")
    return func.to_tsvector(config, Event.search_text).op("@@")(
        func.to_tsquery(config, tsquery_expression(search))
    )


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise InvalidValue("--limit", limit, "a whole number of at least 1")


_CHRONOLOGICAL = (Event.start_earliest, Event.end_latest, Event.id)


def event_ids_statement(*, session: Session, query: EventQuery) -> Select[tuple[int]]:
    """The SELECT of matching event ids in chronological order: what every query runs."""
    _check_limit(query.limit)
    statement = (
        select(Event.id)
        .where(and_(True, *_conditions(session, query)))
        .order_by(*_CHRONOLOGICAL)
    )
    return statement.limit(query.limit) if query.limit else statement


def query_events(*, session: Session, query: EventQuery) -> list[Event]:
    """The matching events as ORM objects with their details loaded, oldest first."""
    ids = list(session.scalars(event_ids_statement(session=session, query=query)))
    found = {event.id: event for event in session.scalars(with_details(select(Event).where(Event.id.in_(ids))))}
    return [found[event_id] for event_id in ids]


def query_documents(*, session: Session, query: EventQuery) -> list[dict[str, Any]]:
    """The matching events as JSON-ready documents, oldest first (as they stood then, with `as_of`)."""
    if query.as_of is not None:
        from timeline.store.history import as_of_documents, moment

        _check_limit(query.limit)
        return as_of_documents(session=session, query=query, when=moment(query.as_of))
    if query.text is None and not any(_given(query, spec) for spec in FILTERS):
        return _window_documents(session, query)
    return documents_for(session, event_ids_statement(session=session, query=query))


def _window_documents(session: Session, query: EventQuery) -> list[dict[str, Any]]:
    """A query by date window alone, the commonest, through SQL compiled once per shape of window."""
    _check_limit(query.limit)
    match = Match(query.match)
    low, high = window(query.date_from, query.date_to)
    dialect = session.get_bind().dialect
    sql, names, fixed = _window_sql(dialect, match.value, low == MIN_BOUND, high == MAX_BOUND, query.deleted,
                                    query.limit is not None)
    values = {**fixed, **window_parameters(low, high), "limit": query.limit}
    return documents_from_sql(session, sql, [values[name] for name in names] if names is not None else values)


@lru_cache(maxsize=64)
def _window_sql(dialect: Dialect, match: str, low_open: bool, high_open: bool, deleted: bool,
                limited: bool) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
    """The SQL of a window query; for positional drivers, the order of its parameters; and the values
    of parameters the compiler added itself (SQLite's OFFSET beside a bound LIMIT).

    The window's values are named parameters (see timeline.store.ranges), so the text depends
    only on the arguments here; the same statement as `event_ids_statement` would build.
    """
    low, high = (MIN_BOUND if low_open else 0), (MAX_BOUND if high_open else 0)
    date_condition = match_condition(match, low, high)
    conditions = _state_conditions(deleted) + ([date_condition] if date_condition is not None else [])
    statement = select(*EVENT_COLUMNS).where(and_(*conditions)).order_by(*_CHRONOLOGICAL)
    if limited:
        statement = statement.limit(bindparam("limit", 1, type_=Integer))  # the value is given per query
    compiled = statement.compile(dialect=dialect)
    return str(compiled), compiled.positiontup, compiled.construct_params()


def query_flat_rows(*, session: Session, query: EventQuery, batch_size: int = BATCH_SIZE) -> Iterator[FlatBatch]:
    """The matching events as flat rows (timeline.store.flat_rows), oldest first, `batch_size` at a time.

    The chronology as it stands: a past one (`as_of`) is rebuilt from revisions as documents only.
    """
    if query.as_of is not None:
        raise ValueError("flat rows are read from the current chronology; use query_documents for as_of")
    return flat_row_batches(session, event_ids_statement(session=session, query=query), batch_size=batch_size)


def count_events(*, session: Session, query: EventQuery) -> int:
    statement = select(func.count(Event.id)).where(and_(True, *_conditions(session, query)))
    return int(session.scalar(statement) or 0)

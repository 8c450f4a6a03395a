"""The database model: events, sources, citations, actors, tags, links, revisions, candidates.

Owns table definitions and constraint names; Alembic creates the tables, nothing here queries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from timeline.vocab import Kind, Origin, Relation, ReviewState, Stance, Status, values

__all__ = [
    "Actor",
    "Base",
    "Candidate",
    "Citation",
    "Event",
    "EventActor",
    "EventLink",
    "EventTag",
    "Revision",
    "Source",
    "Tag",
    "utcnow",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The Alembic revision these models describe; tests/migrations holds it equal to the head.
SCHEMA_REVISION = "0004"

# Search structures made by migrations for one engine only; autogenerate leaves them alone.
ENGINE_SPECIFIC_NAMES = frozenset({"events_fts", "ix_events_search"})


def is_engine_specific(name: str | None) -> bool:
    return name is not None and (name in ENGINE_SPECIFIC_NAMES or name.startswith("events_fts_"))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _one_of(column: str, enum_type: type) -> str:
    allowed = ", ".join(f"'{value}'" for value in values(enum_type))
    return f"{column} IN ({allowed})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Source(Base):
    """A document that reports events: article, statement, post, video, dataset."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str | None] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(40), default="article")
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300))
    author: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    published: Mapped[str | None] = mapped_column(String(100))  # EDTF
    accessed: Mapped[str | None] = mapped_column(String(40))  # ISO date
    language: Mapped[str | None] = mapped_column(String(20))
    archive_url: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Actor(Base):
    """A person, organisation, state, medium or group that takes part in events."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(2))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Event(Base):
    """Something that happened, or is claimed to have happened, with a fuzzy date.

    The four bound columns are seconds since 1970-01-01 UTC (see timeline.dates),
    inclusive, with ±2**62 standing for an open or unknown end.
    """

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(_one_of("status", Status), name="status"),
        CheckConstraint(_one_of("kind", Kind), name="kind"),
        CheckConstraint(_one_of("origin", Origin), name="origin"),
        CheckConstraint("start_earliest <= start_latest", name="start_ordered"),
        CheckConstraint("end_earliest <= end_latest", name="end_ordered"),
        CheckConstraint("start_earliest <= end_earliest", name="start_before_end"),
        # Chronological order, and `start_earliest` ranges for within/starts.
        Index("ix_events_chronology", "start_earliest", "end_latest", "id"),
        # Bounded overlap scans per duration class (timeline/store/ranges.py).
        Index("ix_events_span_class_start", "span_class", "start_earliest", "end_latest"),
        # Only merged events: a full index here looked to SQLite like a cheap filter on live ones
        # (`merged_into_id IS NULL`) and won over the date indexes (migrations 0004).
        Index("ix_events_merged_into_id", "merged_into_id", sqlite_where=text("merged_into_id IS NOT NULL"),
              postgresql_where=text("merged_into_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str] = mapped_column(String(200))  # EDTF text as entered, canonicalised
    start_earliest: Mapped[int] = mapped_column(BigInteger)
    start_latest: Mapped[int] = mapped_column(BigInteger)
    end_earliest: Mapped[int] = mapped_column(BigInteger)
    end_latest: Mapped[int] = mapped_column(BigInteger)
    precision: Mapped[str] = mapped_column(String(20))
    span_class: Mapped[int] = mapped_column(SmallInteger, server_default="6")
    # Title, summary and quotes as search tokens (timeline/search.py), indexed by FTS5 or GIN.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    kind: Mapped[str] = mapped_column(String(40), default=Kind.OTHER.value)
    place: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default=Status.REPORTED.value)
    status_manual: Mapped[bool] = mapped_column(Boolean, default=False)
    status_reason: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default=Origin.CURATED.value)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when this event was merged into another: it then redirects there (a same_as link).
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL", name="fk_events_merged_into_id_events")
    )

    citations: Mapped[list[Citation]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Citation.id"
    )
    actor_roles: Mapped[list[EventActor]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventActor.position"
    )
    tag_rows: Mapped[list[EventTag]] = relationship(
        cascade="all, delete-orphan", order_by="EventTag.position"
    )


class EventTag(Base):
    __tablename__ = "event_tags"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    tag: Mapped[Tag] = relationship(lazy="joined")


class EventActor(Base):
    """An actor's part in an event (speaker, subject, organiser ...)."""

    __tablename__ = "event_actors"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(60), primary_key=True, default="participant")
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="actor_roles")
    actor: Mapped[Actor] = relationship(lazy="joined")


class Citation(Base):
    """The evidence link between an event and a source, with what the source says."""

    __tablename__ = "citations"
    __table_args__ = (CheckConstraint(_one_of("stance", Stance), name="stance"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    quote: Mapped[str | None] = mapped_column(Text)
    locator: Mapped[str | None] = mapped_column(String(200))
    quote_start: Mapped[int | None] = mapped_column(Integer)
    quote_end: Mapped[int | None] = mapped_column(Integer)
    stance: Mapped[str] = mapped_column(String(20), default=Stance.REPORTS.value)
    speaker: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(20))
    translation_note: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    event: Mapped[Event] = relationship(back_populates="citations")
    # No back-reference: a citation built for comparison must not be pulled into the
    # session through its source.
    source: Mapped[Source] = relationship(lazy="joined")


class EventLink(Base):
    """A typed edge `from_event RELATION to_event`."""

    __tablename__ = "event_links"
    __table_args__ = (
        CheckConstraint(_one_of("relation", Relation), name="relation"),
        CheckConstraint("from_event_id <> to_event_id", name="not_self"),
        UniqueConstraint("from_event_id", "relation", "to_event_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    relation: Mapped[str] = mapped_column(String(20))
    to_event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Revision(Base):
    """One recorded write: what changed, when, by whom and why.

    `before` and `after` are full JSON documents of the record (an event with its
    citations, tags, actors and links), so any past state can be rebuilt.
    """

    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))  # event | source | citation | link
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete | restore | ...
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    author: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class Candidate(Base):
    """An event proposed by the article parser, waiting for review."""

    __tablename__ = "candidates"
    __table_args__ = (CheckConstraint(_one_of("review_state", ReviewState), name="review_state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    date: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    quote_start: Mapped[int | None] = mapped_column(Integer)
    quote_end: Mapped[int | None] = mapped_column(Integer)
    actors: Mapped[list[str]] = mapped_column(JSON, default=list)
    places: Mapped[list[str]] = mapped_column(JSON, default=list)
    match_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    match_score: Mapped[float | None] = mapped_column(Float)
    review_state: Mapped[str] = mapped_column(String(20), default=ReviewState.PENDING.value, index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

"""Events: adding them with their sources, citing, finding by id or slug.

Owns event, citation, tag, actor-role and link rows and their revisions; no output here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from sqlalchemy import select
from sqlalchemy.orm import Session

from timeline.dates import FuzzyDate
from timeline.errors import Conflict, InvalidValue, MissingSource, NotFound
from timeline.models import Actor, Citation, Event, EventActor, EventLink, EventTag, Source, Tag, utcnow
from timeline.search import document_text
from timeline.status import derive_status, publisher_of
from timeline.store import validate
from timeline.store.actors import ActorNames
from timeline.store.documents import event_document, with_details
from timeline.store.ranges import span_class
from timeline.store.revisions import record_revision
from timeline.store.slugs import first_free, readable_slug, stored_taken
from timeline.store.sources import SourceInput, find_or_add_source, get_source
from timeline.vocab import Kind, Origin, Relation, Stance, Status

__all__ = [
    "ActorRole",
    "CitationInput",
    "EventInput",
    "LinkInput",
    "add_event",
    "cite",
    "find_event",
    "get_event",
    "make_slug",
    "refresh_derived",
    "replace_event",
]

_TAG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


@dataclass
class ActorRole:
    name: str
    role: str = "participant"


@dataclass
class CitationInput:
    """One piece of evidence: a stored source (id, key or URL) or a new one, and what it says."""

    source: int | str | SourceInput
    stance: str = Stance.REPORTS.value
    quote: str | None = None
    speaker: str | None = None
    locator: str | None = None
    note: str | None = None
    language: str | None = None
    translation_note: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None


@dataclass
class LinkInput:
    relation: str
    target: str  # id or slug of the other event


@dataclass
class EventInput:
    """Everything an event can be given when it is added."""

    title: str
    date: str
    summary: str | None = None
    slug: str | None = None
    kind: str = Kind.OTHER.value
    tags: Sequence[str] = ()
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    actors: Sequence[ActorRole] = ()
    notes: str | None = None
    status: str | None = None
    status_reason: str | None = None
    origin: str = Origin.CURATED.value
    citations: Sequence[CitationInput] = ()
    links: Sequence[LinkInput] = field(default_factory=list)


def make_slug(date: FuzzyDate, title: str) -> str:
    """A readable slug: the start date as written, then up to seven words of the title."""
    stem = date.edtf.split("/")[0].strip("[]").split("..")[0]
    stem = re.sub(r"[^0-9-]", "", stem.split("T")[0]).strip("-") or "undated"
    return readable_slug(stem, title, empty="event")


def _unique_slug(session: Session, base: str) -> str:
    return first_free(base, stored_taken(session, Event.slug, [base]))


def find_event(*, session: Session, ref: str | int) -> Event:
    """An event by numeric id or slug, whatever its state (live, in the trash, or merged)."""
    text = str(ref).strip()
    statement = with_details(select(Event))
    statement = statement.where(Event.id == int(text)) if text.isdigit() else statement.where(Event.slug == text)
    event = session.scalar(statement)
    if event is None:
        raise NotFound("event", ref, "give an id or slug from `timeline query`")
    return event


def get_event(*, session: Session, ref: str | int, include_deleted: bool = False) -> Event:
    """A live event by id or slug; a merged event leads to the event it was merged into."""
    event = find_event(session=session, ref=ref)
    seen = {event.id}
    while event.merged_into_id is not None and event.merged_into_id not in seen:
        seen.add(event.merged_into_id)
        event = find_event(session=session, ref=event.merged_into_id)
    if event.deleted_at is not None and not include_deleted:
        raise NotFound("event", ref, "it is in the trash; `timeline restore` brings it back")
    return event


def _tag(session: Session, name: str) -> Tag:
    tag = session.scalar(select(Tag).where(Tag.name == name))
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
    return tag


@lru_cache(maxsize=4096)
def clean_tag(value: str) -> str:
    name = value.strip().lower().replace(" ", "-")
    if not _TAG.fullmatch(name) or len(name) > 100:
        raise InvalidValue("tag", value, "lowercase words joined by hyphens, e.g. cpc-pipeline")
    return name


def find_actor(session: Session, name: str) -> Actor | None:
    """The stored actor `name` means (see timeline.store.actors), or None."""
    actor = session.scalar(select(Actor).where(Actor.name == name))  # the common case, without loading all
    if actor is not None:
        return actor
    actor_id = ActorNames.load(session).resolve(name)
    return None if actor_id is None else session.get(Actor, actor_id)


def _actor(session: Session, name: str) -> Actor:
    actor = find_actor(session, name)
    if actor is None:
        actor = Actor(name=name, aliases=[])
        session.add(actor)
        session.flush()
    return actor


def _source_for(session: Session, ref: int | str | SourceInput, reason: str | None) -> Source:
    if isinstance(ref, SourceInput):
        source, _ = find_or_add_source(session=session, source=ref, reason=reason)
        return source
    return get_source(session=session, ref=ref)


def _citation(session: Session, given: CitationInput, reason: str | None) -> Citation:
    source = _source_for(session, given.source, reason)
    return Citation(
        source=source,
        stance=validate.one_of("stance", given.stance, Stance),
        quote=validate.optional_text("quote", given.quote, limit=2_000),
        speaker=validate.optional_text("speaker", given.speaker, limit=300),
        locator=validate.optional_text("locator", given.locator, limit=200),
        note=validate.optional_text("citation note", given.note),
        language=validate.language_code(given.language),
        translation_note=validate.optional_text("translation note", given.translation_note),
        quote_start=given.quote_start,
        quote_end=given.quote_end,
    )


def refresh_derived(event: Event) -> None:
    """Re-derive what follows from the citations: the search text, and the status unless set by hand."""
    event.search_text = document_text([event.title, event.summary, *(c.quote for c in event.citations)])
    if event.status_manual:
        return
    pairs = [(c.stance, publisher_of(c.source.id, c.source.publisher)) for c in event.citations]
    event.status = derive_status(pairs).value


@dataclass
class CleanEvent:
    """An EventInput checked and normalised: column values, tags and actor roles."""

    columns: dict[str, Any]
    fuzzy: FuzzyDate
    tags: list[str]
    actors: list[tuple[str, str]]


def clean_event(given: EventInput) -> CleanEvent:
    """Check every field of an event; raises InvalidValue naming the first bad one."""
    fuzzy = validate.date_value("date", given.date)
    lat = validate.coordinate("lat", given.lat, 90)
    lon = validate.coordinate("lon", given.lon, 180)
    if (lat is None) != (lon is None):
        raise InvalidValue("lat/lon", f"{given.lat}/{given.lon}", "both a latitude and a longitude, or neither")
    columns: dict[str, Any] = {
        "title": validate.clean_text("title", given.title, limit=validate.MAX_TITLE),
        "summary": None if given.summary is None else validate.optional_text("summary", given.summary),
        "notes": None if given.notes is None else validate.optional_text("notes", given.notes),
        "date": fuzzy.edtf,
        "start_earliest": fuzzy.start_earliest,
        "start_latest": fuzzy.start_latest,
        "end_earliest": fuzzy.end_earliest,
        "end_latest": fuzzy.end_latest,
        "precision": fuzzy.precision.value,
        "span_class": span_class(fuzzy.start_earliest, fuzzy.end_latest),
        "kind": validate.one_of("kind", given.kind or Kind.OTHER.value, Kind),
        "place": None if given.place is None else validate.optional_text("place", given.place, limit=300),
        "country": validate.country_code(given.country),
        "lat": lat,
        "lon": lon,
        "origin": validate.one_of("origin", given.origin, Origin),
        "status_manual": False,
        "status_reason": None,
    }
    if given.status:
        columns["status"] = validate.one_of("status", given.status, Status)
        columns["status_reason"] = validate.optional_text("status reason", given.status_reason)
        if columns["status_reason"] is None:
            raise InvalidValue("status reason", "", "a reason whenever a status is set by hand")
        columns["status_manual"] = True
    actors: list[tuple[str, str]] = []
    for actor_role in given.actors:
        name = validate.clean_text("actor", actor_role.name, limit=300)
        role = validate.clean_text("actor role", actor_role.role or "participant", limit=60)
        actors.append((name, role))  # type: ignore[arg-type]
    tags = list(dict.fromkeys(clean_tag(tag) for tag in given.tags))
    return CleanEvent(columns=columns, fuzzy=fuzzy, tags=tags, actors=actors)


def _apply_fields(session: Session, event: Event, given: EventInput) -> CleanEvent:
    clean = clean_event(given)
    for column, value in clean.columns.items():
        setattr(event, column, value)

    # Reuse the association rows that stay, so an unchanged event flushes nothing.
    old_tags = {row.tag.name: row for row in event.tag_rows}
    tag_rows = []
    for position, name in enumerate(clean.tags):
        tag_row = old_tags.get(name) or EventTag(tag=_tag(session, name))
        tag_row.position = position
        tag_rows.append(tag_row)
    event.tag_rows = tag_rows
    old_roles = {(row.actor.id, row.role): row for row in event.actor_roles}
    roles: dict[tuple[int, str], EventActor] = {}
    for name, role in clean.actors:
        actor = _actor(session, name)
        key = (actor.id, role)
        if key not in roles:
            roles[key] = old_roles.get(key) or EventActor(actor=actor, role=role)
            roles[key].position = len(roles) - 1
    event.actor_roles = list(roles.values())
    return clean


def _link_target(session: Session, ref: str) -> Event:
    return get_event(session=session, ref=ref)


def _add_links(session: Session, event: Event, links: Sequence[LinkInput]) -> None:
    for link in links:
        relation = validate.one_of("relation", link.relation, Relation)
        target = _link_target(session, link.target)
        if target.id == event.id:
            raise InvalidValue("link", link.target, "another event (an event cannot link to itself)")
        exists = session.scalar(
            select(EventLink.id).where(
                EventLink.from_event_id == event.id,
                EventLink.relation == relation,
                EventLink.to_event_id == target.id,
            )
        )
        if exists is None:
            session.add(EventLink(from_event_id=event.id, relation=relation, to_event_id=target.id))
    session.flush()


def add_event(*, session: Session, event: EventInput, reason: str | None = None) -> Event:
    """Add a sourced event; refuses one without a source, with a taken slug, or with a bad field."""
    if not event.citations:
        raise MissingSource()
    if event.slug:
        slug = validate.slug_value(event.slug)
        if session.scalar(select(Event.id).where(Event.slug == slug)) is not None:
            raise Conflict("slug", slug, "is already used by another event; choose another --slug")
    else:
        slug = None
    row = Event(slug=slug or "", created_at=utcnow(), updated_at=utcnow())
    clean = _apply_fields(session, row, event)
    if slug is None:
        row.slug = _unique_slug(session, make_slug(clean.fuzzy, row.title))
    session.add(row)
    row.citations = [_citation(session, given, reason) for given in event.citations]
    refresh_derived(row)
    session.flush()
    _add_links(session, row, event.links)
    record_revision(
        session=session, entity="event", entity_id=row.id, action="create",
        before=None, after=event_document(session, row), reason=reason,
    )
    return row


def cite(*, session: Session, event_ref: str | int, citation: CitationInput, reason: str | None = None) -> Citation:
    """Add a citation to an event and re-derive its status."""
    event = get_event(session=session, ref=event_ref)
    before = event_document(session, event)
    row = _citation(session, citation, reason)
    event.citations.append(row)
    refresh_derived(event)
    event.updated_at = utcnow()
    session.flush()
    record_revision(
        session=session, entity="event", entity_id=event.id, action="cite",
        before=before, after=event_document(session, event), reason=reason,
    )
    return row


def _citation_key(citation: Citation) -> tuple:
    return (
        citation.source.id, citation.stance, citation.quote, citation.speaker, citation.locator,
        citation.note, citation.language, citation.translation_note, citation.quote_start, citation.quote_end,
    )


def replace_event(
    *,
    session: Session,
    ref: str | int,
    event: EventInput,
    reason: str | None = None,
    action: str = "update",
    change_slug: bool = False,
    author: str | None = None,
) -> bool:
    """Make a stored event equal to `event` (fields, citations, links out); True if anything changed.

    Unchanged citations keep their rows; a revision (named `action`) is recorded only for a
    real change. The slug changes only when `change_slug` is set.
    """
    row = get_event(session=session, ref=ref)
    if not event.citations:
        raise MissingSource()
    before = event_document(session, row)
    if change_slug and event.slug and event.slug != row.slug:
        slug = validate.slug_value(event.slug)
        if session.scalar(select(Event.id).where(Event.slug == slug)) is not None:
            raise Conflict("slug", slug, "is already used by another event; choose another --slug")
        row.slug = slug
    _apply_fields(session, row, event)
    wanted = [_citation(session, given, reason) for given in event.citations]
    kept: dict[tuple, list[Citation]] = {}
    for stored in row.citations:
        kept.setdefault(_citation_key(stored), []).append(stored)
    merged = []
    for citation in wanted:
        same = kept.get(_citation_key(citation))
        merged.append(same.pop(0) if same else citation)
    row.citations = merged
    refresh_derived(row)
    session.flush()
    targets = {(link.relation, _link_target(session, link.target).id) for link in event.links}
    for link in session.scalars(select(EventLink).where(EventLink.from_event_id == row.id)):
        if (link.relation, link.to_event_id) not in targets:
            session.delete(link)
    session.flush()
    _add_links(session, row, event.links)
    after = event_document(session, row)
    if after == before:
        return False
    row.updated_at = utcnow()
    record_revision(
        session=session, entity="event", entity_id=row.id, action=action,
        before=before, after=after, reason=reason, author=author,
    )
    return True

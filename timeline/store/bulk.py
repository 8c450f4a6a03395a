"""Bulk loading: many sourced events in one transaction, streamed in batches, validated on the way.

Owns the fast insert path that `import`, the seeds and the benchmarks use: driver-level
executemany on SQLite and COPY on PostgreSQL, never one ORM object per row. Events whose
slug is already stored are compared and, when different, replaced through the ORM path
(with a revision); identical ones are left alone, so loading the same data twice changes
nothing.

A bulk-created event records a `create` revision whose `after` is empty: the state it
created is the `before` of its next revision, or its current state if it has none.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session, aliased

from timeline.errors import InvalidValue, NotFound, TimelineError
from timeline.models import Actor, Citation, Event, EventActor, EventLink, EventTag, Source, Tag, utcnow
from timeline.search import document_text
from timeline.status import derive_status, publisher_of
from timeline.store import validate
from timeline.store.actors import ActorNames
from timeline.store.events import (
    CitationInput,
    EventInput,
    clean_event,
    get_event,
    make_slug,
    replace_event,
)
from timeline.store.revisions import current_author
from timeline.store.slugs import first_free, stored_taken
from timeline.store.sources import SourceInput
from timeline.vocab import Relation, Stance

__all__ = ["LoadReport", "load_events"]

BATCH_SIZE = 5_000
# Events added in one load after which PostgreSQL's statistics are refreshed before commit.
ANALYZE_AFTER = 10_000

_EVENT_COLUMNS = (
    "id", "slug", "title", "summary", "notes", "date", "start_earliest", "start_latest", "end_earliest",
    "end_latest", "precision", "span_class", "search_text", "kind", "place", "country", "lat", "lon", "status",
    "status_manual", "status_reason", "origin", "created_at", "updated_at",
)
_event_row = itemgetter(*_EVENT_COLUMNS)
_CITATION_COLUMNS = (
    "event_id", "source_id", "quote", "locator", "quote_start", "quote_end", "stance", "speaker", "language",
    "translation_note", "note", "created_at",
)
_CITED_COLUMNS = _CITATION_COLUMNS[1:-1]
_SOURCE_COLUMNS = (
    "id", "key", "type", "title", "publisher", "author", "url", "published", "accessed", "language",
    "archive_url", "via", "note", "text", "sha256", "created_at", "updated_at",
)
_REVISION_COLUMNS = ("entity", "entity_id", "action", "author", "reason", "created_at")


@dataclass
class LoadReport:
    added_slugs: list[str] = field(default_factory=list)
    changed_slugs: list[str] = field(default_factory=list)
    unchanged: int = 0
    sources_added: int = 0

    @property
    def added(self) -> int:
        return len(self.added_slugs)

    @property
    def changed(self) -> int:
        return len(self.changed_slugs)

    @property
    def total(self) -> int:
        return self.added + self.changed + self.unchanged


class _Writer:
    """Inserts plain rows the fastest way each engine offers."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.sqlite = connection.dialect.name == "sqlite"
        self.raw = connection.connection.driver_connection

    def insert(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        names = ", ".join(columns)
        if self.sqlite:
            marks = ", ".join("?" * len(columns))
            self.raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            return
        with self.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def timestamp(self, moment: dt.datetime) -> dt.datetime | str:
        """A time as the column expects it: SQLAlchemy keeps SQLite times as naive ISO text."""
        if self.sqlite:
            return moment.replace(tzinfo=None).isoformat(" ", "microseconds")
        return moment

    def next_ids(self, table: str, count: int) -> list[int]:
        """Ids for rows about to be inserted, taken under the write lock (SQLite) or from the sequence."""
        if count == 0:
            return []
        if self.sqlite:
            first = self.connection.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")).scalar_one()
            return list(range(first, first + count))
        return list(self.connection.execute(
            text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)"),
            {"n": count},
        ).scalars())


class _Names:
    """Name -> id caches for sources, tags and actors, filled from the database on demand."""

    def __init__(self, session: Session, writer: _Writer, now: dt.datetime | str, reason: str | None,
                 author: str) -> None:
        self.session, self.writer, self.now, self.reason, self.author = session, writer, now, reason, author
        self.source_by_ref: dict[str, int] = {}
        # Keyed by a described source's first identity (key, else URL, else text hash).
        self.source_by_input: dict[str, int] = {}
        self.publisher: dict[int, str] = {}
        self.tags: dict[str, int] = {}
        self.actors: dict[str, int] = {}
        self.actor_names: ActorNames | None = None
        self.sources_added = 0
        self._described: dict[tuple[str | None, str | None, str | None], tuple[dict[str, Any], list[str]]] = {}

    def _describe(self, given: SourceInput) -> tuple[dict[str, Any], list[str]]:
        """A described source's checked fields and identities (strongest first), worked out once
        however many events cite it: a large file cites the same sources again and again."""
        identity = (given.key, given.url, given.sha256)
        described = self._described.get(identity)
        if described is None:
            fields = given.clean()
            described = self._described[identity] = (fields, _identities(fields))
        return described

    # -- sources ---------------------------------------------------------------------------
    def check_source(self, given: SourceInput) -> None:
        """Check a described source where the event that gives it is read, so errors name that event."""
        if not self._describe(given)[1]:
            raise InvalidValue("source", given.title, "a new source with a url or a key")

    def _remember_source(self, source_id: int, key: str | None, url: str | None, publisher: str | None) -> None:
        for ref in (str(source_id), key, url):
            if ref:
                self.source_by_ref[ref] = source_id
        self.publisher[source_id] = publisher_of(source_id, publisher)

    def resolve_sources(self, refs: Iterable[int | str | SourceInput]) -> None:
        """Make sure every referenced source is known: stored ones are looked up, new ones added.

        A described source is the stored one sharing any of its key, URL or text hash, so a
        file that names a known URL under a new key still cites the source already there.
        """
        wanted_refs: set[str] = set()
        described: dict[str, dict[str, Any]] = {}
        for ref in refs:
            if isinstance(ref, SourceInput):
                fields, identities = self._describe(ref)
                if identities[0] not in self.source_by_input:
                    described.setdefault(identities[0], fields)
                    wanted_refs.update(identities)
            else:
                wanted_refs.add(str(ref))
        wanted_refs -= self.source_by_ref.keys()
        if wanted_refs:
            refs_list = sorted(wanted_refs)
            ids = [int(r) for r in refs_list if r.isdigit()]
            rows = self.session.execute(
                select(Source.id, Source.key, Source.url, Source.publisher).where(
                    Source.key.in_(refs_list) | Source.url.in_(refs_list) | Source.sha256.in_(refs_list)
                    | Source.id.in_(ids)
                )
            )
            for source_id, key, url, publisher in rows:
                self._remember_source(source_id, key, url, publisher)
        new: list[str] = []
        twins: list[tuple[str, str]] = []
        claimed: dict[str, str] = {}
        for natural, fields in described.items():
            identities = _identities(fields)
            stored = next((self.source_by_ref[i] for i in identities if i in self.source_by_ref), None)
            if stored is not None:
                self.source_by_input[natural] = stored
                continue
            twin = next((claimed[i] for i in identities if i in claimed), None)
            if twin is not None:
                twins.append((natural, twin))
                continue
            claimed.update(dict.fromkeys(identities, natural))
            new.append(natural)
        ids = self.writer.next_ids("sources", len(new))
        rows = []
        for source_id, natural in zip(ids, new):
            fields = described[natural]
            rows.append(tuple(
                source_id if c == "id" else self.now if c in ("created_at", "updated_at") else fields.get(c)
                for c in _SOURCE_COLUMNS
            ))
            self._remember_source(source_id, fields["key"], fields["url"], fields["publisher"])
            self.source_by_input[natural] = source_id
        for natural, twin in twins:
            self.source_by_input[natural] = self.source_by_input[twin]
        self.writer.insert("sources", _SOURCE_COLUMNS, rows)
        self.writer.insert("revisions", _REVISION_COLUMNS,
                           [("source", i, "create", self.author, self.reason, self.now) for i in ids])
        self.sources_added += len(ids)

    def source_id(self, ref: int | str | SourceInput) -> int:
        if isinstance(ref, SourceInput):
            return self.source_by_input[self._describe(ref)[1][0]]
        try:
            return self.source_by_ref[str(ref)]
        except KeyError:
            raise NotFound("source", ref, "see `timeline sources list`") from None

    # -- tags and actors -------------------------------------------------------------------
    def tag_ids(self, names: set[str]) -> None:
        unknown = sorted(names - self.tags.keys())
        if not unknown:
            return
        for tag_id, name in self.session.execute(select(Tag.id, Tag.name).where(Tag.name.in_(unknown))):
            self.tags[name] = tag_id
        missing = [name for name in unknown if name not in self.tags]
        ids = self.writer.next_ids("tags", len(missing))
        self.writer.insert("tags", ("id", "name"), list(zip(ids, missing)))
        self.tags.update(zip(missing, ids))

    def actor_ids(self, names: set[str]) -> None:
        unknown = sorted(names - self.actors.keys())
        if not unknown:
            return
        if self.actor_names is None:
            self.actor_names = ActorNames.load(self.session)
        missing = []
        for name in unknown:
            known = self.actor_names.resolve(name)
            if known is not None:
                self.actors[name] = known
            else:
                missing.append(name)
        ids = self.writer.next_ids("actors", len(missing))
        self.writer.insert("actors", ("id", "name", "aliases"), [(i, n, "[]") for i, n in zip(ids, missing)])
        for actor_id, name in zip(ids, missing):
            self.actors[name] = actor_id
            self.actor_names.add(actor_id, name)


def _identities(fields: dict[str, Any]) -> list[str]:
    """What makes a described source the same as a stored one, strongest first."""
    return [value for value in (fields["key"], fields["url"], fields["sha256"]) if value]


def _batches(items: Iterable[tuple[str | None, EventInput]], size: int) -> Iterator[list[tuple[str | None, EventInput]]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _at_line(label: str | None, err: TimelineError) -> TimelineError:
    """The error, prefixed with where the bad event came from (e.g. 'line 12')."""
    return TimelineError(f"{label}: {err}") if label is not None else err


def _optional(field: str, value: str | None, limit: int = validate.MAX_TEXT) -> str | None:
    # Most optional fields are empty; skip the call into the validator for them.
    return None if value is None else validate.optional_text(field, value, limit=limit)


def _citation_row(event_id: int, source_id: int, given: CitationInput, now: dt.datetime | str) -> tuple[Any, ...]:
    return (
        event_id, source_id,
        _optional("quote", given.quote, 2_000),
        _optional("locator", given.locator, 200),
        given.quote_start, given.quote_end,
        validate.one_of("stance", given.stance, Stance),
        _optional("speaker", given.speaker, 300),
        None if given.language is None else validate.language_code(given.language),
        _optional("translation note", given.translation_note),
        _optional("citation note", given.note),
        now,
    )


def load_events(
    *,
    session: Session,
    events: Iterable[tuple[str | None, EventInput]],
    reason: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    author: str | None = None,
) -> LoadReport:
    """Load (label, event) pairs in the session's transaction; an error names the label and field.

    The label says where an event came from ("line 12"). Links are made after every new
    event is in, and stored events are compared and replaced last, so links may point forward.
    """
    collecting = gc.isenabled()
    # Millions of short-lived rows would trigger needless full collections.
    gc.disable()
    try:
        return _load(session, events, reason, batch_size, progress, author or current_author())
    finally:
        if collecting:
            gc.enable()


def _load(
    session: Session,
    events: Iterable[tuple[str | None, EventInput]],
    reason: str | None,
    batch_size: int,
    progress: Callable[[int], None] | None,
    author: str,
) -> LoadReport:
    connection = session.connection()
    writer = _Writer(connection)
    now = writer.timestamp(utcnow())
    names = _Names(session, writer, now, reason, author)
    report = LoadReport()
    pending_links: list[tuple[str | None, str, list]] = []
    stored_events: list[tuple[str | None, str, EventInput]] = []
    seen_slugs: set[str] = set()

    for batch in _batches(events, batch_size):
        checked = []
        for line, given in batch:
            try:
                if not given.citations:
                    raise InvalidValue("source", "", "at least one citation for every event")
                clean = clean_event(given)
                slug = validate.slug_value(given.slug) if given.slug else None
                for citation in given.citations:
                    if isinstance(citation.source, SourceInput):
                        names.check_source(citation.source)
            except TimelineError as err:
                raise _at_line(line, err) from None
            checked.append((line, given, clean, slug))
        names.resolve_sources([c.source for _, given, _, _ in checked for c in given.citations])

        given_slugs = [slug for *_, slug in checked if slug]
        stored = set(session.scalars(select(Event.slug).where(Event.slug.in_(given_slugs)))) if given_slugs else set()
        fresh = []
        for line, given, clean, slug in checked:
            if slug and slug in seen_slugs:
                raise _at_line(line, InvalidValue("slug", slug, "a slug used once in the file"))
            if slug and slug in stored:
                stored_events.append((line, slug, given))
                seen_slugs.add(slug)
                continue
            fresh.append((line, given, clean, slug))

        bases = [None if slug else make_slug(clean.fuzzy, clean.columns["title"]) for _, _, clean, slug in fresh]
        taken = stored_taken(session, Event.slug, (base for base in bases if base)) | seen_slugs
        ids = writer.next_ids("events", len(fresh))
        names.tag_ids({tag for *_, clean, _ in fresh for tag in clean.tags})
        names.actor_ids({name for *_, clean, _ in fresh for name, _ in clean.actors})
        event_rows, citation_rows, tag_rows, actor_rows, revision_rows, index_rows = [], [], [], [], [], []
        for event_id, base, (line, given, clean, slug) in zip(ids, bases, fresh):
            if slug is None:
                slug = first_free(base, taken)
            taken.add(slug)
            seen_slugs.add(slug)
            report.added_slugs.append(slug)
            columns = clean.columns
            try:
                citations = [_citation_row(event_id, names.source_id(c.source), c, now) for c in given.citations]
            except TimelineError as err:
                raise _at_line(line, err) from None
            if not columns["status_manual"]:
                columns["status"] = derive_status(
                    (row[6], names.publisher[row[1]]) for row in citations
                ).value
            search = document_text([columns["title"], columns["summary"], *(row[2] for row in citations)])
            columns.update(id=event_id, slug=slug, search_text=search, created_at=now, updated_at=now)
            event_rows.append(_event_row(columns))
            citation_rows.extend(citations)
            tag_rows.extend((event_id, names.tags[tag], position) for position, tag in enumerate(clean.tags))
            seen_roles = set()
            for position, (name, role) in enumerate(clean.actors):
                key = (names.actors[name], role)
                if key not in seen_roles:
                    seen_roles.add(key)
                    actor_rows.append((event_id, key[0], role, position))
            revision_rows.append(("event", event_id, "create", author, reason, now))
            index_rows.append((event_id, search))
            if given.links:
                pending_links.append((line, slug, list(given.links)))
        writer.insert("events", _EVENT_COLUMNS, event_rows)
        writer.insert("citations", _CITATION_COLUMNS, citation_rows)
        writer.insert("event_tags", ("event_id", "tag_id", "position"), tag_rows)
        writer.insert("event_actors", ("event_id", "actor_id", "role", "position"), actor_rows)
        writer.insert("revisions", _REVISION_COLUMNS, revision_rows)
        if writer.sqlite:
            writer.insert("events_fts", ("rowid", "search_text"), index_rows)
        if progress is not None:
            progress(len(batch))

    _load_links(session, writer, pending_links, now)
    for start in range(0, len(stored_events), batch_size):
        batch_stored = stored_events[start : start + batch_size]
        stored = _stored_signatures(session, [slug for _, slug, _ in batch_stored])
        for line, slug, given in batch_stored:
            try:
                if _input_signature(session, names, given) == stored[slug]:
                    report.unchanged += 1
                    continue
                changed = replace_event(session=session, ref=slug, event=given, reason=reason, author=author)
            except TimelineError as err:
                raise _at_line(line, err) from None
            if changed:
                report.changed_slugs.append(slug)
            else:
                report.unchanged += 1
    report.sources_added = names.sources_added
    if not writer.sqlite and len(report.added_slugs) >= ANALYZE_AFTER:
        # PostgreSQL plans from statistics; until autovacuum catches up, a freshly loaded table
        # looks empty and a seq scan looks cheapest. (SQLite plans well without them: see
        # migration 0004.) ANALYZE samples, so this costs well under a second at a million rows.
        connection.exec_driver_sql("ANALYZE events, citations, event_tags, event_actors, sources")
    return report


_SIGNATURE_COLUMNS = (
    "title", "summary", "notes", "date", "kind", "place", "country", "lat", "lon", "origin", "status_manual",
    "status_reason",
)


def _stored_signatures(session: Session, slugs: list[str]) -> dict[str, tuple]:
    """What decides whether a stored event equals an incoming one, for many events in few queries."""
    columns = [getattr(Event, name) for name in _SIGNATURE_COLUMNS]
    rows = session.execute(select(Event.id, Event.slug, Event.status, *columns).where(Event.slug.in_(slugs))).all()
    ids = {row.id: row.slug for row in rows}
    parts: dict[int, dict[str, list]] = {i: {"tags": [], "actors": [], "citations": [], "links": []} for i in ids}
    for event_id, name in session.execute(
        select(EventTag.event_id, Tag.name).join(Tag, Tag.id == EventTag.tag_id)
        .where(EventTag.event_id.in_(ids)).order_by(EventTag.event_id, EventTag.position)
    ):
        parts[event_id]["tags"].append(name)
    for event_id, actor_id, role in session.execute(
        select(EventActor.event_id, EventActor.actor_id, EventActor.role)
        .where(EventActor.event_id.in_(ids)).order_by(EventActor.event_id, EventActor.position)
    ):
        parts[event_id]["actors"].append((actor_id, role))
    for row in session.execute(
        select(Citation.event_id, *(getattr(Citation, c) for c in _CITED_COLUMNS))
        .where(Citation.event_id.in_(ids)).order_by(Citation.id)
    ):
        parts[row[0]]["citations"].append(tuple(row[1:]))
    target = aliased(Event)
    for event_id, relation, slug in session.execute(
        select(EventLink.from_event_id, EventLink.relation, target.slug)
        .join(target, target.id == EventLink.to_event_id).where(EventLink.from_event_id.in_(ids))
    ):
        parts[event_id]["links"].append((relation, slug))
    return {
        row.slug: (
            tuple(row[3:]), row.status if row.status_manual else None, tuple(parts[row.id]["tags"]),
            tuple(parts[row.id]["actors"]), tuple(parts[row.id]["citations"]), frozenset(parts[row.id]["links"]),
        )
        for row in rows
    }


def _input_signature(session: Session, names: _Names, given: EventInput) -> tuple:
    clean = clean_event(given)
    columns = clean.columns
    names.actor_ids({name for name, _ in clean.actors})
    actors = tuple(dict.fromkeys((names.actors[name], role) for name, role in clean.actors))
    citations = tuple(_citation_row(0, names.source_id(c.source), c, "")[1:-1] for c in given.citations)
    links = frozenset(
        (validate.one_of("relation", link.relation, Relation),
         get_event(session=session, ref=link.target).slug if link.target.isdigit() else link.target)
        for link in given.links
    )
    return (
        tuple(columns[name] for name in _SIGNATURE_COLUMNS), columns.get("status"), tuple(clean.tags), actors,
        citations, links,
    )


def _link_target(session: Session, ref: str) -> int:
    try:
        return get_event(session=session, ref=ref).id
    except NotFound:
        raise InvalidValue("link", ref, "an event in the same file or already stored") from None


def _load_links(session: Session, writer: _Writer, pending: list[tuple[str | None, str, list]],
                now: dt.datetime | str) -> None:
    if not pending:
        return
    wanted = {slug for _, slug, _ in pending} | {link.target for _, _, links in pending for link in links}
    slugs = [w for w in wanted if not w.isdigit()]
    ids: dict[str, int] = {}
    for start in range(0, len(slugs), 900):
        chunk = slugs[start : start + 900]
        ids.update({slug: event_id for slug, event_id in session.execute(select(Event.slug, Event.id).where(Event.slug.in_(chunk)))})
    rows = []
    for line, slug, links in pending:
        for link in links:
            try:
                relation = validate.one_of("relation", link.relation, Relation)
                target = ids.get(link.target)
                if target is None:
                    target = _link_target(session, link.target)
            except TimelineError as err:
                raise _at_line(line, err) from None
            if target == ids[slug]:
                raise _at_line(line, InvalidValue("link", link.target, "another event (not itself)"))
            rows.append((ids[slug], relation, target, now))
    writer.insert("event_links", ("from_event_id", "relation", "to_event_id", "created_at"), list(dict.fromkeys(rows)))

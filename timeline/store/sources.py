"""Sources: adding, finding and describing the documents events are cited from.

Owns source rows and their revisions; knows nothing of output formats.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from timeline.errors import Conflict, NotFound
from timeline.models import Citation, Source, utcnow
from timeline.store import validate
from timeline.store.revisions import record_revision
from timeline.store.slugs import first_free, readable_slug, stored_taken

__all__ = [
    "SourceInput",
    "add_source",
    "cited_sources",
    "find_or_add_source",
    "get_source",
    "list_sources",
    "source_document",
]

_CHUNK = 500  # ids per IN (...) query, well under every backend's parameter limit

SOURCE_TYPES = (
    "article",
    "article-newspaper",
    "article-magazine",
    "article-journal",
    "webpage",
    "post",
    "post-weblog",
    "report",
    "legal_case",
    "entry-encyclopedia",
    "broadcast",
    "interview",
    "speech",
    "dataset",
    "document",
)


@dataclass
class SourceInput:
    """What a user gives to describe a source; validated by `clean()`."""

    title: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    author: str | None = None
    type: str = "article"
    language: str | None = None
    accessed: str | None = None
    archive_url: str | None = None
    key: str | None = None
    via: str | None = None
    note: str | None = None
    text: str | None = None
    sha256: str | None = None

    def clean(self) -> dict[str, Any]:
        published = None
        if self.published is not None and str(self.published).strip():
            published = validate.date_value("published", str(self.published)).edtf
        accessed = None
        if self.accessed is not None and str(self.accessed).strip():
            accessed = validate.date_value("accessed", str(self.accessed)).edtf
        if self.type not in SOURCE_TYPES:
            from timeline.errors import InvalidValue

            raise InvalidValue("type", self.type, "one of " + ", ".join(SOURCE_TYPES))
        return {
            "key": validate.slug_value(self.key) if self.key else None,
            "type": self.type,
            "title": validate.clean_text("source title", self.title, limit=validate.MAX_TITLE),
            "publisher": validate.optional_text("publisher", self.publisher, limit=300),
            "author": validate.optional_text("author", self.author, limit=300),
            "url": validate.web_url("url", self.url),
            "published": published,
            "accessed": accessed,
            "language": validate.language_code(self.language),
            "archive_url": validate.web_url("archive url", self.archive_url),
            "via": validate.optional_text("via", self.via, limit=300),
            "note": validate.optional_text("note", self.note),
            "text": self.text,
            "sha256": self.sha256,
        }


def source_document(source: Source) -> dict[str, Any]:
    """The JSON form of a source (what `sources show --format json` prints and revisions keep)."""
    return {
        "id": source.id,
        "key": source.key,
        "type": source.type,
        "title": source.title,
        "publisher": source.publisher,
        "author": source.author,
        "url": source.url,
        "published": source.published,
        "accessed": source.accessed,
        "language": source.language,
        "archive_url": source.archive_url,
        "via": source.via,
        "note": source.note,
        "sha256": source.sha256,
    }


def _by_unique(session: Session, fields: dict[str, Any]) -> Source | None:
    for column in ("key", "url", "sha256"):
        value = fields.get(column)
        if value:
            found = session.scalar(select(Source).where(getattr(Source, column) == value))
            if found is not None:
                return found
    return None


def _readable_key(session: Session, fields: dict[str, Any]) -> str:
    """A key for a source with neither key nor URL, so exports carry an identity an import can find.

    Publication year-month-day as given, then words of the title: `2022-07-04-caspian-pipeline-...`.
    """
    stem = re.sub(r"[^0-9-]", "", (fields["published"] or "").split("/")[0]).strip("-") or "source"
    base = readable_slug(stem, fields["title"], empty="untitled")
    return first_free(base, stored_taken(session, Source.key, [base]))


def add_source(*, session: Session, source: SourceInput, reason: str | None = None,
               author: str | None = None) -> Source:
    """Add a new source; refuses one whose key, URL or text hash is already stored."""
    fields = source.clean()
    existing = _by_unique(session, fields)
    if existing is not None:
        taken = next(c for c in ("key", "url", "sha256") if fields.get(c) and getattr(existing, c) == fields[c])
        raise Conflict(taken, fields[taken], f"is already source {existing.id} ({existing.title})")
    if fields["key"] is None and fields["url"] is None:
        fields["key"] = _readable_key(session, fields)
    row = Source(**fields)
    session.add(row)
    session.flush()
    record_revision(
        session=session, entity="source", entity_id=row.id, action="create",
        before=None, after=source_document(row), reason=reason, author=author,
    )
    return row


def find_or_add_source(*, session: Session, source: SourceInput, reason: str | None = None) -> tuple[Source, bool]:
    """The stored source with the same key, URL or text hash, else a new one; and whether it was added."""
    fields = source.clean()
    existing = _by_unique(session, fields)
    if existing is not None:
        return existing, False
    return add_source(session=session, source=source, reason=reason), True


def update_source(*, session: Session, row: Source, source: SourceInput, reason: str | None = None,
                  author: str | None = None) -> bool:
    """Make a stored source match `source`; records a revision only when something changed."""
    fields = source.clean()
    before = source_document(row)
    for name, value in fields.items():
        if name in ("text", "sha256") and value is None:
            continue
        setattr(row, name, value)
    after = source_document(row)
    if after == before:
        return False
    row.updated_at = utcnow()
    session.flush()
    record_revision(
        session=session, entity="source", entity_id=row.id, action="update",
        before=before, after=after, reason=reason, author=author,
    )
    return True


def get_source(*, session: Session, ref: str | int) -> Source:
    """A source by id, key or URL."""
    text = str(ref).strip()
    row = None
    if text.isdigit():
        row = session.get(Source, int(text))
    if row is None:
        row = session.scalar(select(Source).where((Source.key == text) | (Source.url == text)))
    if row is None:
        raise NotFound("source", ref, "see `timeline sources list`")
    return row


def list_sources(*, session: Session) -> list[tuple[Source, int]]:
    """Every source with the number of citations of it, by id."""
    counts = (
        select(Citation.source_id, func.count(Citation.id).label("n"))
        .group_by(Citation.source_id)
        .subquery()
    )
    rows = session.execute(
        select(Source, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.source_id == Source.id)
        .order_by(Source.id)
    )
    return [(source, count) for source, count in rows]


def cited_sources(*, session: Session, documents: Sequence[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The full records of the sources that the given event documents cite, by source id."""
    ids = sorted({citation["source_id"] for doc in documents for citation in doc["citations"]})
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        rows = session.scalars(select(Source).where(Source.id.in_(ids[start : start + _CHUNK])))
        found.update((row.id, source_document(row)) for row in rows)
    return found


def events_citing(*, session: Session, source: Source) -> list[dict[str, Any]]:
    """Short descriptions of the live events that cite a source, in chronological order."""
    from timeline.dates import parse_edtf
    from timeline.models import Event

    rows = session.execute(
        select(Event.id, Event.slug, Event.title, Event.date)
        .where(Event.deleted_at.is_(None), Event.id.in_(select(Citation.event_id).where(Citation.source_id == source.id)))
        .order_by(Event.start_earliest, Event.end_latest, Event.id)
    )
    return [
        {"id": id_, "slug": slug, "title": title, "date": date, "display_date": parse_edtf(date).display()}
        for id_, slug, title, date in rows
    ]

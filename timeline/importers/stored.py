"""Completing imported rows from the stored events they update: what a row leaves out is kept.

Owns the merge of a row with its stored event (see reading.PARTS); reads the database, never writes.

A CSV export has no links and no document has a citation's language, so without this step
importing an export back into its own database would strip them. A row that leaves out its
full list of citations (the minimal CSV form: one source per row) replaces only the stored
citations of its own sources and keeps the others.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from timeline.importers.documents import event_input
from timeline.importers.reading import Row
from timeline.models import Citation, Event, Source
from timeline.store.documents import documents_for
from timeline.store.events import CitationInput, EventInput
from timeline.store.sources import SourceInput

__all__ = ["completed_rows"]

_CHUNK = 1_000
_DETAILS = ("language", "translation_note", "quote_start", "quote_end")
_STATED = ("stance", "quote", "speaker", "locator", "note")
_CITATION_PARTS = frozenset({"citations", "citation_details"})


@dataclasses.dataclass
class _Stored:
    event: EventInput | None = None  # loaded only when the row leaves out more than citations
    # Stored citations as mappings (source_id, source_key, url, stated fields, details): all of
    # them when the row's citations are merged in, else only those with details to keep.
    citations: list[dict[str, Any]] = dataclasses.field(default_factory=list)


def _stored(session: Session, chunk: list[Row]) -> dict[str, _Stored]:
    """What the chunk's rows need of their stored events, in at most four queries."""
    wanted = {row.event.slug: row.missing for row in chunk if row.missing and row.event.slug}
    if not wanted:
        return {}
    ids = {slug: event_id for slug, event_id in session.execute(
        select(Event.slug, Event.id).where(Event.slug.in_(list(wanted))))}
    found = {slug: _Stored() for slug in ids}
    whole = [ids[slug] for slug in ids if wanted[slug] - _CITATION_PARTS]
    if whole:
        for doc in documents_for(session, select(Event.id).where(Event.id.in_(whole))):
            found[doc["slug"]].event = event_input(doc)[0]
    merged = [ids[slug] for slug in ids if "citations" in wanted[slug]]
    detailed = [ids[slug] for slug in ids if "citation_details" in wanted[slug]]
    has_details = or_(*(getattr(Citation, name).is_not(None) for name in _DETAILS))
    columns = (Citation.event_id, Citation.source_id, Source.key.label("source_key"), Source.url,
               *(getattr(Citation, name) for name in (*_STATED, *_DETAILS)))
    by_id = {event_id: slug for slug, event_id in ids.items()}
    for citation in session.execute(
        select(*columns).join(Source, Source.id == Citation.source_id)
        .where(Citation.event_id.in_(merged) | (Citation.event_id.in_(detailed) & has_details))
        .order_by(Citation.id)
    ).mappings():
        found[by_id[citation["event_id"]]].citations.append(dict(citation))
    return found


def _same_source(source: int | str | SourceInput, stored: dict[str, Any]) -> bool:
    if isinstance(source, SourceInput):
        key, url = (source.key or "").strip(), (source.url or "").strip()
        return bool(key and key == stored["source_key"]) or bool(url and url == stored["url"])
    return str(source).strip() in (str(stored["source_id"]), stored["source_key"], stored["url"])


def _as_cited(stored: dict[str, Any]) -> CitationInput:
    return CitationInput(source=stored["source_id"], **{name: stored[name] for name in (*_STATED, *_DETAILS)})


def _with_details(citation: CitationInput, stored: list[dict[str, Any]]) -> CitationInput:
    for candidate in stored:
        if _same_source(citation.source, candidate) and all(
            (getattr(citation, name) or None) == candidate[name] for name in _STATED
        ):
            return dataclasses.replace(citation, **{name: candidate[name] for name in _DETAILS})
    return citation


def _citations(row: Row, stored: _Stored) -> list[CitationInput]:
    given = list(row.event.citations)
    if "citation_details" in row.missing:
        given = [_with_details(citation, stored.citations) for citation in given]
    if "citations" not in row.missing:
        return given
    merged: list[CitationInput] = []
    for citation in stored.citations:
        if any(_same_source(g.source, citation) for g in row.event.citations):
            merged.extend(given)
            given = []
        else:
            merged.append(_as_cited(citation))
    return merged + given


def _completed(row: Row, stored: _Stored) -> EventInput:
    kept: dict[str, Any] = {}
    if stored.event is not None:
        kept = {part: getattr(stored.event, part) for part in row.missing - _CITATION_PARTS - {"status"}}
        if "status" in row.missing:
            kept.update(status=stored.event.status, status_reason=stored.event.status_reason)
    if stored.citations:
        kept["citations"] = _citations(row, stored)
    return dataclasses.replace(row.event, **kept) if kept else row.event


def completed_rows(session: Session, rows: Iterable[Row]) -> Iterator[tuple[str, EventInput]]:
    """(label, event) pairs ready for the loader: each row completed from its stored event, if any."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, _CHUNK)):
        stored = _stored(session, chunk)
        for row in chunk:
            match = stored.get(row.event.slug or "")
            yield row.label, row.event if match is None else _completed(row, match)

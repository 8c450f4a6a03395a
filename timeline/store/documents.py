"""The JSON documents of events: what query/show print, exports read and revisions keep.

Owns the shape of an event document (the CLI contract's fields); loads, never writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from timeline.dates import iso_bound, parse_edtf
from timeline.models import Citation, Event, EventActor, EventLink

__all__ = ["citation_document", "event_document", "event_documents", "with_details"]

_CHUNK = 500


def with_details(statement):  # type: ignore[no-untyped-def]
    """Eager-load what a document needs, in a fixed number of queries."""
    return statement.options(
        selectinload(Event.citations).joinedload(Citation.source),
        selectinload(Event.actor_roles).joinedload(EventActor.actor),
        selectinload(Event.tag_rows),
    )


def citation_document(citation: Citation) -> dict[str, Any]:
    source = citation.source
    return {
        "source_id": source.id,
        "source_key": source.key,
        "source_title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": source.published,
        "quote": citation.quote,
        "stance": citation.stance,
        "speaker": citation.speaker,
        "locator": citation.locator,
        "note": citation.note,
    }


def _links(session: Session, ids: Sequence[int]) -> tuple[dict[int, list], dict[int, list]]:
    """Links out of and into the given events, with the other event's slug."""
    outgoing: dict[int, list[dict[str, str]]] = defaultdict(list)
    incoming: dict[int, list[dict[str, str]]] = defaultdict(list)
    origin, target = aliased(Event), aliased(Event)
    for start in range(0, len(ids), _CHUNK):
        chunk = set(ids[start : start + _CHUNK])
        rows = session.execute(
            select(EventLink.from_event_id, EventLink.relation, EventLink.to_event_id, origin.slug, target.slug)
            .join(origin, origin.id == EventLink.from_event_id)
            .join(target, target.id == EventLink.to_event_id)
            .where(EventLink.from_event_id.in_(chunk) | EventLink.to_event_id.in_(chunk))
            .order_by(EventLink.id)
        )
        for from_id, relation, to_id, from_slug, to_slug in rows:
            if from_id in chunk:
                outgoing[from_id].append({"relation": relation, "event": to_slug})
            if to_id in chunk:
                incoming[to_id].append({"relation": relation, "event": from_slug})
    return outgoing, incoming


def _document(event: Event, links_out: list, links_in: list) -> dict[str, Any]:
    fuzzy = parse_edtf(event.date)
    return {
        "id": event.id,
        "slug": event.slug,
        "title": event.title,
        "date": event.date,
        "display_date": fuzzy.display(),
        "start_earliest": iso_bound(event.start_earliest, latest=False),
        "start_latest": iso_bound(event.start_latest, latest=True),
        "end_earliest": iso_bound(event.end_earliest, latest=False),
        "end_latest": iso_bound(event.end_latest, latest=True),
        "precision": event.precision,
        "summary": event.summary,
        "kind": event.kind,
        "status": event.status,
        "status_reason": event.status_reason if event.status_manual else None,
        "tags": [row.tag.name for row in event.tag_rows],
        "place": event.place,
        "country": event.country,
        "lat": event.lat,
        "lon": event.lon,
        "actors": [{"name": row.actor.name, "role": row.role} for row in event.actor_roles],
        "citations": [citation_document(citation) for citation in event.citations],
        "links": links_out,
        "linked_from": links_in,
        "notes": event.notes,
        "origin": event.origin,
    }


def event_documents(session: Session, events: Sequence[Event]) -> list[dict[str, Any]]:
    outgoing, incoming = _links(session, [event.id for event in events])
    return [_document(event, outgoing.get(event.id, []), incoming.get(event.id, [])) for event in events]


def event_document(session: Session, event: Event) -> dict[str, Any]:
    return event_documents(session, [event])[0]

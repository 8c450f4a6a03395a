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

from sqlalchemy import select
from sqlalchemy.orm import Session

from timeline.importers.documents import event_input
from timeline.importers.reading import Row
from timeline.models import Citation, Event
from timeline.store.documents import documents_for
from timeline.store.events import CitationInput, EventInput
from timeline.store.sources import SourceInput

__all__ = ["completed_rows"]

_CHUNK = 1_000
_DETAILS = ("language", "translation_note", "quote_start", "quote_end")
_STATED = ("stance", "quote", "speaker", "locator", "note")


@dataclasses.dataclass
class _Stored:
    event: EventInput
    citations: list[dict[str, Any]]  # the document's citations, each with its details added


def _stored(session: Session, slugs: list[str]) -> dict[str, _Stored]:
    documents = documents_for(session, select(Event.id).where(Event.slug.in_(slugs)))
    details: dict[int, list[tuple[Any, ...]]] = {doc["id"]: [] for doc in documents}
    if details:
        for event_id, *values in session.execute(
            select(Citation.event_id, *(getattr(Citation, name) for name in _DETAILS))
            .where(Citation.event_id.in_(list(details))).order_by(Citation.id)
        ):
            details[event_id].append(tuple(values))
    found = {}
    for doc in documents:
        citations = [{**c, **dict(zip(_DETAILS, extra))} for c, extra in zip(doc["citations"], details[doc["id"]])]
        found[doc["slug"]] = _Stored(event=event_input(doc)[0], citations=citations)
    return found


def _same_source(source: int | str | SourceInput, stored: dict[str, Any]) -> bool:
    if isinstance(source, SourceInput):
        key, url = (source.key or "").strip(), (source.url or "").strip()
        return bool(key and key == stored["source_key"]) or bool(url and url == stored["url"])
    return str(source).strip() in (str(stored["source_id"]), stored["source_key"], stored["url"])


def _as_cited(stored: dict[str, Any]) -> CitationInput:
    return CitationInput(source=stored["source_id"], **{name: stored[name] for name in (*_STATED, *_DETAILS)})


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


def _with_details(citation: CitationInput, stored: list[dict[str, Any]]) -> CitationInput:
    for candidate in stored:
        if _same_source(citation.source, candidate) and all(
            (getattr(citation, name) or None) == candidate[name] for name in _STATED
        ):
            return dataclasses.replace(citation, **{name: candidate[name] for name in _DETAILS})
    return citation


def _completed(row: Row, stored: _Stored) -> EventInput:
    kept = {part: getattr(stored.event, part) for part in row.missing
            if part not in ("status", "citations", "citation_details")}
    if "status" in row.missing:
        kept.update(status=stored.event.status, status_reason=stored.event.status_reason)
    return dataclasses.replace(row.event, **kept, citations=_citations(row, stored))


def completed_rows(session: Session, rows: Iterable[Row]) -> Iterator[tuple[str, EventInput]]:
    """(label, event) pairs ready for the loader: each row completed from its stored event, if any."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, _CHUNK)):
        slugs = sorted({row.event.slug for row in chunk if row.missing and row.event.slug})
        stored = _stored(session, slugs) if slugs else {}
        for row in chunk:
            match = stored.get(row.event.slug or "")
            yield row.label, row.event if match is None else _completed(row, match)

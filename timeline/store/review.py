"""Reviewing candidates: accept one as a new parsed event, merge it into an event as a citation, reject it, edit it.
Owns the review rules and the revisions they record; works inside the caller's write transaction, so a refused
step leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from timeline.errors import Conflict, InvalidValue
from timeline.ingest.matching import cites_passage
from timeline.models import Candidate, Event, Source, utcnow
from timeline.store import validate
from timeline.store.candidates import CANDIDATE, candidate_document, get_candidate, load_gazetteer
from timeline.store.documents import event_document
from timeline.store.events import ActorRole, CitationInput, EventInput, add_event, cite, get_event
from timeline.store.revisions import record_revision
from timeline.vocab import Origin, ReviewState, Stance

__all__ = [
    "Acceptance",
    "CandidateChanges",
    "accept_candidate",
    "edit_candidate",
    "merge_candidate",
    "reject_candidate",
]


@dataclass
class Acceptance:
    """What the reviewer changes while accepting; None keeps what the candidate proposes."""

    title: str | None = None
    date: str | None = None
    summary: str | None = None
    slug: str | None = None
    kind: str | None = None
    tags: Sequence[str] = ()
    place: str | None = None
    country: str | None = None
    actors: Sequence[ActorRole] | None = None
    stance: str = Stance.REPORTS.value


@dataclass
class CandidateChanges:
    """An edit of a pending candidate; None leaves a field as it is."""

    title: str | None = None
    date: str | None = None
    summary: str | None = None
    quote: str | None = None
    actors: Sequence[str] | None = None
    places: Sequence[str] | None = None


def _pending(session: Session, ref: str | int, step: str) -> Candidate:
    row = get_candidate(session=session, ref=ref)
    if row.review_state != ReviewState.PENDING.value:
        event = session.scalar(select(Event.slug).where(Event.id == row.event_id)) if row.event_id else None
        into = f" ({event})" if event else ""
        raise Conflict("candidate", row.id, f"was already {row.review_state}{into}; only a pending candidate can be "
                       f"{step}")
    return row


def _close(session: Session, row: Candidate, state: ReviewState, event_id: int | None, action: str,
           reason: str | None) -> None:
    before = candidate_document(session, row)
    row.review_state, row.event_id, row.reviewed_at = state.value, event_id, utcnow()
    session.flush()
    record_revision(session=session, entity=CANDIDATE, entity_id=row.id, action=action, before=before,
                    after=candidate_document(session, row), reason=reason)


def _citation(row: Candidate, stance: str) -> CitationInput:
    return CitationInput(source=row.source_id, stance=stance, quote=row.quote, quote_start=row.quote_start,
                         quote_end=row.quote_end)


def _place(session: Session, row: Candidate, given: Acceptance) -> tuple[str | None, str | None]:
    """The reviewer's place, or the first town or region the quote names (a whole country is too broad)."""
    if given.place is not None:
        return given.place or None, given.country
    gazetteer = load_gazetteer(session)
    place = next((name for name in row.places or [] if not gazetteer.is_country(name)), None)
    return place, given.country or (gazetteer.country_of(place) if place else None)


def accept_candidate(*, session: Session, ref: str | int, given: Acceptance | None = None,
                     reason: str | None = None) -> Event:
    """Make a pending candidate a new event (origin `parsed`) citing its quote at its offsets."""
    given = given or Acceptance()
    row = _pending(session, ref, "accepted")
    place, country = _place(session, row, given)
    actors = given.actors if given.actors is not None else [ActorRole(name=name) for name in row.actors or []]
    event = add_event(
        session=session,
        event=EventInput(
            title=given.title or row.title, date=given.date or row.date, summary=given.summary or row.summary,
            slug=given.slug, kind=given.kind or "other", tags=list(given.tags), place=place, country=country,
            actors=list(actors), origin=Origin.PARSED.value, citations=[_citation(row, given.stance)],
        ),
        reason=reason or f"accepted candidate {row.id}",
    )
    _close(session, row, ReviewState.ACCEPTED, event.id, "accept", reason)
    return event


def merge_candidate(*, session: Session, ref: str | int, event_ref: str | int | None = None,
                    stance: str = Stance.REPORTS.value, reason: str | None = None) -> tuple[Event, bool]:
    """Add a pending candidate's quote as a citation of the event it reports (its match unless one is given).

    Returns the event and whether a citation was added: none is when the event already cites that passage.
    """
    row = _pending(session, ref, "merged")
    target = event_ref if event_ref is not None else row.match_event_id
    if target is None:
        raise InvalidValue("EVENT", "", f"the event candidate {row.id} reports; it matched none, so name one")
    event = get_event(session=session, ref=target)
    added = not cites_passage(event_document(session, event), row.source_id, row.quote or "")
    if added:
        cite(session=session, event_ref=event.id, citation=_citation(row, stance),
             reason=reason or f"merged candidate {row.id}")
    _close(session, row, ReviewState.MERGED, event.id, "merge", reason)
    return event, added


def reject_candidate(*, session: Session, ref: str | int, reason: str | None = None) -> Candidate:
    row = _pending(session, ref, "rejected")
    _close(session, row, ReviewState.REJECTED, None, "reject", reason)
    return row


def _quote_at(session: Session, row: Candidate, quote: str) -> tuple[int, int]:
    """Where a new quote lies in the source text: the occurrence nearest the candidate's present quote."""
    text = session.scalar(select(Source.text).where(Source.id == row.source_id)) or ""
    wanted = validate.clean_text("--quote", quote, limit=2_000)
    assert wanted is not None
    positions = []
    found = text.find(wanted)
    while found >= 0:
        positions.append(found)
        found = text.find(wanted, found + 1)
    if not positions:
        raise InvalidValue("--quote", wanted[:60], f"a passage of the text of source {row.source_id}, as written")
    start = min(positions, key=lambda position: abs(position - (row.quote_start or 0)))
    return start, start + len(wanted)


def edit_candidate(*, session: Session, ref: str | int, changes: CandidateChanges,
                   reason: str | None = None) -> bool:
    """Change a pending candidate; True if anything changed (only then is a revision recorded)."""
    row = _pending(session, ref, "edited")
    before = candidate_document(session, row)
    values: dict[str, Any] = {}
    if changes.title is not None:
        values["title"] = validate.clean_text("title", changes.title, limit=validate.MAX_TITLE)
    if changes.date is not None:
        values["date"] = validate.date_value("date", changes.date).edtf
    if changes.summary is not None:
        values["summary"] = validate.optional_text("summary", changes.summary)
    if changes.actors is not None:
        values["actors"] = [validate.clean_text("actor", name, limit=300) for name in changes.actors]
    if changes.places is not None:
        values["places"] = [validate.clean_text("place", name, limit=300) for name in changes.places]
    if changes.quote is not None:
        values["quote_start"], values["quote_end"] = _quote_at(session, row, changes.quote)
        values["quote"] = validate.clean_text("--quote", changes.quote, limit=2_000)
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()
    after = candidate_document(session, row)
    if after == before:
        return False
    record_revision(session=session, entity=CANDIDATE, entity_id=row.id, action="edit", before=before, after=after,
                    reason=reason)
    return True

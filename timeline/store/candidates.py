"""Ingesting documents: the source with its text, the events proposed from it as candidates, and their matches.
Owns candidate rows, their documents and their creation revisions; proposing is timeline.ingest's, review is review.py's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from timeline.errors import Conflict, InvalidValue, NotFound
from timeline.ingest.candidates import Proposal, propose
from timeline.ingest.documents import Document
from timeline.ingest.gazetteer import Gazetteer
from timeline.ingest.matching import WordWeights, best_match, date_window
from timeline.ingest.sentences import split_sentences
from timeline.models import Actor, Candidate, Citation, Event, Source, utcnow
from timeline.store import validate
from timeline.store.documents import display_date, documents_for
from timeline.store.ranges import match_condition
from timeline.store.revisions import record_revision
from timeline.store.sources import SourceInput, add_source, get_source, source_document
from timeline.vocab import ReviewState

__all__ = [
    "CANDIDATE",
    "IngestReport",
    "candidate_document",
    "candidate_documents",
    "get_candidate",
    "ingest_document",
    "ingest_result",
    "load_gazetteer",
]

CANDIDATE = "candidate"  # the revisions' entity name for candidate rows


@dataclass
class IngestReport:
    """What ingesting one document did: its source (new or found again) and the candidates it proposed."""

    source: Source
    source_added: bool
    text_added: bool = False  # a source stored without its text (a seed article) got it now
    candidates: list[Candidate] = field(default_factory=list)
    already_proposed: int = 0


def load_gazetteer(session: Session) -> Gazetteer:
    """Actor names and aliases, and the places events name, with the shipped places."""
    actors = [(name, aliases or []) for name, aliases in session.execute(select(Actor.name, Actor.aliases))]
    places = session.execute(
        select(Event.place, Event.country).where(Event.place.is_not(None)).distinct().order_by(Event.place)
    )
    return Gazetteer(actors, [(place, country) for place, country in places])


def _source_for(session: Session, document: Document, reason: str | None) -> tuple[Source, bool, bool]:
    """The stored source of this text, the source at its URL (given the text now), or a new source."""
    given = SourceInput(title=document.title or document.name, url=document.url, publisher=document.publisher,
                        published=document.published, author=document.author, language=_language(document.language),
                        text=document.text, sha256=document.sha256)
    fields = given.clean()  # refuses a bad --published or --url before anything is written
    same_text = session.scalar(select(Source).where(Source.sha256 == document.sha256))
    if same_text is not None:
        return same_text, False, False
    at_url = session.scalar(select(Source).where(Source.url == fields["url"])) if fields["url"] else None
    if at_url is None:
        return add_source(session=session, source=given, reason=reason), True, False
    if at_url.sha256 is not None:
        raise Conflict("url", fields["url"], f"is already source {at_url.id} with a different text; ingest this "
                       "version without --url, or under its own address")
    before = source_document(at_url)
    at_url.text, at_url.sha256, at_url.updated_at = document.text, document.sha256, utcnow()
    for name in ("published", "publisher", "author", "language"):
        if getattr(at_url, name) is None and fields[name] is not None:
            setattr(at_url, name, fields[name])
    session.flush()
    record_revision(session=session, entity="source", entity_id=at_url.id, action="update", before=before,
                    after=source_document(at_url), reason=reason or "ingested its text")
    return at_url, False, True


def _language(value: str | None) -> str | None:
    try:
        return validate.language_code(value)
    except InvalidValue:
        return None  # a page's odd lang attribute is not the user's mistake


class _Events:
    """The stored events a proposal may report, fetched once per date window."""

    def __init__(self, session: Session, source_id: int) -> None:
        self.session = session
        self.source_id = source_id
        self.windows: dict[tuple[int, int], list[dict[str, Any]]] = {}

    def near(self, date: str) -> list[dict[str, Any]]:
        _, widened = date_window(date)
        key = (widened.start_earliest, widened.end_latest)
        if key not in self.windows:
            live = and_(Event.deleted_at.is_(None), Event.merged_into_id.is_(None))
            cited = select(Citation.event_id).where(Citation.source_id == self.source_id)
            in_window = match_condition("overlaps", *key)
            assert in_window is not None  # a proposal's date is always bounded
            statement = (select(Event.id).where(live, or_(in_window, Event.id.in_(cited)))
                         .order_by(Event.start_earliest, Event.end_latest, Event.id))
            self.windows[key] = documents_for(self.session, statement)
        return self.windows[key]


def ingest_document(*, session: Session, document: Document, reason: str | None = None) -> IngestReport:
    """Store the document as a source (the same text twice is one source) and propose its dated events.

    A proposal already stored for this source (same date and quote) is not proposed again. Nothing becomes
    an event here: every candidate waits for review.
    """
    source, added, text_added = _source_for(session, document, reason)
    report = IngestReport(source=source, source_added=added, text_added=text_added)
    text = source.text or ""
    sentences = split_sentences(text)
    proposals = propose(text, published=document.published or source.published, gazetteer=load_gazetteer(session),
                        sentences=sentences)
    stored = {
        (date, start, end)
        for date, start, end in session.execute(
            select(Candidate.date, Candidate.quote_start, Candidate.quote_end).where(Candidate.source_id == source.id))
    }
    weights = WordWeights.of(sentence.text for sentence in sentences)
    events = _Events(session, source.id)
    names: dict[int, tuple[str, str]] = {}
    for proposal in proposals:
        if (proposal.date, proposal.start, proposal.end) in stored:
            report.already_proposed += 1
            continue
        match = best_match(proposal, events.near(proposal.date), weights, source_id=source.id)
        if match is not None:
            names[match.event["id"]] = (match.event["slug"], match.event["title"])
        report.candidates.append(
            _candidate(proposal, source.id, match.event["id"] if match else None, match.score if match else None))
    session.add_all(report.candidates)
    session.flush()
    for row in report.candidates:
        record_revision(session=session, entity=CANDIDATE, entity_id=row.id, action="create", before=None,
                        after=candidate_document(session, row, names), reason=reason)
    return report


def _candidate(proposal: Proposal, source_id: int, event_id: int | None, score: float | None) -> Candidate:
    return Candidate(
        source_id=source_id, date=proposal.date, title=proposal.title, summary=proposal.summary,
        quote=proposal.quote, quote_start=proposal.start, quote_end=proposal.end, actors=list(proposal.actors),
        places=list(proposal.places), match_event_id=event_id, match_score=score,
        review_state=ReviewState.PENDING.value, created_at=utcnow(),
    )


def _event_names(session: Session, ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    """Slug and title of each of these events, in one query."""
    wanted = {event_id for event_id in ids if event_id is not None}
    if not wanted:
        return {}
    rows = session.execute(select(Event.id, Event.slug, Event.title).where(Event.id.in_(wanted)))
    return {event_id: (slug, title) for event_id, slug, title in rows}


def candidate_document(session: Session, row: Candidate,
                       names: Mapping[int, tuple[str, str]] | None = None) -> dict[str, Any]:
    """The JSON form of a candidate: what `ingest` and `review` print and its revisions keep.

    `names` gives the slug and title of the events it refers to, when the caller has them.
    """
    if names is None:
        names = _event_names(session, (row.match_event_id, row.event_id))
    match = names.get(row.match_event_id) if row.match_event_id is not None else None
    event = names.get(row.event_id) if row.event_id is not None else None
    return {
        "id": row.id,
        "source_id": row.source_id,
        "state": row.review_state,
        "date": row.date,
        "display_date": display_date(row.date),
        "title": row.title,
        "summary": row.summary,
        "quote": row.quote,
        "start": row.quote_start,
        "end": row.quote_end,
        "actors": list(row.actors or []),
        "places": list(row.places or []),
        "match": {"event": match[0], "title": match[1], "score": row.match_score} if match else None,
        "event": event[0] if event else None,
        "reviewed_at": row.reviewed_at.isoformat(timespec="seconds") if row.reviewed_at else None,
    }


def get_candidate(*, session: Session, ref: str | int) -> Candidate:
    text = str(ref).strip()
    row = session.get(Candidate, int(text)) if text.isdigit() else None
    if row is None:
        raise NotFound("candidate", ref, "see `timeline review list`")
    return row


def candidate_documents(
    *, session: Session, states: Sequence[str] = (ReviewState.PENDING.value,), source: str | int | None = None
) -> list[dict[str, Any]]:
    """Documents of the candidates in the given review states (every state for an empty list), oldest first."""
    statement = select(Candidate).order_by(Candidate.id)
    if states:
        statement = statement.where(Candidate.review_state.in_(list(states)))
    if source is not None:
        statement = statement.where(Candidate.source_id == get_source(session=session, ref=source).id)
    return _documents(session, list(session.scalars(statement)))


def _documents(session: Session, rows: Sequence[Candidate]) -> list[dict[str, Any]]:
    names = _event_names(session, (event_id for row in rows for event_id in (row.match_event_id, row.event_id)))
    return [candidate_document(session, row, names) for row in rows]


def ingest_result(session: Session, report: IngestReport) -> dict[str, Any]:
    """What `timeline ingest` prints for one document: its source and the candidates it proposed."""
    return {
        "source": {**source_document(report.source), "added": report.source_added, "text_added": report.text_added},
        "candidates": _documents(session, report.candidates),
        "already_proposed": report.already_proposed,
    }

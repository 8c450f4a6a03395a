"""Reading the past: an event's revisions, and the whole chronology as it stood at a moment.

Owns the interpretation of revisions (including bulk creations, whose state is found in the
next revision or the present); it never writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from timeline.dates import parse_date, parse_edtf, window
from timeline.errors import InvalidDate
from timeline.models import Event, Revision
from timeline.search import document_text, parse_query
from timeline.store.actors import ActorNames
from timeline.store.documents import documents_for
from timeline.store.events import find_event

__all__ = ["as_of_documents", "event_history", "moment"]

_GONE = ("delete", "purge")


def moment(text: str) -> dt.datetime:
    """The end of the moment a user names ('2026-11-21' is the end of that day), in UTC."""
    try:
        fuzzy = parse_date(text)
    except InvalidDate as err:
        raise InvalidDate(text, err.expected, field="--as-of") from None
    return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=fuzzy.end_latest)


def _changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    if before is None or after is None:
        return []
    return [key for key in after if not key.startswith("_") and before.get(key) != after.get(key)]


def event_history(*, session: Session, ref: str | int) -> list[dict[str, Any]]:
    """Every revision of an event, oldest first: when, who, what, why, and which fields changed."""
    event = find_event(session=session, ref=ref)
    revisions = session.scalars(
        select(Revision).where(Revision.entity == "event", Revision.entity_id == event.id).order_by(Revision.id)
    )
    return [
        {
            "revision": revision.id,
            "at": revision.created_at.replace(tzinfo=dt.timezone.utc).isoformat(timespec="seconds")
            if revision.created_at.tzinfo is None else revision.created_at.isoformat(timespec="seconds"),
            "author": revision.author,
            "action": revision.action,
            "reason": revision.reason,
            "changed": _changed_fields(revision.before, revision.after),
        }
        for revision in revisions
    ]


def _clean(doc: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in doc.items() if not key.startswith("_") and key != "merged_into"}


def _states_at(session: Session, when: dt.datetime) -> dict[int, dict[str, Any] | None]:
    """Each event's document as of `when` (None: it did not exist, was trashed or merged then)."""
    bound = when.replace(tzinfo=None) if session.get_bind().dialect.name == "sqlite" else when
    states: dict[int, dict[str, Any] | None] = {}
    pending: set[int] = set()  # bulk creations: state is found later
    for revision in session.scalars(
        select(Revision).where(Revision.entity == "event", Revision.created_at <= bound).order_by(Revision.id)
    ):
        if revision.action in _GONE or revision.action == "merge" and (revision.after or {}).get("merged_into"):
            states[revision.entity_id] = None
        elif revision.after is None:
            states[revision.entity_id] = None
            pending.add(revision.entity_id)
        else:
            states[revision.entity_id] = _clean(revision.after)
            pending.discard(revision.entity_id)
    if pending:
        # A bulk-created event's state then is the `before` of its next revision, or today's.
        later = session.scalars(
            select(Revision).where(Revision.entity == "event", Revision.entity_id.in_(pending),
                                   Revision.created_at > bound).order_by(Revision.id)
        )
        for revision in later:
            if revision.entity_id in pending and revision.before is not None:
                states[revision.entity_id] = _clean(revision.before)
                pending.discard(revision.entity_id)
        if pending:
            for doc in documents_for(session, select(Event.id).where(Event.id.in_(pending))):
                states[doc["id"]] = doc
    return states


def _matches(doc: dict[str, Any], query: Any, low: int, high: int) -> bool:
    fuzzy = parse_edtf(doc["date"])
    match = getattr(query.match, "value", query.match)
    if match == "overlaps" and not (fuzzy.start_earliest <= high and fuzzy.end_latest >= low):
        return False
    if match == "within" and not (fuzzy.start_earliest >= low and fuzzy.end_latest <= high):
        return False
    if match == "starts" and not (fuzzy.start_earliest >= low and fuzzy.start_latest <= high):
        return False
    folded = lambda values: {str(v).casefold() for v in values}  # noqa: E731
    checks = [
        (query.kind, {doc["kind"]}),
        (query.tag, set(doc["tags"])),
        (query.status, {doc["status"]}),
        (query.country, {doc["country"] or ""}),
        (query.actor, {a["name"] for a in doc["actors"]}),
        (query.source, {str(v) for c in doc["citations"] for v in
                        (c["source_id"], c.get("source_key"), c["url"], c["publisher"]) if v is not None}),
    ]
    for wanted, present in checks:
        if wanted and not folded(wanted) & folded(present):
            return False
    if query.text is not None:
        words = " " + document_text([doc["title"], doc["summary"], *(c["quote"] for c in doc["citations"])]) + " "
        for term in parse_query(query.text).terms:
            phrase = " ".join(term.words)
            if (" " + phrase) not in words if term.prefix else (" " + phrase + " ") not in words:
                return False
    return True


def as_of_documents(*, session: Session, query: Any, when: dt.datetime) -> list[dict[str, Any]]:
    """The events matching `query` as the chronology stood at `when`, in chronological order."""
    low, high = window(query.date_from, query.date_to)
    if query.actor:
        # Documents name their actors; a query may give an alias, as it may without --as-of.
        names = ActorNames.load(session)
        wanted = {actor_id for value in query.actor for actor_id in names.matching(value)}
        query = dataclasses.replace(query, actor=[*query.actor, *(n for n, i in names.exact.items() if i in wanted)])
    docs = [doc for doc in _states_at(session, when).values() if doc is not None and _matches(doc, query, low, high)]
    docs.sort(key=lambda d: (parse_edtf(d["date"]).start_earliest, parse_edtf(d["date"]).end_latest, d["id"]))
    return docs[: query.limit] if query.limit else docs

"""Curating without losing anything: edit, undo, trash, purge, links, merge and unmerge, uncite.

Owns the rules of each curation step and the revision it records; reads of past states
live in history.py. Every function works inside the caller's write transaction.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from timeline.errors import Conflict, InvalidValue, NotFound, TimelineError
from timeline.models import Event, EventLink, Revision, utcnow
from timeline.store import validate
from timeline.store.documents import event_document
from timeline.store.events import (
    ActorRole,
    CitationInput,
    EventInput,
    LinkInput,
    find_event,
    get_event,
    replace_event,
)
from timeline.store.revisions import record_revision
from timeline.store.sources import get_source
from timeline.vocab import Relation

__all__ = [
    "EDITABLE_FIELDS",
    "delete_event",
    "document_to_input",
    "edit_event",
    "link_events",
    "merge_events",
    "purge_event",
    "restore_event",
    "uncite",
    "undo",
    "unlink_events",
    "unmerge_event",
]

# Scalar fields of an event document that an edit or an undo may change.
EDITABLE_FIELDS = ("title", "date", "summary", "slug", "kind", "place", "country", "lat", "lon", "notes", "origin")
_LIST_FIELDS = ("tags", "actors", "citations", "links")
_CITATION_KEYS = ("source_id", "stance", "quote", "speaker", "locator", "note", "language", "translation_note",
                  "quote_start", "quote_end")
MERGED_FROM = "_merged_from"  # kept in the keeper's merge revision: which event was merged in


def document_to_input(doc: dict[str, Any]) -> EventInput:
    """The EventInput that would recreate an event document."""
    manual = doc.get("status_reason") is not None
    return EventInput(
        title=doc["title"], date=doc["date"], summary=doc.get("summary"), slug=doc.get("slug"),
        kind=doc.get("kind") or "other", tags=list(doc.get("tags") or []), place=doc.get("place"),
        country=doc.get("country"), lat=doc.get("lat"), lon=doc.get("lon"), notes=doc.get("notes"),
        status=doc["status"] if manual else None, status_reason=doc.get("status_reason"),
        origin=doc.get("origin") or "curated",
        actors=[ActorRole(name=a["name"], role=a["role"]) for a in doc.get("actors") or []],
        citations=[
            CitationInput(source=c["source_id"], stance=c["stance"], quote=c.get("quote"), speaker=c.get("speaker"),
                          locator=c.get("locator"), note=c.get("note"), language=c.get("language"),
                          translation_note=c.get("translation_note"), quote_start=c.get("quote_start"),
                          quote_end=c.get("quote_end"))
            for c in doc.get("citations") or []
        ],
        links=[LinkInput(relation=link["relation"], target=link["event"]) for link in doc.get("links") or []],
    )


def _apply(session: Session, event: Event, doc: dict[str, Any], *, action: str, reason: str | None) -> bool:
    return replace_event(session=session, ref=event.id, event=document_to_input(doc), reason=reason,
                         action=action, change_slug=True)


def edit_event(*, session: Session, ref: str | int, changes: dict[str, Any], reason: str | None = None) -> Event:
    """Change the given fields; lists (tags, actors) are replaced whole. `status='auto'` derives it again."""
    event = get_event(session=session, ref=ref)
    doc = event_document(session, event)
    for field, value in changes.items():
        if field == "status":
            if value == "auto":
                doc["status_reason"] = None
            else:
                reason_text = validate.optional_text("--reason", reason)
                if reason_text is None:
                    raise InvalidValue("--reason", "", "a reason whenever a status is set by hand")
                doc["status"], doc["status_reason"] = value, reason_text
        elif field == "actors":
            doc["actors"] = [{"name": a.name, "role": a.role} for a in value]
        elif field == "tags" or field in EDITABLE_FIELDS:
            doc[field] = value
        else:
            raise InvalidValue("field", field, "one of " + ", ".join((*EDITABLE_FIELDS, "tags", "actors", "status")))
    _apply(session, event, doc, action="edit", reason=reason)
    return event


# -- undo ------------------------------------------------------------------------------------

def _item_key(field: str, item: Any) -> Any:
    if field == "tags":
        return item
    if field == "actors":
        return (item["name"], item["role"])
    if field == "links":
        return (item["relation"], item["event"])
    return tuple(item.get(key) for key in _CITATION_KEYS)


def _revert_list(field: str, current: list, before: list, after: list) -> list:
    """Take back what a change added to a list and put back what it removed, keeping later additions."""
    keys_before = Counter(_item_key(field, item) for item in before)
    keys_after = Counter(_item_key(field, item) for item in after)
    added, removed = keys_after - keys_before, keys_before - keys_after
    result = []
    for item in current:
        key = _item_key(field, item)
        if added[key]:
            added[key] -= 1
            continue
        result.append(item)
    present = Counter(_item_key(field, item) for item in result)
    for item in before:
        key = _item_key(field, item)
        if removed[key] and present[key] < keys_before[key]:
            removed[key] -= 1
            present[key] += 1
            result.append(item)
    return result


def _manual_status(doc: dict[str, Any]) -> tuple[str | None, str | None]:
    return (doc["status"], doc["status_reason"]) if doc.get("status_reason") else (None, None)


def revert(current: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Three-way undo of one change (before -> after) on the current document.

    A field the change touched goes back only if nobody changed it since; if someone did,
    the undo is refused rather than clobbering their edit.
    """
    result = dict(current)
    clashes = []
    for field in EDITABLE_FIELDS:
        if before.get(field) == after.get(field):
            continue
        if current.get(field) == after.get(field):
            result[field] = before.get(field)
        elif current.get(field) != before.get(field):
            clashes.append(field)
    if _manual_status(before) != _manual_status(after):
        if _manual_status(current) == _manual_status(after):
            result["status"], result["status_reason"] = before["status"], before.get("status_reason")
        elif _manual_status(current) != _manual_status(before):
            clashes.append("status")
    if clashes:
        raise Conflict("undo", ", ".join(clashes), "was changed again by a later revision; undo that one "
                       "first, or edit the event by hand")
    for field in _LIST_FIELDS:
        result[field] = _revert_list(field, current.get(field) or [], before.get(field) or [],
                                     after.get(field) or [])
    return result


def _latest_revision(session: Session, event_id: int) -> Revision:
    revision = session.scalar(
        select(Revision).where(Revision.entity == "event", Revision.entity_id == event_id)
        .order_by(Revision.id.desc()).limit(1)
    )
    if revision is None:
        raise NotFound("revision", f"of event {event_id}", "see `timeline history`")
    return revision


def undo(*, session: Session, ref: str | int, revision: int | None = None, reason: str | None = None) -> str:
    """Revert one revision of an event (its latest by default); returns what was done."""
    event = find_event(session=session, ref=ref)
    if revision is None:
        chosen = _latest_revision(session, event.id)
    else:
        chosen = session.get(Revision, revision)
        if chosen is None or chosen.entity != "event" or chosen.entity_id != event.id:
            raise NotFound("revision", revision, f"see `timeline history {event.slug}`")
    note = f"undo revision {chosen.id}" + (f": {reason}" if reason else "")
    if chosen.action == "create":
        delete_event(session=session, ref=event.id, reason=note)
        return f"moved {event.slug} to the trash (undoing its creation)"
    if chosen.action == "delete":
        restore_event(session=session, ref=event.id, reason=note)
        return f"restored {event.slug}"
    if chosen.action == "restore":
        delete_event(session=session, ref=event.id, reason=note)
        return f"moved {event.slug} back to the trash"
    if chosen.action == "merge":
        if event.merged_into_id is not None:
            unmerge_event(session=session, ref=event.id, reason=note)
            return f"unmerged {event.slug}"
        merged_from = (chosen.after or {}).get(MERGED_FROM)
        if merged_from is None:
            raise InvalidValue("revision", chosen.id, "a merge revision that names the merged event")
        unmerge_event(session=session, ref=merged_from, reason=note)
        return f"unmerged {merged_from} from {event.slug}"
    if chosen.before is None or chosen.after is None:
        raise InvalidValue("revision", chosen.id, "a revision that records the event before and after")
    if event.deleted_at is not None:
        raise InvalidValue("event", event.slug, "a live event (restore it from the trash first)")
    current = event_document(session, event)
    changed = _apply(session, event, revert(current, chosen.before, chosen.after), action="undo", reason=note)
    return f"undid revision {chosen.id} of {event.slug}" if changed else f"nothing to undo in revision {chosen.id}"


# -- trash -----------------------------------------------------------------------------------

def delete_event(*, session: Session, ref: str | int, reason: str | None = None) -> Event:
    """Move an event to the trash: hidden from queries and exports, kept whole."""
    event = get_event(session=session, ref=ref)
    before = event_document(session, event)
    event.deleted_at = utcnow()
    session.flush()
    record_revision(session=session, entity="event", entity_id=event.id, action="delete", before=before,
                    after=None, reason=reason)
    return event


def restore_event(*, session: Session, ref: str | int, reason: str | None = None) -> Event:
    event = find_event(session=session, ref=ref)
    if event.deleted_at is None:
        raise InvalidValue("event", event.slug, "an event in the trash (see `timeline query --deleted`)")
    event.deleted_at = None
    session.flush()
    record_revision(session=session, entity="event", entity_id=event.id, action="restore", before=None,
                    after=event_document(session, event), reason=reason)
    return event


def purge_event(*, session: Session, ref: str | int, reason: str | None = None) -> str:
    """Destroy an event in the trash for good, with its history: the one irreversible step."""
    event = find_event(session=session, ref=ref)
    if event.deleted_at is None:
        raise InvalidValue("event", event.slug, f"an event in the trash; run `timeline delete {event.slug}` first")
    slug, event_id = event.slug, event.id
    session.execute(update(Event).where(Event.merged_into_id == event_id).values(merged_into_id=None))
    session.execute(delete(Revision).where(Revision.entity == "event", Revision.entity_id == event_id))
    session.delete(event)
    session.flush()
    # What stays is the fact that something was purged, not what it said.
    record_revision(session=session, entity="event", entity_id=event_id, action="purge",
                    before={"id": event_id, "slug": slug}, after=None, reason=reason)
    return slug


# -- links -----------------------------------------------------------------------------------

def link_events(*, session: Session, source: str | int, relation: str, target: str | int,
                reason: str | None = None) -> bool:
    event = get_event(session=session, ref=source)
    other = get_event(session=session, ref=target)
    relation = validate.one_of("relation", relation, Relation)
    doc = event_document(session, event)
    link = {"relation": relation, "event": other.slug}
    if link in doc["links"]:
        return False
    doc["links"].append(link)
    return _apply(session, event, doc, action="link", reason=reason)


def unlink_events(*, session: Session, source: str | int, relation: str, target: str | int,
                  reason: str | None = None) -> None:
    event = get_event(session=session, ref=source)
    other = find_event(session=session, ref=target)
    doc = event_document(session, event)
    link = {"relation": relation, "event": other.slug}
    if link not in doc["links"]:
        raise NotFound("link", f"{event.slug} {relation} {other.slug}", f"see `timeline show {event.slug}`")
    doc["links"].remove(link)
    _apply(session, event, doc, action="unlink", reason=reason)


# -- citations -------------------------------------------------------------------------------

def uncite(*, session: Session, event_ref: str | int, source_ref: str | int, quote: str | None = None,
           reason: str | None = None) -> int:
    """Remove an event's citation of a source (the one with `quote` when there are several)."""
    event = get_event(session=session, ref=event_ref)
    source = get_source(session=session, ref=source_ref)
    doc = event_document(session, event)
    matching = [c for c in doc["citations"] if c["source_id"] == source.id and (quote is None or c["quote"] == quote)]
    if not matching:
        raise NotFound("citation", f"{source_ref} on {event.slug}", f"see `timeline show {event.slug}`")
    if len(matching) > 1 and quote is None:
        raise InvalidValue("--quote", "", f"the quote of the one to remove ({event.slug} cites source "
                           f"{source.id} {len(matching)} times)")
    if len(doc["citations"]) == 1:
        raise InvalidValue("source", source_ref, "another citation first: an event needs at least one source")
    doc["citations"].remove(matching[0])
    _apply(session, event, doc, action="uncite", reason=reason)
    return source.id


# -- merge -----------------------------------------------------------------------------------

def _same_as(session: Session, absorbed: Event, keeper: Event) -> None:
    session.add(EventLink(from_event_id=absorbed.id, relation=Relation.SAME_AS.value, to_event_id=keeper.id))


def merge_events(*, session: Session, keep: str | int, absorb: str | int, reason: str | None = None) -> Event:
    """Move B's citations, tags, actors and links to A; B stays as a same_as redirect to A."""
    keeper = get_event(session=session, ref=keep)
    absorbed = get_event(session=session, ref=absorb)
    if keeper.id == absorbed.id:
        raise InvalidValue("merge", absorbed.slug, "two different events")
    kept_doc, absorbed_doc = event_document(session, keeper), event_document(session, absorbed)
    merged = dict(kept_doc)
    for field in _LIST_FIELDS:
        existing = {_item_key(field, item) for item in kept_doc[field]}
        additions = [item for item in absorbed_doc[field]
                     if _item_key(field, item) not in existing
                     and not (field == "links" and item["event"] == keeper.slug)]
        merged[field] = kept_doc[field] + additions
    if not _apply(session, keeper, merged, action="merge", reason=reason):
        # Nothing new came from B, but the merge is still a step in A's history (and unmerge finds it).
        record_revision(session=session, entity="event", entity_id=keeper.id, action="merge",
                        before=kept_doc, after=kept_doc, reason=reason)
        session.flush()
    # B's evidence now lives on A; B keeps its own fields and becomes a redirect. The merge
    # revision keeps B's whole document, which is what unmerge puts back.
    session.execute(delete(EventLink).where(EventLink.from_event_id == absorbed.id))
    for row in [*absorbed.citations, *absorbed.tag_rows, *absorbed.actor_roles]:
        session.delete(row)
    absorbed.merged_into_id = keeper.id
    _same_as(session, absorbed, keeper)
    session.flush()
    keeper_revision = _latest_revision(session, keeper.id)
    if keeper_revision.action == "merge":
        keeper_revision.after = {**(keeper_revision.after or {}), MERGED_FROM: absorbed.slug}
    record_revision(session=session, entity="event", entity_id=absorbed.id, action="merge",
                    before=absorbed_doc, after={**absorbed_doc, "merged_into": keeper.slug}, reason=reason)
    return keeper


def unmerge_event(*, session: Session, ref: str | int, reason: str | None = None) -> Event:
    """Undo a merge: B is live again with what it had, and A gives back what came from B only."""
    absorbed = find_event(session=session, ref=ref)
    if absorbed.merged_into_id is None:
        raise InvalidValue("event", absorbed.slug, "an event that was merged into another")
    merge = session.scalar(
        select(Revision).where(Revision.entity == "event", Revision.entity_id == absorbed.id,
                               Revision.action == "merge").order_by(Revision.id.desc()).limit(1)
    )
    if merge is None or merge.before is None:
        raise InvalidValue("event", absorbed.slug, "a merge recorded in the history")
    keeper = find_event(session=session, ref=absorbed.merged_into_id)
    keeper_merge = next(
        (revision for revision in session.scalars(
            select(Revision).where(Revision.entity == "event", Revision.entity_id == keeper.id,
                                   Revision.action == "merge").order_by(Revision.id.desc())
        ) if (revision.after or {}).get(MERGED_FROM) == absorbed.slug),
        None,
    )
    session.execute(delete(EventLink).where(EventLink.from_event_id == absorbed.id,
                                            EventLink.relation == Relation.SAME_AS.value))
    absorbed.merged_into_id = None
    session.flush()
    if keeper_merge is not None and keeper_merge.before is not None and keeper_merge.after is not None:
        current = event_document(session, keeper)
        try:
            restored = revert(current, keeper_merge.before, keeper_merge.after)
        except TimelineError:
            restored = current
        _apply(session, keeper, restored, action="unmerge", reason=reason)
    _apply(session, absorbed, merge.before, action="unmerge", reason=reason)
    return absorbed

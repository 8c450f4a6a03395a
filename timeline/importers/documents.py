"""Event mappings as EventInputs: the document `export` writes (JSON, JSON Lines, YAML) and the seed form.

Owns turning one parsed mapping into an EventInput and naming the parts it leaves out; no files, no database.

Two citation forms are read: the exported one, whose source is described by `source_key`,
`url`, `source_title`, `publisher` and `published`, and the seed one, whose `source` is a
stored source's id, key or URL, or a mapping describing a new source. Derived fields of the
exported document (id, display date, bounds, precision, linked_from, a citation's source_id)
are ignored. The status counts only when set by hand, that is with a `status_reason`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from timeline.errors import InvalidValue, TimelineError
from timeline.importers.reading import PARTS, Row, located
from timeline.store.events import ActorRole, CitationInput, EventInput, LinkInput
from timeline.store.sources import SourceInput
from timeline.store import validate
from timeline.vocab import DERIVABLE_STATUSES, Status

__all__ = ["document_row", "event_input"]

_DERIVED = frozenset({
    "id", "display_date", "start_earliest", "start_latest", "end_earliest", "end_latest", "precision",
    "linked_from",
})
_GIVEN = frozenset({"slug", "title", "date", "summary", "kind", "status", "status_reason", "tags", "place",
                    "country", "lat", "lon", "actors", "citations", "links", "notes", "origin"})
_EVENT_KEYS = _DERIVED | _GIVEN
_PART_OF_KEY = {"status_reason": "status"}
_DETAILS = ("language", "translation_note", "quote_start", "quote_end")
_CITATION_KEYS = frozenset({"source", "source_id", "source_key", "source_title", "publisher", "url", "published",
                            "stance", "quote", "speaker", "locator", "note", *_DETAILS})
_SOURCE_KEYS = frozenset(SourceInput.__dataclass_fields__) - {"text", "sha256"}
_DERIVED_STATUSES = frozenset(status.value for status in DERIVABLE_STATUSES)


def _text(field: str, value: Any) -> str | None:
    """A text field as a string; YAML and JSON may give numbers and dates where text was meant."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InvalidValue(field, _shown(value), "a text")


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _mapping(field: str, value: Any, allowed: frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidValue(field, _shown(value), "a mapping of names to values")
    if not value.keys() <= allowed:
        unknown = sorted(str(key) for key in value if key not in allowed)
        raise InvalidValue(f"{field} key", unknown[0], "one of " + ", ".join(sorted(allowed)))
    return value


def _list(field: str, value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidValue(field, _shown(value), "a list")
    return value


def _source(field: str, item: dict[str, Any]) -> int | str | SourceInput:
    if "source" in item:
        given = item["source"]
        if isinstance(given, dict):
            fields = _mapping(field, given, _SOURCE_KEYS)
            return SourceInput(**{key: _text(f"{field}.{key}", value) for key, value in fields.items()})
        if isinstance(given, int) and not isinstance(given, bool):
            return given
        ref = _text(field, given)
        if not ref:
            raise InvalidValue(field, "", "a source id, key or URL, or a mapping describing the source")
        return ref
    return SourceInput(
        key=_text(f"{field}_key", item.get("source_key")),
        title=_text(f"{field}_title", item.get("source_title")) or "",
        url=_text("url", item.get("url")),
        publisher=_text("publisher", item.get("publisher")),
        published=_text("published", item.get("published")),
    )


def _citation(number: int, value: Any) -> CitationInput:
    field = f"citations[{number}]"
    item = _mapping(field, value, _CITATION_KEYS)
    quote_start, quote_end = item.get("quote_start"), item.get("quote_end")
    for name, offset in (("quote_start", quote_start), ("quote_end", quote_end)):
        if offset is not None and (not isinstance(offset, int) or isinstance(offset, bool)):
            raise InvalidValue(f"{field}.{name}", _shown(offset), "a character offset (a whole number)")
    return CitationInput(
        source=_source("source", item),
        stance=_text("stance", item.get("stance")) or "reports",
        quote=_text("quote", item.get("quote")),
        speaker=_text("speaker", item.get("speaker")),
        locator=_text("locator", item.get("locator")),
        note=_text("note", item.get("note")),
        language=_text("language", item.get("language")),
        translation_note=_text("translation_note", item.get("translation_note")),
        quote_start=quote_start,
        quote_end=quote_end,
    )


def _actor(value: Any) -> ActorRole:
    if isinstance(value, str):
        return ActorRole(name=value)
    item = _mapping("actors", value, frozenset({"name", "role"}))
    return ActorRole(name=_text("actor", item.get("name")) or "", role=_text("actor role", item.get("role")) or "participant")


def _link(value: Any) -> LinkInput:
    item = _mapping("links", value, frozenset({"relation", "event", "target"}))
    target = item.get("event", item.get("target"))
    return LinkInput(relation=_text("relation", item.get("relation")) or "", target=_text("link", target) or "")


def _coordinate(field: str, value: Any) -> float | str | None:
    if value is None or (isinstance(value, (int, float, str)) and not isinstance(value, bool)):
        return value
    raise InvalidValue(field, _shown(value), "a number")


def _status(item: dict[str, Any]) -> tuple[str | None, str | None]:
    status, reason = _text("status", item.get("status")), _text("status_reason", item.get("status_reason"))
    if reason and reason.strip():
        return status, reason
    # `false` is never worked out from stances: without a reason it cannot be what was meant.
    if status and validate.one_of("status", status, Status) not in _DERIVED_STATUSES:
        raise InvalidValue("status_reason", "", f"a reason for the status {status!r} set by hand")
    return None, None


def event_input(value: Any, *, default_origin: str = "imported") -> tuple[EventInput, frozenset[str]]:
    """One event mapping as an EventInput, and the PARTS it leaves out (absent keys, not empty ones)."""
    item = _mapping("event", value, _EVENT_KEYS)
    for required in ("title", "date"):
        if item.get(required) in (None, ""):
            raise InvalidValue(required, "", f"a {required} for every event")
    status, status_reason = _status(item)
    citations = [_citation(number, c) for number, c in enumerate(_list("citations", item.get("citations")))]
    event = EventInput(
        slug=_text("slug", item.get("slug")),
        title=_text("title", item["title"]) or "",
        date=_text("date", item["date"]) or "",
        summary=_text("summary", item.get("summary")),
        kind=_text("kind", item.get("kind")) or "other",
        tags=[_text("tag", tag) or "" for tag in _list("tags", item.get("tags"))],
        place=_text("place", item.get("place")),
        country=_text("country", item.get("country")),
        lat=_coordinate("lat", item.get("lat")),  # type: ignore[arg-type]
        lon=_coordinate("lon", item.get("lon")),  # type: ignore[arg-type]
        actors=[_actor(actor) for actor in _list("actors", item.get("actors"))],
        notes=_text("notes", item.get("notes")),
        status=status,
        status_reason=status_reason,
        origin=_text("origin", item.get("origin")) or default_origin,
        citations=citations,
        links=[_link(link) for link in _list("links", item.get("links"))],
    )
    given = {_PART_OF_KEY.get(key, key) for key in item}
    if any(key in c for c in item.get("citations") or [] for key in _DETAILS):
        given.add("citation_details")
    return event, PARTS - given


def document_row(label: str, item: Any, expected: str) -> Row:
    """One parsed item of a JSON, JSON Lines or YAML file as a Row; errors name its place in the file."""
    if not isinstance(item, dict):
        raise TimelineError(f"{label}: not an object; expected {expected}")
    try:
        event, missing = event_input(item)
    except TimelineError as err:
        raise located(label, err) from None
    return Row(label, event, missing)

"""The JSON Schema (draft 2020-12) of the event document that json and jsonl exports publish.

Owns the published contract, built from the vocabularies so the two cannot drift; it validates nothing itself.
"""

from __future__ import annotations

from typing import Any

from timeline.dates import Precision
from timeline.vocab import Kind, Origin, Relation, Stance, Status, values

__all__ = ["SCHEMA_ID", "event_schema"]

SCHEMA_ID = "urn:timeline:schema:event-document:1"

# A bound is a date, or a date and time, in ISO 8601 with an optional sign and more year digits.
_ISO_BOUND = r"^[+-]?[0-9]{4,12}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?$"


def _text(description: str, *, nullable: bool = False, **extra: Any) -> dict[str, Any]:
    return {"type": ["string", "null"] if nullable else "string", "description": description, **extra}


def _record(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these keys, all present: a consumer may rely on every one."""
    return {"type": "object", "description": description, "properties": properties,
            "required": list(properties), "additionalProperties": False}


def _bound(which: str) -> dict[str, Any]:
    return _text(f"The {which} possible instant, UTC; a bare date means the whole day. Null when unbounded.",
                 nullable=True, pattern=_ISO_BOUND)


def _link() -> dict[str, Any]:
    return _record("A typed edge to another event, named by its slug.", {
        "relation": {"enum": values(Relation)},
        "event": _text("The other event's slug."),
    })


def event_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict: `timeline schema` prints it."""
    citation = _record("One source's word on the event.", {
        "source_id": {"type": "integer", "minimum": 1},
        "source_key": _text("The source's readable key, if it has one.", nullable=True),
        "source_title": _text("Headline or title; a [bracketed] title is a description written by the curator."),
        "publisher": _text("The site or outlet at the URL.", nullable=True),
        "url": _text("Where the source can be read: http or https only.", nullable=True, pattern=r"^https?://\S+$"),
        "published": _text("Publication date as EDTF.", nullable=True),
        "quote": _text("A short verbatim quote supporting the stance.", nullable=True),
        "stance": {"enum": values(Stance), "description": "What the source says about the event."},
        "speaker": _text("Who is speaking in the source, when it is not the source itself.", nullable=True),
        "locator": _text("Where in the source: character offsets, page or paragraph.", nullable=True),
        "note": _text("The curator's note on this citation.", nullable=True),
        "language": _text("Language of the quote (ISO 639), when not the document's.", nullable=True),
        "translation_note": _text("How the quote was translated, when it was.", nullable=True),
        "quote_start": {"type": ["integer", "null"], "minimum": 0,
                        "description": "Character offset of the quote in the source's stored text."},
        "quote_end": {"type": ["integer", "null"], "minimum": 0,
                      "description": "Offset just after the quote in the source's stored text."},
    })
    event = _record("An event: something that happened or is claimed to have happened, with its sources.", {
        "id": {"type": "integer", "minimum": 1, "description": "Stable numeric id."},
        "slug": _text("Stable readable id.", pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        "title": _text("What happened, in a line.", minLength=1),
        "date": _text("The date as stated, in EDTF (ISO 8601-2).", minLength=1),
        "display_date": _text("The date the way people write it, e.g. 'c. 1 Aug 2022'."),
        "start_earliest": _bound("earliest start"),
        "start_latest": _bound("latest start"),
        "end_earliest": _bound("earliest end"),
        "end_latest": _bound("latest end"),
        "precision": {"enum": values(Precision), "description": "How finely the date is known."},
        "summary": _text("A paragraph on what happened.", nullable=True),
        "kind": {"enum": values(Kind)},
        "status": {"enum": values(Status), "description": "How well the event is established."},
        "status_reason": _text("Why a curator set the status by hand; null when it follows the citations.",
                               nullable=True),
        "tags": {"type": "array", "items": {"type": "string"}, "description": "Storylines and topics."},
        "place": _text("Where it happened.", nullable=True),
        "country": _text("ISO 3166-1 alpha-2 code of the place.", nullable=True, pattern=r"^[A-Z]{2}$"),
        "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
        "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
        "actors": {"type": "array", "items": _record("Who took part, and how.", {
            "name": _text("The actor's name."),
            "role": _text("Their part in the event: speaker, subject, participant ..."),
        })},
        "citations": {"type": "array", "minItems": 1, "items": citation},
        "links": {"type": "array", "items": _link(), "description": "Edges from this event."},
        "linked_from": {"type": "array", "items": _link(), "description": "Edges into this event."},
        "notes": _text("The curator's notes on the event.", nullable=True),
        "origin": {"enum": values(Origin), "description": "How the event came into the database."},
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "timeline event document",
        **event,
        "description": "An event with its sources, as `timeline query --format json`, `show --format json` and the "
                       "json export print it; a jsonl export has one per line, a json export an array of them.",
    }

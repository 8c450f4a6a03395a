"""Natural keys of imported events: the slug when given, else one derived from what the row says.

Owns the rule below; it must never change silently, since re-imports find their events by it.

An event without a slug is given

    f"{date stem}-{up to seven title words}-{hash8}"
    e.g. 2022-06-22-arkady-dubnov-calls-tokayev-s-stand-spief-f685950e (README, examples/additions.csv)

where the stem and words are those of an added event's slug (cut to 80 characters) and
hash8 is the first 8 hex digits of sha256 over "title", "date" and "source" joined by U+001F:
    title   NFKC-normalised, casefolded, every run of whitespace made one space, stripped;
    date    the EDTF the date parses to, so "17 June 2022" and "2022-06-17" are one date;
    source  the first citation's source URL, else its key, else the id or key it cites.
The same row imported twice maps to the same event; a row whose title, date or first source
URL changes is another event.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata

from timeline.store import validate
from timeline.store.events import EventInput, make_slug
from timeline.store.sources import SourceInput

__all__ = ["natural_slug", "with_natural_slug"]

_SEPARATOR = "\x1f"


def _normal_title(title: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())


def _first_source(event: EventInput) -> str:
    if not event.citations:
        return ""
    source = event.citations[0].source
    if isinstance(source, SourceInput):
        return (source.url or source.key or "").strip()
    return str(source).strip()


def natural_slug(event: EventInput) -> str:
    """The documented slug of an event given without one; raises InvalidValue for a bad title or date."""
    title = validate.clean_text("title", event.title, limit=validate.MAX_TITLE) or ""
    date = validate.date_value("date", event.date)
    key = _SEPARATOR.join((_normal_title(title), date.edtf, _first_source(event)))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{make_slug(date, title)[:80].rstrip('-')}-{digest}"


def with_natural_slug(event: EventInput) -> EventInput:
    return event if event.slug else dataclasses.replace(event, slug=natural_slug(event))

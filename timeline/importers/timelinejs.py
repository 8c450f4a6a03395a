"""Knight Lab TimelineJS3 files: {"events": [slides]} read as sourced events.

Owns the mapping from a slide to an event; no database. A slide becomes an event with
    title     text.headline, and summary text.text (HTML tags dropped, entities decoded);
    date      start_date and end_date ({year, month, day, hour, minute, second}) as EDTF;
    source    media.url, titled by media.caption (else media.credit, else the URL) and
              published by media.credit; a slide without media.url is refused: every event
              needs a source;
    tag       group, made a tag (lowercase words joined by hyphens);
    slug      unique_id when it is a valid slug, else the natural key.
The title slide, eras and the rest of the slide (background, display_date ...) are ignored.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from timeline.errors import InvalidValue, TimelineError
from timeline.importers.reading import PARTS, InputFile, Reading, Row, counted, located
from timeline.search import fold
from timeline.store.events import CitationInput, EventInput
from timeline.store.sources import SourceInput

__all__ = ["read_timelinejs"]

MAX_BYTES = 200_000_000
_TAG_MARKUP = re.compile(r"<[^>]*>")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A slide says nothing of these, so a stored event keeps them.
_MISSING = PARTS - {"summary", "tags"} | {"citations"}
_DATE_PARTS = (("year", None), ("month", "-{:02d}"), ("day", "-{:02d}"), ("hour", "T{:02d}"),
               ("minute", ":{:02d}"), ("second", ":{:02d}"))


def _plain(value: Any) -> str | None:
    """Text from TimelineJS's HTML: tags dropped, entities decoded, whitespace collapsed."""
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        raise InvalidValue("text", repr(value)[:40], "a text")
    text = " ".join(html.unescape(_TAG_MARKUP.sub(" ", str(value))).split())
    return text or None


def _number(field: str, value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise InvalidValue(field, value, "a whole number") from None


def _edtf(field: str, value: Any) -> str:
    if not isinstance(value, dict):
        raise InvalidValue(field, repr(value)[:40], "an object with year, month, day")
    numbers = {name: _number(f"{field}.{name}", value.get(name)) for name, _ in _DATE_PARTS}
    year = numbers["year"]
    if year is None:
        raise InvalidValue(f"{field}.year", "", "a year")
    text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    for name, form in _DATE_PARTS[1:]:
        number = numbers[name]
        if number is None:
            break
        if name == "hour" and numbers["minute"] is None:
            # EDTF has no hour-only time; an hour alone is the hour's first minute.
            numbers["minute"] = 0
        text += form.format(number)
    return text


def _slide(slide: Any) -> tuple[EventInput, frozenset[str]]:
    if not isinstance(slide, dict):
        raise InvalidValue("event", repr(slide)[:40], "a TimelineJS slide object")
    text = slide.get("text") or {}
    media = slide.get("media") or {}
    if not isinstance(text, dict) or not isinstance(media, dict):
        raise InvalidValue("text/media", repr(slide)[:40], "objects, as TimelineJS3 has them")
    title = _plain(text.get("headline"))
    if title is None:
        raise InvalidValue("text.headline", "", "a headline for every event")
    url = media.get("url")
    if not isinstance(url, str) or not url.strip():
        raise InvalidValue("media.url", "", "the address of a source: every event needs a source")
    date = _edtf("start_date", slide.get("start_date"))
    if slide.get("end_date"):
        date = f"{date}/{_edtf('end_date', slide['end_date'])}"
    credit = _plain(media.get("credit"))
    group = re.sub(r"[^a-z0-9]+", "-", fold(_plain(slide.get("group")) or "")).strip("-")
    unique_id = str(slide.get("unique_id") or "")
    source = SourceInput(title=_plain(media.get("caption")) or credit or url.strip(), url=url, publisher=credit)
    event = EventInput(
        slug=unique_id if _SLUG.fullmatch(unique_id) and not unique_id.isdigit() else None,
        title=title,
        date=date,
        summary=_plain(text.get("text")),
        tags=[group] if group else [],
        origin="imported",
        citations=[CitationInput(source=source)],
    )
    return event, _MISSING if group else _MISSING | {"tags"}


def _rows(slides: list[Any]) -> Iterator[Row]:
    for number, slide in enumerate(slides, start=1):
        label = f"event {number}"
        try:
            event, missing = _slide(slide)
        except TimelineError as err:
            raise located(label, err) from None
        yield Row(label, event, missing)


def read_timelinejs(file: InputFile, *, raw: bool = False) -> Reading:
    text = file.whole(MAX_BYTES, "split the timeline")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise TimelineError(f"line {err.lineno}: file: not valid JSON ({err.msg})") from None
    slides = document.get("events") if isinstance(document, dict) else None
    if not isinstance(slides, list):
        raise TimelineError('file: not a TimelineJS timeline; expected an object with a list of "events"')
    return counted(_rows(slides), len(slides))

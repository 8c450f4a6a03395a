"""JSON for Knight Lab's TimelineJS3: a title slide, then one slide per event, grouped by storyline.

Owns the slide mapping. TimelineJS renders headline and text as HTML, so every text is HTML-escaped here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import IO, Any

from timeline.dates import Span, stated_spans
from timeline.export.citations import FLAGGED, SourceNotes
from timeline.export.dateparts import date_parts
from timeline.export.lanes import storyline_lanes

__all__ = ["slide", "write_timelinejs"]

_DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second")


def _date(span: Span) -> dict[str, Any]:
    return dict(zip(_DATE_FIELDS, date_parts(span)))


def _sources_html(doc: dict[str, Any]) -> str:
    notes = SourceNotes()
    items = []
    for citation in doc["citations"]:
        note = notes.note(citation)
        label = escape(note.label)
        if note.link:
            label = f'<a href="{escape(note.link)}" target="_blank" rel="noopener noreferrer nofollow">{label}</a>'
        published = f", published {escape(note.published)}" if note.published else ""
        quote = f"<br><q>{escape(citation['quote'])}</q>" if citation["quote"] else ""
        items.append(f"<li>{label}{published} ({escape(citation['stance'])}){quote}</li>")
    return f'<ol class="tl-sources">{"".join(items)}</ol>'


def slide(doc: dict[str, Any], group: str) -> dict[str, Any]:
    start, end = stated_spans(doc["date"])
    first = start or end
    flag = FLAGGED.get(doc["status"])
    headline = escape(f"{flag}: {doc['title']}" if flag else doc["title"])
    paragraphs = [f"<p>{escape(doc['summary'])}</p>"] if doc["summary"] else []
    status = f"Status: {doc['status']}" + (f" ({doc['status_reason']})" if doc.get("status_reason") else "")
    paragraphs.append(f"<p><em>{escape(status)}</em></p>")
    event: dict[str, Any] = {
        "unique_id": doc["slug"],
        "start_date": _date(first),
        # TimelineJS reads display_date and group as HTML too (it takes their text content).
        "display_date": escape(doc["display_date"]),
        "text": {"headline": headline, "text": "".join(paragraphs) + _sources_html(doc)},
        "group": escape(group),
    }
    if start is not None and end is not None and end != start:
        event["end_date"] = _date(end)
    return event


def write_timelinejs(documents: Sequence[dict[str, Any]], stream: IO[str], *, title: str = "Chronology",
                     **_options: Any) -> None:
    count = len(documents)
    timeline = {
        "title": {"text": {"headline": escape(title),
                           "text": f"<p>{count} event{'s' if count != 1 else ''}, each with its sources.</p>"}},
        "events": [slide(doc, lane) for doc, lane in zip(documents, storyline_lanes(documents))],
    }
    json.dump(timeline, stream, ensure_ascii=False, indent=2)
    stream.write("\n")

"""An iCalendar (RFC 5545) file of the chronology: one VEVENT per event, written by hand to the letter of the RFC.

Owns date mapping, TEXT escaping and 75-octet line folding; it never guesses a date the event does not give.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import IO, Any

from timeline.errors import InvalidValue
from timeline.export.citations import FLAGGED, SourceNotes, web_link

__all__ = ["fold", "ics_text", "write_ics"]

_LINE_OCTETS = 75
# TEXT may not hold control characters other than tab (RFC 5545 3.3.11); a line break is written as \n.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_STATUS = {"confirmed": "CONFIRMED"}


def ics_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    flat = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return flat.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into physical lines of at most 75 octets, never inside a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1  # a continuation line starts with one space, which unfolding removes
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces) + "\r\n"


def _instant(bound: str, *, after: bool) -> date | datetime:
    """A document bound as a date (whole day) or UTC datetime; `after` gives the first instant past it."""
    if "T" in bound:
        moment = datetime.fromisoformat(bound).replace(tzinfo=timezone.utc)
        return moment + timedelta(seconds=1) if after else moment
    day = date.fromisoformat(bound)
    return day + timedelta(days=1) if after else day


def _span(doc: dict[str, Any]) -> tuple[date | datetime, date | datetime]:
    """[DTSTART, DTEND): from the earliest possible start to just past the latest possible end.

    An open end keeps to the start's own span, an open start to the end's; a day-precise event is
    all-day (DTEND the next day), a month or a year spans its days.
    """
    first = doc["start_earliest"] if doc["start_earliest"] is not None else doc["end_earliest"]
    last = doc["end_latest"] if doc["end_latest"] is not None else doc["start_latest"]
    if first is None or last is None:
        raise InvalidValue("date", doc["date"], f"a date with at least one known bound for the ics format "
                           f"(event {doc['slug']}); leave it out with --from/--to")
    try:
        start, end = _instant(first, after=False), _instant(last, after=True)
    except (ValueError, OverflowError):
        raise InvalidValue("date", doc["date"], f"a date between the years 1 and 9999 for the ics format "
                           f"(event {doc['slug']}); leave it out with --from/--to") from None
    if isinstance(start, datetime) or isinstance(end, datetime):
        start, end = (moment if isinstance(moment, datetime) else
                      datetime(moment.year, moment.month, moment.day, tzinfo=timezone.utc) for moment in (start, end))
    return start, end


def _value(moment: date | datetime) -> tuple[str, str]:
    """(parameter, value) for DTSTART/DTEND."""
    day = f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"  # strftime may drop a year's leading zeros
    if isinstance(moment, datetime):
        return "", f"{day}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"
    return ";VALUE=DATE", day


def _description(doc: dict[str, Any]) -> str:
    notes = SourceNotes()
    lines = [f"{doc['display_date']} (EDTF {doc['date']})", f"Status: {doc['status']}"]
    if doc.get("status_reason"):
        lines[-1] += f" ({doc['status_reason']})"
    if doc["summary"]:
        lines += ["", doc["summary"]]
    lines += ["", "Sources:"]
    for citation in doc["citations"]:
        note = notes.note(citation)
        published = f", published {note.published}" if note.published else ""
        lines.append(f"[{note.number}] {note.label}{published} ({citation['stance']})")
        if citation["quote"]:
            lines.append(f"    “{citation['quote']}”")
        if web_link(citation["url"]):
            lines.append(f"    {citation['url']}")
    return "\n".join(lines)


def _event_lines(doc: dict[str, Any], stamp: str) -> Iterator[str]:
    start, end = _span(doc)
    flag = FLAGGED.get(doc["status"])
    yield "BEGIN:VEVENT"
    yield f"UID:{doc['id']}-{doc['slug']}@timeline"
    yield f"DTSTAMP:{stamp}"
    for name, moment in (("DTSTART", start), ("DTEND", end)):
        parameter, value = _value(moment)
        yield f"{name}{parameter}:{value}"
    yield "SUMMARY:" + ics_text(f"[{flag}] {doc['title']}" if flag else doc["title"])
    yield "DESCRIPTION:" + ics_text(_description(doc))
    place = ", ".join(part for part in (doc["place"], doc["country"]) if part)
    if place:
        yield "LOCATION:" + ics_text(place)
    if doc["lat"] is not None and doc["lon"] is not None:
        yield f"GEO:{doc['lat']!r};{doc['lon']!r}"
    yield "CATEGORIES:" + ",".join(ics_text(word) for word in (doc["kind"], *doc["tags"]))
    yield f"STATUS:{_STATUS.get(doc['status'], 'TENTATIVE')}"
    yield "TRANSP:TRANSPARENT"  # a past event is never busy time
    yield "END:VEVENT"


def _stamp(stamp: datetime | None) -> str:
    """DTSTAMP: the given time, else SOURCE_DATE_EPOCH (reproducible builds), else now; always UTC."""
    if stamp is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        stamp = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return stamp.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def write_ics(documents: Sequence[dict[str, Any]], stream: IO[str], *, title: str = "Chronology",
              stamp: datetime | None = None, **_options: Any) -> None:
    if not documents:
        # RFC 5545's grammar wants at least one component in a calendar.
        raise InvalidValue("--format", "ics", "filters that select at least one event (a calendar cannot be empty)")
    dtstamp = _stamp(stamp)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline//timeline export//EN", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:" + ics_text(title)]
    body = [line for doc in documents for line in _event_lines(doc, dtstamp)]
    stream.write("".join(fold(line) for line in (*lines, *body, "END:VCALENDAR")))

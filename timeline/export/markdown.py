"""A Markdown chronology for reports: by year and month, disputes shown, numbered source notes.

Owns the Markdown layout; text from the database is escaped so it cannot become markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO, Any

__all__ = ["write_markdown"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_FLAGGED = {"disputed": "Disputed", "denied": "Denied", "false": "False"}


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


_LEADING_DATE = re.compile(r"\[?(?:\.\./|/)?(-?\d{4})(?:-(\d{2}))?")


def _group(doc: dict[str, Any]) -> tuple[str, str]:
    """Year and month headings from the date as stated (not its widened bounds)."""
    found = _LEADING_DATE.match(doc["date"])
    if found is None:
        return "Other dates", "Other dates"
    year, month = found.group(1), found.group(2)
    if month is None or not 1 <= int(month) <= 12:
        return year, f"{year}, month not known"
    return year, f"{_MONTHS[int(month) - 1]} {year}"


def write_markdown(documents: Sequence[dict[str, Any]], stream: IO[str], *, title: str = "Chronology",
                   **_options: Any) -> None:
    notes: dict[tuple[Any, ...], int] = {}
    note_lines: list[str] = []
    out = [f"# {_escape(title)}", ""]
    year = month = None
    for doc in documents:
        doc_year, doc_month = _group(doc)
        if doc_year != year:
            out += [f"## {doc_year}", ""]
            year, month = doc_year, None
        if doc_month != month:
            out += [f"### {doc_month}", ""]
            month = doc_month
        refs = []
        for citation in doc["citations"]:
            key = (citation["source_id"],)
            if key not in notes:
                notes[key] = len(notes) + 1
                parts = [p for p in (citation["publisher"], citation["source_title"]) if p]
                line = f"{notes[key]}. " + _escape(", ".join(parts))
                if citation["published"]:
                    line += f", published {citation['published']}"
                if citation["url"]:
                    line += f". <{citation['url']}>"
                note_lines.append(line)
            refs.append(f"[{notes[key]}]")
        entry = f"- **{_escape(doc['display_date'])}**: {_escape(doc['title'])}"
        flag = _FLAGGED.get(doc["status"])
        if flag:
            entry += f" *({flag}"
            if doc.get("status_reason"):
                entry += f": {_escape(doc['status_reason'])}"
            entry += ")*"
        entry += " " + "".join(dict.fromkeys(refs))
        out.append(entry)
        if doc["summary"]:
            out.append(f"  {_escape(doc['summary'])}")
        for citation in doc["citations"]:
            if citation["quote"]:
                out.append(f"  > “{_escape(citation['quote'])}” [{notes[(citation['source_id'],)]}]")
        out.append("")
    if note_lines:
        out += ["## Sources", "", *note_lines, ""]
    stream.write("\n".join(out).rstrip("\n") + "\n")

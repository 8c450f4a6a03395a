"""A Markdown chronology for reports: by year and month of the date as stated, disputes shown, numbered source notes.

Owns the grouping and Markdown escaping; the layout is templates/chronology.md.j2. Text never becomes markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO, Any

from markupsafe import Markup

from timeline.export.citations import CHALLENGES, FLAGGED, SourceNotes
from timeline.export.templating import environment

__all__ = ["markdown_text", "write_markdown"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# CommonMark punctuation that can start markup anywhere in a line ('&' starts an entity such as &amp;).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
# At the start of a line: a list item ('-', '1986.'), or a setext underline ('=').
_LINE_START = re.compile(r"^(?:(\d{1,9})([.)])|([-=]))")
_LEADING_DATE = re.compile(r"\[?(?:\.\./|/)?(-?\d{4})(?:-(\d{2}))?")


def markdown_text(text: str) -> str:
    """Text that a CommonMark reader shows exactly as given, on one line."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _escape_for_markdown(value: Any) -> Any:
    """Jinja's finalize: every {{ value }} is Markdown-escaped unless the writer marked it as markup."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(markdown_text(value))
    return value


def _autolink(url: str) -> Markup:
    # Backslash escapes do not work inside <...>; writers pass only URLs that web_link() accepted.
    return Markup(f"<{url}>")


def _group(doc: dict[str, Any]) -> tuple[str, str]:
    """Year and month headings from the date as stated (not its widened bounds)."""
    found = _LEADING_DATE.match(doc["date"])
    if found is None:
        return "Other dates", "Other dates"
    year, month = found.group(1), found.group(2)
    if month is None or not 1 <= int(month) <= 12:
        return year, f"{year}, month not known"
    return year, f"{_MONTHS[int(month) - 1]} {year}"


def _refs(numbers: Sequence[int]) -> Markup:
    return Markup("".join(f"[{n}]" for n in dict.fromkeys(numbers)))


def _entry(doc: dict[str, Any], notes: SourceNotes) -> dict[str, Any]:
    numbers = [notes.number(citation) for citation in doc["citations"]]
    challenged = [n for n, c in zip(numbers, doc["citations"]) if c["stance"] in CHALLENGES]
    flagged = doc["status"] in FLAGGED
    return {
        "date": doc["display_date"],
        "title": doc["title"],
        "flag": FLAGGED.get(doc["status"]),
        "reason": doc.get("status_reason") if flagged else None,
        "challenged": _refs(challenged) if flagged and challenged else None,
        "refs": _refs(numbers),
        "summary": doc["summary"],
        "quotes": [{"text": c["quote"], "speaker": c["speaker"], "ref": _refs([n])}
                   for n, c in zip(numbers, doc["citations"]) if c["quote"]],
    }


def write_markdown(documents: Sequence[dict[str, Any]], stream: IO[str], *, title: str = "Chronology",
                   **_options: Any) -> None:
    notes = SourceNotes()
    years: list[dict[str, Any]] = []
    for doc in documents:
        year, month = _group(doc)
        if not years or years[-1]["heading"] != year:
            years.append({"heading": year, "months": []})
        months = years[-1]["months"]
        if not months or months[-1]["heading"] != month:
            months.append({"heading": month, "entries": []})
        months[-1]["entries"].append(_entry(doc, notes))
    env = environment(_escape_for_markdown)
    env.filters["autolink"] = _autolink
    text = env.get_template("chronology.md.j2").render(title=title, years=years, notes=notes.notes)
    stream.write(text.rstrip("\n") + "\n")

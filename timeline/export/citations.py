"""How prose exports name a cited source (publisher, title, date as written, a safe link) and flag a dispute.

Owns the wording and numbering of source notes and dispute flags; each format escapes for itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from timeline.dates import parse_edtf
from timeline.errors import InvalidDate

__all__ = ["CHALLENGES", "FLAGGED", "SourceNote", "SourceNotes", "published_text", "source_label", "web_link"]

# Statuses a reader must be warned of, with the word the prose formats show.
FLAGGED = {"disputed": "Disputed", "denied": "Denied", "false": "False"}
# Stances that speak against an event: their notes are named when a format shows a dispute.
CHALLENGES = frozenset({"denies", "disputes", "corrects", "retracts"})
# Anything a browser or Markdown reader could take as the end of a link or as markup.
_UNSAFE_IN_LINK = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def web_link(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address that is safe to make a link of, else None.

    The database refuses other URLs already; exports check again because documents may come from elsewhere.
    """
    if not url or _UNSAFE_IN_LINK.search(url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def published_text(edtf: str | None) -> str | None:
    """'2022-08-02~' as 'c. 2 Aug 2022'; text that is not EDTF is shown as it is."""
    if not edtf:
        return None
    try:
        return parse_edtf(edtf).display()
    except InvalidDate:
        return edtf


def source_label(citation: Mapping[str, Any]) -> str:
    """'The Moscow Times, “Title”'; a [bracketed] title is the curator's description and stays unquoted."""
    title = citation["source_title"]
    if not (title.startswith("[") and title.endswith("]")):
        title = f"“{title}”"
    return ", ".join(part for part in (citation["publisher"], title) if part)


@dataclass
class SourceNote:
    number: int
    label: str
    published: str | None
    link: str | None
    url: str | None  # as stored, shown as text when it is not safe to link


@dataclass
class SourceNotes:
    """Numbers sources in the order a document first cites them, so a number means one source throughout."""

    notes: list[SourceNote] = field(default_factory=list)
    _by_source: dict[int, SourceNote] = field(default_factory=dict)

    def note(self, citation: Mapping[str, Any]) -> SourceNote:
        """The note for the citation's source, made when the source is first cited."""
        note = self._by_source.get(citation["source_id"])
        if note is None:
            note = SourceNote(len(self.notes) + 1, source_label(citation), published_text(citation["published"]),
                              web_link(citation["url"]), citation["url"])
            self._by_source[citation["source_id"]] = note
            self.notes.append(note)
        return note

    def number(self, citation: Mapping[str, Any]) -> int:
        return self.note(citation).number

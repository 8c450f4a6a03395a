"""A document to ingest: its text (plain, from Markdown, or the main text of an HTML page) and what is known of it.
Owns format detection and where each field comes from (flags, then the page's meta tags or a front-matter header,
then the text itself); must not store anything or judge whether a date is valid.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.files import read_text
from timeline.ingest.markdown_text import plain_text
from timeline.ingest.webpage import read_page

__all__ = ["Document", "parse_document", "read_document"]

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_LOOKS_HTML = re.compile(r"\s{0,200}(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.{0,4000}?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z_ -]{0,30}):[ \t]*(.*)")
_HEADER_FIELDS = {
    "title": "title", "date": "published", "published": "published", "url": "url", "link": "url",
    "source": "publisher", "publisher": "publisher", "site": "publisher", "author": "author", "by": "author",
}  # fmt: skip
_MAX_TITLE_LINE = 200
_DATE_PART = re.compile(r"\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)")


@dataclass(frozen=True)
class Document:
    """The text that quotes and offsets refer to, with its bibliographic fields as found (None where unknown)."""

    text: str
    name: str
    format: str  # text | markdown | html
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None

    @property
    def sha256(self) -> str:
        """The hash of the stored text: the same document twice is the same source."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_document(
    path: str | Path,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Document:
    """A text, Markdown or HTML file as a Document; flags given here win over what the file says."""
    location = Path(path)
    return parse_document(read_text(location), name=location.name, title=title, published=published, url=url,
                          publisher=publisher)


def parse_document(
    raw: str,
    *,
    name: str = "document",
    format: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Document:
    """The Document for a decoded file's content; never raises on any content."""
    kind = format or _format_of(name, raw)
    found: dict[str, str] = {}
    if kind == "html":
        page = read_page(raw)
        text, found = page.text, page.meta
    else:
        found, body = _front_matter(raw.replace("\r\n", "\n").replace("\r", "\n"))
        text = plain_text(body) if kind == "markdown" else body
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    given_date = found.get("published")
    return Document(
        text=text,
        name=name,
        format=kind,
        title=_first(title, found.get("title"), _title_line(text) if kind != "html" else None, Path(name).stem),
        published=_first(published, _date_part(given_date)),
        url=_first(url, found.get("url")),
        publisher=_first(publisher, found.get("publisher")),
        author=_first(found.get("author")),
        language=_first(found.get("language")),
    )


def _format_of(name: str, raw: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in _HTML_SUFFIXES or _LOOKS_HTML.match(raw):
        return "html"
    return "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Fields of a '---' header at the top ('title: ...', 'date: ...'), and the text after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        header = _HEADER_LINE.fullmatch(line.strip())
        if header:
            key = _HEADER_FIELDS.get(header.group(1).strip().lower())
            value = header.group(2).strip().strip("\"'")
            if key and value:
                fields.setdefault(key, value)
    return fields, text[match.end():]


def _title_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            line = line.strip().lstrip("#").strip()
            return line if len(line) <= _MAX_TITLE_LINE else None
    return None


def _date_part(value: str | None) -> str | None:
    """The calendar date of a meta tag's timestamp ('2022-08-17T10:00:00+00:00' -> '2022-08-17')."""
    if not value:
        return None
    match = _DATE_PART.match(value)
    return match.group(1) if match else None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value is not None and value.strip():
            return " ".join(value.split())
    return None

"""The readable text of an HTML page and what its head says about it (title, date, address, site, author, language).
Owns main-text extraction with the standard library's parser; must not fetch anything, run scripts or keep markup.

Text inside script, style, nav, header, footer, aside, form and the like is dropped. Headings, paragraphs,
list items, quotations and table cells become paragraphs separated by blank lines. When the page marks its
content with <article> (or else <main>), only that part is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Page", "read_page"]

_SKIPPED = frozenset(
    "script style nav header footer aside noscript template svg math form iframe button select textarea canvas "
    "object embed head".split()
)
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre section article main table tr td th caption "
    "figure figcaption address hr br body html details summary".split()
)
_META_FIELDS = {
    "article:published_time": "published",
    "og:title": "title",
    "og:url": "url",
    "og:site_name": "publisher",
    "author": "author",
    "article:author": "author",
}


@dataclass
class Page:
    """An HTML page read: its main text, and what its head says under Document's field names (title, published,
    url, publisher, author, language), each only when the head gives it."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class _Block:
    words: list[str] = field(default_factory=list)
    article: bool = False
    main: bool = False
    preformatted: bool = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.current = _Block()
        self.skipping: dict[str, int] = {}
        self.depth = {"article": 0, "main": 0, "pre": 0}
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_parts: list[str] = []

    # -- structure ---------------------------------------------------------------------------

    def _flush(self) -> None:
        if any(part.strip() for part in self.current.words):
            self.blocks.append(self.current)
        self.current = _Block(article=self.depth["article"] > 0, main=self.depth["main"] > 0,
                              preformatted=self.depth["pre"] > 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "link":
            values = dict(attrs)
            if (values.get("rel") or "").lower() == "canonical" and values.get("href"):
                self.meta.setdefault("canonical", values["href"] or "")
        elif tag == "html":
            language = dict(attrs).get("lang")
            if language:
                self.meta.setdefault("language", language)
        if tag == "title":
            self.in_title = True
        if tag in _SKIPPED:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
            return
        if tag in _BLOCKS:
            if tag in self.depth:
                self.depth[tag] += 1
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            return  # '<iframe/>': nothing inside to skip
        self.handle_starttag(tag, attrs)
        if tag in self.depth:
            self.depth[tag] = max(0, self.depth[tag] - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIPPED:
            if self.skipping.get(tag):
                self.skipping[tag] -= 1
            return
        if tag in _BLOCKS:
            self._flush()
            if tag in self.depth:
                self.depth[tag] = max(0, self.depth[tag] - 1)
            self.current = _Block(article=self.depth["article"] > 0, main=self.depth["main"] > 0,
                                  preformatted=self.depth["pre"] > 0)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if any(self.skipping.values()):
            return
        self.current.words.append(data)

    def _meta(self, values: dict[str, str | None]) -> None:
        name = (values.get("property") or values.get("name") or "").strip().lower()
        content = (values.get("content") or "").strip()
        if name in _META_FIELDS and content:
            self.meta.setdefault(_META_FIELDS[name], content)

    # -- result ------------------------------------------------------------------------------

    def page(self) -> Page:
        self._flush()
        chosen = [block for block in self.blocks if block.article] or [
            block for block in self.blocks if block.main] or self.blocks
        paragraphs = []
        for block in chosen:
            joined = "".join(block.words)
            if block.preformatted:
                paragraphs.append(joined.strip("\n"))
            else:
                paragraphs.append(" ".join(joined.split()))
        meta = dict(self.meta)
        canonical = meta.pop("canonical", None)
        title = " ".join("".join(self.title_parts).split())
        if title:
            meta.setdefault("title", title)
        if canonical:
            meta.setdefault("url", canonical)
        return Page("\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip()), meta)


def _defused(html: str) -> str:
    """The markup with constructs that never close written as text: a '<' after the last '>' and a '<!--' after
    the last '-->'. The standard parser rescans to the end of the input for each of them (quadratic time)."""
    last_close = html.rfind(">")
    if html.find("<", last_close + 1) >= 0:
        html = html[:last_close + 1] + html[last_close + 1:].replace("<", "&lt;")
    last_comment_end = html.rfind("-->")
    tail_start = last_comment_end + 3 if last_comment_end >= 0 else 0
    if html.find("<!--", tail_start) >= 0:
        html = html[:tail_start] + html[tail_start:].replace("<!--", "&lt;!--")
    return html


def read_page(html: str) -> Page:
    """The main text and head metadata of an HTML document; never raises on malformed markup."""
    reader = _Reader()
    reader.feed(_defused(html))
    reader.close()
    return reader.page()

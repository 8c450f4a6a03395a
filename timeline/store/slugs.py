"""Readable identifiers: event slugs and source keys made from a date and a title."""

from __future__ import annotations

import re
from collections.abc import Container

from timeline.search import fold

_STOPWORDS = frozenset("a an and at by for from in into of on or than that the to with".split())


def readable_slug(stem: str, title: str, *, empty: str) -> str:
    """`stem` (a date, or a word) then up to seven words of the title, in lower-case ASCII.

    `empty` ends the slug when the title has no usable word (a title in another script, say).
    """
    ascii_title = fold(title).encode("ascii", "ignore").decode()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_title) if w not in _STOPWORDS][:7]
    slug = "-".join([stem, *words]) if words else f"{stem}-{empty}"
    return slug[:120].rstrip("-")


def first_free(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not among `taken`."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"

"""Readable identifiers: event slugs and source keys made from a date and a title."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

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


def stored_taken(session: Session, column: ColumnElement[str], bases: Iterable[str]) -> set[str]:
    """The stored values of `column` a new `base` (or `base-N`) must avoid: each base itself and, for a
    base already taken, its numbered variants, which the next free number must skip."""
    wanted = sorted(set(bases))
    if not wanted:
        return set()
    taken = set(session.scalars(select(column).where(column.in_(wanted))))
    for base in taken.intersection(wanted):
        taken.update(session.scalars(select(column).where(column.like(f"{base}-%"))))
    return taken

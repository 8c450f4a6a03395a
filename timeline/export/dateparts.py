"""Dates in the shapes other formats want: parts cut to their precision, bounds as seconds for drawing.

Owns the precision -> parts and bound -> seconds rules shared by several formats; never widens or guesses a part.
"""

from __future__ import annotations

from timeline.dates import Precision, Span, seconds_from_iso

__all__ = ["bound_seconds", "date_parts", "season_number"]

_KNOWN_PARTS = {
    Precision.SECOND: 6, Precision.MINUTE: 5, Precision.HOUR: 4, Precision.DAY: 3, Precision.MONTH: 2,
}
# EDTF seasons start in March, June, September and December: spring 1 ... winter 4, as CSL counts them.
_SEASONS = {3: 1, 6: 2, 9: 3, 12: 4}


def date_parts(span: Span) -> tuple[int, ...]:
    """(year,), (year, month), (year, month, day) ... up to (year, month, day, hour, minute, second).

    A season, decade or century keeps only its first year; `season_number` tells the season.
    """
    return span.first_moment()[: _KNOWN_PARTS.get(span.precision, 1)]


def season_number(span: Span) -> int | None:
    if span.precision is not Precision.SEASON:
        return None
    return _SEASONS[span.first_moment()[1]]


def bound_seconds(bound: str | None, *, end: bool) -> int | None:
    """A document's ISO bound in seconds since 1970; an end bound as the first second after it
    (so a day is [00:00, next 00:00)); None when unbounded."""
    if bound is None:
        return None
    return seconds_from_iso(bound, latest=end) + (1 if end else 0)

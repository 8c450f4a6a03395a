"""Index-driven date-range conditions: duration classes and the SQL for each match mode.

Owns how `overlaps`, `within` and `starts` become conditions that a B-tree index can
answer on SQLite and PostgreSQL alike; it knows nothing of other filters.

Why duration classes: an overlap test `start_earliest <= B and end_latest >= A` on an
index of start_earliest still walks every earlier event. Each event is filed under the
smallest class whose longest duration D covers `end_latest - start_earliest`; within a
class an overlapping event must start in [A - D, B], a bounded range of the index
(span_class, start_earliest, end_latest). The last class holds open-ended and very long
events and is walked from the beginning; it is small in practice.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_

from timeline.dates import MAX_BOUND, MIN_BOUND
from timeline.models import Event

__all__ = ["CLASS_LIMITS", "OPEN_CLASS", "match_condition", "span_class"]

_DAY = 86_400
# Longest duration (seconds, end_latest - start_earliest) of each class, in order.
CLASS_LIMITS: tuple[int, ...] = (
    3 * _DAY,  # a day, even when approximate (± a day)
    100 * _DAY,  # a month or a season, approximate included
    1_100 * _DAY,  # a year, approximate included
    11_000 * _DAY,  # a decade
    110_000 * _DAY,  # a century
    1_100_000 * _DAY,  # a millennium
)
OPEN_CLASS = len(CLASS_LIMITS)


def span_class(start_earliest: int, end_latest: int) -> int:
    """The duration class an event is filed under."""
    if start_earliest <= MIN_BOUND or end_latest >= MAX_BOUND:
        return OPEN_CLASS
    duration = end_latest - start_earliest
    for number, limit in enumerate(CLASS_LIMITS):
        if duration <= limit:
            return number
    return OPEN_CLASS


def _overlaps(low: int, high: int) -> ColumnElement[bool] | None:
    if low == MIN_BOUND and high == MAX_BOUND:
        return None
    if low == MIN_BOUND:
        # Nothing bounds the start from below; the chronology index answers start <= high.
        return Event.start_earliest <= high
    branches = []
    for number, limit in enumerate(CLASS_LIMITS):
        conditions = [Event.span_class == number, Event.start_earliest >= low - limit, Event.end_latest >= low]
        if high != MAX_BOUND:
            conditions.append(Event.start_earliest <= high)
        branches.append(and_(*conditions))
    open_branch = [Event.span_class == OPEN_CLASS, Event.end_latest >= low]
    if high != MAX_BOUND:
        open_branch.append(Event.start_earliest <= high)
    branches.append(and_(*open_branch))
    return or_(*branches)


def match_condition(match: str, low: int, high: int) -> ColumnElement[bool] | None:
    """The condition for a window [low, high] (seconds; MIN/MAX_BOUND for an open side)."""
    if match == "overlaps":
        return _overlaps(low, high)
    conditions = []
    if low != MIN_BOUND:
        conditions.append(Event.start_earliest >= low)
    if high != MAX_BOUND:
        conditions.append((Event.end_latest if match == "within" else Event.start_latest) <= high)
        # Bounds the index range from above too: a start after `high` can be neither.
        conditions.append(Event.start_earliest <= high)
    return and_(*conditions) if conditions else None

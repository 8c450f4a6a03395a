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

from sqlalchemy import BindParameter, ColumnElement, and_, bindparam, literal_column, or_

from timeline.dates import MAX_BOUND, MIN_BOUND
from timeline.models import Event

__all__ = ["CLASS_LIMITS", "OPEN_CLASS", "match_condition", "span_class", "window_parameters"]

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


def window_parameters(low: int, high: int) -> dict[str, int]:
    """The bound values a window's condition names: its ends, and where each class's scan starts."""
    parameters = {"low": low, "high": high}
    parameters.update({f"from_{number}": low - limit for number, limit in enumerate(CLASS_LIMITS)})
    return parameters


def _overlaps(value: dict[str, BindParameter[int]], low_open: bool, high_open: bool) -> ColumnElement[bool] | None:
    if low_open and high_open:
        return None
    if low_open:
        # Nothing bounds the start from below; the chronology index answers start <= high.
        return Event.start_earliest <= value["high"]
    branches = []
    for number in range(len(CLASS_LIMITS)):
        conditions = [Event.span_class == literal_column(str(number)), Event.start_earliest >= value[f"from_{number}"],
                      Event.end_latest >= value["low"]]
        if not high_open:
            conditions.append(Event.start_earliest <= value["high"])
        branches.append(and_(*conditions))
    open_branch = [Event.span_class == literal_column(str(OPEN_CLASS)), Event.end_latest >= value["low"]]
    if not high_open:
        open_branch.append(Event.start_earliest <= value["high"])
    branches.append(and_(*open_branch))
    return or_(*branches)


def match_condition(match: str, low: int, high: int) -> ColumnElement[bool] | None:
    """The condition for a window [low, high] (seconds; MIN/MAX_BOUND for an open side).

    Its values are named parameters (see `window_parameters`) and the class numbers are written into
    the SQL, so the text depends only on the mode and on which sides are open: compiled once, it
    serves every window of that shape.
    """
    value = {name: bindparam(name, number) for name, number in window_parameters(low, high).items()}
    low_open, high_open = low == MIN_BOUND, high == MAX_BOUND
    if match == "overlaps":
        return _overlaps(value, low_open, high_open)
    conditions = []
    if not low_open:
        conditions.append(Event.start_earliest >= value["low"])
    if not high_open:
        conditions.append((Event.end_latest if match == "within" else Event.start_latest) <= value["high"])
        # Bounds the index range from above too: a start after `high` can be neither.
        conditions.append(Event.start_earliest <= value["high"])
    return and_(*conditions) if conditions else None

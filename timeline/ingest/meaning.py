"""What a matched phrase says about time before it is placed on the calendar: named fields, shifts, nearest names.
Owns the reading types shared by the patterns and the anchoring; must not match text or resolve anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

__all__ = ["Fixed", "Found", "Named", "Nearest", "Reading", "Shifted"]

Anchor = Literal["now", "story"]


@dataclass(frozen=True)
class Named:
    """Calendar fields as written; the year may be missing ('December 7', 'Tuesday morning', 'summer')."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: Monday is 1
    season: str | None = None  # SP, SU, FA, WI
    quarter: int | None = None
    week: int | None = None
    decade: int | None = None  # the 1990s -> 199
    century: int | None = None  # the 20th century -> 19
    part: str | None = None  # MO, AF, EV, NI, DT: a part of the day
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    two_digit_year: bool = False  # '99: the century comes from the story


@dataclass(frozen=True)
class Shifted:
    """A count of units from the publication date ('two days ago') or from the story's current time ('a year later').

    count None is an unknown count ('a few days later'), which TIMEX3 writes as PAST_REF or FUTURE_REF;
    direction gives its sign.
    """

    anchor: Anchor
    unit: str
    count: int | None
    direction: int = 0
    part: str | None = None


@dataclass(frozen=True)
class Nearest:
    """A named month, weekday, season or quarter counted from an anchor: 'last July', 'next Tuesday', 'the previous April'."""

    anchor: Anchor
    direction: int  # -1 the one before, 0 the one of this period, +1 the one after
    target: Named


@dataclass(frozen=True)
class Fixed:
    """A value that needs no anchoring: durations, sets, PRESENT_REF and its kin."""

    type: str
    value: str


Reading = Union[Named, Shifted, Nearest, Fixed]


@dataclass(frozen=True)
class Found:
    """One phrase a pattern recognised: where it is and what it says."""

    start: int
    end: int
    reading: Reading

"""Calendar points for the tagger and how TIMEX3 writes them: BC years, ISO weeks, quarters, shifts by a unit.
Owns arithmetic and value strings; must not read text or decide which point a phrase names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

__all__ = ["Point", "duration_value", "render", "shift", "year_text"]

_MIN_ORDINAL_YEAR, _MAX_ORDINAL_YEAR = 1, 9999


@dataclass(frozen=True)
class Point:
    """A calendar point known to some precision. Years are historical: -490 is 490 BC (there is no year 0)."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def grain(self) -> str:
        if self.year is None:
            return "none"
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def date(self) -> dt.date | None:
        """The datetime.date, when the point is a whole day the standard library can hold."""
        if self.year is None or self.month is None or self.day is None:
            return None
        if not _MIN_ORDINAL_YEAR <= self.year <= _MAX_ORDINAL_YEAR:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @classmethod
    def of(cls, date: dt.date) -> Point:
        return cls(date.year, date.month, date.day)


def year_text(year: int | None) -> str:
    if year is None:
        return "XXXX"
    if year < 0:
        return f"BC{-year:04d}"
    return f"{year:04d}"


def _add_years(year: int, count: int) -> int:
    moved = year + count
    # Historical years skip zero: one year after 1 BC is AD 1.
    if year < 0 <= moved:
        moved += 1
    elif year > 0 >= moved:
        moved -= 1
    return moved


def shift(point: Point, unit: str, count: int) -> Point:
    """The point moved by count units; finer parts it cannot know become unknown."""
    if point.year is None:
        return point
    if unit in ("day", "week", "weekend"):
        date = point.date()
        if date is None:
            return replace(point, day=None)
        days = count * (1 if unit == "day" else 7)
        try:
            return Point.of(date + dt.timedelta(days=days))
        except OverflowError:
            return Point(point.year)
    if unit in ("month", "quarter", "season"):
        if point.month is None:
            return Point(point.year)
        months = count * {"month": 1, "quarter": 3, "season": 3}[unit]
        total = point.month - 1 + months
        return Point(_add_years(point.year, total // 12), total % 12 + 1)
    factor = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit)
    if factor is None:
        return point
    return Point(_add_years(point.year, count * factor), point.month, point.day)


def _week_text(point: Point) -> str:
    date = point.date()
    if date is None:
        return f"{year_text(point.year)}-WXX"
    iso_year, week, _ = date.isocalendar()
    return f"{year_text(iso_year)}-W{week:02d}"


def render(point: Point, grain: str) -> str:
    """The TIMEX3 value of the point at a granularity: day, week, weekend, month, quarter, year, decade, century."""
    year = year_text(point.year)
    if grain == "day":
        if point.month is None:
            return f"{year}-XX-XX"
        return f"{year}-{point.month:02d}-" + (f"{point.day:02d}" if point.day is not None else "XX")
    if grain in ("week", "weekend"):
        return _week_text(point) + ("-WE" if grain == "weekend" else "")
    if grain in ("month", "season"):
        return f"{year}-{point.month:02d}" if point.month is not None else f"{year}-XX"
    if grain == "quarter":
        return f"{year}-Q{(point.month - 1) // 3 + 1}" if point.month is not None else f"{year}-QX"
    if point.year is None:
        return {"decade": "XXX", "century": "XX"}.get(grain, "XXXX")
    if grain == "decade":
        return year[:-1]
    if grain in ("century", "millennium"):
        return year[:-2]
    return year


def duration_value(count: float | None, unit: str) -> str:
    """P3D, PT10M, P1.5Y, PXW; count None means an unknown number (TIMEX3 X)."""
    designators = {
        "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
        "week": ("", "W", 1), "fortnight": ("", "W", 2), "weekend": ("", "WE", 1), "month": ("", "M", 1),
        "quarter": ("", "Q", 1), "season": ("", "M", 3), "year": ("", "Y", 1), "decade": ("", "DE", 1),
        "century": ("", "CE", 1), "millennium": ("", "ML", 1),
    }  # fmt: skip
    time_mark, letter, factor = designators[unit]
    if unit == "decade" and count is not None:
        time_mark, letter, factor = "", "Y", 10
    if count is None:
        return f"P{time_mark}X{letter}"
    amount = count * factor
    number = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return f"P{time_mark}{number}{letter}"

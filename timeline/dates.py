"""Fuzzy dates: EDTF levels 0-1 (plus [a..b] ranges) and plain English to inclusive second bounds, and back to text.
Pure standard-library code: never touches the database, the CLI, the clock or the local time zone.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from timeline.errors import InvalidDate, InvalidValue

__all__ = [
    "FuzzyDate",
    "MAX_BOUND",
    "MIN_BOUND",
    "Precision",
    "Span",
    "UNCERTAINTY_MARGIN",
    "english_to_edtf",
    "iso_bound",
    "parse_date",
    "parse_edtf",
    "seconds_from_iso",
    "stated_spans",
    "window",
]

# Sentinels for "no bound": far outside any year we accept, so never confused with a real instant.
MIN_BOUND = -(2**62)
MAX_BOUND = 2**62

_DAY = 86_400
# Years beyond this are refused so that every bound, even widened, stays well inside the sentinels.
_YEAR_LIMIT = 10**11
_MAX_TEXT = 100


class Precision(str, enum.Enum):
    """How finely a date is known, declared from finest to coarsest."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"


_RANK = {precision: rank for rank, precision in enumerate(Precision)}

#: How far one '~' or '?' widens the possible bounds on EACH side, by precision: (amount, unit).
#: '%' (both) widens by twice this. Applied once per date, never compounded.
#: Month-based units move whole calendar months, so '2022-08~' covers 2022-07-01 .. 2022-09-30.
UNCERTAINTY_MARGIN: Mapping[Precision, tuple[int, str]] = MappingProxyType(
    {
        Precision.SECOND: (1, "second"),
        Precision.MINUTE: (1, "minute"),
        Precision.HOUR: (1, "hour"),
        Precision.DAY: (1, "day"),
        Precision.MONTH: (1, "month"),
        Precision.SEASON: (3, "month"),
        Precision.YEAR: (1, "year"),
        Precision.DECADE: (10, "year"),
        Precision.CENTURY: (100, "year"),
        Precision.MILLENNIUM: (1000, "year"),
    }
)
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": _DAY}
_UNIT_MONTHS = {"month": 1, "year": 12}

# ---------------------------------------------------------------------------------------------
# Calendar arithmetic (proleptic Gregorian, astronomical years: 0000 is 1 BCE, -0001 is 2 BCE)
# ---------------------------------------------------------------------------------------------

_MONTH_LENGTHS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_ABBREVIATIONS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return _MONTH_LENGTHS[month]


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to the given date; any integer year (after Howard Hinnant)."""
    # Count years from 1 March so that the leap day is the last day of its year.
    if month <= 2:
        year -= 1
    cycle, year_of_cycle = divmod(year, 400)  # 400-year cycles of exactly 146097 days
    month_from_march = month - 3 if month > 2 else month + 9
    day_of_year = (153 * month_from_march + 2) // 5 + day - 1
    day_of_cycle = year_of_cycle * 365 + year_of_cycle // 4 - year_of_cycle // 100 + day_of_year
    # 719468 days separate 0000-03-01, where cycle 0 starts, from 1970-01-01.
    return cycle * 146_097 + day_of_cycle - 719_468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """The (year, month, day) that lies the given number of days after 1970-01-01."""
    cycle, day_of_cycle = divmod(days + 719_468, 146_097)
    year_of_cycle = (
        day_of_cycle - day_of_cycle // 1460 + day_of_cycle // 36_524 - day_of_cycle // 146_096
    ) // 365
    day_of_year = day_of_cycle - (365 * year_of_cycle + year_of_cycle // 4 - year_of_cycle // 100)
    month_from_march = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_from_march + 2) // 5 + 1
    month = month_from_march + 3 if month_from_march < 10 else month_from_march - 9
    year = cycle * 400 + year_of_cycle + (1 if month <= 2 else 0)
    return year, month, day


def _months_later(seconds: int, months: int) -> int:
    """The same day and time of day `months` calendar months away (day clamped to month length)."""
    days, time_of_day = divmod(seconds, _DAY)
    year, month, day = _civil_from_days(days)
    new_year, new_month_index = divmod(year * 12 + month - 1 + months, 12)
    new_month = new_month_index + 1
    day = min(day, _days_in_month(new_year, new_month))
    return _days_from_civil(new_year, new_month, day) * _DAY + time_of_day


def _year_span(first_year: int, last_year: int) -> tuple[int, int]:
    return (
        _days_from_civil(first_year, 1, 1) * _DAY,
        _days_from_civil(last_year + 1, 1, 1) * _DAY - 1,
    )


def _months_span(year: int, month: int, count: int) -> tuple[int, int]:
    end_year, end_month_index = divmod(year * 12 + month - 1 + count, 12)
    return (
        _days_from_civil(year, month, 1) * _DAY,
        _days_from_civil(end_year, end_month_index + 1, 1) * _DAY - 1,
    )


# ---------------------------------------------------------------------------------------------
# Public value types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """One EDTF date (not an interval) as written: a closed span of seconds, before any widening."""

    earliest: int
    latest: int
    precision: Precision
    uncertain: bool = False  # '?' or '%'
    approximate: bool = False  # '~' or '%'
    utc_offset: int | None = None  # seconds east of UTC as written; None when no zone was given

    def first_moment(self) -> tuple[int, int, int, int, int, int]:
        """(year, month, day, hour, minute, second) where the span begins, in the zone it was written in."""
        days, time_of_day = divmod(self.earliest + (self.utc_offset or 0), _DAY)
        hours, rest = divmod(time_of_day, 3600)
        return (*_civil_from_days(days), hours, rest // 60, rest % 60)

    def widened(self) -> tuple[int, int]:
        """The possible (earliest, latest): widened by UNCERTAINTY_MARGIN per qualifier ('%' twice)."""
        factor = self.uncertain + self.approximate
        if not factor:
            return self.earliest, self.latest
        amount, unit = UNCERTAINTY_MARGIN[self.precision]
        amount *= factor
        if unit in _UNIT_SECONDS:
            shift = amount * _UNIT_SECONDS[unit]
            return self.earliest - shift, self.latest + shift
        months = amount * _UNIT_MONTHS[unit]
        # Shift the exclusive end so that month lengths come out right (Feb 28 -> May 31, not May 28).
        return _months_later(self.earliest, -months), _months_later(self.latest + 1, months) - 1


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date or interval as inclusive possible bounds in seconds since 1970-01-01 UTC.

    The event starts somewhere in [start_earliest, start_latest] and ends somewhere in
    [end_earliest, end_latest]; MIN_BOUND / MAX_BOUND mean unbounded.
    """

    edtf: str  # canonical EDTF text: the input trimmed, with X, T, Z and Y in upper case
    start_earliest: int
    start_latest: int
    end_earliest: int
    end_latest: int
    precision: Precision  # of the start; of the end when the start is open or unknown
    approximate: bool  # some part carries '~' or '%'
    uncertain: bool  # some part carries '?' or '%'
    is_interval: bool

    def display(self) -> str:
        """The date the way people write it, e.g. '17–18 Jun 2022', 'c. Aug 2022', 'Summer 2022'."""
        return _display(_parse_structure(self.edtf, self.edtf))

    def overlaps(self, other: FuzzyDate) -> bool:
        """True when the two could share at least one second."""
        return self.start_earliest <= other.end_latest and other.start_earliest <= self.end_latest


# ---------------------------------------------------------------------------------------------
# EDTF parsing
# ---------------------------------------------------------------------------------------------

_EXPECTED_EDTF = "EDTF such as 2022-06-17, 2022-06, 2022-06-17/2022-06-18, 2022-08~, 202X or 2022-22"
_EXPECTED_ANY = (
    "EDTF such as 2022-06-17, 2022-06, 2022-06-17/2022-06-18, 2022-08~, "
    "or plain English such as '17 June 2022'"
)
_EXPECTED_SET = "a range of two dates such as [2022-08-01..2022-08-10] (other EDTF sets are not supported)"

# Only what a bulk load mostly sees: YYYY, YYYY-MM, YYYY-MM-DD. Everything else takes the full path.
_PLAIN_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_DATE_RE = re.compile(
    r"(?P<sign>-?)(?P<year>[0-9X]{4})"
    r"(?:-(?P<month>[0-9X]{2})"
    r"(?:-(?P<day>[0-9X]{2})"
    r"(?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
    r"(?P<zone>Z|[+-][0-9]{2}(?::[0-9]{2})?)?"
    r")?)?)?"
)
_LONG_YEAR_RE = re.compile(r"Y(-?)([0-9]+)")
_TIME_HINT_RE = re.compile(r"-?[0-9X]{4}-[0-9X]{2}-[0-9X]{2}T")
_MANY_DIGITS_RE = re.compile(r"-?[0-9]{5,}")
_UPPER_LETTERS = str.maketrans("xtzy", "XTZY")
_QUALIFIERS = {"?": (True, False), "~": (False, True), "%": (True, True)}  # (uncertain, approximate)
_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}
_UNSPECIFIED_PRECISION = {1: Precision.DECADE, 2: Precision.CENTURY, 3: Precision.MILLENNIUM}


class _Structure(NamedTuple):
    """A parsed EDTF text; the bounds of its parts are as written (not widened)."""

    edtf: str
    kind: str  # "single", "interval" or "set"
    start: Span | None  # None: open ('..') or unknown ('') start
    end: Span | None
    start_open: bool
    end_open: bool


def parse_edtf(text: str) -> FuzzyDate:
    """Parse EDTF (2019 levels 0 and 1, plus level-2 ranges '[A..B]') into a FuzzyDate.

    Surrounding blanks are ignored and lower-case x/t/z/y accepted (the canonical text has them
    in upper case). Decisions: 'T04:00' is kept as written with minute precision (EDTF has no
    hour-only form, so 'T04' is refused); 'XXXX' is refused, as it says nothing about when;
    unspecified digits (X) are allowed only at the end, as EDTF level 1 says. Raises InvalidDate.
    """
    if isinstance(text, str):
        plain = _PLAIN_RE.fullmatch(text)
        if plain is not None:
            found = _plain_date(text, *plain.groups())
            if found is not None:
                return found
    return _assemble(_parse_structure(text, text))


def stated_spans(text: str) -> tuple[Span | None, Span | None]:
    """The start and end of an EDTF date as written, before any widening; raises InvalidDate.

    A single date is both its own start and end; a one-of range '[A..B]' gives A and B; an interval
    gives its two ends, None for an open or unknown one.
    """
    parsed = _parse_structure(text, text)
    return parsed.start, parsed.end


def _plain_date(text: str, year_text: str, month_text: str | None, day_text: str | None) -> FuzzyDate | None:
    """The fast path for YYYY[-MM[-DD]]; None to let the full parser decide (seasons, mistakes)."""
    year = int(year_text)
    if month_text is None:
        earliest = _days_from_civil(year, 1, 1) * _DAY
        latest = earliest + (366 if _is_leap(year) else 365) * _DAY - 1
        precision = Precision.YEAR
    else:
        month = int(month_text)
        if not 1 <= month <= 12:
            return None
        length = _days_in_month(year, month)
        if day_text is None:
            earliest = _days_from_civil(year, month, 1) * _DAY
            latest = earliest + length * _DAY - 1
            precision = Precision.MONTH
        else:
            day = int(day_text)
            if not 1 <= day <= length:
                return None
            earliest = _days_from_civil(year, month, day) * _DAY
            latest = earliest + _DAY - 1
            precision = Precision.DAY
    return FuzzyDate(text, earliest, latest, earliest, latest, precision, False, False, False)


def _parse_structure(text: object, value: object) -> _Structure:
    """Parse and validate EDTF text; `value` is what error messages name (the user's input)."""
    if not isinstance(text, str):
        raise InvalidDate(value, f"text in {_EXPECTED_EDTF}")
    if len(text) > _MAX_TEXT:
        raise InvalidDate(value, f"a date of at most {_MAX_TEXT} characters")
    edtf = text.strip().translate(_UPPER_LETTERS)
    if not edtf:
        raise InvalidDate(value, "a date such as 2022-06-17 (the text is empty or blank)")
    if edtf[0] == "[":
        return _parse_set(edtf, value)
    if "/" in edtf:
        return _parse_interval(edtf, value)
    span = _parse_span(edtf, value)
    return _Structure(edtf, "single", span, span, False, False)


def _parse_interval(edtf: str, value: object) -> _Structure:
    parts = edtf.split("/")
    if len(parts) != 2:
        raise InvalidDate(value, "an interval of two dates separated by one '/', as in 2022-06-17/2022-06-18")
    first, second = parts
    start = None if first in ("", "..") else _parse_span(first, value)
    end = None if second in ("", "..") else _parse_span(second, value)
    if start is None and end is None:
        raise InvalidDate(value, "an interval with a date at one end at least, as in 2022-01-06/..")
    if start is not None and end is not None and end.latest < start.earliest:
        raise InvalidDate(
            value, f"an interval whose end is not before its start ({second} ends before {first} begins)"
        )
    return _Structure(edtf, "interval", start, end, first == "..", second == "..")


def _parse_set(edtf: str, value: object) -> _Structure:
    pieces = edtf[1:-1].split("..") if edtf.endswith("]") else []
    if len(pieces) != 2 or not pieces[0] or not pieces[1]:
        raise InvalidDate(value, _EXPECTED_SET)
    first = _parse_span(pieces[0], value)
    last = _parse_span(pieces[1], value)
    if first.uncertain or first.approximate or last.uncertain or last.approximate:
        raise InvalidDate(value, "dates without ?, ~ or % inside a [..] range")
    if last.earliest < first.earliest or last.latest < first.latest:
        raise InvalidDate(
            value, f"a [..] range from an earlier to a later date ({pieces[0]} does not come before {pieces[1]})"
        )
    return _Structure(edtf, "set", first, last, False, False)


def _parse_span(part: str, value: object) -> Span:
    """One date with an optional trailing qualifier, already trimmed and upper-cased."""
    flags = _QUALIFIERS.get(part[-1:])
    core = part[:-1] if flags else part
    if core[-1:] in _QUALIFIERS:
        raise InvalidDate(value, "at most one qualifier (?, ~ or %) after a date; '%' means both '?' and '~'")
    uncertain, approximate = flags or (False, False)
    if core[:1] == "Y":
        earliest, latest = _long_year(core, value)
        return Span(earliest, latest, Precision.YEAR, uncertain, approximate)
    match = _DATE_RE.fullmatch(core)
    if match is None:
        raise _unrecognised(core, value)
    sign, year_text, month_text, day_text, hour_text, minute_text, second_text, zone = match.groups()
    if "X" in year_text or (month_text and "X" in month_text) or (day_text and "X" in day_text):
        earliest, latest, precision = _unspecified(match, value)
        return Span(earliest, latest, precision, uncertain, approximate)

    year = int(year_text)
    if sign:
        if year == 0:
            raise InvalidDate(value, "0000 for the year zero (there is no -0000)")
        year = -year
    if month_text is None:
        earliest, latest = _year_span(year, year)
        return Span(earliest, latest, Precision.YEAR, uncertain, approximate)

    month = int(month_text)
    if day_text is None and month in _SEASON_START:
        earliest, latest = _months_span(year, _SEASON_START[month], 3)
        return Span(earliest, latest, Precision.SEASON, uncertain, approximate)
    if not 1 <= month <= 12:
        raise InvalidDate(value, _month_expectation(month, day_text is None))
    length = _days_in_month(year, month)
    if day_text is None:
        earliest, latest = _months_span(year, month, 1)
        return Span(earliest, latest, Precision.MONTH, uncertain, approximate)

    day = int(day_text)
    if not 1 <= day <= length:
        raise InvalidDate(value, f"a real calendar date ({_MONTH_NAMES[month]} {sign}{year_text} has {length} days)")
    day_start = _days_from_civil(year, month, day) * _DAY
    if hour_text is None:
        return Span(day_start, day_start + _DAY - 1, Precision.DAY, uncertain, approximate)

    hour, minute = int(hour_text), int(minute_text)
    if hour > 23:
        raise InvalidDate(value, "an hour 00-23 (write 24:00 as 00:00 of the next day)")
    if minute > 59:
        raise InvalidDate(value, "minutes 00-59")
    offset = None if zone is None else _utc_offset(zone, value)
    local = day_start + hour * 3600 + minute * 60
    if second_text is None:
        earliest = local - (offset or 0)
        return Span(earliest, earliest + 59, Precision.MINUTE, uncertain, approximate, offset)
    second = int(second_text)
    if second > 59:
        raise InvalidDate(value, "seconds 00-59 (leap seconds are not supported)")
    earliest = local + second - (offset or 0)
    return Span(earliest, earliest, Precision.SECOND, uncertain, approximate, offset)


def _month_expectation(month: int, season_allowed: bool) -> str:
    if not season_allowed:
        return "a month 01-12 in a full date"
    if 25 <= month <= 41:
        return "a month 01-12 or a season 21-24 (EDTF level-2 seasons 25-41 are not supported)"
    return "a month 01-12 or a season 21-24 (21 spring, 22 summer, 23 autumn, 24 winter)"


def _utc_offset(zone: str, value: object) -> int:
    if zone == "Z":
        return 0
    hours, minutes = int(zone[1:3]), int(zone[4:6] or 0)
    if hours > 14 or minutes > 59 or (hours == 14 and minutes):
        raise InvalidDate(value, "a UTC offset from -14:00 to +14:00, such as +05:00 or -04")
    seconds = hours * 3600 + minutes * 60
    return -seconds if zone[0] == "-" else seconds


def _long_year(core: str, value: object) -> tuple[int, int]:
    """'Y170000002' or 'Y-170000002': a year of more than four digits."""
    match = _LONG_YEAR_RE.fullmatch(core)
    if match is None:
        raise InvalidDate(value, "a Y-year of digits only, as in Y170000002 or Y-170000002")
    sign, digits = match.groups()
    # Length first: int() of a huge digit string is slow, and refused beyond 4300 digits.
    if len(digits) > 11 or int(digits) > _YEAR_LIMIT:
        raise InvalidDate(value, f"a year within {_YEAR_LIMIT:,} years of year zero")
    if digits[0] == "0" or len(digits) < 5:
        raise InvalidDate(
            value, "Y only before years of more than four digits, written without leading zeros (2022, not Y2022)"
        )
    year = -int(digits) if sign else int(digits)
    return _year_span(year, year)


def _unspecified(match: re.Match[str], value: object) -> tuple[int, int, Precision]:
    """Dates with X digits, which EDTF level 1 allows only at the end: 202X, 2022-XX, 2022-06-XX."""
    sign, year_text, month_text, day_text, hour_text = match.group("sign", "year", "month", "day", "hour")
    digits = year_text + (month_text or "") + (day_text or "")
    first_x = digits.index("X")
    if digits.count("X") != len(digits) - first_x:
        raise InvalidDate(value, "unspecified digits (X) only at the end, as in 202X, 2022-XX or 2022-06-XX")
    if month_text and month_text.count("X") == 1 or day_text and day_text.count("X") == 1:
        raise InvalidDate(value, "a whole month or day as XX, not one digit of it")
    if hour_text is not None:
        raise InvalidDate(value, "a full date, without X, before a time")
    if year_text == "XXXX":
        raise InvalidDate(
            value, "at least one known digit of the year (XXXX says nothing; leave the date out or use ../2022)"
        )
    unknown = year_text.count("X")
    if unknown:
        scale = 10**unknown
        low = int(year_text[: 4 - unknown]) * scale
        high = low + scale - 1
        if sign:
            low, high = -high, -low
        earliest, latest = _year_span(low, high)
        return earliest, latest, _UNSPECIFIED_PRECISION[unknown]
    year = -int(year_text) if sign else int(year_text)
    if sign and year == 0:
        raise InvalidDate(value, "0000 for the year zero (there is no -0000)")
    if month_text == "XX":
        earliest, latest = _year_span(year, year)
        return earliest, latest, Precision.YEAR
    month = int(month_text)
    if not 1 <= month <= 12:
        raise InvalidDate(value, "a month 01-12 before an unspecified day (XX)")
    earliest, latest = _months_span(year, month, 1)
    return earliest, latest, Precision.MONTH


def _unrecognised(core: str, value: object) -> InvalidDate:
    if _TIME_HINT_RE.match(core):
        return InvalidDate(
            value,
            "a time as THH:MM:SS or THH:MM, optionally with Z or an offset such as +05:00 (T04 alone is not EDTF)",
        )
    if _MANY_DIGITS_RE.fullmatch(core):
        return InvalidDate(value, "a Y before years of more than four digits, as in Y12345 or Y-12345")
    return InvalidDate(value, _EXPECTED_EDTF)


def _assemble(parsed: _Structure) -> FuzzyDate:
    start, end = parsed.start, parsed.end
    if parsed.kind == "single":
        earliest, latest = start.widened()
        return FuzzyDate(
            parsed.edtf, earliest, latest, earliest, latest, start.precision, start.approximate, start.uncertain, False
        )
    if parsed.kind == "set":
        precision = max(start.precision, end.precision, key=_RANK.__getitem__)
        return FuzzyDate(
            parsed.edtf, start.earliest, end.latest, start.earliest, end.latest, precision, False, False, False
        )
    if start is None:
        end_earliest, end_latest = end.widened()
        start_earliest, start_latest = MIN_BOUND, end_latest
        precision = end.precision
    elif end is None:
        start_earliest, start_latest = start.widened()
        end_earliest, end_latest = start_earliest, MAX_BOUND
        precision = start.precision
    else:
        start_earliest, start_latest = start.widened()
        end_earliest, end_latest = end.widened()
        # An interval cannot start after it ends: trim what each end makes impossible for the other.
        start_latest = min(start_latest, end_latest)
        end_earliest = max(end_earliest, start_earliest)
        precision = start.precision
    parts = [span for span in (start, end) if span is not None]
    return FuzzyDate(
        parsed.edtf,
        start_earliest,
        start_latest,
        end_earliest,
        end_latest,
        precision,
        any(span.approximate for span in parts),
        any(span.uncertain for span in parts),
        True,
    )


# ---------------------------------------------------------------------------------------------
# Display
# ---------------------------------------------------------------------------------------------

_SEASON_NAMES = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}
_TIME_PRECISIONS = (Precision.SECOND, Precision.MINUTE, Precision.HOUR)
_MONTH_PARTS = {(1, 10): "early", (11, 20): "mid"}


def _display(parsed: _Structure) -> str:
    if parsed.kind == "single":
        return _span_text(parsed.start)
    if parsed.kind == "set":
        return _set_text(parsed.start, parsed.end)
    start, end = parsed.start, parsed.end
    if start is None:
        return ("until " if parsed.start_open else "? – ") + _span_text(end)
    if end is None:
        return "from " + _span_text(start) if parsed.end_open else _span_text(start) + " – ?"
    return _range_text(start, end)


def _year_label(year: int) -> str:
    # Astronomical numbering: year 0 is 1 BCE, so -0044 is 45 BCE.
    return str(year) if year >= 1 else f"{1 - year} BCE"


def _years_text(first: int, last: int) -> str:
    if first >= 1:
        return f"{first}–{last}"
    if last <= 0:
        return f"{1 - first}–{1 - last} BCE"
    return f"{1 - first} BCE – {last} CE"


def _zone_label(offset: int | None) -> str:
    if offset is None:
        return ""
    if offset == 0:
        return " UTC"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return f" UTC{'-' if offset < 0 else '+'}{hours:02d}:{minutes:02d}"


def _span_text(span: Span) -> str:
    text = _bare_text(span)
    if span.approximate:
        text = "c. " + text
    if span.uncertain:
        text += "?"
    return text


def _bare_text(span: Span) -> str:
    precision = span.precision
    days, time_of_day = divmod(span.earliest + (span.utc_offset or 0), _DAY)
    year, month, day = _civil_from_days(days)
    if precision in _TIME_PRECISIONS:
        hours, rest = divmod(time_of_day, 3600)
        minutes, seconds = divmod(rest, 60)
        clock = f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
        return f"{day} {_MONTH_ABBREVIATIONS[month]} {_year_label(year)} {clock}{_zone_label(span.utc_offset)}"
    if precision is Precision.DAY:
        return f"{day} {_MONTH_ABBREVIATIONS[month]} {_year_label(year)}"
    if precision is Precision.MONTH:
        return f"{_MONTH_ABBREVIATIONS[month]} {_year_label(year)}"
    if precision is Precision.SEASON:
        if month == 12:
            return f"Winter {_years_text(year, year + 1)}"
        return f"{_SEASON_NAMES[month]} {_year_label(year)}"
    if precision is Precision.YEAR:
        return _year_label(year)
    last_year = _civil_from_days(span.latest // _DAY)[0]
    # '1900s' is kept for the century 19XX, so the decade 190X shows as 1900–1909.
    if year >= 1 and (
        precision is Precision.CENTURY or (precision is Precision.DECADE and year % 100)
    ):
        return f"{year}s"
    return _years_text(year, last_year)


def _range_text(first: Span, last: Span) -> str:
    if first == last:
        return _span_text(first)
    precision = first.precision
    plain = not (first.uncertain or first.approximate or last.uncertain or last.approximate)
    if plain and precision is last.precision and precision in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        year_a, month_a, day_a = _civil_from_days(first.earliest // _DAY)
        year_b, month_b, day_b = _civil_from_days(last.earliest // _DAY)
        if precision is Precision.YEAR:
            return _years_text(year_a, year_b)
        if year_a == year_b:
            year = _year_label(year_a)
            if precision is Precision.MONTH:
                return f"{_MONTH_ABBREVIATIONS[month_a]}–{_MONTH_ABBREVIATIONS[month_b]} {year}"
            if month_a == month_b:
                return f"{day_a}–{day_b} {_MONTH_ABBREVIATIONS[month_a]} {year}"
            return f"{day_a} {_MONTH_ABBREVIATIONS[month_a]} – {day_b} {_MONTH_ABBREVIATIONS[month_b]} {year}"
    return f"{_span_text(first)} – {_span_text(last)}"


def _set_text(first: Span, last: Span) -> str:
    """'[A..B]' is one moment somewhere from A to B; name the usual thirds of a month and quarters."""
    year_a, month_a, day_a = _civil_from_days(first.earliest // _DAY)
    year_b, month_b, day_b = _civil_from_days(last.earliest // _DAY)
    same_month = (year_a, month_a) == (year_b, month_b)
    if first.precision is Precision.DAY is last.precision and same_month:
        part = _MONTH_PARTS.get((day_a, day_b))
        if part is None and (day_a, day_b) == (21, _days_in_month(year_a, month_a)):
            part = "late"
        if part is not None:
            return f"{part} {_MONTH_ABBREVIATIONS[month_a]} {_year_label(year_a)}"
    if (
        first.precision is Precision.MONTH is last.precision
        and year_a == year_b
        and month_a in (1, 4, 7, 10)
        and month_b == month_a + 2
    ):
        return f"Q{(month_a + 2) // 3} {_year_label(year_a)}"
    return "sometime " + _range_text(first, last)


# ---------------------------------------------------------------------------------------------
# Plain English
# ---------------------------------------------------------------------------------------------

_ENGLISH_TOKEN_RE = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)"
    r"|(?P<zone>(?:utc|gmt)(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?)"
    r"|(?P<decade>[0-9]+0s)"
    r"|(?P<number>[0-9]+(?:st|nd|rd|th)?)"
    r"|(?P<word>[a-z]+(?:\.[a-z]+)*\.?)"
    r"|(?P<dash>-)"
    r"|(?P<question>\?)"
    r"|(?P<comma>,)"
)
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_FILLER_WORDS = frozenset({"the", "of", "in", "on", "at"})
_APPROXIMATE_WORDS = frozenset({"about", "around", "approx", "approximately", "c", "ca", "circa", "roughly"})
_INTERVAL_SEPARATORS = frozenset({"-", "to", "until", "till"})
_ERAS = {"bc": "bce", "bce": "bce", "ad": "ce", "ce": "ce"}
_SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_MONTH_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, 31)}
_MONTH_NUMBERS = {
    name: number
    for number, full in enumerate(_MONTH_NAMES[1:], start=1)
    for name in {full.lower(), full[:3].lower()}
} | {"sept": 9}

_Token = tuple[str, str]  # (kind, text)
_UNKNOWN = [("question", "?")]  # a lone '?' for an end: 'Jan 2022 - ?'


@dataclass(slots=True)
class _EnglishDate:
    """One side of an English date while it is being read; the range reader fills gaps."""

    year: int | None = None  # as written, counted in `era`
    era: str | None = None  # "bce", "ce" or None (not said)
    month: int | None = None
    day: int | None = None
    clock: str | None = None  # "04:00" or "04:00:30"
    zone: str = ""  # EDTF zone text
    finished: str | None = None  # a complete EDTF core (season, decade, month part) that takes no filling
    approximate: bool = False
    uncertain: bool = False


def english_to_edtf(text: str) -> str | None:
    """The EDTF for plain English such as '17 June 2022' or 'early August 2022'; None if not recognised.

    Raises InvalidDate for English that is recognised but impossible ('30 February 2022').
    '1900s' reads as the century (19XX), the wider and therefore safe reading; 'winter 2022'
    is December 2022 to February 2023, as in EDTF.
    """
    found = _english(text)
    return None if found is None else found.edtf


def _english(text: object) -> _Structure | None:
    if not isinstance(text, str):
        return None
    tokens = _english_tokens(text)
    if not tokens:
        return None
    edtf = _read_english(tokens)
    if edtf is None:
        return None
    return _parse_structure(edtf, text)


def _english_tokens(text: str) -> list[_Token] | None:
    if len(text) > _MAX_TEXT:
        return None
    cleaned = " ".join(text.split()).translate(_DASHES).replace("\u2019", "'")
    # ASCII before lower-casing: some non-ASCII letters lower-case to ASCII ones (the Kelvin sign).
    if not cleaned.isascii():
        return None
    cleaned = cleaned.lower().replace("'s", "s")
    tokens: list[_Token] = []
    position = 0
    while position < len(cleaned):
        match = _ENGLISH_TOKEN_RE.match(cleaned, position)
        if match is None:
            return None
        position = match.end()
        kind, token = match.lastgroup, match.group()
        if kind == "word":
            token = token.replace(".", "")
            if token in _FILLER_WORDS:
                continue
        if kind not in ("space", "comma"):
            tokens.append((kind, token))
    return tokens


def _read_english(tokens: list[_Token]) -> str | None:
    head = tokens[0][1] if tokens[0][0] == "word" else ""
    rest = tokens[1:]
    if head in ("from", "since"):
        return _english_interval(rest, open_end=True)
    if head in ("until", "till"):
        end = _english_interval_end(rest)
        return None if end is None else "../" + end
    if head == "between":
        halves = _split_once(rest, frozenset({"and"}))
        return None if halves is None else _english_set(*halves)
    if head == "sometime":
        single = _english_single(rest)
        if single is not None:
            return single
        halves = _split_once(rest, _INTERVAL_SEPARATORS)
        return None if halves is None else _english_set(*halves)
    return _english_interval(tokens, open_end=False)


def _english_single(tokens: list[_Token]) -> str | None:
    side = _english_side(tokens)
    return None if side is None else _english_edtf(side)


def _english_interval_end(tokens: list[_Token]) -> str | None:
    """One end of an interval: any single date except a [..] range, which EDTF cannot nest."""
    text = _english_single(tokens)
    return None if text is None or text.startswith("[") else text


def _english_interval(tokens: list[_Token], *, open_end: bool) -> str | None:
    """A single date (or, after 'from', an open interval), else 'A - B' / 'A to B'."""
    if open_end:
        start = _english_interval_end(tokens)
        if start is not None:
            return start + "/.."
    else:
        single = _english_single(tokens)
        if single is not None:
            return single
    halves = _split_once(tokens, _INTERVAL_SEPARATORS)
    if halves is None:
        return None
    left, right = halves
    if not open_end and (left == _UNKNOWN) != (right == _UNKNOWN):
        known = _english_interval_end(right if left == _UNKNOWN else left)
        if known is None:
            return None
        return "/" + known if left == _UNKNOWN else known + "/"
    pair = _english_pair(left, right)
    return None if pair is None else f"{pair[0]}/{pair[1]}"


def _english_set(left: list[_Token], right: list[_Token]) -> str | None:
    pair = _english_pair(left, right, qualifiers_allowed=False)
    return None if pair is None else f"[{pair[0]}..{pair[1]}]"


def _split_once(tokens: list[_Token], separators: frozenset[str]) -> tuple[list[_Token], list[_Token]] | None:
    cuts = [index for index, (kind, text) in enumerate(tokens) if kind in ("dash", "word") and text in separators]
    if len(cuts) != 1 or cuts[0] in (0, len(tokens) - 1):
        return None
    return tokens[: cuts[0]], tokens[cuts[0] + 1 :]


def _english_pair(
    left_tokens: list[_Token], right_tokens: list[_Token], *, qualifiers_allowed: bool = True
) -> tuple[str, str] | None:
    left, right = _english_side(left_tokens), _english_side(right_tokens)
    if left is None or right is None or _is_range(left) or _is_range(right):
        return None
    if not qualifiers_allowed and (left.approximate or left.uncertain or right.approximate or right.uncertain):
        return None
    # '17-18 June 2022', 'June 17-18, 2022', 'Jun-Aug 2022', '1200-1000 BC': one side lends what it omits.
    if left.finished is None and right.finished is None:
        if left.year is None:
            left.year, left.era = right.year, right.era
        elif left.era is None and right.era is not None and right.year is not None:
            left.era = right.era
        if left.day is not None and left.month is None:
            left.month = right.month
        if right.day is not None and right.month is None:
            right.month = left.month
    left_text, right_text = _english_edtf(left), _english_edtf(right)
    if left_text is None or right_text is None:
        return None
    return left_text, right_text


def _is_range(side: _EnglishDate) -> bool:
    return side.finished is not None and side.finished.startswith("[")


def _english_side(tokens: list[_Token]) -> _EnglishDate | None:
    approximate = uncertain = False
    if tokens and tokens[0][0] == "word" and tokens[0][1] in _APPROXIMATE_WORDS:
        approximate, tokens = True, tokens[1:]
    if tokens and tokens[-1][0] == "question":
        uncertain, tokens = True, tokens[:-1]
    if not tokens:
        return None
    side = _english_named_span(tokens) or _english_calendar_date(tokens)
    if side is None:
        return None
    side.approximate, side.uncertain = approximate, uncertain
    return side


def _english_named_span(tokens: list[_Token]) -> _EnglishDate | None:
    """Decades, seasons, quarters and thirds of a month: spans with a name rather than a date."""
    kind, first = tokens[0]
    if kind == "decade":
        digits = first[:-1]
        if len(tokens) != 1 or len(digits) not in (3, 4):
            return None
        year = digits.zfill(4)
        return _EnglishDate(finished=year[:2] + "XX" if year.endswith("00") else year[:3] + "X")
    if kind != "word":
        return None
    if first in _SEASON_CODES:
        return _english_season(first, tokens[1:])
    if first == "q" and len(tokens) > 2 and tokens[1][0] == "number" and tokens[1][1] in ("1", "2", "3", "4"):
        year = _english_year(tokens[2:])
        if year is None:
            return None
        first_month = 3 * int(tokens[1][1]) - 2
        return _EnglishDate(finished=f"[{year}-{first_month:02d}..{year}-{first_month + 2:02d}]")
    if first in _MONTH_PART_DAYS:
        rest = tokens[1:]
        if rest and rest[0][0] == "dash":
            rest = rest[1:]
        month = _MONTH_NUMBERS.get(rest[0][1]) if rest and rest[0][0] == "word" else None
        year = _english_year(rest[1:])
        if month is None or year is None:
            return None
        first_day, last_day = _MONTH_PART_DAYS[first]
        last_day = min(last_day, _days_in_month(int(year), month))
        prefix = f"{year}-{month:02d}"
        return _EnglishDate(finished=f"[{prefix}-{first_day:02d}..{prefix}-{last_day:02d}]")
    return None


def _english_season(name: str, rest: list[_Token]) -> _EnglishDate | None:
    # 'winter 2022-23' / 'winter 2022–2023' name the same EDTF winter as 'winter 2022'.
    if name == "winter" and len(rest) == 3 and rest[1][0] == "dash" and rest[2][0] == "number":
        year = _english_year(rest[:1])
        following = rest[2][1]
        if year is None or not following.isdigit() or len(following) not in (2, 4):
            return None
        next_year = int(year) + 1
        if int(following) not in (next_year, next_year % 100):
            return None
        return _EnglishDate(finished=f"{year}-24")
    year = _english_year(rest)
    return None if year is None else _EnglishDate(finished=f"{year}-{_SEASON_CODES[name]}")


def _english_year(tokens: list[_Token]) -> str | None:
    """EDTF year text for '2022', '800 AD', 'AD 800' or '44 BC'; None otherwise."""
    if len(tokens) == 1 and tokens[0][0] == "number":
        year = _four_digit_year(tokens[0][1])
        return None if year is None else f"{year:04d}"
    if len(tokens) != 2:
        return None
    number, era = (tokens[0], tokens[1]) if tokens[0][0] == "number" else (tokens[1], tokens[0])
    year = _plain_number(number[1], 4) if number[0] == "number" else None
    # There is no year 0 BC or AD 0 in English; EDTF's 0000 is 1 BC.
    if year is None or year < 1 or era[1] not in _ERAS:
        return None
    return _edtf_year(_astronomical(year, _ERAS[era[1]]))


def _english_calendar_date(tokens: list[_Token]) -> _EnglishDate | None:
    """Day, month, year and time in the usual orders: '17 June 2022', 'June 17, 2022 04:00 UTC'."""
    side = _EnglishDate()
    numbers: list[int] = []  # token positions
    era_at = None
    for index, (kind, text) in enumerate(tokens):
        if side.clock is not None and kind != "zone":
            return None
        if kind == "number":
            numbers.append(index)
        elif kind == "word" and text in _MONTH_NUMBERS and side.month is None:
            side.month = _MONTH_NUMBERS[text]
        elif kind == "word" and text in _ERAS and era_at is None:
            era_at, side.era = index, _ERAS[text]
        elif kind == "time":
            side.clock = text
        elif kind == "zone" and side.clock is not None and not side.zone:
            side.zone = _english_zone(text)
        else:
            return None
    # The year is the number beside an era, else the last of two numbers, else a lone long number.
    year_at = None
    if era_at is not None:
        year_at = next((at for at in (era_at - 1, era_at + 1) if at in numbers), None)
        if year_at is None:
            return None
        side.year = _plain_number(tokens[year_at][1], 4)
    elif len(numbers) == 2 or (len(numbers) == 1 and _too_long_for_a_day(tokens[numbers[0]][1])):
        year_at = numbers[-1]
        side.year = _four_digit_year(tokens[year_at][1])
    if year_at is not None:
        if side.year is None:
            return None
        numbers.remove(year_at)
    if len(numbers) > 1:
        return None
    if numbers:
        digits = tokens[numbers[0]][1].rstrip("stndrh")  # '17th' -> '17'
        if len(digits) > 2:
            return None
        side.day = int(digits)
    return side


def _plain_number(text: str, most_digits: int) -> int | None:
    return int(text) if text.isdigit() and len(text) <= most_digits else None


def _too_long_for_a_day(text: str) -> bool:
    return text.isdigit() and len(text) > 2  # no ordinal suffix, more digits than a day has


def _four_digit_year(text: str) -> int | None:
    # Without an era a year must have four digits: '202' is more likely a slip than the year 202.
    return int(text) if text.isdigit() and len(text) == 4 else None


def _english_zone(text: str) -> str:
    offset = text[3:]
    if not offset:
        return "Z"
    hours, _, minutes = offset[1:].partition(":")
    if not minutes and len(hours) > 2:
        hours, minutes = hours[:-2], hours[-2:]
    return f"{offset[0]}{int(hours):02d}:{minutes or '00'}"


def _astronomical(year: int, era: str | None) -> int:
    return 1 - year if era == "bce" else year


def _edtf_year(year: int) -> str:
    if year < 0:
        return f"-{-year:04d}"
    return f"{year:04d}"


def _qualifier_mark(approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return "%"
    return "~" if approximate else "?" if uncertain else ""


def _english_edtf(side: _EnglishDate) -> str | None:
    """The EDTF text of one finished side; None when it lacks a year, or a month before its day."""
    qualifier = _qualifier_mark(side.approximate, side.uncertain)
    if side.finished is not None:
        # EDTF has no qualifier for a whole [..] range.
        return None if qualifier and side.finished.startswith("[") else side.finished + qualifier
    if side.year is None or (side.era is not None and side.year < 1):
        return None
    if (side.day is not None and side.month is None) or (side.clock is not None and side.day is None):
        return None
    text = _edtf_year(_astronomical(side.year, side.era))
    if side.month is not None:
        text += f"-{side.month:02d}"
    if side.day is not None:
        text += f"-{side.day:02d}"
    if side.clock is not None:
        clock = side.clock if side.clock.index(":") == 2 else "0" + side.clock
        text += "T" + clock + side.zone
    return text + qualifier


def parse_date(text: str) -> FuzzyDate:
    """EDTF first (so '2022-23' is autumn 2022), else plain English; raises InvalidDate."""
    try:
        return parse_edtf(text)
    except InvalidDate as error:
        edtf_error = error
    parsed = _english(text)
    if parsed is not None:
        return _assemble(parsed)
    if edtf_error.expected == _EXPECTED_EDTF:
        raise InvalidDate(text, _EXPECTED_ANY) from None
    raise edtf_error


# ---------------------------------------------------------------------------------------------
# ISO bounds and query windows
# ---------------------------------------------------------------------------------------------

_ISO_RE = re.compile(r"([+-]?)([0-9]{4,12})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})Z?)?")


def iso_bound(seconds: int, *, latest: bool) -> str | None:
    """ISO 8601 text for one bound: a bare date on a day edge, else date and time; None when unbounded."""
    if seconds <= MIN_BOUND or seconds >= MAX_BOUND:
        return None
    days, time_of_day = divmod(seconds, _DAY)
    year, month, day = _civil_from_days(days)
    if 0 <= year <= 9999:
        year_text = f"{year:04d}"
    else:
        year_text = f"+{year}" if year > 0 else f"-{-year:04d}"
    date = f"{year_text}-{month:02d}-{day:02d}"
    if time_of_day == (_DAY - 1 if latest else 0):
        return date
    hours, rest = divmod(time_of_day, 3600)
    return f"{date}T{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def seconds_from_iso(text: str | None, *, latest: bool) -> int:
    """The inverse of iso_bound: a bare date means its first (or, if latest, last) second; None is unbounded."""
    if text is None:
        return MAX_BOUND if latest else MIN_BOUND
    match = _ISO_RE.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise InvalidDate(text, "an ISO 8601 date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM:SS")
    sign, year_text, month_text, day_text, hour_text, minute_text, second_text = match.groups()
    year, month, day = int(year_text), int(month_text), int(day_text)
    if sign == "-":
        year = -year
    if year > _YEAR_LIMIT or year < -_YEAR_LIMIT or not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        raise InvalidDate(text, "a real calendar date in ISO 8601 form YYYY-MM-DD")
    day_start = _days_from_civil(year, month, day) * _DAY
    if hour_text is None:
        return day_start + (_DAY - 1 if latest else 0)
    hours, minutes, seconds = int(hour_text), int(minute_text), int(second_text)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise InvalidDate(text, "a time of day 00:00:00-23:59:59")
    return day_start + hours * 3600 + minutes * 60 + seconds


def window(from_text: str | None, to_text: str | None) -> tuple[int, int]:
    """The query window (earliest, latest) for --from/--to; the 'to' date counts through its last second."""
    low = MIN_BOUND if _blank(from_text) else _parse_option("--from", from_text).start_earliest
    high = MAX_BOUND if _blank(to_text) else _parse_option("--to", to_text).end_latest
    if low > high:
        raise InvalidValue(
            "--to",
            to_text,
            f"a date not before --from (--from {from_text} starts {iso_bound(low, latest=False)}, "
            f"but --to {to_text} ends {iso_bound(high, latest=True)})",
        )
    return low, high


def _blank(text: str | None) -> bool:
    return text is None or (isinstance(text, str) and not text.strip())


def _parse_option(option: str, text: str) -> FuzzyDate:
    try:
        return parse_date(text)
    except InvalidDate as error:
        raise InvalidDate(error.value, error.expected, field=option) from None

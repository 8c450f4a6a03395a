"""Properties of timeline.dates over generated input (Hypothesis), plus the ISO and window helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import timeline.dates as dates
from timeline.dates import (
    MAX_BOUND,
    MIN_BOUND,
    UNCERTAINTY_MARGIN,
    FuzzyDate,
    Precision,
    english_to_edtf,
    iso_bound,
    parse_date,
    parse_edtf,
    seconds_from_iso,
    window,
)
from timeline.errors import InvalidDate, InvalidValue

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

# ---------------------------------------------------------------------------------------------
# Generators of valid EDTF (levels 0 and 1, and [A..B] ranges)
# ---------------------------------------------------------------------------------------------


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if _leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@st.composite
def years(draw) -> tuple[str, int]:
    """Four-digit EDTF years, negative ones included (never -0000)."""
    number = draw(st.integers(0, 9999))
    if number and draw(st.booleans()):
        return f"-{number:04d}", -number
    return f"{number:04d}", number


@st.composite
def days(draw) -> str:
    year_text, year = draw(years())
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, _month_length(year, month)))
    return f"{year_text}-{month:02d}-{day:02d}"


zones = st.sampled_from(["", "Z", "+00:00", "+05:00", "-04", "+14:00", "-09:30", "+01"])


@st.composite
def date_times(draw) -> str:
    clock = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    if draw(st.booleans()):
        clock += f":{draw(st.integers(0, 59)):02d}"
    return f"{draw(days())}T{clock}{draw(zones)}"


@st.composite
def unspecified(draw) -> str:
    """X digits at the end only: 202X, 20XX, 2XXX, 2022-XX, 2022-XX-XX, 2022-06-XX."""
    shape = draw(st.sampled_from(["decade", "century", "millennium", "month", "day", "month-day"]))
    year_text, _ = draw(years())
    if shape in ("decade", "century", "millennium"):
        hidden = {"decade": 1, "century": 2, "millennium": 3}[shape]
        known = f"{draw(st.integers(0, 10 ** (4 - hidden) - 1)):0{4 - hidden}d}"
        sign = "-" if draw(st.booleans()) else ""
        return sign + known + "X" * hidden + draw(st.sampled_from(["", "-XX", "-XX-XX"]))
    if shape == "month":
        return f"{year_text}-XX"
    if shape == "month-day":
        return f"{year_text}-XX-XX"
    return f"{year_text}-{draw(st.integers(1, 12)):02d}-XX"


long_years = st.builds(
    lambda sign, number: f"Y{sign}{number}", st.sampled_from(["", "-"]), st.integers(10_000, 99_999_999_999)
)
month_dates = st.builds(lambda year, month: f"{year[0]}-{month:02d}", years(), st.integers(1, 12))
seasons = st.builds(lambda year, season: f"{year[0]}-{season}", years(), st.integers(21, 24))
plain_years = years().map(lambda year: year[0])

cores = st.one_of(plain_years, month_dates, days(), date_times(), seasons, unspecified(), long_years)
qualifiers = st.sampled_from(["", "?", "~", "%"])


def _case_and_blanks(text: str, lower: bool, pad: bool) -> str:
    text = text.lower() if lower else text
    return f" {text}\t" if pad else text


@st.composite
def single_dates(draw) -> str:
    return draw(cores) + draw(qualifiers)


@st.composite
def intervals(draw) -> str:
    first, second = draw(cores), draw(cores)
    a, b = parse_edtf(first), parse_edtf(second)
    if b.end_latest < a.start_earliest:
        first, second = second, first
    ends = [first + draw(qualifiers), second + draw(qualifiers)]
    missing = draw(st.sampled_from([None, "start", "end"]))
    if missing is not None:
        ends[0 if missing == "start" else 1] = draw(st.sampled_from(["", ".."]))
    return "/".join(ends)


@st.composite
def one_of_ranges(draw) -> str:
    first, last = draw(st.one_of(days(), month_dates, plain_years)), draw(st.one_of(days(), month_dates))
    a, b = parse_edtf(first), parse_edtf(last)
    if (b.start_earliest, b.end_latest) < (a.start_earliest, a.end_latest):
        first, last, a, b = last, first, b, a
    assume(b.end_latest >= a.end_latest)  # nested spans make no sense as a range
    return f"[{first}..{last}]"


@st.composite
def valid_edtf(draw) -> str:
    text = draw(st.one_of(single_dates(), intervals(), one_of_ranges()))
    return _case_and_blanks(text, draw(st.booleans()), draw(st.booleans()))


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def assert_well_formed(date: FuzzyDate) -> None:
    assert MIN_BOUND <= date.start_earliest <= date.start_latest <= MAX_BOUND
    assert MIN_BOUND <= date.end_earliest <= date.end_latest <= MAX_BOUND
    assert date.start_earliest <= date.end_earliest
    assert date.start_latest <= date.end_latest
    assert isinstance(date.precision, Precision)
    assert parse_edtf(date.edtf) == date
    shown = date.display()
    assert shown and "\n" not in shown


def _parse_or_refuse(parser, text: str) -> FuzzyDate | None:
    try:
        return parser(text)
    except InvalidDate as error:
        message = str(error)
        assert message.startswith("date: ") and "\n" not in message
        return None


EDTF_ALPHABET = "0123456789-X/.?~%TZ:+[]Y xtz,"
ENGLISH_WORDS = [
    "17", "1st", "31", "0", "99", "2022", "2021", "0800", "12345", "june", "jun", "feb", "sept.", "about",
    "c.", "circa", "?", "-", "–", "to", "from", "until", "since", "between", "and", "sometime", "early",
    "mid", "mid-", "late", "summer", "winter", "fall", "q3", "q", "bc", "ad", "bce", "the", "of", "2020s",
    "1900s", "04:00", "4:30:15", "24:00", "utc", "utc+05:00", "gmt-4", ",", "x", "..", "/",
]  # fmt: skip
english_like = st.lists(st.sampled_from(ENGLISH_WORDS), min_size=1, max_size=7).map(" ".join)

# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


@settings(max_examples=500)
@given(valid_edtf())
def test_valid_edtf_parses_round_trips_and_is_ordered(text: str) -> None:
    date = parse_edtf(text)
    assert parse_edtf(parse_edtf(text).edtf) == date
    assert date.edtf == date.edtf.strip()
    assert_well_formed(date)
    assert parse_date(text) == date


@settings(max_examples=300)
@given(cores)
def test_qualifiers_only_widen_and_percent_widens_most(core: str) -> None:
    plain, approximate, uncertain, both = (parse_edtf(core + mark) for mark in ("", "~", "?", "%"))
    assert (approximate.start_earliest, approximate.end_latest) == (uncertain.start_earliest, uncertain.end_latest)
    assert both.start_earliest < approximate.start_earliest < plain.start_earliest
    assert plain.end_latest < approximate.end_latest < both.end_latest
    assert (approximate.approximate, approximate.uncertain) == (True, False)
    assert (uncertain.approximate, uncertain.uncertain) == (False, True)
    assert (both.approximate, both.uncertain) == (True, True)


@settings(max_examples=500)
@given(st.one_of(st.text(), st.text(alphabet=EDTF_ALPHABET), english_like))
def test_any_text_parses_or_raises_invalid_date(text: str) -> None:
    for parser in (parse_edtf, parse_date):
        date = _parse_or_refuse(parser, text)
        if date is not None:
            assert_well_formed(date)
    try:
        found = english_to_edtf(text)
    except InvalidDate:
        return
    if found is not None:
        assert parse_date(text) == parse_edtf(found)


@settings(max_examples=300)
@given(st.integers(-3 * 10**18, 3 * 10**18), st.booleans())
def test_iso_bound_and_seconds_from_iso_are_inverse(seconds: int, latest: bool) -> None:
    text = iso_bound(seconds, latest=latest)
    assert text is not None
    assert seconds_from_iso(text, latest=latest) == seconds


@given(st.booleans())
def test_unbounded_is_none_both_ways(latest: bool) -> None:
    bound = MAX_BOUND if latest else MIN_BOUND
    assert iso_bound(bound, latest=latest) is None
    assert seconds_from_iso(None, latest=latest) == bound


@settings(max_examples=300)
@given(st.dates())
def test_day_arithmetic_matches_the_standard_library(day: dt.date) -> None:
    seconds = (day.toordinal() - EPOCH_ORDINAL) * 86_400
    assert seconds_from_iso(day.isoformat(), latest=False) == seconds
    assert iso_bound(seconds, latest=False) == day.isoformat()
    assert parse_edtf(day.isoformat()).start_earliest == seconds
    assert parse_edtf(day.isoformat()).end_latest == seconds + 86_399


@settings(max_examples=300)
@given(st.datetimes(timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30))])))
def test_date_times_match_the_standard_library(moment: dt.datetime) -> None:
    moment = moment.replace(microsecond=0)
    expected = (moment - dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)) // dt.timedelta(seconds=1)
    zone = "Z" if moment.utcoffset() == dt.timedelta(0) else "+05:30"
    # isoformat, not strftime: %Y does not pad years before 1000 on every platform.
    date = parse_edtf(moment.replace(tzinfo=None).isoformat() + zone)
    assert date.start_earliest == date.end_latest == expected


# ---------------------------------------------------------------------------------------------
# Examples: the API's shape, ISO text and query windows
# ---------------------------------------------------------------------------------------------


def test_public_names() -> None:
    assert dates.__all__ == sorted(dates.__all__)
    assert [precision.value for precision in Precision] == [
        "second", "minute", "hour", "day", "month", "season", "year", "decade", "century", "millennium",
    ]  # fmt: skip
    assert set(UNCERTAINTY_MARGIN) == set(Precision)
    assert (MIN_BOUND, MAX_BOUND) == (-(2**62), 2**62)


@pytest.mark.parametrize(
    ("seconds", "latest", "text"),
    [
        (0, False, "1970-01-01"),
        (86_399, True, "1970-01-01"),
        (0, True, "1970-01-01T00:00:00"),
        (86_399, False, "1970-01-01T23:59:59"),
        (-1, True, "1969-12-31"),
        (253_402_300_800, False, "+10000-01-01"),
        (-62_167_219_200, False, "0000-01-01"),
        (-62_167_219_201, True, "-0001-12-31"),
    ],
)
def test_iso_bound_examples(seconds: int, latest: bool, text: str) -> None:
    assert iso_bound(seconds, latest=latest) == text
    assert seconds_from_iso(text, latest=latest) == seconds


@pytest.mark.parametrize("text", ["2022-02-30", "2022-13-01", "22-01-01", "2022-01-01T24:00:00", "2022-01-01 ", "", 5])
def test_seconds_from_iso_refuses_bad_text(text: object) -> None:
    with pytest.raises(InvalidDate):
        seconds_from_iso(text, latest=False)


def test_window_covers_the_whole_of_the_to_date() -> None:
    low, high = window("2022-08", "2022-08")
    assert iso_bound(low, latest=False) == "2022-08-01"
    assert iso_bound(high, latest=True) == "2022-08-31"
    assert high - low == 31 * 86_400 - 1


def test_window_accepts_english_and_open_ends() -> None:
    assert window(None, None) == (MIN_BOUND, MAX_BOUND)
    assert window("", "  ") == (MIN_BOUND, MAX_BOUND)
    low, high = window("17 June 2022", None)
    assert (iso_bound(low, latest=False), high) == ("2022-06-17", MAX_BOUND)
    assert window(None, "2022-01-06/..") == (MIN_BOUND, MAX_BOUND)


@pytest.mark.parametrize(("from_text", "to_text", "field"), [("soon", None, "--from"), (None, "2022-02-30", "--to")])
def test_window_names_the_option_at_fault(from_text: str | None, to_text: str | None, field: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        window(from_text, to_text)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_window_refuses_a_to_before_the_from() -> None:
    with pytest.raises(InvalidValue) as caught:
        window("2022-09", "2022-08")
    assert not isinstance(caught.value, InvalidDate)
    assert caught.value.field == "--to"
    assert str(caught.value).startswith("--to: '2022-08' is not valid; expected a date not before --from")


def test_overlaps() -> None:
    summer = parse_edtf("2022-22")
    assert summer.overlaps(parse_edtf("2022-08-31"))
    assert not summer.overlaps(parse_edtf("2022-09-01"))
    assert parse_edtf("2022-09~").overlaps(parse_edtf("2022-08-31"))


@pytest.mark.parametrize("text", ["2022", "2022-08", "2022-08-17", "2024-02-29", "0000-01-01", "9999-12"])
def test_plain_fast_path_agrees_with_the_full_parser(text: str) -> None:
    # Padding sends the text down the full parser; trimmed, both must give the same date.
    assert parse_edtf(f" {text} ") == parse_edtf(text)

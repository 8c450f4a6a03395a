"""stated_spans: the ends of a date as written, before '~', '?' and '%' widen them (for formats with date fields)."""

from __future__ import annotations

import pytest

from timeline.dates import Precision, parse_edtf, stated_spans


@pytest.mark.parametrize("edtf, start, end, precision", [
    ("2022-06-18~", (2022, 6, 18, 0, 0, 0), (2022, 6, 18, 0, 0, 0), Precision.DAY),
    ("2022-07", (2022, 7, 1, 0, 0, 0), (2022, 7, 1, 0, 0, 0), Precision.MONTH),
    ("[2022-08-01..2022-08-02]", (2022, 8, 1, 0, 0, 0), (2022, 8, 2, 0, 0, 0), Precision.DAY),
    ("2022-01-05T01:30:00+06:00", (2022, 1, 5, 1, 30, 0), (2022, 1, 5, 1, 30, 0), Precision.SECOND),
    ("2022-10/2022-11-08", (2022, 10, 1, 0, 0, 0), (2022, 11, 8, 0, 0, 0), Precision.MONTH),
    ("2022-21", (2022, 3, 1, 0, 0, 0), (2022, 3, 1, 0, 0, 0), Precision.SEASON),
    ("-0043-03-15", (-43, 3, 15, 0, 0, 0), (-43, 3, 15, 0, 0, 0), Precision.DAY),
])
def test_first_moments_as_written(edtf, start, end, precision):
    first, last = stated_spans(edtf)
    assert first.first_moment() == start and last.first_moment() == end
    assert first.precision is precision


def test_open_and_unknown_ends_are_none():
    assert stated_spans("2022-01-06/..")[1] is None
    assert stated_spans("../2022-01")[0] is None


def test_widening_is_left_to_the_bounds():
    first, _ = stated_spans("2022-06-18~")
    assert first.approximate and (first.earliest, first.latest) != (parse_edtf("2022-06-18~").start_earliest,
                                                                    parse_edtf("2022-06-18~").end_latest)

"""Plain-English dates: english_to_edtf, parse_date's fallback to it, and display text read back."""

from __future__ import annotations

import pytest

from timeline.dates import english_to_edtf, parse_date, parse_edtf
from timeline.errors import InvalidDate

ENGLISH = [
    # days, months, years
    ("17 June 2022", "2022-06-17"),
    ("17 Jun 2022", "2022-06-17"),
    ("17 jun. 2022", "2022-06-17"),
    ("June 17, 2022", "2022-06-17"),
    ("June 17 2022", "2022-06-17"),
    ("June 17th, 2022", "2022-06-17"),
    ("17th June 2022", "2022-06-17"),
    ("1st September 2022", "2022-09-01"),
    ("2nd Sept 2022", "2022-09-02"),
    ("the 3rd of May 2022", "2022-05-03"),
    ("29 February 2024", "2024-02-29"),
    ("June 2022", "2022-06"),
    ("Jun 2022", "2022-06"),
    ("June, 2022", "2022-06"),
    ("2022", "2022"),
    # eras: astronomical years, so 44 BC is -0043
    ("44 BC", "-0043"),
    ("1200-1000 BC", "-1199/-0999"),
    ("summer 44 BC", "-0043-22"),
    ("45 BCE", "-0044"),
    ("15 March 44 BC", "-0043-03-15"),
    ("15 Mar 45 B.C.E.", "-0044-03-15"),
    ("AD 800", "0800"),
    ("800 CE", "0800"),
    ("25 December 800 AD", "0800-12-25"),
    # parts of a month, seasons, decades, quarters
    ("early August 2022", "[2022-08-01..2022-08-10]"),
    ("mid August 2022", "[2022-08-11..2022-08-20]"),
    ("mid-August 2022", "[2022-08-11..2022-08-20]"),
    ("middle of August 2022", "[2022-08-11..2022-08-20]"),
    ("late August 2022", "[2022-08-21..2022-08-31]"),
    ("late February 2023", "[2023-02-21..2023-02-28]"),
    ("late February 2024", "[2024-02-21..2024-02-29]"),
    ("spring 2022", "2022-21"),
    ("summer 2022", "2022-22"),
    ("summer of 2022", "2022-22"),
    ("autumn 2022", "2022-23"),
    ("fall 2022", "2022-23"),
    ("winter 2022", "2022-24"),
    ("winter 2022-23", "2022-24"),
    ("Winter 2022–2023", "2022-24"),
    ("the 2020s", "202X"),
    ("2020s", "202X"),
    ("the 1990's", "199X"),
    ("1990’s", "199X"),
    ("the 1900s", "19XX"),
    ("2000s", "20XX"),
    ("Q3 2022", "[2022-07..2022-09]"),
    ("q1 2023", "[2023-01..2023-03]"),
    # qualifiers
    ("about 17 June 2022", "2022-06-17~"),
    ("c. 17 June 2022", "2022-06-17~"),
    ("c.17 June 2022", "2022-06-17~"),
    ("ca. 1950", "1950~"),
    ("circa June 2022", "2022-06~"),
    ("around 17 June 2022", "2022-06-17~"),
    ("approximately summer 2022", "2022-22~"),
    ("c. 1950s", "195X~"),
    ("17 June 2022?", "2022-06-17?"),
    ("June 2022 ?", "2022-06?"),
    ("about 17 June 2022?", "2022-06-17%"),
    ("c. Aug 2022?", "2022-08%"),
    # intervals and ranges
    ("17-18 June 2022", "2022-06-17/2022-06-18"),
    ("17–18 June 2022", "2022-06-17/2022-06-18"),
    ("17 - 18 June 2022", "2022-06-17/2022-06-18"),
    ("17th to 18th June 2022", "2022-06-17/2022-06-18"),
    ("June 17-18, 2022", "2022-06-17/2022-06-18"),
    ("17 Jun – 2 Jul 2022", "2022-06-17/2022-07-02"),
    ("30 Dec 2021 – 2 Jan 2022", "2021-12-30/2022-01-02"),
    ("from 17 June to 2 July 2022", "2022-06-17/2022-07-02"),
    ("June to August 2022", "2022-06/2022-08"),
    ("Jun–Aug 2022", "2022-06/2022-08"),
    ("1964–2008", "1964/2008"),
    ("1964 to 2008", "1964/2008"),
    ("summer 2022 - winter 2022", "2022-22/2022-24"),
    ("c. June 2004 - 11 June 2004?", "2004-06~/2004-06-11?"),
    ("from 6 Jan 2022", "2022-01-06/.."),
    ("since June 2022", "2022-06/.."),
    ("until Jun 2022", "../2022-06"),
    ("till 2022", "../2022"),
    ("Jan 2022 – ?", "2022-01/"),
    ("? – Jun 2022", "/2022-06"),
    ("sometime 3–9 Aug 2022", "[2022-08-03..2022-08-09]"),
    ("sometime in 2022", "2022"),
    ("between 3 and 9 August 2022", "[2022-08-03..2022-08-09]"),
    ("between June and August 2022", "[2022-06..2022-08]"),
    # times
    ("1 Aug 2022 04:00", "2022-08-01T04:00"),
    ("1 Aug 2022 at 4:30", "2022-08-01T04:30"),
    ("1 Aug 2022 04:00:30 UTC", "2022-08-01T04:00:30Z"),
    ("1 Aug 2022 04:00 UTC+05:00", "2022-08-01T04:00+05:00"),
    ("1 Aug 2022 04:00 GMT-4", "2022-08-01T04:00-04:00"),
    ("1 Aug 2022 04:00 utc+0530", "2022-08-01T04:00+05:30"),
]


@pytest.mark.parametrize(("text", "edtf"), ENGLISH)
def test_english_to_edtf(text: str, edtf: str) -> None:
    assert english_to_edtf(text) == edtf


@pytest.mark.parametrize(("text", "edtf"), ENGLISH)
def test_parse_date_understands_english(text: str, edtf: str) -> None:
    date = parse_date(text)
    assert date.edtf == edtf
    assert date == parse_edtf(edtf)


@pytest.mark.parametrize("shape", [str.upper, str.lower, str.title, lambda text: f"  {text}\t "])
@pytest.mark.parametrize(("text", "edtf"), ENGLISH)
def test_case_and_surrounding_blanks_do_not_matter(shape, text: str, edtf: str) -> None:
    assert english_to_edtf(shape(text)) == edtf


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "June",
        "17 June",
        "foo",
        "tomorrow",
        "Friday 17 June 2022",
        "202",
        "June 22",
        "June 202",
        "17/06/2022",
        "2022 June 17",
        "12345 AD",
        "0 BC",
        "summer 0 BC",
        "Q1 AD 0",
        "the 90s",
        "Q5 2022",
        "summer 22",
        "winter 2022-25",
        "about early August 2022",
        "early 2022",
        "between 3 August",
        "17-18-19 June 2022",
        "17 June 2022 to",
        "17 June 2022 - early July 2022",
        "? - ?",
        "June June 2022",
        "2022-06-17",
        "17 June 2022 04:00 05:00",
        "04:00",
        "17 Ju\u0301ne 2022",
        "\u212a",
        "9" * 5000,
        "17 June " + "9" * 5000,
        None,
        17,
    ],
)
def test_not_recognised(text: object) -> None:
    assert english_to_edtf(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("30 February 2022", "a real calendar date (February 2022 has 28 days)"),
        ("29 Feb 2023", "a real calendar date (February 2023 has 28 days)"),
        ("31 April 2022", "a real calendar date (April 2022 has 30 days)"),
        ("0 June 2022", "a real calendar date (June 2022 has 30 days)"),
        ("32 June 2022", "a real calendar date (June 2022 has 30 days)"),
        ("18-17 June 2022", "an interval whose end is not before its start"),
        ("June 2022 - May 2022", "an interval whose end is not before its start"),
        ("17 June 2022 25:00", "an hour 00-23"),
        ("17 June 2022 04:61", "minutes 00-59"),
        ("1 Aug 2022 04:00 UTC+15", "a UTC offset from -14:00 to +14:00"),
        ("between 9 and 3 August 2022", "a [..] range from an earlier to a later date"),
    ],
)
def test_impossible_english_is_refused(text: str, reason: str) -> None:
    expected = f"date: {text!r} is not valid; expected {reason}"
    with pytest.raises(InvalidDate) as caught:
        english_to_edtf(text)
    assert str(caught.value).startswith(expected)
    with pytest.raises(InvalidDate) as caught:
        parse_date(text)
    assert str(caught.value).startswith(expected)
    assert caught.value.value == text


def test_unrecognised_text_gets_the_general_message() -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date("next Tuesday")
    assert str(caught.value) == (
        "date: 'next Tuesday' is not valid; expected EDTF such as 2022-06-17, 2022-06, "
        "2022-06-17/2022-06-18, 2022-08~, or plain English such as '17 June 2022'"
    )


def test_an_edtf_shaped_mistake_keeps_its_specific_reason() -> None:
    with pytest.raises(InvalidDate, match=r"February 2022 has 28 days"):
        parse_date("2022-02-30")


def test_edtf_wins_over_english() -> None:
    # EDTF reads 2022-23 as autumn 2022; the English reading (2022 to 2023) is never tried.
    assert parse_date("2022-23").edtf == "2022-23"
    assert parse_date("2022-2023").edtf == "2022/2023"


@pytest.mark.parametrize(
    "edtf",
    [
        "2022",
        "2022-08",
        "2022-08-01",
        "2022-08-01~",
        "2022-08?",
        "2022-08%",
        "2022-22",
        "2022-24",
        "202X",
        "19XX",
        "195X~",
        "-0044",
        "-0044-03-15",
        "2022-06-17/2022-06-18",
        "2022-06-17/2022-07-02",
        "2021-12-30/2022-01-02",
        "2022-06/2022-08",
        "1964/2008",
        "-0001/0001",
        "2022-01-06/..",
        "../2022-06",
        "2022-01/",
        "/2022-06",
        "2004-06~/2004-06-11?",
        "1984?/2004%",
        "[2022-08-01..2022-08-10]",
        "[2022-08-11..2022-08-20]",
        "[2022-08-21..2022-08-31]",
        "[2022-07..2022-09]",
        "[2022-08-03..2022-08-09]",
        "2022-08-01T04:00",
        "2022-08-01T04:00:30",
        "2022-08-01T04:00Z",
        "2022-08-01T04:00+05:00",
    ],
)
def test_display_reads_back_as_the_same_date(edtf: str) -> None:
    date = parse_edtf(edtf)
    assert parse_date(date.display()) == date

"""Exact expectations for hand-written sentences, one feature each: span text, TIMEX3 type and value.

The publication date is Wednesday 17 August 2022 unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from timeline.ingest import Timex, tag

PUBLISHED = "2022-08-17"

CASES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    # the issue's own examples
    "month and day in a report": (
        "On August 2 the aide denied the post.", [("August 2", "DATE", "2022-08-02")]),
    "weekday in a report is the one before publication": (
        "The ministry said on Tuesday that talks had stalled.", [("Tuesday", "DATE", "2022-08-16")]),
    "'two days later' follows the narrative": (
        "Troops crossed the river on 3 June 1944. Two days later they took the town.",
        [("3 June 1944", "DATE", "1944-06-03"), ("Two days later", "DATE", "1944-06-05")]),
    "'within about 9 minutes' is a duration": (
        "The quake hit within about 9 minutes of the warning.", [("about 9 minutes", "DURATION", "PT9M")]),
    # explicit dates
    "month day year and day month year": (
        "It was signed on September 1, 1939, and ratified on 9 September 1914.",
        [("September 1, 1939", "DATE", "1939-09-01"), ("9 September 1914", "DATE", "1914-09-09")]),
    "abbreviated month and weekday": (
        "Talks resumed on Tuesday, Feb. 28, 2012.", [("Tuesday, Feb. 28, 2012", "DATE", "2012-02-28")]),
    "month year forms": (
        "In November 1939, in February of 1940 and in January, 1918.",
        [("November 1939", "DATE", "1939-11"), ("February of 1940", "DATE", "1940-02"),
         ("January, 1918", "DATE", "1918-01")]),
    "numeric dates": (
        "Filed 2021-10-04, amended 10/05/2021 and 06.10.2021.",
        [("2021-10-04", "DATE", "2021-10-04"), ("10/05/2021", "DATE", "2021-10-05"),
         ("06.10.2021", "DATE", "2021-10-06")]),
    "day ranges are two dates": (
        "Voting ran 5-7 March 2022 and talks March 5-9, 1918.",
        [("5", "DATE", "2022-03-05"), ("7 March 2022", "DATE", "2022-03-07"), ("March 5", "DATE", "1918-03-05"),
         ("9, 1918", "DATE", "1918-03-09")]),
    "modifiers belong to the span": (
        "From mid-June to the end of September 2022, and early 1941.",
        [("mid-June", "DATE", "2022-06"), ("the end of September 2022", "DATE", "2022-09"),
         ("early 1941", "DATE", "1941")]),
    "part of a day before a date": (
        "The ceasefire began on the night of 13 February 1904.",
        [("the night of 13 February 1904", "TIME", "1904-02-13TNI")]),
    # years, decades, centuries
    "years and BC ranges": (
        "Fought in 1957-58 and 499-493 BC and in AD 9.",
        [("1957", "DATE", "1957"), ("58", "DATE", "1958"), ("499", "DATE", "BC0499"), ("493 BC", "DATE", "BC0493"),
         ("AD 9", "DATE", "0009")]),
    "decades and centuries": (
        "Prices rose in the 1990s, the 20th century and the eighteenth-century.",
        [("the 1990s", "DATE", "199"), ("the 20th century", "DATE", "19"), ("the eighteenth-century", "DATE", "17")]),
    "two-digit years": (
        "The '90s were good, said a man born in '99.", [("The '90s", "DATE", "199"), ("'99", "DATE", "1999")]),
    "numbers that are not years": (
        "1500 soldiers, $2022 and 1,500 men.", []),
    # seasons, quarters, weeks
    "seasons": (
        "Spring 2021, last summer, and the summer of 2022.",
        [("Spring 2021", "DATE", "2021-SP"), ("last summer", "DATE", "2021-SU"),
         ("the summer of 2022", "DATE", "2022-SU")]),
    "quarters and weeks": (
        "Sales fell in the third quarter of 2022; the vote is in 2022-W24 and results in 2022-Q3.",
        [("the third quarter of 2022", "DATE", "2022-Q3"), ("2022-W24", "DATE", "2022-W24"),
         ("2022-Q3", "DATE", "2022-Q3")]),
    # weekdays and months by tense
    "weekday in the future": (
        "The ministry will meet on Tuesday.", [("Tuesday", "DATE", "2022-08-23")]),
    "weekday on the publication day is that day": (
        "Ministers met on Wednesday.", [("Wednesday", "DATE", "2022-08-17")]),
    "month without a year, past and future": (
        "The talks resumed in September. They will end in August.",
        [("September", "DATE", "2021-09"), ("August", "DATE", "2023-08")]),
    "'March' and 'May' need a cue to be months": (
        "Troops march on. It may rain. In March they left; by May they were back.",
        [("March", "DATE", "2022-03"), ("May", "DATE", "2022-05")]),
    # relative expressions
    "deictic expressions count from publication": (
        "Yesterday the minister resigned; last week he denied it; next year he will run.",
        [("Yesterday", "DATE", "2022-08-16"), ("last week", "DATE", "2022-W32"), ("next year", "DATE", "2023")]),
    "'the following year' follows the story": (
        "The deal was signed last year. The following year it collapsed.",
        [("last year", "DATE", "2021"), ("The following year", "DATE", "2022")]),
    "earlier this month": (
        "Earlier this month the bank raised rates.", [("Earlier this month", "DATE", "2022-08")]),
    "ago": (
        "It happened four years ago and again two weeks ago.",
        [("four years ago", "DATE", "2018"), ("two weeks ago", "DATE", "2022-W31")]),
    "named months and weekdays counted from publication": (
        "It began last July and ends next Tuesday.",
        [("last July", "DATE", "2022-07"), ("next Tuesday", "DATE", "2022-08-23")]),
    "a comparison is not a shift": (
        "The season started a month earlier than usual.", [("a month", "DURATION", "P1M")]),
    # the narrative's current time
    "a partial date takes the story's year": (
        "In 1941 the army advanced. In June it crossed the border, and on December 7 the fleet was attacked.",
        [("1941", "DATE", "1941"), ("June", "DATE", "1941-06"), ("December 7", "DATE", "1941-12-07")]),
    "a bracketed year does not move the story": (
        "In June 1941 the pact (1939) broke. On December 7 the fleet was attacked.",
        [("June 1941", "DATE", "1941-06"), ("1939", "DATE", "1939"), ("December 7", "DATE", "1941-12-07")]),
    "'the next spring' follows the story, 'next spring' the publication": (
        "The army wintered there in 1777. The next spring it marched; next spring we will see.",
        [("1777", "DATE", "1777"), ("The next spring", "DATE", "1778-SP"), ("next spring", "DATE", "2023-SP")]),
    "same day and the next day": (
        "The treaty was signed on 10 November 1918. The next day the guns fell silent; that same day crowds gathered.",
        [("10 November 1918", "DATE", "1918-11-10"), ("The next day", "DATE", "1918-11-11"),
         ("that same day", "DATE", "1918-11-11")]),
    # durations
    "durations": (
        "The talks lasted 30 days, the call 10 minutes, the war two and a half years, the wait half an hour.",
        [("30 days", "DURATION", "P30D"), ("10 minutes", "DURATION", "PT10M"),
         ("two and a half years", "DURATION", "P2.5Y"), ("half an hour", "DURATION", "PT30M")]),
    "adjectival and approximate durations": (
        "A four-week closure after almost seven years and a decade.",
        [("four-week", "DURATION", "P4W"), ("almost seven years", "DURATION", "P7Y"),
         ("a decade", "DURATION", "P10Y")]),
    "fuzzy durations": (
        "Over the past few years and in recent weeks the economy grew for years.",
        [("the past few years", "DURATION", "PXY"), ("recent weeks", "DURATION", "PXW"),
         ("years", "DURATION", "PXY")]),
    "ages and fractions are not durations": (
        "A 22-year-old man led three quarters of the army.", []),
    # times
    "clock time with its date": (
        "The meeting started at 09:30 on 4 October 2021.",
        [("09:30", "TIME", "2021-10-04T09:30"), ("4 October 2021", "DATE", "2021-10-04")]),
    "ISO date and time": (
        "He arrived at 2021-10-04T09:30.", [("2021-10-04T09:30", "TIME", "2021-10-04T09:30")]),
    "weekday with a part of the day": (
        "On Tuesday morning the shelling resumed.", [("Tuesday morning", "TIME", "2022-08-16TMO")]),
    "clock time and weekday together": (
        "The attack came at 8 p.m. on Friday.", [("8 p.m. on Friday", "TIME", "2022-08-12T20:00")]),
    "tonight, this morning, last night": (
        "Tonight and this morning and last night.",
        [("Tonight", "TIME", "2022-08-17TNI"), ("this morning", "TIME", "2022-08-17TMO"),
         ("last night", "TIME", "2022-08-16TNI")]),
    # sets
    "sets": (
        "The festival is held every year, talks meet every Monday, and reports come out annually.",
        [("every year", "SET", "P1Y"), ("every Monday", "SET", "XXXX-WXX-1"), ("annually", "SET", "XXXX")]),
    # references to the present, past and future
    "present, past and future references": (
        "Now prices are rising; recently they fell; in the future they may rise. In the past it was cheap.",
        [("Now", "DATE", "PRESENT_REF"), ("recently", "DATE", "PAST_REF"), ("the future", "DATE", "FUTURE_REF"),
         ("the past", "DATE", "PAST_REF")]),
    "today in a report and in general": (
        "He said today that he will resign. Life is different today.",
        [("today", "DATE", "2022-08-17"), ("today", "DATE", "PRESENT_REF")]),
    "holidays": (
        "They met on Christmas Day and parted on New Year's Eve.",
        [("Christmas Day", "DATE", "2021-12-25"), ("New Year's Eve", "DATE", "2021-12-31")]),
}


@pytest.mark.parametrize("text, expected", list(CASES.values()), ids=list(CASES))
def test_tagged_as_expected(text, expected):
    timexes = tag(text, reference=PUBLISHED)
    assert [(t.text, t.type, t.value) for t in timexes] == expected
    for timex in timexes:
        assert text[timex.start:timex.end] == timex.text


def test_offsets_are_into_the_text():
    text = "Filed on 3 May.\r\nDenied on 4 May."
    assert tag(text, reference="2022-08-17") == [
        Timex(9, 14, "3 May", "DATE", "2022-05-03"), Timex(27, 32, "4 May", "DATE", "2022-05-04")]


def test_a_partial_publication_date_still_anchors_years():
    assert [(t.text, t.value) for t in tag("Last year and in 1990.", reference="2022-08")] == [
        ("Last year", "2021"), ("1990", "1990")]


def test_without_a_publication_date_relative_values_stay_open():
    assert [(t.text, t.value) for t in tag("Yesterday, and in June.", reference=None)] == [
        ("Yesterday", "XXXX-XX-XX"), ("June", "XXXX-06")]


def test_a_report_does_not_take_a_background_year_for_a_later_month():
    text = ("The pandemic of 2009 was the exception. Officials said on Friday that this flu season started "
            "in early December.")
    assert [(t.text, t.value) for t in tag(text, reference="2013-03-22")] == [
        ("2009", "2009"), ("Friday", "2013-03-22"), ("early December", "2012-12")]

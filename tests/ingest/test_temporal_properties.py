"""RELIABILITY 13 for the tagger: no exception on any input, exact substrings, sorted spans, adversarial input.

No timing thresholds here: the regexes are linear by construction (bounded repetition, rules tried only at
trigger tokens) and bench/temporal.py measures speed; these tests check that hostile input ends with the right output.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.ingest import tag

_WORDS = st.sampled_from([
    "the", "The", "on", "in", "last", "next", "this", "that", "same", "following", "early", "late", "mid-", "end",
    "of", "May", "March", "June", "December", "Dec.", "Sept.", "Tuesday", "Friday", "morning", "night", "summer",
    "fall", "winter", "quarter", "third", "week", "weekend", "year", "years", "days", "ago", "later", "earlier",
    "than", "every", "each", "per", "twice", "a", "an", "few", "several", "about", "over", "half", "and", "BC",
    "AD", "B.C.", "1941", "'99", "'90s", "1990s", "20th", "century", "2022-08-17", "12:30", "8", "p.m.", "a.m.",
    "GMT", "o'clock", "noon", "now", "today", "yesterday", "tonight", "recently", "future", "past", "Christmas",
    "2022-W24", "Q3", "5-7", "1,500", "$2022", "\u00b2", "\u0662\u0660\u0662\u0662", "\uff12\uff10", "\u200f",
    "\ufeff", ",", ".", "-", "\u2013", "/", ":", "\n", "\r\n", '"', "\u201c", "\u201d", "'", " ", "  ",
])
_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(_WORDS, max_size=60).map(" ".join),
    st.lists(_WORDS, max_size=60).map("".join),
)
_REFERENCES = st.one_of(st.none(), st.sampled_from(["2022-08-17", "2022-08", "2022", "1970-01-01", "0001-01-01",
                                                   "9999-12-31", "2024-02-29", "2013-03-22"]))


def _check(text: str, reference: str | None) -> None:
    timexes = tag(text, reference=reference)
    previous_end = 0
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert timex.start >= previous_end, "spans overlap or are out of order"
        previous_end = timex.end
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        assert timex.value and timex.value == timex.value.strip()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, _REFERENCES)
def test_any_text_is_tagged_without_error_and_spans_are_exact(text, reference):
    _check(text, reference)


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40).map(" ".join), st.integers(min_value=0, max_value=40))
def test_a_prefix_does_not_move_offsets_off_their_text(text, padding):
    padded = "x" * padding + " " + text
    _check(padded, "2022-08-17")


@pytest.mark.parametrize("text, expected", [
    ("AD 1/0BC", [("AD 1", "0001")]),
    ("1900-0", [("1900", "1900")]),
    ("FOLLOWING TUESDAY", [("FOLLOWING TUESDAY", "XXXX-WXX-2")]),
    ("every a quarter", [("every a quarter", "P1Q")]),
])
def test_inputs_hypothesis_once_broke(text, expected):
    assert [(t.text, t.value) for t in tag(text, reference=None)] == expected


def test_the_calendar_ends_do_not_overflow():
    assert [(t.text, t.value) for t in tag("The following Tuesday, yesterday.", reference="9999-12-31")] == [
        ("The following Tuesday", "9999-WXX-2"), ("yesterday", "9999-12-30")]


_HUNDRED_KB = 100_000

ADVERSARIAL = {
    "long digit run": ("1234567890" * 10_000, []),
    "long digit runs with spaces": (("9" * 999 + " ") * 100, []),
    "the the the": ("the " * 25_000, []),
    "no spaces": ("theendofMarch1944" * 6_000, []),
    "only spaces": (" " * _HUNDRED_KB, []),
    "only newlines": ("\n" * _HUNDRED_KB, []),
    "colons": ("12:30:45:" * 12_000, []),
    "modifier soup": ("early the end of the " * 5_000, []),
}


@pytest.mark.parametrize("text, expected", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_adversarial_text_without_expressions_yields_none(text, expected):
    text = text[:_HUNDRED_KB]
    assert [(t.text, t.value) for t in tag(text, reference="2022-08-17")] == expected


def test_repeated_month_names_are_each_one_expression():
    text = ("January " * 12_500)[:_HUNDRED_KB]
    timexes = tag(text, reference="2022-08-17")
    assert len(timexes) == 12_500
    assert {(t.text, t.value) for t in timexes} == {("January", "2022-01")}
    assert [t.start for t in timexes] == list(range(0, _HUNDRED_KB, 8))


def test_repeated_years_are_each_one_expression():
    text = "1941 " * 20_000
    timexes = tag(text, reference="2022-08-17")
    assert len(timexes) == 20_000
    assert {(t.text, t.value) for t in timexes} == {("1941", "1941")}


def test_unicode_text_keeps_character_offsets():
    text = ("日本語 — «цитата» 𝟚𝟘𝟚𝟚 ٢٠٢٢ \u200f On 3 May 1999 ☃ " * 2_500)[:_HUNDRED_KB]
    timexes = tag(text, reference="2022-08-17")
    assert {(t.text, t.value) for t in timexes} == {("3 May 1999", "1999-05-03")}
    assert all(text[t.start:t.end] == t.text for t in timexes)


def test_mixed_expressions_repeated_keep_their_values():
    sentence = "On 3 March 1941, every year, 5 p.m. and the 1990s. "
    timexes = tag(sentence * 1_900, reference="2022-08-17")
    assert len(timexes) == 4 * 1_900
    assert [(t.text, t.value) for t in timexes[:4]] == [
        ("3 March 1941", "1941-03-03"), ("every year", "P1Y"), ("5 p.m.", "1941-03-03T17:00"), ("the 1990s", "199")]

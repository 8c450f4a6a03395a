"""The scanner's folded text: the facts about Unicode case that let it search with case-sensitive regexes.

Checked over every code point, as one missed letter would make the tagger skip or misread a word without a sign.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ingest import tag
from timeline.ingest.patterns import RULES
from timeline.ingest.temporal import fold, tokens

_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER_ANY_CASE = re.compile("[a-z]", re.IGNORECASE)


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [match.start() for match in pattern.finditer(text)]


def test_folding_keeps_offsets_and_letters_and_equates_what_ignorecase_equates():
    characters = [chr(code) for code in range(sys.maxunicode + 1)]
    folded = list(map(fold, characters))
    assert all(len(one) == 1 for one in folded)
    text, folded_text = "".join(characters), "".join(folded)
    assert _starts(_LETTER, text) == _starts(_LETTER, folded_text)
    assert _starts(re.compile(r"\s"), text) == _starts(re.compile(r"\s"), folded_text)
    ascii_letters = _starts(_ASCII_LETTER_ANY_CASE, text)
    assert ascii_letters == _starts(re.compile("[a-z]"), folded_text)
    assert all(re.fullmatch(folded[code], characters[code], re.IGNORECASE) for code in ascii_letters)


def test_a_whole_text_keeps_its_offsets():
    text = "İstanbul, ſeven DAYS \u212aelvin ΟΔΟΣ 'Σ' 1941"
    assert len(fold(text)) == len(text)
    assert fold(text)[:20] == "istanbul, seven days"


def test_the_scanner_reports_digit_runs_apostrophes_before_digits_and_scanned_words():
    assert tokens(fold("In '99, 5May and #7 the1941 ’40s Q3")) == [
        (3, "'"), (4, "#"), (8, "#"), (9, "may"), (18, "#"), (23, "#"), (28, "'"), (29, "#"), (31, "s"), (33, "q"),
        (34, "#")]


def test_trigger_words_are_found_wherever_a_token_starts():
    # at the very start, after a digit run of one digit and of several, after an apostrophe, in capitals
    assert [(timex.text, timex.value) for timex in tag("May 1941", reference=None)] == [("May 1941", "1941-05")]
    assert [timex.text for timex in tag("x5May 1941", reference=None)] == ["May 1941"]
    assert [timex.text for timex in tag("x1940May 1941", reference=None)] == ["May 1941"]
    assert [timex.text for timex in tag("'MAY 1941'", reference=None)] == ["MAY 1941"]
    assert [timex.text for timex in tag("the 1990s", reference=None)] == ["the 1990s"]
    # a trigger word glued to a letter beyond ASCII is inside a longer word, so it is no token
    assert [timex.text for timex in tag("Émay 1941, ümarch 3 and éach day", reference=None)] == ["1941"]
    # a word the regex engine folds to a trigger but str.lower does not is not a trigger: 'ſeven' is not 'seven'
    assert [timex.text for timex in tag("ſeven days later", reference="2022-08-17")] == ["days later"]


_NEEDY_RULES = [rule for rule in RULES if rule.needs]
_ANY_TOKEN = re.compile(r"[^\W\d_]+|[0-9]+|['’](?=[0-9])")  # every token, trigger or not
_PHRASES = st.sampled_from([
    "the", "The", "about", "a", "an", "few", "several", "some", "two", "twenty-five", "3", "1,500", "2.5", "one",
    "half", "and a half", "more than", "the past", "early", "late", "mid-", "the end of", "first", "second", "third",
    "fourth", "1st", "q", "Q", "Q3", "q2", "quarter", "quarters", "fiscal", "1990", "'90", "1990's", "s", "twenties",
    "Nineties", "every", "each", "other", "once", "twice", "times", "per", "daily", "Annually", "day", "days",
    "DAYS", "night", "weeks", "fortnight", "centuries", "century", "millennia", "millenniums", "year-old", "old", "ago",
    "later", "before that",
    "after", "hours", "ſeconds", "\u212aelvin", "Monday", "spring", "June", "Sept.", "sep", "mid-", "of", "21st",
    "nineteenth", "BC", "B.C.", "BCE", "AD", "A.D.", "CE", "C.E.", "evening", "noon", "Midnight", "o'clock", "o’clock",
    "p.m.", "12:30", "at", "on", "Tuesday", "Fridays", "this", "last", "next", "that", "same", "earlier", "later in",
    "week", "weekend", "season", "month", "year", "decade", "beginning of", "rest of", "very", "morning", "summer",
    "Fall", "March", "MAY", "Dec", "part", "couple", "2nd", "30th", ",", "-", "'", "’", " ", "  ", "\n",
])


def _check_needs(text: str) -> None:
    # The scanner skips a rule where none of the words it needs starts within its reach: check that wherever the
    # rule's regex matches from the start of a token (where rules are tried), such a word does start.
    scanned = tokens(fold(text))
    for rule in _NEEDY_RULES:
        for origin in (token.start() for token in _ANY_TOKEN.finditer(text)):
            if rule.pattern.match(text, origin):
                assert any(origin <= start <= origin + rule.reach and word in rule.needs for start, word in scanned), (
                    rule.name, text[origin:])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASES, min_size=1, max_size=14).map(" ".join), st.lists(_PHRASES, max_size=14).map("".join))
def test_a_rule_is_never_skipped_where_it_would_match(spaced, glued):
    _check_needs(spaced)
    _check_needs(glued)


@pytest.mark.parametrize("text", [
    "the 5th centuryB.C.", "21st centuryAD", "3rd-centuriesBCE", "the 2nd centuryC.E.", "Q3 2020", "the 1990's",
    "'90s", "the Nineties", "two and a half years ago", "ſeconds later", "5 Sept. 1941", "once a \u212aelvin year",
    "a.d. 9", "AD 1941", "early 1941", "five o’clock", "noon on Friday", "the coming Mondays", "this past week",
    "late in the summer of 1944", "the end of the decade", "mid-June", "the 3rd of May", "Monday, March 5",
    "later that same season", "this evening", "the previous weekend", "the following quarter",
])
def test_a_rule_is_never_skipped_in_these_spellings(text):
    _check_needs(text)

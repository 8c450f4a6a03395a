"""The temporal tagger: every TIMEX3 expression in a text, with character offsets, type and value.
Owns scanning (one regex pass to the trigger tokens, leftmost-longest choice) and the public Timex; must not print or
touch files.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain
from dataclasses import dataclass

from timeline.dates import english_to_edtf
from timeline.errors import InvalidDate
from timeline.ingest.anchoring import Story, is_news
from timeline.ingest.calendar import Point
from timeline.ingest.lexicon import word_trie
from timeline.ingest.meaning import Found, Named
from timeline.ingest.patterns import APOSTROPHE, DIGITS, RULES, Rule

__all__ = ["Timex", "reference_point", "tag"]


@dataclass(frozen=True)
class Timex:
    """One temporal expression: ``text == source[start:end]``; type DATE, TIME, DURATION or SET; a TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str
    value: str


_RULES_BY_TRIGGER: dict[str, tuple[Rule, ...]] = {}
for _rule in RULES:
    for _trigger in _rule.triggers:
        _RULES_BY_TRIGGER[_trigger] = _RULES_BY_TRIGGER.get(_trigger, ()) + (_rule,)
del _rule, _trigger
_DIGIT_RULES = _RULES_BY_TRIGGER[DIGITS]
_APOSTROPHE_RULES = _RULES_BY_TRIGGER[APOSTROPHE]


# A token is a run of letters, a run of ASCII digits, or an apostrophe before digits ('99). Rules are tried only where
# a trigger token starts, so the scanner looks for those alone (and for the words some rules need, see Rule.needs), in
# the folded text (below) where a case-sensitive regex can skip in C over the ASCII letters. Each match starts at a
# character c that is not one: either c starts a digit run (maybe with a word right after it, as in '5May'), or a
# scanned word follows c. tokens() does the rest in Python, cheaper than more branches tried in the regex at every
# stop: an apostrophe token is the apostrophe before a digit run, and a word after a letter beyond ASCII ('éach') is
# inside a longer word.
_LETTER = r"[^\W\d_]"
_SCANNED_WORDS = {word for word in _RULES_BY_TRIGGER if re.fullmatch(_LETTER + "+", word)}.union(
    *(rule.needs for rule in RULES))
_WORD = rf"{word_trie(_SCANNED_WORDS - {DIGITS})}(?!{_LETTER})"
_TOKEN = re.compile(rf"[^a-z](?:(?<=[0-9])[0-9]*(?=(?P<word_after_digits>{_WORD}))?|(?P<word>{_WORD}))")
_WORD_AFTER_DIGITS_GROUP, _WORD_GROUP = (_TOKEN.groupindex[name] for name in ("word_after_digits", "word"))
_IS_LETTER = re.compile(_LETTER).match

# Folding: the text lower-cased, keeping every offset, so that a case-sensitive lower-case regex matches the folded text
# exactly where the same regex with re.IGNORECASE matches the text. str.lower() does that except for three letters
# that the regex engine also equates with an ASCII letter; one of them, 'İ', is the only character whose lower case is
# two characters long. tests/ingest/test_temporal_scanning.py checks this over every code point.
_FOLD = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}


def fold(text: str) -> str:
    """The text lower-cased for case-sensitive regexes, with every offset kept."""
    if not text.isascii():
        for letter, ascii_letter in _FOLD.items():  # str.replace: str.translate takes a Python step per character
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return text.lower()


def tokens(folded: str) -> list[tuple[int, str]]:
    """(start, word) of every token the scanner looks for, in text order: word is the folded word, or DIGITS for a
    digit run, or APOSTROPHE for an apostrophe before digits."""
    found: list[tuple[int, str]] = []
    for match in _TOKEN.finditer(" " + folded):  # the space: a word at the very start also has a character before it
        start, end = match.span(_WORD_GROUP)
        if start < 0:
            digits = match.start() - 1
            if digits and folded[digits - 1] in "'’":
                found.append((digits - 1, APOSTROPHE))
            found.append((digits, DIGITS))
            start, end = match.span(_WORD_AFTER_DIGITS_GROUP)
            if start < 0:
                continue
        elif start > 1 and folded[start - 2] > "\x7f" and _IS_LETTER(folded, start - 2):
            continue  # a word inside a run of letters, after one beyond ASCII ('éach')
        found.append((start - 1, folded[start - 1:end - 1]))
    return found


_REFERENCE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.]*(?:Z|[+-][0-9:]+)?)?")
_EXPECTED_REFERENCE = "a publication date such as 2022-08-17, 2022-08 or 17 August 2022"


def reference_point(reference: str | None, *, field: str = "reference") -> Point | None:
    """The publication date as a calendar point; raises InvalidDate for anything that is not a date."""
    if reference is None:
        return None
    text = str(reference).strip()
    match = _REFERENCE.fullmatch(text)
    if match is None:
        edtf = english_to_edtf(text) if len(text) <= 100 else None
        match = _REFERENCE.fullmatch(edtf) if edtf else None
    if match is None:
        raise InvalidDate(reference, _EXPECTED_REFERENCE, field=field)
    year, month, day = (int(part) if part else None for part in match.groups())
    point = Point(year, month, day)
    if (month is not None and not 1 <= month <= 12) or (day is not None and point.date() is None) or year == 0:
        raise InvalidDate(reference, _EXPECTED_REFERENCE, field=field)
    return point


_THE_FORMS = frozenset({"the", "The", "THE"})


def _the_before(text: str, start: int) -> int:
    """Where the token 'the' (or 'The', 'THE') starts when only whitespace parts it from start; else -1."""
    if start < 4 or not text[start - 1].isspace() or not (text[start - 2] in "eE" or text[start - 2].isspace()):
        return -1  # the quick answer for most tokens
    gap = start
    while gap and text[gap - 1].isspace():
        gap -= 1
    the = gap - 3
    if gap == start or the < 0 or text[the:gap] not in _THE_FORMS or (the and _IS_LETTER(text, the - 1)):
        return -1
    return the


def find(text: str) -> list[Found]:
    """Every expression the rules recognise, leftmost-longest, in text order and never overlapping."""
    found: list[Found] = []
    covered = 0
    folded = fold(text)
    scanned = tokens(folded)
    at: dict[str, list[int]] = {}  # where each scanned word starts
    for start, word in scanned:
        at.setdefault(word, []).append(start)
    needed: dict[frozenset[str], list[int]] = {}  # where the words in each rule's needs start, listed on demand
    rules_for = _RULES_BY_TRIGGER.get
    # The folded word is a trigger, or a word some rule needs; the word is a trigger when str.lower says so, and that
    # differs from the folded word only for the letters fold() replaces.
    lower_is_folded = text.isascii() or not any(letter in text for letter in _FOLD)
    for start, word in scanned:
        if start < covered:
            continue
        rules = rules_for(word if lower_is_folded or word in _NOT_WORDS else text[start:start + len(word)].lower())
        if rules is None:
            continue
        # A rule is also tried from a 'the' right before its trigger ('the 1990s', 'the end of May').
        previous_the = _the_before(text, start)
        origins: tuple[int, ...] = (previous_the, start) if previous_the >= covered else (start,)
        best: list[Found] = []
        best_start, best_end = start, start
        next_needed: dict[frozenset[str], int] = {}  # the first start of a needed word from the first origin on
        for rule in rules:
            needs = rule.needs
            if needs and word not in needs:  # skip the rule unless a word it needs starts within its reach
                after = next_needed.get(needs)
                if after is None:
                    starts = needed.get(needs)
                    if starts is None:
                        starts = needed[needs] = sorted(chain.from_iterable(at.get(other, ()) for other in needs))
                    index = bisect_left(starts, origins[0])
                    # len(text) when there is none: only a rule that could reach past the end is then tried
                    after = next_needed[needs] = starts[index] if index < len(starts) else len(text)
                if after > start + rule.reach:
                    continue
            for origin in origins:
                match = rule.folded.match(folded, origin)
                if match is None or (origin, -match.end()) >= (best_start, -best_end) and best:
                    continue
                match = rule.pattern.match(text, origin)  # the same match in the text itself, for the reader
                readings = rule.read(match, text)
                if not readings:
                    continue
                end = readings[-1].end  # a reader lists its readings in text order
                if not best or (origin, -end) < (best_start, -best_end):
                    best, best_start, best_end = readings, origin, end
                break
        if best:
            found.extend(best)
            covered = best_end
    return found


_NOT_WORDS = frozenset({DIGITS, APOSTROPHE})


def tag(text: str, *, reference: str | None) -> list[Timex]:
    """Tag the temporal expressions in text; reference is the publication date (ISO, or None when unknown)."""
    now = reference_point(reference)
    found_all = find(text)
    story = Story(text, now, news=is_news(text, found_all, now))
    resolved: dict[int, tuple[str, str] | None] = {}
    for index, found in enumerate(found_all):
        if index in resolved:
            continue
        following = found_all[index + 1] if index + 1 < len(found_all) else None
        if following is not None and _clock_before_its_day(text, found, following):
            resolved[index + 1] = story.resolve(following)  # '09:30 on 4 October 2021': the day first
        resolved[index] = story.resolve(found)
    timexes: list[Timex] = []
    for index, found in enumerate(found_all):
        value = resolved[index]
        if value is not None and found.end > found.start:
            timexes.append(Timex(found.start, found.end, text[found.start:found.end], *value))
    return timexes


_ON = re.compile(r"\s{0,3}(?:,|on|at)?\s{0,3}", re.IGNORECASE)


def _clock_before_its_day(text: str, clock: Found, day: Found) -> bool:
    """A time of day followed at once by the date it belongs to."""
    time_of_day, date = clock.reading, day.reading
    if not (isinstance(time_of_day, Named) and time_of_day.hour is not None and time_of_day.day is None
            and time_of_day.weekday is None and isinstance(date, Named) and date.day is not None):
        return False
    gap = _ON.fullmatch(text, clock.end, day.start)
    return gap is not None

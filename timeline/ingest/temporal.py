"""The temporal tagger: every TIMEX3 expression in a text, with character offsets, type and value.
Owns scanning (one pass over tokens, leftmost-longest choice) and the public Timex; must not print or touch files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.dates import english_to_edtf
from timeline.errors import InvalidDate
from timeline.ingest.anchoring import Story, is_news
from timeline.ingest.calendar import Point
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


_TOKEN = re.compile(r"[^\W\d_]+|[0-9]+|['’](?=[0-9])")


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


def find(text: str) -> list[Found]:
    """Every expression the rules recognise, leftmost-longest, in text order and never overlapping."""
    found: list[Found] = []
    covered = 0
    rules_for = _RULES_BY_TRIGGER.get
    digit_rules = _RULES_BY_TRIGGER.get(DIGITS)
    apostrophe_rules = _RULES_BY_TRIGGER.get(APOSTROPHE)
    the_start = -1  # where a 'the' right before this token starts: rules are also tried from there
    for token in _TOKEN.finditer(text):
        word = token.group()
        rules = rules_for(word)
        if rules is None:
            first = word[0]
            if first.isdecimal():
                rules = digit_rules
            elif first in "'’":
                rules = apostrophe_rules
            else:
                lowered = word.lower()
                if lowered != word:
                    rules = rules_for(lowered)
            if rules is None:
                the_start = token.start() if word in _THE_FORMS else -1
                continue
        start = token.start()
        previous_the, the_start = the_start, -1
        if start < covered:
            continue
        if previous_the >= covered and text[previous_the + 3:start].isspace():
            origins: tuple[int, ...] = (previous_the, start)
        else:
            origins = (start,)
        best: list[Found] = []
        best_start, best_end = start, start
        for rule in rules:
            for origin in origins:
                match = rule.pattern.match(text, origin)
                if match is None or (origin, -match.end()) >= (best_start, -best_end) and best:
                    continue
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

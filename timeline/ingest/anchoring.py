"""Placing readings on the calendar: the publication date, the story's current time, and the tense around a phrase.
Owns how partial and relative expressions get their values; must not match text patterns of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from timeline.ingest.calendar import Point, render, shift, year_text
from timeline.ingest.meaning import Fixed, Found, Named, Nearest, Shifted

__all__ = ["Story", "is_news", "tense_at"]

# --------------------------------------------------------------------------------------------
# Tense: the nearest verb cue around a phrase, in its sentence
# --------------------------------------------------------------------------------------------

_FUTURE_CUES = frozenset(
    "will 'll ’ll shall wo going plans plan planning scheduled expected due upcoming intends intend aims hopes "
    "next tomorrow".split()
)
_PAST_CUES = frozenset(
    "was were had did said told came went took began left died won lost met saw gave made fell ran held "
    "became fought led sent set brought built broke wrote spoke rose grew knew thought found got kept "
    "stood struck sought paid ago last yesterday earlier former".split()
)
_PRESENT_CUES = frozenset("is are am says say remains remain".split())
# Participles after these are passive or infinitive: the tense is in the auxiliary, further away.
_AUXILIARIES = frozenset({"be", "been", "being", "to", "will", "would", "should", "could", "might", "may", "must"})
_NOT_PAST_ED = frozenset(
    "need needed speed red bed seed feed indeed united hundred based limited expected scheduled planned proposed "
    "unprecedented alleged so-called armed advanced detailed".split()
)
_SENTENCE_END = re.compile(r"[.!?\n][\"'”’)\]]*\s")
_TENSE_WORD = re.compile(r"[A-Za-z'’]+")
_WINDOW = 160
_LEFT_WORDS, _RIGHT_WORDS = 12, 8


def _cue(lowered: str, previous: str) -> str | None:
    if lowered in _FUTURE_CUES:
        return "future"
    if lowered in _PRESENT_CUES:
        return "present"
    if previous in _AUXILIARIES:
        return None
    if lowered in _PAST_CUES or (lowered.endswith("ed") and len(lowered) > 4 and lowered not in _NOT_PAST_ED):
        return "past"
    return None


def tense_at(text: str, start: int, end: int) -> str | None:
    """'past', 'future', 'present' or None: the verb cue nearest to text[start:end] within its sentence."""
    left_text = text[max(0, start - _WINDOW):start]
    boundary = None
    for boundary in _SENTENCE_END.finditer(left_text):
        pass
    if boundary is not None:
        left_text = left_text[boundary.end():]
    right_text = text[end:end + _WINDOW]
    stop = _SENTENCE_END.search(right_text)
    if stop is not None:
        right_text = right_text[:stop.start() + 1]
    return _nearest_cue(left_text, right_text)


@functools.lru_cache(maxsize=512)
def _nearest_cue(left_text: str, right_text: str) -> str | None:
    # Cached: a text that repeats one sentence (or an adversarial one) asks the same question many times.
    left = [word.lower() for word in _TENSE_WORD.findall(left_text)[-_LEFT_WORDS - 1:]]
    right = [word.lower() for word in _TENSE_WORD.findall(right_text)[:_RIGHT_WORDS]]
    for distance in range(max(len(left), len(right))):
        index = len(left) - 1 - distance
        if index >= 0 and distance < _LEFT_WORDS:
            cue = _cue(left[index], left[index - 1] if index else "")
            if cue:
                return cue
        if distance < len(right):
            cue = _cue(right[distance], right[distance - 1] if distance else "")
            if cue:
                return cue
    return None


# --------------------------------------------------------------------------------------------
# The story's reference time
# --------------------------------------------------------------------------------------------

# In a report, a year named this many sentences back still holds for 'in August'.
_NEWS_STORY_SENTENCES = 1
_NEWS_STORY_REACH = 600
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _grain_point(point: Point, grain: str) -> Point:
    if grain in ("year", "decade", "century", "millennium"):
        return Point(point.year)
    if grain in ("month", "quarter", "season"):
        return Point(point.year, point.month)
    return point


_QUOTE_WINDOW = 1500  # a quotation is looked for this far back, so that tagging stays linear


def _quoted(text: str, position: int) -> bool:
    """Whether a position lies inside a quotation opened earlier in its paragraph."""
    window_start = max(0, position - _QUOTE_WINDOW)
    paragraph = text[text.rfind("\n", window_start, position) + 1 or window_start:position]
    return paragraph.count('"') % 2 == 1 or paragraph.rfind("“") > paragraph.rfind("”")


def is_news(text: str, found: list[Found], now: Point | None) -> bool:
    """Whether a text reads as a report told from its publication date rather than a history told in its own time.

    A report speaks of 'Friday' and 'last week'; a history names far-off years and rarely looks at today.
    """
    if now is None or now.year is None:
        return False
    deictic = distant = 0
    for phrase in found:
        reading = phrase.reading
        if (isinstance(reading, (Shifted, Nearest)) and reading.anchor == "now") or (
                isinstance(reading, Named) and reading.weekday is not None and reading.month is None):
            # A speaker's 'tomorrow' says nothing about how the text itself is told.
            deictic += not _quoted(text, phrase.start)
        elif isinstance(reading, Named) and reading.year is not None and not reading.two_digit_year:
            distant += abs(reading.year - now.year) > 1
    return deictic * _NEWS_RATIO >= distant


_NEWS_RATIO = 5


class Story:
    """Walks a text's expressions in order, keeping the publication date and the time the story is at.

    In a report (news) a partial date takes the story's year only right after the story named it; otherwise it is
    placed by tense around the publication date. In a history it always takes the story's year.
    """

    def __init__(self, text: str, now: Point | None, *, news: bool = False) -> None:
        self.text = text
        self.now = now
        self.news = news
        self.current: Point | None = now
        self.told = False  # the current time came from the text, not from the publication date
        self.told_at = 0  # where in the text it did
        self._position = 0

    # ---- the story's clock ------------------------------------------------------------------

    def _advance(self, point: Point | None) -> None:
        if point is None or point.year is None:
            return
        current = self.current
        if current is not None and point.year == current.year and (
                point.month is None or (point.month == current.month and point.day is None)):
            self.told = self.told or point != self.now
            return  # a coarser mention of the period we are in keeps the finer time
        self.current = point
        self.told = True
        self.told_at = self._position

    def _aside(self, start: int, end: int) -> bool:
        """A date in brackets, '(1945)', is a reader's aid, not a move of the story."""
        before = self.text[max(0, start - 1):start]
        after = self.text[end:end + 1]
        return not self.news and before in ("(", "[") and after in (")", "]", ";", ",")

    def _in_the_story(self, start: int) -> bool:
        """Whether partial dates take the story's year: the text has moved away from the publication year."""
        current = self.current
        if current is None or current.year is None or not self.told:
            return False
        if self.now is None or self.now.year is None:
            return True
        if current.year == self.now.year:
            return False
        if self.news:
            if start - self.told_at > _NEWS_STORY_REACH or "\n" in self.text[self.told_at:start]:
                return False  # a report returns to its own time at the next paragraph
            return len(_SENTENCE_END.findall(self.text, self.told_at, start)) <= _NEWS_STORY_SENTENCES
        return True

    def _year_for(self, month: int, day: int | None, start: int, end: int) -> int | None:
        tense = tense_at(self.text, start, end)
        now = self.now
        if self._in_the_story(start) and (tense != "future" or now is None):
            current = self.current
            assert current is not None and current.year is not None
            return current.year
        if now is None or now.year is None:
            return self.current.year if self.current is not None else None
        if now.month is None:
            return now.year
        here = (now.month, now.day if now.day is not None else 31)
        there = (month, day if day is not None else (1 if tense == "future" else 0))
        if tense == "future":
            return now.year if there >= (now.month, now.day or 1) else now.year + 1
        return now.year if there <= here else now.year - 1

    def _weekday_date(self, weekday: int, start: int, end: int) -> dt.date | None:
        tense = tense_at(self.text, start, end)
        now = self.now.date() if self.now is not None else None
        current = self.current.date() if self.current is not None else None
        if self.told and not self.news:
            if current is None:
                return None  # a history that has not reached a day: the weekday stays unanchored
            if now is None or abs((current - now).days) > 7:
                date = _days_after(current, (weekday - current.isoweekday()) % 7)
                if date is not None:
                    self._advance(Point.of(date))
                return date
        if now is None:
            return None
        if tense == "future":
            date = _days_after(now, (weekday - now.isoweekday()) % 7)
        else:
            date = _days_after(now, -((now.isoweekday() - weekday) % 7))
        if self.news and date is not None:
            self._advance(Point.of(date))
        return date

    def _expand_two_digit(self, year: int) -> int:
        pivot = self.current if self.current is not None and self.current.year is not None else self.now
        if pivot is None or pivot.year is None or pivot.year < 100:
            return 1900 + year
        candidates = [pivot.year - pivot.year % 100 + year + offset for offset in (-100, 0)]
        candidates = [candidate for candidate in candidates if candidate <= pivot.year + 1] or [candidates[0]]
        return max(candidates)

    def _day_of_story(self) -> str:
        current = self.current
        if current is not None and current.day is not None:
            return render(current, "day")
        return "XXXX-XX-XX"

    # ---- resolution -------------------------------------------------------------------------

    def resolve(self, found: Found) -> tuple[str, str] | None:
        reading = found.reading
        self._position = found.end
        if isinstance(reading, Fixed):
            return reading.type, reading.value
        if isinstance(reading, Named):
            return self._named(reading, found.start, found.end)
        if isinstance(reading, Shifted):
            return self._shifted(reading, found.start, found.end)
        return self._nearest(reading, found.start, found.end)

    def _named(self, named: Named, start: int, end: int) -> tuple[str, str] | None:
        if named.century is not None:
            century = named.century
            return "DATE", (f"BC{-century - 1:02d}" if century < 0 else f"{century:02d}")
        if named.decade is not None:
            decade = named.decade
            if named.two_digit_year:
                decade = self._expand_two_digit(decade * 10) // 10
            return "DATE", f"{decade:03d}"
        year = named.year
        if year is not None and named.two_digit_year:
            year = self._expand_two_digit(year)
        time = _time_text(named)
        kind = "TIME" if time else "DATE"
        if named.week is not None:
            return "DATE", f"{year_text(year)}-W{named.week:02d}"
        if year is None and named.month is None and named.season is None and named.quarter is None:
            if named.weekday is not None:
                date = self._weekday_date(named.weekday, start, end)
                if date is None:
                    return kind, f"XXXX-WXX-{named.weekday}{time}"
                return kind, render(Point.of(date), "day") + time
            if time:
                return kind, self._day_of_story() + time
            return None
        if year is None:
            if named.season is not None:
                month = _SEASON_MONTHS[named.season][0]
            elif named.quarter is not None:
                month = named.quarter * 3 - 2
            else:
                month = named.month  # type: ignore[assignment]
            year = self._year_for(month, named.day, start, end)
        if named.season is not None:
            self._advance(Point(year))
            return "DATE", f"{year_text(year)}-{named.season}"
        if named.quarter is not None:
            self._advance(Point(year))
            return "DATE", f"{year_text(year)}-Q{named.quarter}"
        point = Point(year, named.month, named.day)
        if not self._aside(start, end):
            self._advance(point)
        if named.month is None:
            return "DATE", year_text(year)
        return kind, render(point, "day" if named.day is not None else "month") + (time if named.day else "")

    def _shifted(self, shifted: Shifted, start: int, end: int) -> tuple[str, str] | None:
        base = self.now if shifted.anchor == "now" else self.current
        if shifted.count is None:
            # 'today': the publication day in a report of what happened or will happen, else the present.
            tense = tense_at(self.text, start, end)
            if self.now is None or self.now.day is None or tense not in ("past", "future"):
                return "DATE", "PRESENT_REF"
            return "DATE", render(self.now, "day")
        unit = shifted.unit
        part = f"T{shifted.part}" if shifted.part else ""
        kind = "TIME" if part else "DATE"
        if base is None or base.year is None:
            return kind, render(Point(None), unit) + part
        moved = shift(base, "month" if unit == "quarter" else unit, shifted.count * (3 if unit == "quarter" else 1))
        if shifted.anchor == "story" and unit in ("day", "week") and base.day is None:
            # 'that same day' stays in the story's month; 'four days later' may have left it.
            return kind, render(Point(base.year, base.month if shifted.count == 0 else None), unit) + part
        if shifted.anchor == "story" or self.news:
            # In a history, a deictic phrase ('last year') is a speaker's and leaves the story where it was.
            self._advance(_grain_point(moved, unit))
        return kind, render(moved, unit) + part

    def _nearest(self, nearest: Nearest, start: int, end: int) -> tuple[str, str] | None:
        base = self.now if nearest.anchor == "now" else self.current
        target = nearest.target
        part = f"T{target.part}" if target.part else ""
        kind = "TIME" if part else "DATE"
        if base is None or base.year is None:
            if target.weekday is not None:
                return kind, f"XXXX-WXX-{target.weekday}{part}"
            if target.season is not None:
                return "DATE", f"XXXX-{target.season}"
            return "DATE", f"XXXX-{target.month:02d}"
        direction = nearest.direction
        if target.weekday is not None:
            date = base.date()
            if date is None:
                return kind, f"{year_text(base.year)}-WXX-{target.weekday}{part}"
            gap = target.weekday - date.isoweekday()
            if direction < 0:
                moved = _days_after(date, -((-gap) % 7 or 7))
            elif direction > 0:
                moved = _days_after(date, gap % 7 or 7)
            else:
                moved = _days_after(date, gap)
            if moved is None:
                return kind, f"{year_text(base.year)}-WXX-{target.weekday}{part}"
            point = Point.of(moved)
            if nearest.anchor == "story" or self.news:
                self._advance(point)
            return kind, render(point, "day") + part
        if target.season is not None:
            first, last = _SEASON_MONTHS[target.season]
            month = base.month or 6
            if direction < 0:
                year = base.year if month > last else base.year - 1
            elif direction > 0:
                year = base.year if month < first else base.year + 1
            else:
                year = base.year - 1 if target.season == "WI" and month <= 2 else base.year
            if nearest.anchor == "story" or self.news:
                self._advance(Point(year))
            return "DATE", f"{year_text(year)}-{target.season}"
        month_wanted = target.month or 1
        month = base.month
        if direction < 0:
            year = base.year if month is not None and month_wanted < month else base.year - 1
        elif direction > 0:
            year = base.year if month is not None and month_wanted > month else base.year + 1
        else:
            year = base.year
        point = Point(year, month_wanted)
        if nearest.anchor == "story" or self.news:
            self._advance(point)
        return "DATE", render(point, "month")


def _days_after(date: dt.date, days: int) -> dt.date | None:
    """The date so many days later (earlier if negative); None past the calendar's ends (year 1 or 9999)."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return None


def _time_text(named: Named) -> str:
    if named.hour is not None:
        text = f"T{named.hour:02d}:{named.minute or 0:02d}"
        if named.second is not None:
            text += f":{named.second:02d}"
        return text
    if named.part is not None:
        return f"T{named.part}"
    return ""

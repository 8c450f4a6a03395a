"""What each rule's match means: regex groups and the words around them turned into Readings.
Owns the checks that turn away look-alikes (amounts, the verb 'may', ages, fractions); must not define patterns or
choose a year for a partial date.
"""

from __future__ import annotations

import re

from timeline.ingest.calendar import duration_value
from timeline.ingest.lexicon import (
    DAY_PARTS,
    FULL_MONTHS,
    FULL_WEEKDAYS,
    ORDINAL_WORDS,
    SEASONS,
    VAGUE_COUNTS,
    month_number,
    number_value,
    unit_of,
    weekday_number,
)
from timeline.ingest.meaning import Fixed, Found, Named, Nearest, Reading, Shifted

__all__ = [
    "DECADE_WORDS",
    "read_bare_plural",
    "read_calendar_day",
    "read_century",
    "read_day_around",
    "read_decade",
    "read_deictic",
    "read_duration",
    "read_holiday",
    "read_month",
    "read_month_year",
    "read_named_relative",
    "read_numeric",
    "read_part_of_period",
    "read_part_of_today",
    "read_quarter",
    "read_reference",
    "read_season",
    "read_set",
    "read_shift",
    "read_time",
    "read_two_digit_year",
    "read_unit_relative",
    "read_weekday",
    "read_year",
]


# ---------------------------------------------------------------------------------------------
# Context checks shared by the readers
# ---------------------------------------------------------------------------------------------

_QUANTITY_NOUNS = frozenset(
    "men people troops soldiers km kilometres kilometers miles mi metres meters m ft feet yards tons tonnes kg "
    "strong infantry cavalry guns aircraft planes ships tanks dead killed wounded casualties prisoners horses "
    "refugees civilians sailors marines officers rifles vehicles acres hectares square per cent percent pounds "
    "dollars euros francs rubles inhabitants residents students workers votes seats years-old year-old".split()
)
_NOT_YEAR_BEFORE = frozenset(
    "about approximately around nearly almost some over under than roughly estimated only least additional "
    "another extra total resolution no number flight route highway page room model type code article section "
    "chapter hill height elevation point battalion regiment division squadron brigade".split()
)
_PLURAL_NOT_NOUNS = frozenset({"as", "was", "is", "has", "his", "its", "this", "us", "thus", "whereas", "always"})
_BARE_MONTH_CUES = frozenset(
    "in by since until till from of during early late mid last next this through before after between to and or "
    "that each every".split()
)
_BARE_PLURAL_CUES = frozenset(
    "for in within take takes took taking lasted lasting last lasts spent spend after over recent coming "
    "following".split()
)
_SPAN_DURATION_CUES = frozenset({"over", "within", "throughout", "for"})

# The word ending at most three non-word characters (and a final newline, as '$' allows) before a position, matched
# on the 40 characters before it read backwards: one anchored match instead of a search from each of the 40.
_WORD_BEFORE_REVERSED = re.compile(r"\n?\W{0,3}([^\W\d_]+)")
_WORD_AFTER = re.compile(r"\W{0,3}?([^\W\d_][\w'-]*)")


def _word_before(text: str, position: int) -> str:
    found = _WORD_BEFORE_REVERSED.match(text[max(0, position - 40):position][::-1])
    return found.group(1)[::-1].lower() if found else ""


def _word_after(text: str, position: int) -> str:
    found = _WORD_AFTER.match(text, position, position + 40)
    return found.group(1) if found else ""


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _era_year(number: int, era: str | None) -> int | None:
    """The historical year for a number and an era written in capitals; None if the era is not one."""
    if era is None:
        return number
    if not era.isupper():
        return None
    return -number if era.startswith("B") else number


def _year_of(match: re.Match[str], group: str, text: str) -> int | None:
    """The year a _year(group) fragment matched, or None when it is not a plausible year."""
    if match.group(f"{group}_after_era") is not None:
        return _era_year(int(match.group(f"{group}_after_era")), "AD") or None
    digits = match.group(group)
    if digits is None:
        return None
    era = match.group(f"{group}_era")
    if era is not None:
        number = int(digits)
        return _era_year(number, era) if number > 0 else None
    if len(digits) != 4 or not 1000 <= int(digits) <= 2199:
        return None
    return int(digits)


def _plain_year_context_ok(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless it reads as a quantity, an amount or a code."""
    before = text[max(0, start - 2):start]
    if (before and before[-1] in "$£€#¥") or (len(before) == 2 and before[0].isdigit() and before[1] in ",."):
        return False
    after = text[end:end + 2]
    if after[:1] in ("%", ",") and after[1:2].isdigit():
        return False
    if after.startswith("%"):
        return False
    if _word_before(text, start) in _NOT_YEAR_BEFORE:
        return False
    following = _word_after(text, end)
    lowered = following.lower()
    if lowered in _QUANTITY_NOUNS:
        return False
    if following.islower() and lowered.endswith("s") and len(lowered) > 3 and lowered not in _PLURAL_NOT_NOUNS \
            and text[end:end + 1] == " ":
        return False
    return True


def _day_ok(day: int, month: int) -> bool:
    return 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _found(match: re.Match[str], reading: Reading | None, start: int | None = None,
           end: int | None = None) -> list[Found]:
    if reading is None:
        return []
    return [Found(match.start() if start is None else start, match.end() if end is None else end, reading)]


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",("):
        end -= 1
    return end


def _month_ok(match: re.Match[str], group: str, text: str, *, bare: bool) -> int | None:
    """The month number, if the word is written as a month (capitalised; May and March need a cue when bare)."""
    word = match.group(group)
    number = month_number(word)
    if number is None or not _capitalised(word):
        return None
    if bare:
        lowered = word.lower().rstrip(".")
        if lowered not in FULL_MONTHS:
            return None
        if lowered in ("may", "march") and not match.group("mod") and \
                _word_before(text, match.start(group)) not in _BARE_MONTH_CUES:
            return None
    return number


# ---------------------------------------------------------------------------------------------
# Readers, one per rule
# ---------------------------------------------------------------------------------------------


def read_calendar_day(match: re.Match[str], text: str) -> list[Found]:
    """'June 22, 1941', '9 September 1914', 'the night of 13 February', and ranges: 'March 5-9, 1918' is two dates."""
    month = _month_ok(match, "month", text, bare=False)
    if month is None:
        return []
    first = int(match.group("day"))
    if not _day_ok(first, month):
        return []
    end = match.end()
    year = None
    if match.group("year") is not None or match.group("year_after_era") is not None:
        year = _year_of(match, "year", text)
        if year is None or (match.group("year_era") is None and match.group("year_after_era") is None
                            and not _plain_year_context_ok(text, match.start("year"), match.end())):
            year = None
            end = _trimmed_end(text, match.start(), match.start("yearpart"))
    weekday = weekday_number(match.group("weekday")) if match.group("weekday") else None
    part = DAY_PARTS[match.group("dpart").lower()] if match.group("dpart") else None
    first_date = Named(year=year, month=month, day=first, weekday=weekday, part=part)
    if match.group("day2") is None:
        return [Found(match.start(), end, first_date)]
    second = int(match.group("day2"))
    if not _day_ok(second, month) or second <= first:
        return []
    return [Found(match.start(), match.end("day"), first_date),
            Found(match.start("day2"), end, Named(year=year, month=month, day=second))]


def read_month_year(match: re.Match[str], text: str) -> list[Found]:
    month = _month_ok(match, "month", text, bare=False)
    year = _year_of(match, "year", text)
    if month is None or year is None:
        return []
    if match.group("year_era") is None and match.group("year_after_era") is None and \
            not _plain_year_context_ok(text, match.start("year"), match.end()):
        return []
    return _found(match, Named(year=year, month=month))


def read_month(match: re.Match[str], text: str) -> list[Found]:
    month = _month_ok(match, "month", text, bare=True)
    return _found(match, Named(month=month)) if month is not None else []


def read_year(match: re.Match[str], text: str) -> list[Found]:
    first = _year_of(match, "year", text)
    if first is None and match.group("year2_era") is not None and match.group("year") is not None:
        first = _era_year(int(match.group("year")), match.group("year2_era")) or None
    if first is None:
        return []
    era = match.group("year_era") or match.group("year2_era")
    if era is None and match.group("year_after_era") is None:
        if not _plain_year_context_ok(text, match.start("year"), match.end()):
            return []
    if match.group("year_after_era") is not None:
        return _found(match, Named(year=first), end=match.end("year_after_era"))  # 'AD 9' takes no range
    second_text = match.group("year2")
    if second_text is None:
        return _found(match, Named(year=first))
    if int(second_text) == 0:
        return _found(match, Named(year=first), end=match.end("year")) if match.group("year_era") is None else []
    if match.group("year_era") is None and match.group("year2_era") is not None:
        # '499-493 BC': the era written once covers both years.
        first = _era_year(int(match.group("year")), match.group("year2_era"))
        if first is None:
            return []
    second_number = int(second_text)
    sign = -1 if first < 0 else 1
    magnitude = abs(first)
    if era is None and len(second_text) == 2:
        second_magnitude = magnitude - magnitude % 100 + second_number
        if second_magnitude <= magnitude:
            second_magnitude += 100
    elif era is None and len(second_text) == 4:
        second_magnitude = second_number
    elif era is not None:
        second_magnitude = second_number
    else:
        return _found(match, Named(year=first), end=match.end("year"))
    second = sign * second_magnitude
    plausible = (second > first and second - first <= 100) if era is None or first > 0 else (0 < first - second <= 100
                                                                                             or second > first)
    if not plausible:
        return [Found(match.start(), match.end("year"), Named(year=first))] if era is None else []
    return [Found(match.start(), match.end("year") if match.group("year_era") is None else match.end("year_era"),
                  Named(year=first)),
            Found(match.start("year2"), match.end(), Named(year=second))]


def read_two_digit_year(match: re.Match[str], text: str) -> list[Found]:
    return _found(match, Named(year=int(match.group("yy")), two_digit_year=True))


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def read_decade(match: re.Match[str], text: str) -> list[Found]:
    if match.group("decade") is not None:
        digits = match.group("decade")
        if digits.endswith("00"):
            return _found(match, Named(century=int(digits[:2])))
        return _found(match, Named(decade=int(digits[:3])))
    if match.group("short") is not None:
        return _found(match, Named(decade=int(match.group("short")[0]), two_digit_year=True))
    if not re.search(r"\bthe\s{1,3}$", text[max(0, match.start("word") - 8):match.start("word")], re.IGNORECASE):
        return []  # 'in his sixties' is an age; 'the sixties' is a decade
    return _found(match, Named(decade=DECADE_WORDS[match.group("word").lower()], two_digit_year=True))


def read_century(match: re.Match[str], text: str) -> list[Found]:
    number = match.group("number")
    ordinal = int(number) if number is not None else ORDINAL_WORDS.get(" ".join(match.group("ordinal").lower()
                                                                                  .replace("-", " ").split()))
    if not ordinal or ordinal > 30:
        return []
    era = match.group("century_era")
    if era is not None and not era.isupper():
        return []
    century = ordinal - 1
    return _found(match, Named(century=-century - 1 if era and era.startswith("B") else century))


def read_season(match: re.Match[str], text: str) -> list[Found]:
    name = match.group("season").lower()
    if _word_after(text, match.end("season")).lower() == "time" and _capitalised(match.group("season")):
        return []  # British Summer Time is a clock setting
    year = None
    end = match.end()
    if match.group("year") is not None or match.group("year_after_era") is not None:
        year = _year_of(match, "year", text)
        if year is None:
            end = _trimmed_end(text, match.start(), match.start("yearpart"))
    if name == "fall" and year is None:
        before = _word_before(text, match.start("season"))
        if not (match.group("mod") or before in ("the", "this", "that", "last", "next", "early", "late")):
            return []
        if re.match(r"\s{1,3}of\s", text[end:end + 8]) or not (before != "the" or re.match(
                r"\s{0,2}[,.;:)]|\s{1,3}(?:and|when|as|after|before|season|semester|term)\b", text[end:end + 12])):
            return []
    return [Found(match.start(), end, Named(year=year, season=SEASONS[name]))]


_QUARTER_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def read_quarter(match: re.Match[str], text: str) -> list[Found]:
    if match.group("qnumber") is not None:
        if match.group("q") != "Q":
            return []
        quarter = int(match.group("qnumber"))
    else:
        quarter = _QUARTER_NUMBERS[match.group("ordinal").lower()]
    year = _year_of(match, "year", text) if match.group("year") or match.group("year_after_era") else None
    return _found(match, Named(year=year, quarter=quarter))


def read_weekday(match: re.Match[str], text: str) -> list[Found]:
    word = match.group("weekday")
    if not _capitalised(word):
        return []
    weekday = weekday_number(word)
    part = DAY_PARTS[match.group("part").lower()] if match.group("part") else None
    if match.group("plural"):
        if match.group("relation"):
            return []
        value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
        return _found(match, Fixed("SET", value))
    relation = (match.group("relation") or "").lower().split()
    target = Named(weekday=weekday, part=part)
    if not relation:
        return _found(match, target)
    key = relation[-1]
    if key in ("last", "past"):
        return _found(match, Nearest("now", -1, target))
    if key in ("next", "coming"):
        return _found(match, Nearest("now", 1, target))
    if key == "this":
        return _found(match, Nearest("now", 0, target))
    if key in ("following",):
        return _found(match, Nearest("story", 1, target))
    if key in ("previous", "preceding"):
        return _found(match, Nearest("story", -1, target))
    return _found(match, Nearest("story", 0, target))


def read_named_relative(match: re.Match[str], text: str) -> list[Found]:
    words = match.group("relation").lower().split()
    relation = words[-1]
    if match.group("month"):
        month = _month_ok(match, "month", text, bare=False)
        if month is None or match.group("month").lower().rstrip(".") not in FULL_MONTHS:
            return []
        target = Named(month=month)
    else:
        target = Named(season=SEASONS[match.group("season").lower()])
    # 'next spring' counts from publication; 'the next spring' from the story's time.
    anchor = "story" if relation in ("following", "previous", "preceding") or words[0] == "the" else "now"
    direction = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "next": 1, "coming": 1,
                 "following": 1}[relation]
    return _found(match, Nearest(anchor, direction, target))


def read_deictic(match: re.Match[str], text: str) -> list[Found]:
    part = DAY_PARTS[match.group("part").lower()] if match.group("part") else None
    if match.group("twice") is not None:
        offset = -2 if match.group("twice").lower() == "yesterday" else 2
        return _found(match, Shifted("now", "day", offset, part=part))
    word = match.group("word").lower()
    if word == "tonight":
        return _found(match, Shifted("now", "day", 0, part="NI"))
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
    if word == "today" and part is None:
        # 'today' is the publication day in a report, and the present in a general statement: anchoring decides.
        return _found(match, Shifted("now", "day", None, direction=0))
    return _found(match, Shifted("now", "day", offset, part=part))


def read_part_of_today(match: re.Match[str], text: str) -> list[Found]:
    part = DAY_PARTS[match.group("part").lower()]
    offset = -1 if match.group("which").lower() == "last" and part == "NI" else 0
    if match.group("which").lower() == "last" and part != "NI":
        return []
    return _found(match, Shifted("now", "day", offset, part=part))


_RELATIONS: dict[str, tuple[str, int]] = {
    "this": ("now", 0), "last": ("now", -1), "next": ("now", 1), "past": ("now", -1), "coming": ("now", 1),
    "this past": ("now", -1), "this coming": ("now", 1), "the current": ("now", 0), "the present": ("now", 0),
    "the last": ("now", -1), "the coming": ("now", 1), "the past": ("now", -1),
    "the same": ("story", 0), "that same": ("story", 0), "that": ("story", 0), "the very same": ("story", 0),
    "the following": ("story", 1), "the next": ("story", 1), "the previous": ("story", -1),
    "the preceding": ("story", -1), "the prior": ("story", -1), "the very next": ("story", 1),
}


def read_unit_relative(match: re.Match[str], text: str) -> list[Found]:
    relation = " ".join(match.group("relation").lower().split())
    anchor, offset = _RELATIONS[relation]
    word = match.group("unit").lower()
    unit = "day" if word in DAY_PARTS else word
    part = DAY_PARTS.get(word)
    if match.group("fiscal") and unit != "year":
        return []
    if match.group("shift") and relation not in ("this", "that", "the same", "that same"):
        return []
    before = _word_before(text, match.start())
    if relation in ("the last", "the first", "the next") and _word_after(text, match.end()).lower() == "of":
        # 'the last week of August' is a week-long stretch of a named period
        return _found(match, Fixed("DURATION", duration_value(1, unit))) if part is None and unit != "day" else []
    if relation in ("the past",) or (
            relation in ("the next", "the coming", "the last", "the following") and before in _SPAN_DURATION_CUES):
        if part is not None:
            return []
        return _found(match, Fixed("DURATION", duration_value(10 if unit == "decade" else 1,
                                                              "year" if unit == "decade" else unit)))
    if unit == "day" and relation in ("this", "last", "next", "past", "coming") and part is None:
        if relation != "this":
            return []
        anchor = "story"
    if relation == "last" and part == "NI":
        return _found(match, Shifted("now", "day", -1, part=part))
    if relation in ("last", "next", "past", "coming") and part is not None:
        return []
    if unit == "season":
        return []
    return _found(match, Shifted(anchor, unit, offset, part=part))


def read_day_around(match: re.Match[str], text: str) -> list[Found]:
    offset = 1 if match.group("side").lower() in ("after", "later") else -1
    return _found(match, Shifted("story", match.group("unit").lower(), offset))


def _count_of(match: re.Match[str]) -> float | None:
    count_text = (match.group("count") or "").lower()
    count_text = " ".join(count_text.split())
    if count_text in VAGUE_COUNTS:
        return None
    count = number_value(count_text.replace(",", ""))
    if count is None:
        return None
    groups = match.groupdict()
    if groups.get("half") or groups.get("half2"):
        count += 0.5
    return count


def read_shift(match: re.Match[str], text: str) -> list[Found]:
    unit = unit_of(match.group("unit"))
    if unit is None or unit in ("night", "fortnight", "weekend"):
        return []
    side = " ".join(match.group("side").lower().split())
    if side in ("earlier", "later") and re.match(r"\s{1,3}than\b", text[match.end():match.end() + 8]):
        return []  # 'a month earlier than usual' compares; it does not move the story
    if side in ("before", "after"):
        after = text[match.end():match.end() + 3]
        if after[:1] and not re.match(r"\s{0,2}[,.;:)!?]|\s*$", after):
            return []
    count_text = match.group("count")
    count = _count_of(match) if count_text else None
    if count_text is None and not match.group("unit").lower().endswith(("s", "ia")):
        return []
    if count is not None and not float(count).is_integer():
        return []
    anchor = "now" if side in ("ago", "hence") else "story"
    direction = -1 if side in ("ago", "earlier", "before", "before that", "previously", "prior") else 1
    if count is None:
        return _found(match, Fixed("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF"))
    return _found(match, Shifted(anchor, unit, direction * int(count)))


def read_duration(match: re.Match[str], text: str) -> list[Found]:
    unit_word = match.group("unit").lower()
    unit = unit_of(unit_word)
    if unit is None:
        return []
    count_text = " ".join((match.group("count") or "").lower().split())
    plural = unit_word.endswith(("s", "ia")) and unit_word != unit
    edge = (match.group("edge") or "").lower()
    if not count_text:
        if not (edge and plural):
            return []
        count = None
    else:
        count = _count_of(match)
        if count is None and count_text not in VAGUE_COUNTS:
            return []
        if count_text in ("a", "an") and unit in ("second", "quarter", "night"):
            return []
        if count is not None and count_text.replace(",", "").replace(".", "").isdigit() and unit in (
                "quarter", "night") and not plural:
            return []
    if text[match.end():match.end() + 4].lower() == "-old":
        return []  # '22-year-old' is an age, not a span of time
    if unit == "quarter" and (not count_text.isdigit() or _word_after(text, match.end()).lower() == "of"):
        return []  # 'three quarters of the army' is a fraction
    if unit == "night":
        unit = "day"
    if count is not None and unit == "hour" and not float(count).is_integer():
        count, unit = count * 60, "minute"
    value = duration_value(count, unit)
    return _found(match, Fixed("DURATION", value))


def read_bare_plural(match: re.Match[str], text: str) -> list[Found]:
    unit = unit_of(match.group("unit"))
    if unit is None:
        return []
    cue = (match.group("recent") or "").lower() or _word_before(text, match.start())
    if cue not in _BARE_PLURAL_CUES:
        return []
    after = _word_after(text, match.end()).lower()
    if after in ("of", "old", "ago", "later", "earlier", "before", "after"):
        return []
    return _found(match, Fixed("DURATION", duration_value(None, unit)))


def read_reference(match: re.Match[str], text: str) -> list[Found]:
    words = " ".join(match.group(0).lower().split())
    if words in ("the past", "recently", "lately", "at the time", "at that time", "formerly"):
        return _found(match, Fixed("DATE", "PAST_REF"))
    if words == "the future":
        return _found(match, Fixed("DATE", "FUTURE_REF"))
    if words in ("the present", "present") and _word_after(text, match.end()).lower() in ("day", "time"):
        return []
    return _found(match, Fixed("DATE", "PRESENT_REF"))


def read_time(match: re.Match[str], text: str) -> list[Found]:
    if match.group("word") is not None:
        word = match.group("word").lower()
        hour = 12 if word in ("noon", "midday") else 24
        return _found(match, Named(hour=hour % 24 if word != "midnight" else 0, minute=0,
                                   weekday=weekday_number(match.group("weekday")) if match.group("weekday") else None))
    if match.group("oclock") is not None:
        hour_text = match.group("oclock").lower()
        hour_value = number_value(hour_text)
        if hour_value is None or not 1 <= hour_value <= 12:
            return []
        hour, minute = int(hour_value), 0
        meridiem = (match.group("meridiem2") or "").lower().replace(".", "").replace(" ", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        return _found(match, Named(hour=hour, minute=minute))
    hour = int(match.group("hour"))
    minute = int(match.group("minute")) if match.group("minute") else 0
    meridiem = (match.group("meridiem") or "").lower().replace(".", "").replace(" ", "")
    separator = match.group("separator")
    zone = match.group("zone")
    if not meridiem and not (separator == ":" and match.group("minute")) and not (zone and zone.lower() == "hrs"):
        return []
    if meridiem:
        if not 1 <= hour <= 12:
            return []
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    elif separator == "." and not zone:
        return []
    second = int(match.group("second")) if match.group("second") else None
    weekday = weekday_number(match.group("weekday")) if match.group("weekday") else None
    if match.group("weekday") and not _capitalised(match.group("weekday")):
        return _found(match, Named(hour=hour, minute=minute, second=second), end=match.start("weekday_part"))
    return _found(match, Named(hour=hour, minute=minute, second=second, weekday=weekday))


def read_numeric(match: re.Match[str], text: str) -> list[Found]:
    groups = match.groupdict()
    if groups["iso_year"] is not None:
        year, month, day = int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"])
        if not 1 <= month <= 12 or not _day_ok(day, month):
            return []
        if groups["iso_hour"] is not None:
            hour, minute = int(groups["iso_hour"]), int(groups["iso_minute"])
            second = int(groups["iso_second"]) if groups["iso_second"] else None
            if hour > 23:
                return []
            return _found(match, Named(year=year, month=month, day=day, hour=hour, minute=minute, second=second))
        return _found(match, Named(year=year, month=month, day=day))
    if groups["us_month"] is not None:
        month, day, year_text = int(groups["us_month"]), int(groups["us_day"]), groups["us_year"]
        year = int(year_text) if len(year_text) == 4 else 1900 + int(year_text) if int(year_text) > 30 \
            else 2000 + int(year_text)
        if not 1 <= month <= 12 or not _day_ok(day, month):
            return []
        return _found(match, Named(year=year, month=month, day=day))
    if groups["eu_day"] is not None:
        day, month, year = int(groups["eu_day"]), int(groups["eu_month"]), int(groups["eu_year"])
        if not 1 <= month <= 12 or not _day_ok(day, month):
            return []
        return _found(match, Named(year=year, month=month, day=day))
    if groups["week_year"] is not None:
        week = int(groups["week"])
        return _found(match, Named(year=int(groups["week_year"]), week=week)) if 1 <= week <= 53 else []
    return _found(match, Named(year=int(groups["quarter_year"]), quarter=int(groups["quarter"])))


_ADVERB_SETS = {
    "annually": "XXXX", "yearly": "XXXX", "daily": "XXXX-XX-XX", "everyday": "XXXX-XX-XX", "weekly": "XXXX-WXX",
    "monthly": "XXXX-XX", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "quarterly": "XXXX-QX",
    "fortnightly": "P2W", "biennially": "P2Y", "biannually": "P6M", "semiannually": "P6M",
}


def read_set(match: re.Match[str], text: str) -> list[Found]:
    groups = match.groupdict()
    if groups["adverb"] is not None:
        return _found(match, Fixed("SET", _ADVERB_SETS[groups["adverb"].lower()]))
    if groups["per_unit"] is not None or groups["per_alone"] is not None:
        unit = unit_of(groups["per_unit"] or groups["per_alone"])
        return _found(match, Fixed("SET", duration_value(1, unit))) if unit else []
    what = groups["what"]
    lowered = what.lower()
    if lowered in FULL_WEEKDAYS:
        return _found(match, Fixed("SET", f"XXXX-WXX-{weekday_number(lowered)}"))
    if lowered in DAY_PARTS:
        return _found(match, Fixed("SET", f"XXXX-XX-XXT{DAY_PARTS[lowered]}"))
    if lowered in SEASONS:
        return _found(match, Fixed("SET", f"XXXX-{SEASONS[lowered]}"))
    if lowered in FULL_MONTHS and _capitalised(what):
        return _found(match, Fixed("SET", f"XXXX-{month_number(lowered):02d}"))
    unit = unit_of(lowered)
    if unit is None:
        return []
    count = 2.0 if groups["other"] else _count_of(match) if groups["count"] else 1.0
    if count is None or (groups["count"] and lowered == unit):
        count = None if count is None else count
    if unit == "weekend":
        return _found(match, Fixed("SET", "XXXX-WXX-WE"))
    return _found(match, Fixed("SET", duration_value(count, unit)))


_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "new year’s eve": (12, 31), "new year’s day": (1, 1), "halloween": (10, 31),
    "valentine's day": (2, 14), "valentine’s day": (2, 14), "armistice day": (11, 11),
}


def read_holiday(match: re.Match[str], text: str) -> list[Found]:
    name = " ".join(match.group("holiday").lower().split())
    if not _capitalised(match.group("holiday")):
        return []
    month, day = _HOLIDAYS[name]
    year = _year_of(match, "year", text) if match.group("year") or match.group("year_after_era") else None
    return _found(match, Named(year=year, month=month, day=day))


def read_part_of_period(match: re.Match[str], text: str) -> list[Found]:
    determiner = (match.group("determiner") or "the").lower()
    unit = match.group("unit").lower()
    if determiner == "this":
        return _found(match, Shifted("now", unit, 0))
    return _found(match, Shifted("story", unit, 0))

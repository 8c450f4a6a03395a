"""The English words of time: months, weekdays, seasons, units, parts of day, numbers, as tables and regex fragments.
Owns vocabulary only; must not decide what a phrase means or which date it names.
"""

from __future__ import annotations

import re

__all__ = [
    "DAY_PARTS",
    "FULL_MONTHS",
    "FULL_WEEKDAYS",
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "SEASONS",
    "UNITS",
    "VAGUE_COUNTS",
    "WEEKDAYS",
    "alternation",
    "word_trie",
    "month_number",
    "number_value",
    "unit_of",
    "weekday_number",
]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
FULL_MONTHS = frozenset(name for name in MONTHS if len(name) > 3 and name != "sept") | {"may"}

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip
FULL_WEEKDAYS = frozenset(name for name in WEEKDAYS if name.endswith("day"))

# TIMEX3 season codes; "fall" is only a season where the patterns say so (it is also a verb and a noun).
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# TIMEX3 codes for parts of the day.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF", "evening": "EV", "evenings": "EV",
    "night": "NI", "nights": "NI", "nighttime": "NI", "night-time": "NI", "daytime": "DT", "midday": "MI",
}  # fmt: skip

# Unit name -> (granularity used for anchoring, TIMEX3 duration designator, count of that designator).
UNITS: dict[str, tuple[str, str, int]] = {
    "second": ("second", "TS", 1), "minute": ("minute", "TM", 1), "hour": ("hour", "TH", 1),
    "day": ("day", "D", 1), "night": ("day", "D", 1), "week": ("week", "W", 1), "fortnight": ("week", "W", 2),
    "weekend": ("weekend", "WE", 1),
    "month": ("month", "M", 1), "quarter": ("quarter", "Q", 1), "year": ("year", "Y", 1),
    "decade": ("decade", "DE", 1), "century": ("century", "CE", 1), "millennium": ("millennium", "ML", 1),
}  # fmt: skip
_UNIT_PLURALS = {"centuries": "century", "millennia": "millennium", "millenniums": "millennium"}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a thousand": 1000, "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
# Words that give a count without a number: TIMEX3 writes it as X.
VAGUE_COUNTS = frozenset({"few", "a few", "several", "many", "some", "dozens of", "hundreds of", "a number of",
                          "numerous", "countless", "various", "multiple"})

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip


def alternation(words: object) -> str:
    """A regex alternation of the words, longest first so that a prefix never wins over the whole word."""
    ordered = sorted({str(word) for word in words}, key=lambda word: (-len(word), word))  # type: ignore[attr-defined]
    return "|".join(re.escape(word).replace(r"\ ", r"\s{1,3}") for word in ordered)


def word_trie(words: object) -> str:
    """A regex that matches any of the words, written as a prefix tree ('a(?:bout|n)?') so the regex engine tries
    each letter once instead of every word in turn. Longer words are tried first, as in alternation()."""
    tree: dict = {}
    for word in {str(word) for word in words}:  # type: ignore[attr-defined]
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict) -> str:
        arms = [re.escape(letter) + branch(child) for letter, child in sorted(node.items()) if letter]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip(".").removesuffix("s") if word.lower().endswith("days")
                        else word.lower().rstrip("."))


def unit_of(word: str) -> str | None:
    """The singular unit name for 'days', 'Centuries', 'year' ...; None for anything else."""
    lowered = word.lower()
    if lowered in _UNIT_PLURALS:
        return _UNIT_PLURALS[lowered]
    if lowered in UNITS:
        return lowered
    if lowered.endswith("s") and lowered[:-1] in UNITS:
        return lowered[:-1]
    return None


def number_value(text: str) -> float | None:
    """The count a number phrase gives ('three', '3', 'twenty-five', 'a couple of'); None if it is vague or unknown."""
    words = " ".join(text.lower().replace("-", " ").split())
    if not words:
        return None
    if words.replace(".", "", 1).isdigit():
        return float(words)
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    parts = words.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        tens, ones = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if tens >= 20 and tens % 10 == 0 and ones < 10:
            return float(tens + ones)
        if ones == 100 and tens < 10:
            return float(tens * 100)
    return None

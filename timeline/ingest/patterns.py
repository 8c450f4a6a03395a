"""The rule table: which English phrases are temporal expressions, as regexes with trigger words and a reader each.
Owns surface forms and span conventions; must not decide what a match means (readers.py) or pick a year.

Every rule is a regex tried only where one of its trigger words starts a token, with bounded repetition only,
so tagging stays linear in the length of the text whatever the text is. A rule may also name a part that every match
of it contains as a whole token (`needs`, e.g. a unit word for a duration): the scanner then skips the rule where no
such word starts within the rule's reach, which spares most tries of the rules with long optional openings.
"""

from __future__ import annotations

import re
import re._parser
from collections.abc import Callable
from dataclasses import dataclass

from timeline.ingest import readers
from timeline.ingest.lexicon import (
    FULL_MONTHS,
    FULL_WEEKDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SEASONS,
    VAGUE_COUNTS,
    alternation,
)
from timeline.ingest.meaning import Found

__all__ = ["RULES", "Rule"]

Reader = Callable[[re.Match[str], str], list[Found]]


@dataclass(frozen=True)
class Rule:
    """A phrase shape: its trigger words, its regex and its reader. `folded` is the same regex for the folded text
    (temporal.fold): case-sensitive, so much cheaper to try, and matching exactly where `pattern` matches the text.
    When `needs` is not empty, every match of the pattern holds a token (a whole run of letters) that is one of those
    words in some case, starting at most `reach` characters after the start of the match."""

    name: str
    triggers: frozenset[str]
    pattern: re.Pattern[str]
    folded: re.Pattern[str]
    read: Reader
    needs: frozenset[str] = frozenset()
    reach: int = 0


# ---------------------------------------------------------------------------------------------
# Fragments
# ---------------------------------------------------------------------------------------------

_S = r"\s{1,3}"
_END = r"(?!\w)"
_FULL_MONTH_ALT = alternation(FULL_MONTHS)
_ABBREVIATED_MONTH_ALT = alternation(set(MONTHS) - FULL_MONTHS)
_WEEKDAY_ALT = alternation(FULL_WEEKDAYS)
_SEASON_ALT = alternation(SEASONS)
_DAY_PART_ALT = "morning|afternoon|evening|night"
_ERA = r"B\.C\.E\.|B\.C\.|BCE|BC|A\.D\.|AD|C\.E\.|CE"
_NUMBER_WORD_ALT = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?!\w))?"
    "|" + alternation(set(NUMBER_WORDS) | {"one hundred"})
)
_COUNT = rf"(?P<count>\d{{1,3}}(?:,\d{{3}}){{1,2}}(?!\d)|\d{{1,4}}(?:\.\d{{1,2}})?|{_NUMBER_WORD_ALT}|{alternation(VAGUE_COUNTS)})"
_UNIT_SINGULAR = "second|minute|hour|day|night|week|fortnight|weekend|month|quarter|year|decade|century|millennium"
_UNIT_ANY = r"(?P<unit>centuries|millennia|(?:" + _UNIT_SINGULAR + r")s?)"
# The words _UNIT_ANY matches: a duration or a shift holds one as a token.
_UNIT_WORDS = {"centuries", "millennia"} | {unit + plural for unit in _UNIT_SINGULAR.split("|") for plural in ("", "s")}
_APPROX = (
    r"about|around|approximately|almost|nearly|roughly|some|over|under|more{S}than|less{S}than|fewer{S}than|"
    r"at{S}least|at{S}most|up{S}to|just{S}over|just{S}under|just|only|a{S}mere|mere|barely|well{S}over|"
    r"a{S}little{S}(?:more|less|over|under)(?:{S}than)?|an{S}estimated|an{S}additional|another|a{S}further|"
    r"the{S}better{S}part{S}of|the{S}best{S}part{S}of|upwards{S}of|close{S}to|nearly{S}a|almost{S}a"
).replace("{S}", _S)
_MOD = (
    r"(?P<mod>(?![0-9])(?:the\s{1,3})?(?:very\s{1,3})?(?:"
    r"(?:early|late|mid|middle)(?:\s{1,3}in\s{1,3}(?:the\s{1,3})?|-|\s{1,3})"
    r"|(?:beginning|start|end|middle|close|turn|rest|remainder|latter\s{1,3}(?:part|half)"
    r"|(?:first|second)\s{1,3}(?:half|part))\s{1,3}of\s{1,3}(?:the\s{1,3})?"
    r"))?"
)
# Trigger words never include 'the': the scanner tries each rule again from a 'the' just before its trigger.
_MOD_TRIGGERS = frozenset(
    "very early late mid middle beginning start end close turn rest remainder latter first second".split()
)
_RANGE = r"\s{0,2}(?:[-\u2013\u2014]|\s(?:to|and|until|till|through|or)\s)\s{0,2}"
_YEAR_DASH = r"\s?[-\u2013\u2014/]\s?"

DIGITS = "#"  # the trigger key of a token made of digits
APOSTROPHE = "'"


def _month(group: str) -> str:
    return rf"(?P<{group}>{_FULL_MONTH_ALT}|(?:{_ABBREVIATED_MONTH_ALT})\.?){_END}"


def _day(group: str) -> str:
    return rf"(?P<{group}>[0-3]?\d)(?:st|nd|rd|th)?{_END}"


def _year(group: str) -> str:
    """A four-digit year, or any year with an era ('490 BC', 'AD 9')."""
    return (rf"(?:(?P<{group}_era_before>A\.D\.|AD){_S}(?P<{group}_after_era>\d{{1,4}})"
            rf"|(?P<{group}>\d{{1,4}})(?:\s{{0,2}}(?P<{group}_era>{_ERA}))?){_END}")


def _weekday(group: str) -> str:
    return rf"(?P<{group}>{_WEEKDAY_ALT}){_END}"


# ---------------------------------------------------------------------------------------------
# The rule table
# ---------------------------------------------------------------------------------------------


def _rule(name: str, triggers: object, pattern: str, read: Reader, *, needs: object = (),
          flags: int = re.IGNORECASE) -> Rule:
    words = frozenset(str(word).lower() for word in triggers)  # type: ignore[attr-defined]
    # Digits are ASCII digits: int() would read '٢٠٢٢' or '𝟚𝟘𝟚𝟚' as 2022, but no English date is written so.
    ascii_digits = re.sub(r"(?<!\\)\\d", "[0-9]", pattern)
    compiled = re.compile(ascii_digits, flags)
    folded = re.compile(_lower_case(ascii_digits), flags & ~re.IGNORECASE) if flags & re.IGNORECASE else compiled
    needed = frozenset(str(word).lower() for word in needs)  # type: ignore[attr-defined]
    # One object per word set: the scanner keys its lists by it, and equal sets that are not the same object are
    # compared word by word at each look-up.
    needed = _NEEDS.setdefault(needed, needed)
    return Rule(name, words, compiled, folded, read, needed, _widest(compiled) if needed else 0)


_NEEDS: dict[frozenset[str], frozenset[str]] = {}


_ESCAPE_OR_GROUP_NAME = re.compile(r"(\\.|\(\?P<\w+>|\(\?P=\w+\))")


def _lower_case(pattern: str) -> str:
    """The regex with its letters in lower case, but for its escapes and group names (for the folded text)."""
    parts = _ESCAPE_OR_GROUP_NAME.split(pattern)
    # An upper-case escape such as \W or \S would mean something else in lower case.
    assert not any(part[1].isupper() for part in parts[1::2] if part.startswith("\\")), pattern
    return "".join(part if index % 2 else part.lower() for index, part in enumerate(parts))


def _widest(pattern: re.Pattern[str]) -> int:
    """The most characters a match can span: finite, as every repetition in the rules is bounded."""
    widest = re._parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    assert widest < re._parser.MAXREPEAT, f"unbounded pattern {pattern.pattern[:60]!r}"
    return widest


_MONTH_WORDS = set(MONTHS)
# 'century' as a token, or run into its era: 'centuryBC', 'centuryB.C.' (a token ends at the dot), 'centuryAD' ...
_CENTURY_WORDS = {word + era for word in ("century", "centuries")
                  for era in ("", "bce", "bc", "b", "ad", "a", "ce", "c")}
_DAY_PART_WORDS = set(_DAY_PART_ALT.split("|"))
_WEEKDAY_WORDS = set(FULL_WEEKDAYS)
_NUMBER_TRIGGERS = {word.split()[0] for word in NUMBER_WORDS} | {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", DIGITS} | {
    word.split()[0] for word in VAGUE_COUNTS}
_APPROX_TRIGGERS = {"about", "around", "approximately", "almost", "nearly", "roughly", "some", "over", "under",
                    "more", "less", "fewer", "at", "up", "just", "only", "a", "mere", "barely", "well", "an",
                    "another", "upwards", "close", "better", "best", "past", "last", "next", "previous", "coming",
                    "following", "first", "final", "remaining", "ensuing", "initial", "entire", "whole",
                    "preceding", "subsequent"}
_DAY_PART_OF = (rf"(?:(?![0-9])(?:early{_S}in{_S})?the{_S}(?:(?:early|late){_S})?(?P<dpart>{_DAY_PART_ALT})"
                rf"(?:{_S}hours)?{_S}of{_S})?")
_YEAR_PART = rf"(?P<yearpart>,?{_S}(?:of{_S})?{_year('year')})?"

RULES: tuple[Rule, ...] = (
    _rule("month day", _MOD_TRIGGERS | _MONTH_WORDS | _WEEKDAY_WORDS | _DAY_PART_WORDS,
          rf"{_DAY_PART_OF}{_MOD}(?:{_weekday('weekday')},?{_S})?{_month('month')}{_S}(?:the{_S})?{_day('day')}"
          rf"(?:{_RANGE}{_day('day2')})?(?!\s?:\d){_YEAR_PART}",
          readers.read_calendar_day, needs=_MONTH_WORDS),
    _rule("day month", _MOD_TRIGGERS | _WEEKDAY_WORDS | _DAY_PART_WORDS | {DIGITS},
          rf"{_DAY_PART_OF}{_MOD}(?:{_weekday('weekday')},?{_S}(?:the{_S})?)?(?:the{_S})?{_day('day')}"
          rf"(?:{_RANGE}{_day('day2')})?(?:{_S}of)?{_S}{_month('month')}{_YEAR_PART}",
          readers.read_calendar_day, needs=_MONTH_WORDS),
    _rule("month year", _MOD_TRIGGERS | _MONTH_WORDS,
          rf"{_MOD}{_month('month')}(?:,?{_S}|{_S}of{_S}){_year('year')}", readers.read_month_year,
          needs=_MONTH_WORDS),
    _rule("month", _MOD_TRIGGERS | _MONTH_WORDS, rf"{_MOD}{_month('month')}", readers.read_month,
          needs=_MONTH_WORDS),
    _rule("year", _MOD_TRIGGERS | {DIGITS, "ad", "a"},
          rf"{_MOD}{_year('year')}(?:{_YEAR_DASH}(?P<year2>\d{{1,4}})(?:\s{{0,2}}(?P<year2_era>{_ERA}))?{_END})?",
          readers.read_year, needs={DIGITS}),
    _rule("two-digit year", {APOSTROPHE}, r"['’](?P<yy>\d\d)(?!\w|['’]?s\b)", readers.read_two_digit_year),
    _rule("decade", _MOD_TRIGGERS | {DIGITS, APOSTROPHE} | set(readers.DECADE_WORDS),
          rf"{_MOD}(?:the{_S})?(?:(?:(?P<decade>\d{{3}}0)|['’](?P<short>\d0))['’]?s"
          rf"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){_END}",
          readers.read_decade,
          needs={"s", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}),
    _rule("century", _MOD_TRIGGERS | {DIGITS} | {word.split()[0].split("-")[0] for word in ORDINAL_WORDS},
          rf"{_MOD}(?:the{_S})?(?:(?P<number>\d{{1,2}})(?:st|nd|rd|th)|(?P<ordinal>{alternation(ORDINAL_WORDS)}))"
          rf"[\s-]{{1,2}}centur(?:y|ies)(?:\s{{0,2}}(?P<century_era>{_ERA}))?{_END}",
          readers.read_century, needs=_CENTURY_WORDS),
    _rule("season", _MOD_TRIGGERS | set(SEASONS),
          rf"{_MOD}(?:the{_S})?(?P<season>{_SEASON_ALT}){_END}{_YEAR_PART}", readers.read_season,
          needs=SEASONS),
    _rule("quarter", _MOD_TRIGGERS | {"q", "1st", "2nd", "3rd", "4th", "third", "fourth"},
          rf"{_MOD}(?:the{_S})?(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]{{1,2}}quarter"
          rf"|(?P<q>q)(?P<qnumber>[1-4])){_END}(?:{_S}(?:of{_S})?(?:fiscal{_S})?{_year('year')})?",
          readers.read_quarter, needs={"quarter", "q"}),
    _rule("weekday", _WEEKDAY_WORDS | {"last", "past", "next", "coming", "this", "that", "following", "previous",
                                       "preceding"},
          rf"(?:(?P<relation>(?:the{_S})?(?:last|past|next|coming|this|that|following|previous|preceding)){_S})?"
          rf"(?P<weekday>{_WEEKDAY_ALT})(?P<plural>s)?(?:{_S}(?P<part>{_DAY_PART_ALT}))?{_END}",
          readers.read_weekday, needs=_WEEKDAY_WORDS | {weekday + "s" for weekday in _WEEKDAY_WORDS}),
    _rule("named relative", _MOD_TRIGGERS | {"last", "past", "next", "coming", "this", "following", "previous",
                                             "preceding"},
          rf"{_MOD}(?P<relation>(?:the{_S})?(?:last|past|next|coming|this|following|previous|preceding)){_S}"
          rf"(?:{_month('month')}|(?P<season>{_SEASON_ALT}){_END})",
          readers.read_named_relative, needs=_MONTH_WORDS | set(SEASONS)),
    _rule("deictic", {"yesterday", "today", "tomorrow", "tonight", "day"},
          rf"(?:the{_S}day{_S}(?:before|after){_S}(?P<twice>yesterday|tomorrow)|(?P<word>yesterday|today|tomorrow"
          rf"|tonight)){_END}(?:{_S}(?P<part>{_DAY_PART_ALT}){_END})?",
          readers.read_deictic),
    _rule("part of today", {"this", "last"},
          rf"(?P<which>this|last){_S}(?P<part>{_DAY_PART_ALT}){_END}", readers.read_part_of_today,
          needs=_DAY_PART_WORDS),
    _rule("unit relative", {"earlier", "later", "this", "last", "next", "past", "coming", "that", "same", "following",
                            "previous", "preceding", "prior", "current", "present", "very"},
          rf"(?P<shift>(?:earlier|later)(?:{_S}in)?{_S})?(?P<relation>the{_S}(?:very{_S})?(?:same|following|next|"
          rf"previous|preceding|prior|past|last|coming|current|present)|that{_S}same|that|this{_S}past|"
          rf"this{_S}coming|this|last|next|past|coming)(?P<fiscal>{_S}fiscal)?{_S}"
          rf"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|quarter|year|decade|century|season)"
          rf"{_END}",
          readers.read_unit_relative,
          needs={"day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "quarter", "year",
                 "decade", "century", "season"}),
    _rule("day around", {"day", "week", "month", "year"},
          rf"the{_S}(?P<unit>day|week|month|year){_S}(?P<side>before|after|earlier|later){_END}",
          readers.read_day_around),
    _rule("part of period", _MOD_TRIGGERS,
          rf"(?:the{_S})?(?:very{_S})?(?:beginning|start|end|middle|close|rest|remainder|latter{_S}(?:part|half)|"
          rf"(?:first|second){_S}(?:half|part)){_S}of{_S}(?:(?P<determiner>the|that|this){_S})?"
          rf"(?P<unit>month|year|week|decade|century){_END}",
          readers.read_part_of_period, needs={"month", "year", "week", "decade", "century"}),
    _rule("shift", _NUMBER_TRIGGERS | _APPROX_TRIGGERS | {"seconds", "minutes", "hours", "days", "weeks", "months",
                                                          "years", "decades", "centuries"},
          rf"(?:(?![0-9])(?:{_APPROX}){_S})?(?:{_COUNT}(?P<half>{_S}and{_S}a{_S}half)?(?:\s{{1,3}}|-))?{_UNIT_ANY}"
          rf"(?P<half2>{_S}and{_S}a{_S}half)?{_S}(?P<side>ago|hence|later|earlier|afterwards?|after{_S}that|"
          rf"before{_S}that|previously|prior|before|after){_END}",
          readers.read_shift, needs=_UNIT_WORDS),
    _rule("duration", _NUMBER_TRIGGERS | _APPROX_TRIGGERS,
          rf"(?:(?![0-9])the{_S}(?:(?P<edge>past|last|next|previous|coming|following|first|final|remaining|ensuing|initial|"
          rf"entire|whole|preceding|subsequent){_S})?(?:(?:{_APPROX}){_S})?|(?![0-9])(?:{_APPROX}){_S})?"
          rf"(?:{_COUNT}(?P<half>{_S}and{_S}(?:a{_S})?half)?(?:\s{{1,3}}|-))?{_UNIT_ANY}"
          rf"(?P<half2>{_S}and{_S}a{_S}half)?{_END}(?:['’](?!\w)|{_S}old{_END})?",
          readers.read_duration, needs=_UNIT_WORDS),
    _rule("bare plural", {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
                          "centuries", "recent"},
          rf"(?:(?P<recent>recent){_S})?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
          rf"{_END}",
          readers.read_bare_plural),
    _rule("reference", {"now", "right", "just", "currently", "nowadays", "these", "at", "past", "future", "time",
                        "present",
                        "recently", "lately", "formerly"},
          rf"(?:right{_S}|just{_S})?now{_END}|currently|nowadays|these{_S}days|at{_S}present|"
          rf"the{_S}present(?:[-\s]day)?|present-day|at{_S}the{_S}moment|the{_S}time{_S}being|recently|lately|"
          rf"the{_S}past{_END}(?!\s{{1,3}}(?:few|several|many|\d))|the{_S}future|at{_S}(?:the|that){_S}time{_END}"
          rf"(?!{_S}(?:of|when|that|he|she|it|they|we)\b)|formerly",
          readers.read_reference),
    _rule("time", {DIGITS, "noon", "midday", "midnight"} | {word.split()[0] for word in NUMBER_WORDS},
          rf"(?:(?P<word>noon|midday|midnight)|(?P<oclock>\d{{1,2}}|{_NUMBER_WORD_ALT}){_S}o['’]clock"
          rf"(?:{_S}(?P<meridiem2>[ap]\.\s?m\.|[ap]m{_END}))?"
          rf"|(?P<hour>[01]?\d|2[0-3])(?:(?P<separator>[:.])(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
          rf"(?:\s{{0,2}}(?P<meridiem>[ap]\.\s?m\.|[ap]m{_END}|[ap]\.m{_END}))?"
          rf"(?:\s{{0,2}}(?P<zone>GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|PST|PDT|ET|PT|hrs|Z){_END})?)"
          rf"(?P<weekday_part>,?{_S}(?:on{_S})?{_weekday('weekday')})?(?!\w|:\d)",
          readers.read_time, needs={DIGITS, "noon", "midday", "midnight", "clock"}),
    _rule("numeric date", {DIGITS},
          r"(?:(?P<iso_year>[12]\d{3})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)"
          r"(?:[T ](?P<iso_hour>[0-2]\d):(?P<iso_minute>[0-5]\d)(?::(?P<iso_second>[0-5]\d)(?:\.\d{1,6})?)?"
          r"(?:Z|[+-]\d\d:?\d\d)?)?"
          r"|(?P<us_month>[01]?\d)/(?P<us_day>[0-3]?\d)/(?P<us_year>[12]\d{3}|\d{2})"
          r"|(?P<eu_day>[0-3]?\d)\.(?P<eu_month>[01]?\d)\.(?P<eu_year>[12]\d{3})"
          r"|(?P<week_year>[12]\d{3})-W(?P<week>[0-5]\d)"
          r"|(?P<quarter_year>[12]\d{3})-Q(?P<quarter>[1-4]))(?![\w/.-]\d|\w)",
          readers.read_numeric),
    _rule("set", {"every", "each", "per", "once", "twice", "thrice", "annually", "yearly", "daily", "everyday",
                  "weekly", "monthly", "hourly", "nightly", "quarterly", "fortnightly", "biennially", "biannually",
                  "semiannually"} | _NUMBER_TRIGGERS,
          rf"(?:every|each)(?P<other>{_S}other)?{_S}(?:{_COUNT}{_S})?(?P<what>{_UNIT_ANY}|{_WEEKDAY_ALT}|"
          rf"{_DAY_PART_ALT}|{_SEASON_ALT}|{_FULL_MONTH_ALT}){_END}"
          rf"|(?P<adverb>annually|yearly|daily|everyday|weekly|monthly|hourly|nightly|quarterly|fortnightly|"
          rf"biennially|biannually|semiannually){_END}"
          rf"|(?:once|twice|thrice|(?:\d{{1,3}}|{_NUMBER_WORD_ALT}){_S}times){_S}(?:a|an|per|each|every){_S}"
          rf"(?P<per_unit>{_UNIT_SINGULAR}){_END}|per{_S}(?P<per_alone>day|week|month|year|hour|minute|second){_END}",
          readers.read_set,
          needs={"every", "each", "annually", "yearly", "daily", "everyday", "weekly", "monthly", "hourly", "nightly",
                 "quarterly", "fortnightly", "biennially", "biannually", "semiannually", "once", "twice", "thrice",
                 "times", "per"}),
    _rule("holiday", {"christmas", "new", "halloween", "valentine", "armistice"},
          rf"(?P<holiday>christmas{_S}eve|christmas{_S}day|christmas|new{_S}year['’]s{_S}(?:eve|day)|halloween|"
          rf"valentine['’]s{_S}day|armistice{_S}day){_END}{_YEAR_PART}",
          readers.read_holiday),
)

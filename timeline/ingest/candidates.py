"""Proposed events from a text: each sentence that reports a dated occurrence, with its date, title and quote.
Owns which dates make a proposal, how each becomes EDTF, and where its quote lies; must not touch the database.

A proposal needs a DATE or TIME expression that resolves to a day, a week or a month (a year mentioned in
passing, a duration or a set is not an occurrence), in a clause with an event verb or an event noun. A date
the text hedges ('about June 20', 'reportedly') is approximate (`~`), and so is a weekday or a 'yesterday'
counted from a publication date that is itself approximate. A sentence that names several occurrences
('calls on March 2 and ... on March 4') gives one proposal per date, each quoting its own clause.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from timeline.dates import parse_edtf
from timeline.errors import InvalidDate
from timeline.ingest.clauses import cue_positions, hedge_positions, hedged, words
from timeline.ingest.gazetteer import Gazetteer
from timeline.ingest.headlines import headline
from timeline.ingest.lexicon import month_number
from timeline.ingest.sentences import Sentence, quotations, split_sentences
from timeline.ingest.temporal import Timex, tag

__all__ = ["MAX_QUOTE", "Proposal", "propose"]

MAX_QUOTE = 300  # characters: a quote is a sentence or the clauses of it around the date
# Characters around a date that its title and a verbless clause's context are read from: enough for any real
# sentence, and it keeps a 100 KB sentence without full stops linear.
_CONTEXT = 600
_MAX_SUMMARY = 1_000


@dataclass(frozen=True)
class Proposal:
    """A proposed event: ``quote == text[start:end]`` always."""

    date: str
    title: str
    summary: str
    quote: str
    start: int
    end: int
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_REFERENCE = re.compile(r"\[?(\d{4}(?:-\d{2}(?:-\d{2})?)?)")
# A month alone is an occurrence's date only when brought in by one of these ('in January', 'since March'), not
# in 'the January protests' or 'as recently as January'.
_MONTH_LEADS = frozenset(
    "in on since during by until till from through throughout before after early late mid beginning end start "
    "around about earlier later last this".split()
)
_PERIOD_STARTS = frozenset("end beginning start middle mid".split())
_DEICTIC = frozenset("today now yesterday tomorrow tonight".split())
_RANGE_WORDS = frozenset("to until till through".split())
_LIST_WORDS = frozenset("and or".split())
_CLAUSE_BREAK = re.compile(r"[,;:–—]\s+")
_TRAILING_MARKS = frozenset(" \t\n\r,;:–—")
_SEPARATORS = (";", ", and ", ", but ", ", while ", ", whereas ", " and ", " while ", ", ")


def propose(text: str, *, published: str | None = None, gazetteer: Gazetteer | None = None,
            sentences: Sequence[Sentence] | None = None) -> list[Proposal]:
    """Every dated occurrence the text reports, in text order; never raises on any text.

    `sentences` are the text's own (split_sentences) when the caller has them already.
    """
    reference, approximate = _reference(published)
    quoted = _Quoted(quotations(text))
    proposals: dict[tuple[str, int, int], Proposal] = {}
    sentences = split_sentences(text) if sentences is None else sentences
    for sentence, inside in _sentences_with_dates(sentences, tag(text, reference=reference)):
        for proposal in _sentence_proposals(text, sentence, inside, quoted, approximate, gazetteer):
            proposals.setdefault((proposal.date, proposal.start, proposal.end), proposal)
    return list(proposals.values())


def _sentences_with_dates(sentences: Sequence[Sentence],
                          timexes: Sequence[Timex]) -> Iterator[tuple[Sentence, list[Timex]]]:
    """Each sentence that is not a question, with the expressions inside it."""
    index = 0
    for sentence in sentences:
        while index < len(timexes) and timexes[index].start < sentence.start:
            index += 1
        inside: list[Timex] = []
        while index < len(timexes) and timexes[index].end <= sentence.end:
            inside.append(timexes[index])
            index += 1
        if inside and not _is_question(sentence):
            yield sentence, inside


def _sentence_proposals(text: str, sentence: Sentence, inside: list[Timex], quoted: _Quoted,
                        approximate: bool, gazetteer: Gazetteer | None) -> Iterator[Proposal]:
    dated = [(timex, edtf) for timex in inside
             if (edtf := _edtf(timex.value)) is not None and _names_an_occurrence(text, sentence, timex, edtf, quoted)]
    if not dated:
        return
    dated_starts = [timex.start for timex, _ in dated]
    segments = _segments(text, sentence, dated)
    sentence_words = words(text, sentence.start, sentence.end)
    cues = cue_positions(sentence_words, [(t.start, t.end) for t in inside])
    hedges = hedge_positions(sentence_words)
    summary = _summary(sentence.text)
    for group, start, end in segments:
        told_before = max(sentence.start, start - _CONTEXT)
        if not _any_between(cues, start, end) and not (len(segments) > 1 and _any_between(cues, told_before, start)):
            continue
        dates_here = [(t.start, t.end) for t, _ in dated[bisect_left(dated_starts, start):bisect_left(dated_starts, end)]]
        for date, anchor in _dates(text, group, _any_between(hedges, start, end), approximate):
            quote_start, quote_end = _quote_span(text, start, end, anchor)
            title = headline(text, max(start, anchor.start - _CONTEXT), min(end, anchor.end + _CONTEXT),
                             anchor=(anchor.start, anchor.end), remove=dates_here, context_start=told_before)
            yield Proposal(
                date=date,
                title=title or date,
                summary=summary,
                quote=text[quote_start:quote_end],
                start=quote_start,
                end=quote_end,
                **_names(gazetteer, text, quote_start, quote_end),
            )


def _reference(published: str | None) -> tuple[str | None, bool]:
    """The tagger's reference date from a publication date in EDTF, and whether that date is approximate."""
    if not published:
        return None, False
    match = _REFERENCE.match(published.strip())
    if match is None:
        return None, False
    reference = match.group(1)
    try:
        parse_edtf(reference)
    except InvalidDate:
        return None, False
    return reference, any(mark in published for mark in "~?%")


def _edtf(value: str) -> str | None:
    """EDTF for a TIMEX3 value that names a day, a time of day, a week or a month; None for anything coarser."""
    text = None
    if day := _DAY.match(value):
        text = day.group(0) if day.group(4) else value[:10]
    elif week := _WEEK.fullmatch(value):
        try:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return None
        text = f"[{monday.isoformat()}..{(monday + dt.timedelta(days=6)).isoformat()}]"
    elif _MONTH.fullmatch(value):
        text = value
    if text is None:
        return None
    try:
        return parse_edtf(text).edtf
    except InvalidDate:
        return None


def _is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip("\"'”’»)]").endswith("?")


def _relative(timex: Timex) -> bool:
    """A date counted from the publication day: 'Wednesday', 'yesterday', 'last week' (no number, no month)."""
    return not any(ch.isdigit() for ch in timex.text) and not any(
        month_number(word.text) for word in words(timex.text))


def _names_an_occurrence(text: str, sentence: Sentence, timex: Timex, edtf: str, quoted: _Quoted) -> bool:
    """Whether this date is when something in the sentence happened, not a name or someone else's 'today'."""
    before = words(text, max(sentence.start, timex.start - 40), timex.start)
    first = timex.text.split()[0].lower() if timex.text.split() else ""
    if first in _DEICTIC and timex.text[0].isupper() and before and before[-1].text[0].isupper():
        return False  # 'Russia Today'
    if _relative(timex) and quoted.contains(timex.start):
        return False  # a speaker's 'yesterday' is not the writer's
    if _MONTH.fullmatch(edtf):
        if first in _MONTH_LEADS:
            return True
        if not before:
            return False
        lead = before[-1].lower
        return lead in _MONTH_LEADS or (lead == "of" and len(before) > 1 and before[-2].lower in _PERIOD_STARTS)
    return True


def _any_between(positions: Sequence[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


class _Quoted:
    """The text's quotations, for asking whether a position lies inside one (by bisection)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def contains(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and self.spans[index][0] < position < self.spans[index][1]


@dataclass(frozen=True)
class _Group:
    """Dates that belong to one clause: a range ('from 2 to 4 March') or a list ('on March 2 and 4')."""

    dated: tuple[tuple[Timex, str], ...]
    is_range: bool = False

    @property
    def start(self) -> int:
        return self.dated[0][0].start

    @property
    def end(self) -> int:
        return self.dated[-1][0].end


def _same_day(earlier: str, later: str) -> str | None:
    """'2022-06-17T20:00' and '2022-06-17' (or the other way round) are one date: the finer one."""
    if earlier[:10] == later[:10] and len(earlier) >= 10 and len(later) >= 10 and "[" not in earlier + later:
        return max(earlier, later, key=len)
    return None


def _groups(text: str, dated: Sequence[tuple[Timex, str]]) -> list[_Group]:
    groups: list[_Group] = []
    for timex, edtf in dated:
        if groups:
            gap = words(text, groups[-1].end, timex.start)
            joiner = text[groups[-1].end:timex.start].strip()
            last_timex, last_edtf = groups[-1].dated[-1]
            finer = _same_day(last_edtf, edtf)
            if finer and len(gap) <= 1 and (not gap or gap[0].lower in ("on", "at", "of")):
                # 'at 8 p.m. on June 17': one date; the expression kept is the one the finer value came from.
                kept = (last_timex, finer) if finer == last_edtf else (timex, finer)
                groups[-1] = _Group(groups[-1].dated[:-1] + (kept,), is_range=groups[-1].is_range)
                continue
            if len(gap) <= 1 and (joiner in ("-", "–", "—") or (gap and gap[0].lower in _RANGE_WORDS)):
                groups[-1] = _Group(groups[-1].dated + ((timex, edtf),), is_range=True)
                continue
            if len(gap) <= 1 and (not gap or gap[0].lower in _LIST_WORDS) and joiner in ("", ",", "and", "or"):
                groups[-1] = _Group(groups[-1].dated + ((timex, edtf),), is_range=groups[-1].is_range)
                continue
        groups.append(_Group(((timex, edtf),)))
    return groups


def _segments(text: str, sentence: Sentence, dated: Sequence[tuple[Timex, str]]) -> list[tuple[_Group, int, int]]:
    """Each group of dates with the part of the sentence that tells of it."""
    groups = _groups(text, dated)
    if len(groups) <= 1:
        return [(group, sentence.start, sentence.end) for group in groups]
    lead = max(text.rfind(":", sentence.start, groups[0].start), text.rfind(";", sentence.start, groups[0].start))
    starts = [lead + 1 if lead >= 0 else sentence.start]
    ends = []
    for previous, following in zip(groups, groups[1:]):
        cut, resume = _split(text, previous.end, following.start)
        ends.append(cut)
        starts.append(resume)
    ends.append(sentence.end)
    segments = []
    for group, start, end in zip(groups, starts, ends):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in " \t\n,;":
            end -= 1
        segments.append((group, start, end))
    return segments


def _split(text: str, start: int, end: int) -> tuple[int, int]:
    """Where one clause ends and the next begins between two dates: the strongest separator, first of its kind."""
    gap = text[start:end]
    for separator in _SEPARATORS:
        found = gap.find(separator)
        if found >= 0:
            return start + found, start + found + len(separator)
    return start, start


def _dates(text: str, group: _Group, reportedly: bool, approximate: bool) -> list[tuple[str, Timex]]:
    """The EDTF dates a group stands for, each with the expression it comes from; `reportedly`: the clause hedges."""
    results = []
    for timex, edtf in group.dated:
        before = words(text, max(0, timex.start - 30), timex.start)
        if not edtf.startswith("[") and (reportedly or hedged(before) or (approximate and _relative(timex))):
            edtf += "~"
        results.append((edtf, timex))
    if group.is_range and len(results) > 1:
        first, last = results[0][0], results[-1][0]
        if not first.startswith("[") and not last.startswith("["):
            try:
                return [(parse_edtf(f"{first}/{last}").edtf, group.dated[0][0])]
            except InvalidDate:
                pass
    return results


def _quote_span(text: str, start: int, end: int, anchor: Timex) -> tuple[int, int]:
    """The clause or sentence as the quote; one longer than MAX_QUOTE narrowed to the clauses around the date."""
    if end - start <= MAX_QUOTE:
        return start, end
    cuts = sorted({start, end, *(m.end() for m in _CLAUSE_BREAK.finditer(text, start, end))})
    low = max(i for i, cut in enumerate(cuts) if cut <= anchor.start)
    high = min(i for i, cut in enumerate(cuts) if cut >= anchor.end)
    grown = True
    while grown:
        grown = False
        if low > 0 and cuts[high] - cuts[low - 1] <= MAX_QUOTE:
            low, grown = low - 1, True
        if high < len(cuts) - 1 and cuts[high + 1] - cuts[low] <= MAX_QUOTE:
            high, grown = high + 1, True
    quote_start, quote_end = cuts[low], cuts[high]
    if quote_end - quote_start > MAX_QUOTE:
        # One clause is too long by itself: whole words around the date.
        middle = (anchor.start + anchor.end) // 2
        window = words(text, max(quote_start, middle - MAX_QUOTE // 2), min(quote_end, middle + MAX_QUOTE // 2))
        inner = [word for word in window if word.start >= middle - MAX_QUOTE // 2 and word.end <= middle + MAX_QUOTE // 2]
        quote_start, quote_end = (inner[0].start, inner[-1].end) if inner else (anchor.start, anchor.end)
        quote_start, quote_end = min(quote_start, anchor.start), max(quote_end, anchor.end)
    while quote_end > quote_start and text[quote_end - 1] in _TRAILING_MARKS:
        quote_end -= 1
    return quote_start, quote_end


def _summary(sentence: str) -> str:
    summary = " ".join(sentence[:_MAX_SUMMARY * 2].split())
    if len(summary) > _MAX_SUMMARY:
        summary = summary[:_MAX_SUMMARY].rsplit(" ", 1)[0] + " …"
    return summary


def _names(gazetteer: Gazetteer | None, text: str, start: int, end: int) -> dict[str, tuple[str, ...]]:
    if gazetteer is None:
        return {"actors": (), "places": ()}
    mentions = gazetteer.find(text, start, end)
    return {
        "actors": tuple(dict.fromkeys(m.name for m in mentions if m.kind == "actor")),
        "places": tuple(dict.fromkeys(m.name for m in mentions if m.kind == "place")),
    }

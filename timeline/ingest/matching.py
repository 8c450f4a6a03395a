"""Which stored event a proposal probably reports: overlapping dates and shared words, weighed by how telling they are.
Owns the score and its threshold; must not query the database (the store hands over the events to compare).

score = words x dates, in [0, 1]:
    words   the share of the proposal's quote and title (their content words, weighted) found in the event's title,
            summary, quotes, actors and place. A word's weight is its rarity among the sentences of the
            proposal's own document, so 'Kazakhstan' in an article about Kazakhstan says little and 'rally'
            a lot.
    dates   1 when the two dates may overlap; 0.8 when they overlap only once the proposal's date is widened
            by a day on each side (articles are often a day out: 'On August 3' for a 4 August statement);
            otherwise the event is not considered.
An event within those dates that already cites the same source with an overlapping quote is the same report:
score 1 (two such events are told apart by their words). A proposal matches the best-scoring event at or above
MATCH_THRESHOLD.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from timeline.dates import FuzzyDate, parse_edtf
from timeline.ingest.candidates import Proposal
from timeline.ingest.lexicon import MONTHS, WEEKDAYS
from timeline.search import tokens

__all__ = ["MATCH_THRESHOLD", "Match", "WordWeights", "best_match", "cites_passage", "date_window", "score", "terms"]

MATCH_THRESHOLD = 0.35
_DAY = 86_400
_WIDENED_DATES = 0.8

_STOPWORDS = frozenset(
    "a an the and or but of to in on at by for from with as is are was were be been being has have had do does did "
    "it its it's this that these those he she they we i you his her their our my your him them us who whom whose "
    "which what when where why how not no nor so than then there here also only just very more most much many "
    "some any all each both few other such own same into over under about after before between during through "
    "against up down out off again further once while if because until since per via said says say told tells "
    "would could should will shall may might must can one two three first second s t".split()
) | frozenset(MONTHS) | frozenset(WEEKDAYS)
_PLURAL_ES = re.compile(r"(?:ch|sh|x|z|ss)es$")


def _stem(word: str) -> str:
    """A crude English stem, the same for 'vote', 'votes', 'voted' and 'voting'; 'rally' and 'rallied'."""
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if _PLURAL_ES.search(word):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def terms(*texts: str | None) -> frozenset[str]:
    """The content words of some texts, folded and stemmed: what two reports of one event share."""
    found = set()
    for text in texts:
        if not text:
            continue
        for word in tokens(re.sub(r"[’']s\b", "", text)):
            if word not in _STOPWORDS and not word.isdigit() and len(word) > 1:
                found.add(_stem(word))
    return frozenset(found)


@dataclass(frozen=True)
class WordWeights:
    """How telling each word is in one document: log-scaled inverse frequency among its sentences."""

    weights: Mapping[str, float]
    unseen: float

    @classmethod
    def of(cls, sentences: Iterable[str]) -> WordWeights:
        frequency: Counter[str] = Counter()
        count = 0
        for sentence in sentences:
            frequency.update(terms(sentence))
            count += 1
        return cls({word: math.log((count + 1) / (seen + 0.5)) for word, seen in frequency.items()},
                   math.log((count + 1) / 0.5))

    def __call__(self, word: str) -> float:
        return self.weights.get(word, self.unseen)


@dataclass(frozen=True)
class Match:
    event: dict[str, Any]
    score: float


def date_window(date: str) -> tuple[FuzzyDate, FuzzyDate]:
    """A proposal's date, and the same date a day wider on each side ('2022-08-03' -> 2-4 Aug)."""
    fuzzy = parse_edtf(date)
    return fuzzy, replace(fuzzy, start_earliest=fuzzy.start_earliest - _DAY, end_latest=fuzzy.end_latest + _DAY)


def _event_terms(event: Mapping[str, Any]) -> frozenset[str]:
    return terms(event.get("title"), event.get("summary"), event.get("place"),
                 *(citation.get("quote") for citation in event.get("citations") or []),
                 *(actor.get("name") for actor in event.get("actors") or []))


def cites_passage(event: Mapping[str, Any], source_id: int | None, quote: str) -> bool:
    """Whether an event document already cites this source with a quote inside `quote`, or around it."""
    if source_id is None:
        return False
    for citation in event.get("citations") or []:
        cited = citation.get("quote")
        if citation.get("source_id") == source_id and cited and (cited in quote or quote in cited):
            return True
    return False


def _rank(proposal: Proposal, event: Mapping[str, Any], weights: WordWeights,
          source_id: int | None) -> tuple[float, float]:
    """(score, word share): the second breaks ties between events that cite the same passage."""
    exact, widened = date_window(proposal.date)
    stored = parse_edtf(event["date"])
    if exact.overlaps(stored):
        dates = 1.0
    elif widened.overlaps(stored):
        dates = _WIDENED_DATES
    else:
        return 0.0, 0.0
    wanted = terms(proposal.quote, proposal.title, *proposal.actors, *proposal.places)
    total = sum(weights(word) for word in wanted)
    share = sum(weights(word) for word in wanted & _event_terms(event)) / total if total else 0.0
    if cites_passage(event, source_id, proposal.quote):
        return 1.0, share
    return round(dates * share, 3), share


def score(proposal: Proposal, event: Mapping[str, Any], weights: WordWeights, *, source_id: int | None = None) -> float:
    """How likely the event is the occurrence the proposal reports, from 0 to 1 (see the module's docstring)."""
    return _rank(proposal, event, weights, source_id)[0]


def best_match(
    proposal: Proposal,
    events: Sequence[Mapping[str, Any]],
    weights: WordWeights,
    *,
    source_id: int | None = None,
) -> Match | None:
    """The best-scoring event at or above MATCH_THRESHOLD; ties go to the earlier event in `events`."""
    best: tuple[float, float] | None = None
    chosen: Mapping[str, Any] | None = None
    for event in events:
        rank = _rank(proposal, event, weights, source_id)
        if rank[0] >= MATCH_THRESHOLD and (best is None or rank > best):
            best, chosen = rank, event
    return Match(dict(chosen), best[0]) if best is not None and chosen is not None else None

"""Deterministic synthetic chronologies for benchmarks and scale tests.

Owns the shape of generated data (precision mix, citations, shared sources); writes nothing.

The mix follows what real chronologies hold: about 60% of events dated to a day, 25% to a
month, 10% to a year and 5% spanning several days to several years; one to three
citations each, drawn from a pool of sources that many events share.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from timeline.store.events import ActorRole, CitationInput, EventInput
from timeline.store.sources import SourceInput

__all__ = ["SyntheticEvent", "synthetic_events", "to_event_input"]

_KINDS = ("statement", "meeting", "protest", "violence", "military", "decision", "legal", "diplomatic",
          "economic", "incident")
_TAGS = ("politics", "security", "energy", "diplomacy", "economy", "protest", "courts", "media")
_COUNTRIES = ("KZ", "RU", "UA", "UZ", "KG", "TJ", "BY", "AM", "GE", "AZ")
_WORDS = ("minister", "pipeline", "council", "border", "talks", "treaty", "protest", "court", "sanctions",
          "election", "statement", "forum", "troops", "agreement", "tariff", "refinery", "railway", "summit",
          "ceasefire", "inquiry", "parliament", "governor", "exports", "airport", "convoy", "decree")
_PUBLISHERS = ("Wire One", "Daily Ledger", "Steppe Review", "Caspian Monitor", "Regional Desk",
               "Evening Post", "Policy Brief", "Radio North")
_STANCES = ("reports", "reports", "reports", "reports", "asserts", "asserts", "disputes", "denies", "corrects")


@dataclass(frozen=True)
class SyntheticEvent:
    slug: str
    title: str
    date: str
    summary: str
    kind: str
    tags: tuple[str, ...]
    country: str
    actors: tuple[str, ...]
    citations: tuple[tuple[int, str, str | None], ...]  # (source number, stance, quote)


def _date(rng: random.Random, first_year: int, last_year: int) -> str:
    year = rng.randint(first_year, last_year)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.60:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if roll < 0.85:
        return f"{year:04d}-{month:02d}"
    if roll < 0.95:
        return f"{year:04d}"
    # Multi-day to multi-year spans, long ones rarer.
    length = int(rng.choice((2, 5, 14, 40, 120, 400, 1200)) * (0.5 + rng.random()))
    start_day = (month - 1) * 28 + day
    end_year, end_day = year + (start_day + length) // 336, (start_day + length) % 336
    end_month, end_dom = end_day // 28 + 1, end_day % 28 + 1
    return f"{year:04d}-{month:02d}-{day:02d}/{end_year:04d}-{min(end_month, 12):02d}-{end_dom:02d}"


def synthetic_events(count: int, *, seed: int = 2022, first_year: int = 1995,
                     last_year: int = 2025) -> Iterator[SyntheticEvent]:
    """`count` events, the same ones for the same seed."""
    rng = random.Random(seed)
    for number in range(count):
        words = rng.sample(_WORDS, 4)
        date = _date(rng, first_year, last_year)
        citations = tuple(
            (rng.randrange(max(1, count // 20)), rng.choice(_STANCES),
             f"the {words[0]} said the {words[1]} would {rng.choice(('stop', 'resume', 'open', 'close'))}"
             if rng.random() < 0.5 else None)
            for _ in range(rng.randint(1, 3))
        )
        yield SyntheticEvent(
            slug=f"e{number:08d}",
            title=f"{words[0].capitalize()} {words[1]} {words[2]} {words[3]} {number}",
            date=date,
            summary=f"A synthetic report about the {words[1]} and the {words[2]}.",
            kind=rng.choice(_KINDS),
            tags=tuple(rng.sample(_TAGS, rng.randint(1, 2))),
            country=rng.choice(_COUNTRIES),
            actors=tuple(f"Actor {rng.randrange(500)}" for _ in range(rng.randint(0, 2))),
            citations=citations,
        )


def source_input(number: int) -> SourceInput:
    return SourceInput(
        key=f"s{number:07d}",
        title=f"Report number {number}",
        url=f"https://news.example.org/{number}",
        publisher=_PUBLISHERS[number % len(_PUBLISHERS)],
        published="2022-01-01",
    )


def to_event_input(event: SyntheticEvent) -> EventInput:
    return EventInput(
        slug=event.slug,
        title=event.title,
        date=event.date,
        summary=event.summary,
        kind=event.kind,
        tags=event.tags,
        country=event.country,
        actors=[ActorRole(name=name) for name in event.actors],
        origin="imported",
        citations=[CitationInput(source=source_input(number), stance=stance, quote=quote)
                   for number, stance, quote in event.citations],
    )

"""Finding known actors and places in text: names and aliases from the database, and a shipped list of places.
Owns name lookup (a dictionary keyed by first word, so one pass over the text); must not query the database itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Gazetteer", "Mention", "ShippedPlace", "shipped_places"]

_PLACES_FILE = Path(__file__).with_name("places.tsv")
_WORD = re.compile(r"\w+")
# Parts of a stored place ('Qatar Economic Forum, Doha') that are names of their own.
_PLACE_PARTS = re.compile(r",\s*|\s+and\s+")
_MAX_PART_WORDS = 4


@dataclass(frozen=True)
class Mention:
    """A known name in the text: ``text[start:end]`` is the surface form, ``name`` the canonical one."""

    name: str
    kind: str  # actor | place
    start: int
    end: int


@dataclass(frozen=True)
class ShippedPlace:
    name: str
    country: str  # ISO 3166-1 alpha-2
    kind: str  # country | region | city
    spellings: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def shipped_places() -> tuple[ShippedPlace, ...]:
    """The places in places.tsv."""
    rows = []
    for line in _PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, kind, *rest = line.split("\t")
        spellings = tuple(part for part in (rest[0].split(";") if rest else []) if part)
        rows.append(ShippedPlace(name, country, kind, spellings))
    return tuple(rows)


class Gazetteer:
    """Surface forms of actors and places, each leading to a canonical name; longest match wins."""

    def __init__(
        self,
        actors: Iterable[tuple[str, Sequence[str]]] = (),
        places: Iterable[tuple[str, str | None]] = (),
        *,
        shipped: bool = True,
    ) -> None:
        self._by_first_word: dict[str, list[tuple[str, tuple[tuple[str, str], ...]]]] = {}
        self._countries: dict[str, str] = {}
        self._nations: set[str] = set()
        forms: dict[str, dict[tuple[str, str], None]] = {}

        def add(surface: str, kind: str, name: str) -> None:
            surface = " ".join(surface.split())
            known = forms.setdefault(surface, {})
            if kind == "place" and any(k == "place" for k, _ in known):
                return  # one place per spelling: the shipped name wins over a stored variant
            if len(surface) >= 2 and _WORD.match(surface):
                known[(kind, name)] = None

        for name, aliases in actors:
            for surface in (name, *aliases):
                add(surface, "actor", name)
        if shipped:
            for place in shipped_places():
                self._countries.setdefault(place.name, place.country)
                if place.kind == "country":
                    self._nations.add(place.name)
                for surface in (place.name, *place.spellings):
                    add(surface, "place", place.name)
        for place, country in places:
            for part in {place, *_PLACE_PARTS.split(place)}:
                part = part.strip()
                if part and part[0].isupper() and len(part.split()) <= _MAX_PART_WORDS:
                    add(part, "place", part)
                    if country and part not in self._countries:
                        self._countries[part] = country
        for surface, kinds in forms.items():
            if not kinds:
                continue
            first = _WORD.match(surface)
            assert first is not None
            self._by_first_word.setdefault(first.group(), []).append((surface, tuple(kinds)))
        for entries in self._by_first_word.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def country_of(self, place: str) -> str | None:
        """The ISO country code of a known place, when it is known."""
        return self._countries.get(place)

    def is_country(self, place: str) -> bool:
        """Whether a place is a whole country: too broad to be where an event happened."""
        return place in self._nations

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Known names in text[start:end], in text order, never overlapping."""
        stop = len(text) if end is None else end
        mentions: list[Mention] = []
        covered = start
        for word in _WORD.finditer(text, start, stop):
            position = word.start()
            if position < covered:
                continue
            for surface, kinds in self._by_first_word.get(word.group(), ()):
                finish = position + len(surface)
                if finish <= stop and text.startswith(surface, position) and not _continues(text, finish):
                    if position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "-"):
                        mentions.extend(Mention(name, kind, position, finish) for kind, name in kinds)
                        covered = finish
                        break
        return mentions


def _continues(text: str, position: int) -> bool:
    """Whether a word goes on past a name's end ('Russia' inside 'Russian')."""
    return position < len(text) and (text[position].isalnum() or text[position] == "_")

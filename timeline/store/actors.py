"""Which stored actor a name means: one rule for adding, importing and querying.

A name means the actor of that exact name; else the actor whose name matches it ignoring case;
else the actor that lists it, ignoring case, among its aliases. Where several actors share a
folded name or alias, the oldest (lowest id) is meant.
"""

from __future__ import annotations

from collections.abc import Iterable
from sqlalchemy import select
from sqlalchemy.orm import Session

from timeline.models import Actor

__all__ = ["ActorNames"]


class ActorNames:
    """Every stored actor's name and aliases, for resolving many names with one query."""

    def __init__(self, rows: Iterable[tuple[int, str, list[str] | None]]) -> None:
        self.exact: dict[str, int] = {}
        self.names: dict[str, list[int]] = {}  # folded name -> ids, oldest first
        self.aliases: dict[str, list[int]] = {}  # folded alias -> ids, oldest first
        for actor_id, name, aliases in sorted(rows, key=lambda row: row[0]):
            self.add(actor_id, name, aliases)

    @classmethod
    def load(cls, session: Session) -> ActorNames:
        return cls((row[0], row[1], row[2]) for row in session.execute(select(Actor.id, Actor.name, Actor.aliases)))

    def add(self, actor_id: int, name: str, aliases: list[str] | None = None) -> None:
        self.exact.setdefault(name, actor_id)
        _append(self.names, name.casefold(), actor_id)
        for alias in aliases or []:
            _append(self.aliases, alias.casefold(), actor_id)

    def resolve(self, name: str) -> int | None:
        """The actor `name` means, or None for a new actor."""
        if name in self.exact:
            return self.exact[name]
        folded = name.casefold()
        ids = self.names.get(folded) or self.aliases.get(folded)
        return ids[0] if ids else None

    def matching(self, value: str) -> list[int]:
        """Every actor a query for `value` finds: by name or by any alias, ignoring case."""
        folded = value.casefold()
        return sorted({*self.names.get(folded, ()), *self.aliases.get(folded, ())})


def _append(index: dict[str, list[int]], key: str, actor_id: int) -> None:
    ids = index.setdefault(key, [])
    if actor_id not in ids:
        ids.append(actor_id)

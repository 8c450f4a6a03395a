"""How an event's status follows from what its sources say about it.

Owns the stance -> status rule; pure, no database.

    no source says it did not happen, two or more publishers support it   -> confirmed
    no source says it did not happen, one publisher supports it            -> reported
    some support it, some deny, doubt, correct or retract it               -> disputed
    only denials (nobody supports it)                                      -> denied
    only doubts or corrections                                             -> disputed
`false` is never derived: it is a curator's verdict, set by hand with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.vocab import Stance, Status

__all__ = ["DENIALS", "derive_status", "publisher_of"]

_SUPPORT = {Stance.ASSERTS.value, Stance.REPORTS.value}
# Stances that say the event did not happen: a status of confirmed cannot stand beside them.
DENIALS = frozenset({Stance.DENIES.value, Stance.RETRACTS.value})
_DOUBT = {Stance.DISPUTES.value, Stance.CORRECTS.value}


def publisher_of(source_id: int, publisher: str | None) -> str:
    """Whom a source speaks for when supporters are counted: its publisher, else the source itself."""
    return publisher or f"source {source_id}"


def derive_status(citations: Iterable[tuple[str, str | None]]) -> Status:
    """Status from (stance, publisher-or-source-identity) pairs of an event's citations."""
    supporters: set[str] = set()
    denied = doubted = False
    for stance, who in citations:
        if stance in _SUPPORT:
            supporters.add((who or "").casefold())
        elif stance in DENIALS:
            denied = True
        elif stance in _DOUBT:
            doubted = True
    if supporters and (denied or doubted):
        return Status.DISPUTED
    if denied:
        return Status.DENIED
    if doubted:
        return Status.DISPUTED
    return Status.CONFIRMED if len(supporters) >= 2 else Status.REPORTED

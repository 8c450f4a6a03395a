"""The controlled vocabularies: event kinds, statuses, citation stances, link relations.

Owns the allowed values and their meaning; no database or CLI code here.
"""

from __future__ import annotations

import enum

__all__ = [
    "DERIVABLE_STATUSES",
    "Kind",
    "Origin",
    "Relation",
    "ReviewState",
    "Stance",
    "Status",
    "values",
]


class Kind(str, enum.Enum):
    """What sort of happening an event is."""

    STATEMENT = "statement"
    MEETING = "meeting"
    PROTEST = "protest"
    VIOLENCE = "violence"
    MILITARY = "military"
    DECISION = "decision"
    APPOINTMENT = "appointment"
    LEGAL = "legal"
    DIPLOMATIC = "diplomatic"
    ECONOMIC = "economic"
    INCIDENT = "incident"
    PUBLICATION = "publication"
    VOTE = "vote"
    DETENTION = "detention"
    CASUALTIES = "casualties"
    OTHER = "other"


class Status(str, enum.Enum):
    """How well an event is established, strongest first."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    DISPUTED = "disputed"
    DENIED = "denied"
    FALSE = "false"


# `false` is a curator's verdict; the rest can be worked out from stances.
DERIVABLE_STATUSES = (Status.CONFIRMED, Status.REPORTED, Status.DISPUTED, Status.DENIED)


class Stance(str, enum.Enum):
    """What a source says about the event it is cited for."""

    ASSERTS = "asserts"  # the source is, or quotes first-hand, whoever makes the claim
    REPORTS = "reports"  # the source reports it as fact
    DENIES = "denies"
    DISPUTES = "disputes"  # doubts it without denying outright
    CORRECTS = "corrects"  # gives a different figure, date or detail
    RETRACTS = "retracts"  # withdraws its own earlier claim


class Relation(str, enum.Enum):
    """Typed edges between events, read as `A RELATION B`."""

    PART_OF = "part_of"
    FOLLOWS = "follows"
    RESPONDS_TO = "responds_to"
    DENIES = "denies"
    RESUMES = "resumes"
    CAUSES = "causes"
    SAME_AS = "same_as"


class Origin(str, enum.Enum):
    """How an event came into the database."""

    CURATED = "curated"
    IMPORTED = "imported"
    PARSED = "parsed"


class ReviewState(str, enum.Enum):
    """Where a parsed candidate stands in review."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    MERGED = "merged"
    REJECTED = "rejected"


def values(enum_type: type[enum.Enum]) -> list[str]:
    """The allowed text values of a vocabulary, in declaration order."""
    return [member.value for member in enum_type]

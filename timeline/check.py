"""Checking a database: storage integrity and chronology lint, as a list of findings.

Owns what counts as a finding and how each one is found; it never writes, prints or exits.

Each finding reads `CODE subject: message`. The subject is an event's slug, `table/ID` for
any other row, or `database`. Findings come grouped in this order:

    INTEGRITY            SQLite's integrity_check reports damage
    FOREIGN-KEY          a row points at a row that does not exist
    SEARCH-INDEX         SQLite's full-text index disagrees with events.search_text
    NO-SOURCE            an event cites no source
    AFTER-ONLY-SOURCE    an event starts after its only source was published (tag it `scheduled`
                         when the source announced it in advance)
    STATUS-CONTRADICTED  a status set by hand to confirmed while a citation denies or retracts it
    STATUS-STALE         a derived status that the citations no longer give
    NO-ACCESS-DATE       a web source (one with a URL) without the date it was read
    LIKELY-DUPLICATE     two events whose dates overlap and whose titles are alike (see
                         DUPLICATE_SIMILARITY)
    BIDI-CONTROL         a text holds a bidirectional control character, which can make text
                         display in an order other than the one stored

Lint looks at live events only; integrity, the search index and bidi controls cover every row.
A damaged SQLite file gets its INTEGRITY findings alone.
"""

from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, Row, String, exists, func, or_, select, text
from sqlalchemy.orm import aliased

from timeline.dates import parse_edtf
from timeline.db import Database
from timeline.errors import InvalidValue
from timeline.models import Actor, Base, Candidate, Citation, Event, EventLink, EventTag, Source, Tag
from timeline.search import tokens
from timeline.status import DENIALS, derive_status, publisher_of
from timeline.vocab import Relation, Status

__all__ = [
    "CODES",
    "DUPLICATE_SIMILARITY",
    "LINT_CODES",
    "SCHEDULED_TAG",
    "STORAGE_CODES",
    "Finding",
    "check_database",
    "title_similarity",
]

# Every kind of finding, in the order findings are reported: the storage's, then the chronology's.
STORAGE_CODES = ("INTEGRITY", "FOREIGN-KEY", "SEARCH-INDEX")
LINT_CODES = ("NO-SOURCE", "AFTER-ONLY-SOURCE", "STATUS-CONTRADICTED", "STATUS-STALE", "NO-ACCESS-DATE",
              "LIKELY-DUPLICATE", "BIDI-CONTROL")
CODES = STORAGE_CODES + LINT_CODES
# Two events whose dates overlap are reported as likely duplicates when the Jaccard index of
# their title words (folded, short function words left out, a plural or third-person -s
# dropped) is at least this: e.g. three shared words of five distinct ones.
DUPLICATE_SIMILARITY = 0.6
# An event announced before it happened is marked with this tag, and may start after its source.
SCHEDULED_TAG = "scheduled"

_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_RE = re.compile(f"[{_BIDI}]")
_FUNCTION_WORDS = frozenset(
    "a an and as at by for from has have in into is it its of on or than that the their to was were with".split()
)
_CHRONOLOGICAL = (Event.start_earliest, Event.end_latest, Event.id)


@dataclass(frozen=True)
class Finding:
    code: str
    subject: str
    message: str

    def line(self) -> str:
        return f"{self.code} {self.subject}: {self.message}"

    def document(self) -> dict[str, str]:
        return asdict(self)


def check_database(database: Database, *, ignore: Iterable[str] = ()) -> list[Finding]:
    """Every finding in one read snapshot of the database, grouped by check, but those of the `ignore` codes.

    A damaged SQLite file is reported alone: reading on through broken pages would fail or mislead.
    A check whose codes are all ignored does not run.
    """
    ignored = {code.upper() for code in ignore}
    unknown = sorted(ignored - set(CODES))
    if unknown:
        raise InvalidValue("--ignore", unknown[0], "one of " + ", ".join(CODES))
    with database.reading() as session:
        connection = session.connection()
        damage = [finding for finding in _integrity(connection) if finding.code not in ignored]
        if damage:
            return damage
        return [
            finding
            for check, codes in _CHECKS if not ignored.issuperset(codes)
            for finding in check(connection) if finding.code not in ignored
        ]


def _is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def _live() -> object:
    return Event.deleted_at.is_(None)


# -- storage -----------------------------------------------------------------------------------


def _integrity(connection: Connection) -> Iterator[Finding]:
    if not _is_sqlite(connection):
        return  # PostgreSQL checks its own pages; the orphan queries below stand in for the rest.
    for (message,) in connection.exec_driver_sql("PRAGMA integrity_check"):
        if message != "ok":
            yield Finding("INTEGRITY", "database", message)


def _foreign_keys(connection: Connection) -> Iterator[Finding]:
    if _is_sqlite(connection):
        for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            yield Finding("FOREIGN-KEY", f"{table}/{rowid}", f"refers to a row of {parent} that does not exist")
        return
    # PostgreSQL enforces the keys, but they can be switched off (replication role, disabled triggers).
    for table in Base.metadata.sorted_tables:
        for key in sorted(table.foreign_keys, key=lambda k: k.parent.name):
            parent = key.column.table
            orphans = select(*table.primary_key.columns).where(
                key.parent.is_not(None), ~exists().where(key.column == key.parent)
            ).order_by(*table.primary_key.columns)
            for row in connection.execute(orphans):
                yield Finding("FOREIGN-KEY", f"{table.name}/{','.join(map(str, row))}",
                              f"refers to a row of {parent.name} that does not exist")


def _search_index(connection: Connection) -> Iterator[Finding]:
    if not _is_sqlite(connection):
        return  # the GIN index is over the column itself and cannot drift
    missing_or_stale = connection.execute(text(
        "SELECT e.slug, f.rowid IS NULL FROM events e LEFT JOIN events_fts f ON f.rowid = e.id "
        "WHERE f.rowid IS NULL OR f.search_text IS NOT e.search_text ORDER BY e.id"
    ))
    for slug, missing in missing_or_stale:
        what = "has no row in the search index" if missing else "has stale text in the search index"
        yield Finding("SEARCH-INDEX", slug, what)
    strays = connection.execute(text(
        "SELECT rowid FROM events_fts WHERE rowid NOT IN (SELECT id FROM events) ORDER BY rowid"
    ))
    for (rowid,) in strays:
        yield Finding("SEARCH-INDEX", f"events_fts/{rowid}", "indexes an event that does not exist")


# -- chronology lint ---------------------------------------------------------------------------


def _no_source(connection: Connection) -> Iterator[Finding]:
    statement = select(Event.slug).where(
        _live(), ~exists().where(Citation.event_id == Event.id)
    ).order_by(*_CHRONOLOGICAL)
    for (slug,) in connection.execute(statement):
        yield Finding("NO-SOURCE", slug, "cites no source")


def _after_only_source(connection: Connection) -> Iterator[Finding]:
    scheduled = exists().where(EventTag.event_id == Event.id, EventTag.tag_id == Tag.id, Tag.name == SCHEDULED_TAG)
    only_source = (
        select(Citation.event_id, func.min(Citation.source_id).label("source_id"))
        .group_by(Citation.event_id).having(func.count(Citation.source_id.distinct()) == 1).subquery()
    )
    statement = (
        select(Event.slug, Event.date, Event.start_earliest, Source.id, Source.published)
        .join(only_source, only_source.c.event_id == Event.id).join(Source, Source.id == only_source.c.source_id)
        .where(_live(), ~scheduled, Source.published.is_not(None)).order_by(*_CHRONOLOGICAL)
    )
    for slug, date, start_earliest, source_id, published in connection.execute(statement):
        if start_earliest > parse_edtf(published).end_latest:
            yield Finding(
                "AFTER-ONLY-SOURCE", slug,
                f"dated {date}, after its only source, sources/{source_id}, was published ({published})",
            )


def _statuses(connection: Connection) -> Iterator[Finding]:
    statement = (
        select(Event.id, Event.slug, Event.status, Event.status_manual, Citation.stance, Source.id, Source.publisher)
        .join(Citation, Citation.event_id == Event.id).join(Source, Source.id == Citation.source_id)
        .where(_live()).order_by(*_CHRONOLOGICAL, Citation.id)
    )
    for _, rows in itertools.groupby(connection.execute(statement), key=lambda row: row[0]):
        citations = list(rows)
        _, slug, status, manual, *_ = citations[0]
        if manual:
            denial = next(((stance, source_id) for *_, stance, source_id, _ in citations if stance in DENIALS), None)
            if status == Status.CONFIRMED.value and denial is not None:
                yield Finding("STATUS-CONTRADICTED", slug,
                              f"status set by hand to confirmed, but sources/{denial[1]} {denial[0]} it")
            continue
        derived = derive_status((stance, publisher_of(source_id, publisher))
                                for *_, stance, source_id, publisher in citations).value
        if status != derived:
            yield Finding("STATUS-STALE", slug, f"status is {status}, but its citations give {derived}")


def _no_access_date(connection: Connection) -> Iterator[Finding]:
    statement = select(Source.id, Source.url).where(Source.url.is_not(None), Source.accessed.is_(None))
    for source_id, url in connection.execute(statement.order_by(Source.id)):
        yield Finding("NO-ACCESS-DATE", f"sources/{source_id}", f"web source without an accessed date ({url})")


def _title_words(title: str) -> frozenset[str]:
    return frozenset(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        for word in tokens(title) if word not in _FUNCTION_WORDS
    )


def title_similarity(first: str, second: str) -> float:
    """How alike two titles are, from 0 to 1: the Jaccard index of their normalised words."""
    return _jaccard(_title_words(first), _title_words(second))


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def _likely_duplicates(connection: Connection) -> Iterator[Finding]:
    """Sort and sweep: events in start order, each compared only with earlier ones still open.

    The scan follows the chronology index; an event leaves the open set once a later one starts
    after its latest end, so the work grows with the overlaps, not with the square of the events.
    """
    linked = {
        frozenset(pair) for pair in connection.execute(
            select(EventLink.from_event_id, EventLink.to_event_id).where(EventLink.relation == Relation.SAME_AS.value)
        )
    }
    statement = select(Event.id, Event.slug, Event.title, Event.start_earliest, Event.end_latest).where(_live())
    open_events: list[tuple[int, int, str, frozenset[str]]] = []  # a heap by latest end
    for event_id, slug, title, start_earliest, end_latest in connection.execute(statement.order_by(*_CHRONOLOGICAL)):
        while open_events and open_events[0][0] < start_earliest:
            heapq.heappop(open_events)
        words = _title_words(title)
        alike = []
        for _, other_id, other_slug, other_words in open_events:
            # Most pairs share no word at all; they cost one intersection and no division.
            if words.isdisjoint(other_words):
                continue
            similarity = _jaccard(words, other_words)
            if similarity >= DUPLICATE_SIMILARITY and frozenset((event_id, other_id)) not in linked:
                alike.append((other_id, other_slug, similarity))
        for _, other_slug, similarity in sorted(alike):
            yield Finding("LIKELY-DUPLICATE", other_slug,
                          f"may be the same event as {slug} (dates overlap, titles {similarity:.0%} alike)")
        heapq.heappush(open_events, (end_latest, event_id, slug, words))


def _bidi_controls(connection: Connection) -> Iterator[Finding]:
    cited = aliased(Event)
    # Per table: the subject of a finding and the prefix of its message, from labelled key columns.
    tables: tuple[tuple[type[Base], tuple, Callable[[Row], tuple[str, str]]], ...] = (
        (Event, (Event.slug.label("key_slug"),), lambda row: (row.key_slug, "")),
        (Citation, (Citation.id.label("key_id"), cited.slug.label("key_slug")),
         lambda row: (row.key_slug, f"citation {row.key_id} ")),
        (Source, (Source.id.label("key_id"),), lambda row: (f"sources/{row.key_id}", "")),
        (Actor, (Actor.id.label("key_id"),), lambda row: (f"actors/{row.key_id}", "")),
        (Candidate, (Candidate.id.label("key_id"),), lambda row: (f"candidates/{row.key_id}", "")),
    )
    for model, keys, describe in tables:
        columns = [c for c in model.__table__.columns if isinstance(c.type, String)]
        statement = select(*keys, *columns).where(or_(*(c.contains(ch) for c in columns for ch in _BIDI)))
        if model is Citation:
            statement = statement.join(cited, cited.id == Citation.event_id)
        for row in connection.execute(statement.order_by(model.__table__.c.id)):
            subject, prefix = describe(row)
            for column in columns:
                value = row._mapping[column]
                found = _BIDI_RE.search(value) if isinstance(value, str) else None
                if found:
                    char = found.group()
                    yield Finding("BIDI-CONTROL", subject,
                                  f"{prefix}{column.name} holds U+{ord(char):04X} {unicodedata.name(char)}")


# After INTEGRITY, the checks in the order of their findings, with the codes each one reports.
_CHECKS: tuple[tuple[Callable[[Connection], Iterable[Finding]], tuple[str, ...]], ...] = (
    (_foreign_keys, ("FOREIGN-KEY",)),
    (_search_index, ("SEARCH-INDEX",)),
    (_no_source, ("NO-SOURCE",)),
    (_after_only_source, ("AFTER-ONLY-SOURCE",)),
    (_statuses, ("STATUS-CONTRADICTED", "STATUS-STALE")),
    (_no_access_date, ("NO-ACCESS-DATE",)),
    (_likely_duplicates, ("LIKELY-DUPLICATE",)),
    (_bidi_controls, ("BIDI-CONTROL",)),
)

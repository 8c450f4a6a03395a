"""`timeline check`: each finding on a small database made for it, with its exact line."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from conftest import Cli, damage
from timeline.check import DUPLICATE_SIMILARITY, check_database, title_similarity
from timeline.db import Database
from timeline.errors import InvalidValue
from timeline.store import CitationInput, EventInput, LinkInput, SourceInput, add_event

ACCESSED = "2024-05-01"


def _source(number: int, *, published: str | None = "2024-01-01", url: bool = True,
            accessed: str | None = ACCESSED, publisher: str | None = None) -> SourceInput:
    return SourceInput(
        key=f"source-{number}", title=f"Report {number}", publisher=publisher or f"Publisher {number}",
        published=published, url=f"https://news.example.org/{number}" if url else None, accessed=accessed,
    )


def _event(slug: str, title: str, date: str, *sources: SourceInput, stance: str = "reports", **fields) -> EventInput:
    return EventInput(slug=slug, title=title, date=date,
                      citations=[CitationInput(source=source, stance=stance) for source in sources or [_source(1)]],
                      **fields)


@pytest.fixture
def database(empty_db_url):
    db = Database.open(empty_db_url)
    yield db
    db.dispose()


def _add(database: Database, *events: EventInput) -> None:
    with database.writing() as session:
        for event in events:
            add_event(session=session, event=event)


def _execute(database: Database, *statements: str) -> None:
    with database.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _lines(database: Database) -> list[str]:
    return [finding.line() for finding in check_database(database)]


def test_a_clean_database_has_no_findings(database):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30"))
    assert _lines(database) == []


def test_event_without_a_source(database):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30"))
    _execute(database, "DELETE FROM citations")
    assert _lines(database) == ["NO-SOURCE 2022-07-30-talks: cites no source"]


def test_event_after_its_only_source(database):
    august = _source(1, published="2022-08-01")
    _add(
        database,
        _event("2022-08-05-late", "Talks held in Astana", "2022-08-05", august),
        _event("2022-08-06-announced", "Summit opens in Almaty", "2022-08-06", august, tags=["scheduled"]),
        _event("2022-08-07-two-sources", "Forum closes in Aktau", "2022-08-07", august, _source(2)),
        _event("2022-08-20-same-month", "Border post reopens", "2022-08-20", _source(3, published="2022-08")),
        _event("2022-08-02-uncertain", "Pipeline loading resumes", "2022-08~", august),
        _event("2022-08-09-undated-source", "Railway opens", "2022-08-09", _source(4, published=None)),
    )
    assert _lines(database) == [
        "AFTER-ONLY-SOURCE 2022-08-05-late: dated 2022-08-05, after its only source, sources/1, "
        "was published (2022-08-01)",
    ]


def test_status_set_by_hand_to_confirmed_while_a_source_denies(database):
    _add(
        database,
        _event("2022-08-01-claim", "Account said to be hacked", "2022-08-01", _source(1), stance="denies",
               status="confirmed", status_reason="curator's call"),
        _event("2022-08-02-other", "Aide speaks to reporters", "2022-08-01", _source(2), stance="disputes",
               status="confirmed", status_reason="doubt is not denial"),
    )
    assert _lines(database) == [
        "STATUS-CONTRADICTED 2022-08-01-claim: status set by hand to confirmed, but sources/1 denies it",
    ]


def test_derived_status_that_its_citations_no_longer_give(database):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30"))
    _execute(database, "UPDATE events SET status = 'confirmed'")
    assert _lines(database) == ["STATUS-STALE 2022-07-30-talks: status is confirmed, but its citations give reported"]


def test_web_source_without_an_access_date(database):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30",
                          _source(1, accessed=None), _source(2, url=False, accessed=None), _source(3)))
    assert _lines(database) == [
        "NO-ACCESS-DATE sources/1: web source without an accessed date (https://news.example.org/1)",
    ]


def test_likely_duplicates_need_overlapping_dates_and_alike_titles(database):
    _add(
        database,
        _event("first-report", "Tokayev meets Putin in Sochi", "2022-08-05"),
        _event("second-report", "Putin and Tokayev meet in Sochi", "2022-08"),
        _event("next-year", "Tokayev meets Putin in Sochi", "2023-08-05"),
        _event("other-meeting", "Tokayev meets Mirziyoyev in Tashkent", "2022-08-05"),
        _event("merged-copy", "Tokayev meets Putin in Sochi", "2023-08-05~",
               links=[LinkInput(relation="same_as", target="next-year")]),
    )
    assert _lines(database) == [
        "LIKELY-DUPLICATE second-report: may be the same event as first-report (dates overlap, titles 100% alike)",
    ]


def test_title_similarity_is_documented_jaccard():
    assert title_similarity("Tokayev meets Putin in Sochi", "Putin and Tokayev meet in Sochi") == 1.0
    assert title_similarity("Tokayev meets Putin", "Tokayev meets Zelenskyy") == 0.5 < DUPLICATE_SIMILARITY
    assert title_similarity("Ｔｏｋａｙｅｖ ＭＥＥＴＳ Púţin", "tokayev meets putin") == 1.0  # NFKC, case, accents
    assert title_similarity("", "Tokayev") == 0.0


def test_bidi_controls_in_any_text(database):
    _add(database, EventInput(
        slug="2022-07-30-talks", title="Talks held in \u202eanatsA", date="2022-07-30",
        citations=[CitationInput(source=_source(1, publisher="Daily\u200f"), quote="said \u2066this\u2069")],
    ))
    assert _lines(database) == [
        "BIDI-CONTROL 2022-07-30-talks: title holds U+202E RIGHT-TO-LEFT OVERRIDE",
        "BIDI-CONTROL 2022-07-30-talks: citation 1 quote holds U+2066 LEFT-TO-RIGHT ISOLATE",
        "BIDI-CONTROL sources/1: publisher holds U+200F RIGHT-TO-LEFT MARK",
    ]


def test_orphaned_rows(database, backend):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30"))
    with database.engine.begin() as connection:
        if backend == "sqlite":
            connection.exec_driver_sql("COMMIT")  # foreign_keys cannot change inside a transaction
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        connection.exec_driver_sql("UPDATE citations SET source_id = 999")
    if backend == "sqlite":
        database.dispose()  # the pooled connection still has the keys off
    assert _lines(database) == ["FOREIGN-KEY citations/1: refers to a row of sources that does not exist"]


def test_search_index_out_of_step(database, backend):
    if backend != "sqlite":
        pytest.skip("PostgreSQL indexes the column itself")
    _add(database,
         _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30"),
         _event("2022-07-31-forum", "Forum opens in Aktau", "2022-07-31"),
         _event("2022-08-01-summit", "Summit in Almaty", "2022-08-01"))
    _execute(database,
             "DELETE FROM events_fts WHERE rowid = 1",
             "UPDATE events_fts SET search_text = 'something else' WHERE rowid = 2",
             "INSERT INTO events_fts(rowid, search_text) VALUES (42, 'nobody')")
    assert _lines(database) == [
        "SEARCH-INDEX 2022-07-30-talks: has no row in the search index",
        "SEARCH-INDEX 2022-07-31-forum: has stale text in the search index",
        "SEARCH-INDEX events_fts/42: indexes an event that does not exist",
    ]


def test_a_damaged_file_is_reported_alone(database, backend):
    if backend != "sqlite":
        pytest.skip("SQLite's integrity_check")
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30", _source(1, accessed=None)))
    database.dispose()
    damage(database.path)
    lines = _lines(database)
    assert lines and all(line.startswith("INTEGRITY database: ") for line in lines)
    assert any("ix_events_country" in line for line in lines)


def test_deleted_events_are_not_linted(database):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30", _source(1, accessed=None)))
    _execute(database, "DELETE FROM citations", "UPDATE events SET deleted_at = created_at")
    assert _lines(database) == [
        "NO-ACCESS-DATE sources/1: web source without an accessed date (https://news.example.org/1)",
    ]


# -- the command -------------------------------------------------------------------------------


def test_check_command_prints_findings_and_exits_1(database, empty_db_url):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30", _source(1, accessed=None)))
    cli = Cli(empty_db_url)
    result = cli("check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "NO-ACCESS-DATE sources/1: web source without an accessed date (https://news.example.org/1)\n",
        "1 finding\n",
    )
    result = cli("check", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [finding.document() for finding in check_database(database)] == [{
        "code": "NO-ACCESS-DATE", "subject": "sources/1",
        "message": "web source without an accessed date (https://news.example.org/1)",
    }]


def test_findings_of_ignored_codes_are_left_out(database, empty_db_url):
    _add(database, _event("2022-07-30-talks", "Talks held in \u202eAstana", "2022-07-30", _source(1, accessed=None)))
    assert [f.code for f in check_database(database)] == ["NO-ACCESS-DATE", "BIDI-CONTROL"]
    assert [f.code for f in check_database(database, ignore=["no-access-date"])] == ["BIDI-CONTROL"]
    with pytest.raises(InvalidValue, match="^--ignore: 'NO-SUCH-CODE' is not valid; expected one of INTEGRITY, "):
        check_database(database, ignore=["NO-SUCH-CODE"])
    cli = Cli(empty_db_url)
    result = cli("check", "--ignore", "NO-ACCESS-DATE", "--ignore", "BIDI-CONTROL")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no findings\n")
    assert cli("check", "--ignore", "NO-SUCH-CODE").exit_code == 2


def test_check_command_on_a_clean_database(database, empty_db_url):
    _add(database, _event("2022-07-30-talks", "Talks held in Astana", "2022-07-30"))
    cli = Cli(empty_db_url)
    assert (lambda r: (r.exit_code, r.stdout, r.stderr))(cli("check")) == (0, "", "no findings\n")
    assert (lambda r: (r.exit_code, r.stdout))(cli("check", "-f", "json")) == (0, "[]\n")
    help_result = cli("check", "-h")
    assert help_result.exit_code == 0 and "Usage:" in help_result.stdout


def test_check_runs_on_the_seeded_chronology(cli):
    """Whatever the seeds hold, every line is a finding of a known kind and the exit code agrees."""
    result = cli("check")
    lines = result.stdout.splitlines()
    codes = {"INTEGRITY", "FOREIGN-KEY", "SEARCH-INDEX", "NO-SOURCE", "AFTER-ONLY-SOURCE", "STATUS-CONTRADICTED",
             "STATUS-STALE", "NO-ACCESS-DATE", "LIKELY-DUPLICATE", "BIDI-CONTROL"}
    assert all(line.split(" ", 1)[0] in codes and ": " in line for line in lines)
    assert result.exit_code == (1 if lines else 0)
    assert not any(line.startswith(("INTEGRITY", "FOREIGN-KEY", "SEARCH-INDEX", "STATUS-STALE")) for line in lines)


def test_the_sweep_finds_every_pair_a_full_comparison_finds(database):
    """Sort-and-sweep compares only overlapping events; on synthetic data it misses no pair."""
    from itertools import combinations

    from timeline.store.bulk import load_events
    from timeline.synthetic import synthetic_events, to_event_input

    events = list(synthetic_events(1_000, first_year=2020, last_year=2022))
    with database.writing() as session:
        load_events(session=session, events=((None, to_event_input(event)) for event in events))
    with database.reading() as session:
        rows = session.execute(text("SELECT slug, title, start_earliest, end_latest FROM events")).all()
    expected = {
        frozenset((a.slug, b.slug)) for a, b in combinations(rows, 2)
        if a.start_earliest <= b.end_latest and b.start_earliest <= a.end_latest
        and title_similarity(a.title, b.title) >= DUPLICATE_SIMILARITY
    }
    found = {
        frozenset((finding.subject, finding.message.split()[6])) for finding in check_database(database)
        if finding.code == "LIKELY-DUPLICATE"
    }
    assert expected and found == expected

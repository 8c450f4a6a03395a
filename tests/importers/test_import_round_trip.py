"""Importing on both engines: export -> import -> export is identical, re-imports change nothing,
changes make exactly their revisions, and what a format cannot say is kept."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from conftest import SEED_EVENTS, snapshot
from timeline.db import Database
from timeline.errors import TimelineError
from timeline.importers import import_file
from timeline.store import EventQuery, get_event, query_documents

FORMATS = {
    "json": ("json", ".json", []),
    "jsonl": ("jsonl", ".jsonl", []),
    "csv": ("csv", ".csv", []),
    "csv-raw": ("csv", ".csv", ["--raw"]),
}
# Cells a spreadsheet would run as formulas, and text that looks like a number.
TRICKY = [
    ["--title", '=HYPERLINK("http://evil.example","click")', "--summary", "+7 701 000 0000", "--place", "@Almaty"],
    ["--title", "01234", "--summary", "-5 degrees\tand falling", "--place", "0042"],
]


def _without_ids(text: str, format: str) -> list:
    """The exported file's content with database ids (event and source ids) left out."""
    if format == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        for row in rows:
            del row["id"]
            row["citations"] = [{k: v for k, v in c.items() if k != "source_id"} for c in json.loads(row["citations"])]
        return rows
    documents = json.loads(text) if format == "json" else [json.loads(line) for line in text.splitlines()]
    for doc in documents:
        del doc["id"]
        for citation in doc["citations"]:
            del citation["source_id"]
    return documents


def _add_tricky_events(cli) -> None:
    for number, fields in enumerate(TRICKY):
        result = cli("add", *fields, "--date", f"2022-09-0{number + 1}", "--source", "1", "--quote", "=1+1")
        assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", list(FORMATS))
def test_export_import_export_into_an_empty_database_is_identical(name, cli, empty_cli, tmp_path):
    format, suffix, options = FORMATS[name]
    _add_tricky_events(cli)
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    assert cli("export", "--format", format, *options, "-o", str(first)).exit_code == 0
    imported = empty_cli("import", str(first), *options)
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout.startswith(f"imported first{suffix} ({format}): {SEED_EVENTS + 2} added, 0 changed, 0 unchanged")
    assert empty_cli("export", "--format", format, *options, "-o", str(second)).exit_code == 0
    exported, again = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    assert _without_ids(again, format) == _without_ids(exported, format)
    if name == "csv":
        assert "'=HYPERLINK" in exported and "'+7 701" in exported and "'@Almaty" in exported


@pytest.mark.parametrize("name", [*FORMATS, "yaml"])
def test_importing_an_export_into_its_own_database_changes_nothing(name, cli, db_url, tmp_path):
    format, suffix, options = FORMATS.get(name, ("json", ".json", []))
    path = tmp_path / f"events{suffix}"
    assert cli("export", "--format", format, *options, "-o", str(path)).exit_code == 0
    if name == "yaml":
        path = tmp_path / "events.yaml"
        path.write_text(yaml.safe_dump(json.loads((tmp_path / "events.json").read_text()), allow_unicode=True))
    before = snapshot(db_url)
    result = cli("import", str(path), *options)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(f": 0 added, 0 changed, {SEED_EVENTS} unchanged\n")
    # No revision, no touched row: links (which CSV lacks) and manual statuses are all still there.
    assert snapshot(db_url) == before


def _imported(url: str, path, **options):
    database = Database.open(url)
    try:
        with database.writing() as session:
            return import_file(session=session, path=path, **options)
    finally:
        database.dispose()


def test_changing_three_events_in_the_file_makes_exactly_three_revisions(cli, db_url, tmp_path):
    path = tmp_path / "events.json"
    assert cli("export", "--format", "json", "-o", str(path)).exit_code == 0
    documents = json.loads(path.read_text())
    for doc in (documents[0], documents[40], documents[-1]):
        doc["title"] += " (revised)"
    path.write_text(json.dumps(documents))
    revisions = len(snapshot(db_url)["revisions"])
    report = _imported(db_url, path)
    assert (len(report.added), len(report.changed), report.unchanged) == (0, 3, SEED_EVENTS - 3)
    assert report.changed == [documents[0]["slug"], documents[40]["slug"], documents[-1]["slug"]]
    after = snapshot(db_url)
    assert len(after["revisions"]) == revisions + 3
    again = _imported(db_url, path)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, SEED_EVENTS)
    assert snapshot(db_url) == after


MINIMAL = """\
title,date,url,source_title,publisher,published,summary,quote,stance,kind,tags,country,place
Tokayev speaks in Astana,2022-09-01,https://example.org/a,Report A,Wire,2022-09-02,First.,,reports,statement,context,KZ,Astana
A second thing,2022-09-03,https://example.org/b,Report B,Wire,2022-09-03,,,,,context,,
Third,September 2022,https://example.org/c,Report C,Other,,,"=quoted",asserts,,,,
"""


def test_the_minimal_csv_form_is_idempotent_and_keyed_naturally(empty_db_url, tmp_path):
    path = tmp_path / "new.csv"
    path.write_text(MINIMAL)
    first = _imported(empty_db_url, path)
    assert len(first.added) == 3 and first.sources_added == 3
    assert first.added[0].startswith("2022-09-01-tokayev-speaks-astana-") and len(first.added[0]) == 41
    assert first.added[2].startswith("2022-09-third-")
    after = snapshot(empty_db_url)
    database = Database.open(empty_db_url)
    with database.reading() as session:
        assert {doc["origin"] for doc in query_documents(session=session, query=EventQuery())} == {"imported"}
    database.dispose()
    again = _imported(empty_db_url, path)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, 3)
    assert snapshot(empty_db_url) == after
    path.write_text(MINIMAL.replace("First.", "First (revised).").replace("Report C,Other,,,", "Report C,Other,,Said,"))
    changed = _imported(empty_db_url, path)
    assert (len(changed.added), len(changed.changed), changed.unchanged) == (0, 2, 1)
    assert len(snapshot(empty_db_url)["revisions"]) == len(after["revisions"]) + 2


def test_a_minimal_row_keeps_what_it_does_not_say(db_url, tmp_path):
    """Actors, notes, links, a manual status and other sources' citations survive a minimal re-import."""
    slug = "2022-08-02-osipov-says-account-hacked"
    database = Database.open(db_url)
    with database.reading() as session:
        event = get_event(session=session, ref=slug)
        first_url = event.citations[0].source.url
        citations = len(event.citations)
    database.dispose()
    path = tmp_path / "one.csv"
    path.write_text(
        "slug,title,date,url,source_title,quote,stance\n"
        f"{slug},Medvedev's aide Oleg Osipov says the page was hacked,2022-08-02,{first_url},Any title,"
        "\"We were hacked\",asserts\n"
    )
    report = _imported(db_url, path)
    assert report.changed == [slug]
    database = Database.open(db_url)
    with database.reading() as session:
        event = get_event(session=session, ref=slug)
        assert len(event.citations) == citations
        [replaced] = [c for c in event.citations if c.source.url == first_url]
        assert (replaced.quote, replaced.stance, replaced.speaker) == ("We were hacked", "asserts", None)
        assert [(row.actor.name, row.role) for row in event.actor_roles] == [
            ("Oleg Osipov", "speaker"), ("Dmitry Medvedev", "subject")]
        assert event.summary and event.place == "Moscow" and event.kind == "statement"
    database.dispose()


def test_citation_details_that_no_export_carries_are_kept(cli, db_url, tmp_path):
    from sqlalchemy import text

    database = Database.open(db_url)
    with database.writing() as session:
        session.execute(text("UPDATE citations SET language = 'ru', translation_note = 'our translation', "
                             "quote_start = 3, quote_end = 9 WHERE id = 1"))
    database.dispose()
    path = tmp_path / "events.jsonl"
    assert cli("export", "--format", "jsonl", "-o", str(path)).exit_code == 0
    before = snapshot(db_url)
    report = _imported(db_url, path)
    assert (len(report.changed), report.unchanged) == (0, SEED_EVENTS)
    assert snapshot(db_url) == before


def test_a_known_url_under_a_new_key_cites_the_stored_source(db_url, tmp_path):
    database = Database.open(db_url)
    with database.reading() as session:
        stored = get_event(session=session, ref="2022-08-02-osipov-says-account-hacked").citations[0].source
        source_id, url = stored.id, stored.url
    database.dispose()
    document = {"title": "Another event", "date": "2022-08-05", "citations": [
        {"source_key": "a-brand-new-key", "source_title": "Same page", "url": url}]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps([document]))
    report = _imported(db_url, path)
    assert len(report.added) == 1 and report.sources_added == 0
    database = Database.open(db_url)
    with database.reading() as session:
        assert get_event(session=session, ref=report.added[0]).citations[0].source.id == source_id
    database.dispose()


def test_a_dry_run_reports_and_writes_nothing(cli, db_url, tmp_path):
    path = tmp_path / "events.json"
    assert cli("export", "--format", "json", "-o", str(path)).exit_code == 0
    documents = json.loads(path.read_text())
    documents[3]["summary"] = "Rewritten."
    documents.append({**documents[5], "slug": None, "title": "A brand new event", "links": []})
    path.write_text(json.dumps(documents))
    before = snapshot(db_url)
    report = _imported(db_url, path, dry_run=True)
    assert report.dry_run and report.changed == [documents[3]["slug"]]
    assert len(report.added) == 1 and report.added[0].startswith(documents[5]["date"][:4])
    assert snapshot(db_url) == before


def test_a_timelinejs_file_imports_once(empty_db_url, tmp_path):
    slide = {"start_date": {"year": 2022, "month": 6, "day": 17}, "text": {"headline": "Tokayev at SPIEF"},
             "media": {"url": "https://example.org/spief", "credit": "Wire"}, "group": "SPIEF 2022"}
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps({"events": [slide, {**slide, "start_date": {"year": 2022, "month": 6}}]}))
    first = _imported(empty_db_url, path)
    assert first.format == "timelinejs" and len(first.added) == 2
    after = snapshot(empty_db_url)
    assert _imported(empty_db_url, path).unchanged == 2
    assert snapshot(empty_db_url) == after


def test_a_link_to_an_event_neither_in_the_file_nor_stored_is_named(cli, empty_db_url, tmp_path):
    path = tmp_path / "august.json"
    assert cli("export", "--format", "json", "-o", str(path), "--from", "2022-08-03", "--to", "2022-08-31").exit_code == 0
    before = snapshot(empty_db_url)
    with pytest.raises(TimelineError) as caught:
        _imported(empty_db_url, path)
    assert str(caught.value) == ("line 2: link: '2022-08-01-medvedev-vk-hack-claim' is not valid; "
                                 "expected an event in the same file or already stored")
    assert snapshot(empty_db_url) == before

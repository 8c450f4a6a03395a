"""The bulk loader: all or nothing, a bad row named by its line, idempotent, the same data as one by one."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import snapshot
from timeline.db import Database
from timeline.errors import TimelineError
from timeline.store import CitationInput, EventInput, EventQuery, SourceInput, get_event, get_source, query_documents
from timeline.store.bulk import load_events
from timeline.synthetic import synthetic_events, to_event_input


def _inputs(count: int):
    return [(f"line {number + 2}", to_event_input(event)) for number, event in enumerate(synthetic_events(count))]


def _load(url: str, items) -> object:
    database = Database.open(url)
    try:
        with database.writing() as session:
            return load_events(session=session, events=items, batch_size=1_000)
    finally:
        database.dispose()


def test_a_bad_row_near_the_end_leaves_the_database_unchanged(empty_db_url):
    items = _inputs(10_000)
    label, bad = items[9_990]
    items[9_990] = (label, dataclasses.replace(bad, date="2021-02-29"))
    before = snapshot(empty_db_url)
    with pytest.raises(TimelineError) as caught:
        _load(empty_db_url, items)
    assert str(caught.value).startswith("line 9992: date: '2021-02-29' is not valid; expected")
    assert snapshot(empty_db_url) == before


def test_loading_twice_adds_nothing(empty_db_url):
    first = _load(empty_db_url, _inputs(2_000))
    assert (first.added, first.changed, first.unchanged) == (2_000, 0, 0)
    after_first = snapshot(empty_db_url)
    second = _load(empty_db_url, _inputs(2_000))
    assert (second.added, second.changed, second.unchanged) == (0, 0, 2_000)
    assert snapshot(empty_db_url) == after_first


def test_changing_three_events_makes_three_revisions(empty_db_url):
    _load(empty_db_url, _inputs(500))
    revisions = len(snapshot(empty_db_url)["revisions"])
    items = _inputs(500)
    for index in (3, 100, 499):
        label, event = items[index]
        items[index] = (label, dataclasses.replace(event, title=event.title + " (revised)"))
    report = _load(empty_db_url, items)
    assert (report.added, report.changed, report.unchanged) == (0, 3, 497)
    assert len(snapshot(empty_db_url)["revisions"]) == revisions + 3


def test_bulk_and_one_by_one_store_the_same_documents(empty_db_url, tmp_path):
    from timeline.bootstrap import initialise
    from timeline.store import add_event

    _load(empty_db_url, _inputs(200))
    other = Database.open(tmp_path / "one-by-one.db")
    initialise(other, seed=False)
    with other.writing() as session:
        for _, event in _inputs(200):
            add_event(session=session, event=event)
    databases = [Database.open(empty_db_url), other]
    docs = []
    for database in databases:
        with database.reading() as session:
            docs.append(query_documents(session=session, query=EventQuery()))
        database.dispose()
    assert len(docs[0]) == 200
    assert docs[0] == docs[1]


@pytest.mark.parametrize("citation, expected", [
    (CitationInput(source=SourceInput(title="Undated", url="https://example.org/u", published="someday")),
     "line 1102: published: 'someday' is not valid"),
    (CitationInput(source=SourceInput(title="Nowhere")), "line 1102: source: 'Nowhere' is not valid; expected a new source"),
    (CitationInput(source="no-such-key"), "line 1102: source: no source 'no-such-key'; see `timeline sources list`"),
])
def test_a_bad_source_is_named_by_the_event_that_gives_it(empty_db_url, citation, expected):
    items = _inputs(1_200)
    label, event = items[1_100]
    items[1_100] = (label, dataclasses.replace(event, citations=[citation]))
    with pytest.raises(TimelineError) as caught:
        _load(empty_db_url, items)
    assert str(caught.value).startswith(expected)


def test_a_described_source_is_the_stored_one_with_any_of_its_identities(db_url):
    database = Database.open(db_url)
    with database.reading() as session:
        stored = get_source(session=session, ref="afp-2022-06-war-strains-ties")
        source_id, url = stored.id, stored.url
    database.dispose()
    events = [
        (f"line {n}", EventInput(title=f"Event {n}", date="2022-06-20", slug=f"described-{n}", citations=[
            CitationInput(source=SourceInput(title="Same page", url=url, key=f"another-key-{n}"))]))
        for n in range(2)
    ] + [("line 9", EventInput(title="Twins", date="2022-06-21", slug="twins", citations=[
        CitationInput(source=SourceInput(title="New", url="https://example.org/new", key="first-name")),
        CitationInput(source=SourceInput(title="New", url="https://example.org/new", key="second-name"))]))]
    report = _load(db_url, events)
    assert (report.added, report.sources_added) == (3, 1)
    assert report.added_slugs == ["described-0", "described-1", "twins"]
    database = Database.open(db_url)
    with database.reading() as session:
        assert get_event(session=session, ref="described-1").citations[0].source.id == source_id
        twins = get_event(session=session, ref="twins").citations
        assert twins[0].source.id == twins[1].source.id
    database.dispose()


def test_generated_slugs_skip_the_numbered_ones_already_stored(empty_db_url):
    """A second load of a same-titled, same-dated event once took `base-2` again and failed on the
    unique slug; one by one (`add`) and in bulk, the next free number is used."""
    def event(number: int) -> EventInput:
        return EventInput(title="Same title", date="2022-01-05", summary=f"report {number}",
                          citations=[CitationInput(source=SourceInput(title="S", url="https://example.org/s"))])

    database = Database.open(empty_db_url)
    try:
        with database.writing() as session:
            first = load_events(session=session, events=[(None, event(1)), (None, event(2)), (None, event(3))])
        with database.writing() as session:
            second = load_events(session=session, events=[(None, event(4)), (None, event(5))])
    finally:
        database.dispose()
    base = "2022-01-05-same-title"
    assert first.added_slugs == [base, f"{base}-2", f"{base}-3"]
    assert second.added_slugs == [f"{base}-4", f"{base}-5"]

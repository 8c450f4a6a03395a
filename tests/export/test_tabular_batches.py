"""Tabular exports streamed in batches: the same bytes as one batch made from documents, on both engines."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest

from timeline import CitationInput, Database, EventInput, SourceInput, add_event, add_source
from timeline.export import export_rows
from timeline.export.tabular import _TEXT_COLUMNS, COLUMNS, event_rows, write_csv, write_parquet
from timeline.store import EventQuery, query_documents, query_flat_rows

# Everything JSON escapes, a bare CR and a CRLF, formula starts, a character JSON leaves alone, no publisher.
AWKWARD = "=1+2\r\n\x01\x1f\x7f \u2028 \"quoted\" \\ back\tslash\rend\x08\x0c end"


@pytest.fixture
def awkward_url(hostile_url: str) -> str:
    """The hostile chronology plus one last event (so it comes in the last batch) full of awkward characters."""
    database = Database.open(hostile_url)
    with database.writing() as session:
        nameless = add_source(session=session, source=SourceInput(title=AWKWARD, url="https://example.org/awkward"))
        desk = add_source(session=session, source=SourceInput(title="Desk note", publisher="-Desk"))
        add_event(session=session, event=EventInput(
            title=AWKWARD, date="2031-02-03", summary="", slug="awkward-characters", tags=["xss", "context"],
            place="@home", notes=AWKWARD, status="disputed", status_reason=AWKWARD,
            citations=[CitationInput(source=nameless.id, quote=AWKWARD, speaker=AWKWARD, locator="p. 1",
                                     language="ru", translation_note=AWKWARD),
                       CitationInput(source=desk.id, stance="denies", quote="")]))
    database.dispose()
    return hostile_url


def _documents(url: str, query: EventQuery) -> list[dict]:
    database = Database.open(url)
    try:
        with database.reading() as session:
            return query_documents(session=session, query=query)
    finally:
        database.dispose()


def _streamed(url: str, query: EventQuery, format: str, stream, batch_size: int, **options) -> int:
    database = Database.open(url)
    try:
        with database.reading() as session:
            return export_rows(lambda: query_flat_rows(session=session, query=query, batch_size=batch_size),
                               format, stream, **options)
    finally:
        database.dispose()


def _pandas_csv(documents: list[dict], raw: bool) -> str:
    """What the whole-file pandas writer these writers replaced made of the documents: the reference."""
    import csv

    import pandas as pd

    frame = pd.DataFrame(event_rows(documents), columns=COLUMNS)
    if not raw:
        for column in _TEXT_COLUMNS:
            frame[column] = frame[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(("=", "+", "-", "@", "\t", "\r")) else v)
    bare_cr = any(frame[column].str.contains("\r", regex=False, na=False).any()
                  for column in COLUMNS if not pd.api.types.is_numeric_dtype(frame[column]))
    return frame.to_csv(None, index=False, lineterminator="\n", quoting=csv.QUOTE_ALL if bare_cr else csv.QUOTE_MINIMAL)


@pytest.mark.parametrize("raw", [False, True])
@pytest.mark.parametrize("awkward", [False, True])
def test_csv_is_what_pandas_wrote(request, db_url, raw, awkward):
    documents = _documents(request.getfixturevalue("awkward_url") if awkward else db_url, EventQuery())
    written = io.StringIO()
    write_csv(documents, written, raw=raw)
    assert written.getvalue() == _pandas_csv(documents, raw)


def test_flat_rows_are_the_rows_the_documents_give(awkward_url):
    expected = event_rows(_documents(awkward_url, EventQuery()))
    database = Database.open(awkward_url)
    try:
        with database.reading() as session:
            batches = list(query_flat_rows(session=session, query=EventQuery(), batch_size=7))
    finally:
        database.dispose()
    assert len(batches) == -(-len(expected) // 7) > 2
    rows = [dict(zip(COLUMNS, values)) for batch in batches for values in zip(*(batch[c] for c in COLUMNS))]
    assert rows == expected


@pytest.mark.parametrize("raw", [False, True])
def test_csv_in_batches_is_the_file_one_batch_gives(awkward_url, raw):
    """The bare CR comes in the last batch: the file starts again quoted throughout, as a whole-file writer quotes it."""
    single = io.StringIO()
    write_csv(_documents(awkward_url, EventQuery()), single, raw=raw)
    assert single.getvalue().startswith('"id","slug",')
    streamed = io.StringIO()
    count = _streamed(awkward_url, EventQuery(), "csv", streamed, 5, raw=raw)
    assert streamed.getvalue() == single.getvalue()
    assert count == len(_documents(awkward_url, EventQuery()))


def test_csv_without_a_carriage_return_stays_minimally_quoted_across_batches(database):
    query = EventQuery(date_to="2022-12")
    single = io.StringIO()
    write_csv(_documents(database.url, query), single)
    streamed = io.StringIO()
    _streamed(database.url, query, "csv", streamed, 3)
    assert streamed.getvalue() == single.getvalue()
    assert not single.getvalue().startswith('"id"')


class _Pipe(io.StringIO):
    """A stream that cannot seek back, as a pipe to another program."""

    def seekable(self) -> bool:
        return False


def test_csv_to_a_stream_that_cannot_seek_is_the_same_file(awkward_url):
    single = io.StringIO()
    write_csv(_documents(awkward_url, EventQuery()), single)
    piped = _Pipe()
    _streamed(awkward_url, EventQuery(), "csv", piped, 4)
    assert piped.getvalue() == single.getvalue()


def test_parquet_in_batches_holds_what_one_batch_holds(awkward_url, tmp_path):
    single, streamed = tmp_path / "single.parquet", tmp_path / "streamed.parquet"
    with single.open("wb") as stream:
        write_parquet(_documents(awkward_url, EventQuery()), stream)
    with streamed.open("wb") as stream:
        _streamed(awkward_url, EventQuery(), "parquet", stream, 6)
    expected, found = pq.read_table(single), pq.read_table(streamed)
    assert found.schema.equals(expected.schema, check_metadata=True)
    assert found.equals(expected)
    assert pq.ParquetFile(streamed).metadata.num_row_groups > 2


def test_an_empty_selection_writes_the_header_and_the_schema(database, tmp_path):
    query = EventQuery(text="no event says this")
    streamed = io.StringIO()
    assert _streamed(database.url, query, "csv", streamed, 3) == 0
    assert streamed.getvalue() == ",".join(COLUMNS) + "\n"
    path = tmp_path / "empty.parquet"
    with path.open("wb") as stream:
        _streamed(database.url, query, "parquet", stream, 3)
    assert pq.read_table(path).column_names == COLUMNS


def test_the_past_chronology_is_not_read_as_flat_rows(database):
    with database.reading() as session, pytest.raises(ValueError):
        query_flat_rows(session=session, query=EventQuery(as_of="2022-01-01"))

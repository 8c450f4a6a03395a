"""CSV cells that could break a reader or a spreadsheet: a bare CR, and the apostrophe export adds."""

from __future__ import annotations

import csv
import io

import pytest

from timeline.export.tabular import COLUMNS, restore_cell, write_csv


def _document(**changes) -> dict:
    doc = {column: None for column in COLUMNS}
    doc.update(id=1, slug="an-event", title="Title", date="2022", tags=[], actors=[], citations=[], links=[])
    doc.update(changes)
    return doc


def test_a_bare_carriage_return_is_quoted_so_the_row_stays_one_row():
    stream = io.StringIO()
    write_csv([_document(summary="first\rsecond"), _document(id=2, title="plain")], stream, raw=True)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert [row["summary"] for row in rows] == ["first\rsecond", ""]


def test_without_carriage_returns_only_what_needs_quotes_is_quoted():
    stream = io.StringIO()
    write_csv([_document(summary="a, b")], stream)
    assert stream.getvalue().splitlines()[1].startswith('1,an-event,2022,,,,,,,Title,"a, b",')


@pytest.mark.parametrize("column, cell, restored", [
    ("title", "'=SUM(A1)", "=SUM(A1)"),
    ("summary", "'-5 degrees", "-5 degrees"),
    ("place", "'@home", "@home"),
    ("notes", "'\tindented", "\tindented"),
    ("title", "'quoted", "'quoted"),
    ("title", "'", "'"),
    ("date", "'=1", "'=1"),
])
def test_restore_cell_undoes_only_what_export_did(column, cell, restored):
    assert restore_cell(column, cell) == restored

"""The publication date the tagger counts from, and reading a document file into the text offsets refer to."""

from __future__ import annotations

import subprocess
import sys

import pytest

import timeline.ingest
from timeline.errors import InvalidDate, InvalidValue, NotFound, TimelineError
from timeline.ingest import read_text, reference_point, tag
from timeline.ingest.calendar import Point


@pytest.mark.parametrize("text, expected", [
    ("2022-08-17", Point(2022, 8, 17)), ("2022-08", Point(2022, 8)), ("2022", Point(2022)),
    (" 2022-08-17 ", Point(2022, 8, 17)), ("2013-03-22T12:00:00Z", Point(2013, 3, 22)),
    ("17 August 2022", Point(2022, 8, 17)), ("August 2022", Point(2022, 8)), (None, None),
])
def test_reference_point(text, expected):
    assert reference_point(text) == expected


@pytest.mark.parametrize("text", ["", "nope", "2022-13-01", "2022-02-30", "0000", "17/08/2022", "x" * 500])
def test_a_bad_reference_is_one_line_naming_the_field(text):
    with pytest.raises(InvalidDate) as caught:
        tag("On Tuesday.", reference=text)
    assert str(caught.value).startswith(f"reference: {text!r} is not valid; expected a publication date")
    assert "\n" not in str(caught.value)
    with pytest.raises(TimelineError, match="^--published: "):
        reference_point(text, field="--published")


def test_read_text_drops_a_byte_order_mark_and_keeps_line_ends(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffOn 3 May.\r\nNext.".encode())
    assert read_text(path) == "On 3 May.\r\nNext."


@pytest.mark.parametrize("content, expected", [
    (b"\x00\x01\x02binary", "file: '{path}' is not valid; expected a UTF-8 text file; it holds binary data"),
    (b"caf\xe9", "file: '{path}' is not valid; expected a UTF-8 text file; byte 3 is not UTF-8"),
])
def test_read_text_refuses_what_is_not_utf8_text(tmp_path, content, expected):
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    with pytest.raises(InvalidValue) as caught:
        read_text(path)
    assert str(caught.value) == expected.format(path=path)


def test_read_text_missing_file_and_directory(tmp_path):
    with pytest.raises(NotFound, match="^file: no file "):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InvalidValue, match="not a directory$"):
        read_text(tmp_path)


def test_ingest_surface_is_sorted_and_leaves_out_the_cli():
    assert timeline.ingest.__all__ == sorted(timeline.ingest.__all__)
    assert set(timeline.ingest.__all__) == {"MATCH_THRESHOLD", "Document", "Gazetteer", "Proposal", "Timex", "best_match",
                                            "parse_document", "propose", "read_document", "read_text",
                                            "reference_point", "tag"}
    code = "import sys, timeline.ingest; print(sorted(m for m in ('typer', 'rich', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

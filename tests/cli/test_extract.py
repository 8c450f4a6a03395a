"""`timeline extract`: exact JSONL and table output, parity with the library, and bad input as one line with exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.ingest import read_text, tag

ARTICLE = Path(__file__).parent.parent / "data" / "extract-article.txt"


def _run(*args: str):  # type: ignore[no-untyped-def]
    from timeline.cli import app

    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_jsonl_output_is_exact():
    result = _run("extract", str(ARTICLE), "--published", "2022-08-17")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == (
        '{"start": 6, "end": 20, "text": "17 August 2022", "type": "DATE", "value": "2022-08-17"}\n'
        '{"start": 25, "end": 33, "text": "August 2", "type": "DATE", "value": "2022-08-02"}\n'
        '{"start": 63, "end": 70, "text": "Tuesday", "type": "DATE", "value": "2022-08-16"}\n'
        '{"start": 112, "end": 127, "text": "about 9 minutes", "type": "DURATION", "value": "PT9M"}\n'
        '{"start": 134, "end": 148, "text": "two days later", "type": "DATE", "value": "2022-08-18"}\n'
        '{"start": 182, "end": 191, "text": "September", "type": "DATE", "value": "2022-09"}\n'
    )


def test_table_output_matches_golden_file(golden):
    result = _run("extract", str(ARTICLE), "--published", "17 August 2022", "--format", "table")
    assert result.exit_code == 0, result.stderr
    golden("extract-article-table.txt", result.stdout)


def test_jsonl_is_the_library_output_with_offsets_into_the_decoded_file():
    result = _run("extract", str(ARTICLE), "--published", "2022-08-17")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = read_text(ARTICLE)
    assert rows == [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                    for t in tag(text, reference="2022-08-17")]
    assert all(text[row["start"]:row["end"]] == row["text"] for row in rows)


def test_byte_order_mark_does_not_shift_offsets(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffOn 3 May.".encode())
    result = _run("extract", str(path), "--published", "2022-08-17")
    assert result.stdout == '{"start": 3, "end": 8, "text": "3 May", "type": "DATE", "value": "2022-05-03"}\n'


def test_a_text_without_expressions_prints_nothing(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = _run("extract", str(path), "--published", "2022-08-17")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def _binary(tmp_path: Path) -> str:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return str(path)


def _latin1(tmp_path: Path) -> str:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 on 3 May".encode("latin-1"))
    return str(path)


BAD = {
    "bad published date": (lambda tmp: [str(ARTICLE), "--published", "someday"],
                           "error: --published: 'someday' is not valid; expected a publication date such as "
                           "2022-08-17, 2022-08 or 17 August 2022"),
    "impossible published date": (lambda tmp: [str(ARTICLE), "--published", "2022-02-30"],
                                  "error: --published: '2022-02-30' is not valid"),
    "missing file": (lambda tmp: [str(tmp / "nope.txt"), "--published", "2022-08-17"], "error: file: no file "),
    "binary file": (lambda tmp: [_binary(tmp), "--published", "2022-08-17"],
                    "error: file: '{tmp}/image.png' is not valid; expected a UTF-8 text file; it holds binary data"),
    "not UTF-8": (lambda tmp: [_latin1(tmp), "--published", "2022-08-17"],
                  "error: file: '{tmp}/latin1.txt' is not valid; expected a UTF-8 text file; byte 3 is not UTF-8"),
    "a directory": (lambda tmp: [str(tmp), "--published", "2022-08-17"],
                    "error: file: '{tmp}' is not valid; expected a UTF-8 text file, not a directory"),
}


@pytest.mark.parametrize("make_args, expected", list(BAD.values()), ids=list(BAD))
def test_bad_input_is_one_line_on_stderr_and_exit_1(tmp_path, make_args, expected):
    result = _run("extract", *make_args(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected.format(tmp=tmp_path)), lines[0]


def test_missing_published_is_a_usage_error():
    result = _run("extract", str(ARTICLE))
    assert result.exit_code == 2
    assert "--published" in result.stderr


def test_help_names_the_formats():
    result = _run("extract", "--help")
    assert result.exit_code == 0
    assert "--published" in result.stdout and "jsonl" in result.stdout and "table" in result.stdout

"""`timeline import` on the command line: reports, dry runs, and bad files refused in one line with nothing written."""

from __future__ import annotations

import io
import sys

import pytest

from conftest import snapshot
from timeline.synthetic import synthetic_events

HEADER = "title,date,url,source_title,publisher,published,summary"

BAD_FILES = {
    "malformed csv row": (
        "events.csv", f"{HEADER}\nA,2022-01-01,https://a.example/1,A,P,2022-01-02,ok\n\"B,2022,https://b.example,B,P,,\n",
        [], "line 3: row: not well-formed CSV (unexpected end of data)"),
    "csv row with too many cells": (
        "events.csv", f"{HEADER}\nA,2022-01-01,https://a.example/1,A,P,2022-01-02,ok,extra\n",
        [], "line 2: row: 8 cells where the header names 7 columns"),
    "unknown column": (
        "events.csv", f"{HEADER},colour\n", [], "line 1: column: 'colour' is not valid; expected a column of the minimal form"),
    "bad date": (
        "events.csv", f"{HEADER}\nA,2022-01-01,https://a.example/1,A,P,,\nB,2022-02-30,https://a.example/2,B,P,,\n",
        [], "line 3: date: '2022-02-30' is not valid; expected a real calendar date (February 2022 has 28 days)"),
    "missing source": (
        "events.csv", f"{HEADER}\nA,2022-01-01,,A,P,,\n",
        [], "line 2: url: '' is not valid; expected the address of a source: every event needs a source"),
    "event without citations": (
        "events.jsonl", '{"title": "Unsourced", "date": "2022-01-01", "citations": []}\n',
        [], "line 1: source: '' is not valid; expected at least one citation for every event"),
    "unknown stored source": (
        "events.yaml", "- title: Cites nothing real\n  date: 2022-01-01\n  citations: [{source: no-such-source}]\n",
        [], "line 1: source: no source 'no-such-source'; see `timeline sources list`"),
    "yaml python tag": (
        "events.yaml", "- title: !!python/object/apply:os.system ['echo owned']\n  date: 2022-01-01\n",
        [], "line 1: yaml: the tag '!!python/object/apply:os.system' is not allowed"),
    "yaml alias bomb": (
        "events.yaml",
        "".join(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}" if n else '"lol"'] * 9) + "]\n"
                for n in range(9)),
        [], "yaml: its aliases expand to more than 10,000,000 nodes"),
    "json object not list": (
        "events.json", '[{"title": "A", "date": "2022"}, 3]', ["--format", "json"],
        "line 1: not an object; expected a JSON list of event objects"),
    "json not a list": (
        "events.json", '"just text"', [], "line 1: file: not a list; expected a JSON list of event objects"),
    "timelinejs without media url": (
        "timeline.json", '{"events": [{"start_date": {"year": 2022}, "text": {"headline": "H"}}]}', [],
        "event 1: media.url: '' is not valid; expected the address of a source: every event needs a source"),
    "unknown format": ("events.csv", f"{HEADER}\n", ["--format", "xml"],
                       "--format: 'xml' is not valid; expected one of csv, json, jsonl, timelinejs, yaml"),
    "format not told by name": ("events.txt", f"{HEADER}\n", [],
                                "--format: cannot tell the format of 'events.txt' from its name"),
    "not utf-8": ("events.csv", None, [], "line 2: file: not UTF-8 text"),
}


@pytest.mark.parametrize("name, content, options, expected",
                         [(case[0], *case[1:]) for case in BAD_FILES.values()], ids=list(BAD_FILES))
def test_a_bad_file_is_one_line_exit_1_and_writes_nothing(cli, db_url, tmp_path, name, content, options, expected):
    path = tmp_path / name
    if content is None:
        path.write_bytes(f"{HEADER}\nCaf\xe9,2022,https://a.example,A,P,,\n".encode("latin-1"))
    else:
        path.write_text(content, encoding="utf-8")
    before = snapshot(db_url)
    result = cli("import", str(path), *options)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: " + expected), lines[0]
    assert snapshot(db_url) == before


def test_a_file_that_does_not_exist(cli, db_url, tmp_path):
    result = cli("import", str(tmp_path / "nowhere.csv"))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"error: file: '{tmp_path / 'nowhere.csv'}' is not valid; expected a file that exists\n"
    result = cli("import", str(tmp_path))
    assert result.stderr.startswith("error: file: ") and result.stderr.endswith("expected a file, not a folder\n")


def _synthetic_csv(count: int) -> list[str]:
    rows = [HEADER]
    for number, event in enumerate(synthetic_events(count)):
        rows.append(f"{event.title},{event.date},https://news.example.org/{number % 300},Report {number % 300},"
                    f"Wire,2022-01-01,{event.summary}")
    return rows


def test_a_10000_row_csv_with_one_bad_row_near_the_end_changes_nothing(empty_cli, empty_db_url, tmp_path):
    rows = _synthetic_csv(10_000)
    rows[9_991] = rows[9_991].replace(rows[9_991].split(",")[1], "2021-02-29", 1)
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n")
    before = snapshot(empty_db_url)
    result = empty_cli("import", str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("error: line 9992: date: '2021-02-29' is not valid; "
                             "expected a real calendar date (February 2021 has 28 days)\n")
    assert snapshot(empty_db_url) == before


def test_import_then_dry_run_then_import_again(empty_cli, empty_db_url, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("\n".join(_synthetic_csv(30)) + "\n")
    result = empty_cli("import", str(path), "--dry-run")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "dry run of big.csv (csv), nothing written: 30 to add, 0 to change, 0 unchanged, 30 new sources"
    assert len(lines) == 1 + 20 + 1 and lines[1].startswith("  add     ") and lines[-1] == "  ... and 10 more to add"
    assert snapshot(empty_db_url)["events"] == []

    result = empty_cli("import", str(path), "--reason", "spreadsheet from the desk")
    assert result.stdout == "imported big.csv (csv): 30 added, 0 changed, 0 unchanged, 30 new sources\n"
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    from timeline.models import Base

    reason = list(Base.metadata.tables["revisions"].columns.keys()).index("reason")
    assert {row[reason] for row in snapshot(empty_db_url)["revisions"]} == {"spreadsheet from the desk"}

    path.write_text(path.read_text().replace("synthetic report", "report", 2))
    result = empty_cli("import", str(path), "--dry-run")
    assert result.stdout.splitlines()[0] == ("dry run of big.csv (csv), nothing written: "
                                             "0 to add, 2 to change, 28 unchanged")
    assert result.stdout.splitlines()[1].startswith("  change  ")


def test_import_help(cli):
    result = cli("import", "-h")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and "--dry-run" in result.stdout and "timelinejs" in result.stdout


def test_the_progress_bar_draws_only_on_a_terminal(monkeypatch):
    from timeline.cli import output

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with output.import_progress() as advance:
        assert advance is None
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with output.import_progress() as advance:
        assert advance is not None
        advance(5_000, 40, 100)
    assert "importing" in terminal.getvalue()

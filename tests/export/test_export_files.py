"""`timeline export`: the seeded VK-post storyline in each format, checked against golden files and read back."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

VK = ["--tag", "medvedev-vk-post"]


# Every text format; pictures (svg, png) depend on matplotlib's version and fonts, so they are checked by shape.
TEXT_FORMATS = {
    "csv": ("csv", "7 events"), "json": ("json", "7 events"), "jsonl": ("jsonl", "7 events"),
    "markdown": ("md", "7 events"), "html": ("html", "7 events"), "timelinejs": ("timelinejs.json", "7 events"),
    "ics": ("ics", "7 events"), "csl-json": ("csl.json", "11 sources cited by 7 events"),
    "geojson": ("geojson", "3 of 7 events (those with coordinates)"),
}


@pytest.mark.parametrize("format", TEXT_FORMATS)
def test_export_golden(cli, tmp_path, golden, monkeypatch, format):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1660000000")  # the calendar's DTSTAMP
    suffix, written = TEXT_FORMATS[format]
    target = tmp_path / f"vk.{suffix}"
    result = cli("export", "--format", format, "-o", str(target), *VK)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {written} to {target}\n"
    with open(target, encoding="utf-8", newline="") as exported:
        golden(f"export-medvedev-vk-post.{suffix}", exported.read())


def test_every_registered_format_is_tested():
    from timeline.export import WRITERS

    assert set(WRITERS) == set(TEXT_FORMATS) | {"parquet", "png", "svg"}


def test_export_to_stdout_matches_file(cli, tmp_path):
    target = tmp_path / "all.json"
    cli("export", "--format", "json", "-o", str(target))
    assert cli("export", "--format", "json", "-o", "-").stdout == target.read_text(encoding="utf-8")


def test_csv_reads_back_with_pandas(cli):
    text = cli("export", "--format", "csv", "-o", "-", "--from", "2022-06", "--to", "2022-06").stdout
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    docs = json.loads(cli("query", "--from", "2022-06", "--to", "2022-06", "--format", "json").stdout)
    assert list(frame["slug"]) == [d["slug"] for d in docs]
    assert list(frame["date"]) == [d["date"] for d in docs]
    first = json.loads(frame["citations"][0])
    assert first == docs[0]["citations"]


def test_csv_is_spreadsheet_safe_unless_raw(cli):
    cli("add", "--title", "=HYPERLINK(\"http://evil.example\",\"click\")", "--date", "2022-05-01",
        "--slug", "2022-05-01-formula", "--source", "afp-2022-06-war-strains-ties")
    safe = cli("export", "--format", "csv", "-o", "-", "--text", "hyperlink").stdout
    raw = cli("export", "--format", "csv", "-o", "-", "--text", "hyperlink", "--raw").stdout
    safe_title = pd.read_csv(io.StringIO(safe), dtype=str)["title"][0]
    raw_title = pd.read_csv(io.StringIO(raw), dtype=str)["title"][0]
    assert safe_title == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert raw_title == "=HYPERLINK(\"http://evil.example\",\"click\")"


def test_no_overwrite_without_force(cli, tmp_path):
    target = tmp_path / "exports" / "out.md"
    target.parent.mkdir()
    target.write_text("keep me", encoding="utf-8")
    refused = cli("export", "--format", "markdown", "-o", str(target))
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"error: -o: '{target}' is not valid; expected a path that does not exist yet")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert cli("export", "--format", "markdown", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Chronology\n")
    assert [p.name for p in target.parent.iterdir()] == ["out.md"]  # no temp file left behind


def test_never_writes_over_the_database(cli, db_url, backend):
    if backend != "sqlite":
        pytest.skip("only a SQLite database is a file")
    for path in (db_url, db_url + "-wal"):
        result = cli("export", "--format", "csv", "-o", path, "--force")
        assert result.exit_code == 1
        assert "is not valid; expected a path that is not the database" in result.stderr


def test_markdown_groups_by_year_and_month_with_numbered_notes(cli):
    text = cli("export", "--format", "markdown", "-o", "-", "--from", "2022-01-05", "--to", "2022-01-09").stdout
    assert text.startswith("# Chronology\n\n## 2022\n\n### January 2022\n")
    assert "\n## Sources\n\n1. " in text
    assert "*(Disputed" in text


@pytest.mark.parametrize("make, args, message", [
    (lambda p: p.mkdir(), [], "expected a file path, not a folder"),
    (lambda p: None, ["nowhere/x"], "expected a path in an existing folder"),
    (lambda p: p.write_bytes(b"keep"), [], "expected a path that does not exist yet (or add --force to replace it)"),
])
@pytest.mark.parametrize("format", ["parquet", "markdown", "ics", "html"])
def test_bad_output_paths_are_one_line_and_write_nothing(cli, tmp_path, make, args, message, format):
    from conftest import snapshot

    target = tmp_path / "out" / "file"
    target.parent.mkdir()
    make(target)
    path = str(target.parent / args[0]) if args else str(target)
    before = snapshot(cli.url)
    kept = sorted(p.name for p in target.parent.iterdir())
    result = cli("export", "--format", format, "-o", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: -o: '{path}' is not valid; {message}") and result.stderr.count("\n") == 1
    assert sorted(p.name for p in target.parent.iterdir()) == kept
    assert snapshot(cli.url) == before


def test_unknown_format_is_a_usage_error(cli):
    result = cli("export", "--format", "docx", "-o", "-")
    assert result.exit_code == 2 and "docx" in result.stderr


@pytest.mark.parametrize("format", ["parquet", "png", "html"])
def test_binary_and_page_formats_never_write_over_the_database(cli, db_url, backend, format):
    if backend != "sqlite":
        pytest.skip("only a SQLite database is a file")
    for path in (db_url, db_url + "-wal", db_url + "-shm"):
        result = cli("export", "--format", format, "-o", path, "--force")
        assert result.exit_code == 1
        assert "is not valid; expected a path that is not the database" in result.stderr


def test_binary_to_a_terminal_is_refused(cli):
    import os
    import subprocess
    import sys

    terminal, screen = os.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "timeline", "--db", cli.url, "export", "-f", "parquet", "-o", "-"],
                              stdout=screen, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(screen)
        os.close(terminal)
    assert done.returncode == 1
    assert done.stderr == ("error: -o: '-' is not valid; expected a file path "
                           "(parquet is binary and standard output is a terminal)\n")


def test_a_failed_writer_leaves_no_file(cli, tmp_path, monkeypatch):
    """The writer raising half-way (disk full, a bug) leaves neither the target nor a temporary file."""
    import timeline.export.tabular as tabular

    def broken(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(tabular, "write_parquet", broken)
    monkeypatch.setattr(tabular, "write_parquet_rows", broken)  # what the CLI calls: rows as they are read
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OSError):
        cli("export", "--format", "parquet", "-o", str(folder / "events.parquet"))
    assert list(folder.iterdir()) == []

"""`timeline export`: the seeded VK-post storyline in each format, checked against golden files and read back."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

VK = ["--tag", "medvedev-vk-post"]


@pytest.mark.parametrize("format, suffix", [("csv", "csv"), ("json", "json"), ("jsonl", "jsonl"), ("markdown", "md")])
def test_export_golden(cli, tmp_path, golden, format, suffix):
    target = tmp_path / f"vk.{suffix}"
    result = cli("export", "--format", format, "-o", str(target), *VK)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote 7 events to {target}\n"
    golden(f"export-medvedev-vk-post.{suffix}", target.read_text(encoding="utf-8"))


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

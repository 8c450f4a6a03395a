"""CSV and Parquet read back by their real consumers, pandas and DuckDB, exactly as the documents say."""

from __future__ import annotations

import io
import json

import duckdb
import pandas as pd
import pytest

from timeline.export.tabular import COLUMNS

JUNE = ["--from", "2022-06", "--to", "2022-06"]


@pytest.fixture
def june(cli):  # type: ignore[no-untyped-def]
    return json.loads(cli("query", *JUNE, "--format", "json").stdout)


def _export(cli, tmp_path, format: str, *args: str):  # type: ignore[no-untyped-def]
    target = tmp_path / f"events.{format}"
    result = cli("export", "--format", format, "-o", str(target), *args)
    assert result.exit_code == 0, result.stderr
    return target


def test_parquet_reads_back_with_pandas(cli, tmp_path, june):
    frame = pd.read_parquet(_export(cli, tmp_path, "parquet", *JUNE))
    assert list(frame.columns) == COLUMNS
    assert list(frame["id"]) == [doc["id"] for doc in june]
    assert frame["id"].dtype == "int64" and frame["lat"].dtype == "float64"
    assert list(frame["slug"]) == [doc["slug"] for doc in june]
    assert [json.loads(cell) for cell in frame["citations"]] == [doc["citations"] for doc in june]
    with_place = frame.dropna(subset=["lat"])
    assert list(zip(with_place["lat"], with_place["lon"])) == [(d["lat"], d["lon"]) for d in june if d["lat"] is not None]


def test_parquet_reads_back_with_duckdb(cli, tmp_path, june):
    path = _export(cli, tmp_path, "parquet", *JUNE)
    with duckdb.connect() as connection:
        rows = connection.execute(
            "SELECT id, slug, date, status, start_earliest FROM read_parquet(?) ORDER BY start_earliest, id",
            [str(path)]).fetchall()
        types = dict(connection.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
                                        [str(path)]).fetchall())
    by_date = sorted(june, key=lambda d: (d["start_earliest"], d["id"]))
    assert rows == [(d["id"], d["slug"], d["date"], d["status"], d["start_earliest"]) for d in by_date]
    assert types["id"] == "BIGINT" and types["lat"] == "DOUBLE" and types["notes"] == "VARCHAR"


def test_csv_reads_back_with_duckdb(cli, tmp_path, june):
    path = _export(cli, tmp_path, "csv", *JUNE)
    with duckdb.connect() as connection:
        rows = connection.execute("SELECT slug, title, citations FROM read_csv(?, header=true, all_varchar=true)",
                                  [str(path)]).fetchall()
    assert [row[0] for row in rows] == [doc["slug"] for doc in june]
    assert [row[1] for row in rows] == [doc["title"] for doc in june]
    assert [json.loads(row[2]) for row in rows] == [doc["citations"] for doc in june]


def test_parquet_is_lossless_where_csv_is_spreadsheet_safe(cli, tmp_path):
    cli("add", "--title", "=HYPERLINK(\"http://evil.example\",\"click\")", "--date", "2022-05-01",
        "--slug", "2022-05-01-formula", "--source", "afp-2022-06-war-strains-ties")
    frame = pd.read_parquet(_export(cli, tmp_path, "parquet", "--text", "hyperlink"))
    assert frame["title"][0] == "=HYPERLINK(\"http://evil.example\",\"click\")"
    csv = pd.read_csv(io.StringIO(cli("export", "-f", "csv", "-o", "-", "--text", "hyperlink").stdout), dtype=str)
    assert csv["title"][0].startswith("'=")


def test_empty_export_keeps_columns_and_types(cli, tmp_path):
    frame = pd.read_parquet(_export(cli, tmp_path, "parquet", "--text", "no event says this"))
    assert list(frame.columns) == COLUMNS and len(frame) == 0
    assert frame["id"].dtype == "int64"


def test_parquet_to_stdout_is_the_same_file(cli, tmp_path):
    path = _export(cli, tmp_path, "parquet", *JUNE)
    from typer.testing import CliRunner

    from timeline.cli import app

    piped = CliRunner().invoke(app, ["--db", cli.url, "export", "-f", "parquet", "-o", "-", *JUNE])
    assert piped.exit_code == 0
    assert pd.read_parquet(io.BytesIO(piped.stdout_bytes)).equals(pd.read_parquet(path))

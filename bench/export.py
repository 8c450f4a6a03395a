"""Export benchmark: our CSV and Parquet exports of the whole chronology against DuckDB's COPY of the same rows.

Owns the export measurement. Ours reads the events from the database and writes them, streamed in batches,
through the path `timeline export --format csv|parquet` takes. DuckDB's sqlite extension is downloaded on
first use, so offline it cannot read our file: DuckDB copies the same flat rows (loaded, untimed, from our
Parquet file into a DuckDB table) to a file: the practical limit for writing such a file.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable
from pathlib import Path

from bench.common import Result, Timer
from timeline.export import export_rows
from timeline.store import EventQuery, query_flat_rows

# pandas holds every row in memory: measured as a peer up to this size only.
PANDAS_LIMIT = 1_000_000


def _ours(database, format: str, path: Path) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    with Timer() as timer, database.reading() as session:
        if format == "csv":
            stream = path.open("w", encoding="utf-8", newline="")
        else:
            stream = path.open("wb")
        with stream:
            export_rows(lambda: query_flat_rows(session=session, query=EventQuery()), format, stream)
    return timer.seconds


def _median(action: Callable[[], float], repeat: int) -> float:
    return statistics.median(action() for _ in range(repeat))


def _timed(action: Callable[[], object]) -> float:
    gc.collect()
    with Timer() as timer:
        action()
    return timer.seconds


def run(database, engine: str, size: int, folder: Path, repeat: int) -> list[Result]:  # type: ignore[no-untyped-def]
    """Time both formats both ways; every file is removed afterwards."""
    import duckdb

    ours_csv, ours_parquet = folder / "export-ours.csv", folder / "export-ours.parquet"
    ours = {format: _median(lambda: _ours(database, format, path), repeat)
            for format, path in (("csv", ours_csv), ("parquet", ours_parquet))}
    ours_csv.unlink()

    duck_file = folder / "export-reference.duckdb"
    duck_file.unlink(missing_ok=True)
    duck = duckdb.connect(str(duck_file))
    duck.execute("CREATE TABLE flat_rows AS SELECT * FROM read_parquet(?)", [str(ours_parquet)])
    assert duck.execute("SELECT count(*) FROM flat_rows").fetchone() == (size,)
    reference = {}
    for format, options in (("csv", "FORMAT csv, HEADER true"), ("parquet", "FORMAT parquet")):
        target = folder / f"export-duckdb.{format}"
        reference[format] = _median(
            lambda: _timed(lambda: duck.execute(f"COPY (SELECT * FROM flat_rows) TO '{target}' ({options})")), repeat)
        target.unlink()
    duck.close()
    duck_file.unlink()

    peers: dict[str, dict[str, float]] = {"csv": {}, "parquet": {}}
    if size <= PANDAS_LIMIT:
        import pandas as pd

        frame = pd.read_parquet(ours_parquet)
        target = folder / "export-pandas"
        peers["csv"]["pandas to_csv"] = size / _median(
            lambda: _timed(lambda: frame.to_csv(target, index=False, lineterminator="\n")), repeat)
        peers["parquet"]["pandas to_parquet"] = size / _median(
            lambda: _timed(lambda: frame.to_parquet(target, index=False)), repeat)
        target.unlink()
        del frame
    ours_parquet.unlink()
    return [
        Result(f"export to {format.upper()}, every event with its citations (rows/s)", engine, size,
               size / ours[format], size / reference[format], "DuckDB COPY from its own table", "rows/s",
               target=0.5, peers=peers[format])
        for format in ("csv", "parquet")
    ]

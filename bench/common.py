"""Shared helpers for the benchmarks: timing, fresh databases, and the result table.

Owns measurement plumbing only; each benchmark module owns what it measures.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

from timeline.bootstrap import initialise
from timeline.db import Database, resolve_url

__all__ = ["Result", "Timer", "fresh_database", "median_time", "print_results"]


@dataclass
class Result:
    """One measured figure beside the reference it is compared with, measured in the same run."""

    benchmark: str
    engine: str
    size: int
    ours: float
    reference: float
    reference_name: str
    unit: str  # "rows/s" (higher is better) or "s" (lower is better)
    target: float | None = None  # the ratio we aim for
    peers: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """ours / reference for throughputs, reference / ours for times: above 1 means faster."""
        if self.unit == "s":
            return self.reference / self.ours if self.ours else float("inf")
        return self.ours / self.reference if self.reference else float("inf")

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "met" if self.ratio >= self.target else "NOT met"


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        with Timer() as timer:
            action()
        times.append(timer.seconds)
    return statistics.median(times)


def fresh_database(engine: str, folder: Path, name: str, pg_url: str | None) -> Database:
    """A migrated, empty database on SQLite (a file in `folder`) or PostgreSQL (a new database)."""
    if engine == "sqlite":
        path = folder / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        database = Database.open(path)
    else:
        assert pg_url is not None
        admin = create_engine(resolve_url(pg_url), isolation_level="AUTOCOMMIT")
        db_name = f"timeline_bench_{name}_{os.getpid()}"
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{db_name}"'))
        admin.dispose()
        from sqlalchemy.engine import make_url

        database = Database(make_url(resolve_url(pg_url)).set(database=db_name).render_as_string(hide_password=False))
    initialise(database, seed=False)
    return database


def drop_database(database: Database, pg_url: str | None) -> None:
    database.dispose()
    if database.is_sqlite or pg_url is None:
        return
    from sqlalchemy.engine import make_url

    admin = create_engine(resolve_url(pg_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(database.url).database}" WITH (FORCE)'))
    admin.dispose()


def _figure(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.1f} s"
    return f"{value:,.0f} {unit}"


def print_results(results: list[Result]) -> str:
    """A Markdown table of every result; returned too, for bench/README.md."""
    lines = [
        "| benchmark | engine | size | ours | reference | ratio | target | peers |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        peers = "; ".join(f"{name} {_figure(v, r.unit)}" for name, v in r.peers.items())
        target = f">= {r.target:g}x ({r.verdict})" if r.target is not None else ""
        lines.append(
            f"| {r.benchmark} | {r.engine} | {r.size:,} | {_figure(r.ours, r.unit)} | "
            f"{r.reference_name} {_figure(r.reference, r.unit)} | {r.ratio:.2f}x | {target} | {peers} |"
        )
    table = "\n".join(lines)
    print(table, flush=True)
    return table

"""Run the benchmark suite and print every figure beside a reference measured in the same run.

    python bench/run.py --quick            # about a minute: 20,000 events, SQLite and PostgreSQL
    python bench/run.py                    # 1M and 10M events on SQLite, 1M on PostgreSQL
    python bench/run.py --sizes 1000000 --pg-sizes    # 1M events on SQLite only
    python bench/run.py --update-readme    # also write the table into bench/README.md

PostgreSQL runs against TIMELINE_BENCH_PG (default: the local test server) when it answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import export, load, query, startup  # noqa: E402
from bench.common import Result, drop_database, print_results  # noqa: E402

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
# The export target is stated at 1M events; at 10M the export alone would take about half an hour here.
EXPORT_LIMIT = 1_000_000


def _pg_url(given: str | None) -> str | None:
    url = given or os.environ.get("TIMELINE_BENCH_PG") or DEFAULT_PG
    try:
        from sqlalchemy import create_engine, text

        from timeline.db import resolve_url

        engine = create_engine(resolve_url(url))
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return url
    except Exception as exc:  # the suite still runs on SQLite
        print(f"bench: PostgreSQL at {url} not reachable ({exc.__class__.__name__}); SQLite only", file=sys.stderr)
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 events: under a minute")
    parser.add_argument("--sizes", type=int, nargs="*", help="SQLite sizes (default 1000000 10000000; none: PostgreSQL only)")
    parser.add_argument("--pg-sizes", type=int, nargs="*", help="PostgreSQL sizes (default 1000000)")
    parser.add_argument("--pg", help="PostgreSQL URL (default: TIMELINE_BENCH_PG or the local test server)")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions per timed query")
    parser.add_argument("--update-readme", action="store_true", help="write the table into bench/README.md")
    args = parser.parse_args()

    sizes = args.sizes if args.sizes is not None else ([20_000] if args.quick else [1_000_000, 10_000_000])
    pg_sizes = args.pg_sizes if args.pg_sizes is not None else ([20_000] if args.quick else [1_000_000])
    repeat = args.repeat or (5 if args.quick else 9)
    pg_url = _pg_url(args.pg) if pg_sizes else None
    folder = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    results: list[Result] = []
    runs = [("sqlite", size) for size in sizes] + ([("postgresql", size) for size in pg_sizes] if pg_url else [])
    for engine, size in runs:
        print(f"bench: {engine}, {size:,} events ...", file=sys.stderr, flush=True)
        loaded, database = load.run(engine, size, folder, pg_url, with_peers=engine == "sqlite" and size == sizes[0])
        results.append(loaded)
        if not database.is_sqlite:
            with database.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
        results.append(query.run(database, engine, size, 0.0002, "within", repeat))
        results.append(query.run(database, engine, size, 0.01, "overlaps", repeat))
        if size <= EXPORT_LIMIT:
            results += export.run(database, engine, size, folder, repeat=3 if args.quick else 1)
        if engine == "sqlite" and sizes and size == sizes[-1]:
            assert database.path is not None
            results.append(startup.run(database.path, size, repeat))
        drop_database(database, pg_url)
    table = print_results(results)
    if args.update_readme:
        _write_readme(table, quick=args.quick)


def _command() -> str:
    """The command as run, without --update-readme, so the README says what produced its table."""
    return " ".join(["python bench/run.py", *(a for a in sys.argv[1:] if a != "--update-readme")])


def _write_readme(table: str, *, quick: bool) -> None:
    path = ROOT / "bench" / "README.md"
    text = path.read_text(encoding="utf-8")
    stamp = (f"Measured {dt.date.today().isoformat()} on {platform.node() or 'this machine'}: "
             f"{os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{'quick run' if quick else 'run'}: `{_command()}`.")
    block = f"<!-- results -->\n{stamp}\n\n{table}\n<!-- /results -->"
    path.write_text(re.sub(r"<!-- results -->.*?<!-- /results -->", lambda _m: block, text, flags=re.S),
                    encoding="utf-8")


if __name__ == "__main__":
    main()

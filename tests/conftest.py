"""Test databases on SQLite and, when TIMELINE_TEST_DATABASE_URL is set, PostgreSQL.

Every test that asks for `db_url` (seeded) or `empty_db_url` runs once per backend, each on a
fresh database: SQLite copies a migrated template file, PostgreSQL clones a template database.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from timeline.bootstrap import initialise
from timeline.db import Database, resolve_url
from timeline.seed import read_seed_files

PG_URL = os.environ.get("TIMELINE_TEST_DATABASE_URL")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]
_RUN = uuid.uuid4().hex[:8]
_counter = itertools.count()


GOLDEN = Path(__file__).parent / "golden"
# How many events a freshly seeded database holds: tests count from the seed files, not a typed number.
SEED_EVENTS = len(read_seed_files().events)

pytest_plugins = ["exporting"]  # browser, TimelineJS and hostile-chronology fixtures for tests/export


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite the golden files in tests/golden/ from the current output.")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with tests/golden/NAME; rewrite it only under --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="")
        assert path.exists(), f"no golden file {path}; run pytest --update-golden once and review it"
        # bytes, not read_text(): universal newlines would hide a CRLF the format requires (iCalendar)
        assert actual == path.read_bytes().decode("utf-8"), f"output differs from {path}"

    return check


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test touches the user's real database or depends on the caller's settings."""
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    monkeypatch.setenv("TIMELINE_AUTHOR", "tester")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("COLUMNS", "120")


class _Postgres:
    """Creates databases on the test server from templates, and drops them afterwards."""

    def __init__(self, url: str) -> None:
        self.url = resolve_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")

    def url_for(self, name: str) -> str:
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            suffix = f' TEMPLATE "{template}"' if template else ""
            connection.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
        return self.url_for(name)

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@dataclass
class _Templates:
    seeded: str
    empty: str


def _prepare(url: str, *, seed: bool) -> None:
    database = Database(url)
    try:
        initialise(database, seed=seed)
    finally:
        database.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[_Postgres | None]:
    if not PG_URL:
        yield None
        return
    server = _Postgres(PG_URL)
    yield server
    server.admin.dispose()


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory, postgres: _Postgres | None) -> Iterator[dict[str, _Templates]]:
    folder = tmp_path_factory.mktemp("templates")
    made: dict[str, _Templates] = {}
    seeded, empty = folder / "seeded.db", folder / "empty.db"
    _prepare(f"sqlite:///{seeded}", seed=True)
    _prepare(f"sqlite:///{empty}", seed=False)
    made["sqlite"] = _Templates(str(seeded), str(empty))
    names: list[str] = []
    if postgres is not None:
        names = [f"tl_tpl_seeded_{_RUN}", f"tl_tpl_empty_{_RUN}"]
        _prepare(postgres.create(names[0]), seed=True)
        _prepare(postgres.create(names[1]), seed=False)
        made["postgresql"] = _Templates(names[0], names[1])
    yield made
    for name in names:
        assert postgres is not None
        postgres.drop(name)


def _fresh(backend: str, which: str, templates: dict[str, _Templates], postgres: _Postgres | None,
           tmp_path: Path) -> Iterator[str]:
    template = getattr(templates[backend], which)
    if backend == "sqlite":
        target = tmp_path / f"{which}.db"
        shutil.copyfile(template, target)
        yield str(target)
        return
    assert postgres is not None
    name = f"tl_{_RUN}_{next(_counter)}"
    url = postgres.create(name, template=template)
    try:
        yield url
    finally:
        postgres.drop(name)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def db_url(backend: str, templates: dict[str, _Templates], postgres: _Postgres | None, tmp_path: Path) -> Iterator[str]:
    """A fresh database holding the seed chronology: a SQLite path or a PostgreSQL URL."""
    yield from _fresh(backend, "seeded", templates, postgres, tmp_path)


@pytest.fixture
def empty_db_url(backend: str, templates: dict[str, _Templates], postgres: _Postgres | None,
                 tmp_path: Path) -> Iterator[str]:
    """A fresh migrated database with no events."""
    yield from _fresh(backend, "empty", templates, postgres, tmp_path)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = Database.open(db_url)
    yield db
    db.dispose()


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


class Cli:
    """Runs `timeline --db URL ...` in-process and keeps stdout and stderr apart."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> CliResult:
        from timeline.cli import app

        result = self.runner.invoke(app, ["--db", self.url, *args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return CliResult(result.exit_code, result.stdout, result.stderr)


def assert_refused(result: CliResult, expected: str) -> None:
    """A user mistake: exit code 1, nothing on stdout, one line on stderr that starts 'error: EXPECTED'."""
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: " + expected), lines[0]
    assert "Traceback" not in result.stderr


@pytest.fixture
def cli(db_url: str) -> Cli:
    return Cli(db_url)


@pytest.fixture
def empty_cli(empty_db_url: str) -> Cli:
    return Cli(empty_db_url)


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order: to prove a failed command wrote nothing."""
    from sqlalchemy import select

    from timeline.models import Base

    db = Database.open(url)
    try:
        with db.engine.connect() as connection:
            return {
                table.name: [tuple(row) for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns))]
                for table in Base.metadata.sorted_tables
            }
    finally:
        db.dispose()


def search_index(path: str | Path) -> list[tuple]:
    """The rows of SQLite's full-text table, which snapshot() leaves out (it follows the models)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT rowid, search_text FROM events_fts ORDER BY rowid").fetchall()
    finally:
        connection.close()


def damage(path: str | Path) -> None:
    """Make an index disagree with its table: damage that integrity_check reports and queries survive."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_schema SET sql = 'CREATE INDEX ix_events_country ON events (title)' "
                           "WHERE name = 'ix_events_country'")
        connection.commit()
    finally:
        connection.close()


def storage_findings(url: str | Path) -> list[str]:
    """What `timeline check` says of the storage (integrity, keys, search index), its lint left out."""
    from timeline.check import LINT_CODES, check_database

    db = Database.open(url)
    try:
        return [finding.line() for finding in check_database(db, ignore=LINT_CODES)]
    finally:
        db.dispose()

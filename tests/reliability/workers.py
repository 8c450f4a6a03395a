"""Child processes for the reliability tests: writers that go through the library as users do.

Run as `python workers.py COMMAND URL ...`; each prints what it acknowledged, one JSON line or
one line per commit, flushed, so the parent knows exactly which transactions were committed.
BatchWriters is the parent's side of `batches`.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from timeline.db import Database
from timeline.models import Event
from timeline.store import CitationInput, EventInput, SourceInput, add_event, cite
from timeline.store.bulk import load_events

SHARED_TITLES = 10
WRITER_TITLE = "Concurrent writer event"


def _wait_for(go: Path) -> None:
    """Start together with the other writers, to make the transactions collide."""
    while not go.exists():
        time.sleep(0.005)


def _source(token: str) -> SourceInput:
    return SourceInput(key=token, title=f"Report {token}", url=f"https://news.example.org/{token}",
                       publisher=f"Publisher {token}", published="2022-05-03")


def _citation(token: str) -> CitationInput:
    return CitationInput(source=_source(token), quote=token)


def check_then_insert(url: str, writer: int, transactions: int, go: str) -> None:
    """Transactions that each look before they write, twice over.

    First the check-then-insert the RELIABILITY figures are about: the event with a shared
    title is added if absent, else cited again; then an event whose generated slug collides
    with every other writer's. Prints {committed tokens, locked errors, other errors}.
    """
    database = Database.open(url)
    committed, locked, failed = [], 0, []
    _wait_for(Path(go))
    for number in range(transactions):
        token = f"w{writer}-t{number}"
        try:
            with database.writing() as session:
                title = f"Shared event {number % SHARED_TITLES}"
                existing = session.scalar(select(Event.id).where(Event.title == title))
                if existing is None:
                    add_event(session=session, event=EventInput(title=title, date="2022-05-01",
                                                                citations=[_citation(token)]))
                else:
                    cite(session=session, event_ref=existing, citation=_citation(token))
                add_event(session=session, event=EventInput(title=WRITER_TITLE, date="2022-05-02", summary=token,
                                                            citations=[CitationInput(source=token)]))
            committed.append(token)
        except DBAPIError as err:
            if "locked" in str(err.orig):
                locked += 1
            else:
                failed.append(f"{err.__class__.__name__}: {err.orig}")
    database.dispose()
    print(json.dumps({"committed": committed, "locked": locked, "failed": failed}), flush=True)


def batches(url: str, writer: int, size: int, go: str, stop: str) -> None:
    """Bulk transactions of `size` new events, each citing a new source, until `stop` exists.

    Prints `committed N` after each commit. A short pause between transactions keeps the
    database growing at a pace the readers' checks can follow on a shared machine.
    """
    database = Database.open(url)
    _wait_for(Path(go))
    number = 0
    while not Path(stop).exists():
        tokens = [f"b{writer}-{number}-{item}" for item in range(size)]
        with database.writing() as session:
            load_events(session=session, events=[
                # Titles with nothing in common, so that `check` sees no likely duplicates among them.
                (None, EventInput(title=f"Batch {hashlib.sha1(token.encode()).hexdigest()[:12]}",
                                  slug=f"batch-{token}", date="2022-05-04",
                                  citations=[_citation(token)]))
                for token in tokens
            ])
        print(f"committed {number}", flush=True)
        number += 1
        time.sleep(0.02)
    database.dispose()


class BatchWriters:
    """Runs `batches` writers for the length of a with-block; `batches` then says how many they committed.

    Every writer has committed once before the block starts, so whatever the block does runs under load.
    """

    def __init__(self, url: str, folder: Path, *, writers: int, size: int) -> None:
        self.go, self.stop = folder / "go", folder / "stop"
        self.logs = [(folder / f"writer-{writer}.err").open("w") for writer in range(writers)]
        self.children = [
            subprocess.Popen([sys.executable, __file__, "batches", url, str(writer), str(size), str(self.go),
                              str(self.stop)], stdout=subprocess.PIPE, stderr=log, text=True)
            for writer, log in enumerate(self.logs)
        ]
        self.batches = 0

    def __enter__(self) -> BatchWriters:
        self.go.touch()
        for child in self.children:
            assert child.stdout is not None
            self.batches += child.stdout.readline().startswith("committed")
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.touch()
        for child, log in zip(self.children, self.logs):
            assert child.stdout is not None
            with child.stdout:  # the rest of its report, through the buffer its first line was read from
                self.batches += child.stdout.read().count("committed")
            child.wait(timeout=600)
            log.close()
        failed = [Path(log.name).read_text() for child, log in zip(self.children, self.logs) if child.returncode]
        assert not failed, failed


def bulk_load(url: str, run: int, count: int) -> None:
    """Acknowledge one small transaction, then bulk-load `count` synthetic events in one transaction.

    Prints `ack SLUG` once the small one is committed, `batch` after each thousand events of
    the load, and `done` once the load is committed; the parent kills it somewhere in between.
    """
    import dataclasses

    from timeline.synthetic import synthetic_events, to_event_input

    database = Database.open(url)
    slug = f"run-{run}-acknowledged"
    with database.writing() as session:
        add_event(session=session, event=EventInput(title=f"Acknowledged before run {run}", slug=slug,
                                                    date="2022-05-05", citations=[_citation(f"ack-{run}")]))
    print(f"ack {slug}", flush=True)
    events = (
        (None, dataclasses.replace(to_event_input(event), slug=f"run-{run}-{event.slug}"))
        for event in synthetic_events(count, seed=run)
    )
    with database.writing() as session:
        load_events(session=session, events=events, batch_size=1_000,
                    progress=lambda _done: print("batch", flush=True))
    print("done", flush=True)


COMMANDS = {"check-then-insert": check_then_insert, "batches": batches, "bulk-load": bulk_load}

if __name__ == "__main__":
    command, url, *numbers = sys.argv[1:]
    COMMANDS[command](url, *[int(n) if n.isdigit() else n for n in numbers])

"""Importing a file of events: read, key, complete from the stored events, load in one transaction.

Owns `import_file` and its report; every write goes through timeline.store.bulk, nothing here prints.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from timeline.errors import InvalidValue, TimelineError
from timeline.importers.keys import with_natural_slug
from timeline.importers.reading import InputFile, Row, located
from timeline.importers.registry import reader_for
from timeline.importers.stored import completed_rows
from timeline.store.bulk import load_events

__all__ = ["ImportReport", "import_file"]

# (events loaded so far, how far through the file, the file's total) in the reader's unit.
Progress = Callable[[int, int, int], None]


@dataclass
class ImportReport:
    file: str
    format: str
    dry_run: bool
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    sources_added: int = 0


def _keyed(rows: Iterable[Row]) -> Iterator[Row]:
    """Rows with their natural key: the slug given, else the documented hash (see keys.py)."""
    for row in rows:
        if row.event.slug:
            yield row
            continue
        try:
            event = with_natural_slug(row.event)
        except TimelineError as err:
            raise located(row.label, err) from None
        yield dataclasses.replace(row, event=event)


def _opened(path: Path) -> BinaryIO:
    if not path.exists():
        raise InvalidValue("file", str(path), "a file that exists")
    if path.is_dir():
        raise InvalidValue("file", str(path), "a file, not a folder")
    try:
        return path.open("rb")
    except OSError as err:
        raise TimelineError(f"file: cannot read {str(path)!r} ({err.strerror})") from None


def import_file(
    *,
    session: Session,
    path: str | os.PathLike[str],
    format: str | None = None,
    reason: str | None = None,
    dry_run: bool = False,
    raw: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every event in the file, or none: a bad row raises an error naming its line and field.

    Events are matched to stored ones by their natural key; a matching event is replaced in
    what the file gives and keeps the rest. With `dry_run` the work is done and rolled back.
    """
    path = Path(path)
    if format is not None:
        reader_for(format, path)
    with _opened(path) as handle:
        file = InputFile(path.name, handle, os.fstat(handle.fileno()).st_size)
        reader = reader_for(format, path, file)
        reading = reader.load()(file, raw=raw)
        loaded_so_far = 0

        def advance(count: int) -> None:
            nonlocal loaded_so_far
            loaded_so_far += count
            if progress is not None:
                progress(loaded_so_far, *reading.position())

        rehearsal = session.begin_nested() if dry_run else None
        try:
            loaded = load_events(
                session=session,
                events=completed_rows(session, _keyed(reading.rows)),
                reason=reason or f"import of {path.name}",
                progress=advance,
            )
        finally:
            if rehearsal is not None:
                rehearsal.rollback()
    return ImportReport(
        file=str(path), format=reader.name, dry_run=dry_run, added=loaded.added_slugs,
        changed=loaded.changed_slugs, unchanged=loaded.unchanged, sources_added=loaded.sources_added,
    )

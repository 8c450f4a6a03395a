"""What every reader yields: rows of events with where they came from and what they leave out.

Owns the reader interface and the location prefix of read errors; opens no files, touches no database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from timeline.errors import TimelineError
from timeline.store.events import EventInput

__all__ = ["InputFile", "PARTS", "Reading", "Row", "counted", "located"]

# The parts of an event a file may leave out; a stored event keeps the parts its row leaves out.
# Title and date are always given. "citations" left out means the row's citations replace only
# the stored citations of the same sources; "citation_details" are a citation's language,
# translation note and quote offsets, which the exported document does not carry.
PARTS = frozenset({
    "summary", "kind", "tags", "place", "country", "lat", "lon", "actors", "notes", "status", "origin",
    "links", "citations", "citation_details",
})


@dataclass(frozen=True)
class Row:
    label: str  # where the event is in the file: "line 12", "event 3"
    event: EventInput
    missing: frozenset[str]  # PARTS the row does not give


@dataclass
class Reading:
    rows: Iterator[Row]
    # How far through the file the rows are, as (done, total) in the reader's own unit.
    position: Callable[[], tuple[int, int]]


def counted(rows: Iterator[Row], total: int) -> Reading:
    """A Reading whose position is the number of rows taken, for a file parsed whole into `total` items."""
    done = 0

    def counting() -> Iterator[Row]:
        nonlocal done
        for row in rows:
            done += 1
            yield row

    return Reading(rows=counting(), position=lambda: (done, total))


def located(label: str, err: TimelineError) -> TimelineError:
    """The error, prefixed with where in the file it was found."""
    return TimelineError(f"{label}: {err}")


class InputFile:
    """An opened file of events: its text, streamed or whole, and how much of it has been read."""

    def __init__(self, name: str, handle: BinaryIO, size: int) -> None:
        self.name, self.handle, self.size = name, handle, size

    def lines(self) -> Iterator[str]:
        """The text line by line, streamed; a byte that is not UTF-8 is reported with its line."""
        for number, data in enumerate(self.handle, start=1):
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise TimelineError(f"line {number}: file: not UTF-8 text") from None
            # Spreadsheets often save CSV with a byte-order mark.
            yield text.removeprefix("\ufeff") if number == 1 else text

    def whole(self, limit: int, hint: str) -> str:
        """All the text at once, for formats that cannot be streamed; refused beyond `limit` bytes."""
        if self.size > limit:
            raise TimelineError(f"file: {self.size:,} bytes is more than the {limit:,} this format may have; {hint}")
        data = self.handle.read()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            raise TimelineError(f"line {line}: file: not UTF-8 text (byte {err.start})") from None

    def position(self) -> tuple[int, int]:
        return self.handle.tell(), self.size

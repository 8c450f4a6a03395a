"""JSON files of events: a list of the event documents `export --format json` writes.

Owns reading a JSON array item by item, each labelled with the line it starts on; no database.
The text is read whole (JSON cannot be streamed with the standard library), the items are
decoded one at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from timeline.errors import TimelineError
from timeline.importers.documents import document_row
from timeline.importers.reading import InputFile, Reading, Row

__all__ = ["read_json"]

MAX_BYTES = 1_000_000_000
_WHITESPACE = " \t\n\r"
_EXPECTED = "a JSON list of event objects, as `export --format json` writes"


class _Walk:
    """A cursor over the text of a JSON array, counting lines as it goes."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.line, self._counted = text, 0, 1, 0
        self.decoder = json.JSONDecoder()

    def skip_space(self) -> str:
        while self.at < len(self.text) and self.text[self.at] in _WHITESPACE:
            self.at += 1
        self.line += self.text.count("\n", self._counted, self.at)
        self._counted = self.at
        return self.text[self.at : self.at + 1]

    def decode(self) -> object:
        try:
            value, self.at = self.decoder.raw_decode(self.text, self.at)
        except json.JSONDecodeError as err:
            raise TimelineError(f"line {err.lineno}: file: not valid JSON ({err.msg})") from None
        return value


def _rows(text: str, walk: _Walk) -> Iterator[Row]:
    if walk.skip_space() != "[":
        if walk.at < len(text):
            walk.decode()  # a syntax error is worth its own message
        raise TimelineError(f"line {walk.line}: file: not a list; expected {_EXPECTED}")
    walk.at += 1
    number = 0
    while True:
        mark = walk.skip_space()
        if mark == "]" and number == 0:
            break
        label = f"line {walk.line}"
        number += 1
        yield document_row(label, walk.decode(), _EXPECTED)
        mark = walk.skip_space()
        if mark == ",":
            walk.at += 1
            continue
        if mark != "]":
            raise TimelineError(f"line {walk.line}: file: not valid JSON (expected ',' or ']' after item {number})")
        break
    walk.at += 1
    if walk.skip_space():
        raise TimelineError(f"line {walk.line}: file: not valid JSON (text after the list)")


def read_json(file: InputFile, *, raw: bool = False) -> Reading:
    text = file.whole(MAX_BYTES, "use JSON Lines (`export --format jsonl`) for larger files")
    walk = _Walk(text)
    return Reading(rows=_rows(text, walk), position=lambda: (walk.at, len(text)))

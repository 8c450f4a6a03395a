"""The import registry: format name -> reader, and the format a file's name suggests.

Owns format lookup; each reader lives in its own module and is imported when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import InvalidValue, TimelineError
from timeline.importers.reading import InputFile, Reading

__all__ = ["READERS", "Reader", "reader_for"]


@dataclass(frozen=True)
class Reader:
    name: str
    description: str
    suffixes: tuple[str, ...]
    target: str  # "module:function" taking (InputFile, *, raw) and returning a Reading

    def load(self) -> Callable[..., Reading]:
        module_name, function = self.target.split(":")
        return getattr(importlib.import_module(module_name), function)


READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        Reader("csv", "the columns `export` writes, or title,date,url,source_title,...", (".csv",),
               "timeline.importers.csvfile:read_csv"),
        Reader("json", "a JSON list of event documents, as `export` writes", (".json",),
               "timeline.importers.jsonfile:read_json"),
        Reader("jsonl", "one JSON event document per line", (".jsonl", ".ndjson"),
               "timeline.importers.jsonlines:read_jsonl"),
        Reader("timelinejs", "a Knight Lab TimelineJS3 timeline", (),
               "timeline.importers.timelinejs:read_timelinejs"),
        Reader("yaml", "a YAML list of events, in the seed or the exported form", (".yaml", ".yml"),
               "timeline.importers.yamlfile:read_yaml"),
    )
}
_EXPECTED = "one of " + ", ".join(READERS)


def _starts_with_object(file: InputFile) -> bool:
    """A .json file holding an object rather than a list is taken for a TimelineJS timeline."""
    head = file.handle.peek(4096)[:4096] if hasattr(file.handle, "peek") else b""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def reader_for(format: str | None, path: Path, file: InputFile | None = None) -> Reader:
    """The reader asked for, else the one the file's suffix (and, for .json, its first character) suggests."""
    if format is not None:
        try:
            return READERS[format.strip().lower()]
        except KeyError:
            raise InvalidValue("--format", format, _EXPECTED) from None
    suffix = path.suffix.lower()
    for reader in READERS.values():
        if suffix in reader.suffixes:
            if reader.name == "json" and file is not None and _starts_with_object(file):
                return READERS["timelinejs"]
            return reader
    raise TimelineError(f"--format: cannot tell the format of {path.name!r} from its name; "
                        f"give --format ({', '.join(READERS)})")

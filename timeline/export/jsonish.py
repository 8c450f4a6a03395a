"""JSON and JSON Lines writers: event documents exactly as the library builds them.

Owns JSON output only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, Any

__all__ = ["write_json", "write_jsonl"]


def write_json(documents: Sequence[dict[str, Any]], stream: IO[str], **_options: Any) -> None:
    json.dump(list(documents), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_jsonl(documents: Sequence[dict[str, Any]], stream: IO[str], **_options: Any) -> None:
    for document in documents:
        stream.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
        stream.write("\n")

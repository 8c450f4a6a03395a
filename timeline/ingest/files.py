"""Reading a document file into the text that offsets refer to: UTF-8, a byte-order mark dropped, binary refused.
Owns file decoding for ingestion; must not interpret the text or change its characters (offsets depend on them).
"""

from __future__ import annotations

from pathlib import Path

from timeline.errors import InvalidValue, NotFound

__all__ = ["read_text"]

_EXPECTED = "a UTF-8 text file"


def read_text(path: str | Path) -> str:
    """The decoded text of a file; InvalidValue/NotFound (one-line TimelineErrors) when it cannot be a text."""
    location = Path(path)
    try:
        data = location.read_bytes()
    except FileNotFoundError:
        raise NotFound("file", str(path)) from None
    except IsADirectoryError:
        raise InvalidValue("file", str(path), f"{_EXPECTED}, not a directory") from None
    except OSError as err:
        raise InvalidValue("file", str(path), f"{_EXPECTED} that can be read ({err.strerror or err})") from None
    if b"\x00" in data:
        raise InvalidValue("file", str(path), f"{_EXPECTED}; it holds binary data")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InvalidValue("file", str(path), f"{_EXPECTED}; byte {err.start} is not UTF-8") from None

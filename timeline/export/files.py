"""Writing an export file safely: temp file then rename, no silent overwrite, never over the database.

Owns output-path rules; formats are the writers' business.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from timeline.outputs import checked_output_path

__all__ = ["safe_output"]


@contextlib.contextmanager
def safe_output(path: str | os.PathLike[str], *, force: bool = False, protected: Path | None = None,
                binary: bool = False) -> Iterator[IO[Any]]:
    """A text (or, if binary, bytes) stream that becomes `path` only when the block finishes without error."""
    guarded = set()
    if protected is not None:
        guarded = {protected.resolve(), *(Path(f"{protected.resolve()}{s}") for s in ("-wal", "-shm", "-journal"))}
    target = checked_output_path("-o", path, force=force, guarded=guarded)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if binary:
            stream: IO[Any] = os.fdopen(handle, "wb")
        else:
            stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise

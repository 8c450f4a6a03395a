"""Where a file we write may go: never over the database, never silently over a file, never a folder.

Owns the checks on an output path shared by exports and backups; it writes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from timeline.errors import InvalidValue

__all__ = ["checked_output_path"]


def checked_output_path(field: str, path: str | os.PathLike[str], *, force: bool,
                        guarded: Collection[Path] = ()) -> Path:
    """The resolved target, or one InvalidValue naming `field` and what was expected."""
    target = Path(path).expanduser().resolve()
    if target in guarded:
        raise InvalidValue(field, str(path), "a path that is not the database or its -wal/-shm files")
    if target.is_dir():
        raise InvalidValue(field, str(path), "a file path, not a folder")
    if target.exists() and not force:
        raise InvalidValue(field, str(path), "a path that does not exist yet (or add --force to replace it)")
    if not target.parent.is_dir():
        raise InvalidValue(field, str(path), "a path in an existing folder")
    return target

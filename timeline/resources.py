"""Where the migrations and seed files are, in a checkout and in an installed wheel.

Owns path lookup only; reads and runs nothing.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["migrations_dir", "seeds_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel ships the folder inside the package as _NAME; a checkout (or an
    # editable install) keeps it at the repository root beside the package.
    for candidate in (_PACKAGE / f"_{name}", _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the timeline {name} folder is missing from this installation")


def migrations_dir() -> Path:
    return _find("migrations")


def seeds_dir() -> Path:
    return _find("seeds")

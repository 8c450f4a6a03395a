"""Reading chronologies in: JSON, JSON Lines, CSV, YAML and TimelineJS files, each imported all or nothing.

Owns the readers and `import_file`; writes only through timeline.store.bulk, and never prints.
"""

from __future__ import annotations

import importlib
from typing import Any

from timeline.importers.registry import READERS, reader_for

__all__ = ["ImportReport", "READERS", "import_file", "natural_slug", "reader_for"]

# Every start of the command line lists the formats; the loader is imported only when an import runs.
_LAZY = {"ImportReport": "timeline.importers.importing", "import_file": "timeline.importers.importing",
         "natural_slug": "timeline.importers.keys"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'timeline.importers' has no attribute {name!r}")

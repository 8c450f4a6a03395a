"""Jinja2 environments for the templates shipped in timeline/export/templates/.

Owns template loading and the rule that autoescaping is always on; each format says what escaping means for it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jinja2

__all__ = ["environment"]


@functools.cache
def environment(finalize: Callable[[Any], Any] | None = None) -> jinja2.Environment:
    """Autoescaping HTML by default; a `finalize` that returns Markup escapes for another language instead."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("timeline.export", "templates"),
        autoescape=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

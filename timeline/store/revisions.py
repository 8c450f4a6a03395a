"""Recording every write as a revision: what changed, when, by whom and why.

Owns the revisions table's writes; callers pass documents, this never builds them.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy.orm import Session

from timeline.models import Revision

__all__ = ["current_author", "record_revision"]


def current_author() -> str:
    """Who is writing: TIMELINE_AUTHOR, else the login name."""
    author = os.environ.get("TIMELINE_AUTHOR")
    if author:
        return author
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def record_revision(
    *,
    session: Session,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str | None = None,
    author: str | None = None,
) -> Revision:
    revision = Revision(
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=before,
        after=after,
        reason=reason,
        author=author or current_author(),
    )
    session.add(revision)
    return revision

"""Which lane each event is drawn in: its storyline, taken as the most used of its tags.

Owns the lane rule shared by the chart, the HTML page and TimelineJS groups; draws nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

__all__ = ["NO_TAG", "storyline_lanes"]

NO_TAG = "(no tag)"


def storyline_lanes(documents: Sequence[dict[str, Any]]) -> list[str]:
    """One lane name per document, in order.

    An event tagged with a storyline and a topic ('january-2022-unrest', 'death-toll') belongs to the
    tag more events share, since storylines are broader than topics; ties go to the name first in order.
    """
    use = Counter(tag for doc in documents for tag in doc["tags"])
    return [min(doc["tags"], key=lambda tag: (-use[tag], tag)) if doc["tags"] else NO_TAG for doc in documents]

"""A GeoJSON (RFC 7946) FeatureCollection: one Point feature per event that has coordinates.

Owns the feature properties; events without lat/lon are left out, never placed by guesswork.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, Any

from timeline.export.citations import web_link

__all__ = ["event_feature", "write_geojson"]


def event_feature(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": doc["id"],
        # RFC 7946 puts longitude first.
        "geometry": {"type": "Point", "coordinates": [doc["lon"], doc["lat"]]},
        "properties": {
            "slug": doc["slug"],
            "title": doc["title"],
            "date": doc["date"],
            "display_date": doc["display_date"],
            "start_earliest": doc["start_earliest"],
            "end_latest": doc["end_latest"],
            "kind": doc["kind"],
            "status": doc["status"],
            "tags": doc["tags"],
            "place": doc["place"],
            "country": doc["country"],
            "sources": [citation["url"] for citation in doc["citations"] if web_link(citation["url"])],
        },
    }


def write_geojson(documents: Sequence[dict[str, Any]], stream: IO[str], **_options: Any) -> str | None:
    features = [event_feature(doc) for doc in documents if doc["lat"] is not None and doc["lon"] is not None]
    json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    if len(features) == len(documents):
        return None
    return f"{len(features)} of {len(documents)} events (those with coordinates)"

"""The sources an export cites, as a CSL-JSON bibliography (the input format of Zotero, Pandoc and citeproc).

Owns the mapping from our source records to CSL variables; it never invents a field the source lacks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import IO, Any

from timeline.dates import stated_spans
from timeline.errors import InvalidDate
from timeline.export.citations import web_link
from timeline.export.dateparts import date_parts, season_number

__all__ = ["csl_date", "csl_item", "write_csl_json"]

# Our source types are CSL types already; for these the publisher is the periodical or site they appear in.
_IN_A_CONTAINER = frozenset({
    "article", "article-newspaper", "article-magazine", "article-journal", "webpage", "post", "post-weblog",
    "entry-encyclopedia",
})


def csl_date(edtf: str | None) -> dict[str, Any] | None:
    """A CSL date: date-parts as stated (two for a range), circa for ~, ? or %, a literal when parts cannot say it."""
    if not edtf:
        return None
    try:
        start, end = stated_spans(edtf)
    except InvalidDate:
        return {"literal": edtf}
    if start is None or end is None:
        return {"literal": edtf}  # an open interval has no date-parts form
    parts = [list(date_parts(start))[:3]]
    if end != start:
        parts.append(list(date_parts(end))[:3])
    value: dict[str, Any] = {"date-parts": parts}
    if any(span.approximate or span.uncertain for span in (start, end)):
        value["circa"] = True
    season = season_number(start)
    if season is not None and end == start:
        value["season"] = season
    return value


def csl_item(source: Mapping[str, Any]) -> dict[str, Any]:
    """One CSL item from a source record (`timeline sources show --format json` shape)."""
    kind = source["type"] or "document"
    item: dict[str, Any] = {
        "id": source["key"] or f"source-{source['id']}",
        "type": kind,
        "title": source["title"],
    }
    if source.get("author"):
        # One free-text field may hold several names or an organisation: kept whole, never split by guesswork.
        item["author"] = [{"literal": source["author"]}]
    if source.get("publisher"):
        item["container-title" if kind in _IN_A_CONTAINER else "publisher"] = source["publisher"]
    if source.get("via"):
        item["original-publisher"] = source["via"]
    for variable, field in (("issued", "published"), ("accessed", "accessed")):
        value = csl_date(source.get(field))
        if value is not None:
            item[variable] = value
    if web_link(source.get("url")):
        item["URL"] = source["url"]
    if web_link(source.get("archive_url")):
        item["archive_location"] = source["archive_url"]
    if source.get("language"):
        item["language"] = source["language"]
    if source.get("note"):
        item["note"] = source["note"]
    item["custom"] = {"timeline-source-id": source["id"]}
    return item


def _from_citation(citation: Mapping[str, Any]) -> dict[str, Any]:
    """What a citation alone tells of its source, for documents exported without the source records."""
    return {"id": citation["source_id"], "key": citation["source_key"], "type": "article",
            "title": citation["source_title"], "publisher": citation["publisher"], "url": citation["url"],
            "published": citation["published"]}


def write_csl_json(documents: Sequence[dict[str, Any]], stream: IO[str], *,
                   sources: Mapping[int, Mapping[str, Any]] | None = None, **_options: Any) -> str:
    """Each cited source once, in the order the chronology first cites it."""
    records: dict[int, Mapping[str, Any]] = {}
    for doc in documents:
        for citation in doc["citations"]:
            source_id = citation["source_id"]
            if source_id not in records:
                records[source_id] = (sources or {}).get(source_id) or _from_citation(citation)
    json.dump([csl_item(record) for record in records.values()], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    events = f"{len(documents)} event" + ("" if len(documents) == 1 else "s")
    return f"{len(records)} source{'' if len(records) == 1 else 's'} cited by {events}"

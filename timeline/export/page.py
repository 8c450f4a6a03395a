"""One self-contained HTML page: a visual timeline with lanes, a text filter, a date brush and each event's sources.

Owns the page data and its safety (autoescaped template, safe JSON, strict CSP); drawing is templates/chronology.js.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from typing import IO, Any

from markupsafe import Markup

from timeline.export.citations import SourceNotes
from timeline.export.dateparts import bound_seconds
from timeline.export.lanes import storyline_lanes
from timeline.export.templating import environment

__all__ = ["json_for_html", "page_data", "write_html"]

# Inside a <script> element only '</script' or '<!--' can end or confuse it; escaping every <, > and & rules
# both out, and U+2028/9 are escaped for readers that still treat them as line ends in script text.
_HTML_SAFE_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_for_html(value: Any) -> str:
    """JSON that can sit inside a <script> element and parses back to exactly `value`."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SAFE_JSON)


def page_data(documents: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What the page's script reads: events with their bounds in seconds, lanes, and each source once."""
    notes = SourceNotes()
    lane_names = storyline_lanes(documents)
    lanes = list(dict.fromkeys(lane_names))
    lane_index = {name: index for index, name in enumerate(lanes)}
    events = []
    for doc, lane in zip(documents, lane_names):
        events.append({
            "id": doc["id"], "slug": doc["slug"], "title": doc["title"], "when": doc["display_date"],
            "edtf": doc["date"],
            # Possible start [a, b] and end [c, d): drawn solid where certain, fading where not.
            "a": bound_seconds(doc["start_earliest"], end=False), "b": bound_seconds(doc["start_latest"], end=True),
            "c": bound_seconds(doc["end_earliest"], end=False), "d": bound_seconds(doc["end_latest"], end=True),
            "status": doc["status"], "reason": doc.get("status_reason"), "kind": doc["kind"],
            "lane": lane_index[lane], "tags": doc["tags"],
            "place": ", ".join(part for part in (doc["place"], doc["country"]) if part),
            "actors": "; ".join(f"{a['name']} ({a['role']})" for a in doc["actors"]),
            "summary": doc["summary"], "notes": doc["notes"],
            "cites": [[notes.number(c) - 1, c["stance"], c["quote"], c["speaker"], c["note"]]
                      for c in doc["citations"]],
            "links": [[link["relation"], link["event"], "out"] for link in doc["links"]]
                     + [[link["relation"], link["event"], "in"] for link in doc["linked_from"]],
        })
    sources = [{"label": note.label, "published": note.published, "href": note.link} for note in notes.notes]
    return {"lanes": lanes, "sources": sources, "events": events}


def _asset(name: str) -> str:
    return (resources.files("timeline.export") / "templates" / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def write_html(documents: Sequence[dict[str, Any]], stream: IO[str], *, title: str = "Chronology",
               **_options: Any) -> None:
    script, style = _asset("chronology.js"), _asset("chronology.css")
    # Only our own script and style may run: an injected handler or <script> would be refused even if
    # escaping failed, and nothing can be fetched, so the page stays offline.
    policy = (f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    page = environment().get_template("chronology.html.j2").render(
        title=title, count=len(documents), policy=policy, style=Markup(style), script=Markup(script),
        data=Markup(json_for_html(page_data(documents))),
    )
    stream.write(page)

"""Everything the CLI prints: tables, event and source details, and formats on stdout.

Owns presentation for the terminal; data comes ready-made from the library.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["error_console", "import_progress", "print_candidate", "print_candidates_table", "print_event",
           "print_events_table", "print_import_report", "print_ingest_result", "print_json", "print_jsonl",
           "print_source", "print_sources_table", "print_timex_table", "stdout_console"]

_NON_TTY_WIDTH = 120


def _width(stream: Any) -> int | None:
    if stream.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else _NON_TTY_WIDTH


def stdout_console() -> Console:
    return Console(file=sys.stdout, width=_width(sys.stdout), highlight=False, soft_wrap=False)


def error_console() -> Console:
    return Console(file=sys.stderr, width=_width(sys.stderr), highlight=False, soft_wrap=True)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_jsonl(rows: Sequence[dict[str, Any]]) -> None:
    sys.stdout.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


def print_timex_table(rows: Sequence[dict[str, Any]]) -> None:
    """Temporal expressions as `timeline extract --format table` shows them; line breaks in a span shown as spaces."""
    table = Table(show_lines=False, expand=False)
    for title in ("Start", "End"):
        table.add_column(title, justify="right", no_wrap=True)
    table.add_column("Text", ratio=1)
    table.add_column("Type", no_wrap=True)
    table.add_column("Value", no_wrap=True)
    for row in rows:
        table.add_row(str(row["start"]), str(row["end"]), " ".join(row["text"].split()), row["type"], row["value"])
    console = stdout_console()
    console.print(table, markup=False)
    console.print(f"{len(rows)} expression{'s' if len(rows) != 1 else ''}")


def _status_style(status: str) -> str:
    return {"disputed": "yellow", "denied": "red", "false": "red bold", "confirmed": "green"}.get(status, "")


def print_events_table(documents: Sequence[dict[str, Any]]) -> None:
    table = Table(show_lines=False, expand=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Event", ratio=1)
    table.add_column("Status", no_wrap=True)
    table.add_column("Src", justify="right", no_wrap=True)
    for doc in documents:
        table.add_row(
            str(doc["id"]),
            doc["display_date"],
            doc["title"],
            f"[{_status_style(doc['status'])}]{doc['status']}[/]" if _status_style(doc["status"]) else doc["status"],
            str(len({c["source_id"] for c in doc["citations"]})),
        )
    console = stdout_console()
    console.print(table)
    console.print(f"{len(documents)} event{'s' if len(documents) != 1 else ''}")


def _line(label: str, value: Any) -> str | None:
    if value in (None, "", []):
        return None
    return f"{label:<9} {value}"


def event_text(doc: dict[str, Any]) -> str:
    """The plain-text view of one event, as `timeline show` prints it."""
    place = doc["place"]
    if doc["country"]:
        place = f"{place} ({doc['country']})" if place else doc["country"]
    status = doc["status"] + (f" (set by hand: {doc['status_reason']})" if doc["status_reason"] else "")
    lines = [
        f"#{doc['id']}  {doc['slug']}",
        doc["title"],
        "",
        _line("Date", f"{doc['display_date']}  (EDTF {doc['date']}; {doc['precision']} precision)"),
        _line("Kind", doc["kind"]),
        _line("Origin", doc["origin"] if doc["origin"] != "curated" else None),
        _line("Status", status),
        _line("Tags", ", ".join(doc["tags"])),
        _line("Place", place),
        _line("Actors", "; ".join(f"{a['name']} ({a['role']})" for a in doc["actors"])),
    ]
    out = [line for line in lines if line is not None]
    if doc["summary"]:
        out += ["", doc["summary"]]
    if doc["notes"]:
        out += ["", f"Note: {doc['notes']}"]
    out += ["", "Sources"]
    for number, c in enumerate(doc["citations"], start=1):
        head = ", ".join(p for p in (c["publisher"], f"“{c['source_title']}”") if p)
        published = f" ({c['published']})" if c["published"] else ""
        out.append(f"  [{number}] {c['stance']}: {head}{published}  [source {c['source_id']}]")
        if c["quote"]:
            speaker = f" ({c['speaker']})" if c["speaker"] else ""
            out.append(f"      “{c['quote']}”{speaker}")
        elif c["speaker"]:
            out.append(f"      speaker: {c['speaker']}")
        if c["note"]:
            out.append(f"      note: {c['note']}")
        if c["url"]:
            out.append(f"      {c['url']}")
    if doc["links"] or doc["linked_from"]:
        out += ["", "Links"]
        out += [f"  {link['relation']} -> {link['event']}" for link in doc["links"]]
        out += [f"  <- {link['relation']} {link['event']}" for link in doc["linked_from"]]
    return "\n".join(out)


def print_event(doc: dict[str, Any]) -> None:
    sys.stdout.write(event_text(doc) + "\n")


def print_sources_table(rows: Sequence[tuple[dict[str, Any], int]]) -> None:
    table = Table(show_lines=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Publisher")
    table.add_column("Title", ratio=1)
    table.add_column("Published", no_wrap=True)
    table.add_column("Cited", justify="right", no_wrap=True)
    for doc, count in rows:
        table.add_row(str(doc["id"]), doc["publisher"] or "", doc["title"], doc["published"] or "", str(count))
    stdout_console().print(table)


def print_source(doc: dict[str, Any], events: Sequence[dict[str, Any]]) -> None:
    lines = [f"source {doc['id']}" + (f"  {doc['key']}" if doc["key"] else ""), doc["title"], ""]
    for label, key in (("Publisher", "publisher"), ("Author", "author"), ("Published", "published"),
                       ("Type", "type"), ("Language", "language"), ("URL", "url"), ("Via", "via"),
                       ("Accessed", "accessed"), ("Archive", "archive_url"), ("Note", "note")):
        line = _line(label, doc[key])
        if line:
            lines.append(line)
    lines += ["", f"Cited by {len(events)} event{'s' if len(events) != 1 else ''}"]
    lines += [f"  {e['display_date']}: {e['title']}  [{e['slug']}]" for e in events]
    sys.stdout.write("\n".join(lines) + "\n")


@contextlib.contextmanager
def import_progress() -> Iterator[Callable[[int, int, int], None] | None]:
    """A progress bar on stderr while an import runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    columns = (TextColumn("importing"), BarColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[events]:,} events"), TimeElapsedColumn())
    with Progress(*columns, console=error_console(), transient=True) as bar:
        task = bar.add_task("import", total=None, events=0)

        def advance(events: int, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None, events=events)

        yield advance


_LISTED = 20


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def print_import_report(report: Any) -> None:
    """What an import did, or with --dry-run would do: counts, then the slugs added and changed."""
    name = os.path.basename(report.file)
    sources = f", {_plural(report.sources_added, 'new source')}" if report.sources_added else ""
    if report.dry_run:
        lines = [f"dry run of {name} ({report.format}), nothing written: {len(report.added):,} to add, "
                 f"{len(report.changed):,} to change, {report.unchanged:,} unchanged{sources}"]
        for verb, slugs in (("add", report.added), ("change", report.changed)):
            lines += [f"  {verb:<7} {slug}" for slug in slugs[:_LISTED]]
            if len(slugs) > _LISTED:
                lines.append(f"  ... and {len(slugs) - _LISTED:,} more to {verb}")
    else:
        lines = [f"imported {name} ({report.format}): {len(report.added):,} added, {len(report.changed):,} changed, "
                 f"{report.unchanged:,} unchanged{sources}"]
    sys.stdout.write("\n".join(lines) + "\n")


def _event_cell(doc: dict[str, Any]) -> str:
    """What a candidate probably reports (pending), or what became of it (reviewed)."""
    if doc["event"]:
        return doc["event"]
    match = doc["match"]
    return f"{match['event']} ({match['score']:.2f})" if match and doc["state"] == "pending" else ""


def print_candidates_table(documents: Sequence[dict[str, Any]], *, empty: str = "No candidates.") -> None:
    """Candidates as `review list` and `ingest` show them: what was proposed, its state, and its event."""
    if not documents:
        print(empty, file=sys.stderr)
        return
    table = Table(show_lines=False, expand=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Proposed event", ratio=3)
    table.add_column("State", no_wrap=True)
    table.add_column("Matches / became", ratio=2, overflow="fold")
    for doc in documents:
        table.add_row(str(doc["id"]), doc["display_date"], doc["title"], doc["state"], _event_cell(doc))
    console = stdout_console()
    console.print(table, markup=False)
    console.print(f"{len(documents)} candidate{'s' if len(documents) != 1 else ''}")


def print_ingest_result(result: dict[str, Any]) -> None:
    source = result["source"]
    state = "new source" if source["added"] else "stored before; its text added" if source["text_added"] else (
        "ingested before")
    again = f"; {result['already_proposed']} proposed before" if result["already_proposed"] else ""
    none = "; nothing new to review" if not result["candidates"] else ""
    sys.stdout.write(f"source {source['id']}: {source['title']} ({state}{again}{none})\n")
    if result["candidates"]:
        print_candidates_table(result["candidates"])


def print_candidate(doc: dict[str, Any]) -> None:
    """One candidate in full, as `review show` prints it."""
    lines = [
        f"candidate {doc['id']}  ({doc['state']})",
        doc["title"],
        "",
        f"{'Date':<9} {doc['display_date']}  (EDTF {doc['date']})",
        f"{'Source':<9} {doc['source_id']}, characters {doc['start']}–{doc['end']}",
    ]
    for label, key in (("Actors", "actors"), ("Places", "places")):
        if doc[key]:
            lines.append(f"{label:<9} {'; '.join(doc[key])}")
    if doc["match"]:
        match = doc["match"]
        lines.append(f"{'Matches':<9} {match['event']} (score {match['score']:.2f}): {match['title']}")
    if doc["event"]:
        lines.append(f"{'Event':<9} {doc['event']}")
    lines += ["", f"“{doc['quote']}”"]
    if doc["summary"] and doc["summary"] != " ".join((doc["quote"] or "").split()):
        lines += ["", doc["summary"]]
    sys.stdout.write("\n".join(lines) + "\n")

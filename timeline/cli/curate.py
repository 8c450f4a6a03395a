"""Curation commands: edit, history, undo, delete, restore, purge, link, unlink, merge, unmerge, uncite.

Each command parses its options, calls one library function in a write transaction and prints one line.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.events import actor_role
from timeline.cli.options import ReasonOption, ShowFormat
from timeline.store import curation
from timeline.store.history import event_history

EventArgument = Annotated[str, typer.Argument(help="Event id or slug.")]


@app.command()
def edit(
    ctx: typer.Context,
    event: EventArgument,
    title: Annotated[Optional[str], typer.Option("--title")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="EDTF or plain English.")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary")] = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="A new readable id.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", help="Replaces the tags (repeatable).")] = None,
    country: Annotated[Optional[str], typer.Option("--country")] = None,
    place: Annotated[Optional[str], typer.Option("--place")] = None,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", help="Replaces the actors: NAME or NAME:ROLE.")] = None,
    notes: Annotated[Optional[str], typer.Option("--notes")] = None,
    status: Annotated[Optional[str], typer.Option("--status", help="Set by hand (needs --reason), or 'auto' to "
                                                  "derive it from the stances again.")] = None,
    reason: ReasonOption = None,
) -> None:
    """Change an event's fields; the old values stay in its history."""
    given: dict[str, Any] = {"title": title, "date": date, "summary": summary, "slug": slug, "kind": kind,
                             "country": country, "place": place, "notes": notes, "status": status}
    changes = {field: value for field, value in given.items() if value is not None}
    if tag is not None:
        changes["tags"] = tag
    if actor is not None:
        changes["actors"] = [actor_role(a) for a in actor]
    if not changes:
        from timeline.errors import InvalidValue

        raise InvalidValue("edit", event, "at least one field to change (see `timeline edit --help`)")
    database = open_database(ctx)
    with database.writing() as session:
        row = curation.edit_event(session=session, ref=event, changes=changes, reason=reason)
        typer.echo(f"edited {row.slug}; status: {row.status}")


@app.command()
def history(
    ctx: typer.Context,
    event: EventArgument,
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """Every recorded change of an event: when, who, what and why."""
    database = open_database(ctx)
    with database.reading() as session:
        revisions = event_history(session=session, ref=event)
    if format is ShowFormat.json:
        output.print_json(revisions)
        return
    for r in revisions:
        changed = f" [{', '.join(r['changed'])}]" if r["changed"] else ""
        why = f": {r['reason']}" if r["reason"] else ""
        typer.echo(f"{r['revision']:>6}  {r['at']}  {r['author']}  {r['action']}{changed}{why}")


@app.command("undo")
def undo_command(
    ctx: typer.Context,
    event: EventArgument,
    revision: Annotated[Optional[int], typer.Option("--revision", help="Which revision (default: the latest).")] = None,
    reason: ReasonOption = None,
) -> None:
    """Revert a change, keeping later unrelated edits (or refuse on a conflict)."""
    database = open_database(ctx)
    with database.writing() as session:
        message = curation.undo(session=session, ref=event, revision=revision, reason=reason)
    typer.echo(message)


@app.command("delete")
def delete_command(ctx: typer.Context, event: EventArgument, reason: ReasonOption = None) -> None:
    """Move an event to the trash (hidden from queries and exports; `restore` brings it back)."""
    database = open_database(ctx)
    with database.writing() as session:
        slug = curation.delete_event(session=session, ref=event, reason=reason).slug
    typer.echo(f"moved {slug} to the trash")


@app.command("restore")
def restore_command(ctx: typer.Context, event: EventArgument, reason: ReasonOption = None) -> None:
    """Bring an event back from the trash."""
    database = open_database(ctx)
    with database.writing() as session:
        slug = curation.restore_event(session=session, ref=event, reason=reason).slug
    typer.echo(f"restored {slug}")


@app.command("purge")
def purge_command(ctx: typer.Context, event: EventArgument, reason: ReasonOption = None) -> None:
    """Destroy an event in the trash, with its history. The only command that destroys anything."""
    database = open_database(ctx)
    with database.writing() as session:
        slug = curation.purge_event(session=session, ref=event, reason=reason)
    typer.echo(f"purged {slug}")


@app.command("link")
def link_command(
    ctx: typer.Context,
    event: EventArgument,
    relation: Annotated[str, typer.Argument(help="part_of, follows, responds_to, denies, resumes, causes or same_as.")],
    other: Annotated[str, typer.Argument(help="The other event's id or slug.")],
    reason: ReasonOption = None,
) -> None:
    """Link two events: EVENT RELATION OTHER."""
    database = open_database(ctx)
    with database.writing() as session:
        added = curation.link_events(session=session, source=event, relation=relation, target=other, reason=reason)
    typer.echo(f"linked {event} {relation} {other}" if added else f"already linked: {event} {relation} {other}")


@app.command("unlink")
def unlink_command(
    ctx: typer.Context,
    event: EventArgument,
    relation: Annotated[str, typer.Argument()],
    other: Annotated[str, typer.Argument()],
    reason: ReasonOption = None,
) -> None:
    """Remove a link EVENT RELATION OTHER."""
    database = open_database(ctx)
    with database.writing() as session:
        curation.unlink_events(session=session, source=event, relation=relation, target=other, reason=reason)
    typer.echo(f"unlinked {event} {relation} {other}")


@app.command("merge")
def merge_command(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The event that stays (A).")],
    absorb: Annotated[str, typer.Argument(help="The duplicate (B): its evidence moves to A, it redirects to A.")],
    reason: ReasonOption = None,
) -> None:
    """Merge two reports of the same event: B's citations, tags, actors and links move to A."""
    database = open_database(ctx)
    with database.writing() as session:
        keeper = curation.merge_events(session=session, keep=keep, absorb=absorb, reason=reason)
        typer.echo(f"merged {absorb} into {keeper.slug}; status: {keeper.status}")


@app.command("unmerge")
def unmerge_command(ctx: typer.Context, event: EventArgument, reason: ReasonOption = None) -> None:
    """Undo a merge: the merged event is live again and takes back its evidence."""
    database = open_database(ctx)
    with database.writing() as session:
        slug = curation.unmerge_event(session=session, ref=event, reason=reason).slug
    typer.echo(f"unmerged {slug}")


@app.command("uncite")
def uncite_command(
    ctx: typer.Context,
    event: EventArgument,
    source: Annotated[str, typer.Argument(help="Source id, key or URL.")],
    quote: Annotated[Optional[str], typer.Option("--quote", help="Which citation, when the source is cited twice.")] = None,
    reason: ReasonOption = None,
) -> None:
    """Remove a citation from an event; the status follows the remaining stances."""
    database = open_database(ctx)
    with database.writing() as session:
        curation.uncite(session=session, event_ref=event, source_ref=source, quote=quote, reason=reason)
    typer.echo(f"removed the citation of {source} from {event}")

"""`timeline review list|show|accept|merge|reject|edit`: deciding what becomes of the events ingest proposed.

Each command parses its options, calls one library function in a transaction and prints one line or a view.
"""

from __future__ import annotations

import enum
from typing import Annotated, Optional

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.events import StanceChoice, actor_role
from timeline.cli.options import ReasonOption, ShowFormat
from timeline.vocab import ReviewState

review_app = typer.Typer(help="Review proposed events: list (the default), show, accept, merge, reject, edit.",
                         invoke_without_command=True)
app.add_typer(review_app, name="review")

StateChoice = enum.Enum("StateChoice", {s.value: s.value for s in ReviewState}, type=str)  # type: ignore[misc]
CandidateArgument = Annotated[str, typer.Argument(help="Candidate id (see `timeline review list`).")]


@review_app.callback()
def _pending(ctx: typer.Context) -> None:
    """Review proposed events: `timeline review` alone lists those waiting."""
    if ctx.invoked_subcommand is None:
        list_command(ctx)


@review_app.command("list")
def list_command(
    ctx: typer.Context,
    state: Annotated[Optional[list[StateChoice]], typer.Option("--state", help="pending (default), accepted, "  # type: ignore[valid-type]
                                                               "merged or rejected (repeatable).")] = None,
    all_states: Annotated[bool, typer.Option("--all", help="Candidates in every state.")] = False,
    source: Annotated[Optional[str], typer.Option("--source", help="Only from this source: id, key or URL.")] = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """The candidates waiting for review (or in the given states), oldest first."""
    from timeline.store.candidates import candidate_documents

    states = [] if all_states else [s.value for s in state or [StateChoice("pending")]]
    database = open_database(ctx)
    with database.reading() as session:
        documents = candidate_documents(session=session, states=states, source=source)
    if format is ShowFormat.json:
        output.print_json(documents)
    else:
        output.print_candidates_table(documents)


@review_app.command("show")
def show_command(
    ctx: typer.Context,
    candidate: CandidateArgument,
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """One candidate: its date, title, quote with offsets, names found, and the event it probably reports."""
    from timeline.store.candidates import candidate_document, get_candidate

    database = open_database(ctx)
    with database.reading() as session:
        document = candidate_document(session, get_candidate(session=session, ref=candidate))
    if format is ShowFormat.json:
        output.print_json(document)
    else:
        output.print_candidate(document)


@review_app.command("accept")
def accept_command(
    ctx: typer.Context,
    candidate: CandidateArgument,
    title: Annotated[Optional[str], typer.Option("--title", help="Instead of the proposed title.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Instead of the proposed date (EDTF or plain English).")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary")] = None,
    slug: Annotated[Optional[str], typer.Option("--slug")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="statement, meeting, protest, vote, ...")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", help="Storyline or topic tag (repeatable).")] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Instead of the first town the quote names; '' for none.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="ISO 3166-1 alpha-2 code.")] = None,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", help="NAME or NAME:ROLE (repeatable); replaces "
                                                       "the names found.")] = None,
    stance: Annotated[StanceChoice, typer.Option("--stance")] = StanceChoice("reports"),  # type: ignore[assignment]
    reason: ReasonOption = None,
) -> None:
    """Make the candidate a new event (origin parsed) that cites its quote; prints the event's slug."""
    from timeline.store.review import Acceptance, accept_candidate

    given = Acceptance(title=title, date=date, summary=summary, slug=slug, kind=kind, tags=tag or [], place=place,
                       country=country, actors=[actor_role(a) for a in actor] if actor else None, stance=stance.value)
    database = open_database(ctx)
    with database.writing() as session:
        slug_added = accept_candidate(session=session, ref=candidate, given=given, reason=reason).slug
    typer.echo(f"accepted candidate {candidate} as {slug_added}")


@review_app.command("merge")
def merge_command(
    ctx: typer.Context,
    candidate: CandidateArgument,
    event: Annotated[Optional[str], typer.Argument(help="The event it reports (id or slug); default: its match.")] = None,
    stance: Annotated[StanceChoice, typer.Option("--stance")] = StanceChoice("reports"),  # type: ignore[assignment]
    reason: ReasonOption = None,
) -> None:
    """Add the candidate's quote to an existing event as a citation instead of making a duplicate."""
    from timeline.store.review import merge_candidate

    database = open_database(ctx)
    with database.writing() as session:
        row, added = merge_candidate(session=session, ref=candidate, event_ref=event, stance=stance.value,
                                     reason=reason)
        message = (f"merged candidate {candidate} into {row.slug}; status: {row.status}" if added else
                   f"merged candidate {candidate} into {row.slug}, which already cites that passage")
    typer.echo(message)


@review_app.command("reject")
def reject_command(ctx: typer.Context, candidate: CandidateArgument, reason: ReasonOption = None) -> None:
    """Mark the candidate as not an event worth keeping; it stays on record."""
    from timeline.store.review import reject_candidate

    database = open_database(ctx)
    with database.writing() as session:
        reject_candidate(session=session, ref=candidate, reason=reason)
    typer.echo(f"rejected candidate {candidate}")


@review_app.command("edit")
def edit_command(
    ctx: typer.Context,
    candidate: CandidateArgument,
    title: Annotated[Optional[str], typer.Option("--title")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="EDTF or plain English.")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary")] = None,
    quote: Annotated[Optional[str], typer.Option("--quote", help="A shorter passage of the source's text, as "
                                                 "written; its offsets are found again.")] = None,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", help="Replaces the actors (repeatable).")] = None,
    place: Annotated[Optional[list[str]], typer.Option("--place", help="Replaces the places (repeatable).")] = None,
    reason: ReasonOption = None,
) -> None:
    """Change a pending candidate before deciding on it."""
    from timeline.errors import InvalidValue
    from timeline.store.review import CandidateChanges, edit_candidate

    changes = CandidateChanges(title=title, date=date, summary=summary, quote=quote, actors=actor, places=place)
    if all(value is None for value in vars(changes).values()):
        raise InvalidValue("edit", candidate, "at least one field to change (see `timeline review edit --help`)")
    database = open_database(ctx)
    with database.writing() as session:
        changed = edit_candidate(session=session, ref=candidate, changes=changes, reason=reason)
    typer.echo(f"edited candidate {candidate}" if changed else f"nothing to change in candidate {candidate}")

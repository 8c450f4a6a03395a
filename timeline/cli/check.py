"""`timeline check`: integrity and chronology lint, one finding per line.

Parses options, calls the library, prints the findings; exit 1 when there are any.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.options import ShowFormat


@app.command()
def check(
    ctx: typer.Context,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="text: `CODE subject: message` lines; "
                                               "json: a list of {code, subject, message}.")] = ShowFormat.text,
) -> None:
    """Check the database's integrity and lint the chronology; exit 1 when anything is found."""
    from timeline.check import check_database

    findings = check_database(open_database(ctx))
    if format is ShowFormat.json:
        output.print_json([finding.document() for finding in findings])
    else:
        sys.stdout.writelines(finding.line() + "\n" for finding in findings)
    count = len(findings)
    print(f"{count} finding{'s' if count != 1 else ''}" if count else "no findings", file=sys.stderr)
    if findings:
        raise typer.Exit(1)

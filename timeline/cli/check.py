"""`timeline check`: integrity and chronology lint, one finding per line.

Parses options, calls the library, prints the findings; exit 1 when there are any.
"""

from __future__ import annotations

import enum
import sys
from typing import Annotated, Optional

import typer

from timeline.check import CODES
from timeline.cli import output
from timeline.cli.app import app, open_database
from timeline.cli.options import ShowFormat

CodeChoice = enum.Enum("CodeChoice", {code: code for code in CODES}, type=str)  # type: ignore[misc]


@app.command()
def check(
    ctx: typer.Context,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="text: `CODE subject: message` lines; "
                                               "json: a list of {code, subject, message}.")] = ShowFormat.text,
    ignore: Annotated[Optional[list[CodeChoice]], typer.Option("--ignore", help="Leave out findings of this code "
                                                             "(repeatable).")] = None,  # type: ignore[valid-type]
) -> None:
    """Check the database's integrity and lint the chronology; exit 1 when anything is found."""
    from timeline.check import check_database

    findings = check_database(open_database(ctx), ignore=[code.value for code in ignore or []])
    if format is ShowFormat.json:
        output.print_json([finding.document() for finding in findings])
    else:
        sys.stdout.writelines(finding.line() + "\n" for finding in findings)
    count = len(findings)
    print(f"{count} finding{'s' if count != 1 else ''}" if count else "no findings", file=sys.stderr)
    if findings:
        raise typer.Exit(1)

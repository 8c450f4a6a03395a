"""From article text to dated material; for now the temporal tagger that finds and resolves TIMEX3 expressions.
Owns the ingest package's public surface; must not import the CLI, typer or rich, nor touch the database.
"""

from timeline.ingest.files import read_text
from timeline.ingest.temporal import Timex, reference_point, tag

__all__ = ["Timex", "read_text", "reference_point", "tag"]

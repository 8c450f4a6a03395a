"""From article to proposed events: documents, sentences, the temporal tagger, proposals and their matches.
Owns the ingest package's public surface; must not import the CLI, typer or rich, nor touch the database.
"""

from timeline.ingest.candidates import Proposal, propose
from timeline.ingest.documents import Document, parse_document, read_document
from timeline.ingest.files import read_text
from timeline.ingest.gazetteer import Gazetteer
from timeline.ingest.matching import MATCH_THRESHOLD, best_match
from timeline.ingest.temporal import Timex, reference_point, tag

__all__ = [
    "Document",
    "Gazetteer",
    "MATCH_THRESHOLD",
    "Proposal",
    "Timex",
    "best_match",
    "parse_document",
    "propose",
    "read_document",
    "read_text",
    "reference_point",
    "tag",
]

"""Writing chronologies out: one registry of writers keyed by format name.

Owns export formats and safe file writing; pandas is imported only by the writers that need it.
"""

from timeline.export.registry import WRITERS, Writer, export_documents, writer_for
from timeline.export.files import safe_output

__all__ = ["WRITERS", "Writer", "export_documents", "safe_output", "writer_for"]

"""Writing chronologies out: one registry of writers keyed by format name.

Owns export formats and safe file writing; pandas, pyarrow, Jinja2 and matplotlib load only with the writer that needs them.
"""

from timeline.export.registry import WRITERS, Writer, export_documents, export_rows, writer_for
from timeline.export.files import safe_output

__all__ = ["WRITERS", "Writer", "export_documents", "export_rows", "safe_output", "writer_for"]

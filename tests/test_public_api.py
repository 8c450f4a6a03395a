"""The library's public surface: what `import timeline` offers, and what it must not drag in."""

from __future__ import annotations

import subprocess
import sys

import timeline


def test_all_is_sorted_and_resolves():
    assert timeline.__all__ == sorted(timeline.__all__)
    for name in timeline.__all__:
        assert getattr(timeline, name) is not None


def test_surface_is_stable():
    assert set(timeline.__all__) == {
        "ActorRole", "CitationInput", "Conflict", "Database", "DatabaseError", "EventInput", "EventQuery",
        "FuzzyDate", "InvalidDate", "InvalidValue", "LinkInput", "Match", "MissingSource", "NotFound",
        "Precision", "SourceInput", "TimelineError", "add_event", "add_source", "cite", "event_document",
        "get_event", "get_source", "initialise", "list_sources", "open_ready", "parse_date", "parse_edtf",
        "query_documents", "query_events",
    }


HEAVY = ("pandas", "pyarrow", "matplotlib", "jinja2")  # export libraries: loaded by the writer that needs one


def test_library_import_leaves_out_cli_and_export_libraries():
    code = f"import sys, timeline; print(sorted(m for m in {('typer', 'rich', *HEAVY)!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_query_command_leaves_out_export_libraries(db_url):
    code = (
        "import sys; from typer.testing import CliRunner; from timeline.cli import app; "
        f"result = CliRunner().invoke(app, ['--db', {db_url!r}, 'query', '--from', '2022-06', '--to', '2022-06']); "
        "assert result.exit_code == 0, result.output; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_library_round_trip(tmp_path):
    db = timeline.Database.open(tmp_path / "lib.db")
    timeline.initialise(db, seed=False)
    with db.writing() as session:
        source = timeline.add_source(session=session, source=timeline.SourceInput(
            title="An article", url="https://example.org/a", publisher="Example", published="2022-06-18"))
        timeline.add_event(session=session, event=timeline.EventInput(
            title="Something happened", date="mid June 2022", citations=[timeline.CitationInput(source=source.id)]))
    with db.reading() as session:
        docs = timeline.query_documents(session=session, query=timeline.EventQuery(date_from="2022-06-15",
                                                                                 date_to="2022-06-15"))
    db.dispose()
    assert [(d["date"], d["display_date"]) for d in docs] == [("[2022-06-11..2022-06-20]", "mid Jun 2022")]

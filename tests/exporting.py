"""Shared by the export tests: the hostile strings of the payload corpus, and a database full of them.

A pytest plugin (tests/conftest.py names it): fixtures and plain helpers; test modules import the helpers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


def xss_payloads() -> list[str]:
    """The hostile strings in tests/data/xss-payloads.txt, one per line (comments start with '#')."""
    # split on newlines only: str.splitlines() would also cut at the U+2028 the corpus holds on purpose
    lines = (DATA / "xss-payloads.txt").read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line.strip() and not line.startswith("#")]


_STATUSES = ("false", "denied", "disputed", None)


@pytest.fixture
def hostile_url(db_url: str) -> str:
    """The seeded database plus one event per XSS payload: the payload in every text field, its source named
    by it, and a source URL that is http(s) but full of markup (so it may be shown, never linked)."""
    from timeline import CitationInput, Database, EventInput, SourceInput, add_event, add_source

    database = Database.open(db_url)
    with database.writing() as session:
        for number, payload in enumerate(xss_payloads()):
            safe = add_source(session=session, source=SourceInput(
                title=payload, publisher=payload, url=f"https://example.org/payload/{number}", published="2022-05"))
            marked = add_source(session=session, source=SourceInput(
                title=payload, publisher=payload, url=f'https://example.org/{number}?q="><script>window.__pwned=1</script>'))
            status = _STATUSES[number % len(_STATUSES)]
            add_event(session=session, event=EventInput(
                title=payload, date=f"2022-05-{number + 1:02d}", summary=payload, slug=f"xss-payload-{number}",
                tags=["xss"], place=payload, notes=payload, lat=43.2, lon=76.9,
                status=status, status_reason=payload if status else None,
                citations=[CitationInput(source=safe.id, quote=payload, speaker=payload, note=payload),
                           CitationInput(source=marked.id, stance="disputes", quote=payload)]))
    database.dispose()
    return db_url

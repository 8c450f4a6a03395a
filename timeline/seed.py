"""Loading the curated chronology in seeds/ into a database, idempotently.

Owns the seed file format (see seeds/README.md); all writes go through timeline.store.
Loading the same files again changes nothing and records no revision.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from timeline.errors import InvalidValue
from timeline.models import Actor, Source
from timeline.resources import seeds_dir
from timeline.store import (
    ActorRole,
    CitationInput,
    EventInput,
    LinkInput,
    SourceInput,
    add_source,
    update_source,
)
from timeline.store.bulk import load_events
from timeline.store import validate

__all__ = ["SeedReport", "load_seeds", "read_seed_files"]

SEED_REASON = "seed chronology"
T = TypeVar("T")
_MAX_SEED_BYTES = 5_000_000


@dataclass
class SeedReport:
    events_added: int = 0
    events_changed: int = 0
    sources_added: int = 0
    sources_changed: int = 0
    actors_added: int = 0

    @property
    def changed(self) -> bool:
        return any((self.events_added, self.events_changed, self.sources_added, self.sources_changed, self.actors_added))


@dataclass
class SeedFiles:
    sources: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]]


def _read_yaml(path: Path) -> list[dict[str, Any]]:
    if path.stat().st_size > _MAX_SEED_BYTES:
        raise InvalidValue("seed file", str(path), f"at most {_MAX_SEED_BYTES} bytes")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InvalidValue("seed file", str(path), "a YAML list of mappings")
    return data


def read_seed_files(folder: Path | None = None) -> SeedFiles:
    folder = folder or seeds_dir()
    events: list[dict[str, Any]] = []
    for path in sorted((folder / "events").glob("*.yaml")):
        events.extend(_read_yaml(path))
    return SeedFiles(
        sources=_read_yaml(folder / "sources.yaml"),
        actors=_read_yaml(folder / "actors.yaml"),
        events=events,
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _source_input(item: dict[str, Any]) -> SourceInput:
    return SourceInput(
        key=item["key"],
        type=item.get("type") or "article",
        title=item["title"],
        publisher=item.get("publisher"),
        author=item.get("author"),
        url=item.get("url"),
        published=_text(item.get("published")),
        accessed=_text(item.get("accessed")),
        language=item.get("language"),
        archive_url=item.get("archive_url"),
        via=item.get("via"),
        note=item.get("note"),
    )


def _event_input(item: dict[str, Any]) -> EventInput:
    return EventInput(
        slug=item["slug"],
        title=item["title"],
        date=str(item["date"]),
        summary=item.get("summary"),
        kind=item.get("kind") or "other",
        tags=list(item.get("tags") or []),
        place=item.get("place"),
        country=item.get("country"),
        lat=item.get("lat"),
        lon=item.get("lon"),
        notes=item.get("notes"),
        status=item.get("status"),
        status_reason=item.get("status_reason"),
        origin=item.get("origin") or "curated",
        actors=[ActorRole(name=a["name"], role=a.get("role") or "participant") for a in item.get("actors") or []],
        citations=[
            CitationInput(
                source=c["source"],
                stance=c.get("stance") or "reports",
                quote=c.get("quote"),
                speaker=c.get("speaker"),
                locator=c.get("locator"),
                note=c.get("note"),
                language=c.get("language"),
                translation_note=c.get("translation_note"),
                quote_start=c.get("quote_start"),
                quote_end=c.get("quote_end"),
            )
            for c in item.get("citations") or []
        ],
        links=[LinkInput(relation=link["relation"], target=link["target"]) for link in item.get("links") or []],
    )


def _load_actors(session: Session, actors: list[dict[str, Any]], report: SeedReport) -> None:
    for item in actors:
        name = validate.clean_text("actor", item["name"], limit=300)
        row = session.scalar(select(Actor).where(Actor.name == name))
        wanted = {
            "kind": item.get("kind"),
            "country": validate.country_code(item.get("country")),
            "aliases": list(item.get("aliases") or []),
            "description": item.get("description"),
        }
        if row is None:
            session.add(Actor(name=name, **wanted))
            report.actors_added += 1
        else:
            for column, value in wanted.items():
                if getattr(row, column) != value:
                    setattr(row, column, value)
    session.flush()


def load_seeds(*, session: Session, folder: Path | None = None) -> SeedReport:
    """Load sources, actors and events from seeds/; returns what was added or changed."""
    files = read_seed_files(folder)
    report = SeedReport()
    _load_actors(session, files.actors, report)

    for item in files.sources:
        given = _source_input(item)
        row = session.scalar(select(Source).where(Source.key == item["key"]))
        if row is None:
            add_source(session=session, source=given, reason=SEED_REASON)
            report.sources_added += 1
        elif update_source(session=session, row=row, source=given, reason=SEED_REASON):
            report.sources_changed += 1

    loaded = load_events(
        session=session,
        events=((f"seed event {item.get('slug')}", _event_input(item)) for item in files.events),
        reason=SEED_REASON,
    )
    report.events_added, report.events_changed = loaded.added, loaded.changed
    return report

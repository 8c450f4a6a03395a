"""One rule decides which stored actor a name means, whether an event is added, imported or queried."""

from __future__ import annotations

from sqlalchemy import update

from timeline.db import Database
from timeline.models import Actor
from timeline.store import ActorRole, CitationInput, EventInput, EventQuery, add_event, query_documents
from timeline.store.actors import ActorNames
from timeline.store.bulk import load_events

ROWS = [(1, "Kassym-Jomart Tokayev", ["Tokayev", "Toqaev"]), (2, "Tokayev", []), (3, "NATO", ["North Atlantic Alliance"]),
        (4, "Nato", [])]


def test_exact_name_then_name_ignoring_case_then_alias():
    names = ActorNames(reversed(ROWS))  # the order rows arrive in does not matter: the oldest wins ties
    assert names.resolve("Tokayev") == 2  # a name beats another actor's alias
    assert names.resolve("TOKAYEV") == 2
    assert names.resolve("toqaev") == 1
    assert names.resolve("Nato") == 4 and names.resolve("nato") == 3 and names.resolve("NATO") == 3
    assert names.resolve("north atlantic alliance") == 3
    assert names.resolve("Akorda") is None


def test_a_query_finds_every_actor_a_value_names():
    names = ActorNames(ROWS)
    assert names.matching("tokayev") == [1, 2]
    assert names.matching("nato") == [3, 4]
    assert names.matching("Akorda") == []


def _event(title: str, actor: str) -> EventInput:
    return EventInput(title=title, date="2022-06-17", actors=[ActorRole(name=actor)],
                      citations=[CitationInput(source=1)])


def test_adding_and_importing_resolve_a_name_alike(db_url):
    database = Database.open(db_url)
    try:
        with database.writing() as session:
            session.execute(update(Actor).where(Actor.name == "Kassym-Jomart Tokayev").values(aliases=["Toqaev"]))
            added = add_event(session=session, event=_event("Added by hand", "TOQAEV"))
            load_events(session=session, events=[(None, _event("Imported", "toqaev"))])
        with database.reading() as session:
            found = query_documents(session=session, query=EventQuery(actor=["Toqaev"], date_from="2022-06-17",
                                                                      date_to="2022-06-17"))
    finally:
        database.dispose()
    by_title = {doc["title"]: doc for doc in found}
    assert {"Added by hand", "Imported"} <= set(by_title)
    assert by_title["Added by hand"]["actors"] == by_title["Imported"]["actors"] == [
        {"name": "Kassym-Jomart Tokayev", "role": "participant"}]
    assert added.slug in {doc["slug"] for doc in found}

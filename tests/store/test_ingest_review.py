"""Ingest and review through the library: sources with text, pending candidates, accept, merge, reject, edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from conftest import snapshot
from timeline.db import Database
from timeline.errors import Conflict, InvalidDate, InvalidValue, NotFound
from timeline.ingest import read_document
from timeline.models import Candidate, Citation, Event, Revision, Source
from timeline.store import ActorRole, event_document, get_event
from timeline.store.candidates import candidate_document, candidate_documents, ingest_document
from timeline.store.review import (
    Acceptance,
    CandidateChanges,
    accept_candidate,
    edit_candidate,
    merge_candidate,
    reject_candidate,
)

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cpc-mooring-brief.txt"
MINE = "2022-06-27-wwii-mine-found-near-spm2"


def _sample(**flags):  # type: ignore[no-untyped-def]
    return read_document(SAMPLE, published="2022-07-04", **flags)


def _ingest(database: Database, **flags):  # type: ignore[no-untyped-def]
    with database.writing() as session:
        report = ingest_document(session=session, document=_sample(**flags))
        return report.source.id, report.source_added, [candidate_document(session, row) for row in report.candidates]


def _count(database: Database, model) -> int:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_ingest_stores_the_text_and_proposes_pending_candidates(database):
    events = _count(database, Event)
    source_id, added, candidates = _ingest(database)
    text = SAMPLE.read_text(encoding="utf-8")
    assert added
    with database.reading() as session:
        source = session.get(Source, source_id)
        assert (source.text, source.published, source.title) == (
            text, "2022-07-04", "Caspian Pipeline Consortium brings a second mooring back")
        revisions = session.execute(select(Revision.entity_id, Revision.action).where(
            Revision.entity == "candidate").order_by(Revision.id)).all()
    assert [(c["date"], c["state"], c["match"] and c["match"]["event"]) for c in candidates] == [
        ("2022-07-01", "pending", None), ("2022-06-27", "pending", MINE)]
    assert all(text[c["start"]:c["end"]] == c["quote"] for c in candidates)
    assert _count(database, Event) == events, "nothing becomes an event before review"
    assert [tuple(r) for r in revisions] == [(c["id"], "create") for c in candidates]


def test_the_same_file_twice_is_the_same_source_and_proposes_nothing_new(database):
    first_id, _, first = _ingest(database)
    second_id, added, second = _ingest(database)
    assert (second_id, added, second) == (first_id, False, [])
    assert _count(database, Candidate) == len(first)


def test_a_stored_source_without_text_gets_it_by_url(database):
    with database.reading() as session:
        seeded_id, url, text = session.execute(select(Source.id, Source.url, Source.text).where(
            Source.key == "afp-2022-06-war-strains-ties")).one()
    assert text is None
    source_id, added, _ = _ingest(database, url=url)
    with database.reading() as session:
        source = session.get(Source, source_id)
        assert (source_id, added, source.text is not None, source.title) == (
            seeded_id, False, True, "War in Ukraine strains ties between Kazakhstan and Russia")
        assert session.scalar(select(Revision.action).where(Revision.entity == "source",
                                                            Revision.entity_id == source_id)
                              .order_by(Revision.id.desc()).limit(1)) == "update"


def test_a_url_holding_another_text_is_refused(database, db_url):
    _ingest(database, url="https://example.org/brief")
    before = snapshot(db_url)
    with pytest.raises(Conflict, match="is already source .* with a different text"):
        with database.writing() as session:
            document = read_document(SAMPLE, published="2022-07-05", url="https://example.org/brief")
            ingest_document(session=session, document=type(document)(**{**vars(document), "text": "Other."}))
    assert snapshot(db_url) == before


def test_accept_makes_a_parsed_event_citing_the_quote_at_its_offsets(database):
    source_id, _, candidates = _ingest(database)
    restart = candidates[0]
    with database.writing() as session:
        event = accept_candidate(session=session, ref=restart["id"], given=Acceptance(
            title="CPC puts SPM-2 back into service", kind="economic", tags=["cpc-pipeline"],
            actors=[ActorRole("Caspian Pipeline Consortium", "participant")], place="Novorossiysk", country="RU"))
        doc = event_document(session, event)
        candidate = candidate_document(session, session.get(Candidate, restart["id"]))
        actions = [r.action for r in session.scalars(select(Revision).where(
            Revision.entity == "candidate", Revision.entity_id == restart["id"]).order_by(Revision.id))]
    assert (doc["title"], doc["date"], doc["origin"], doc["kind"], doc["tags"], doc["place"], doc["country"]) == (
        "CPC puts SPM-2 back into service", "2022-07-01", "parsed", "economic", ["cpc-pipeline"], "Novorossiysk", "RU")
    [citation] = doc["citations"]
    assert (citation["source_id"], citation["quote"], citation["quote_start"], citation["quote_end"]) == (
        source_id, restart["quote"], restart["start"], restart["end"])
    assert (candidate["state"], candidate["event"], actions) == ("accepted", doc["slug"], ["create", "accept"])


def test_accept_keeps_what_the_candidate_proposes_unless_told(database):
    _, _, candidates = _ingest(database)
    with database.writing() as session:
        event = accept_candidate(session=session, ref=candidates[0]["id"])
        doc = event_document(session, event)
    assert (doc["title"], doc["summary"], doc["kind"], doc["origin"]) == (
        candidates[0]["title"], candidates[0]["summary"], "other", "parsed")


def test_merge_adds_the_citation_to_the_matched_event(database):
    source_id, _, candidates = _ingest(database)
    mine = candidates[1]
    with database.reading() as session:
        before = event_document(session, get_event(session=session, ref=MINE))
    with database.writing() as session:
        event, added = merge_candidate(session=session, ref=mine["id"])
        after = event_document(session, event)
        state = session.get(Candidate, mine["id"]).review_state
    assert (event.slug, added, state) == (MINE, True, "merged")
    assert after["citations"][:-1] == before["citations"]
    assert (after["citations"][-1]["source_id"], after["citations"][-1]["quote"]) == (source_id, mine["quote"])


def test_merge_into_a_given_event_and_not_twice_into_the_same_passage(database):
    _, _, candidates = _ingest(database)
    with database.writing() as session:
        event, added = merge_candidate(session=session, ref=candidates[0]["id"], event_ref=MINE)
        assert (event.slug, added) == (MINE, True)
    with database.writing() as session:
        accept_candidate(session=session, ref=candidates[1]["id"])
    _, _, again = _ingest(database)
    assert again == []
    with database.reading() as session:
        cited = session.scalar(select(func.count(Citation.id)).where(Citation.quote == candidates[0]["quote"]))
    assert cited == 1


def test_reject_and_edit(database):
    _, _, candidates = _ingest(database)
    first, second = candidates
    with database.writing() as session:
        changed = edit_candidate(session=session, ref=first["id"], changes=CandidateChanges(
            title="CPC restarts SPM-2", date="1 July 2022", quote="put its second single point mooring back into "
            "service on July 1", actors=["Caspian Pipeline Consortium"]))
        unchanged = edit_candidate(session=session, ref=first["id"], changes=CandidateChanges(title="CPC restarts SPM-2"))
        reject_candidate(session=session, ref=second["id"], reason="already in the chronology")
        edited = candidate_document(session, session.get(Candidate, first["id"]))
        text = session.get(Source, first["source_id"]).text
    assert (changed, unchanged) == (True, False)
    assert (edited["title"], edited["date"], edited["actors"]) == ("CPC restarts SPM-2", "2022-07-01",
                                                                    ["Caspian Pipeline Consortium"])
    assert text[edited["start"]:edited["end"]] == edited["quote"] == (
        "put its second single point mooring back into service on July 1")
    with database.reading() as session:
        assert [c["id"] for c in candidate_documents(session=session)] == [first["id"]]
        assert [c["state"] for c in candidate_documents(session=session, states=[])] == ["pending", "rejected"]
        actions = session.scalars(select(Revision.action).where(Revision.entity == "candidate").order_by(Revision.id))
        assert list(actions) == ["create", "create", "edit", "reject"]


@pytest.mark.parametrize("step, error, message", [
    (lambda s, ids: accept_candidate(session=s, ref=999), NotFound, "candidate: no candidate '999'"),
    (lambda s, ids: accept_candidate(session=s, ref=ids[0], given=Acceptance(date="2022-02-30")), InvalidDate,
     "date: '2022-02-30' is not valid"),
    (lambda s, ids: accept_candidate(session=s, ref=ids[0], given=Acceptance(kind="party")), InvalidValue,
     "kind: 'party' is not valid"),
    (lambda s, ids: merge_candidate(session=s, ref=ids[0]), InvalidValue, "EVENT: '' is not valid; expected the event"),
    (lambda s, ids: merge_candidate(session=s, ref=ids[1], event_ref="no-such-event"), NotFound, "event: no event"),
    (lambda s, ids: edit_candidate(session=s, ref=ids[0], changes=CandidateChanges(quote="not in the text")),
     InvalidValue, "--quote: 'not in the text' is not valid"),
    (lambda s, ids: edit_candidate(session=s, ref=ids[0], changes=CandidateChanges(date="13 Smarch")), InvalidDate,
     "date: '13 Smarch' is not valid"),
    (lambda s, ids: reject_candidate(session=s, ref=ids[2]), Conflict,
     "candidate: '3' was already rejected; only a pending candidate can be rejected"),
    (lambda s, ids: accept_candidate(session=s, ref="first"), NotFound, "candidate: no candidate 'first'"),
])
def test_bad_review_steps_change_nothing(database, db_url, step, error, message):
    _, _, candidates = _ingest(database)
    ids = [c["id"] for c in candidates]
    with database.writing() as session:
        reviewed = Candidate(source_id=candidates[0]["source_id"], date="2022-07-04", title="Dull",
                             review_state="rejected")
        session.add(reviewed)
        session.flush()
        ids.append(reviewed.id)
    before = snapshot(db_url)
    with pytest.raises(error) as caught:
        with database.writing() as session:
            step(session, ids)
    assert str(caught.value).startswith(message)
    assert snapshot(db_url) == before

"""The shipped seed chronology: coverage, sourcing, recorded disagreements, links, and idempotent loading."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import snapshot
from timeline.db import Database
from timeline.seed import load_seeds, read_seed_files
from timeline.store import get_event
from timeline.store.documents import event_document

SHARED = Path(__file__).resolve().parents[3] / "shared"
ARTICLE_KEYS = {
    "eurasiareview-2022-08-17-untold-truth": "eurasiareview-2022-08-17-untold-truth.txt",
    "thediplomat-2022-03-how-ukraine-could-remake": "thediplomat-2022-03-how-ukraine-could-remake.txt",
    "thediplomat-2022-06-complexity-on-display": "thediplomat-2022-06-complexity-on-display.txt",
    "afp-2022-06-war-strains-ties": "afp-2022-06-war-strains-ties.txt",
}
STORYLINES = {"january-2022-unrest", "spief-2022", "medvedev-vk-post", "cpc-pipeline", "context"}


@pytest.fixture(scope="module")
def files():
    return read_seed_files()


def test_enough_events_across_the_four_storylines(files):
    assert len(files.events) >= 60
    for item in files.events:
        assert len(STORYLINES & set(item["tags"])) == 1, item["slug"]
    counts = {tag: sum(tag in item["tags"] for item in files.events) for tag in STORYLINES}
    assert min(counts.values()) >= 5, counts


def test_every_event_is_sourced_with_a_stance(files):
    keys = {source["key"] for source in files.sources}
    for item in files.events:
        assert item["citations"], item["slug"]
        for citation in item["citations"]:
            assert citation["source"] in keys
            assert citation["stance"] in {"asserts", "reports", "denies", "disputes", "corrects", "retracts"}


def test_sources_have_bibliographic_fields(files):
    for source in files.sources:
        assert source["title"] and source["publisher"], source["key"]
        assert "published" in source and "url" in source, source["key"]
    assert len({s["url"] for s in files.sources if s.get("url")}) == sum(1 for s in files.sources if s.get("url"))


def test_each_article_is_a_source_cited_by_the_events_it_reports(files):
    cited = {c["source"] for item in files.events for c in item["citations"]}
    assert set(ARTICLE_KEYS) <= cited
    index = yaml.safe_load((SHARED / "articles" / "index.yaml").read_text()) if SHARED.exists() else None
    if index:
        urls = {s["key"]: s["url"] for s in files.sources}
        assert {entry["url"] for entry in index} == {urls[key] for key in ARTICLE_KEYS}


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/articles beside the project")
def test_article_quotes_are_verbatim_and_short(files):
    texts = {key: (SHARED / "articles" / name).read_text(encoding="utf-8") for key, name in ARTICLE_KEYS.items()}
    for item in files.events:
        for citation in item["citations"]:
            quote = citation.get("quote")
            if quote and citation["source"] in texts:
                assert quote in texts[citation["source"]], (item["slug"], quote)
            if citation.get("quote_start") is not None:
                start, end = citation["quote_start"], citation["quote_end"]
                assert texts[citation["source"]][start:end] == quote, (item["slug"], start, end)
            if quote:
                assert len(quote) <= 300, (item["slug"], quote)


def test_parsed_events_cite_their_article_at_the_quotes_offsets(files):
    parsed = [item for item in files.events if item.get("origin") == "parsed"]
    assert len(parsed) == 7
    for item in parsed:
        assert any(c["source"] in ARTICLE_KEYS and c.get("quote_start") is not None for c in item["citations"]), (
            item["slug"])


def _doc(database: Database, slug: str) -> dict:
    with database.reading() as session:
        return event_document(session, get_event(session=session, ref=slug))


def test_disagreements_are_recorded_not_resolved(database):
    vk = _doc(database, "2022-08-01-medvedev-vk-post-artificial-state")
    assert vk["date"] == "[2022-08-01..2022-08-02]"
    assert {c["stance"] for c in vk["citations"]} >= {"reports", "corrects"}
    hack = _doc(database, "2022-08-01-medvedev-vk-hack-claim")
    assert hack["status"] == "disputed"
    assert {"asserts", "disputes"} <= {c["stance"] for c in hack["citations"]}
    coal = _doc(database, "2022-06-20-coal-wagon-blockade-claim")
    assert coal["status"] in {"denied", "false"} and coal["status_reason"]
    toll_164 = _doc(database, "2022-01-09-health-ministry-164-dead-withdrawn")
    assert toll_164["status"] in {"disputed", "false"}
    assert {"retracts", "corrects"} & {c["stance"] for c in toll_164["citations"]}
    tolls = [_doc(database, slug) for slug in (
        "2022-01-08-early-official-death-toll", "2022-01-15-prosecutors-225-dead", "2022-01-official-death-toll-227",
        "2022-03-14-prosecutor-general-230-dead", "2022-03-14-ombudswoman-238-dead")]
    assert all("death-toll" in doc["tags"] for doc in tolls)
    denial = _doc(database, "2022-08-04-medvedev-calls-hack-information-war")
    assert denial["date"] == "2022-08-04"
    other_date = [c for c in denial["citations"] if c["stance"] == "corrects"]
    assert other_date and "3 August" in other_date[0]["note"]
    cpc = [_doc(database, "2022-03-23-kazakhstan-studies-bypass-routes"),
           _doc(database, "2022-06-16-terminal-waters-closed-kommersant")]
    assert any(c["stance"] == "disputes" for doc in cpc for c in doc["citations"])


def test_plain_links(database):
    csto = _doc(database, "2022-01-06-csto-troops-arrive")
    assert {"relation": "part_of", "event": "2022-01-02-january-unrest-kazakhstan"} in csto["links"]
    aide = _doc(database, "2022-08-02-osipov-says-account-hacked")
    assert {"relation": "responds_to", "event": "2022-08-01-medvedev-vk-post-artificial-state"} in aide["links"]
    restarts = [link for link in _doc(database, "2022-03-25-cpc-partial-restart-spm1")["links"]
                if link["relation"] == "resumes"]
    assert restarts


def test_loading_twice_changes_nothing(db_url):
    database = Database.open(db_url)
    before = snapshot(db_url)
    with database.writing() as session:
        report = load_seeds(session=session)
    database.dispose()
    assert not report.changed, report
    assert snapshot(db_url) == before

"""Ingesting the four seed articles into a fresh seeded database: the dated events they report, with matches.

Reads the articles from ../shared/articles (never copied into the repository). The expected proposals are
written out in full: each article's candidates in text order as (date, the event it matches or None). The
parsed events of the seed chronology are the proposals that matched nothing and were accepted in review.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.ingest import read_document
from timeline.seed import read_seed_files
from timeline.store.candidates import candidate_document, ingest_document

ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "articles"
pytestmark = pytest.mark.skipif(not (ARTICLES / "index.yaml").exists(),
                                reason="needs the seed articles in ../shared/articles beside the project")

EXPECTED = {
    "eurasiareview-2022-08-17-untold-truth.txt": [
        ("2022-08", "2022-08-01-medvedev-vk-post-artificial-state"),  # the public debate over the post
        ("2020-12", "2020-12-nikonov-says-kazakhstan-did-not-exist"),
        ("2022-08-01", "2022-08-01-medvedev-vk-post-artificial-state"),  # the VK post of 1 August
        ("2022-08-02", "2022-08-02-osipov-says-account-hacked"),  # the aide's denial of 2 August
        ("2022-08-03", "2022-08-04-medvedev-calls-hack-information-war"),  # the article is a day early
        ("2022-01", "2022-01-05-tokayev-requests-csto-help"),
    ],
    "thediplomat-2022-03-how-ukraine-could-remake.txt": [
        ("2022-02-10", "2022-02-10-putin-tokayev-talks-moscow"),
        ("2022-02", None),  # 'the regional order has been dramatically changed': rejected in review
        ("2022-01", "2022-01-02-january-unrest-kazakhstan"),
        ("2022-03-02", "2022-03-02-un-vote-kazakhstan-abstains"),  # the UN vote of 2 March
        ("2022-03-01", "2022-03-01-tokayev-twitter-peaceful-settlement"),
        ("2022-03-02", "2022-03-02-tokayev-zelenskyy-phone-call"),  # the calls of 2 and 4 March
        ("2022-03-04", "2022-03-04-tokayev-putin-phone-call"),
        ("2022-03-06", "2022-03-06-egemen-qazaqstan-article-sympathetic-to-ukraine"),
        ("2022-03-06", "2022-03-06-almaty-anti-war-rally"),  # the Almaty rally of 6 March
        ("2022-02-28", "2022-02-28-abai-kz-csto-eaeu-petition"),  # the 28 February petition
        ("2022-03-03", "2022-03-03-azattyq-asks-senators-about-csto-eaeu"),
        ("2022-01-21", None),  # the article's 'January 21 speech' was given on 21 February: rejected
    ],
    "thediplomat-2022-06-complexity-on-display.txt": [
        ("2022-06-17", "2022-06-17-putin-tokayev-bilateral-talks"),  # SPIEF on 17 June
        ("2022-06", "2022-06-spief-held-in-st-petersburg"),
        ("2022-01", "2022-01-06-csto-troops-arrive"),
        ("2022-02-24", "2022-02-24-russia-invades-ukraine"),
        ("2022-06-23", "2022-06-23-zakharova-respects-kazakh-position"),  # Zakharova on 23 June
    ],
    "afp-2022-06-war-strains-ties.txt": [
        ("[2022-06-13..2022-06-19]", "2022-06-spief-held-in-st-petersburg"),  # "an economic forum ... last week"
        ("2022-02", "2022-02-24-russia-invades-ukraine"),
        ("2022-06-22~", "2022-06-22-dubnov-tokayev-did-not-falter"),
        ("2022-06-17", "2022-06-17-spief-tokayev-non-recognition"),
        ("2022-02", "2022-02-22-kazakhstan-no-recognition-dpr-lpr"),
        ("2022-04", "2022-04-27-kazakh-mfa-keosayan-entry-ban"),
        ("2022-01", "2022-01-02-january-unrest-kazakhstan"),
        ("2022-06~", "2022-06-15-tokayev-rossiya-24-interview"),
        ("2022-06-21~", "2022-06-21-tokayev-qatar-economic-forum"),
    ],
}


@pytest.fixture
def proposed(database):  # type: ignore[no-untyped-def]
    """Each article ingested with the metadata of index.yaml: its text and its candidates' documents."""
    found = {}
    with database.writing() as session:
        for entry in yaml.safe_load((ARTICLES / "index.yaml").read_text(encoding="utf-8")):
            published = str(entry["published"]) + ("~" if entry.get("approximate") else "")
            document = read_document(ARTICLES / entry["file"], title=entry["title"], published=published,
                                     url=entry["url"], publisher=entry["publisher"])
            report = ingest_document(session=session, document=document)
            assert not report.source_added, "the article is a seed source: it gets its text, not a new source"
            found[entry["file"]] = (document.text, [candidate_document(session, row) for row in report.candidates])
    return found


def test_the_articles_propose_their_dated_events_with_matches(proposed):
    for name, expected in EXPECTED.items():
        text, candidates = proposed[name]
        assert [(c["date"], c["match"] and c["match"]["event"]) for c in candidates] == expected, name
        for candidate in candidates:
            assert text[candidate["start"]:candidate["end"]] == candidate["quote"]
            assert candidate["state"] == "pending" and candidate["title"]


def test_parsed_seed_events_are_accepted_proposals(proposed):
    by_key = {"eurasiareview-2022-08-17-untold-truth": "eurasiareview-2022-08-17-untold-truth.txt",
              "thediplomat-2022-03-how-ukraine-could-remake": "thediplomat-2022-03-how-ukraine-could-remake.txt",
              "thediplomat-2022-06-complexity-on-display": "thediplomat-2022-06-complexity-on-display.txt",
              "afp-2022-06-war-strains-ties": "afp-2022-06-war-strains-ties.txt"}
    found_by_ingest = [
        (item, citation) for item in read_seed_files().events for citation in item["citations"]
        if citation.get("quote_start") is not None]
    parsed = {item["slug"] for item in read_seed_files().events if item.get("origin") == "parsed"}
    assert parsed <= {item["slug"] for item, _ in found_by_ingest} and len(parsed) == 7
    for item, citation in found_by_ingest:
        text, candidates = proposed[by_key[citation["source"]]]
        start, end = citation["quote_start"], citation["quote_end"]
        assert text[start:end] == citation["quote"], item["slug"]
        # The quote is a candidate's, or a clause of it (narrowed in review), and the event is its match.
        [candidate] = [c for c in candidates if c["start"] <= start and end <= c["end"]]
        assert candidate["match"]["event"] == item["slug"]
        if item.get("origin") == "parsed":
            assert (candidate["date"], candidate["quote"]) == (item["date"], citation["quote"])

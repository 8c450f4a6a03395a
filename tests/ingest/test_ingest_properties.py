"""RELIABILITY 13 for ingestion: reading, sentences and proposals never raise, quotes are exact, hostile input works.

No timing thresholds: every pass is linear by construction, bench/ingest.py measures the speed. These tests
check that any text, Markdown or HTML comes through, and that 100 KB of hostile input gives the right output.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.dates import parse_edtf
from timeline.ingest import Gazetteer, parse_document, propose
from timeline.ingest.headlines import MAX_WORDS
from timeline.ingest.sentences import split_sentences

GAZETTEER = Gazetteer([("Kassym-Jomart Tokayev", ["Tokayev"]), ("Vladimir Putin", ["Putin"]), ("Kazakhstan", [])],
                      [("Qatar Economic Forum, Doha", "QA")])
_WORDS = st.sampled_from([
    "On", "on", "in", "In", "the", "The", "March", "March 2", "2 March 2022", "June 17", "Wednesday", "yesterday",
    "last week", "about", "around", "reportedly", "every", "year", "2022", "1990s", "9 minutes", "Tokayev", "Putin",
    "met", "said", "held", "talks", "rally", "marched", "was", "did not", "vote", "Mr.", "U.S.", "Jan.", "J.", "1.5",
    "St. Petersburg", "Moscow", "Doha", "Kazakhstan", "Russia Today", "and", "but", "which", "who", ",", ".", "?",
    "!", ":", ";", "…", "(", ")", "[", "]", '"', "“", "”", "‘", "’", "'", "-", "–", "\n", "\n\n", " ", "  ", "\t",
    "\u200f", "\ufeff", "日本", "٢٠٢٢",
])
_TEXTS = st.one_of(st.text(max_size=400), st.lists(_WORDS, max_size=80).map(" ".join),
                   st.lists(_WORDS, max_size=80).map("".join))
_MARKUP = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<main>", "<script>", "</script>", "<style>",
    "<nav>", "</nav>", "<br>", "<br/>", "<pre>", "</pre>", "<!--", "-->", "<!DOCTYPE html>", "<![CDATA[", "]]>",
    "<a href='x'>", '<meta property="og:title" content="T">', '<meta property="article:published_time" '
    'content="2022-08-17T10:00:00Z">', "<title>", "</title>", "&amp;", "&#x41;", "&#", "&", "<", ">", "</", "<?",
    "<!", '"', "'", "=", "**", "__", "_", "*", "[", "](", ")", "`", "```", "# ", "> ", "- ", "1. ", "|", "---\n",
    "title: x\n", "\n",
])
_DOCUMENTS = st.one_of(_TEXTS, st.lists(st.one_of(_MARKUP, _WORDS), max_size=80).map("".join))
_NAMES = st.sampled_from(["a.txt", "a.md", "a.html"])
_PUBLISHED = st.sampled_from([None, "2022-08-17", "2022-06-23~", "2022-03", "2022", "1970-01-01", "9999-12-31",
                              "not a date", "[2022-08-01..2022-08-02]"])


def _check(raw: str, name: str, published: str | None) -> None:
    document = parse_document(raw, name=name)
    text = document.text
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text and sentence.text.strip() == sentence.text
    for proposal in propose(text, published=published or document.published, gazetteer=GAZETTEER):
        assert 0 <= proposal.start < proposal.end <= len(text)
        assert text[proposal.start:proposal.end] == proposal.quote
        assert parse_edtf(proposal.date).edtf == proposal.date
        assert proposal.title and len(proposal.title.split()) <= MAX_WORDS
        assert set(proposal.actors) <= {"Kassym-Jomart Tokayev", "Vladimir Putin", "Kazakhstan"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENTS, _NAMES, _PUBLISHED)
def test_any_document_is_read_and_proposed_without_error_and_quotes_are_exact(raw, name, published):
    _check(raw, name, published)


_HUNDRED_KB = 100_000


def _proposals(raw: str, name: str = "a.txt", published: str = "2022-08-17"):  # type: ignore[no-untyped-def]
    document = parse_document(raw[:_HUNDRED_KB], name=name)
    proposals = propose(document.text, published=published, gazetteer=GAZETTEER)
    assert all(document.text[p.start:p.end] == p.quote for p in proposals)
    return document, proposals


def test_a_hundred_kilobytes_of_dated_sentences():
    sentence = "On 3 March 2022 Tokayev met Putin in Moscow. "
    document, proposals = _proposals(sentence * 2_300)
    assert len(proposals) == _HUNDRED_KB // len(sentence)
    assert {(p.date, p.title, p.quote, p.actors, p.places) for p in proposals} == {
        ("2022-03-03", "Tokayev met Putin in Moscow", sentence.strip(), ("Kassym-Jomart Tokayev", "Vladimir Putin"),
         ("Moscow",))}


def test_a_hundred_kilobytes_without_a_full_stop():
    document, proposals = _proposals("On 3 March 2022 Tokayev met Putin and " * 2_700)
    assert len(proposals) == 2_632 and {p.date for p in proposals} == {"2022-03-03"}
    assert max(len(p.quote) for p in proposals) <= 300


@pytest.mark.parametrize("raw, name, expected_text", [
    ("<a" * 50_000, "a.html", "<a" * 50_000),  # tags that never close
    ("<!--" * 25_000, "a.html", "<!--" * 25_000),  # comments that never close
    ("<script>" * 12_500, "a.html", ""),
    ("<p>" * 33_333, "a.html", ""),
    ("<p>" * 33_334, "a.html", "<"),  # cut at 100 KB: a last "<" that never closes is text
    ("&amp;" * 20_000, "a.html", "&" * 20_000),
    ("<![CDATA[" * 11_112, "a.html", None),
    ("[" * _HUNDRED_KB, "a.md", "[" * _HUNDRED_KB),
    ("[a](" * 25_000, "a.md", None),
    ("**a" * 33_334, "a.md", None),
    ("Mr. U.S. Jan. 5 J. " * 5_300, "a.txt", None),
    ("“‘\"" * 33_334, "a.txt", None),
    (". " * 50_000, "a.txt", None),
    ("a\n" * 50_000, "a.txt", None),
])
def test_a_hundred_kilobytes_of_hostile_markup_gives_no_proposal(raw, name, expected_text):
    document, proposals = _proposals(raw, name)
    assert proposals == []
    if expected_text is not None:
        assert document.text == expected_text[:_HUNDRED_KB]


def test_a_hundred_kilobytes_of_html_articles():
    page = "<article><p>On 3 March 2022 Tokayev met Putin.</p></article>" * 1_600
    document, proposals = _proposals(page, "a.html")
    assert len(proposals) == 1_600 and document.text.count("\n\n") == 1_599

"""Bad input: one line on stderr naming the field, the value and what was expected; exit 1; nothing written."""

from __future__ import annotations

import pytest

from conftest import assert_refused, snapshot

SOURCE = ["--source", "afp-2022-06-war-strains-ties"]

CASES = {
    "impossible date": (
        ["add", "--title", "A day that never was", "--date", "2022-02-30", *SOURCE],
        "date: '2022-02-30' is not valid; expected",
    ),
    "month 13": (
        ["add", "--title", "Thirteenth month", "--date", "2022-13", *SOURCE],
        "date: '2022-13' is not valid; expected",
    ),
    "not a date": (
        ["add", "--title", "Gibberish date", "--date", "last blursday", *SOURCE],
        "date: 'last blursday' is not valid; expected",
    ),
    "missing source": (
        ["add", "--title", "Unsourced claim", "--date", "2022-06-17"],
        "source: an event needs at least one source",
    ),
    "unknown source id": (
        ["add", "--title", "Cites nothing real", "--date", "2022-06-17", "--source", "99999"],
        "source: no source '99999'",
    ),
    "url without title": (
        ["add", "--title", "Half a source", "--date", "2022-06-17", "--url", "https://example.org/a"],
        "--source-title: '' is not valid; expected the title of the source at --url",
    ),
    "bad url": (
        ["add", "--title", "Odd link", "--date", "2022-06-17", "--url", "javascript:alert(1)",
         "--source-title", "X"],
        "url: 'javascript:alert(1)' is not valid; expected an http:// or https:// address",
    ),
    "duplicate slug": (
        ["add", "--title", "Same slug again", "--date", "2022-06-17", "--slug",
         "2022-06-17-spief-tokayev-non-recognition", *SOURCE],
        "slug: '2022-06-17-spief-tokayev-non-recognition' is already used by another event",
    ),
    "bad country": (
        ["add", "--title", "Somewhere", "--date", "2022-06-17", "--country", "Kazakhstan", *SOURCE],
        "country: 'Kazakhstan' is not valid; expected a two-letter ISO 3166-1 code",
    ),
    "unknown kind": (
        ["add", "--title", "Odd kind", "--date", "2022-06-17", "--kind", "party", *SOURCE],
        "kind: 'party' is not valid; expected one of statement, meeting",
    ),
    "unknown event (show)": (["show", "no-such-event"], "event: no event 'no-such-event'"),
    "unknown event id (show)": (["show", "987654"], "event: no event '987654'"),
    "unknown event (cite)": (
        ["cite", "no-such-event", "afp-2022-06-war-strains-ties"], "event: no event 'no-such-event'"),
    "unknown source (cite)": (
        ["cite", "2022-06-17-spief-tokayev-non-recognition", "4242"], "source: no source '4242'"),
    "unknown tag filter": (["query", "--tag", "no-such-storyline"], "--tag: 'no-such-storyline' is not valid; expected one of"),
    "unknown status filter": (["query", "--status", "rumoured"], "--status: 'rumoured' is not valid; expected one of confirmed"),
    "unknown actor filter": (["query", "--actor", "Nobody Atall"], "--actor: 'Nobody Atall' is not valid"),
    "unknown source filter": (["query", "--source", "Daily Planet"], "--source: 'Daily Planet' is not valid"),
    "from not a date": (["query", "--from", "the day after"], "--from: 'the day after' is not valid; expected"),
    "to before from": (["query", "--from", "2022-08", "--to", "2022-06"], "--to: '2022-06' is not valid"),
    "limit zero": (["query", "--limit", "0"], "--limit: 0 is not valid; expected a whole number of at least 1"),
    "export unknown tag": (["export", "--format", "csv", "-o", "-", "--tag", "nope"], "--tag: 'nope' is not valid"),
    "duplicate source url": (
        ["sources", "add", "--title", "Again", "--url",
         "https://goodwordnews.com/war-in-ukraine-strains-ties-between-kazakhstan-and-russia/"],
        "url: 'https://goodwordnews.com/war-in-ukraine-strains-ties-between-kazakhstan-and-russia/' is already source",
    ),
    "source published not a date": (
        ["sources", "add", "--title", "Undated", "--published", "sometime"],
        "published: 'sometime' is not valid; expected",
    ),
}


@pytest.mark.parametrize("args, expected", list(CASES.values()), ids=list(CASES))
def test_bad_input_is_one_line_exit_1_and_writes_nothing(cli, db_url, args, expected):
    before = snapshot(db_url)
    assert_refused(cli(*args), expected)
    assert snapshot(db_url) == before

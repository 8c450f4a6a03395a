"""Full-text search: same results on both engines, phrases, prefixes, accents, kept in step on writes."""

from __future__ import annotations

import json

import pytest

from timeline.errors import InvalidValue
from timeline.search import document_text, fts5_expression, parse_query, tokens, tsquery_expression


def _slugs(cli, *args: str) -> list[str]:
    result = cli("query", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return [doc["slug"] for doc in json.loads(result.stdout)]


# The same expectations hold on SQLite and PostgreSQL (the `cli` fixture runs on each).
SEARCHES = {
    "word in a title": ("Zakharova", ["2022-06-23-zakharova-respects-kazakh-position"]),
    "case and hyphen": ("QUASI-STATE", ["2022-06-17-spief-tokayev-non-recognition"]),
    "phrase": ('"artificial state"', ["2022-08-01-medvedev-vk-post-artificial-state"]),
    "prefix": ("Zakhar*", ["2022-06-23-zakharova-respects-kazakh-position"]),
    "words must all match": ("Medvedev information war", ["2022-08-04-medvedev-calls-hack-information-war"]),
    "quote text (Cyrillic)": ("информационной", ["2022-08-01-medvedev-vk-hack-claim",
                                                 "2022-08-04-medvedev-calls-hack-information-war"]),
    "no match": ("zzzyzx", []),
}


@pytest.mark.parametrize("query, expected", list(SEARCHES.values()), ids=list(SEARCHES))
def test_searches(cli, query, expected):
    assert _slugs(cli, "--text", query) == expected


def test_search_combines_with_dates(cli):
    assert _slugs(cli, "--text", "Medvedev", "--from", "2022-08-03", "--to", "2022-08-05") == [
        "2022-08-02-sceptical-reaction-hack-claim", "2022-08-04-medvedev-calls-hack-information-war"]


def test_index_follows_every_write(cli):
    slug = cli("add", "--title", "Łódź café résumé meeting", "--date", "2022-05-05",
               "--source", "afp-2022-06-war-strains-ties").stdout.strip()
    assert _slugs(cli, "--text", "lodz cafe") == [slug]
    assert _slugs(cli, "--text", "Resume") == [slug]
    cli("cite", slug, "thediplomat-2022-03-how-ukraine-could-remake", "--quote", "a distinctive xylophone remark")
    assert _slugs(cli, "--text", "xylophone") == [slug]


def test_tokens_fold_case_and_accents():
    assert tokens("Tokayev's «quasi-state» Łódź_2022 Straße") == [
        "tokayev", "s", "quasi", "state", "lodz", "2022", "strasse"]
    assert tokens("Информационной войны") == ["информационнои", "воины"]
    assert document_text(["Title", None, "Quote!"]) == "title quote"


def test_query_expressions_are_equivalent():
    query = parse_query('Medvedev "information war" hack*')
    assert fts5_expression(query) == '"medvedev" AND "information war" AND "hack"*'
    assert tsquery_expression(query) == "'medvedev' & ('information' <-> 'war') & 'hack':*"


@pytest.mark.parametrize("bad", ["", "   ", '""', "!!!"])
def test_empty_searches_are_refused(bad):
    with pytest.raises(InvalidValue, match="--text"):
        parse_query(bad)

"""`timeline ingest` and `timeline review`: exact output, parity with the library, and bad input as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import assert_refused, snapshot
from timeline.db import Database
from timeline.store.candidates import candidate_document, candidate_documents, get_candidate

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cpc-mooring-brief.txt"
MINE = "2022-06-27-wwii-mine-found-near-spm2"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(SAMPLE.read_bytes())
    return path


def test_ingest_json_lists_the_source_and_its_candidates(cli, article):
    result = cli("ingest", str(article), "--published", "2022-07-04", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    output = json.loads(result.stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    source = output["source"]
    assert (source["title"], source["published"], source["added"], source["url"]) == (
        "Caspian Pipeline Consortium brings a second mooring back", "2022-07-04", True, None)
    assert [(c["id"], c["date"], c["state"], c["match"] and c["match"]["event"]) for c in output["candidates"]] == [
        (1, "2022-07-01", "pending", None), (2, "2022-06-27", "pending", MINE)]
    for candidate in output["candidates"]:
        assert {"id", "date", "title", "quote", "start", "end", "actors", "places", "match"} <= set(candidate)
        assert text[candidate["start"]:candidate["end"]] == candidate["quote"]
    assert output["candidates"][1]["quote"] == (
        "Divers had found a Second World War mine in the mooring's safety zone on June 27, and the city declared a "
        "local emergency before sappers destroyed it.")
    assert output["already_proposed"] == 0


def test_ingest_table_and_a_second_time(cli, article, golden):
    first = cli("ingest", str(article), "--published", "2022-07-04")
    assert first.exit_code == 0, first.stderr
    golden("ingest-sample-table.txt", first.stdout)
    again = cli("ingest", str(article))
    assert again.stdout == ("source 124: Caspian Pipeline Consortium brings a second mooring back (ingested before; "
                            "2 proposed before; nothing new to review)\n")


def test_several_files_in_one_go(cli, article, tmp_path):
    other = tmp_path / "other.md"
    other.write_text("# Another brief\n\nOn **June 17** Tokayev met Putin in St Petersburg.\n", encoding="utf-8")
    result = cli("ingest", str(article), str(other), "--published", "2022-07-04", "--format", "json")
    assert result.exit_code == 0, result.stderr
    outputs = json.loads(result.stdout)
    assert [o["source"]["title"] for o in outputs] == ["Caspian Pipeline Consortium brings a second mooring back",
                                                       "Another brief"]
    assert [c["date"] for c in outputs[1]["candidates"]] == ["2022-06-17"]


def test_review_commands(cli, db_url, article):
    cli("ingest", str(article), "--published", "2022-07-04")
    listed = cli("review", "list", "--format", "json")
    shown = cli("review", "show", "2", "--format", "json")
    database = Database.open(db_url)
    with database.reading() as session:
        assert json.loads(listed.stdout) == candidate_documents(session=session)
        assert json.loads(shown.stdout) == candidate_document(session, get_candidate(session=session, ref=2))
    database.dispose()
    assert cli("review").stdout == cli("review", "list").stdout != ""
    assert cli("review", "show", "2").stdout == (
        "candidate 2  (pending)\n"
        "Divers had found a Second World War mine in the mooring's safety zone\n\n"
        "Date      27 Jun 2022  (EDTF 2022-06-27)\n"
        "Source    124, characters 201–351\n"
        f"Matches   {MINE} (score 0.90): Wartime sea mine found near SPM-2; Novorossiysk declares a local "
        "emergency\n\n"
        "“Divers had found a Second World War mine in the mooring's safety zone on June 27, and the city declared a "
        "local emergency before sappers destroyed it.”\n")
    assert cli("review", "edit", "1", "--title", "CPC restarts its second mooring").stdout == "edited candidate 1\n"
    assert cli("review", "edit", "1", "--title", "CPC restarts its second mooring").stdout == (
        "nothing to change in candidate 1\n")
    accepted = cli("review", "accept", "1", "--kind", "economic", "--tag", "cpc-pipeline", "--actor",
                   "Caspian Pipeline Consortium", "--place", "Novorossiysk", "--country", "RU")
    assert accepted.stdout == "accepted candidate 1 as 2022-07-01-cpc-restarts-its-second-mooring\n"
    assert cli("review", "merge", "2").stdout == f"merged candidate 2 into {MINE}; status: confirmed\n"
    event = json.loads(cli("show", "2022-07-01-cpc-restarts-its-second-mooring", "--format", "json").stdout)
    assert (event["origin"], event["kind"], event["place"], event["citations"][0]["quote_start"]) == (
        "parsed", "economic", "Novorossiysk", 85)
    assert cli("review", "list").stderr == "No candidates.\n"
    assert [c["state"] for c in json.loads(cli("review", "list", "--all", "--format", "json").stdout)] == [
        "accepted", "merged"]
    assert [c["id"] for c in json.loads(cli("review", "list", "--state", "merged", "--format", "json").stdout)] == [2]
    assert json.loads(cli("review", "list", "--source", "124", "--all", "--format", "json").stdout)[0]["id"] == 1


def test_reject(cli, article):
    cli("ingest", str(article), "--published", "2022-07-04")
    assert cli("review", "reject", "1", "--reason", "a restart, not news").stdout == "rejected candidate 1\n"
    assert cli("review", "show", "1").stdout.startswith("candidate 1  (rejected)\n")


GOODWORD = "https://goodwordnews.com/war-in-ukraine-strains-ties-between-kazakhstan-and-russia/"
BAD = {
    "missing file": (["ingest", "no-such-file.txt"], "file: no file 'no-such-file.txt'"),
    "binary file": (["ingest", "{binary}"], "file: '{binary}' is not valid; expected a UTF-8 text file; it holds binary"),
    "bad published": (["ingest", "{article}", "--published", "someday"], "published: 'someday' is not valid"),
    "bad url": (["ingest", "{article}", "--url", "ftp://x"], "url: 'ftp://x' is not valid"),
    "url for two files": (["ingest", "{article}", "{article}", "--url", "https://example.org/a"],
                          "--url: 'https://example.org/a' is not valid; expected a single FILE"),
    "url holding another text": (["ingest", "{changed}", "--url", GOODWORD], f"url: '{GOODWORD}' is already source"),
    "unknown candidate": (["review", "accept", "42"], "candidate: no candidate '42'"),
    "show unknown": (["review", "show", "x"], "candidate: no candidate 'x'"),
    "bad date override": (["review", "accept", "1", "--date", "2022-02-30"], "date: '2022-02-30' is not valid"),
    "unknown kind": (["review", "accept", "1", "--kind", "party"], "kind: 'party' is not valid"),
    "bad tag": (["review", "accept", "1", "--tag", "Not A Tag!"], "tag: 'Not A Tag!' is not valid"),
    "merge without a match": (["review", "merge", "1"], "EVENT: '' is not valid; expected the event candidate 1"),
    "merge into nothing": (["review", "merge", "1", "no-such-event"], "event: no event 'no-such-event'"),
    "edit nothing": (["review", "edit", "1"], "edit: '1' is not valid; expected at least one field"),
    "edit a quote not in the text": (["review", "edit", "1", "--quote", "never written"],
                                     "--quote: 'never written' is not valid"),
    "already reviewed": (["review", "accept", "2"], "candidate: '2' was already rejected"),
    "unknown source filter": (["review", "list", "--source", "nowhere"], "source: no source 'nowhere'"),
}


@pytest.mark.parametrize("args, expected", list(BAD.values()), ids=list(BAD))
def test_bad_input_is_one_line_exit_1_and_writes_nothing(cli, db_url, article, tmp_path, args, expected):
    binary, changed = tmp_path / "binary.txt", tmp_path / "changed.txt"
    binary.write_bytes(b"\x00\x01\x02")
    changed.write_text("A different text, written on July 2.", encoding="utf-8")
    cli("ingest", str(article), "--published", "2022-07-04", "--url", GOODWORD)  # candidates 1 and 2
    cli("review", "reject", "2")
    words = [arg.format(article=article, binary=binary, changed=changed) for arg in args]
    before = snapshot(db_url)
    assert_refused(cli(*words), expected.format(binary=binary))
    assert snapshot(db_url) == before


def test_help_for_ingest_and_review(cli):
    for args in (["ingest", "-h"], ["review", "-h"], ["review", "list", "-h"], ["review", "show", "-h"],
                 ["review", "accept", "-h"], ["review", "merge", "-h"], ["review", "reject", "-h"],
                 ["review", "edit", "-h"]):
        result = cli(*args)
        assert result.exit_code == 0, args
        assert "Usage:" in result.stdout


def test_an_ingested_source_without_url_survives_export_and_import(cli, empty_cli, article, tmp_path):
    assert cli("ingest", str(article), "--published", "2022-07-04").exit_code == 0
    assert cli("review", "merge", "2").exit_code == 0
    path = tmp_path / "june.csv"
    assert cli("export", "--format", "csv", "-o", str(path), "--from", "2022-06", "--to", "2022-06").exit_code == 0
    again = cli("import", str(path))
    assert again.exit_code == 0, again.stderr
    assert again.stdout.startswith("imported june.csv (csv): 0 added, 0 changed, ")
    assert "new source" not in again.stdout
    fresh = empty_cli("import", str(path))
    assert fresh.exit_code == 0, fresh.stderr
    mine = json.loads(empty_cli("show", MINE, "--format", "json").stdout)
    assert "2022-07-04-caspian-pipeline-consortium-brings-second-mooring-back" in {
        c["source_key"] for c in mine["citations"]}

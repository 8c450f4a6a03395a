"""The everyday commands as a user runs them: exact output, exit codes, stdout and stderr apart."""

from __future__ import annotations

import json

from timeline.db import Database
from timeline.migrate import head_revision
from timeline.store import EventQuery, get_event, query_documents
from timeline.store.documents import event_document

SPIEF = "2022-06-17-spief-tokayev-non-recognition"
DIPLOMAT_MARCH = "thediplomat-2022-03-how-ukraine-could-remake"


def test_query_june_2022_table(cli, golden):
    result = cli("query", "--from", "2022-06", "--to", "2022-06")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "Tokayev tells SPIEF Kazakhstan will not recognise Donetsk and" in result.stdout
    golden("query-june-2022.txt", result.stdout)


def test_query_json_equals_library(cli, db_url):
    result = cli("query", "--from", "2022-08-01", "--to", "2022-08-05", "--format", "json")
    assert result.exit_code == 0
    db = Database.open(db_url)
    with db.reading() as session:
        expected = query_documents(session=session, query=EventQuery(date_from="2022-08-01", date_to="2022-08-05"))
    db.dispose()
    assert json.loads(result.stdout) == expected
    assert [doc["slug"] for doc in expected][:2] == [
        "2022-08-01-medvedev-vk-post-artificial-state",
        "2022-08-01-medvedev-vk-hack-claim",
    ]


def test_query_json_carries_the_contract_fields(cli):
    doc = json.loads(cli("query", "--tag", "spief-2022", "--limit", "1", "--format", "json").stdout)[0]
    for field in ("id", "slug", "title", "summary", "date", "start_earliest", "start_latest", "end_earliest",
                  "end_latest", "precision", "kind", "tags", "place", "country", "status", "actors", "citations"):
        assert field in doc, field
    for field in ("source_id", "source_title", "publisher", "url", "published", "quote", "stance"):
        assert field in doc["citations"][0], field


def test_query_is_chronological(cli):
    docs = json.loads(cli("query", "--format", "json").stdout)
    keys = [(d["start_earliest"] or "", d["id"]) for d in docs]
    assert len(docs) >= 60
    starts = [d["start_earliest"] for d in docs if d["start_earliest"] and not d["start_earliest"].startswith("-")]
    assert starts == sorted(starts)
    assert len(keys) == len({d["id"] for d in docs})


def test_match_modes_on_the_unrest_interval(cli):
    """The umbrella event 2022-01-02/2022-01-19 overlaps 10 January but neither lies within nor starts in it."""
    def slugs(*args: str) -> set[str]:
        return {d["slug"] for d in json.loads(cli("query", "--format", "json", *args).stdout)}

    umbrella = "2022-01-02-january-unrest-kazakhstan"
    assert umbrella in slugs("--from", "2022-01-10", "--to", "2022-01-10")
    assert umbrella not in slugs("--from", "2022-01-10", "--to", "2022-01-10", "--match", "within")
    assert umbrella not in slugs("--from", "2022-01-10", "--to", "2022-01-10", "--match", "starts")
    assert umbrella in slugs("--from", "2022-01", "--to", "2022-01", "--match", "within")
    assert umbrella in slugs("--from", "2022-01-02", "--to", "2022-01-02", "--match", "starts")


def test_partial_to_date_covers_its_whole_span(cli):
    docs = json.loads(cli("query", "--from", "2022-08-22", "--to", "2022-08", "--format", "json").stdout)
    assert "2022-08-22-cpc-suspends-spm1-spm2-cracks" in {d["slug"] for d in docs}


def test_filters_combine(cli):
    docs = json.loads(cli("query", "--tag", "january-2022-unrest", "--tag", "death-toll",
                          "--status", "disputed", "--format", "json").stdout)
    assert docs and all("death-toll" in d["tags"] or "january-2022-unrest" in d["tags"] for d in docs)
    assert all(d["status"] == "disputed" for d in docs)
    by_actor = json.loads(cli("query", "--actor", "Tokayev", "--country", "qa", "--format", "json").stdout)
    assert [d["slug"] for d in by_actor] == ["2022-06-21-tokayev-qatar-economic-forum"]


def test_text_and_source_filters(cli):
    docs = json.loads(cli("query", "--text", "quasi-state", "--format", "json").stdout)
    assert SPIEF in {d["slug"] for d in docs}
    cited = json.loads(cli("query", "--source", DIPLOMAT_MARCH, "--format", "json").stdout)
    assert {"2022-03-02-un-vote-kazakhstan-abstains", "2022-03-06-almaty-anti-war-rally"} <= {d["slug"] for d in cited}
    assert all(any(c["source_key"] == DIPLOMAT_MARCH for c in d["citations"]) for d in cited)


def test_query_nothing_matches(cli):
    result = cli("query", "--from", "1990", "--to", "1990")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No events match.\n")
    assert cli("query", "--from", "1990", "--to", "1990", "--format", "json").stdout == "[]\n"


def test_show_text(cli, golden):
    result = cli("show", SPIEF)
    assert result.exit_code == 0 and result.stderr == ""
    golden("show-spief.txt", result.stdout)


def test_show_by_id_json_equals_library(cli, db_url):
    db = Database.open(db_url)
    with db.reading() as session:
        event = get_event(session=session, ref=SPIEF)
        expected = event_document(session, event)
    db.dispose()
    assert json.loads(cli("show", str(expected["id"]), "--format", "json").stdout) == expected
    assert expected["links"] == [] and {"relation": "responds_to", "event": "2022-06-23-zakharova-respects-kazakh-position"} in expected["linked_from"]


def test_add_with_a_stored_source_prints_the_slug(cli):
    result = cli(
        "add", "--title", "Tokayev urges Russia and Ukraine to seek a peaceful settlement",
        "--date", "1 March 2022", "--kind", "statement", "--tag", "context", "--actor", "Tokayev:speaker",
        "--source", DIPLOMAT_MARCH, "--quote",
        "We call on both states to make utmost efforts to pursue a dialogue and work on a peaceful settlement",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "2022-03-01-tokayev-urges-russia-ukraine-seek-peaceful-settlement\n"
    doc = json.loads(cli("show", result.stdout.strip(), "--format", "json").stdout)
    assert doc["date"] == "2022-03-01"
    assert doc["actors"] == [{"name": "Kassym-Jomart Tokayev", "role": "speaker"}]
    assert doc["status"] == "reported"
    assert doc["citations"][0]["source_key"] == DIPLOMAT_MARCH
    listed = json.loads(cli("query", "--from", "2022-03-01", "--to", "2022-03-01", "--format", "json").stdout)
    assert doc["slug"] in {d["slug"] for d in listed}


def test_add_with_a_new_source_and_json_output(cli):
    result = cli(
        "add", "--title", "Kazakhstan says it will not recognise the annexation referendums",
        "--date", "2022-09-26", "--slug", "2022-09-26-test-referendums", "--kind", "statement",
        "--url", "https://example.org/kz-referendums", "--source-title", "Kazakhstan on the referendums",
        "--publisher", "Example Wire", "--published", "27 September 2022", "--stance", "asserts",
        "--format", "json",
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["slug"] == "2022-09-26-test-referendums"
    assert doc["citations"][0]["published"] == "2022-09-27"
    assert doc["citations"][0]["stance"] == "asserts"
    again = json.loads(cli("sources", "show", "https://example.org/kz-referendums", "--format", "json").stdout)
    assert [e["slug"] for e in again["events"]] == ["2022-09-26-test-referendums"]


def test_every_write_records_a_revision(cli, db_url):
    from conftest import snapshot

    before = len(snapshot(db_url)["revisions"])
    slug = cli("add", "--title", "A test event", "--date", "2022-05", "--source", DIPLOMAT_MARCH,
               "--reason", "testing").stdout.strip()
    cli("cite", slug, "afp-2022-06-war-strains-ties", "--stance", "disputes", "--note", "doubts it")
    revisions = snapshot(db_url)["revisions"]
    assert len(revisions) == before + 2
    assert json.loads(cli("show", slug, "--format", "json").stdout)["status"] == "disputed"


def test_cite_derives_status(cli):
    result = cli("cite", "2022-06-21-tokayev-qatar-economic-forum", DIPLOMAT_MARCH, "--stance", "denies",
                 "--quote", "placeholder quote for the test")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"cited source {DIPLOMAT_MARCH} for 2022-06-21-tokayev-qatar-economic-forum; status: disputed\n"
    )


def test_sources_list_and_show(cli, golden):
    listed = json.loads(cli("sources", "list", "--format", "json").stdout)
    assert len(listed) >= 100
    keys = {s["key"] for s in listed}
    assert {DIPLOMAT_MARCH, "afp-2022-06-war-strains-ties", "thediplomat-2022-06-complexity-on-display",
            "eurasiareview-2022-08-17-untold-truth"} <= keys
    shown = cli("sources", "show", "eurasiareview-2022-08-17-untold-truth")
    assert shown.exit_code == 0
    golden("sources-show-eurasiareview.txt", shown.stdout)


def test_sources_add_prints_id(cli):
    result = cli("sources", "add", "--title", "A report", "--url", "https://example.org/report",
                 "--publisher", "Example", "--published", "2022-07", "--language", "en")
    assert result.exit_code == 0
    new_id = int(result.stdout)
    doc = json.loads(cli("sources", "show", str(new_id), "--format", "json").stdout)
    assert (doc["title"], doc["published"], doc["events"]) == ("A report", "2022-07", [])


def test_a_source_without_url_or_key_gets_a_readable_key(cli, tmp_path):
    """Exports name sources by key or URL; a source with neither would not come back from an import."""
    keys = []
    for _ in range(2):
        result = cli("sources", "add", "--title", "Notes from the Almaty rally", "--published", "2022-03-06")
        assert result.exit_code == 0, result.stderr
        keys.append(json.loads(cli("sources", "show", result.stdout.strip(), "--format", "json").stdout)["key"])
    assert keys == ["2022-03-06-notes-almaty-rally", "2022-03-06-notes-almaty-rally-2"]
    undated = cli("sources", "add", "--title", "Заметки")
    assert json.loads(cli("sources", "show", undated.stdout.strip(), "--format", "json").stdout)["key"] == (
        "source-untitled")


def test_init_and_db_commands(empty_cli):
    head = head_revision()
    assert empty_cli("db", "current").stdout == f"{head} (head)\n"
    assert empty_cli("db", "upgrade").stdout == f"already at {head}\n"
    result = empty_cli("init", "--no-seed")
    assert result.exit_code == 0
    assert result.stdout.startswith("ready: ") and result.stdout.endswith("(0 events)\n")
    seeded = empty_cli("init")
    assert seeded.stdout.endswith("events, 82 added from seeds)\n")


def test_help_for_every_command(cli):
    for args in (["--help"], ["query", "-h"], ["show", "-h"], ["add", "-h"], ["cite", "-h"], ["export", "-h"],
                 ["sources", "-h"], ["sources", "list", "-h"], ["sources", "show", "-h"], ["sources", "add", "-h"],
                 ["db", "-h"], ["db", "upgrade", "-h"], ["db", "current", "-h"], ["init", "-h"], ["plot", "-h"],
                 ["schema", "-h"]):
        result = cli(*args)
        assert result.exit_code == 0, args
        assert "Usage:" in result.stdout


def test_usage_errors_exit_2(cli):
    assert cli("query", "--match", "sometimes").exit_code == 2
    assert cli("frobnicate").exit_code == 2


def test_db_commands_on_a_new_file(tmp_path):
    from conftest import Cli

    cli = Cli(str(tmp_path / "new.db"))
    head = head_revision()
    assert cli("db", "current").stdout == f"empty (no schema); newest is {head}\n"
    assert cli("db", "upgrade").stdout == f"upgraded empty database -> {head}\n"
    assert cli("db", "current").stdout == f"{head} (head)\n"
    assert cli("query", "--format", "json").stdout == "[]\n"

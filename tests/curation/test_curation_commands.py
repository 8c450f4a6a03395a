"""Curating without losing anything: edit, history, undo, trash, purge, links, merge, uncite, --as-of."""

from __future__ import annotations

import json
import time

from conftest import snapshot

RALLY = "2022-03-06-almaty-anti-war-rally"
VOTE = "2022-03-02-un-vote-kazakhstan-abstains"
AFP = "afp-2022-06-war-strains-ties"
MARCH = "thediplomat-2022-03-how-ukraine-could-remake"


def _doc(cli, ref: str) -> dict:
    result = cli("show", ref, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _slugs(cli, *args: str) -> list[str]:
    return [d["slug"] for d in json.loads(cli("query", "--format", "json", *args).stdout)]


def _new_event(cli, title: str = "Test event for curation", date: str = "2022-05-10") -> str:
    result = cli("add", "--title", title, "--date", date, "--source", AFP, "--tag", "context")
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def test_edit_records_a_revision_with_reason_and_history_lists_it(cli):
    result = cli("edit", RALLY, "--title", "Rally against the war in Almaty", "--reason", "shorter title")
    assert (result.exit_code, result.stdout) == (0, f"edited {RALLY}; status: confirmed\n")
    assert _doc(cli, RALLY)["title"] == "Rally against the war in Almaty"
    lines = cli("history", RALLY).stdout.splitlines()
    assert lines[-1].endswith("tester  edit [title]: shorter title")
    revisions = json.loads(cli("history", RALLY, "--format", "json").stdout)
    assert [r["action"] for r in revisions][-1] == "edit"


def test_undo_reverts_without_clobbering_later_edits(cli):
    cli("edit", RALLY, "--title", "First new title")
    cli("edit", RALLY, "--place", "Almaty, Sary-Arka square")
    revisions = json.loads(cli("history", RALLY, "--format", "json").stdout)
    title_revision = revisions[-2]["revision"]
    result = cli("undo", RALLY, "--revision", str(title_revision))
    assert result.exit_code == 0, result.stderr
    doc = _doc(cli, RALLY)
    assert doc["title"] == "Authorised rally against the war and in support of Ukraine held in Almaty"
    assert doc["place"] == "Almaty, Sary-Arka square"


def test_undo_refuses_a_conflict_and_writes_nothing(cli, db_url):
    cli("edit", RALLY, "--title", "Title A")
    first = json.loads(cli("history", RALLY, "--format", "json").stdout)[-1]["revision"]
    cli("edit", RALLY, "--title", "Title B")
    before = snapshot(db_url)
    result = cli("undo", RALLY, "--revision", str(first))
    assert result.exit_code == 1
    assert result.stderr == ("error: undo: 'title' was changed again by a later revision; undo that one first, "
                             "or edit the event by hand\n")
    assert snapshot(db_url) == before


def test_status_by_hand_needs_a_reason_and_auto_derives_again(cli):
    refused = cli("edit", VOTE, "--status", "disputed")
    assert refused.exit_code == 1 and refused.stderr.startswith("error: --reason: '' is not valid")
    assert cli("edit", VOTE, "--status", "disputed", "--reason", "abstention count differs").exit_code == 0
    doc = _doc(cli, VOTE)
    assert (doc["status"], doc["status_reason"]) == ("disputed", "abstention count differs")
    cli("edit", VOTE, "--status", "auto")
    assert _doc(cli, VOTE)["status"] == "confirmed" and _doc(cli, VOTE)["status_reason"] is None


def test_trash_restore_and_purge(cli):
    slug = _new_event(cli)
    assert cli("delete", slug).stdout == f"moved {slug} to the trash\n"
    assert slug not in _slugs(cli)
    assert _slugs(cli, "--deleted") == [slug]
    shown = cli("show", slug)
    assert shown.exit_code == 1 and "is in the trash" in shown.stderr
    assert cli("restore", slug).stdout == f"restored {slug}\n"
    assert slug in _slugs(cli)
    refused = cli("purge", slug)
    assert refused.exit_code == 1 and f"run `timeline delete {slug}` first" in refused.stderr
    cli("delete", slug)
    assert cli("purge", slug).stdout == f"purged {slug}\n"
    assert cli("show", slug).exit_code == 1
    assert slug not in _slugs(cli, "--deleted")


def test_undo_of_a_creation_moves_to_trash(cli):
    slug = _new_event(cli)
    assert cli("undo", slug).stdout == f"moved {slug} to the trash (undoing its creation)\n"
    assert slug in _slugs(cli, "--deleted")
    assert cli("undo", slug).stdout == f"restored {slug}\n"


def test_link_and_unlink(cli):
    assert cli("link", RALLY, "follows", VOTE).stdout == f"linked {RALLY} follows {VOTE}\n"
    assert {"relation": "follows", "event": VOTE} in _doc(cli, RALLY)["links"]
    assert {"relation": "follows", "event": RALLY} in _doc(cli, VOTE)["linked_from"]
    bad = cli("link", RALLY, "inspired", VOTE)
    assert bad.exit_code == 1 and bad.stderr.startswith("error: relation: 'inspired' is not valid; expected one of")
    assert cli("unlink", RALLY, "follows", VOTE).exit_code == 0
    assert {"relation": "follows", "event": VOTE} not in _doc(cli, RALLY)["links"]


def test_uncite_keeps_at_least_one_source(cli):
    slug = _new_event(cli)
    cli("cite", slug, MARCH, "--stance", "disputes")
    assert _doc(cli, slug)["status"] == "disputed"
    assert cli("uncite", slug, MARCH).stdout == f"removed the citation of {MARCH} from {slug}\n"
    assert _doc(cli, slug)["status"] == "reported"
    last = cli("uncite", slug, AFP)
    assert last.exit_code == 1 and "an event needs at least one source" in last.stderr


def test_merge_moves_evidence_and_redirects_then_unmerge_restores(cli):
    keeper = _new_event(cli, "Kazakh officials meet in Almaty", "2022-05-12")
    duplicate = _new_event(cli, "Officials of Kazakhstan meet in Almaty", "2022-05-12")
    cli("cite", duplicate, MARCH, "--quote", "a second report of the meeting")
    before_keeper, before_duplicate = _doc(cli, keeper), _doc(cli, duplicate)
    result = cli("merge", keeper, duplicate, "--reason", "same meeting")
    assert result.stdout == f"merged {duplicate} into {keeper}; status: confirmed\n"
    merged = _doc(cli, keeper)
    assert {c["source_key"] for c in merged["citations"]} == {AFP, MARCH}
    assert {"relation": "same_as", "event": duplicate} in merged["linked_from"]
    shown = cli("show", duplicate, "--format", "json")
    assert json.loads(shown.stdout)["slug"] == keeper
    assert shown.stderr == f"note: {duplicate} was merged into {keeper}; showing that event\n"
    assert duplicate not in _slugs(cli)
    assert cli("unmerge", duplicate).stdout == f"unmerged {duplicate}\n"
    assert duplicate in _slugs(cli)
    restored_keeper, restored_duplicate = _doc(cli, keeper), _doc(cli, duplicate)
    assert restored_keeper["citations"] == before_keeper["citations"]
    assert restored_duplicate["citations"] == before_duplicate["citations"]
    assert restored_keeper["linked_from"] == []


def test_as_of_shows_the_chronology_as_it_stood(cli):
    # --as-of takes whole seconds: a second apart from the seeding (its template may be brand new)
    # and from the edit, so neither falls in the same second as the moment.
    time.sleep(1.1)
    before_edit = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time()))
    time.sleep(1.1)
    cli("edit", RALLY, "--title", "A title from later")
    slug = _new_event(cli, "An event added later", "2022-03-03")
    then = json.loads(cli("query", "--from", "2022-03", "--to", "2022-03-06", "--as-of", before_edit,
                          "--format", "json").stdout)
    now = json.loads(cli("query", "--from", "2022-03", "--to", "2022-03-06", "--format", "json").stdout)
    assert slug in [d["slug"] for d in now] and slug not in [d["slug"] for d in then]
    titles_then = {d["slug"]: d["title"] for d in then}
    assert titles_then[RALLY] == "Authorised rally against the war and in support of Ukraine held in Almaty"
    assert {d["slug"]: d["title"] for d in now}[RALLY] == "A title from later"


def test_as_of_finds_actors_by_alias_as_a_plain_query_does(cli):
    moment = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + 1))
    time.sleep(1.1)
    for options in ([], ["--as-of", moment]):
        by_alias = json.loads(cli("query", "--actor", "toqaev", "--format", "json", *options).stdout)
        by_name = json.loads(cli("query", "--actor", "Kassym-Jomart Tokayev", "--format", "json", *options).stdout)
        assert len(by_alias) > 5 and [d["slug"] for d in by_alias] == [d["slug"] for d in by_name], options


def test_curation_mistakes_are_one_line(cli, db_url):
    before = snapshot(db_url)
    for args, expected in [
        (["edit", RALLY], "error: edit: '2022-03-06-almaty-anti-war-rally' is not valid; expected at least one"),
        (["edit", RALLY, "--date", "2022-02-30"], "error: date: '2022-02-30' is not valid"),
        (["undo", RALLY, "--revision", "999999"], "error: revision: no revision '999999'"),
        (["restore", RALLY], "error: event: '2022-03-06-almaty-anti-war-rally' is not valid; expected an event in"),
        (["unlink", RALLY, "follows", VOTE], "error: link: no link"),
        (["merge", RALLY, RALLY], "error: merge: '2022-03-06-almaty-anti-war-rally' is not valid; expected two"),
        (["unmerge", RALLY], "error: event: '2022-03-06-almaty-anti-war-rally' is not valid; expected an event that"),
        (["query", "--as-of", "yesterday-ish"], "error: --as-of: 'yesterday-ish' is not valid"),
    ]:
        result = cli(*args)
        assert result.exit_code == 1, args
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(expected), (args, result.stderr)
    assert snapshot(db_url) == before

"""The readers without a database: what each format turns into, where errors point, and the key rule."""

from __future__ import annotations

import hashlib
import io
import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import TimelineError
from timeline.export import export_documents
from timeline.importers import natural_slug, reader_for
from timeline.importers.reading import PARTS, InputFile
from timeline.store import CitationInput, EventInput, SourceInput


def _read(text: str, format: str, **options) -> list:
    data = text.encode("utf-8")
    file = InputFile(f"events.{format}", io.BufferedReader(io.BytesIO(data)), len(data))
    return list(reader_for(format, file.name).load()(file, **options).rows)


def _error(text: str, format: str, **options) -> str:
    with pytest.raises(TimelineError) as caught:
        _read(text, format, **options)
    return str(caught.value)


def _document(**changes) -> dict:
    doc = {
        "id": 7, "slug": "2022-06-17-example", "title": "An example", "date": "2022-06-17", "display_date": "17 Jun 2022",
        "start_earliest": "2022-06-17", "start_latest": "2022-06-17", "end_earliest": "2022-06-17",
        "end_latest": "2022-06-17", "precision": "day", "summary": "What happened.", "kind": "statement",
        "status": "reported", "status_reason": None, "tags": ["context", "spief-2022"], "place": "St Petersburg",
        "country": "RU", "lat": 59.94, "lon": 30.31,
        "actors": [{"name": "Collective Security Treaty Organization (CSTO)", "role": "subject"},
                   {"name": "Kassym-Jomart Tokayev", "role": "speaker"}],
        "citations": [{"source_id": 3, "source_key": "a-key", "source_title": "A report", "publisher": "Wire",
                       "url": "https://example.org/a", "published": "2022-06-18", "quote": "we will not",
                       "stance": "reports", "speaker": "Tokayev", "locator": "para 3", "note": "a note"}],
        "links": [{"relation": "part_of", "event": "2022-06-spief"}], "linked_from": [], "notes": "Notes.",
        "origin": "curated",
    }
    doc.update(changes)
    return doc


# -- natural keys -------------------------------------------------------------------------------

def test_the_natural_slug_follows_the_documented_rule():
    event = EventInput(title="  Tokayev   speaks at ＳＰＩＥＦ ", date="17 June 2022",
                       citations=[CitationInput(source=SourceInput(title="x", url="https://example.org/a"))])
    digest = hashlib.sha256("tokayev speaks at spief\x1f2022-06-17\x1fhttps://example.org/a".encode()).hexdigest()[:8]
    assert natural_slug(event) == f"2022-06-17-tokayev-speaks-spief-{digest}"


def test_the_natural_slug_ignores_case_spacing_and_date_spelling_but_not_the_source():
    def slug(title, date, url):
        return natural_slug(EventInput(title=title, date=date,
                                       citations=[CitationInput(source=SourceInput(title="s", url=url))]))

    same = slug("Talks in Astana", "2022-06-17", "https://a.example/1")
    assert slug("TALKS  in\tastana", "17 June 2022", "https://a.example/1") == same
    assert slug("Talks in Astana", "2022-06-17", "https://a.example/2") != same
    assert slug("Talks in Astana", "2022-06-18", "https://a.example/1") != same


# -- JSON, JSON Lines, YAML ---------------------------------------------------------------------

def test_an_exported_document_gives_every_part_but_citation_details():
    [row] = _read(json.dumps([_document()], indent=2), "json")
    assert row.label == "line 2"
    assert row.missing == {"citation_details"}
    event = row.event
    assert (event.slug, event.title, event.date, event.kind, event.origin) == (
        "2022-06-17-example", "An example", "2022-06-17", "statement", "curated")
    assert event.status is None and event.status_reason is None
    assert [(a.name, a.role) for a in event.actors][0] == ("Collective Security Treaty Organization (CSTO)", "subject")
    [citation] = event.citations
    assert citation.source == SourceInput(title="A report", url="https://example.org/a", publisher="Wire",
                                          published="2022-06-18", key="a-key")
    assert (citation.quote, citation.speaker, citation.locator, citation.note) == (
        "we will not", "Tokayev", "para 3", "a note")
    assert [(link.relation, link.target) for link in event.links] == [("part_of", "2022-06-spief")]


def test_a_status_counts_only_with_its_reason():
    [row] = _read(json.dumps([_document(status="confirmed", status_reason="checked")]), "json")
    assert (row.event.status, row.event.status_reason) == ("confirmed", "checked")
    assert _error(json.dumps([_document(status="false")]), "json").startswith(
        "line 1: status_reason: '' is not valid; expected a reason for the status 'false' set by hand")


def test_absent_keys_are_missing_parts_and_empty_ones_are_not():
    [row] = _read(json.dumps({"title": "T", "date": "2022", "links": [], "citations": []}) + "\n", "jsonl")
    assert "links" not in row.missing
    assert row.missing == PARTS - {"links", "citations"}
    assert row.event.origin == "imported"


def test_json_items_are_labelled_with_their_line():
    text = "[\n" + ",\n".join(json.dumps(_document(slug=f"e-{n}")) for n in range(3)) + "\n]\n"
    assert [row.label for row in _read(text, "json")] == ["line 2", "line 3", "line 4"]
    bad = text.replace('"e-2"', '"e-2", "colour": "red"')
    assert _error(bad, "json") == (
        "line 4: event key: 'colour' is not valid; expected one of actors, citations, country, date, "
        "display_date, end_earliest, end_latest, id, kind, lat, linked_from, links, lon, notes, origin, place, "
        "precision, slug, start_earliest, start_latest, status, status_reason, summary, tags, title")


@pytest.mark.parametrize("text, expected", [
    ('{"events": []}', "line 1: file: not a list; expected a JSON list of event objects"),
    ("[1, 2]", "line 1: not an object; expected a JSON list of event objects"),
    ('[{"title": "a", "date": "2022"},\n {"title": ]', "line 2: file: not valid JSON (Expecting value)"),
    ('[{"title": "a", "date": "2022"}] []', "line 1: file: not valid JSON (text after the list)"),
    ("", "line 1: file: not a list"),
])
def test_json_that_is_not_a_list_of_objects_is_refused(text, expected):
    assert _error(text, "json").startswith(expected)


def test_jsonl_errors_name_the_line():
    good = json.dumps(_document())
    assert _error(f"{good}\n\n{good[:-1]}\n", "jsonl").startswith("line 3: file: not valid JSON")
    assert _error(f"{good}\n[1]\n", "jsonl") == "line 2: not an object; expected one event document per line"


def test_yaml_reads_the_seed_form_with_its_lines():
    text = """\
- slug: a-seed-event
  title: Talks
  date: 2022-06-17
  citations:
    - source: some-source-key
      stance: asserts
      language: ru
- title: 1984
  date: "2022"
  citations:
    - source: {title: A new source, url: "https://example.org/n", published: 2022-06-18}
"""
    first, second = _read(text, "yaml")
    assert (first.label, second.label) == ("line 1", "line 8")
    assert first.event.date == "2022-06-17" and first.event.citations[0].source == "some-source-key"
    assert "citation_details" not in first.missing and first.event.citations[0].language == "ru"
    assert second.event.title == "1984"
    assert second.event.citations[0].source == SourceInput(title="A new source", url="https://example.org/n",
                                                           published="2022-06-18")


def test_yaml_python_tags_are_refused():
    text = "- title: x\n  date: !!python/object/apply:os.system ['echo owned']\n"
    assert _error(text, "yaml") == ("line 2: yaml: the tag '!!python/object/apply:os.system' is not allowed; "
                                    "expected plain data (Python object tags are refused)")
    assert _error("- !!python/name:os.system\n", "yaml").startswith("line 1: yaml: the tag '!!python/name:os.system'")


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a: &a [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused_quickly():
    started = time.perf_counter()
    message = _error(_alias_bomb(), "yaml")
    elapsed = time.perf_counter() - started
    print(f"alias bomb refused in {elapsed * 1000:.1f} ms")
    assert message == ("yaml: its aliases expand to more than 10,000,000 nodes; "
                       "expected a document that is not an alias bomb")
    assert elapsed < 0.5


def test_yaml_alias_counts_and_recursion_are_bounded():
    many = "- &x {title: a}\n" + "".join("- *x\n" for _ in range(10_001))
    assert _error(many, "yaml") == "yaml: 10,001 aliases; expected at most 10,000"
    assert _error("- &x [*x]\n", "yaml").startswith("line 1: yaml: an alias inside its own anchor")
    assert _error("a: 1\n", "yaml") == "line 1: yaml: not a list; expected a YAML list of event mappings"


# -- CSV ----------------------------------------------------------------------------------------

def _exported_csv(documents, raw=False) -> str:
    stream = io.StringIO()
    export_documents(documents, "csv", stream, raw=raw)
    return stream.getvalue()


def test_the_export_form_reads_back_what_export_wrote():
    [row] = _read(_exported_csv([_document()]), "csv")
    assert row.label == "line 2"
    assert row.missing == {"links", "citation_details"}
    [expected] = _read(json.dumps([_document(links=[], lat="59.94", lon="30.31")]), "json")
    assert row.event == expected.event


def test_the_minimal_form_keeps_every_cell_as_text():
    text = ("title,date,url,source_title,publisher,published,summary,quote,stance,kind,tags,country,place\n"
            '01234,2022-06-17,https://example.org/a,"Report, with comma",Wire,2022-06-18,0012,"said ""no""",'
            "denies,statement,context; spief-2022 ;,kz,Astana\n")
    [row] = _read(text, "csv")
    event = row.event
    assert (event.title, event.summary, event.tags, event.country, event.kind) == (
        "01234", "0012", ["context", "spief-2022"], "kz", "statement")
    [citation] = event.citations
    assert (citation.quote, citation.stance) == ('said "no"', "denies")
    assert citation.source == SourceInput(title="Report, with comma", url="https://example.org/a", publisher="Wire",
                                          published="2022-06-18")
    assert row.missing == PARTS - {"summary", "kind", "tags", "country", "place"}


@pytest.mark.parametrize("text, expected", [
    ("title,date,url,source_title,colour\n", "line 1: column: 'colour' is not valid; expected a column of the minimal form"),
    ("title,date,url\n", "line 1: column: 'source_title' is not valid; expected a column of the header"),
    ("title,date,url,title\n", "line 1: column: 'title' is not valid; expected each column named once"),
    ("", "line 1: header: '' is not valid; expected a first row naming the columns"),
    ("title,date,url,source_title\na,2022,https://a.example,A\nb,2022\n",
     "line 3: row: 2 cells where the header names 4 columns"),
    ('title,date,url,source_title\na,2022,https://a.example,A\n"b,2022,https://b.example,B\n',
     "line 3: row: not well-formed CSV (unexpected end of data)"),
    ("title,date,url,source_title\na,2022,,A\n",
     "line 2: url: '' is not valid; expected the address of a source: every event needs a source"),
    ("title,date,url,source_title\n,2022,https://a.example,A\n", "line 2: title: '' is not valid"),
])
def test_bad_csv_names_the_line(text, expected):
    assert _error(text, "csv").startswith(expected)


def test_a_multiline_cell_labels_the_row_by_its_first_line():
    text = 'title,date,url,source_title,summary\na,2022,https://a.example,A,"one\ntwo"\nb,2022,https://b.example,B\n'
    assert _error(text, "csv").startswith("line 4: row: 4 cells where the header names 5 columns")
    assert [row.label for row in _read(text.replace("B\n", "B,\n"), "csv")] == ["line 2", "line 4"]


_cell_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
                     | st.sampled_from("=+-@'\t\r\n;|()"), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(title=_cell_text, summary=_cell_text, place=_cell_text, notes=_cell_text, raw=st.booleans())
def test_spreadsheet_safe_and_raw_csv_read_back_exactly(title, summary, place, notes, raw):
    ambiguous = any(value.startswith("'") and value[1:2] in ("=", "+", "-", "@", "\t", "\r")
                    for value in (title, summary, place, notes))
    document = _document(title=title, summary=summary, place=place, notes=notes)
    [row] = _read(_exported_csv([document], raw=raw), "csv", raw=raw)
    if raw or not ambiguous:
        assert (row.event.title, row.event.summary, row.event.place, row.event.notes) == (title, summary, place, notes)


def test_a_leading_apostrophe_is_taken_off_only_where_export_put_it():
    document = _document(title="=SUM(A1)", summary="'plain quote", place="-5 km", notes="@handle",
                         citations=[{**_document()["citations"][0], "quote": "=not touched in JSON"}])
    safe = _exported_csv([document])
    assert "'=SUM(A1)" in safe and "'-5 km" in safe
    [row] = _read(safe, "csv")
    assert (row.event.title, row.event.summary, row.event.place, row.event.notes) == (
        "=SUM(A1)", "'plain quote", "-5 km", "@handle")
    assert row.event.citations[0].quote == "=not touched in JSON"
    [raw_row] = _read(_exported_csv([_document(title="'=kept")], raw=True), "csv", raw=True)
    assert raw_row.event.title == "'=kept"


# -- TimelineJS ---------------------------------------------------------------------------------

def _slide(**changes) -> dict:
    slide = {
        "start_date": {"year": "2022", "month": "8", "day": 1, "hour": "4"},
        "end_date": {"year": 2022, "month": 8, "day": 2},
        "text": {"headline": "Post on <b>Medvedev&#39;s</b> page", "text": "<p>Deleted after</p><p>ten minutes.</p>"},
        "media": {"url": "https://example.org/post", "caption": "The post", "credit": "Meduza"},
        "group": "Medvedev VK post",
        "unique_id": "slide-1",
    }
    slide.update(changes)
    return slide


def test_a_timelinejs_slide_becomes_a_sourced_event():
    text = json.dumps({"title": {"text": {"headline": "ignored"}}, "events": [_slide()]})
    [row] = _read(text, "timelinejs")
    event = row.event
    assert row.label == "event 1"
    assert (event.slug, event.title, event.summary, event.date, event.tags, event.origin) == (
        "slide-1", "Post on Medvedev's page", "Deleted after ten minutes.", "2022-08-01T04:00/2022-08-02",
        ["medvedev-vk-post"], "imported")
    assert event.citations[0].source == SourceInput(title="The post", url="https://example.org/post", publisher="Meduza")
    assert "citations" in row.missing and "tags" not in row.missing


def test_a_timelinejs_slide_without_media_url_is_refused():
    text = json.dumps({"events": [_slide(), _slide(media={"caption": "no link"})]})
    assert _error(text, "timelinejs") == (
        "event 2: media.url: '' is not valid; expected the address of a source: every event needs a source")
    assert _error('{"title": {}}', "timelinejs").startswith('file: not a TimelineJS timeline')
    bad_year = json.dumps({"events": [_slide(start_date={"year": "MMXXII"})]})
    assert _error(bad_year, "timelinejs") == "event 1: start_date.year: 'MMXXII' is not valid; expected a whole number"


# -- formats ------------------------------------------------------------------------------------

def test_the_format_comes_from_the_name_or_the_option(tmp_path):
    path = tmp_path / "timeline.json"
    path.write_text('{"events": []}')
    with path.open("rb") as handle:
        file = InputFile(path.name, handle, 14)
        assert reader_for(None, path, file).name == "timelinejs"
    assert reader_for(None, tmp_path / "a.JSONL").name == "jsonl"
    assert reader_for(None, tmp_path / "a.yml").name == "yaml"
    assert reader_for("CSV", tmp_path / "a.txt").name == "csv"
    with pytest.raises(TimelineError, match="--format: 'xml' is not valid; expected one of csv, json, jsonl"):
        reader_for("xml", tmp_path / "a.csv")
    with pytest.raises(TimelineError, match="cannot tell the format of 'a.txt' from its name"):
        reader_for(None, tmp_path / "a.txt")

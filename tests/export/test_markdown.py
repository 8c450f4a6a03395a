"""The Markdown chronology read by a CommonMark parser (markdown-it-py): headings, lists, notes, and no smuggled markup."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from timeline.export.markdown import markdown_text, write_markdown

from exporting import xss_payloads


def parse(text: str):  # type: ignore[no-untyped-def]
    return MarkdownIt("commonmark").parse(text)


def shown(inline) -> str:  # type: ignore[no-untyped-def]
    """The text a reader sees in an inline token, escapes resolved."""
    return "".join("\n" if child.type == "softbreak" else child.content for child in inline.children or [])


def headings(tokens) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(tokens[i].tag, shown(tokens[i + 1])) for i, token in enumerate(tokens) if token.type == "heading_open"]


def test_years_months_entries_and_notes(cli):
    text = cli("export", "--format", "markdown", "-o", "-", "--from", "2022-06", "--to", "2022-08").stdout
    tokens = parse(text)
    assert headings(tokens) == [("h1", "Chronology"), ("h2", "2022"), ("h3", "June 2022"), ("h3", "July 2022"),
                                ("h3", "August 2022"), ("h2", "Sources")]
    bullets = sum(1 for t in tokens if t.type == "bullet_list_open")
    entries = sum(1 for t in tokens if t.type == "list_item_open" and t.markup == "-")
    notes = [t for t in tokens if t.type == "ordered_list_open"]
    assert bullets == 3  # one list of events per month
    assert entries == len(cli("query", "--from", "2022-06", "--to", "2022-08", "--format", "json").stdout.split('"slug"')) - 1
    assert len(notes) == 1 and notes[0].attrGet("start") is None  # numbered from 1
    links = [t.attrGet("href") for t in tokens if t.type == "inline" for t in (t.children or []) if t.type == "link_open"]
    assert links and all(link.startswith(("http://", "https://")) for link in links)


def test_fuzzy_dates_as_people_write_them_and_disputes_shown(cli):
    text = cli("export", "--format", "markdown", "-o", "-", "--tag", "spief-2022").stdout
    assert "- **c. 18 Jun 2022**: " in text
    assert "- **sometime 17–18 Jun 2022**: " in text
    denied = next(line for line in text.splitlines() if line.startswith("- **c. 20 Jun 2022**") and "Denied" in line)
    assert "*(Denied — challenged by [" in denied
    assert ", published c. 2 Aug 2022." in cli("export", "-f", "markdown", "-o", "-", "--tag", "medvedev-vk-post").stdout


def test_grouped_by_the_date_as_stated(cli):
    """'2022-01?' may have been in December 2021, but it is filed under January 2022 where the source puts it."""
    text = cli("export", "--format", "markdown", "-o", "-", "--from", "2021-12", "--to", "2021-12").stdout
    assert headings(parse(text))[1:3] == [("h2", "2022"), ("h3", "January 2022")]


@pytest.mark.parametrize("payload", xss_payloads())
def test_hostile_text_stays_text(payload):
    """Whatever a title, summary or quote says, the parser sees only our structure and the text as given."""
    citation = {"source_id": 1, "source_key": None, "source_title": payload, "publisher": payload,
                "url": "javascript:alert(1)", "published": "2022-05", "quote": payload, "stance": "disputes",
                "speaker": payload, "locator": None, "note": None}
    document = {"title": payload, "date": "2022-05-01", "display_date": "1 May 2022", "summary": payload,
                "status": "disputed", "status_reason": payload, "citations": [citation]}
    import io

    out = io.StringIO()
    write_markdown([document], out, title=payload)
    tokens = parse(out.getvalue())
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_inline", "fence", "code_block", "hr"}
    flat = " ".join(payload.split())
    assert headings(tokens) == [("h1", flat), ("h2", "2022"), ("h3", "May 2022"), ("h2", "Sources")]
    entry = next(t for t in tokens if t.type == "inline" and t.content.startswith("**1 May 2022**"))
    assert shown(entry) == f"1 May 2022: {flat} (Disputed — challenged by [1]: {flat}) [1]\n{flat}"
    quote = next(t for t in tokens if t.type == "inline" and shown(t).startswith("“"))
    assert shown(quote) == f"“{flat}” ({flat}) [1]"
    note = next(t for t in tokens if t.type == "inline" and t.map and shown(t).startswith(flat + ", "))
    assert shown(note) == f"{flat}, “{flat}”, published May 2022. javascript:alert(1)"


@pytest.mark.parametrize("text", ["1986. A year", "- a dash", "= equals", "+ plus", "#hash", "> quote", "&amp; entity",
                                  "a\\b", "`code`", "*star* _under_", "[link](http://x)", "<b>bold</b>"])
def test_markdown_text_renders_as_itself(text):
    rendered = MarkdownIt("commonmark").render(markdown_text(text))
    from html import unescape

    assert unescape(rendered.removeprefix("<p>").removesuffix("</p>\n")) == text

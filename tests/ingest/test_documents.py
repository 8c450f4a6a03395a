"""Reading documents: plain text, Markdown and HTML to the text quotes refer to, and where metadata comes from."""

from __future__ import annotations

import hashlib

import pytest

from timeline.errors import InvalidValue, NotFound
from timeline.ingest.documents import parse_document, read_document
from timeline.ingest.markdown_text import plain_text
from timeline.ingest.webpage import read_page

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Fallback title | Example News</title>
<meta property="og:title" content="Kazakhstan abstains at the UN">
<meta property="article:published_time" content="2022-03-03T09:15:00+00:00">
<meta property="og:url" content="https://news.example.org/2022/03/03/abstains">
<meta property="og:site_name" content="Example News">
<meta name="author" content="A. Writer">
<script>var date = "1 January 1999"; document.write("<p>not text</p>")</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<aside>Most read: <p>Something on 5 May 2020.</p></aside>
<article>
  <h1>Kazakhstan abstains at the UN</h1>
  <p>On March 2 Kazakhstan   abstained in the
     General Assembly vote.</p>
  <p>Tokayev &amp; Zelenskyy spoke the same day.<br>Nothing more was said.</p>
  <ul><li>One item</li><li>Another</li></ul>
</article>
<footer>© Example News. Published 3 March 2022.</footer>
<script>alert("x")</script>
</body></html>"""


def test_html_keeps_the_article_and_drops_page_furniture():
    page = read_page(PAGE)
    assert page.text == (
        "Kazakhstan abstains at the UN\n\nOn March 2 Kazakhstan abstained in the General Assembly vote.\n\n"
        "Tokayev & Zelenskyy spoke the same day.\n\nNothing more was said.\n\nOne item\n\nAnother")
    assert page.meta == {
        "title": "Kazakhstan abstains at the UN", "published": "2022-03-03T09:15:00+00:00",
        "url": "https://news.example.org/2022/03/03/abstains", "publisher": "Example News", "author": "A. Writer",
        "language": "en"}


def test_html_without_article_keeps_main_or_the_body():
    assert read_page("<body><nav>menu</nav><main><p>Inside.</p></main><p>Outside.</p></body>").text == "Inside."
    assert read_page("<p>One.</p><div>Two</div>").text == "One.\n\nTwo"
    assert read_page("<title>Only a title</title>").meta == {"title": "Only a title"}
    assert read_page('<link rel="canonical" href="https://x.org/a">').meta == {"url": "https://x.org/a"}


def test_preformatted_text_keeps_its_lines():
    assert read_page("<pre>a\n  b</pre><p>c   d</p>").text == "a\n  b\n\nc d"


def test_a_page_document_takes_meta_tags_and_flags_win():
    document = parse_document(PAGE, name="page.html")
    assert (document.format, document.title, document.published, document.url, document.publisher) == (
        "html", "Kazakhstan abstains at the UN", "2022-03-03", "https://news.example.org/2022/03/03/abstains",
        "Example News")
    flagged = parse_document(PAGE, name="page.html", title="Own title", published="2022-03-04",
                             url="https://other.example.org/x", publisher="Other")
    assert (flagged.title, flagged.published, flagged.url, flagged.publisher) == (
        "Own title", "2022-03-04", "https://other.example.org/x", "Other")


def test_html_is_recognised_by_its_content_whatever_the_name():
    assert parse_document("  <!doctype html><p>Hi.</p>", name="saved.txt").format == "html"
    assert parse_document("<p>Hi.</p>", name="note.txt").format == "text"


def test_markdown_becomes_plain_text():
    markdown = ("# A **bold** _move_\n\nSome [link](https://x.org) and ![a picture](a.png), `code`, snake_case, "
                "5 * 3 and ~~gone~~.\n\n- item one\n1. item two\n> quoted\n\n| a | b |\n|---|---|\n| c | d |\n"
                "[ref]: https://x.org\n\n```\nkept   as is\n```\n")
    assert plain_text(markdown) == (
        "A bold move\n\nSome link and a picture, code, snake_case, 5 * 3 and gone.\n\nitem one\nitem two\nquoted\n\n"
        "a b\nc d\n\nkept   as is")


def test_front_matter_gives_metadata_and_is_not_part_of_the_text():
    raw = "---\ntitle: \"A brief\"\ndate: 2022-07-04\nurl: https://example.org/brief\nsource: Example\n---\nBody.\n"
    for name, body in (("brief.md", "Body."), ("brief.txt", "Body.\n")):
        document = parse_document(raw, name=name)
        assert (document.text, document.title, document.published, document.url, document.publisher) == (
            body, "A brief", "2022-07-04", "https://example.org/brief", "Example")


def test_plain_text_title_is_its_first_line_else_the_file_name():
    assert parse_document("\n\n  Headline here\nBody.", name="a.txt").title == "Headline here"
    assert parse_document("x" * 300, name="long-one.txt").title == "long-one"
    assert parse_document("", name="empty.txt").title == "empty"


def test_text_is_nfc_with_unix_line_ends_and_hashed():
    document = parse_document("Cafe\u0301\r\nnext\rline", name="a.txt")
    assert document.text == "Caf\u00e9\nnext\nline"
    assert document.sha256 == hashlib.sha256(document.text.encode()).hexdigest()


def test_reading_files(tmp_path):
    path = tmp_path / "article.md"
    path.write_bytes("\ufeff# Title\n\nOn 3 May it rained.".encode())
    document = read_document(path, published="2022-05-04")
    assert (document.name, document.format, document.title, document.text) == (
        "article.md", "markdown", "Title", "Title\n\nOn 3 May it rained.")
    with pytest.raises(NotFound):
        read_document(tmp_path / "missing.txt")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    with pytest.raises(InvalidValue, match="binary"):
        read_document(tmp_path / "binary.txt")

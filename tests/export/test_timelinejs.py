"""TimelineJS JSON loaded by the real TimelineJS3 (from npm) in headless Chromium: one slide per event, nothing run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEED_EVENTS, Cli
from exporting import xss_payloads

# A bare page with TimelineJS's own script and stylesheet from the npm package, as its documentation embeds it.
HOST = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{dist}/css/timeline.css"><script src="{dist}/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 1000px; height: 640px"></div></body></html>"""


def load(page, timelinejs: Path, tmp_path: Path, data: dict) -> dict:  # type: ignore[no-untyped-def]
    host = tmp_path / "host.html"
    host.write_text(HOST.format(dist=timelinejs.as_uri()), encoding="utf-8")
    page.goto(host.as_uri())
    page.wait_for_function("typeof TL !== 'undefined' && typeof TL.Timeline === 'function'")
    page.evaluate("data => { window.loaded = false; window.timeline = new TL.Timeline('timeline-embed', data);"
                  " window.timeline.on('loaded', () => { window.loaded = true; }); }", data)
    page.wait_for_function("window.loaded === true || document.querySelectorAll('.tl-slide').length > 0",
                           timeout=20_000)
    page.wait_for_timeout(300)
    return page.evaluate("""() => ({
        slides: document.querySelectorAll('.tl-slide').length,
        markers: document.querySelectorAll('.tl-timemarker').length,
        events: window.timeline.config.events.length,
        headlines: Array.from(document.querySelectorAll('.tl-slide .tl-headline')).map(h => h.textContent),
        groups: Array.from(document.querySelectorAll('.tl-timegroup-message')).map(g => g.textContent),
    })""")


def test_seeded_chronology_loads_with_a_slide_per_event(cli, page, timelinejs, tmp_path):
    data = json.loads(cli("export", "--format", "timelinejs", "-o", "-").stdout)
    shown = load(page, timelinejs, tmp_path, data)
    assert shown["events"] == SEED_EVENTS
    assert shown["slides"] == SEED_EVENTS + 1  # the title slide first
    assert shown["markers"] == SEED_EVENTS
    assert sorted(set(shown["groups"])) == ["context", "cpc-pipeline", "january-2022-unrest", "medvedev-vk-post",
                                            "spief-2022"]
    assert page.script_errors == []


def test_headlines_show_the_titles_as_text(cli, page, timelinejs, tmp_path):
    data = json.loads(cli("export", "-f", "timelinejs", "-o", "-", "--tag", "medvedev-vk-post").stdout)
    shown = load(page, timelinejs, tmp_path, data)
    titles = [e["title"] for e in json.loads(cli("query", "--tag", "medvedev-vk-post", "--format", "json").stdout)]
    assert shown["slides"] == 8
    flagged = {t if "hacked to publish" not in t else f"Disputed: {t}" for t in titles}
    assert set(shown["headlines"][1:]) == flagged


def test_payloads_in_every_text_field_run_nothing(hostile_url, page, timelinejs, tmp_path):
    data = json.loads(Cli(hostile_url)("export", "-f", "timelinejs", "-o", "-", "--tag", "xss").stdout)
    payloads = xss_payloads()
    shown = load(page, timelinejs, tmp_path, data)
    for number in range(len(payloads)):  # visit every slide, so each one is rendered and shown
        page.evaluate("n => window.timeline.goTo(n)", number + 1)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert shown["slides"] == len(payloads) + 1
    flags = ("False: ", "Denied: ", "Disputed: ")
    unflagged = [next((h.removeprefix(f) for f in flags if h.startswith(f)), h) for h in shown["headlines"][1:]]
    assert unflagged == [payload.strip() for payload in payloads]  # shown as text, exactly
    hrefs = page.evaluate("() => Array.from(document.querySelectorAll('.tl-slide a[href]')).map(a => a.href)")
    # our source links, and whatever TimelineJS's own autolink makes of URLs in the text: http(s) only
    assert any(href.startswith("https://example.org/payload/") for href in hrefs)
    assert all(href.startswith(("https://", "http://")) for href in hrefs)


@pytest.mark.parametrize("field", ["headline", "text"])
def test_text_fields_are_html_escaped(hostile_url, field):
    data = json.loads(Cli(hostile_url)("export", "-f", "timelinejs", "-o", "-", "--tag", "xss").stdout)
    for event in data["events"]:
        assert "<script" not in event["text"][field] and "<img" not in event["text"][field]

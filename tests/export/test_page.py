"""The HTML page opened in headless Chromium: it draws, filters, brushes, reads on a phone, runs no payload, and is fast."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import SEED_EVENTS, Cli
from exporting import many_documents, xss_payloads
from timeline.export.page import json_for_html, write_html

DOCS = Path(__file__).resolve().parents[2] / "docs"
TITLE = "Kazakhstan–Russia relations, 2022"


def open_page(page, path: Path) -> dict:  # type: ignore[no-untyped-def]
    page.goto(path.as_uri())
    page.wait_for_function("() => window.timelineReady !== undefined", timeout=30_000)
    return page.evaluate("window.timelineReady")


def export_page(cli, tmp_path: Path, *args: str) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / "chronology.html"
    result = cli("export", "--format", "html", "-o", str(target), "--title", TITLE, *args)
    assert result.exit_code == 0, result.stderr
    return target


def test_seeded_page_draws_every_lane_and_reads_an_event(cli, page, tmp_path, request):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    ready = open_page(page, export_page(cli, tmp_path))
    assert ready["events"] == SEED_EVENTS
    assert page.script_errors == [] and page.dialogs == []
    assert requests == [(tmp_path / "chronology.html").as_uri()]  # self-contained: nothing else is fetched
    assert sorted(page.evaluate("timelinePage.lanes()")) == ["context", "cpc-pipeline", "january-2022-unrest",
                                                             "medvedev-vk-post", "spief-2022"]
    painted = page.evaluate("""() => {
        const c = document.getElementById('timeline'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n / (d.length / 4); }""")
    assert painted > 0.3  # lane bands, grid and bars
    page.evaluate("timelinePage.select('2022-08-02-osipov-says-account-hacked')")
    detail = page.locator("#detail")
    assert detail.locator("h2").inner_text() == "Medvedev's aide Oleg Osipov says the page was hacked"
    assert detail.locator("ol.sources > li").count() == 4
    links = detail.locator("ol.sources a")
    assert links.count() == 4 and links.first.get_attribute("rel") == "noopener noreferrer nofollow"
    assert links.first.get_attribute("href").startswith("https://themoscowtimes.com/")
    assert "responds to → Post on Medvedev's VK page" in detail.inner_text()
    page.evaluate("timelinePage.select('2022-08-01-medvedev-vk-hack-claim')")
    assert detail.locator(".flag.disputed").inner_text().startswith("Disputed — challenged by [")
    shot = tmp_path / "chronology.png"
    page.screenshot(path=str(shot), full_page=True)
    check_picture(shot, min_width=1280)
    if request.config.getoption("--update-golden"):
        page.set_viewport_size({"width": 1280, "height": 1360})  # tall enough to show an event's sources
        page.evaluate("timelinePage.select('2022-06-17-spief-tokayev-non-recognition')")
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / "chronology.png"))


def check_picture(path: Path, *, min_width: int) -> None:
    from PIL import Image

    with Image.open(path) as picture:
        assert picture.format == "PNG" and picture.width >= min_width
        colours = picture.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 200  # drawn, not blank


def searchable(doc: dict) -> str:
    """What the page's filter looks in: the event's words, its quotes and its sources' names."""
    from timeline.export.citations import source_label

    words = [doc["title"], doc["summary"], doc["display_date"], doc["place"], doc["country"], doc["kind"],
             doc["status"], doc["notes"], *doc["tags"], *(f"{a['name']} ({a['role']})" for a in doc["actors"])]
    words += [part for c in doc["citations"] for part in (c["quote"], source_label(c))]
    return " ".join(w for w in words if w).lower()


def test_filter_and_date_brush_choose_the_events(cli, page, tmp_path):
    seeded = json.loads(cli("query", "--format", "json").stdout)
    open_page(page, export_page(cli, tmp_path))
    page.click("#reset")
    page.fill("#filter", "medvedev hacked")
    page.wait_for_function("() => document.getElementById('count').textContent.includes('matching')")
    assert page.evaluate("timelinePage.shown()") == sum(
        "medvedev" in searchable(d) and "hacked" in searchable(d) for d in seeded)
    page.click("#reset")
    page.fill("#from", "2022-08-01")
    page.dispatch_event("#from", "change")
    page.fill("#to", "2022-08-10")
    page.dispatch_event("#to", "change")
    in_window = json.loads(cli("query", "--from", "2022-08-01", "--to", "2022-08-10", "--format", "json").stdout)
    assert page.evaluate("timelinePage.shown()") == len(in_window)  # the brush means what --from/--to mean
    assert page.locator("#events .row .what").all_inner_texts() == [doc["title"] for doc in in_window]
    page.evaluate("timelinePage.filter('osipov')")
    assert page.evaluate("timelinePage.shown()") == sum("osipov" in searchable(d) for d in in_window)
    page.select_option("#lanes", "kind")
    assert "statement" in page.evaluate("timelinePage.lanes()")


def test_readable_on_a_phone(cli, browser, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    phone = context.new_page()
    open_page(phone, export_page(cli, tmp_path))
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    sizes = phone.evaluate("""() => ['#detail p', '.row .what', '#filter'].map(
        s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))""")
    assert min(sizes) >= 14
    box = phone.locator("#timeline").bounding_box()
    assert box["width"] <= 390 and box["height"] > 100
    phone.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    check_picture(tmp_path / "phone.png", min_width=390)
    context.close()


def test_payloads_run_nothing_and_show_as_text(hostile_url, page, tmp_path):
    payloads = xss_payloads()
    open_page(page, export_page(Cli(hostile_url), tmp_path, "--tag", "xss"))
    for number, payload in enumerate(payloads):
        page.evaluate("slug => timelinePage.select(slug)", f"xss-payload-{number}")
        assert page.locator("#detail h2").inner_text() == payload.strip()
        quotes = page.locator("#detail blockquote").all_inner_texts()
        assert quotes and all(q.startswith(f"“{payload.strip()}”") for q in quotes)
    page.fill("#filter", "script")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == [] and page.script_errors == []
    found = page.evaluate("""() => ({
        handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(
            a => a.name.startsWith('on'))).length,
        scripts: document.scripts.length,
        strangers: document.querySelectorAll(
            'img, svg, iframe, object, embed, video, audio, math, details, style, base, form, textarea').length,
        inputs: document.querySelectorAll('input').length,
        hrefs: Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href')),
    })""")
    assert found["handlers"] == 0 and found["scripts"] == 2 and found["inputs"] == 3
    assert found["strangers"] == 1  # our own <style>
    assert found["hrefs"] and all(h.startswith("https://example.org/payload/") for h in found["hrefs"])


def test_only_web_links_become_links(page, tmp_path):
    """Documents from elsewhere may carry any URL; only http(s) ones are linked."""
    citation = {"source_id": 1, "source_key": None, "source_title": "Source", "publisher": None, "quote": None,
                "stance": "reports", "speaker": None, "locator": None, "note": None, "published": None}
    urls = ["javascript:window.__pwned=1", "data:text/html,<script>parent.__pwned=1</script>", "vbscript:x",
            "JaVaScRiPt:window.__pwned=1", " javascript:window.__pwned=1", "https://example.org/ok"]
    documents = [{"id": n + 1, "slug": f"event-{n}", "title": f"Event {n}", "display_date": "1 May 2022",
                  "date": "2022-05-01", "start_earliest": "2022-05-01", "start_latest": "2022-05-01",
                  "end_earliest": "2022-05-01", "end_latest": "2022-05-01", "status": "reported", "kind": "other",
                  "tags": [], "place": None, "country": None, "actors": [], "summary": None, "notes": None,
                  "links": [], "linked_from": [], "citations": [dict(citation, source_id=n + 1, url=url)]}
                 for n, url in enumerate(urls)]
    target = tmp_path / "links.html"
    with open(target, "w", encoding="utf-8") as out:
        write_html(documents, out)
    open_page(page, target)
    for n in range(len(urls)):
        page.evaluate("slug => timelinePage.select(slug)", f"event-{n}")
        hrefs = page.evaluate("() => Array.from(document.querySelectorAll('#detail a')).map(a => a.getAttribute('href'))")
        assert hrefs == (["https://example.org/ok"] if urls[n].startswith("https:") else [])
    assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.parametrize("value", xss_payloads() + ["</script><!--", "\u2028\u2029", {"nested": ["<&>"]}])
def test_embedded_json_is_inert_and_exact(value):
    text = json_for_html({"value": value})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"value": value}


def test_ten_thousand_events_load_and_respond_quickly(cli, backend, page, tmp_path):
    if backend != "sqlite":
        pytest.skip("the page's speed does not depend on the database it was exported from")
    documents = many_documents(json.loads(cli("query", "--format", "json").stdout), 10_000)
    target = tmp_path / "big.html"
    started = time.perf_counter()
    with open(target, "w", encoding="utf-8") as out:
        write_html(documents, out, title="10,000 events")
    written = time.perf_counter() - started
    ready = open_page(page, target)
    filtering = page.evaluate("() => { const t = performance.now(); timelinePage.filter('tokayev putin');"
                              " return performance.now() - t; }")
    panning = page.evaluate("""() => { const t = performance.now(); timelinePage.filter('');
        for (let i = 0; i < 10; i++) timelinePage.view(1.2e9 + i * 864000, 1.3e9 + i * 864000);
        return (performance.now() - t) / 10; }""")
    size = target.stat().st_size / 1e6
    print(f"\n10,000-event page: {size:.1f} MB written in {written:.2f} s; ready in Chromium after {ready['ms']:.0f} ms;"
          f" text filter {filtering:.0f} ms; one zoom or pan step {panning:.0f} ms")
    assert ready["events"] == 10_000 and page.script_errors == []
    assert ready["ms"] < 5_000 and filtering < 1_000 and panning < 250

"""Shared by the export tests: headless Chromium, TimelineJS3 from npm, hostile and large chronologies.

A pytest plugin (tests/conftest.py names it): fixtures and plain helpers; test modules import the helpers.
Browser tests skip, saying why, when Chromium, Playwright or npm is missing; .ci/run installs all three
and makes such a test fail rather than skip.
"""

from __future__ import annotations

import copy
import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.dates import iso_bound, seconds_from_iso

DATA = Path(__file__).resolve().parent / "data"
CHROMIUM = os.environ.get("TIMELINE_TEST_CHROMIUM", "/usr/bin/chromium")
TIMELINEJS_VERSION = "3.9.11"
# As the machine notes advise: no network chatter, no sandbox (CI runs as root), no GPU.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def xss_payloads() -> list[str]:
    """The hostile strings in tests/data/xss-payloads.txt, one per line (comments start with '#')."""
    # split on newlines only: str.splitlines() would also cut at the U+2028 the corpus holds on purpose
    lines = (DATA / "xss-payloads.txt").read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line.strip() and not line.startswith("#")]


def many_documents(documents: list[dict], count: int, seed: int = 1) -> list[dict]:
    """`count` event documents made from the given ones, spread over about sixteen years, in date order."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        doc = copy.deepcopy(documents[number % len(documents)])
        shift = rng.randint(-3000, 3000) * 86_400
        for key in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
            if doc[key] is not None:
                latest = key.endswith("latest")
                doc[key] = iso_bound(seconds_from_iso(doc[key], latest=latest) + shift, latest=latest)
        doc["id"], doc["slug"] = number + 1, f"{doc['slug']}-{number}"
        made.append(doc)
    made.sort(key=lambda doc: seconds_from_iso(doc["start_earliest"], latest=False))
    return made


def unavailable(reason: str) -> None:
    """Skip, saying why; under .ci/run (TIMELINE_TEST_REQUIRE_BROWSER=1) fail instead, so CI never skips them."""
    if os.environ.get("TIMELINE_TEST_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def npm_dir() -> Path:
    return Path(os.environ.get("TIMELINE_TEST_NPM_DIR", "~/.cache/timeline-tests/npm")).expanduser()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium driven by Playwright (Debian's chromium, not a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set TIMELINE_TEST_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that records script errors and dialogs (an XSS payload would open one)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.script_errors, tab.dialogs = [], []
    tab.on("pageerror", lambda error: tab.script_errors.append(str(error)))

    def dismiss(dialog):  # type: ignore[no-untyped-def]
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismiss)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def timelinejs() -> Path:
    """The dist folder of the real TimelineJS3 from the npm registry, installed once into a cache folder."""
    folder = npm_dir()
    dist = folder / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    if not (dist / "js" / "timeline.js").exists():
        npm = shutil.which("npm")
        if npm is None:
            unavailable(f"TimelineJS3 is not in {folder} and npm is missing to install it "
                        f"(npm install --prefix {folder} @knight-lab/timelinejs@{TIMELINEJS_VERSION})")
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--ignore-scripts",
                               f"@knight-lab/timelinejs@{TIMELINEJS_VERSION}"], capture_output=True, text=True)
        if done.returncode != 0 or not (dist / "js" / "timeline.js").exists():
            unavailable(f"could not install TimelineJS3 from npm into {folder}: {done.stderr.strip()[-300:]}")
    return dist


_STATUSES = ("false", "denied", "disputed", None)


@pytest.fixture
def hostile_url(db_url: str) -> str:
    """The seeded database plus one event per XSS payload: the payload in every text field, its source named
    by it, and a source URL that is http(s) but full of markup (so it may be shown, never linked)."""
    from timeline import CitationInput, Database, EventInput, SourceInput, add_event, add_source

    database = Database.open(db_url)
    with database.writing() as session:
        for number, payload in enumerate(xss_payloads()):
            safe = add_source(session=session, source=SourceInput(
                title=payload, publisher=payload, url=f"https://example.org/payload/{number}", published="2022-05"))
            marked = add_source(session=session, source=SourceInput(
                title=payload, publisher=payload, url=f'https://example.org/{number}?q="><script>window.__pwned=1</script>'))
            status = _STATUSES[number % len(_STATUSES)]
            add_event(session=session, event=EventInput(
                title=payload, date=f"2022-05-{number + 1:02d}", summary=payload, slug=f"xss-payload-{number}",
                tags=["xss"], place=payload, notes=payload, lat=43.2, lon=76.9,
                status=status, status_reason=payload if status else None,
                citations=[CitationInput(source=safe.id, quote=payload, speaker=payload, note=payload),
                           CitationInput(source=marked.id, stance="disputes", quote=payload)]))
    database.dispose()
    return db_url

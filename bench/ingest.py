"""Article ingestion speed: the four seed articles, a whole `ingest` into a seeded database, and hostile input.

Three figures, each printed with what it covers:
  pipeline   reading + sentences + tagging + proposals (timeline.ingest, no database) over the four articles
             in ../shared/articles, as documents and characters per CPU second (median of --repeat passes);
  ingest     timeline.store.candidates.ingest_document into a fresh seeded SQLite database: the source with its
             text, the gazetteer from the database, proposals, matches and candidate rows with their revisions;
  hostile    100 KB of adversarial text, Markdown and HTML through the pipeline, in CPU and wall seconds
             (RELIABILITY 13 asks for under a second each; the unit tests check only what comes out).

    python bench/ingest.py [--repeat N]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
ARTICLES = REPO.parent / "shared" / "articles"

from timeline.ingest import Gazetteer, parse_document, propose, read_document  # noqa: E402

_HUNDRED_KB = 100_000
HOSTILE = {
    "text: dated sentences": ("On 3 March 2022 Tokayev met Putin in Moscow. " * 2_300, "a.txt"),
    "text: no full stop": ("On 3 March 2022 Tokayev met Putin and " * 2_700, "a.txt"),
    "text: abbreviations": ("Mr. U.S. Jan. 5 J. " * 5_300, "a.txt"),
    "text: quotation marks": ("“‘\"" * 33_334, "a.txt"),
    "text: full stops": (". " * 50_000, "a.txt"),
    "text: line breaks": ("a\n" * 50_000, "a.txt"),
    "text: wrapped lines": ("On 3 March 2022 Tokayev met Putin in Moscow and they talked a lot about\n" * 1_400,
                            "a.txt"),
    "html: unclosed tags": ("<a" * 50_000, "a.html"),
    "html: unclosed comments": ("<!--" * 25_000, "a.html"),
    "html: nested scripts": ("<script>" * 12_500, "a.html"),
    "html: articles": ("<article><p>On 3 March 2022 Tokayev met Putin.</p></article>" * 1_600, "a.html"),
    "markdown: brackets": ("[" * _HUNDRED_KB, "a.md"),
    "markdown: links": ("[a](" * 25_000, "a.md"),
    "markdown: emphasis": ("**a" * 33_334, "a.md"),
}


def _index() -> list[dict]:
    import yaml

    return yaml.safe_load((ARTICLES / "index.yaml").read_text(encoding="utf-8"))


def _published(entry: dict) -> str:
    return str(entry["published"]) + ("~" if entry.get("approximate") else "")


def _gazetteer() -> Gazetteer:
    from timeline.seed import read_seed_files

    seeds = read_seed_files()
    return Gazetteer([(a["name"], a.get("aliases") or []) for a in seeds.actors],
                     [(e["place"], e.get("country")) for e in seeds.events if e.get("place")])


def pipeline(repeat: int) -> tuple[int, int, float, float, int]:
    """(documents, characters, median CPU and wall seconds per pass, proposals) over the four articles."""
    entries = _index()
    raws = [(ARTICLES / e["file"]).read_text(encoding="utf-8") for e in entries]
    gazetteer = _gazetteer()
    cpu_times, wall_times, count = [], [], 0
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        count = 0
        for entry, raw in zip(entries, raws):
            document = parse_document(raw, name=entry["file"])
            count += len(propose(document.text, published=_published(entry), gazetteer=gazetteer))
        cpu_times.append(time.process_time() - cpu)
        wall_times.append(time.perf_counter() - wall)
    return len(entries), sum(len(raw) for raw in raws), statistics.median(cpu_times), statistics.median(wall_times), count


def ingest() -> list[tuple[str, float, int]]:
    """(file, seconds, candidates) for each article ingested into a fresh seeded SQLite database."""
    from timeline.bootstrap import initialise
    from timeline.db import Database
    from timeline.store.candidates import ingest_document

    results = []
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(Path(folder) / "bench.db")
        initialise(database, seed=True)
        for entry in _index():
            document = read_document(ARTICLES / entry["file"], title=entry["title"], published=_published(entry),
                                     url=entry["url"], publisher=entry["publisher"])
            start = time.perf_counter()
            with database.writing() as session:
                report = ingest_document(session=session, document=document)
                count = len(report.candidates)
            results.append((entry["file"], time.perf_counter() - start, count))
        database.dispose()
    return results


def hostile() -> list[tuple[str, float, float, int]]:
    """(name, CPU seconds, wall seconds, proposals) for each 100 KB hostile input."""
    gazetteer = _gazetteer()
    results = []
    for name, (raw, file_name) in HOSTILE.items():
        raw = raw[:_HUNDRED_KB]
        cpu, wall = time.process_time(), time.perf_counter()
        document = parse_document(raw, name=file_name)
        found = propose(document.text, published="2022-08-17", gazetteer=gazetteer)
        results.append((name, time.process_time() - cpu, time.perf_counter() - wall, len(found)))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7, help="timed passes over the four articles (median shown)")
    options = parser.parse_args(argv)
    if not (ARTICLES / "index.yaml").exists():
        sys.exit(f"bench/ingest.py: the seed articles are not at {ARTICLES}")

    documents, characters, cpu, wall, proposals = pipeline(options.repeat)
    print(f"pipeline: {documents} articles, {characters:,} characters, {proposals} proposals in {cpu * 1000:.0f} ms CPU"
          f" / {wall * 1000:.0f} ms wall (median of {options.repeat}): {documents / cpu:,.0f} documents/s, "
          f"{characters / cpu / 1000:,.0f} kchar/s of CPU time")
    print("\ningest into a fresh seeded SQLite database:")
    for name, elapsed, count in ingest():
        print(f"  {name}: {elapsed * 1000:.0f} ms, {count} candidates")
    print("\n100 KB hostile inputs (CPU s / wall s, proposals):")
    timings = hostile()
    for name, cpu, wall, count in timings:
        print(f"  {name}: {cpu:.2f} / {wall:.2f} ({count})")
    slowest = max(cpu for _, cpu, _, _ in timings)
    print(f"slowest {slowest:.2f} s CPU < 1 s: {'met' if slowest < 1 else 'NOT met'}")
    print(f"\nmachine: {platform.machine()} {platform.system()}, Python {platform.python_version()}; "
          f"measured {time.strftime('%Y-%m-%d')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

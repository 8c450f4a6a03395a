"""Temporal tagging accuracy and speed: our tagger and a peer library on the shared TempEval-3 style corpora.

Runs `timeline.ingest.tag` over every document of te3-platinum and WikiWars (the DCT as the publication date),
writes the scorer's JSONL, scores it with the shared scorer (imported from the shared folder, never copied),
runs a peer library through the shared run_py_peers.py in the same run, and prints one table beside
HeidelTime's published row. Needs the bench extra: pip install -e '.[bench]'.

    python bench/temporal.py [--corpora DIR] [--peer dateparser|none] [--repeat N] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO.parent / "shared" / "bench" / "temporal"
CORPORA = ("te3-platinum", "wikiwars")

# UzZaman et al. 2013, Table 3: TempEval-3 Task A on te3-platinum (strict F1, relaxed F1, value F1).
HEIDELTIME = {"te3-platinum": (81.34, 90.30, 77.61)}
TARGETS = {"te3-platinum": 77.61, "wikiwars": 75.0}
RELAXED_TARGET = 90.0
SPEED_TARGET = 200.0


def _scorer(corpora: Path):  # type: ignore[no-untyped-def]
    scorer_dir = corpora / "scorer"
    if not (scorer_dir / "score.py").exists():
        sys.exit(f"no scorer in {scorer_dir}; give --corpora pointing at shared/bench/temporal")
    sys.path.insert(0, str(scorer_dir))
    import score  # noqa: PLC0415  (the shared scorer, imported from where it lives)
    import timeml  # noqa: PLC0415

    return score, timeml


def _run_ours(documents: list, repeat: int) -> tuple[list[dict], float]:
    """Tag every document; the lines for the scorer and the median seconds of `repeat` timed passes."""
    from timeline.ingest import tag

    tag("Warm-up: on March 3, 2012, last week, two days later.", reference="2013-03-22")
    passes = []
    lines: list[dict] = []
    for _ in range(repeat):
        lines = []
        started = time.perf_counter()
        for document in documents:
            timexes = tag(document.text, reference=document.dct)
            lines.append({"doc": document.docid, "timexes": [
                {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                for t in timexes]})
        passes.append(time.perf_counter() - started)
    return lines, statistics.median(passes)


def _write(lines: list[dict], path: Path, meta: dict) -> None:
    with path.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps({"meta": meta}) + "\n")
        for line in lines:
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")


def _metrics(score, documents: list, path: Path) -> dict:  # type: ignore[no-untyped-def]
    by_id = {document.docid: document for document in documents}
    return score.score_corpus(documents, score.load_jsonl(str(path), by_id)).metrics()


def _run_peer(tool: str, corpora: Path, corpus: str, out: Path) -> dict:
    """The peer's run through the shared runner, in a separate process; its meta line (version, docs/s)."""
    runner = corpora / "scorer" / "run_py_peers.py"
    completed = subprocess.run([sys.executable, str(runner), tool, str(corpora / "corpora" / corpus), str(out)],
                               capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"{tool} failed on {corpus}: {completed.stderr.strip().splitlines()[-1:]}")
    with out.open(encoding="utf-8") as stream:
        return json.loads(stream.readline())["meta"]


# RELIABILITY 13: 100 KB of hostile text must be tagged in under a second; measured here, never in unit tests.
ADVERSARIAL = {
    "digit run": "1234567890" * 10_000,
    "repeated month names": "January " * 12_500,
    "repeated dates": "May 5, " * 14_300,
    "repeated years": "1941 " * 20_000,
    "the the the": "the " * 25_000,
    "no spaces": "theendofMarch1944" * 6_000,
    "unicode": "日本語 — «цитата» 𝟚𝟘𝟚𝟚 ٢٠٢٢ \u200f On 3 May 1999 ☃ " * 2_500,
    "modifier soup": "early the end of the " * 5_000,
    "colons": "12:30:45:" * 12_000,
    "mixed expressions": "On 3 March 1941, every year, 5 p.m. and the 1990s, two days later. " * 1_500,
}


def _adversarial() -> list[tuple[str, float, float, int]]:
    """(name, CPU seconds, wall seconds, expressions): CPU time is the verdict, as a shared machine inflates wall time."""
    from timeline.ingest import tag

    timings = []
    for name, text in ADVERSARIAL.items():
        text = text[:100_000]
        cpu, wall = time.process_time(), time.perf_counter()
        found = tag(text, reference="2022-08-17")
        timings.append((name, time.process_time() - cpu, time.perf_counter() - wall, len(found)))
    return timings


def _row(corpus: str, system: str, metrics: dict | None, published: tuple | None, speed: str) -> list[str]:
    if metrics is not None:
        figures = [metrics["strict_F1"] * 100, metrics["relaxed_F1"] * 100, metrics["value_acc"] * 100,
                   metrics["value_F1"] * 100]
        cells = [f"{figure:.2f}" for figure in figures]
    else:
        strict, relaxed, value = published or ("", "", "")
        cells = [f"{strict:.2f}", f"{relaxed:.2f}", "n/a", f"**{value:.2f}**"]
    return [corpus, system, *cells, speed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help="the shared temporal benchmark folder (holds corpora/ and scorer/)")
    parser.add_argument("--peer", default="dateparser", help="peer library for run_py_peers.py, or 'none'")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes of our tagger (the median is shown)")
    parser.add_argument("--out", type=Path, default=None, help="keep the JSONL files here (default: a temp dir)")
    options = parser.parse_args(argv)
    corpora = options.corpora.resolve()
    score, timeml = _scorer(corpora)
    out = options.out or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    out.mkdir(parents=True, exist_ok=True)

    rows: list[list[str]] = []
    verdicts: list[str] = []
    for corpus in CORPORA:
        documents = timeml.read_corpus(str(corpora / "corpora" / corpus))
        lines, seconds = _run_ours(documents, options.repeat)
        ours_path = out / f"timeline-{corpus}.jsonl"
        characters = sum(len(document.text) for document in documents)
        docs_per_second = len(documents) / seconds
        _write(lines, ours_path, {"tool": "timeline", "corpus": corpus, "docs": len(documents), "seconds": seconds,
                                  "docs_per_s": docs_per_second, "chars_per_s": characters / seconds})
        ours = _metrics(score, documents, ours_path)
        rows.append(_row(corpus, "timeline (this run)", ours, None,
                         f"{docs_per_second:,.0f} ({characters / seconds / 1000:,.0f} kchar/s)"))
        if corpus in HEIDELTIME:
            rows.append(_row(corpus, "HeidelTime-t (published)", None, HEIDELTIME[corpus], "n/a"))
        if options.peer != "none":
            peer_path = out / f"{options.peer}-{corpus}.jsonl"
            meta = _run_peer(options.peer, corpora, corpus, peer_path)
            peer = _metrics(score, documents, peer_path)
            rows.append(_row(corpus, f"{meta['tool']} {meta['version']} (this run)", peer, None,
                             f"{meta['docs_per_s']:,.0f}"))
        value_f1, relaxed_f1 = ours["value_F1"] * 100, ours["relaxed_F1"] * 100
        goal = TARGETS[corpus]
        met = value_f1 > goal if corpus == "te3-platinum" else value_f1 >= goal
        relation = ">" if corpus == "te3-platinum" else ">="
        verdicts.append(f"{corpus}: value F1 {value_f1:.2f} {relation} {goal:.2f}: {'met' if met else 'NOT met'}; "
                        f"relaxed F1 {relaxed_f1:.2f} >= {RELAXED_TARGET:.0f}: "
                        f"{'met' if relaxed_f1 >= RELAXED_TARGET else 'NOT met'}; {docs_per_second:,.0f} docs/s >= "
                        f"{SPEED_TARGET:.0f}: {'met' if docs_per_second >= SPEED_TARGET else 'NOT met'}")

    header = ["corpus", "system", "strict F1", "relaxed F1", "value acc", "value F1", "docs/s"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    for verdict in verdicts:
        print(verdict)
    timings = _adversarial()
    print("\n100 KB adversarial inputs (CPU s / wall s, expressions found): " + "; ".join(
        f"{name} {cpu:.2f}/{wall:.2f} ({count})" for name, cpu, wall, count in timings))
    slowest = max(cpu for _, cpu, _, _ in timings)
    print(f"slowest {slowest:.2f} s CPU < 1 s: {'met' if slowest < 1 else 'NOT met'}")
    print(f"\nmachine: {platform.machine()} {platform.system()}, {_cores()} cores, Python {platform.python_version()}; "
          f"measured {time.strftime('%Y-%m-%d')}; JSONL in {out}")
    return 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


if __name__ == "__main__":
    raise SystemExit(main())

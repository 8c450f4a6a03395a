"""bench/temporal.py and bench/ingest.py still run on the shared corpora and articles (figures are not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "bench" / "temporal"


@pytest.mark.slow
@pytest.mark.skipif(not (CORPORA / "scorer" / "score.py").exists(), reason="shared benchmark folder not present")
def test_bench_runs_and_prints_the_table(tmp_path):
    completed = subprocess.run(
        [sys.executable, str(REPO / "bench" / "temporal.py"), "--peer", "none", "--repeat", "1", "--out",
         str(tmp_path)], capture_output=True, text=True, check=False, timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert "| te3-platinum | timeline (this run) |" in completed.stdout
    assert "| wikiwars | timeline (this run) |" in completed.stdout
    assert "HeidelTime-t (published)" in completed.stdout
    assert (tmp_path / "timeline-te3-platinum.jsonl").exists()


ARTICLES = REPO.parent / "shared" / "articles"


@pytest.mark.slow
@pytest.mark.skipif(not (ARTICLES / "index.yaml").exists(), reason="shared seed articles not present")
def test_ingest_bench_runs_and_prints_its_figures():
    completed = subprocess.run([sys.executable, str(REPO / "bench" / "ingest.py"), "--repeat", "1"],
                               capture_output=True, text=True, check=False, timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("pipeline: 4 articles, ")
    assert "ingest into a fresh seeded SQLite database:" in completed.stdout
    assert "100 KB hostile inputs" in completed.stdout

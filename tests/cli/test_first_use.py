"""A newcomer's first run: the default database is made, migrated and seeded, with one line saying where."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_DB"}
    env.update(XDG_DATA_HOME=str(home), COLUMNS="120", HOME=str(home))
    return subprocess.run([sys.executable, "-m", "timeline", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_first_query_creates_the_default_database(tmp_path):
    first = _run("query", "--from", "2022-06", "--to", "2022-06", home=tmp_path)
    expected_path = tmp_path / "timeline" / "timeline.db"
    assert first.returncode == 0, first.stderr
    assert first.stderr == f"timeline: created {expected_path} with the seeded 2022 chronology (82 events)\n"
    assert "Tokayev tells SPIEF Kazakhstan will not recognise Donetsk and" in first.stdout
    assert expected_path.exists()
    second = _run("query", "--from", "2022-06-17", "--to", "2022-06-17", "--match", "within", "--format", "jsonl",
                  home=tmp_path)
    assert second.returncode == 0 and second.stderr == ""
    assert [json.loads(line)["slug"] for line in second.stdout.splitlines()] == [
        "2022-06-17-spief-tokayev-non-recognition",
        "2022-06-17-spief-tokayev-criticises-russian-commentators",
        "2022-06-17-putin-tokayev-bilateral-talks",
    ]


def test_init_no_seed_then_version(tmp_path):
    made = _run("init", "--no-seed", home=tmp_path)
    assert made.returncode == 0
    assert made.stdout == f"created: {tmp_path / 'timeline' / 'timeline.db'} (0 events)\n"
    assert _run("query", home=tmp_path).stderr == "No events match.\n"
    version = _run("--version", home=tmp_path)
    assert version.stdout.startswith("timeline ")


def test_user_mistake_prints_no_traceback(tmp_path):
    result = _run("query", "--from", "2022-02-30", home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith("error: --from: '2022-02-30' is not valid; expected")
    assert "Traceback" not in result.stderr

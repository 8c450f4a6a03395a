"""Cold-start benchmark: `timeline query --limit 10` against `sqlite-utils rows ... --limit 10`.

Owns the process start measurement: whole commands, run repeatedly, median wall time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bench.common import Result, median_time


def _command(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"bench: {name} is not installed (pip install -e '.[bench]')")
    return found


def run(path: Path, size: int, repeat: int) -> Result:
    ours = [_command("timeline"), "--db", str(path), "query", "--limit", "10", "--format", "jsonl"]
    peer = [_command("sqlite-utils"), "rows", str(path), "events", "--limit", "10", "--nl"]
    for command in (ours, peer):
        subprocess.run(command, check=True, capture_output=True)  # warm the file cache alike
    ours_time = median_time(lambda: subprocess.run(ours, check=True, capture_output=True), repeat)
    peer_time = median_time(lambda: subprocess.run(peer, check=True, capture_output=True), repeat)
    return Result("cold start: query --limit 10", "sqlite", size, ours_time, peer_time, "sqlite-utils rows", "s",
                  target=1 / 1.5)

"""RELIABILITY.md 4: a bulk load that runs out of room (RLIMIT_FSIZE in a child) changes nothing.

The child loads the seed chronology with `timeline init` while it may write no file past 64 KB:
it fails with one clean line and exit code 1, the database is exactly as it was and passes the
storage checks, and the same load then succeeds without the limit.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import Cli, snapshot, storage_findings

LIMIT = 64 * 1024
# Python ignores SIGXFSZ, so a write past the limit fails with EFBIG instead of killing the child.
CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
sys.argv = ["timeline", "--db", sys.argv[1], "init"]
from timeline.cli import main
main()
"""


def test_a_load_that_cannot_grow_its_files_leaves_the_database_unchanged(empty_db_url, backend):
    if backend != "sqlite":
        pytest.skip("the PostgreSQL server writes its own files; a client limit does not reach them")
    before = snapshot(empty_db_url)
    child = subprocess.run([sys.executable, "-c", CHILD.format(limit=LIMIT), empty_db_url],
                           capture_output=True, text=True, timeout=600)
    print(f"\n[sqlite] seed load with RLIMIT_FSIZE={LIMIT}: exit {child.returncode}, {child.stderr.strip()!r}")
    assert child.returncode == 1
    assert child.stderr.startswith("error: database: ") and child.stderr.count("\n") == 1
    assert child.stdout == ""
    assert snapshot(empty_db_url) == before
    assert storage_findings(empty_db_url) == []
    result = Cli(empty_db_url)("init")
    assert result.exit_code == 0 and result.stdout.endswith(" added from seeds)\n")
    assert snapshot(empty_db_url)["events"]

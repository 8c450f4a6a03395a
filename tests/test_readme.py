"""Every command in the README's console blocks runs exactly as written and prints what is shown."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import Cli

README = Path(__file__).resolve().parents[1] / "README.md"


_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")


def _timeless(text: str) -> str:
    """History lines carry the moment they were written: the one thing that differs run to run."""
    return _TIMESTAMP.sub("<time>", text)


def console_steps() -> list[tuple[str, str]]:
    """(command, expected output) pairs from ```console blocks, in README order."""
    steps: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S):
        command, lines = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    steps.append((command, "\n".join(lines)))
                command, lines = line[2:], []
            else:
                lines.append(line)
        if command is not None:
            steps.append((command, "\n".join(lines)))
    return steps


def test_readme_has_a_tour():
    commands = [command.split()[1] for command, _ in console_steps()]
    assert {"query", "show", "add", "export", "check", "backup", "restore-backup", "restore", "edit", "undo",
            "ingest", "review"} <= set(commands)


def test_readme_console_examples(db_url, backend, monkeypatch, tmp_path):
    if backend != "sqlite":
        pytest.skip("the README tour is shown on the default SQLite database")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TIMELINE_AUTHOR", "analyst")
    monkeypatch.chdir(tmp_path)
    # The tour runs from the repository's root, where examples/ is.
    shutil.copytree(README.parent / "examples", tmp_path / "examples")
    cli = Cli(db_url)
    for command, expected in console_steps():
        words = shlex.split(command)
        assert words[0] == "timeline"
        result = cli(*words[1:])
        shown = (result.stdout + result.stderr).rstrip("\n")
        assert _timeless(shown) == _timeless(expected), f"README example differs: {command}"
        # A mistake exits with 1, and so does a `check` that finds something.
        failed = expected.startswith("error: ") or re.search(r"^[0-9]+ findings?$", expected, flags=re.M)
        assert result.exit_code == (1 if failed else 0), command

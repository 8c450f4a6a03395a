"""Shared by the export tests: the hostile strings of the payload corpus.

A pytest plugin (tests/conftest.py names it): fixtures and plain helpers; test modules import the helpers.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def xss_payloads() -> list[str]:
    """The hostile strings in tests/data/xss-payloads.txt, one per line (comments start with '#')."""
    # split on newlines only: str.splitlines() would also cut at the U+2028 the corpus holds on purpose
    lines = (DATA / "xss-payloads.txt").read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line.strip() and not line.startswith("#")]

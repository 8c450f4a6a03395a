"""Conformance vectors for timeline.dates.parse_edtf, read from tests/data/edtf.json.

Each valid vector gives the canonical text, the four bounds as iso_bound text (null when
unbounded), the precision, the flags and the display text; each invalid one must raise
InvalidDate with a one-line message that names the value and, where given, says why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.dates import iso_bound, parse_date, parse_edtf
from timeline.errors import InvalidDate

VECTORS = json.loads((Path(__file__).parent.parent / "data" / "edtf.json").read_text(encoding="utf-8"))
VALID = [vector for vector in VECTORS if vector["valid"]]
INVALID = [vector for vector in VECTORS if not vector["valid"]]


def test_there_are_enough_vectors() -> None:
    assert len(VECTORS) >= 80
    assert len(VALID) >= 40 and len(INVALID) >= 40


@pytest.mark.parametrize("vector", VALID, ids=[repr(v["edtf"]) for v in VALID])
def test_valid_vector(vector: dict) -> None:
    date = parse_edtf(vector["edtf"])
    assert date.edtf == vector["canonical"]
    assert {
        "start_earliest": iso_bound(date.start_earliest, latest=False),
        "start_latest": iso_bound(date.start_latest, latest=True),
        "end_earliest": iso_bound(date.end_earliest, latest=False),
        "end_latest": iso_bound(date.end_latest, latest=True),
    } == {key: vector[key] for key in ("start_earliest", "start_latest", "end_earliest", "end_latest")}
    assert date.precision.value == vector["precision"]
    assert date.display() == vector["display"]
    assert (date.approximate, date.uncertain, date.is_interval) == (
        vector["approximate"],
        vector["uncertain"],
        vector["is_interval"],
    )


@pytest.mark.parametrize("vector", VALID, ids=[repr(v["edtf"]) for v in VALID])
def test_valid_vector_round_trips_and_parse_date_agrees(vector: dict) -> None:
    date = parse_edtf(vector["edtf"])
    assert parse_edtf(date.edtf) == date
    assert parse_date(vector["edtf"]) == date


@pytest.mark.parametrize("vector", INVALID, ids=[repr(v["edtf"])[:60] for v in INVALID])
def test_invalid_vector(vector: dict) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_edtf(vector["edtf"])
    message = str(caught.value)
    assert "\n" not in message
    # timeline.errors writes every message on one line, collapsing blanks in the value too.
    assert message.startswith(" ".join(f"date: {vector['edtf']!r} is not valid; expected ".split()))
    if "message" in vector:
        assert vector["message"] in message


@pytest.mark.parametrize("vector", INVALID, ids=[repr(v["edtf"])[:60] for v in INVALID])
def test_invalid_vector_through_parse_date(vector: dict) -> None:
    if vector.get("parse_date_valid"):
        assert parse_date(vector["edtf"]).edtf
        return
    with pytest.raises(InvalidDate) as caught:
        parse_date(vector["edtf"])
    if "message" in vector and "EDTF such as" not in vector["message"]:
        # The specific reason survives the plain-English attempt.
        assert vector["message"] in str(caught.value)

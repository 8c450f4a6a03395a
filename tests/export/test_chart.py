"""`timeline plot`: a PNG or SVG picture with a lane per storyline, drawn by matplotlib without a display."""

from __future__ import annotations

import json

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import snapshot

DOCS = Path(__file__).resolve().parents[2] / "docs"
TITLE = "Kazakhstan–Russia relations, 2022"
LANES = ["context", "cpc-pipeline", "january-2022-unrest", "medvedev-vk-post", "spief-2022"]


def test_png_chart_of_the_seeded_year(cli, tmp_path, request):
    from PIL import Image

    target = tmp_path / "chart.png"
    result = cli("plot", "-o", str(target), "--from", "2022", "--to", "2022", "--title", TITLE)
    assert result.exit_code == 0, result.stderr
    shown = json.loads(cli("query", "--from", "2022", "--to", "2022", "--format", "json").stdout)
    assert result.stderr == f"wrote {len(shown)} events to {target}\n"
    with Image.open(target) as picture:
        assert picture.format == "PNG" and picture.width >= 1600 and picture.height >= 600
        assert len(picture.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 100  # soft edges: many shades
    if request.config.getoption("--update-golden"):
        DOCS.mkdir(exist_ok=True)
        (DOCS / "chart.png").write_bytes(target.read_bytes())


def test_svg_chart_keeps_its_words_as_text(cli, tmp_path):
    target = tmp_path / "chart.svg"
    assert cli("plot", "-o", str(target), "--title", TITLE).exit_code == 0
    root = ElementTree.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    words = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert TITLE in words
    assert all(f"{lane} (" in words for lane in LANES)


def test_no_events_is_a_chart_that_says_so(cli):
    svg = cli("plot", "-o", "-", "--format", "svg", "--text", "no event says this")
    assert svg.exit_code == 0 and "No events match." in svg.stdout


def test_same_chronology_same_svg(cli, tmp_path):
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    cli("plot", "-o", str(first), "--tag", "spief-2022")
    cli("plot", "-o", str(second), "--tag", "spief-2022")
    assert first.read_bytes() == second.read_bytes()


def test_format_option_and_export_agree(cli, tmp_path):
    by_plot = cli("plot", "-o", "-", "--format", "svg", "--tag", "medvedev-vk-post").stdout
    by_export = cli("export", "--format", "svg", "-o", "-", "--tag", "medvedev-vk-post").stdout
    assert by_plot == by_export and by_plot.lstrip().startswith("<?xml")


@pytest.mark.parametrize("args, message", [
    (["-o", "chart.gif"], "error: -o: 'chart.gif' is not valid; expected a file name ending in .png or .svg"),
    (["-o", "-"], "error: -o: '-' is not valid; expected a file name ending in .png or .svg (or give --format)"),
    (["-o", "chart.png", "--from", "2022-13"], "error: --from: '2022-13' is not valid; expected"),
])
def test_bad_plot_requests_are_one_line_and_write_nothing(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    before = snapshot(cli.url)
    result = cli("plot", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".db")] == []
    assert snapshot(cli.url) == before


def test_no_display_needed():
    """matplotlib draws without pyplot or a screen, and importing the chart module loads nothing heavy."""
    code = ("import sys, timeline.export.chart; "
            "print(sorted(m for m in ('matplotlib', 'matplotlib.pyplot') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

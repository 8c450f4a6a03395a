"""A picture of the chronology (PNG or SVG): one lane per storyline, fuzzy dates as soft-edged bars.

Owns the chart's drawing; imports matplotlib only when it draws, and never pyplot (no global figure state).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from timeline.export.dateparts import bound_seconds
from timeline.export.lanes import storyline_lanes

__all__ = ["write_png", "write_svg"]

_DAY = 86_400
_STATUS_COLOURS = {
    "confirmed": (0.145, 0.388, 0.922), "reported": (0.478, 0.655, 0.969), "disputed": (0.851, 0.467, 0.024),
    "denied": (0.863, 0.149, 0.149), "false": (0.294, 0.333, 0.388),
}
_FADE_STEPS = 12  # slices that make one soft edge; enough that the steps do not show at print size
_FAINT, _SOLID = 0.06, 0.92
_ROW, _BAR = 1.0, 0.72  # row pitch and bar height in data units
_MAX_ROWS = 8
_WIDTH_INCHES, _MIN_BAR_INCHES = 12.0, 0.035


@dataclass
class _Bar:
    """One event on the chart: possible start [a, b], possible end [c, d), in days since 1970."""

    a: float
    b: float
    c: float
    d: float
    status: str
    lane: str
    row: float = 0.0


def _bars(documents: Sequence[dict[str, Any]]) -> list[_Bar]:
    """A bar per event; an open end reaches the edge of the whole chronology."""
    known = [s for doc in documents for s in (bound_seconds(doc["start_earliest"], end=False),
                                              bound_seconds(doc["end_latest"], end=True)) if s is not None]
    low, high = (min(known), max(known)) if known else (0, _DAY)
    bars = []
    for doc, lane in zip(documents, storyline_lanes(documents)):
        a = bound_seconds(doc["start_earliest"], end=False)
        d = bound_seconds(doc["end_latest"], end=True)
        a, d = low if a is None else a, high if d is None else d
        b = bound_seconds(doc["start_latest"], end=True)
        c = bound_seconds(doc["end_earliest"], end=False)
        b, c = a if b is None else b, d if c is None else c
        bars.append(_Bar(a / _DAY, b / _DAY, c / _DAY, d / _DAY, doc["status"], lane))
    return bars


def _pack(bars: list[_Bar], gap: float) -> list[tuple[str, int]]:
    """Rows within each lane, greedily, so bars `gap` days apart share a row; returns (lane, rows) top down."""
    lanes: dict[str, list[float]] = {}
    for bar in bars:
        ends = lanes.setdefault(bar.lane, [])
        row = next((r for r, end in enumerate(ends) if end + gap <= bar.a), None)
        if row is None and len(ends) < _MAX_ROWS:
            row = len(ends)
            ends.append(float("-inf"))
        if row is None:
            row = min(range(len(ends)), key=ends.__getitem__)
        ends[row] = max(ends[row], bar.d, bar.a + gap)
        bar.row = row
    return [(lane, len(ends)) for lane, ends in lanes.items()]


def _slices(bar: _Bar, min_width: float) -> list[tuple[float, float, float]]:
    """(left, right, opacity) pieces: rising across the possible start, solid while certain, falling after."""
    if bar.d - bar.a < min_width:
        middle = (bar.a + bar.d) / 2
        return [(middle - min_width / 2, middle + min_width / 2, _SOLID)]
    rise, fall = min(max(bar.b, bar.a), bar.d), max(min(bar.c, bar.d), bar.a)
    if rise > fall:
        rise = fall = (rise + fall) / 2  # no certain middle: peak half-way between
    pieces = []
    for left, right, rising in ((bar.a, rise, True), (fall, bar.d, False)):
        step = (right - left) / _FADE_STEPS
        for i in range(_FADE_STEPS if step > 0 else 0):
            share = (i + 0.5) / _FADE_STEPS
            opacity = _FAINT + (_SOLID - _FAINT) * (share if rising else 1 - share)
            pieces.append((left + i * step, left + (i + 1) * step, opacity))
    if fall > rise:
        pieces.append((rise, fall, _SOLID))
    return pieces


def _figure(documents: Sequence[dict[str, Any]], title: str):  # type: ignore[no-untyped-def]
    from matplotlib import dates as mdates
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    bars = _bars(documents)
    start = min((bar.a for bar in bars), default=0.0)
    end = max((bar.d for bar in bars), default=1.0)
    span = max(end - start, 1.0)
    days_per_inch = span / _WIDTH_INCHES
    lanes = _pack(bars, gap=days_per_inch * 0.06)
    offsets, top = {}, 0.0
    for lane, rows in lanes:
        offsets[lane] = top
        top += rows * _ROW + 0.9  # room for the lane's name above its rows
    height = 1.6 + 0.2 * top
    figure = Figure(figsize=(_WIDTH_INCHES + 2.2, max(2.5, height)), layout="constrained")
    axes = figure.add_subplot()
    fills: list[list[tuple[float, float]]] = []
    colours: list[tuple[float, float, float, float]] = []
    marks: dict[str, list[list[tuple[float, float]]]] = {"disputed": [], "denied": [], "false": []}
    strikes = []
    for bar in bars:
        y = offsets[bar.lane] + 0.9 + bar.row * _ROW
        rgb = _STATUS_COLOURS.get(bar.status, _STATUS_COLOURS["reported"])
        pieces = _slices(bar, min_width=days_per_inch * _MIN_BAR_INCHES)
        for left, right, opacity in pieces:
            fills.append([(left, y), (right, y), (right, y + _BAR), (left, y + _BAR)])
            colours.append((*rgb, opacity))
        left, right = pieces[0][0], pieces[-1][1]
        if bar.status in marks:
            marks[bar.status].append([(left, y), (right, y), (right, y + _BAR), (left, y + _BAR)])
        if bar.status == "false":
            strikes.append([(left, y + _BAR / 2), (right, y + _BAR / 2)])
    axes.add_collection(PolyCollection(fills, facecolors=colours, edgecolors="none"))
    axes.add_collection(PolyCollection(marks["disputed"], facecolors="none", edgecolors="#92400e",
                                       linestyles="--", linewidths=0.8))
    axes.add_collection(PolyCollection(marks["denied"] + marks["false"], facecolors="none", edgecolors="white",
                                       hatch="////", linewidths=0))
    axes.add_collection(LineCollection(strikes, colors="#ef4444", linewidths=1.2))
    for number, (lane, rows) in enumerate(lanes):
        band = offsets[lane]
        if number % 2 == 0:
            axes.axhspan(band, band + rows * _ROW + 0.9, color="#f1f5f9", zorder=0, linewidth=0)
        axes.text(start - span * 0.01, band + 0.45, f"{lane} ({sum(b.lane == lane for b in bars)})",
                  ha="left", va="center", fontsize=8, fontweight="bold", color="#1f2937")
    if not bars:
        axes.text(0.5, 0.5, "No events match.", transform=axes.transAxes, ha="center", color="#5b6472")
    axes.set_xlim(start - span * 0.01, end + span * 0.01)
    axes.set_ylim(max(top, 1.0), 0)
    axes.set_yticks([])
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.grid(axis="x", color="#e5e7eb", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.set_title(title, loc="left", fontsize=12, fontweight="bold")
    legend = [Patch(facecolor=(*rgb, _SOLID), label=status) for status, rgb in _STATUS_COLOURS.items()]
    legend += [Patch(facecolor=(*_STATUS_COLOURS["confirmed"], 0.3), label="faded: date uncertain")]
    axes.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.005, 1), fontsize=8, frameon=False)
    return figure


def _save(documents: Sequence[dict[str, Any]], stream: IO[Any], format: str, title: str) -> None:
    from matplotlib import rc_context

    # Fixed salt and no date: the same chronology gives the same file. Text stays text in SVG.
    with rc_context({"svg.hashsalt": "timeline", "svg.fonttype": "none"}):
        _figure(documents, title).savefig(stream, format=format, dpi=150,
                                           metadata={"Date": None} if format == "svg" else {"Software": None})


def write_png(documents: Sequence[dict[str, Any]], stream: IO[bytes], *, title: str = "Chronology",
              **_options: Any) -> None:
    _save(documents, stream, "png", title)


def write_svg(documents: Sequence[dict[str, Any]], stream: IO[str], *, title: str = "Chronology",
              **_options: Any) -> None:
    _save(documents, stream, "svg", title)

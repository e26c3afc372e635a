"""Pictures as standalone SVG: the verdict palette, the timeline chart and a bar chart.

Every picture is a string of SVG that works alone (``--format svg``) and inline in
the HTML report. Colours are told apart by colour-blind readers too: each verdict
level has its own pattern and every picture carries a legend in words. Every
picture has a ``<title>`` and a ``<desc>`` for screen readers; all text is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape as _xml

from ..records import record
from ..transfer.values import printable
from ..verdict import FAMILY_OUTCOMES, VERDICTS, level

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"


@record(frozen=True)
class Swatch:
    """How one verdict level is drawn: fill, text colour, pattern and its words."""

    fill: str
    ink: str
    pattern: str  # "stripes" | "dots" | "lines" | "solid" | "cross"
    words: str


# Colours chosen to stay apart under the common colour-vision deficiencies (no red
# against green); the pattern tells them apart in grey print. Ink on fill >= 4.5:1.
PALETTE: dict[str, Swatch] = {
    "prohibited": Swatch("#b2182b", "#ffffff", "stripes", "prohibited: violation or denial"),
    "sanctions-exposure": Swatch(
        "#e66100", "#000000", "dots", "sanctions-exposure: sanctioned or exposure"
    ),
    "approval-required": Swatch(
        "#ffe066",
        "#000000",
        "lines",
        "approval-required: conditional, authorization-required or notification-required",
    ),
    "clear": Swatch("#1f6fae", "#ffffff", "solid", "clear"),
    "not-evaluated": Swatch("#d9d9d9", "#000000", "cross", "not evaluated (no rule encoded)"),
    "error": Swatch("#5a5a5a", "#ffffff", "cross", "error: could not be checked"),
}


def level_of(outcome: str) -> str:
    """The palette key for a verdict or a family outcome."""
    if outcome in PALETTE:
        return outcome
    if outcome in {o for outs in FAMILY_OUTCOMES.values() for o in outs}:
        return level(outcome)
    return "error"


def esc(text: Any) -> str:
    """Text made safe for SVG content and attribute values (control characters shown)."""
    return _xml(printable(str(text)), {'"': "&quot;", "'": "&#39;"})


def fill(outcome: str, prefix: str) -> str:
    """The ``fill`` attribute value for an outcome: its pattern, or its colour when solid."""
    key = level_of(outcome)
    sw = PALETTE[key]
    return sw.fill if sw.pattern == "solid" else f"url(#{prefix}-{key})"


MARKS = {
    "stripes": '<path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" stroke="{c}" stroke-width="2"/>',
    "dots": '<circle cx="4" cy="4" r="1.6" fill="{c}"/>',
    "lines": '<path d="M0,6 h8" stroke="{c}" stroke-width="1.5"/>',
    "cross": '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{c}" stroke-width="1"/>',
}


def defs(prefix: str) -> str:
    """``<defs>`` with one pattern per verdict level, ids prefixed to stay unique."""
    parts = []
    for key, sw in PALETTE.items():
        if sw.pattern == "solid":
            continue
        ink = "rgba(255,255,255,.45)" if sw.ink == "#ffffff" else "rgba(0,0,0,.35)"
        mark = MARKS[sw.pattern].format(c=ink)
        parts.append(
            f'<pattern id="{prefix}-{key}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{sw.fill}"/>{mark}</pattern>'
        )
    return "<defs>" + "".join(parts) + "</defs>"


def open_svg(width: int, height: int, prefix: str, title: str, desc: str) -> list[str]:
    """The start of a standalone, accessible SVG document."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="{esc(FONT)}" '
        f'font-size="12">',
        f'<title id="{prefix}-title">{esc(title)}</title>',
        f'<desc id="{prefix}-desc">{esc(desc)}</desc>',
        defs(prefix),
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def legend(x: int, y: int, prefix: str, keys: Sequence[str]) -> tuple[list[str], int]:
    """A legend in words with a swatch per level, one per line; returns (parts, height)."""
    parts = [f'<g class="legend"><text x="{x}" y="{y + 12}" font-weight="bold">Legend</text>']
    for i, key in enumerate(keys):
        top = y + 20 + i * 20
        parts.append(
            f'<rect x="{x}" y="{top}" width="24" height="14" fill="{fill(key, prefix)}" '
            f'stroke="#333"/><text x="{x + 32}" y="{top + 11}">{esc(PALETTE[key].words)}</text>'
        )
    parts.append("</g>")
    return parts, 24 + len(keys) * 20


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def timeline_svg(name: str, periods: Sequence[Mapping[str, Any]], prefix: str = "tl") -> str:
    """The timeline: a row per family (and the verdict), a column per period.

    ``periods`` are the JSON form of :class:`armscheck.explore.counterfactuals.Period`. Each change
    point is numbered on the chart and labelled with its instruments underneath.
    """
    rows = ["verdict", *FAMILY_OUTCOMES]
    left, top, row_h, width = 130, 84, 30, 1000
    col_w = max(40, (width - left - 20) // max(1, len(periods)))
    chart_w = left + col_w * len(periods) + 20
    width = max(width, chart_w)
    notes: list[tuple[int, str, list[str]]] = []
    for i, p in enumerate(periods):
        if i and p.get("changed_by"):
            notes.append((i, str(p["from"]), [str(c) for c in p["changed_by"]]))
    note_lines = [
        (n, line)
        for n, day, labels in notes
        for n_i, line in enumerate(_wrap(f"{day}: " + "; ".join(labels), 140))
        for n in ([n] if n_i == 0 else [0])
    ]
    axis_y = top + row_h * len(rows) + 8
    notes_y = axis_y + 70
    legend_y = notes_y + 18 * len(note_lines) + 16
    keys = ["prohibited", "sanctions-exposure", "approval-required", "clear", "not-evaluated"]
    height = legend_y + 24 + 20 * len(keys) + 10
    desc = "; ".join(
        f"{p['from']} to {p['to'] or 'open'}: {p['verdict']}"
        + (" (contested)" if p.get("contested") else "")
        for p in periods
    )
    out = open_svg(width, height, prefix, f"Timeline: {name}", f"Verdict by period. {desc}")
    out.append(f'<text x="10" y="24" font-size="16" font-weight="bold">{esc(name)}</text>')
    out.append(
        '<text x="10" y="44" fill="#333">Each column is a period with one outcome; '
        "numbers mark the changes listed below the chart.</text>"
    )
    for r, row in enumerate(rows):
        y = top + r * row_h
        weight = ' font-weight="bold"' if row == "verdict" else ""
        out.append(f'<text x="10" y="{y + 19}"{weight}>{esc(row)}</text>')
        for i, p in enumerate(periods):
            outcome = str(p["verdict"] if row == "verdict" else p["families"].get(row, "error"))
            x = left + i * col_w
            tip = f"{row}: {outcome}, {p['from']} to {p['to'] or 'open'}"
            out.append(
                f'<rect x="{x}" y="{y}" width="{col_w}" height="{row_h - 4}" '
                f'fill="{fill(outcome, prefix)}" stroke="#ffffff" data-outcome="{esc(outcome)}">'
                f"<title>{esc(tip)}</title></rect>"
            )
            if row == "verdict" and p.get("contested"):
                out.append(
                    f'<text x="{x + col_w / 2}" y="{y + 18}" text-anchor="middle" '
                    f'font-weight="bold" fill="{PALETTE[level_of(outcome)].ink}">*</text>'
                )
    for i, p in enumerate(periods):
        x = left + i * col_w
        out.append(f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{axis_y}" stroke="#333"/>')
        out.append(
            f'<text transform="translate({x + 3},{axis_y + 8}) rotate(45)" font-size="11">'
            f"{esc(p['from'])}</text>"
        )
        if i and p.get("changed_by"):
            out.append(
                f'<circle cx="{x}" cy="{top - 12}" r="9" fill="#000"/>'
                f'<text x="{x}" y="{top - 8}" fill="#fff" font-size="11" '
                f'text-anchor="middle">{i}</text>'
            )
    for j, (n, line) in enumerate(note_lines):
        y = notes_y + j * 18
        mark = f"{n}." if n else ""
        out.append(f'<text x="10" y="{y}" font-weight="bold">{mark}</text>')
        out.append(f'<text x="34" y="{y}">{esc(line)}</text>')
    parts, _ = legend(10, legend_y, prefix, keys)
    out += parts
    if any(p.get("contested") for p in periods):
        out.append(f'<text x="520" y="{legend_y + 32}">* the verdict rests on contested law</text>')
    out.append("</svg>")
    return "\n".join(out)


def bar_chart_svg(counts: Mapping[str, int], prefix: str = "bars", title: str = "") -> str:
    """A horizontal bar chart of files per verdict, each bar labelled with its count."""
    keys = [*VERDICTS, "error"]
    most = max([1, *counts.values()])
    left, bar_h, width = 150, 26, 640
    height = 40 + bar_h * len(keys) + 10
    total = sum(counts.values())
    desc = ", ".join(f"{k}: {counts.get(k, 0)}" for k in keys)
    out = open_svg(width, height, prefix, title or f"Verdicts of {total} files", desc)
    out.append(f'<text x="10" y="22" font-weight="bold">{esc(title or "Files per verdict")}</text>')
    for i, key in enumerate(keys):
        n = counts.get(key, 0)
        y = 34 + i * bar_h
        w = round((width - left - 70) * n / most)
        out.append(f'<text x="10" y="{y + 16}">{esc(key)}</text>')
        out.append(
            f'<rect x="{left}" y="{y}" width="{max(w, 1)}" height="{bar_h - 6}" '
            f'fill="{fill(key, prefix)}" stroke="#333" data-verdict="{key}"/>'
        )
        out.append(f'<text x="{left + max(w, 1) + 6}" y="{y + 16}">{n}</text>')
    out.append("</svg>")
    return "\n".join(out)


def year_ticks(start: dt.date, end: dt.date, every: int = 5) -> list[dt.date]:
    """1 January of every ``every``-th year between ``start`` and ``end``."""
    first = (start.year // every + 1) * every
    return [dt.date(y, 1, 1) for y in range(first, end.year + 1, every) if dt.date(y, 1, 1) < end]

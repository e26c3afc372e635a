"""Pictures of place: the tile-grid world map and the recipients-by-date heat map."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .svg import PALETTE, esc, fill, legend, level_of, open_svg, year_ticks

TILE = 30
LEVELS = ["prohibited", "sanctions-exposure", "approval-required", "clear", "not-evaluated"]


@lru_cache(maxsize=1)
def tiles() -> dict[str, tuple[int, int]]:
    """ISO alpha-2 code -> (row, column) on the tile-grid map (package data)."""
    text = (Path(__file__).parent / "tiles.txt").read_text(encoding="utf-8")
    grid = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    return {
        code: (r, c) for r, row in enumerate(grid) for c, code in enumerate(row) if code != ".."
    }


def map_svg(name: str, rows: Sequence[Mapping[str, Any]], prefix: str = "map") -> str:
    """The matrix as a world map: each recipient's tile coloured by its verdict.

    ``rows`` are the matrix rows (``recipient``, ``name``, ``verdict``). Tiles of
    countries not in the matrix are left white; a code without a tile is named in
    the description (the HTML report lists every row in a table beside the map).
    """
    where = tiles()
    n_rows = 1 + max(r for r, _ in where.values())
    n_cols = 1 + max(c for _, c in where.values())
    top = 50
    width = n_cols * TILE + 20
    legend_y = top + n_rows * TILE + 20
    height = legend_y + 24 + 20 * len(LEVELS) + 30
    counts: dict[str, int] = {}
    for row in rows:
        key = level_of(str(row["verdict"]))
        counts[key] = counts.get(key, 0) + 1
    missing = [str(r["recipient"]) for r in rows if str(r["recipient"]) not in where]
    desc = (
        "World tile map; each square is a country with its two-letter code. "
        + ", ".join(f"{k}: {n}" for k, n in counts.items())
        + (f". Not on the map: {', '.join(missing)}" if missing else "")
    )
    out = open_svg(width, height, prefix, f"Map of verdicts by recipient: {name}", desc)
    out.append(f'<text x="10" y="24" font-size="16" font-weight="bold">{esc(name)}</text>')
    out.append(
        '<text x="10" y="42" fill="#333">Verdict by recipient country; '
        "white squares were not checked.</text>"
    )
    by_code = {str(r["recipient"]): r for r in rows}
    for code, (r, c) in sorted(where.items()):
        x, y = 10 + c * TILE, top + r * TILE
        if code not in by_code:
            out.append(
                f'<g><rect x="{x}" y="{y}" width="{TILE - 2}" height="{TILE - 2}" '
                f'fill="#ffffff" stroke="#999"/><text x="{x + TILE / 2 - 1}" y="{y + 18}" '
                f'text-anchor="middle" font-size="10" fill="#595959">{code}</text>'
                f"<title>{code}: not checked</title></g>"
            )
            continue
        row = by_code[code]
        verdict = str(row["verdict"])
        sw = PALETTE[level_of(verdict)]
        out.append(
            f'<g class="tile" data-code="{code}" data-verdict="{esc(verdict)}">'
            f'<rect x="{x}" y="{y}" width="{TILE - 2}" height="{TILE - 2}" '
            f'fill="{fill(verdict, prefix)}" stroke="#333"/>'
            f'<text x="{x + TILE / 2 - 1}" y="{y + 18}" text-anchor="middle" font-size="11" '
            f'font-weight="bold" fill="{sw.ink}" stroke="{sw.fill}" stroke-width="3" '
            f'paint-order="stroke">{code}</text>'
            f"<title>{esc(row.get('name', code))} ({code}): {esc(verdict)}</title></g>"
        )
    parts, _ = legend(10, legend_y, prefix, LEVELS)
    out += parts
    out.append("</svg>")
    return "\n".join(out)


def by_verdict(periods: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Periods with neighbours of the same verdict joined (``from``, ``to``, ``verdict``)."""
    out: list[dict[str, Any]] = []
    for p in periods:
        if out and out[-1]["verdict"] == p["verdict"] and out[-1]["to"] == p["from"]:
            out[-1]["to"] = p["to"]
        else:
            out.append({"from": p["from"], "to": p["to"], "verdict": p["verdict"]})
    return out


def heatmap_svg(
    name: str,
    rows: Sequence[Mapping[str, Any]],
    start: dt.date,
    end: dt.date,
    prefix: str = "heat",
) -> str:
    """Recipients (rows) against dates (x axis): each span coloured by its verdict.

    ``rows`` are over-time rows: ``recipient``, ``name`` and ``periods`` (JSON
    periods with ``from``, ``to`` and ``verdict``), clipped to ``start``..``end``.
    """
    left, top, row_h, plot_w = 190, 70, 14, 900
    width = left + plot_w + 20
    legend_y = top + row_h * len(rows) + 40
    height = legend_y + 24 + 20 * len(LEVELS) + 10
    span = max(1, (end - start).days)

    def x_of(day: dt.date) -> float:
        return left + plot_w * (min(max(day, start), end) - start).days / span

    desc = (
        f"{len(rows)} recipients from {start} to {end}; each row shows the verdict over time. "
        "The table in the report lists the same periods."
    )
    out = open_svg(width, height, prefix, f"Verdict by recipient and date: {name}", desc)
    out.append(f'<text x="10" y="24" font-size="16" font-weight="bold">{esc(name)}</text>')
    out.append(
        f'<text x="10" y="42" fill="#333">Where and when: the verdict for each recipient '
        f"from {start} to {end}.</text>"
    )
    for day in year_ticks(start, end):
        x = x_of(day)
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{top + row_h * len(rows)}" '
            f'stroke="#888" stroke-dasharray="2,3"/>'
            f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle">{day.year}</text>'
        )
    for i, row in enumerate(rows):
        y = top + i * row_h
        label = f"{row.get('name', row['recipient'])} ({row['recipient']})"
        out.append(f'<text x="{left - 6}" y="{y + 11}" text-anchor="end" font-size="11">')
        out.append(f"{esc(label[:30])}</text>")
        for p in by_verdict(row["periods"]):
            a = dt.date.fromisoformat(str(p["from"]))
            b = dt.date.fromisoformat(str(p["to"])) if p.get("to") else end
            if b <= start or a >= end:
                continue
            verdict = str(p["verdict"])
            x0, x1 = x_of(a), x_of(b)
            out.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 0.8):.1f}" '
                f'height="{row_h - 2}" fill="{fill(verdict, prefix)}" '
                f'data-verdict="{esc(verdict)}"><title>{esc(label)}: {esc(verdict)}, '
                f"{a} to {p.get('to') or 'open'}</title></rect>"
            )
    parts, _ = legend(10, legend_y, prefix, LEVELS)
    out += parts
    out.append("</svg>")
    return "\n".join(out)

"""The timeline in a terminal: a row per family of marked spans, then each period.

Each span shows the mark of its verdict level (the same marks as the HTML report),
so the chart reads without colour; the legend names every outcome behind a mark.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..explore.counterfactuals import Period
from ..transfer.values import printable
from ..verdict import FAMILY_OUTCOMES, level
from .human import bullets, width

COLOUR = {
    "prohibited": "white on red",
    "sanctions-exposure": "black on dark_orange",
    "approval-required": "black on yellow",
    "clear": "black on green",
    "not-evaluated": "white on grey37",
    "error": "white on grey37",
}
MARK = {
    "prohibited": "✖",
    "sanctions-exposure": "▲",
    "approval-required": "◆",
    "clear": "✔",
    "not-evaluated": "–",
    "error": "?",
}
LEGEND = (
    ("prohibited", "violation or denial"),
    ("sanctions-exposure", "sanctioned or exposure"),
    ("approval-required", "conditional, authorization-required or notification-required"),
    ("clear", ""),
    ("not-evaluated", "no rule encoded"),
)


def _level(outcome: str) -> str:
    if outcome in COLOUR:
        return outcome
    return level(outcome) if any(outcome in o for o in FAMILY_OUTCOMES.values()) else "error"


def _span(outcome: str, contested: bool = False) -> Text:
    key = _level(outcome)
    return Text(f" {MARK[key]}{'*' if contested else ' '}", style=COLOUR[key])


def _overall(p: Period) -> str:
    """A period's verdict as drawn: a clear with a family not evaluated is not a clear."""
    if p.verdict == "clear" and "not-evaluated" in p.families.values():
        return "not-evaluated"
    return p.verdict


def _said(p: Period) -> str:
    missing = [f for f, o in p.families.items() if o == "not-evaluated"]
    return p.verdict + (f" ({', '.join(missing)} not evaluated)" if missing else "")


def legend() -> Table:
    """What each mark means, with every outcome it stands for."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for key, outcomes in LEGEND:
        grid.add_row(
            Text(f" {MARK[key]} ", style=COLOUR[key]), key + (f": {outcomes}" if outcomes else "")
        )
    grid.add_row(Text(" * ", style="bold"), "the verdict rests on contested law")
    return grid


def render(console: Console, name: str, periods: Sequence[Period]) -> None:
    """Print the spans, the legend, then each period with the instruments that started it."""
    shown = max(1, (min(console.width, 200) - 14) // 3)
    chart = Table(box=None, pad_edge=False, padding=(0, 0), show_header=True)
    chart.add_column("period", no_wrap=True, min_width=12, header_style="bold")
    for i in range(min(len(periods), shown)):
        chart.add_column(str(i + 1).rjust(2), no_wrap=True, header_style="dim")
    rows = ["verdict", *FAMILY_OUTCOMES]
    for row in rows:
        spans = [
            _span(
                _overall(p) if row == "verdict" else p.families[row],
                row == "verdict" and p.contested,
            )
            for p in periods[:shown]
        ]
        chart.add_row(Text(f"{row} ", style="bold" if row == "verdict" else ""), *spans)
    parts: list[RenderableType] = [Text(printable(name), style="bold"), chart]
    if len(periods) > shown:
        parts.append(Text(f"(the chart shows the first {shown} periods; all are listed below)"))
    parts += [legend(), Text()]
    for i, p in enumerate(periods, 1):
        end = p.end.isoformat() if p.end else "open"
        head = Text.assemble(
            (f"{i}. {p.start.isoformat()} → {end}  ", "bold"),
            (_said(p), COLOUR.get(_level(_overall(p)), "")),
            (" (contested)" if p.contested else "", "magenta"),
        )
        fams = ", ".join(f"{f} {o}" for f, o in p.families.items())
        body: list[RenderableType] = [Text(fams, style="dim")]
        if p.review_days:
            body.append(Text(f"review period: {p.review_days} days"))
        if p.changed_by:
            body += [Text("changed by:"), bullets(Text(printable(c)) for c in p.changed_by)]
        parts += [head, Padding(Group(*body), (0, 0, 0, 3), expand=False)]
    console.print(Group(*parts), width=width(console))

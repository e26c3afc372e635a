"""The timeline: a row per family of coloured spans, then what started each period."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..explore import Period
from ..verdict import FAMILY_OUTCOMES

COLOUR = {
    "violation": "white on red",
    "denial": "white on red",
    "prohibited": "white on red",
    "sanctioned": "black on dark_orange",
    "exposure": "black on dark_orange",
    "sanctions-exposure": "black on dark_orange",
    "conditional": "black on yellow",
    "authorization-required": "black on yellow",
    "notification-required": "black on yellow",
    "approval-required": "black on yellow",
    "clear": "black on green",
    "not-evaluated": "white on grey37",
}
SHORT = {
    "violation": "viol",
    "denial": "deny",
    "prohibited": "PROH",
    "sanctioned": "sanc",
    "exposure": "expo",
    "sanctions-exposure": "EXPO",
    "conditional": "cond",
    "authorization-required": "auth",
    "notification-required": "noti",
    "approval-required": "APPR",
    "clear": "ok",
    "not-evaluated": "n/e",
}


def _span(outcome: str, contested: bool = False) -> Text:
    label = SHORT.get(outcome, outcome[:4]) + ("*" if contested else "")
    return Text(f" {label:<5}", style=COLOUR.get(outcome, ""))


def render(console: Console, name: str, periods: Sequence[Period]) -> None:
    """Print the spans, then each period's dates and the instruments that started it."""
    chart = Table(title=escape(name), show_lines=False, box=None, pad_edge=False, padding=(0, 0))
    chart.add_column("", no_wrap=True, min_width=12)
    for i in range(1, len(periods) + 1):
        chart.add_column(str(i), no_wrap=True, justify="left")
    chart.add_row(Text("verdict ", style="bold"), *(_span(p.verdict, p.contested) for p in periods))
    for fam in FAMILY_OUTCOMES:
        chart.add_row(f"{fam} ", *(_span(p.families[fam]) for p in periods))
    console.print(chart)
    legend = Table(show_header=True, box=None, padding=(0, 1))
    legend.add_column("#", justify="right")
    legend.add_column("from", no_wrap=True)
    legend.add_column("to", no_wrap=True)
    legend.add_column("verdict", no_wrap=True)
    legend.add_column("changed by", overflow="fold")
    for i, p in enumerate(periods, 1):
        verdict = p.verdict + (" (contested)" if p.contested else "")
        legend.add_row(
            str(i),
            p.start.isoformat(),
            p.end.isoformat() if p.end else "…",
            Text(verdict, style=COLOUR.get(p.verdict, "")),
            escape("; ".join(p.changed_by[:4]) or "-"),
        )
    console.print(legend)
    console.print(
        Text(
            "* contested law. Spans: PROH prohibited, EXPO sanctions-exposure, "
            "APPR approval-required, ok clear.",
            style="dim",
        )
    )

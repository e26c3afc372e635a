"""The timeline as a rich table: a row per period, a coloured cell per family."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..explore import Period
from ..verdict import FAMILY_OUTCOMES
from .human import STYLE


def render(console: Console, name: str, periods: Sequence[Period]) -> None:
    """Print the periods, each labelled with the instruments that started it."""
    table = Table(title=escape(name), show_lines=True)
    table.add_column("from")
    table.add_column("to")
    table.add_column("verdict")
    for fam in FAMILY_OUTCOMES:
        table.add_column(fam)
    table.add_column("changed by")
    for p in periods:
        cells = [f"[{STYLE.get(p.families[f], '')}]{p.families[f]}[/]" for f in FAMILY_OUTCOMES]
        verdict = f"[{STYLE.get(p.verdict, '')}]{p.verdict}[/]" + (
            " [magenta](contested)[/]" if p.contested else ""
        )
        table.add_row(
            p.start.isoformat(),
            p.end.isoformat() if p.end else "…",
            verdict,
            *cells,
            escape("\n".join(p.changed_by[:4])),
        )
    console.print(table)

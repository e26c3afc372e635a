"""``test --coverage`` in a terminal: each rule with the scenarios that fire it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ..regression.coverage import RuleCoverage
from ..transfer.values import printable
from .human import width


def _short(path: str) -> str:
    """A scenario's file name without its folders and ending."""
    return printable(Path(path).stem)


def render(console: Console, covs: Sequence[RuleCoverage]) -> int:
    """Print the coverage; return how many rules lack a firing or a silent scenario."""
    gaps = 0
    parts: list[RenderableType] = [Text("Rule coverage", style="bold")]
    for cov in covs:
        ok = bool(cov.fires and cov.silent)
        gaps += not ok
        head = Text.assemble(
            (cov.rule, "bold" if ok else "bold red"),
            f"  fires in {len(cov.fires)}, silent in {len(cov.silent)}",
        )
        if not ok:
            head.append(
                "  needs " + ("a firing" if not cov.fires else "a silent") + " scenario",
                style="red",
            )
        lines = []
        if cov.fires:
            more = f" and {len(cov.fires) - 1} more" if len(cov.fires) > 1 else ""
            lines.append(Text(f"e.g. fires in {_short(cov.fires[0])}{more}", style="dim"))
        parts += [head, Padding(Group(*lines), (0, 0, 0, 2), expand=False)] if lines else [head]
    parts.append(Text())
    parts.append(
        Text(
            f"{gaps} rules lack a scenario that fires them or one that keeps them silent"
            if gaps
            else "every rule fires in a scenario and stays silent in another"
        )
    )
    console.print(Group(*parts), width=width(console))
    return gaps

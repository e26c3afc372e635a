"""The rules in a terminal: a listing grouped by family, and one rule in full."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ..rulebook.rulefile import Rule
from ..transfer.values import printable
from . import pinpoint
from .human import STYLE, bullets, link, width


def _dates(rule: Rule) -> str:
    end = rule.effective_to.isoformat() if rule.effective_to else "now"
    return f"in force {rule.effective_from.isoformat()} → {end}"


def _short_path(file: str) -> str:
    """``rules/us-content/x.yaml`` rather than the folder the rules are installed in."""
    parts = Path(file).parts
    return str(Path(*parts[-3:])) if len(parts) >= 3 else file


def listing(console: Console, rules: Sequence[Rule]) -> None:
    """Every rule: id and outcome, then its title, dates and instruments indented under it."""
    parts: list[RenderableType] = [Text(f"{len(rules)} rules", style="bold")]
    family = None
    for rule in rules:
        if rule.family != family:
            family = rule.family
            parts += [Text(), Text(family, style="bold underline")]
        head = Text.assemble(
            (rule.id, "bold"), "  ", (rule.outcome, STYLE.get(rule.outcome, "")), no_wrap=False
        )
        cites = "; ".join(dict.fromkeys(c.instrument for c in rule.citations))
        body = Group(
            Text(printable(rule.title)),
            Text(f"{_dates(rule)} · {cites}", style="dim"),
        )
        parts += [head, Padding(body, (0, 0, 0, 2), expand=False)]
    parts += [Text(), Text("`armscheck rules show ID` prints one rule in full.", style="dim")]
    console.print(Group(*parts), width=width(console))


def show(console: Console, rule: Rule) -> None:
    """One rule in full: title, outcome, dates, rationale, citations and examples."""
    parts: list[RenderableType] = [
        Text(rule.id, style="bold"),
        Text(printable(rule.title)),
        Text(),
        Text.assemble(("outcome: ", "bold"), (rule.outcome, STYLE.get(rule.outcome, ""))),
        Text.assemble(("family: ", "bold"), rule.family),
        Text.assemble(("dates: ", "bold"), _dates(rule)),
        Text.assemble(("last reviewed: ", "bold"), str(rule.last_reviewed)),
        Text.assemble(("file: ", "bold"), _short_path(rule.file)),
    ]
    if rule.rationale:
        parts += [Text(), Text("Rationale", style="bold"), Text(printable(rule.rationale.strip()))]
    parts += [Text(), Text("Explanation given when it fires", style="bold")]
    parts.append(Text(printable(" ".join(rule.explanation.split()))))
    if rule.advice:
        parts += [Text(), Text("Next step it advises", style="bold"), Text(printable(rule.advice))]
    parts += [Text(), Text("Citations", style="bold")]
    parts.append(
        bullets(link(f"{c.instrument}{pinpoint(c.pinpoint)}", c.url) for c in rule.citations)
    )
    for kind, names in rule.examples:
        label = {"fires": "Scenarios that fire it", "silent": "Scenarios where it stays silent"}
        parts += [Text(), Text(label.get(kind, kind), style="bold")]
        parts.append(bullets(Text(n) for n in names))
    console.print(Group(*parts), width=width(console))

"""The terminal report: a headline panel, a family table and a reasoning tree."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..checker import DISCLAIMER
from ..values import printable
from ..verdict import Verdict
from . import pinpoint, sanitized

STYLE = {
    "prohibited": "bold white on red",
    "sanctions-exposure": "bold black on dark_orange",
    "approval-required": "bold black on yellow",
    "clear": "bold black on green",
    "violation": "red",
    "denial": "red",
    "sanctioned": "dark_orange",
    "exposure": "dark_orange",
    "conditional": "yellow",
    "authorization-required": "yellow",
    "notification-required": "yellow",
    "not-evaluated": "dim",
    "error": "bold red",
}


def _family_table(v: Verdict) -> Table:
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column("family")
    table.add_column("outcome")
    table.add_column("findings", justify="right")
    for fam, outcome in v.families.items():
        n = sum(1 for f in v.findings if f.family == fam)
        table.add_row(fam, Text(outcome, style=STYLE.get(outcome, "")), str(n))
    return table


def _tree(v: Verdict) -> Tree:
    tree = Tree("[bold]Reasoning[/]")
    if not v.findings:
        tree.add("No rule in force on this date found a problem in the families evaluated.")
    for f in v.findings:
        head = f"[{STYLE.get(f.outcome, '')}]{f.outcome}[/] {escape(f.title)} [dim]({f.rule})[/]"
        if f.contested:
            head += " [bold magenta]contested[/]"
        if f.satisfied_by or f.waived_by:
            how = "satisfied by" if f.satisfied_by else "waived by"
            head += f" [bold green]{how} {escape(f.satisfied_by or f.waived_by or '')}[/]"
        node = tree.add(head)
        node.add(Text(f.why))
        if f.review_days:
            node.add(Text(f"statutory review period: {f.review_days} days", style="bold"))
        if f.contested:
            node.add(
                Text(
                    "contested: the validity of the measure behind this finding is "
                    "disputed by some states; the tool applies it as the UN Secretariat "
                    "does and flags it",
                    style="magenta",
                )
            )
        facts = node.add("[bold]facts[/]")
        for e in f.evidence:
            value = f": {escape(e.value)}" if e.value else ""
            facts.add(f"{escape(e.path)}{value} [dim](line {e.line})[/]")
        cites = node.add("[bold]sources[/]")
        for c in f.citations:
            pin = pinpoint(c.pinpoint)
            cites.add(
                Text.assemble((f"{c.instrument}{pin}", "bold"), " ", (c.url, f"link {c.url}"))
            )
        for a in f.assumptions:
            node.add(Text(f"assumption: {a}", style="italic"))
        if f.advice:
            node.add(Text(f"next step: {f.advice}"))
        for change, outcome in f.counterfactuals:
            node.add(Text(f"would change: {change} → {outcome}", style="cyan"))
    return tree


def render(console: Console, v: Verdict) -> None:
    """Print one verdict."""
    v = sanitized(v)
    title = Text(f" {v.verdict.upper()} ", style=STYLE.get(v.verdict, "bold"))
    head = Text.assemble((v.name, "bold"), "\n", (f"{v.file} · judged at {v.date}", "dim"))
    if v.contested:
        head.append("\nA finding rests on contested law; see below.", style="magenta")
    parts: list[object] = [head, _family_table(v), _tree(v)]
    shown = {a for f in v.findings for a in f.assumptions}
    others = [a for a in v.assumptions if a not in shown]
    if others:
        parts.append(
            Text("Other assumptions:\n" + "\n".join(f"• {a}" for a in others), style="italic")
        )
    if v.notes:
        parts.append(Text("Notes:\n" + "\n".join(f"• {n}" for n in v.notes)))
    if v.decisions:
        d = v.decisions
        lines = [f"• {a['ref']} ({a['kind']}): {', '.join(a['findings'])}" for a in d["applied"]]
        lines += [f"• not applied: {n['ref']}: {n['reason']}" for n in d["not_applied"]]
        parts.append(Text(printable("Decisions:\n" + "\n".join(lines))))
    if v.run:
        r = v.run
        parts.append(
            Text(
                f"armscheck {r['version']} · rules {r['rules']['sha256'][:12]} · "
                f"as of {r['as_of']} · {r['timestamp']}",
                style="dim",
            )
        )
    console.print(Panel(Group(*parts), title=title, title_align="left"))  # type: ignore[arg-type]


def disclaimer(console: Console) -> None:
    """The one line saying this is not legal advice."""
    console.print(Text(DISCLAIMER, style="dim"))

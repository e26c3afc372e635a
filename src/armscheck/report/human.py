"""The terminal report: a headline, a family table and each finding as a short section.

Prose is capped at :data:`PROSE` columns on wide terminals and reads at 80. No box
is drawn around text, so a copied line never picks up border characters; links
are terminal hyperlinks (OSC 8) with the citation as their visible text (the full
URLs are in the JSON and Markdown output).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..checker import DISCLAIMER
from ..transfer.values import printable
from ..verdict import Finding, Verdict
from . import pinpoint, sanitized

PROSE = 100  # widest line of prose, whatever the terminal's width
INDENT = 3
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


def width(console: Console) -> int:
    """The width prose is laid out at on ``console``."""
    return min(console.width, PROSE)


def link(text: str, url: str | None) -> Text:
    """``text`` as a terminal hyperlink to ``url``, followed by the site's name.

    The visible text stays short (the URL is the hyperlink's target, in full in the
    JSON and Markdown output); plain text when there is no http(s) URL.
    """
    if url and url.lower().startswith(("https://", "http://")):
        host = urlsplit(url).hostname or ""
        host = host[4:] if host.startswith("www.") else host
        return Text.assemble((text, Style(link=url, underline=True)), (f" ({host})", "dim"))
    return Text(text)


def _field(label: str, items: Iterable[Text | str], style: str = "") -> RenderableType:
    """``label:`` then one item per line, indented under it."""
    lines = [i if isinstance(i, Text) else Text(i, style=style) for i in items]
    if len(lines) == 1:
        return Text.assemble((f"{label}: ", "bold"), lines[0])
    return Group(
        Text(f"{label}:", style="bold"), Padding(bullets(lines), (0, 0, 0, 2), expand=False)
    )


def bullets(lines: Iterable[Text]) -> Table:
    """A bulleted list whose wrapped lines hang under the text, not the bullet."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        grid.add_row("•", line)
    return grid


def rests_on(v: Verdict) -> int:
    """How many assumptions or defaults the verdict rests on (each counted once)."""
    return len(set(v.assumptions) | {a for f in v.findings for a in f.assumptions})


def headline(v: Verdict) -> Text:
    """The verdict, the transfer's name and, when it has any, how many assumptions."""
    head = Text.assemble(
        (f" {v.verdict.upper()} ", STYLE.get(v.verdict, "bold")), " ", (v.name, "bold")
    )
    if v.not_evaluated:
        head.append(f"\n{v.headline()}", style="bold")
    head.append(f"\n{v.file} · judged at {v.date}", style="dim")
    if v.law_reviewed:
        head.append(f" · law data last reviewed {v.law_reviewed}", style="dim")
    if v.after_review:
        head.append(
            f"\nWarning: {v.date} is after the law data was last reviewed ({v.law_reviewed}).",
            style="bold red",
        )
    n = rests_on(v)
    if n:
        noun = "assumption or default" if n == 1 else "assumptions or defaults"
        head.append(f"\nThis verdict rests on {n} {noun}; each is listed below.", style="bold")
    if v.contested:
        head.append("\nA finding rests on contested law; see below.", style="magenta")
    note = v.possible_match_note()
    if note:
        head.append(f"\n{printable(note)}", style="bold dark_orange")
    return head


def _family_table(v: Verdict) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2, 0, 0))
    table.add_column("family", no_wrap=True)
    table.add_column("outcome", no_wrap=True)
    table.add_column("findings", justify="right", no_wrap=True)
    for fam, outcome in v.families.items():
        n = sum(1 for f in v.findings if f.family == fam)
        table.add_row(fam, Text(outcome, style=STYLE.get(outcome, "")), str(n))
    return table


def finding(f: Finding, number: int) -> RenderableType:
    """One finding: a heading line, then its reasoning indented under it."""
    head = Text.assemble(
        (f.outcome, STYLE.get(f.outcome, "")),
        " — ",
        (f.title or f.rule, "bold"),
        (f" ({f.rule})", "dim"),
    )
    if f.contested:
        head.append(" contested", style="bold magenta")
    if f.match == "possible":
        head.append(" possible match", style="bold dark_orange")
    if f.satisfied_by or f.waived_by:
        how = "satisfied by" if f.satisfied_by else "waived by"
        head.append(f" {how} {printable(f.satisfied_by or f.waived_by or '')}", style="bold green")
    body: list[RenderableType] = [Text(f.why)]
    if f.review_days:
        body.append(Text(f"Statutory review period: {f.review_days} days.", style="bold"))
    if f.contested:
        body.append(
            Text(
                "Contested: the validity of the measure behind this finding is disputed by "
                "some states; armscheck applies it as the UN Secretariat does and flags it.",
                style="magenta",
            )
        )
    if f.evidence:
        facts = [f"{e.path}{': ' + e.value if e.value else ''} (line {e.line})" for e in f.evidence]
        body.append(_field("Facts", facts))
    if f.citations:
        body.append(
            _field(
                "Sources",
                [link(f"{c.instrument}{pinpoint(c.pinpoint)}", c.url) for c in f.citations],
            )
        )
    if f.assumptions:
        body.append(_field("Assumptions", f.assumptions, "italic"))
    for m in f.matches:
        kind = "exact match" if m.exact else f"possible match, score {m.score:.3f}"
        via = f" via '{m.alias}'" if m.alias else ""
        body.append(Text(f"Screening: {m.party} — {kind} of {m.entry} on {m.list}{via}"))
    if f.advice:
        body.append(Text.assemble(("Next step: ", "bold"), f.advice))
    if f.counterfactuals:
        body.append(_field("Would change", [f"{c} → {o}" for c, o in f.counterfactuals], "cyan"))
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, min_width=INDENT - 1)
    grid.add_column()
    grid.add_row(Text(f"{number}.", style="bold"), Group(head, *body))
    return grid


def render(console: Console, v: Verdict) -> None:
    """Print one verdict."""
    v = sanitized(v)
    parts: list[RenderableType] = [headline(v), Text(), _family_table(v), Text()]
    if not v.findings:
        parts.append(
            Text("No rule in force on this date found a problem in the families evaluated.")
        )
    for i, f in enumerate(v.findings, 1):
        parts += [finding(f, i), Text()]
    shown = {a for f in v.findings for a in f.assumptions}
    others = [a for a in v.assumptions if a not in shown]
    if others:
        parts.append(_field("Other assumptions", others, "italic"))
    if v.notes:
        parts.append(_field("Notes", v.notes))
    if v.decisions:
        d = v.decisions
        lines = [f"{a['ref']} ({a['kind']}): {', '.join(a['findings'])}" for a in d["applied"]]
        lines += [f"not applied: {n['ref']}: {n['reason']}" for n in d["not_applied"]]
        parts.append(_field("Decisions", [printable(line) for line in lines]))
    if v.run:
        r = v.run
        parts.append(
            Text(
                f"armscheck {r['version']} · rules {r['rules']['sha256'][:12]} · "
                f"as of {r['as_of']} · {r['timestamp']}",
                style="dim",
            )
        )
    console.print(Group(*parts), width=width(console))
    console.print()


def disclaimer(console: Console) -> None:
    """The one line saying this is not legal advice."""
    console.print(Text(DISCLAIMER, style="dim"), width=width(console))

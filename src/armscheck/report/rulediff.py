"""The table of ``armscheck diff``: every verdict, family outcome and finding that changes."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..explore.rulediff import FileDiff


def render(console: Console, diffs: list[FileDiff], base: str, head: str, files: int) -> None:
    """Print one row per change, grouped by file."""
    if not diffs:
        console.print(f"No change in {files} files between {escape(base)} and {escape(head)}.")
        return
    table = Table(title=escape(f"{base} → {head}: {len(diffs)} of {files} files change"))
    for col in ("file", "what", "base", "head"):
        table.add_column(col, overflow="fold")
    for d in diffs:
        for i, c in enumerate(d.changes):
            what = c["name"] if c["kind"] != "finding" else f"{c['name']} @ {c['evidence']}"
            table.add_row(
                escape(d.file) if i == 0 else "",
                escape(str(what)),
                escape(str(c["base"] or "—")),
                escape(str(c["head"] or "—")),
            )
    console.print(table)

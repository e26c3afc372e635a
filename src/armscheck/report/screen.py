"""The report of ``armscheck screen``: each hit with its list, entry, score and why."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..screening import Hit
from ..transfer.values import printable


def as_dict(name: str, country: str | None, day: str | None, hits: Sequence[Hit]) -> dict[str, Any]:
    """The JSON object of one screened name."""
    return {
        "name": name,
        "country": country,
        "date": day,
        "hits": [h.as_dict() for h in hits],
        "exact": sum(1 for h in hits if h.exact),
        "possible": sum(1 for h in hits if not h.exact),
    }


def render_json(result: dict[str, Any]) -> str:
    """The JSON text of :func:`as_dict`'s result."""
    return json.dumps(result, ensure_ascii=False, indent=2)


def render_human(console: Console, result: dict[str, Any], sources: Sequence[str]) -> None:
    """Print one screened name's hits, best first, or say that nothing matched."""
    hits = result["hits"]
    where = f" ({result['country']})" if result["country"] else ""
    on = f" on {result['date']}" if result["date"] else ""
    head = Text.assemble(("Screening ", "bold"), (printable(result["name"]), "bold"), where, on)
    console.print(head)
    if not hits:
        console.print(Text(f"No match on {' or '.join(sources)}.", style="green"))
        console.print(
            Text(
                "Names below the review band are not shown; a misspelt or translated name "
                "may still be a listed party.",
                style="dim",
            )
        )
        return
    for h in hits:
        tier = "exact" if h["match"] == "exact" else f"possible {h['score']:.3f}"
        style = "bold red" if h["match"] == "exact" else "bold dark_orange"
        title = h.get("extra", {}).get("title") or h["name"]
        line = Text.assemble(
            (f"{tier:>14}  ", style),
            (printable(str(title)), "bold"),
            f"  [{h['list']} {h['ref']}]",
        )
        console.print(line)
        detail = [f"via '{printable(h['alias'])}': {'; '.join(h['reasons'])}"]
        if h["normalised"]:
            detail.append(f"normalised: {'; '.join(h['normalised'])}")
        listed = h["listed_from"] or "?"
        if h["listed_to"]:
            listed += f" to {h['listed_to']}"
        if h["listed_from"] or h["listed_to"]:
            detail.append(f"listed {listed}")
        if h["countries"]:
            detail.append(f"country {'/'.join(h['countries'])}")
        for text in detail:
            console.print(Padding(Text(text, style="dim"), (0, 0, 0, 16)))
    if result["possible"]:
        console.print(
            Text(
                "A possible match is a name in the review band: confirm or dismiss it "
                "(a not-a-match decision) before relying on the result.",
                style="dark_orange",
            )
        )

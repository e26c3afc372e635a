"""``armscheck systems`` and ``armscheck countries``: the names a transfer file may use."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from ..transfer.values import fold, suggest_names
from .shared import load_checker

if TYPE_CHECKING:
    from .shared import ErrorOutput

SYSTEMS_EXAMPLES = """\
examples:
  armscheck systems              every system in the catalogue
  armscheck systems F-16         the entries a name finds (F-16V, F-16 Block 70, ...)
  armscheck systems --format json
"""
COUNTRIES_EXAMPLES = """\
examples:
  armscheck countries            every country, code and alias
  armscheck countries congo      the entries a name finds
  armscheck countries USSR       historic states show the years they existed
"""


def _matches(query: str | None, names: list[str]) -> bool:
    """Whether ``query`` finds an entry known by ``names`` (a word, a prefix, a close name)."""
    if not query:
        return True
    key = fold(query)
    return any(key in fold(n) for n in names) or bool(suggest_names(query, names, n=1, cutoff=0.7))


def _systems(args: argparse.Namespace) -> list[dict[str, Any]]:
    ref = load_checker(args.rules).rulebook.reference
    catalogue = ref.lists.get("systems")
    out = []
    for entry in catalogue.data.get("systems", []) if catalogue else []:
        names = [str(n) for n in [entry.get("id"), entry.get("name"), *entry.get("aliases", [])]]
        if _matches(args.query, names):
            out.append(
                {
                    "id": entry.get("id"),
                    "name": entry.get("name"),
                    "aliases": list(entry.get("aliases") or []),
                    "category": entry.get("category"),
                    "origin": entry.get("origin"),
                    "components": len(entry.get("components") or []),
                }
            )
    return out


def _countries(args: argparse.Namespace) -> list[dict[str, Any]]:
    ref = load_checker(args.rules).rulebook.reference
    table = ref.get("countries").data.get("countries", [])
    out = []
    for entry in table:
        names = [str(n) for n in [entry["code"], entry.get("alpha3"), entry["name"]] if n]
        names += [str(a) for a in entry.get("aliases") or []]
        if _matches(args.query, names):
            state = ref.countries[str(entry["code"])]
            out.append(
                {
                    "code": state.code,
                    "alpha3": entry.get("alpha3"),
                    "name": state.name,
                    "aliases": [str(a) for a in entry.get("aliases") or []],
                    "historic": state.historic,
                    "existed": state.lifetime() or None,
                }
            )
    return out


def cmd_systems(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck systems [QUERY]``."""
    rows = _systems(args)
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    lines = [
        (
            f"{r['name']}  [{r['id']}]",
            f"{r['category']}, made in {r['origin']}; also written: "
            + (", ".join(r["aliases"]) or "-"),
        )
        for r in rows
    ]
    return _print(args, "systems", lines, "items[].system")


def cmd_countries(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck countries [QUERY]``."""
    rows = _countries(args)
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    lines = []
    for r in rows:
        codes = "/".join(c for c in (r["code"], r["alpha3"]) if c)
        extra = f"; historic, existed {r['existed']}" if r["existed"] else ""
        aliases = ", ".join(r["aliases"]) or "-"
        lines.append((f"{r['name']}  {codes}", f"also written: {aliases}{extra}"))
    return _print(args, "countries", lines, "supplier.country and recipient.country")


def _print(args: argparse.Namespace, what: str, lines: list[tuple[str, str]], use: str) -> int:
    from rich.console import Console, Group
    from rich.padding import Padding
    from rich.text import Text

    from ..report.human import width
    from ..transfer.values import printable

    console = Console(highlight=False, emoji=False)
    if not lines:
        console.print(f"No {what} match {printable(args.query)!r}.")
        return 1
    parts: list[Any] = []
    for head, body in lines:
        parts += [Text(printable(head), style="bold")]
        parts += [Padding(Text(printable(body)), (0, 0, 0, 2), expand=False)]
    parts.append(Text(f"{len(lines)} {what}; write any of these names in {use}.", style="dim"))
    console.print(Group(*parts), width=width(console))
    return 0


def add_parsers(sub: Any) -> None:
    """The ``systems`` and ``countries`` parsers."""
    raw = argparse.RawDescriptionHelpFormatter
    for name, examples in (("systems", SYSTEMS_EXAMPLES), ("countries", COUNTRIES_EXAMPLES)):
        p = sub.add_parser(name, epilog=examples, formatter_class=raw)
        p.add_argument("query", nargs="?", metavar="QUERY", help="show only what this name finds")
        p.add_argument("--format", choices=["human", "json"], default="human")

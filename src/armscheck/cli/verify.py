"""``armscheck verify``: would today's rules still give a recorded verdict?"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .shared import ErrorOutput


def add_parsers(sub: Any) -> None:
    """Add the ``verify`` parser."""
    from .examples import examples

    v = sub.add_parser("verify", **examples("verify"))
    v.add_argument("records", nargs="+", metavar="RECORD")
    v.add_argument("--format", choices=["human", "json"], default=None)


def cmd_verify(args: argparse.Namespace, err: ErrorOutput) -> int:
    """Exit 0 when every record gives the same result, 1 when one changed, 2 on an error."""
    from rich.console import Console
    from rich.markup import escape

    from ..decisions.verify import recheck, verify
    from ..errors import ComplianceError
    from .shared import load_checker

    checker = load_checker(args.rules)
    fmt = args.format or ("human" if sys.stdout.isatty() else "json")
    out = Console(highlight=False, emoji=False)
    results: list[dict[str, Any]] = []
    changed = failed = False
    for path in args.records:
        try:
            res = verify(path, lambda record: recheck(record, checker))
        except ComplianceError as exc:
            err.print(f"Error: {exc}", markup=False, highlight=False)
            failed = True
            continue
        changed |= not res.same
        results.append(res.as_dict())
        if fmt == "human":
            head = "[green]same[/]" if res.same else "[red]changed[/]"
            verdicts = res.as_dict()["verdict"]
            out.print(
                f"{head} {escape(path)}: recorded {verdicts['recorded']}, now {verdicts['now']}"
            )
            for line in [*res.changes, *res.notes]:
                out.print(f"  {escape(line)}")
    if fmt == "json":
        one = len(args.records) == 1
        print(json.dumps(results[0] if one and results else results, indent=2))
    if failed:
        return 2
    return 1 if changed else 0

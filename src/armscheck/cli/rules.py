"""``armscheck rules``: list the rules, or show one in full."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import InputError
from ..report import json as json_report
from .examples import examples
from .shared import EXIT_OK, ErrorOutput, load_checker


def add_parsers(sub: Any) -> None:
    """The ``rules`` subcommand's arguments."""
    r = sub.add_parser("rules", **examples("rules"))
    r.add_argument(
        "show", nargs="*", metavar="show ID", help="print the rule ID in full (rationale, ...)"
    )
    r.add_argument("--format", choices=["human", "json"], default="human")


def cmd_rules(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck rules``."""
    book = load_checker(args.rules).rulebook
    rows = [
        {
            "id": r.id,
            "family": r.family,
            "outcome": r.outcome,
            "title": r.title,
            "citations": [c.as_dict() for c in r.citations],
            "effective_from": r.effective_from.isoformat(),
            "effective_to": r.effective_to.isoformat() if r.effective_to else None,
            "last_reviewed": r.last_reviewed,
            "file": r.file,
        }
        for r in book.rules
    ]
    from rich.console import Console

    from ..report import rules as rules_report

    if args.show:
        rule = _one_rule(book, args.show)
        if args.format == "json":
            row = next(r for r in rows if r["id"] == rule.id)
            examples = {kind: list(names) for kind, names in rule.examples}
            print(json_report.dumps({**row, "rationale": rule.rationale, "examples": examples}))
        else:
            rules_report.show(Console(highlight=False, emoji=False), rule)
        return EXIT_OK
    if args.format == "json":
        print(json_report.dumps(rows))
        return EXIT_OK

    rules_report.listing(Console(highlight=False, emoji=False), book.rules)
    return EXIT_OK


def _one_rule(book: Any, words: list[str]) -> Any:
    """The rule named by ``rules show ID``; a clear error for anything else."""
    from ..transfer.values import suggest_names

    if words[0] != "show" or len(words) != 2:
        raise InputError(
            f"unexpected {' '.join(words)!r}",
            file="rules",
            hint="write 'armscheck rules' to list them or 'armscheck rules show ID' for one",
        )
    ids = {r.id: r for r in book.rules}
    if words[1] in ids:
        return ids[words[1]]
    close = suggest_names(words[1], list(ids))
    raise InputError(
        f"no rule {words[1]!r}",
        file="rules show",
        hint=f"did you mean {' or '.join(map(repr, close))}?"
        if close
        else "'armscheck rules' lists every rule id",
    )

"""``armscheck test``: run scenarios' expect blocks, or measure rule coverage."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from .examples import examples
from .shared import ErrorOutput, load_checker

if TYPE_CHECKING:
    from rich.console import Console


def add_parsers(sub: Any) -> None:
    """The ``test`` subcommand's arguments."""
    t = sub.add_parser("test", **examples("test"))
    t.add_argument("paths", nargs="+", metavar="PATH")
    t.add_argument(
        "--coverage", action="store_true", help="list every rule with the scenarios that fire it"
    )


def cmd_test(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck test``: run every scenario's expect block."""
    from rich.console import Console
    from rich.markup import escape

    from ..regression.runner import run_scenario, scenario_files

    checker = load_checker(args.rules)
    files = scenario_files(args.paths)
    out = Console(highlight=False, emoji=False)  # file names and reasons are user text
    if args.coverage:
        return _coverage(checker, files, out)
    passed = failed = gaps = errors = 0
    for path in files:
        res = run_scenario(checker, path)
        if res.error:
            errors += 1
            err.print(f"Error: {res.error}", markup=False)
            continue
        if res.known_gap:
            if res.passed:
                failed += 1
                out.print(
                    f"[red]FIXED[/] {escape(res.file)}: marked known_gap but now passes; "
                    "remove known_gap"
                )
            else:
                gaps += 1
            continue
        if res.passed:
            passed += 1
            continue
        failed += 1
        v = res.verdict
        out.print(f"[red]FAIL[/] {escape(res.file)}")
        for m in res.mismatches:
            out.print(f"  {escape(m)}")
        if v is not None:
            out.print(
                f"  actual: {v.verdict}; " + ", ".join(f"{k}={o}" for k, o in v.families.items())
            )
            for f in v.findings:
                out.print(f"  - {f.rule} ({f.outcome}): {escape(f.why)}")
    summary = f"{passed} passed, {failed} failed"
    if gaps:
        summary += f", {gaps} known gaps"
    if errors:
        summary += f", {errors} errors"
    out.print(summary)
    if errors:
        return 2
    return 1 if failed else 0


def _coverage(checker: Any, files: list[Any], out: Console) -> int:
    from ..regression.coverage import rule_coverage
    from ..report.coverage import render

    return 1 if render(out, rule_coverage(checker, files)) else 0

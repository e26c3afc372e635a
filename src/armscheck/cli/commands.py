"""Subcommands beyond ``check`` and ``rules``: registered here to keep cli.py small."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from . import ErrorOutput

from ..api import load_checker
from ..regression.runner import run_scenario, scenario_files
from .diff import cmd_diff
from .lists import add_subcommand as add_lists
from .lists import cmd_lists
from .pictures import cmd_matrix, cmd_timeline
from .screen import add_subcommand as add_screen
from .screen import cmd_screen
from .verify import cmd_verify

Handler = Callable[[argparse.Namespace, "ErrorOutput"], int]


def cmd_test(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck test``: run every scenario's expect block."""
    from rich.console import Console
    from rich.markup import escape

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


def cmd_batch(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck batch``: check every ``*.yaml`` under the paths in parallel."""
    import sys
    import time

    from rich.console import Console
    from rich.progress import Progress

    from ..batch import run_batch, yaml_files
    from ..decisions.baseline import fails
    from ..report import batch as out
    from .decide import baseline, settings

    files = yaml_files(args.paths)
    if not files:
        err.print("Error: no *.yaml files under the given paths", markup=False)
        return 2
    fmt = args.format or ("human" if sys.stdout.isatty() else "jsonl")
    if fmt == "human" and args.brief:
        fmt = "brief"
    book = load_checker(args.rules).rulebook
    run = settings(args, book)
    keys = baseline(args)
    start = time.perf_counter()
    totals = out.Summary()
    write, finish = (
        _sarif_writer(book, run.run)
        if fmt == "sarif"
        else out.writer(fmt, sys.stdout, args.fail_on)
    )
    show_bar = err.is_terminal and not args.quiet
    new_hits = 0
    with Progress(console=err.console(), transient=True, disable=not show_bar) as bar:
        task = bar.add_task("checking", total=len(files))
        for res in run_batch(
            files, rules=args.rules, as_of=args.as_of, jobs=args.jobs, settings=run
        ):
            totals.add(res, args.fail_on)
            if keys is not None and res.verdict is not None:
                new_hits += fails(json.loads(res.payload), keys, args.fail_on)
            write(res)
            bar.advance(task)
    finish()
    sys.stdout.flush()
    elapsed = time.perf_counter() - start
    if fmt in out.HUMAN:
        out.summary(Console(highlight=False), totals, elapsed)
    elif err.is_terminal and not args.quiet:
        out.summary(err.console(), totals, elapsed)
    if totals.errors:
        return 2
    if keys is not None:
        return 1 if new_hits else 0
    return 1 if totals.hits else 0


def _sarif_writer(
    book: Any, run: dict[str, Any] | None
) -> tuple[Callable[[Any], None], Callable[[], None]]:
    """(collect one result, print the SARIF log) for ``batch --format sarif``."""
    import sys

    from .decide import sarif_text

    results: list[dict[str, Any]] = []
    errors: list[tuple[str, str]] = []

    def one(res: Any) -> None:
        if res.verdict is None:
            errors.append((res.file, res.error or "could not be checked"))
        else:
            results.append(json.loads(res.payload))

    def finish() -> None:
        sys.stdout.write(sarif_text(results, book, errors, run) + "\n")

    return one, finish


def _coverage(checker: Any, files: list[Any], out: Console) -> int:
    from ..regression.coverage import rule_coverage
    from ..report.coverage import render

    return 1 if render(out, rule_coverage(checker, files)) else 0


COMMANDS: dict[str, Handler] = {
    "test": cmd_test,
    "batch": cmd_batch,
    "timeline": cmd_timeline,
    "matrix": cmd_matrix,
    "lists": cmd_lists,
    "verify": cmd_verify,
    "diff": cmd_diff,
    "screen": cmd_screen,
}


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def add_subcommands(sub: Any) -> None:
    """Add the extra subcommands' parsers."""
    add_lists(sub)
    from . import _date
    from .examples import examples

    add_screen(sub, _date)

    t = sub.add_parser(
        "test", help="run scenarios' expect blocks and report mismatches", **examples("test")
    )
    t.add_argument("paths", nargs="+", metavar="PATH")
    t.add_argument(
        "--coverage", action="store_true", help="list every rule with the scenarios that fire it"
    )

    from ..batch import default_jobs
    from ..verdict import VERDICTS
    from . import _date

    b = sub.add_parser(
        "batch", help="check every *.yaml under the paths, in parallel", **examples("batch")
    )
    b.add_argument("paths", nargs="+", metavar="PATH")
    b.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=default_jobs(),
        help="worker processes (default: the CPU count)",
    )
    b.add_argument(
        "--format",
        choices=["human", "json", "jsonl", "junit", "markdown", "html", "sarif"],
        default=None,
        help="default: human on a terminal, jsonl otherwise",
    )
    b.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    b.add_argument("--fail-on", choices=VERDICTS, default="prohibited")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    b.add_argument(
        "--brief", action="store_true", help="human format: one line per file, no findings"
    )
    from .decide import add_options
    from .diff import add_parser as add_diff
    from .verify import add_parser as add_verify

    add_options(b)
    add_verify(sub)
    add_diff(sub, _date)

    from .pictures import add_parsers

    add_parsers(sub, _date)
    from .find import add_parsers as add_find

    add_find(sub)

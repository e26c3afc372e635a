"""Subcommands beyond ``check`` and ``rules``: registered here to keep cli.py small."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from .cli import ErrorOutput

from .api import load_checker
from .cli_lists import add_subcommand as add_lists
from .cli_lists import cmd_lists
from .regression import run_scenario, scenario_files

US_TERRITORIES = {"PR", "GU", "VI", "AS", "MP", "UM"}
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

    from .batch import run_batch, yaml_files
    from .report import batch as out

    files = yaml_files(args.paths)
    if not files:
        err.print("Error: no *.yaml files under the given paths", markup=False)
        return 2
    fmt = args.format or ("human" if sys.stdout.isatty() else "jsonl")
    start = time.perf_counter()
    totals = out.Summary()
    write, finish = out.writer(fmt, sys.stdout, args.fail_on)
    show_bar = err.is_terminal and not args.quiet
    with Progress(console=err.console(), transient=True, disable=not show_bar) as bar:
        task = bar.add_task("checking", total=len(files))
        for res in run_batch(files, rules=args.rules, as_of=args.as_of, jobs=args.jobs):
            totals.add(res, args.fail_on)
            write(res)
            bar.advance(task)
    finish()
    sys.stdout.flush()
    elapsed = time.perf_counter() - start
    if fmt == "human":
        out.summary(Console(highlight=False), totals, elapsed)
    elif err.is_terminal and not args.quiet:
        out.summary(err.console(), totals, elapsed)
    if totals.errors:
        return 2
    return 1 if totals.hits else 0


def _coverage(checker: Any, files: list[Any], out: Console) -> int:
    from rich.markup import escape
    from rich.table import Table

    from .coverage import rule_coverage

    table = Table(title="rule coverage", show_lines=False)
    table.add_column("rule", no_wrap=True, min_width=36)
    table.add_column("fires in", justify="right")
    table.add_column("silent in", justify="right")
    table.add_column("example", overflow="fold")
    gaps = 0
    for cov in rule_coverage(checker, files):
        ok = bool(cov.fires and cov.silent)
        gaps += not ok
        style = "" if ok else "red"
        table.add_row(
            f"[{style}]{cov.rule}[/]" if style else cov.rule,
            str(len(cov.fires)),
            str(len(cov.silent)),
            escape(cov.fires[0]) if cov.fires else "-",
        )
    out.print(table)
    out.print(
        f"{gaps} rules lack a scenario that fires them or one that keeps them silent"
        if gaps
        else "every rule fires in a scenario and stays silent in another"
    )
    return 1 if gaps else 0


def cmd_timeline(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck timeline``: the verdict across time, from the rules' change dates."""
    import json
    import sys

    from rich.console import Console

    from .explore import timeline
    from .report.timeline import render as render_timeline
    from .transfer import load_transfer

    checker = load_checker(args.rules)
    transfer = load_transfer(args.file, checker.rulebook.reference)
    if args.end is not None and args.end <= args.start:
        from .errors import InputError

        raise InputError(
            f"--to {args.end} is not after --from {args.start}",
            file="timeline",
            hint="give --to a later date than --from",
        )
    periods = timeline(checker, transfer, args.start, args.end)
    if (args.format or ("human" if sys.stdout.isatty() else "json")) == "json":
        print(
            json.dumps(
                {
                    "file": transfer.file,
                    "name": transfer.name,
                    "periods": [p.as_dict() for p in periods],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        render_timeline(Console(), transfer.name, periods)
    return 0


def cmd_matrix(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck matrix``: the same deal checked against many recipients."""
    import json
    import sys

    from rich.console import Console
    from rich.markup import escape

    from .errors import InputError
    from .explore import matrix
    from .transfer import load_transfer

    checker = load_checker(args.rules)
    ref = checker.rulebook.reference
    transfer = load_transfer(args.file, ref)
    if args.recipients == "all":
        historic = {c for c, e in ref.countries.items() if e.historic}
        # US territories are part of the United States for export purposes
        skip = historic | {transfer.supplier.country} | US_TERRITORIES
        if transfer.supplier.country == "US":
            skip |= {"US"}
        codes = [c for c in ref.countries if c not in skip]
    else:
        codes = []
        for raw in args.recipients.split(","):
            found = ref.country(raw.strip())
            if found is None:
                raise InputError(
                    f"unknown recipient {raw.strip()!r}",
                    file="--recipients",
                    hint=ref.country_hint(raw.strip()),
                )
            codes.append(found.code)
    rows = matrix(checker, transfer, codes)
    if (args.format or ("human" if sys.stdout.isatty() else "json")) == "json":
        print(json.dumps({"file": transfer.file, "rows": rows}, indent=2, ensure_ascii=False))
        return 0
    from rich.table import Table

    from .report.human import STYLE
    from .verdict import FAMILY_OUTCOMES

    table = Table(title=escape(f"{transfer.name}: by recipient"))
    for col in ("recipient", "verdict", *FAMILY_OUTCOMES):
        table.add_column(col)
    for row in rows:
        fams = row["families"]
        table.add_row(
            f"{escape(str(row['name']))} ({row['recipient']})",
            f"[{STYLE.get(str(row['verdict']), '')}]{row['verdict']}[/]",
            *(f"[{STYLE.get(fams[f], '')}]{fams[f]}[/]" for f in FAMILY_OUTCOMES),
        )
    Console().print(table)
    return 0


COMMANDS: dict[str, Handler] = {
    "test": cmd_test,
    "batch": cmd_batch,
    "timeline": cmd_timeline,
    "matrix": cmd_matrix,
    "lists": cmd_lists,
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
    t = sub.add_parser("test", help="run scenarios' expect blocks and report mismatches")
    t.add_argument("paths", nargs="+", metavar="PATH")
    t.add_argument(
        "--coverage", action="store_true", help="list every rule with the scenarios that fire it"
    )

    from .batch import default_jobs
    from .cli import _date
    from .verdict import VERDICTS

    b = sub.add_parser("batch", help="check every *.yaml under the paths, in parallel")
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
        choices=["human", "json", "jsonl", "junit", "markdown"],
        default=None,
        help="default: human on a terminal, jsonl otherwise",
    )
    b.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    b.add_argument("--fail-on", choices=VERDICTS, default="prohibited")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")

    tl = sub.add_parser("timeline", help="the verdict across time, with what changed it")
    tl.add_argument("file", metavar="FILE")
    tl.add_argument(
        "--from",
        dest="start",
        type=_date,
        default=_date("1946-01-01"),
        metavar="DATE",
        help="first day shown (default 1946-01-01)",
    )
    tl.add_argument(
        "--to",
        dest="end",
        type=_date,
        default=None,
        metavar="DATE",
        help="day after the last one shown (default: open)",
    )
    tl.add_argument("--format", choices=["human", "json"], default=None)

    mx = sub.add_parser("matrix", help="the same deal checked against many recipients")
    mx.add_argument("file", metavar="FILE")
    mx.add_argument(
        "--recipients",
        default="all",
        help="'all' or a comma-separated list of countries (default: all)",
    )
    mx.add_argument("--format", choices=["human", "json"], default=None)

"""``armscheck batch``: check every ``*.yaml`` under the paths, in parallel."""

from __future__ import annotations

import argparse
import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..batch import BatchResult, default_jobs
from ..garbage import no_collection
from ..verdict import VERDICTS
from .decide import add_options
from .examples import examples
from .shared import ErrorOutput, date_arg, load_checker, positive


def add_parsers(sub: Any) -> None:
    """The ``batch`` subcommand's arguments."""
    b = sub.add_parser("batch", **examples("batch"))
    b.add_argument("paths", nargs="+", metavar="PATH")
    b.add_argument(
        "--jobs",
        "-j",
        type=positive,
        default=default_jobs(),
        help="worker processes (default: the CPU count)",
    )
    b.add_argument(
        "--format",
        choices=["human", "json", "jsonl", "junit", "markdown", "html", "sarif"],
        default=None,
        help="default: human on a terminal, jsonl otherwise",
    )
    b.add_argument("--as-of", type=date_arg, default=None, metavar="DATE")
    b.add_argument("--fail-on", choices=VERDICTS, default="prohibited")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    b.add_argument(
        "--brief", action="store_true", help="human format: one line per file, no findings"
    )
    add_options(b)


def cmd_batch(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck batch``: check every ``*.yaml`` under the paths in parallel."""
    import sys
    import time

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
    new_hits = 0
    results = _first_alone(
        run_batch(files, rules=args.rules, as_of=args.as_of, jobs=args.jobs, settings=run)
    )
    with _progress(err, len(files), show=err.is_terminal and not args.quiet) as advance:
        for res in results:
            totals.add(res, args.fail_on)
            if keys is not None and res.verdict is not None:
                new_hits += fails(json.loads(res.payload), keys, args.fail_on)
            write(res)
            advance()
    finish()
    sys.stdout.flush()
    elapsed = time.perf_counter() - start
    if fmt in out.HUMAN:
        from rich.console import Console

        out.summary(Console(highlight=False), totals, elapsed)
    elif err.is_terminal and not args.quiet:
        out.summary(err.console(), totals, elapsed)
    if totals.errors:
        return 2
    if keys is not None:
        return 1 if new_hits else 0
    return 1 if totals.hits else 0


def _first_alone(results: Iterator[BatchResult]) -> Iterator[BatchResult]:
    """``results``, the first got with no collection running, then what it made left out of them.

    With one job, the first check reads the screening indexes and makes the rulebook's
    per-process values, which live as long as the process (as in ``armscheck check``):
    no collection walks them as they are made, and none will again.
    """
    with no_collection():
        first = next(results, None)
    gc.freeze()
    if first is not None:
        yield first
        yield from results


@contextmanager
def _progress(err: ErrorOutput, total: int, show: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error while the files are checked; its step, called per file.

    Without a bar, nothing of rich is imported and each step does nothing.
    """
    if not show:
        yield _nothing
        return
    from rich.progress import Progress

    with Progress(console=err.console(), transient=True) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda: bar.advance(task)


def _nothing() -> None:
    """A step with no bar to advance."""


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

"""``armscheck check``: check transfer files and print their verdicts."""

from __future__ import annotations

import argparse
import gc
import sys
from contextlib import nullcontext
from typing import Any

from ..errors import EngineError, InputError
from ..explore.counterfactuals import counterfactuals
from ..garbage import no_collection
from ..report import Format
from ..report import json as json_report
from ..verdict import VERDICTS, Verdict
from .examples import examples
from .shared import (
    EXIT_ERROR,
    EXIT_FINDING,
    EXIT_OK,
    ErrorOutput,
    date_arg,
    load_checker,
    output_format,
)


def add_parsers(sub: Any) -> None:
    """The ``check`` subcommand's arguments."""
    c = sub.add_parser("check", **examples("check"))
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument(
        "--format",
        choices=[f.value for f in Format],
        default=None,
        help="output format (default: human on a terminal, json otherwise)",
    )
    c.add_argument(
        "--as-of",
        type=date_arg,
        default=None,
        metavar="DATE",
        help="judge under the law in force on DATE instead of the file's date",
    )
    c.add_argument(
        "--fail-on",
        choices=VERDICTS,
        default="prohibited",
        help="exit 1 when a verdict is this severe or worse (default: prohibited)",
    )
    from .decide import add_options

    add_options(c)


def cmd_check(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck check``."""
    from ..api import read_transfer
    from ..decisions.baseline import fails
    from ..decisions.session import Session
    from ..transfer.loader import read_input
    from .decide import baseline, sarif_text, settings

    checker = load_checker(args.rules)
    book = checker.rulebook
    fmt = output_format(args.format)
    keys = baseline(args)
    session = Session(book, settings(args, book))
    verdicts: list[Verdict] = []
    errors: list[tuple[str, str]] = []
    for at, name in enumerate(args.files):
        # The first check reads the screening indexes and makes the rulebook's per-process
        # values, which live as long as the process (as the rulebook does, see load_checker):
        # no collection walks them as they are made, and none will again.
        with no_collection() if at == 0 else nullcontext():
            try:
                data, label = read_input(name)
                transfer = read_transfer(data, label, book.reference)
                verdict = checker.check(transfer, args.as_of)
                verdict = counterfactuals(checker, transfer, verdict, args.as_of)
                verdicts.append(session.finish(transfer, verdict, data))
            except (InputError, EngineError) as exc:  # this file only; the others are checked
                err.print(f"Error: {exc}", markup=False, highlight=False)
                errors.append((name, str(exc)))
            if at == 0:
                gc.freeze()
    if fmt is Format.SARIF:
        print(sarif_text([v.as_dict() for v in verdicts], book, errors, session.settings.run))
    elif verdicts:
        if fmt is Format.JSON:
            print(json_report.render(verdicts, many=len(args.files) > 1))
        elif fmt is Format.MARKDOWN:
            from ..report import markdown

            print(markdown.render(verdicts))
        elif fmt is Format.HTML:
            from ..report import html

            sources = {v.file: html.read_source(v.file) for v in verdicts}
            sys.stdout.write(html.check_report([v.as_dict() for v in verdicts], sources))
        else:
            from rich.console import Console

            from ..report import human

            out = Console()
            for v in verdicts:
                human.render(out, v)
            human.disclaimer(out)
    if errors:
        return EXIT_ERROR
    hit = any(fails(v.as_dict(), keys, args.fail_on) for v in verdicts)
    return EXIT_FINDING if hit else EXIT_OK

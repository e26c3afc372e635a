"""The ``armscheck`` command: parse arguments, call the library, print, exit."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..api import load_checker
from ..errors import ComplianceError, EngineError, InputError
from ..explore.counterfactuals import counterfactuals
from ..report import Format
from ..report import json as json_report
from ..transfer.values import ValueProblem, parse_date
from ..verdict import VERDICTS, Verdict

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_FINDING, EXIT_ERROR = 0, 1, 2


class ErrorOutput:
    """Standard error without rich: messages are printed as given, one per line."""

    @property
    def is_terminal(self) -> bool:
        """Whether standard error is a terminal (for progress bars)."""
        return sys.stderr.isatty()

    def print(self, text: str, **_: Any) -> None:
        """Write one message line."""
        sys.stderr.write(f"{text}\n")
        sys.stderr.flush()

    def console(self) -> Console:
        """A rich console on standard error, for progress bars and summaries."""
        from rich.console import Console

        return Console(stderr=True, highlight=False, soft_wrap=True)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Error: {message}\n")
        sys.exit(EXIT_ERROR)


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueProblem as exc:
        raise argparse.ArgumentTypeError(f"{exc} ({exc.hint})") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from .examples import examples

    p = _Parser(
        prog="armscheck",
        description="Check proposed arms transfers against "
        "UN embargoes, US export law, AECA notification and CAATSA.",
    )
    p.add_argument("--version", action="version", version=f"armscheck {__version__}")
    p.add_argument("--rules", type=Path, default=None, help="rules folder (default: shipped)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser(
        "check", help="check transfer files ('-' reads standard input)", **examples("check")
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument(
        "--format",
        choices=[f.value for f in Format],
        default=None,
        help="output format (default: human on a terminal, json otherwise)",
    )
    c.add_argument(
        "--as-of",
        type=_date,
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

    r = sub.add_parser(
        "rules", help="list the rules; 'rules show ID' prints one in full", **examples("rules")
    )
    r.add_argument(
        "show", nargs="*", metavar="show ID", help="print the rule ID in full (rationale, ...)"
    )
    r.add_argument("--format", choices=["human", "json"], default="human")
    from .commands import add_subcommands

    add_subcommands(sub)
    return p


def _fmt(chosen: str | None) -> Format:
    if chosen:
        return Format(chosen)
    return Format.HUMAN if sys.stdout.isatty() else Format.JSON


def cmd_check(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck check``."""
    from ..decisions.baseline import fails
    from ..decisions.session import Session
    from ..transfer.model import read_input, read_transfer
    from .decide import baseline, sarif_text, settings

    checker = load_checker(args.rules)
    book = checker.rulebook
    fmt = _fmt(args.format)
    keys = baseline(args)
    session = Session(book, settings(args, book))
    verdicts: list[Verdict] = []
    errors: list[tuple[str, str]] = []
    for name in args.files:
        try:
            data, label = read_input(name)
            transfer = read_transfer(data, label, book.reference)
            verdict = checker.check(transfer, args.as_of)
            verdict = counterfactuals(checker, transfer, verdict, args.as_of)
            verdicts.append(session.finish(transfer, verdict, data))
        except (InputError, EngineError) as exc:  # this file only; the others are still checked
            err.print(f"Error: {exc}", markup=False, highlight=False)
            errors.append((name, str(exc)))
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    err = ErrorOutput()
    parser = build_parser()
    args = parser.parse_args(argv)
    from .commands import COMMANDS
    from .find import COMMANDS as FIND

    handlers = {"check": cmd_check, "rules": cmd_rules, **COMMANDS, **FIND}
    if args.rules is not None and not args.rules.is_dir():
        err.print(f"Error: --rules {args.rules}: no such folder — give the path of a rules/ folder")
        return EXIT_ERROR
    try:
        return handlers[args.command](args, err)
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except ComplianceError as exc:
        err.print(f"Error: {exc}", markup=False, highlight=False)
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.print("Interrupted.")
        return 130

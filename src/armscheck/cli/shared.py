"""What every command shares: exit codes, the error stream, argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..garbage import no_collection
from ..report import Format
from ..transfer.values import ValueProblem, parse_date

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from ..checker import Checker

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


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with an ``Error:`` line."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        width = _columns() - 2  # as argparse's formatter does
        return self.formatter_class(prog=self.prog, width=width)  # type: ignore[call-arg]

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print the usage and the message, then exit 2."""
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Error: {message}\n")
        sys.exit(EXIT_ERROR)


def load_checker(rules: Path | None) -> Checker:
    """The checker of ``rules`` (see :func:`armscheck.api.load_checker`), loaded once.

    A command's process keeps the rulebook to its end, so what loading makes is left out
    of later garbage collections (:func:`gc.freeze`), and none runs while it loads: the
    rulebook holds no garbage cycles, and walking it again and again only costs time.
    """
    from .. import api

    with no_collection():
        try:
            return api.load_checker(rules)
        finally:
            gc.freeze()


def _columns() -> int:
    """``shutil.get_terminal_size().columns``, the width help is wrapped to, without shutil.

    argparse asks for a formatter at every argument added; shutil would bring in the
    compression modules for that alone.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def date_arg(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` argument, with the hint of a bad one."""
    try:
        return parse_date(text)
    except ValueProblem as exc:
        raise argparse.ArgumentTypeError(f"{exc} ({exc.hint})") from None


Handler = Callable[[argparse.Namespace, ErrorOutput], int]


def output_format(chosen: str | None) -> Format:
    """The ``--format`` chosen, or human on a terminal and JSON otherwise."""
    if chosen:
        return Format(chosen)
    return Format.HUMAN if sys.stdout.isatty() else Format.JSON


def positive(text: str) -> int:
    """A whole number of 1 or more, for ``--jobs``."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value

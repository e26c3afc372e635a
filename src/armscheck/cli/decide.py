"""Options ``check`` and ``batch`` share: decisions, audit records, baselines, SARIF."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..decisions.baseline import Key, load_baseline
from ..decisions.record import run_info
from ..decisions.session import Settings
from ..rulebook.book import Rulebook
from ..version import __version__


def add_options(p: argparse.ArgumentParser) -> None:
    """Add ``--decisions``, ``--no-decisions``, ``--record`` and ``--baseline``."""
    p.add_argument(
        "--decisions",
        metavar="FILE",
        default=None,
        help="decisions file (default: armscheck-decisions.yaml beside each transfer, "
        "else in the working folder)",
    )
    p.add_argument(
        "--no-decisions", action="store_true", help="read no decisions file, even a default one"
    )
    p.add_argument(
        "--record",
        metavar="DIR",
        default=None,
        help="write one audit record per checked file into DIR (never overwritten)",
    )
    p.add_argument(
        "--baseline",
        metavar="FILE",
        default=None,
        help="a previous JSON or JSONL result: only findings not in it fail the run",
    )


def settings(args: argparse.Namespace, book: Rulebook) -> Settings:
    """The run's settings from the command line, with a fresh ``run`` object."""
    return Settings(
        decisions=args.decisions,
        look_for_decisions=not args.no_decisions,
        record=args.record,
        run=run_info(book),
    )


def baseline(args: argparse.Namespace) -> set[Key] | None:
    """The baseline's findings, or ``None`` when no baseline is given."""
    return load_baseline(args.baseline) if args.baseline else None


def sarif_text(
    results: list[dict[str, Any]],
    book: Rulebook,
    errors: list[tuple[str, str]],
    run: dict[str, Any] | None,
) -> str:
    """The SARIF log for ``results`` (and the files in ``errors``), as text."""
    from ..report import sarif

    log = sarif.render(results, book, version=__version__, errors=errors, run=run)
    return json.dumps(log, indent=2, ensure_ascii=False)

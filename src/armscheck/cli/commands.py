"""Every subcommand, in the order ``armscheck --help`` lists them: its module and help line.

A command's module is imported only when the command is used (see :mod:`.deferred`). To add
a command: write ``cli/<module>.py`` with ``add_parsers(sub)`` (which calls
``sub.add_parser(command, ...)`` and adds the arguments) and ``cmd_<command>``, then name
it here.
"""

from __future__ import annotations

import functools
import gc
import importlib
from collections.abc import Sequence
from typing import Any

from ..garbage import no_collection
from .deferred import Subcommands
from .shared import Handler

SUBCOMMANDS: tuple[tuple[str, str, str], ...] = (
    ("check", "check", "check transfer files ('-' reads standard input)"),
    ("rules", "rules", "list the rules; 'rules show ID' prints one in full"),
    (
        "lists",
        "lists",
        "the lists parties are screened against (curated and imported official lists)",
    ),
    (
        "screen",
        "screen",
        "screen one name against the lists (curated and imported), with scores and why",
    ),
    ("test", "test", "run scenarios' expect blocks and report mismatches"),
    ("batch", "batch", "check every *.yaml under the paths, in parallel"),
    ("verify", "verify", "check audit records again: same verdict under today's rules?"),
    ("diff", "diff", "check files under two versions of the rules and show what changes"),
    ("timeline", "pictures", "the verdict across time, with what changed it"),
    (
        "matrix",
        "pictures",
        "the same deal checked against many recipients (a map, or --over-time)",
    ),
    ("systems", "find", "list the systems catalogue (items[].system)"),
    ("countries", "find", "list country names, codes, aliases and historic states"),
)
_MODULES = {command: module for command, module, _ in SUBCOMMANDS}


def _module(command: str) -> Any:
    """The module of ``command``, imported with no collection running, then left out of them.

    It brings in most of the library; importing makes no garbage cycles, and the modules
    live as long as the process (as in ``__main__``).
    """
    with no_collection():
        module = importlib.import_module(f"{__package__}.{_MODULES[command]}")
        gc.freeze()  # before collections resume, or the first would walk them all
    return module


def preload(argv: Sequence[str]) -> None:
    """Import the module of the command ``argv`` names (if any) now, not while parsing.

    Parsing imports it anyway, but from deep inside argparse: there the imports, and the
    regular expressions compiled as modules load, keep crossing the end of a chunk of
    Python's frame stack, which the interpreter (3.11) maps and unmaps each time.
    """
    value = False  # the next argument is the value of --rules
    for arg in argv:
        if value or arg == "--rules":
            value = not value
        elif not arg.startswith("-"):
            if arg in _MODULES:
                _module(arg)
            return


def handler(command: str) -> Handler:
    """The function that runs ``command`` (its module imported now)."""
    run: Handler = getattr(_module(command), f"cmd_{command}")
    return run


def _add_parsers(command: str, sub: Any) -> None:
    _module(command).add_parsers(sub)


def add_subcommands(action: Any) -> None:
    """Register every subcommand, in help order (its module and arguments on first use)."""
    sub = Subcommands(action)
    for command, _, help_line in SUBCOMMANDS:
        sub.add(command, help_line, functools.partial(_add_parsers, command))

"""Every subcommand, in the order ``armscheck --help`` lists them, with its handler.

To add a command: write ``cli/<command>.py`` with ``add_parser(sub)`` and ``cmd_<command>``,
then name it here.
"""

from __future__ import annotations

from typing import Any

from . import batch, check, diff, find, lists, pictures, rules, screen, test, verify
from .deferred import Subcommands
from .shared import Handler, date_arg

COMMANDS: dict[str, Handler] = {
    "check": check.cmd_check,
    "rules": rules.cmd_rules,
    "lists": lists.cmd_lists,
    "test": test.cmd_test,
    "batch": batch.cmd_batch,
    "verify": verify.cmd_verify,
    "diff": diff.cmd_diff,
    "screen": screen.cmd_screen,
    "timeline": pictures.cmd_timeline,
    "matrix": pictures.cmd_matrix,
    **find.COMMANDS,
}


def add_subcommands(action: Any) -> None:
    """Add every subcommand's parser, in help order (its arguments on first use)."""
    sub = Subcommands(action)
    check.add_parser(sub)
    rules.add_parser(sub)
    lists.add_subcommand(sub)
    screen.add_subcommand(sub, date_arg)
    test.add_parser(sub)
    batch.add_parser(sub)
    verify.add_parser(sub)
    diff.add_parser(sub, date_arg)
    pictures.add_parsers(sub, date_arg)
    find.add_parsers(sub)

"""Subcommands whose module is imported, and parser made, when the subcommand is used.

``armscheck check FILE`` needs the parser of ``check`` only, and the module of ``check``
only: importing every command's module, and making every command's parser, costs more
than the rest of parsing. Each command is registered at once with its name and help line,
so ``armscheck --help`` and the list of commands are as before; its module's
``add_parsers(sub)`` is called, and its parser made, when anything first asks the parser
for something (to parse, or to format its help).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Register = Callable[[Any], None]


class Ignored:
    """A parser of another command registered by the same module: calls on it do nothing."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self


class Pending:
    """A subcommand's parser, made by its module's ``add_parsers`` on first use."""

    def __init__(self, make: Callable[..., Any], options: dict[str, Any], name: str, add: Register):
        self._make = make
        self._options = options
        self._name = name
        self._add = add
        self._parser: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._parser is None:
            self._add(Maker(self))
            if self._parser is None:
                raise RuntimeError(f"the module of {self._name!r} did not add its parser")
        return getattr(self._parser, name)


class Maker:
    """The ``sub`` a module's ``add_parsers`` is given: it makes the pending parser.

    ``sub.add_parser(name, **options)`` makes the parser of the command being used with
    those options (its help line was registered already); a parser of another command the
    module registers is :class:`Ignored`.
    """

    def __init__(self, pending: Pending) -> None:
        self._pending = pending
        self._parser_class = pending._make  # for a command with subcommands of its own

    def add_parser(self, name: str, **options: Any) -> Any:
        """The pending parser if ``name`` is its command, made now; else :class:`Ignored`."""
        pending = self._pending
        if name != pending._name:
            return Ignored()
        if pending._parser is None:
            pending._parser = pending._make(**pending._options, **options)
        return pending._parser


class Subcommands:
    """The subparsers action, registering commands whose parsers are made on first use."""

    def __init__(self, action: Any) -> None:
        self._action = action

    def add(self, name: str, help_line: str, add: Register) -> None:
        """Register ``name`` now; ``add(sub)`` makes its parser when it is first used."""
        action = self._action
        make = action._parser_class
        action._parser_class = lambda **options: Pending(make, options, name, add)
        try:
            action.add_parser(name, help=help_line)
        finally:
            action._parser_class = make

"""Subcommand parsers made when the subcommand is first used.

``armscheck check FILE`` needs the parser of ``check`` only; making those of every other
command costs more than the rest of parsing. Each command module still builds its parser
as usual, through :class:`Subcommands`: the command's name and help line are registered
at once, so ``armscheck --help`` and the list of commands are as before, while the parser
is made, and the calls that add its arguments are made on it in the same order, when
anything first asks the parser for something (to parse, or to format its help).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Call = tuple["Recorder", str, tuple[Any, ...], dict[str, Any], "Recorder"]


class Recorder:
    """Stands for an object not made yet: calls on it are kept, to be made later."""

    def __init__(self, log: list[Call]) -> None:
        self._log = log
        self._target: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Recorder:
            result = Recorder(self._log)
            self._log.append((self, name, args, kwargs, result))
            return result

        return call


class Pending:
    """A subcommand's parser, made (and the kept calls made on it) on first use."""

    def __init__(self, make: Callable[..., Any], kwargs: dict[str, Any], recorder: Recorder):
        self._make = make
        self._kwargs = kwargs
        self._recorder = recorder
        self._parser: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._parser is None:
            self._parser = self._make(**self._kwargs)
            self._recorder._target = self._parser
            for owner, method, args, kwargs, result in self._recorder._log:
                result._target = getattr(owner._target, method)(*args, **kwargs)
        return getattr(self._parser, name)


class Subcommands:
    """The subparsers action, handing out parsers made on first use."""

    def __init__(self, action: Any) -> None:
        self._action = action

    def __getattr__(self, name: str) -> Any:
        return getattr(self._action, name)

    def add_parser(self, name: str, **kwargs: Any) -> Recorder:
        """Register the command now; keep the calls made on its parser for its first use."""
        action = self._action
        make = action._parser_class
        recorder = Recorder([])
        action._parser_class = lambda **options: Pending(make, options, recorder)
        try:
            action.add_parser(name, **kwargs)
        finally:
            action._parser_class = make
        return recorder

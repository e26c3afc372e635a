"""Regular expressions compiled when first used, not when their module is imported.

Python's compiler of regular expressions is itself Python, and a character class reaching
past the first 256 code points (a line separator, a byte order mark) costs it millions of
instructions to lay out. A pattern that most commands never use (one read only for a rare
kind of value, or only when a cheaper test has passed) is made with :func:`deferred`, and
costs nothing until then.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["Deferred", "deferred"]

_compile = re.compile  # as it was when this module was imported


class Deferred:
    """A regular expression compiled when one of its attributes is first asked for."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(*self._args)
        return getattr(compiled, name)


def deferred(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", Deferred(pattern, flags))

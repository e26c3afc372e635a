"""Pausing the garbage collector while many long-lived objects are made."""

from __future__ import annotations

import gc
from typing import Any


class no_collection:  # (lower case: named and used as the function it was)
    """No collection runs inside (``with no_collection():``); the collector is left as found.

    For work that makes many objects and no garbage cycles (reading or building the
    rulebook and its indexes, a command's imports and first check): a collection would only
    walk them again and again. A class, not a generator-based context manager: its machinery
    cost several times the pause itself (composing a file's nodes pauses it in line).
    """

    __slots__ = ("_paused",)

    def __enter__(self) -> None:
        self._paused = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: Any) -> None:
        if self._paused:
            gc.enable()

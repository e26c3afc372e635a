"""Pausing the garbage collector while many long-lived objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection() -> Iterator[None]:
    """No collection runs inside; the collector is left as it was found.

    For work that makes many objects and no garbage cycles (reading or building the
    rulebook and its indexes): a collection would only walk them again and again.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()

"""Values the rules engine can hold, and the error for one it cannot."""

from __future__ import annotations

from typing import Any

from .errors import EngineError
from .facts import Fact

MAX_INT = 10**18


def plain(value: Any) -> Any:
    """A value durable-rules' JSON parser accepts, or ``ValueError``.

    Python writes floats below 1e-4 as ``6e-05``, which the engine rejects (error
    204); such tiny magnitudes are zero for every rule, so they are sent as 0.
    Magnitudes the engine cannot hold, non-finite numbers and text that is not
    valid Unicode are refused.
    """
    kind = type(value)
    if kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"the number {value!r} is not finite")
        size = abs(value)
        if size < 1e-4:
            return 0.0
        if size >= 1e15:
            raise ValueError(f"the number {value!r} is too large for the rules engine")
    elif kind is int:
        if not -MAX_INT < value < MAX_INT:
            raise ValueError(f"the number {value} is too large for the rules engine")
    elif kind is str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"the text {value!r} is not valid Unicode") from None
    return value


def refused(fact: Fact, exc: ValueError) -> EngineError:
    """The error for a value of ``fact`` the engine cannot hold, at its first located place."""
    where = next((e for e in fact.evidence if e.line is not None), None)
    return EngineError(
        str(exc),
        line=where.line if where else None,
        hint=f"check the values at {where.path}" if where else None,
    )

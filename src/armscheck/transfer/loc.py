"""Where a value sits in a YAML file: the one type every layer above points with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Loc:
    """Where a value sits in the YAML file."""

    path: str
    line: int | None
    value: str | None = None  # the value written there, when it is a plain value

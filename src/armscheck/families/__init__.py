"""The rule families, in report order. Each module exposes ``FAMILY``.

A family whose module is absent is reported as ``not-evaluated``, never as clear.
"""

from __future__ import annotations

import importlib

from ..facts import Family

ORDER = ("un_embargo", "us_content", "congress", "caatsa")


def _load() -> tuple[Family, ...]:
    out = []
    for name in ORDER:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        out.append(module.FAMILY)
    return tuple(out)


FAMILIES: tuple[Family, ...] = _load()

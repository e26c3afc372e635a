"""The library's entry points, with the compiled checker cached per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .checker import Checker
from .rulebook.book import load_rulebook


@lru_cache(maxsize=4)
def load_checker(rules: Path | None = None) -> Checker:
    """Load, validate and compile the rulebook once per process and folder."""
    return Checker(load_rulebook(rules))

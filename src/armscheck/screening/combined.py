"""Several screening indexes screened as one (the curated lists and the imported ones)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .index import Searchable, order
from .model import Hit


class Combined(Searchable):
    """Several indexes screened as one (the curated lists and the imported ones)."""

    def __init__(self, parts: Sequence[Searchable]) -> None:
        self.parts = tuple(parts)

    def __len__(self) -> int:
        return sum(len(p) for p in self.parts)

    def screen(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: str | None = None,
        on: dt.date | None = None,
        fuzzy: bool = True,
    ) -> list[Hit]:
        """Every entry of every part ``name`` matches, best first."""
        hits = [
            h
            for p in self.parts
            for h in p.screen(name, country=country, kind=kind, on=on, fuzzy=fuzzy)
        ]
        return sorted(hits, key=order)

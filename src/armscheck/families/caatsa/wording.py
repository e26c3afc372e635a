"""The wording of a CAATSA Russia deal that only findings read, made when first read."""

from __future__ import annotations

from typing import Any

from ...facts import Citation, Context
from ...transfer.model import Item
from ...transfer.values import money_text
from .precedents import precedents
from .text import advanced_systems, significance, timing, unique_citations, waiver


class Wording:
    """A Russia deal's texts and citations that only findings read, each made when first read.

    The items' significance and the precedents are worked out once for both.
    """

    def __init__(
        self,
        ctx: Context,
        items: list[Item],
        intelligence: list[dict[str, Any]],
        other_country: str,
        cites: list[Citation],
    ) -> None:
        self.ctx, self.items, self.intelligence = ctx, items, intelligence
        self.other_country, self.cites = other_country, cites
        self._systems: list[dict[str, Any]] | None = None
        self._significance: tuple[str, list[str], list[Citation]] | None = None
        self._precedents: tuple[str, list[Citation]] | None = None

    def systems(self) -> list[dict[str, Any]]:
        """The advanced systems the items name."""
        if self._systems is None:
            self._systems = advanced_systems(self.items, self.ctx.reference)
        return self._systems

    def significance(self) -> tuple[str, list[str], list[Citation]]:
        """(sentence, assumptions, citations) on why the transaction looks significant."""
        if self._significance is None:
            self._significance = significance(
                self.items, self.ctx.reference, bool(self.intelligence), self.systems()
            )
        return self._significance

    def precedents(self) -> tuple[str, list[Citation]]:
        """The precedents known on the date, with their citations."""
        if self._precedents is None:
            ctx = self.ctx
            self._precedents = precedents(
                ctx.reference, ctx.date, self.other_country, self.systems()
            )
        return self._precedents

    def text(self, name: str) -> str:
        """The text field ``name`` (one of the family's ``RUSSIA_TEXTS``)."""
        ref, day = self.ctx.reference, self.ctx.date
        if name == "items":
            return "; ".join(f"{it.quantity} × {it.description}" for it in self.items)
        if name == "value_text":
            return money_text(sum(it.value for it in self.items))
        if name == "significance":
            return self.significance()[0]
        if name == "precedents":
            return self.precedents()[0]
        if name == "waiver":
            return waiver(ref, self.intelligence, day)
        if name == "timing":
            return timing(ref, day)
        raise KeyError(name)

    def citations(self) -> tuple[Citation, ...]:
        """The fact's citations: the statute, the entries', the significance's, the precedents'."""
        return unique_citations([*self.cites, *self.significance()[2], *self.precedents()[1]])

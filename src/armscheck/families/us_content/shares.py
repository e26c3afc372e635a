"""The EAR de minimis share of a foreign-made item's US content, for the us-content family.

Sums the value of each item's counted US-controlled pieces against the lowest de minimis level
for the destination (15 CFR 734.4), with the 734.4(a) exclusions that leave content with no
de minimis level at all.
"""

from __future__ import annotations

import math
from typing import Any

from ...facts import Context
from ...records import record
from ...transfer.model import Item
from ...transfer.values import money_text
from ...transfer.vocab import is_dot_y
from . import groups
from .pieces import EAR_CLASSES, Piece, percent


def ear99_counted(ctx: Context) -> bool:
    """Whether EAR99 content needs a licence to (counts for) the destination."""
    thr = groups.threshold(ctx.reference, "ear99", ctx.transfer.recipient.country, ctx.date)
    return thr is not None and thr.percent is not None


@record(frozen=True)
class Share:
    """The EAR de minimis test of one foreign-made item."""

    item: Item
    counted: tuple[Piece, ...]
    threshold: groups.Threshold
    value: float
    share: float
    over: bool
    value_assumed: bool
    classes_text: str
    excluded_text: str = ""

    @property
    def threshold_text(self) -> str:
        """``25%``, or the no-de-minimis wording for 0% or an item with no de minimis level."""
        if self.excluded_text:
            return f"none for this content ({self.excluded_text})"
        pct = self.threshold.percent or 0.0
        if pct == 0:
            return "0% (no de minimis: any such content counts)"
        return percent(pct)


def excluded(
    ctx: Context, item: Item, item_pieces: list[Piece]
) -> list[tuple[Piece, dict[str, Any]]]:
    """The pieces of ``item`` that 15 CFR 734.4(a) leaves with no de minimis level."""
    rows = groups.exclusions_at(ctx.reference, ctx.transfer.recipient.country, ctx.date)
    military = item.category != "dual-use" and item.control != "itar"
    return [
        (p, row)
        for p in item_pieces
        if p.comp is not None and p.comp.extras.eccn
        for row in rows
        if groups.exclusion_hits(row, p.comp.extras.eccn, item.extras.eccn, military)
    ][:1]


def share(ctx: Context, item: Item, item_pieces: list[Piece]) -> Share | None:
    """The de minimis test for ``item`` given its component pieces; None if nothing counts."""
    dest = ctx.transfer.recipient.country
    levels: dict[str, groups.Threshold] = {}
    controls = {p.control for p in item_pieces}
    for cls in EAR_CLASSES:
        if cls in controls:
            thr = groups.threshold(ctx.reference, cls, dest, ctx.date)
            if thr is not None and thr.percent is not None:
                levels[cls] = thr
    hits = excluded(ctx, item, item_pieces)
    # 600-series and 9x515 ".y" content counts only where 734.4(a)(6)(ii) excludes it
    item_pieces = [
        p
        for p in item_pieces
        if not (p.comp and is_dot_y(p.comp.extras.eccn)) or any(p is h for h, _ in hits)
    ]
    for p, row in hits:
        levels.setdefault(
            p.control, groups.Threshold(p.control, 0.0, str(row.get("paragraph")), row, None)
        )
    counted = tuple(p for p in item_pieces if p.control in levels)
    if not counted:
        return None
    low = min(levels.values(), key=lambda th: th.percent or 0.0)
    if hits:
        low = groups.Threshold(hits[0][0].control, 0.0, low.group, hits[0][1], None)
    value = sum(p.value or 0.0 for p in counted)
    unknown = any(p.value is None for p in counted)
    pct = low.percent or 0.0
    over = (
        bool(hits)
        or unknown
        or value * 100 - pct * item.value > 1e-6
        or (pct == 0 and bool(counted))
    )
    parts = []
    for cls in levels:
        mine = [p for p in counted if p.control == cls]
        v = sum(p.value or 0.0 for p in mine)
        if any(p.value is None for p in mine):
            parts.append(f"{cls} value not given")
        else:
            parts.append(f"{cls} {money_text(v)}, {percent(100 * v / item.value)}")
    # (by position, in the order of Share's fields: a class called with keywords packs them
    # in a dictionary for its initialiser first)
    return Share(
        item,
        counted,
        low,
        value,
        100 * value / item.value,
        over,
        unknown,
        "; ".join(parts),
        (
            f"15 CFR {hits[0][1].get('paragraph')}: {hits[0][1].get('summary')}, "
            f"{hits[0][0].path} is ECCN {hits[0][0].comp.extras.eccn if hits[0][0].comp else ''}"
            if hits
            else ""
        ),
    )


def floor_cents(value: float) -> float:
    """``value`` rounded down to whole cents."""
    return math.floor(value * 100) / 100

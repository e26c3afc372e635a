"""US-controlled pieces of a transfer and their EAR de minimis share, for the us-content family.

A *piece* is an item or a component under US jurisdiction: US-origin (or, with no origin given,
marked with a US control), or explicitly marked ``itar``/``ear-600``/``ear`` although made
abroad (e.g. licence-built). Its effective control is the stated one, ``itar`` when none is
stated, and ``itar`` for 600-series content before the 600 series existed.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from ...facts import Context
from ...transfer.model import Component, Item, Loc
from ...transfer.values import money_text
from ...transfer.vocab import is_dot_y
from . import lists as lists

EAR_CLASSES = ("ear-600", "ear", "ear99")
US_CONTROLS = ("itar", *EAR_CLASSES)
_ESTIMATED = {"unit_value_usd", "components"}
_SIGNIFICANT = ("itar", "ear-600", "ear")


@dataclass(frozen=True)
class Piece:
    """A US-controlled item or component."""

    item: Item
    comp: Component | None
    control: str
    control_given: bool
    loc: Loc
    value: float | None
    assumptions: tuple[str, ...]

    @property
    def path(self) -> str:
        """The report path, e.g. ``items[0].components[0]``."""
        return self.loc.path

    @property
    def description(self) -> str:
        """What the piece is."""
        return self.comp.description if self.comp else self.item.description

    @property
    def what(self) -> str:
        """A phrase naming the piece and where it sits."""
        if self.comp is None:
            return f"{self.item.description} ({self.path}, a US-origin item)"
        return f"{self.comp.description} ({self.path}, in {self.item.description})"

    @property
    def share_text(self) -> str:
        """The piece's share of its item's value."""
        if self.comp is None:
            return "the whole item"
        if self.value is None:
            return "value not given"
        return f"{percent(100 * self.value / self.item.value)} of the item's value"


def percent(value: float) -> str:
    """``12.5%``; small shares keep two decimals."""
    if value == 0:
        return "0%"
    if value < 1:
        return f"{value:.2f}%"
    return f"{value:.1f}%".replace(".0%", "%")


def catalogue_sentences(ctx: Context, item: Item) -> tuple[str, ...]:
    """One assumption per value the systems catalogue filled in for ``item``."""
    entry = lists.system_entry(ctx.reference, item.system)
    if not entry:
        return ()
    name = str(entry.get("name") or item.system)
    estimate = bool(entry.get("value_is_estimate", True))
    out: list[str] = []
    for key in item.filled:
        if key == "catalogue components":
            out.extend(
                f"catalogue component {c.description} added to items[{item.index}] "
                f"(from {name}) because the file does not list it; list it with your own "
                "figures to override" + (" (catalogue values are estimates)." if estimate else ".")
                for c in item.components
                if c.from_catalogue
            )
            continue
        out.append(
            f"{key} of items[{item.index}] taken from the systems catalogue entry {name}"
            + (" (estimates)" if estimate and key in _ESTIMATED else "")
        )
    known = [c for c in entry.get("components") or [] if isinstance(c, dict)]
    if (
        item.origin != "US"
        and not any(c.get("origin") == "US" or c.get("control") in _SIGNIFICANT for c in known)
        and not any(c.origin == "US" for c in item.components)
    ):
        out.append(
            f"the catalogue knows no significant US components for {name} (not confirmed); "
            f"list any US-origin parts of items[{item.index}] under components."
        )
    return tuple(out)


def itar_note(description: str) -> str:
    """The assumption for US-origin content whose control is not given."""
    return (
        f"control not given for US-origin '{description}'; treated as ITAR "
        "(a USML defense article)."
    )


def _loc(ctx: Context, item: Item, comp: Component | None) -> Loc:
    if comp is None:
        return item.loc
    if comp.from_catalogue:
        return Loc(comp.loc.path, ctx.transfer.doc.where(("items", item.index, "system"))[0])
    return comp.loc


def as_piece(ctx: Context, item: Item, comp: Component | None) -> Piece | None:
    """The piece for an item (``comp`` None) or component, or None if not US-controlled."""
    origin = comp.origin if comp else item.origin
    control = comp.control if comp else item.control
    loc = _loc(ctx, item, comp)
    notes: list[str] = []
    if origin == "US":
        pass
    elif origin is None and control in US_CONTROLS:
        notes.append(f"{loc.path}: origin not given; taken as US content (control {control}).")
    elif origin is not None and control in ("itar", "ear-600", "ear"):
        notes.append(
            f"{loc.path} is not US-made but is marked control {control}; "
            "it is treated as US-controlled content."
        )
    else:
        return None
    if control == "none":
        return None
    effective = control or "itar"
    if control is None:
        notes.append(itar_note((comp or item).description))
    if effective == "ear-600":
        usml = (comp.usml_category if comp else None) or item.usml_category
        moved = ecr_move_date(ctx, usml)
        flag = ecr_unconfirmed(ctx, usml)
        if flag:
            notes.append(flag)
        if moved is not None and ctx.date < moved:
            effective = "itar"
            which = f"USML Category {usml}" if usml else "its USML category (not given)"
            notes.append(
                f"{loc.path}: {which} moved to the EAR only on {moved.isoformat()} (Export "
                "Control Reform); before then the part was an ITAR defense article, and it is "
                "checked as one."
            )
    return Piece(
        item=item,
        comp=comp,
        control=effective,
        control_given=control is not None,
        loc=loc,
        value=comp.value if comp else item.value,
        assumptions=(*notes, *catalogue_sentences(ctx, item)),
    )


def ecr_move_date(ctx: Context, usml: str | None) -> dt.date | None:
    """The day ``usml``'s items left the USML for the EAR (the latest move when not given)."""
    lst = ctx.reference.lists.get("ecr-transition")
    if lst is None:
        return lists.first_row_date(ctx.reference, "ear-600")
    for i, move in enumerate(lst.data.get("moves") or []):
        if usml and usml in (move.get("usml") or []):
            return lst.date(move.get("from"), ("moves", i, "from"))
    return lst.date(lst.data.get("latest_without_category"), ("latest_without_category",))


def ecr_unconfirmed(ctx: Context, usml: str | None) -> str | None:
    """The flag for an Export Control Reform move date marked unconfirmed."""
    lst = ctx.reference.lists.get("ecr-transition")
    for move in lst.data.get("moves") or [] if lst else []:
        if usml and usml in (move.get("usml") or []) and move.get("unconfirmed"):
            return (
                f"this rests on an unconfirmed entry (USML Category {usml} move date in "
                f"lists/ecr-transition.yaml): {' '.join(str(move.get('note') or '').split())}"
            )
    return None


def pieces(ctx: Context) -> list[Piece]:
    """US-controlled pieces moved by a non-US supplier (a US-origin item hides its parts)."""
    t = ctx.transfer
    if t.supplier.country == "US" or t.recipient.country == "US":
        return []
    out: list[Piece] = []
    for item in t.items:
        whole = as_piece(ctx, item, None)
        if whole is not None:
            out.append(whole)
            continue
        out.extend(p for c in item.components if (p := as_piece(ctx, item, c)) is not None)
    return out


def ear99_counted(ctx: Context) -> bool:
    """Whether EAR99 content needs a licence to (counts for) the destination."""
    thr = lists.threshold(ctx.reference, "ear99", ctx.transfer.recipient.country, ctx.date)
    return thr is not None and thr.percent is not None


@dataclass(frozen=True)
class Share:
    """The EAR de minimis test of one foreign-made item."""

    item: Item
    counted: tuple[Piece, ...]
    threshold: lists.Threshold
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
    rows = lists.exclusions_at(ctx.reference, ctx.transfer.recipient.country, ctx.date)
    military = item.category != "dual-use" and item.control != "itar"
    return [
        (p, row)
        for p in item_pieces
        if p.comp is not None and p.comp.extras.eccn
        for row in rows
        if lists.exclusion_hits(row, p.comp.extras.eccn, item.extras.eccn, military)
    ][:1]


def share(ctx: Context, item: Item, item_pieces: list[Piece]) -> Share | None:
    """The de minimis test for ``item`` given its component pieces; None if nothing counts."""
    dest = ctx.transfer.recipient.country
    levels: dict[str, lists.Threshold] = {}
    for cls in EAR_CLASSES:
        if any(p.control == cls for p in item_pieces):
            thr = lists.threshold(ctx.reference, cls, dest, ctx.date)
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
            p.control, lists.Threshold(p.control, 0.0, str(row.get("paragraph")), row, None)
        )
    counted = tuple(p for p in item_pieces if p.control in levels)
    if not counted:
        return None
    low = min(levels.values(), key=lambda th: th.percent or 0.0)
    if hits:
        low = lists.Threshold(hits[0][0].control, 0.0, low.group, hits[0][1], None)
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
    return Share(
        item=item,
        counted=counted,
        threshold=low,
        value=value,
        share=100 * value / item.value,
        over=over,
        value_assumed=unknown,
        classes_text="; ".join(parts),
        excluded_text=(
            f"15 CFR {hits[0][1].get('paragraph')}: {hits[0][1].get('summary')}, "
            f"{hits[0][0].path} is ECCN {hits[0][0].comp.extras.eccn if hits[0][0].comp else ''}"
            if hits
            else ""
        ),
    )


def floor_cents(value: float) -> float:
    """``value`` rounded down to whole cents."""
    return math.floor(value * 100) / 100

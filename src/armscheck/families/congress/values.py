"""Congressional notification: what counts toward each measure, and how much.

A :class:`Line` is one counted piece of the transfer: a whole item (FMS, DCS,
or a US-origin item sold on by a foreign supplier) or a US-origin component
inside a foreign item (§3(d)). Its value is in whole dollars; its MDE and
firearms shares are worked out here, with a plain sentence for every value
that was inferred rather than stated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ...facts import Context
from ...records import record
from ...transfer.model import Component, Item, Loc
from ...transfer.values import money_text
from .lists import value_text

EAR = ("ear-600", "ear", "ear99", "none")
FIREARMS_TO_EAR = dt.date(2020, 3, 9)


@record(frozen=True)
class Line:
    """One counted piece of the transfer."""

    path: str
    loc: Loc
    description: str
    item_index: int
    value: int
    mde_value: int
    firearm_value: int
    design_construction: bool
    scales: bool  # the line's values are proportional to items[item_index].quantity
    origin_path: str | None  # where to change the origin (third-party), if editable
    count: int  # physical units counted (quantity × per_unit)


def _raw_item(ctx: Context, index: int) -> dict[str, Any]:
    items = (ctx.transfer.doc.data or {}).get("items") or []
    raw = items[index] if index < len(items) else {}
    return raw if isinstance(raw, dict) else {}


def _raw_component(ctx: Context, index: int, j: int) -> dict[str, Any] | None:
    comps = _raw_item(ctx, index).get("components")
    if not isinstance(comps, list) or j >= len(comps) or not isinstance(comps[j], dict):
        return None
    raw: dict[str, Any] = comps[j]
    return raw


def _presumed(ctx: Context, category: str) -> tuple[bool, str]:
    cats = ctx.reference.get("mde-categories").data.get("categories") or {}
    entry = cats.get(category) or {}
    return bool(entry.get("mde")), str(entry.get("reason") or "").strip()


def item_mde(ctx: Context, item: Item, notes: list[str]) -> bool:
    """Whether an item is MDE: as stated, else not if EAR-controlled, else by category."""
    if item.mde is not None:
        if "major_defense_equipment" in item.filled:
            notes.append(
                f"'{item.description}': major_defense_equipment: {str(item.mde).lower()} "
                "taken from the systems catalogue."
            )
        return item.mde
    if item.control in EAR:
        notes.append(
            f"'{item.description}' is EAR-controlled ({item.control}); MDE must be on the "
            "USML, so it is treated as not MDE."
        )
        return False
    mde, _ = _presumed(ctx, item.category)
    notes.append(
        f"major_defense_equipment not given for '{item.description}'; presumed "
        f"{'MDE' if mde else 'not MDE'} from its category {item.category} "
        "(set major_defense_equipment to say otherwise)."
    )
    return mde


def component_mde(ctx: Context, item: Item, comp: Component, notes: list[str]) -> bool:
    """Whether a component is MDE: as stated, else presumed from its item's category."""
    if comp.mde is not None:
        return comp.mde
    mde, _ = _presumed(ctx, item.category)
    notes.append(
        f"major_defense_equipment not given for '{comp.description}'; presumed "
        f"{'MDE' if mde else 'not MDE'} like its platform's category {item.category} "
        "(set major_defense_equipment to say otherwise)."
    )
    return mde


def _firearm(ctx: Context, item: Item, notes: list[str]) -> bool:
    if item.usml_category is not None:
        return item.usml_category == "I"
    if item.category != "small-arms" or item.control in EAR:
        return False
    text = (
        f"usml_category not given for '{item.description}' (small-arms); assumed USML "
        "Category I firearms"
    )
    if ctx.date >= FIREARMS_TO_EAR:
        text += (
            ", although since 9 Mar 2020 most non-automatic and semi-automatic firearms are "
            "on the EAR (set usml_category or control: ear-600 if this one is)"
        )
    notes.append(text + ".")
    return True


def us_lines(ctx: Context, channel: str, notes: list[str]) -> list[Line]:
    """The counted lines for an FMS or DCS sale: every item (DCS: USML items only)."""
    out = []
    for item in ctx.transfer.items:
        if channel == "dcs" and (item.control in EAR or item.category == "dual-use"):
            notes.append(
                f"'{item.description}' is not a USML defense article "
                f"({item.control or item.category}); AECA §36(c) covers items licensed "
                "under §38, so it is not counted."
            )
            continue
        raw = _raw_item(ctx, item.index)
        mde = item_mde(ctx, item, notes)
        mde_value = item.value if mde else 0.0
        scales = "value_usd" not in raw
        if not mde:
            for j, comp in enumerate(item.components):
                if comp.mde and comp.value is not None:
                    mde_value += comp.value
                    rc = _raw_component(ctx, item.index, j)
                    scales = scales and (rc is None or "value_usd" not in rc)
        fire = channel == "dcs" and _firearm(ctx, item, notes)
        # (by position, in the order of Line's fields: a class called with keywords packs them
        # in a dictionary for its initialiser first)
        out.append(
            Line(
                item.loc.path,
                item.loc,
                item.description,
                item.index,
                round(item.value),
                round(mde_value),
                round(item.value) if fire else 0,
                item.category == "design-and-construction",
                scales,
                None,
                item.quantity,
            )
        )
    return out


def _us_item(ctx: Context, item: Item, notes: list[str]) -> Line | None:
    if item.category == "dual-use" or item.control in EAR:
        return None
    if item.control is None:
        notes.append(
            f"control not given for US-origin '{item.description}'; treated as ITAR "
            "(a USML defense article)."
        )
    raw = _raw_item(ctx, item.index)
    mde = item_mde(ctx, item, notes)
    # (by position, in the order of Line's fields: a class called with keywords packs them
    # in a dictionary for its initialiser first)
    return Line(
        item.loc.path,
        item.loc,
        item.description,
        item.index,
        round(item.value),
        round(item.value) if mde else 0,
        0,
        False,
        "value_usd" not in raw,
        f"{item.loc.path}.origin",
        item.quantity,
    )


def _us_component(
    ctx: Context, item: Item, j: int, comp: Component, notes: list[str]
) -> Line | None:
    if comp.origin != "US" or comp.control in EAR:
        return None
    if comp.control is None:
        notes.append(
            f"control not given for US-origin '{comp.description}'; treated as ITAR "
            "(a USML defense article)."
        )
    if comp.from_catalogue:
        notes.append(
            f"'{comp.description}' in '{item.description}', with its value, comes from the "
            "systems catalogue (an estimate); list the components to use your own figures."
        )
    value = comp.value
    if value is None:
        value = item.value
        notes.append(
            f"no value given for US-origin '{comp.description}'; the whole value of "
            f"'{item.description}' ({money_text(item.value)}) is used as an upper bound."
        )
    raw_item = _raw_item(ctx, item.index)
    rc = _raw_component(ctx, item.index, j)
    mde = component_mde(ctx, item, comp, notes)
    if comp.value is not None:
        scales = comp.from_catalogue or (rc is not None and "value_usd" not in rc)
    else:
        scales = "value_usd" not in raw_item
    # (by position, in the order of Line's fields: a class called with keywords packs them
    # in a dictionary for its initialiser first)
    return Line(
        comp.loc.path,
        comp.loc,
        comp.description,
        item.index,
        round(value),
        round(value) if mde else 0,
        0,
        False,
        scales,
        None if comp.from_catalogue else f"{comp.loc.path}.origin",
        item.quantity * comp.per_unit,
    )


def third_party_lines(ctx: Context, notes: list[str]) -> list[Line]:
    """The US-origin USML content of a transfer by a non-US supplier (AECA §3(d))."""
    out: list[Line] = []
    for item in ctx.transfer.items:
        if item.origin == "US":
            line = _us_item(ctx, item, notes)
            if line is not None:
                out.append(line)
            continue
        for j, comp in enumerate(item.components):
            if comp.origin != "US" or comp.control in EAR:
                continue  # not counted (as _us_component says), and most parts are not
            line = _us_component(ctx, item, j, comp, notes)
            if line is not None:
                out.append(line)
    return out


def measure_value(lines: list[Line], channel: str, measure: str) -> int:
    """The sum of the lines for one measure."""
    if measure == "mde":
        return sum(ln.mde_value for ln in lines)
    if measure == "firearms":
        return sum(ln.firearm_value for ln in lines)
    if measure == "design-construction":
        return sum(ln.value for ln in lines if ln.design_construction)
    if channel == "fms":
        return sum(ln.value for ln in lines if not ln.design_construction)
    return sum(ln.value for ln in lines)


def counted_text(lines: list[Line], near: Iterable[int] = ()) -> str:
    """What was counted, briefly (exact dollars near a threshold in ``near``)."""
    amounts = list(near)
    parts = [
        f"{ln.count} × {ln.description}, {value_text(ln.value, amounts)} in all" for ln in lines[:4]
    ]
    if len(lines) > 4:
        parts.append(f"and {len(lines) - 4} more line(s)")
    return "; ".join(parts)

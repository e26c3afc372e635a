"""Reading ``items`` and ``related_sales`` from a transfer file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .components import (
    Path,
    line_value,
    missing_us_components,
    read_component,
    read_control,
    read_usml,
    value_path,
)
from .model import ITEM_KEYS, SALE_KEYS, Item, RelatedSale
from .values import MAX_COMPONENTS, MAX_ITEMS, MAX_MONEY, fold, money_text, shown, suggest_names
from .vocab import category_names, read_extras

if TYPE_CHECKING:
    from .reader import Reader

# A part may be worth more than the item holding it (a donated or discounted item carries
# its parts at their original cost), but not a billion times more: that is a slip of units,
# and the shares computed from it would be too large for the rules engine.
MAX_PART_RATIO = 1e9
# an item's keys that a catalogue entry fills when the file leaves them out
_FROM_CATALOGUE = (
    "category",
    "origin",
    "major_defense_equipment",
    "unit_value_usd",
    "control",
    "usml_category",
)


def find_system(r: Reader, raw: str, path: Path) -> dict[str, Any]:
    """Look up a system in the catalogue by id, name or alias."""
    names, typed = r.ref.memo("transfer.systems", lambda: _system_names(r))
    found = names.get(fold(raw))
    if found is None:
        close = suggest_names(raw, typed)
        tip = (
            "did you mean " + " or ".join(map(repr, close)) + "?"
            if close
            else "'armscheck systems' lists the catalogue; or leave 'system' out"
        )
        raise r.fail(path, f"unknown system {shown(raw)}", tip)
    return found


def _system_names(r: Reader) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Each catalogue entry by its folded id, name and aliases; the names as people write them."""
    catalogue = r.ref.lists.get("systems")
    systems = catalogue.data.get("systems", []) if catalogue else []
    names: dict[str, dict[str, Any]] = {}
    typed: list[str] = []  # names as people write them, for suggestions
    for entry in systems:
        for n in [entry.get("id"), entry.get("name"), *(entry.get("aliases") or [])]:
            if n:
                names.setdefault(fold(str(n)), entry)
                typed.append(str(n))
    return names, typed


def read_items(r: Reader, raw: Any, supplier: str) -> tuple[Item, ...]:
    """Validate ``items`` (at least one), filling gaps from the systems catalogue."""
    if not isinstance(raw, list) or not raw:
        raise r.fail(
            ("items",),
            "expected a list of at least one item",
            "write items: then '- description: ...' entries",
        )
    if len(raw) > MAX_ITEMS:
        raise r.fail(
            ("items",),
            f"{len(raw):,} items, over the limit of {MAX_ITEMS}",
            "split the transfer into several files",
        )
    cats = category_names(r)
    out = []
    grand = 0.0
    for i, entry in enumerate(raw):
        path: Path = ("items", i)
        it = r.mapping(entry, path, ITEM_KEYS, ("description",))
        system: dict[str, Any] = {}
        filled: list[str] = []
        if it.get("system") is not None:
            system = find_system(
                r, r.text(it["system"], path + ("system",)) or "", path + ("system",)
            )
        merged = dict(it) if system else it  # gaps are filled from the catalogue only
        for key in _FROM_CATALOGUE if system else ():
            if merged.get(key) is None and system.get(key) is not None:
                if key == "unit_value_usd" and merged.get("value_usd") is not None:
                    continue
                merged[key] = system[key]
                filled.append(key)
        if merged.get("category") is None:
            raise r.fail(
                path,
                "missing required key 'category'",
                f"add 'category:' with one of: {', '.join(cats)}",
            )
        category = r.choice(merged["category"], path + ("category",), cats, "category")
        quantity = r.count(it.get("quantity"), path + ("quantity",), 1)
        unit, total = line_value(r, merged, path, quantity)
        if unit is None or total is None:
            raise r.fail(
                path, "missing value: give unit_value_usd or value_usd", "e.g. unit_value_usd: 60m"
            )
        origin = supplier
        if merged.get("origin") is not None:
            origin = r.country(merged["origin"], path + ("origin",))[0]
        comps_raw = it.get("components")
        from_cat = False
        if comps_raw is None and system.get("components"):
            comps_raw, from_cat = system["components"], True
            filled.append("components")
        if comps_raw is not None and not isinstance(comps_raw, list):
            raise r.fail(
                path + ("components",),
                "expected a list of components",
                "write '- description: ...' entries",
            )
        if comps_raw is not None and len(comps_raw) > MAX_COMPONENTS:
            raise r.fail(
                path + ("components",),
                f"{len(comps_raw):,} components, over the limit of {MAX_COMPONENTS}",
                "list the significant components only",
            )
        comps = [
            read_component(r, c, path + ("components", j), quantity, from_cat)
            for j, c in enumerate(comps_raw or [])
        ]
        for j, comp in enumerate(comps):
            if comp.value is not None and comp.value > total * MAX_PART_RATIO:
                raise r.fail(
                    value_path(
                        comps_raw[j] if isinstance(comps_raw, list) else {},
                        path + ("components", j),
                    ),
                    f"the part is worth {money_text(comp.value)} on a line worth "
                    f"{money_text(total)}, over a billion times the item that holds it",
                    "check the units of both values (1.5m is a million and a half)",
                )
        grand += total
        if grand > MAX_MONEY:
            raise r.fail(
                value_path(it, path),
                f"the items total {money_text(grand)}, over $10 trillion",
                "check the units and the quantities",
            )
        if not from_cat and system.get("components"):
            added = missing_us_components(system["components"], comps)
            if added:
                filled.append("catalogue components")
            comps.extend(
                read_component(r, c, path + ("components", len(comps) + k), quantity, True)
                for k, c in enumerate(added)
            )
        # (each key left out is read as absent without a call, nor its path made)
        control = merged.get("control")
        extras, control = read_extras(
            r,
            it,
            path,
            None if control is None else read_control(r, control, path + ("control",)),
            item=True,
            us_origin=origin == "US",
        )
        mde = merged.get("major_defense_equipment")
        usml = merged.get("usml_category")
        out.append(
            Item(  # (the fields by position: by keyword, they are packed in a dictionary first)
                i,
                r.text(it["description"], path + ("description",)) or "",
                category,
                quantity,
                unit,
                total,
                origin,
                control,
                None if mde is None else r.flag(mde, path + ("major_defense_equipment",)),
                None if usml is None else read_usml(r, usml, path + ("usml_category",)),
                str(system.get("id")) if system else None,
                tuple(comps),
                r.loc(path),
                tuple(filled),
                extras,
            )
        )
    return tuple(out)


def read_sales(r: Reader, raw: Any) -> tuple[RelatedSale, ...]:
    """Validate ``related_sales``."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise r.fail(
            ("related_sales",),
            "expected a list of sales",
            "write '- date: ... value_usd: ...' entries",
        )
    out = []
    for i, entry in enumerate(raw):
        path: Path = ("related_sales", i)
        s = r.mapping(entry, path, SALE_KEYS, ("date", "value_usd"))
        out.append(
            RelatedSale(
                date=r.date(s["date"], path + ("date",)),
                value=r.money(s["value_usd"], path + ("value_usd",)) or 0.0,
                mde_value=r.money(s.get("mde_value_usd"), path + ("mde_value_usd",)),
                description=r.text(s.get("description"), path + ("description",), optional=True)
                or "",
                loc=r.loc(path),
            )
        )
    return tuple(out)

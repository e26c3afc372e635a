"""Reading ``items``, their components and ``related_sales`` from a transfer file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .model import (
    COMPONENT_KEYS,
    CONTROLS,
    ITEM_KEYS,
    SALE_KEYS,
    Component,
    Item,
    RelatedSale,
)
from .values import (
    MAX_COMPONENTS,
    MAX_ITEMS,
    MAX_MONEY,
    fold,
    money_text,
    shown,
    suggest_names,
)
from .vocab import read_extras

if TYPE_CHECKING:
    from .reader import Reader

Path = tuple[str | int, ...]
_TOLERANCE = 0.01  # value_usd and unit_value_usd × count may differ by 1% (rounding)
# A part may be worth more than the item holding it (a donated or discounted item carries
# its parts at their original cost), but not a billion times more: that is a slip of units,
# and the shares computed from it would be too large for the rules engine.
MAX_PART_RATIO = 1e9


def find_system(r: Reader, raw: str, path: Path) -> dict[str, Any]:
    """Look up a system in the catalogue by id, name or alias."""
    catalogue = r.ref.lists.get("systems")
    systems = catalogue.data.get("systems", []) if catalogue else []
    names: dict[str, dict[str, Any]] = {}
    typed: list[str] = []  # names as people write them, for suggestions
    for entry in systems:
        for n in [entry.get("id"), entry.get("name"), *(entry.get("aliases") or [])]:
            if n:
                names.setdefault(fold(str(n)), entry)
                typed.append(str(n))
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


def _value(
    r: Reader, raw: dict[str, Any], path: Path, count: int
) -> tuple[float | None, float | None]:
    unit = r.money(raw.get("unit_value_usd"), (*path, "unit_value_usd"))
    total = r.money(raw.get("value_usd"), (*path, "value_usd"))
    if unit is not None and total is not None:
        expected = unit * count
        if abs(expected - total) > _TOLERANCE * max(expected, total):
            raise r.fail(
                (*path, "value_usd"),
                f"value_usd {money_text(total)} disagrees with unit_value_usd × "
                f"{count} = {money_text(expected)}",
                "give only one of them, or make them agree",
            )
    if unit is None and total is not None:
        unit = total / count
    if total is None and unit is not None:
        total = unit * count
    if total is not None and total > MAX_MONEY:
        raise r.fail(
            (*path, "unit_value_usd" if "unit_value_usd" in raw else "value_usd"),
            f"the line totals {money_text(total)}, over $10 trillion",
            "check the units and the quantity",
        )
    return unit, total


def _value_path(raw: Any, path: Path) -> Path:
    """The path of the value written in ``raw`` (its unit value first), else ``path``."""
    for key in ("unit_value_usd", "value_usd"):
        if isinstance(raw, dict) and key in raw:
            return (*path, key)
    return path


def _control(r: Reader, raw: Any, path: Path) -> str | None:
    if raw is None:
        return None
    return r.choice(raw, path, CONTROLS, "control")


_ROMAN = ("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI").split()


def _usml(r: Reader, raw: Any, path: Path) -> str | None:
    """A USML category as its roman numeral (I..XXI); ``1``, ``Cat. I`` and ``XI(a)`` accepted."""
    text = r.text(raw, path, optional=True)
    if not text:
        return None
    core = re.sub(r"^(usml\s*)?(cat(egory)?\.?\s*)", "", text.strip(), flags=re.I)
    core = re.split(r"[\s(]", core, maxsplit=1)[0].upper()
    if core.isdigit() and 1 <= int(core) <= len(_ROMAN):
        core = _ROMAN[int(core) - 1]
    if core not in _ROMAN:
        raise r.fail(
            path,
            f"unknown USML category {shown(text)}",
            "write the category's roman numeral, I to XXI (e.g. XIX for engines)",
        )
    return core


def _component(r: Reader, raw: Any, path: Path, quantity: int, catalogue: bool) -> Component:
    c = r.mapping(raw, path, COMPONENT_KEYS, ("description",))
    per_unit = r.count(c.get("per_unit"), (*path, "per_unit"), 1)
    unit, total = _value(r, c, path, per_unit * quantity)
    origin = None
    if c.get("origin") is not None:
        origin = r.country(c["origin"], (*path, "origin"))[0]
    extras, control = read_extras(
        r,
        c,
        path,
        _control(r, c.get("control"), (*path, "control")),
        item=False,
        us_origin=origin in (None, "US"),
    )
    return Component(
        description=r.text(c["description"], (*path, "description")) or "",
        origin=origin,
        control=control,
        per_unit=per_unit,
        unit_value=unit,
        value=total,
        usml_category=_usml(r, c.get("usml_category"), (*path, "usml_category")),
        mde=r.flag(c.get("major_defense_equipment"), (*path, "major_defense_equipment")),
        loc=r.loc(path),
        from_catalogue=catalogue,
        extras=extras,
    )


_GENERIC = frozenset(
    "the and for with from made part parts component components unit units system systems "
    "assembly kit set suite type series model variant engine engines motor turboshaft turbofan "
    "turbojet turboprop radar sight usa origin".split()
)


def significant_words(text: str) -> set[str]:
    """The distinctive words of a description (``T800`` in ``LHTEC T800-4A engine``)."""
    return {w for w in fold(text).split() if len(w) >= 3 and w not in _GENERIC}


def _missing_us_components(catalogue: Any, listed: list[Component]) -> list[dict[str, Any]]:
    """Catalogue components under US control that none of the file's ``listed`` ones match.

    A listed component matches a catalogue one when their descriptions share a distinctive
    word; the file's own entry then replaces the catalogue's.
    """
    if not isinstance(catalogue, list):
        return []
    mine = [significant_words(c.description) for c in listed]
    out = []
    for c in catalogue:
        if not isinstance(c, dict):
            continue
        us = c.get("origin") == "US" or c.get("control") in ("itar", "ear-600", "ear")
        words = significant_words(str(c.get("description") or ""))
        if us and not any(words & m for m in mine):
            out.append(c)
    return out


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
    cats = list(r.ref.categories)
    out = []
    grand = 0.0
    for i, entry in enumerate(raw):
        path: Path = ("items", i)
        it = r.mapping(entry, path, ITEM_KEYS, ("description",))
        system: dict[str, Any] = {}
        filled: list[str] = []
        if it.get("system") is not None:
            system = find_system(
                r, r.text(it["system"], (*path, "system")) or "", (*path, "system")
            )
        merged = dict(it)
        for key, skey in (
            ("category", "category"),
            ("origin", "origin"),
            ("major_defense_equipment", "major_defense_equipment"),
            ("unit_value_usd", "unit_value_usd"),
            ("control", "control"),
            ("usml_category", "usml_category"),
        ):
            if merged.get(key) is None and system.get(skey) is not None:
                if key == "unit_value_usd" and merged.get("value_usd") is not None:
                    continue
                merged[key] = system[skey]
                filled.append(key)
        if merged.get("category") is None:
            raise r.fail(
                path,
                "missing required key 'category'",
                f"add 'category:' with one of: {', '.join(cats)}",
            )
        category = r.choice(merged["category"], (*path, "category"), cats, "category")
        quantity = r.count(it.get("quantity"), (*path, "quantity"), 1)
        unit, total = _value(r, merged, path, quantity)
        if unit is None or total is None:
            raise r.fail(
                path, "missing value: give unit_value_usd or value_usd", "e.g. unit_value_usd: 60m"
            )
        origin = supplier
        if merged.get("origin") is not None:
            origin = r.country(merged["origin"], (*path, "origin"))[0]
        comps_raw = it.get("components")
        from_cat = False
        if comps_raw is None and system.get("components"):
            comps_raw, from_cat = system["components"], True
            filled.append("components")
        if comps_raw is not None and not isinstance(comps_raw, list):
            raise r.fail(
                (*path, "components"),
                "expected a list of components",
                "write '- description: ...' entries",
            )
        if comps_raw is not None and len(comps_raw) > MAX_COMPONENTS:
            raise r.fail(
                (*path, "components"),
                f"{len(comps_raw):,} components, over the limit of {MAX_COMPONENTS}",
                "list the significant components only",
            )
        comps = [
            _component(r, c, (*path, "components", j), quantity, from_cat)
            for j, c in enumerate(comps_raw or [])
        ]
        for j, comp in enumerate(comps):
            if comp.value is not None and comp.value > total * MAX_PART_RATIO:
                raise r.fail(
                    _value_path(
                        comps_raw[j] if isinstance(comps_raw, list) else {},
                        (*path, "components", j),
                    ),
                    f"the part is worth {money_text(comp.value)} on a line worth "
                    f"{money_text(total)}, over a billion times the item that holds it",
                    "check the units of both values (1.5m is a million and a half)",
                )
        grand += total
        if grand > MAX_MONEY:
            raise r.fail(
                _value_path(it, path),
                f"the items total {money_text(grand)}, over $10 trillion",
                "check the units and the quantities",
            )
        if not from_cat and system.get("components"):
            added = _missing_us_components(system["components"], comps)
            if added:
                filled.append("catalogue components")
            comps.extend(
                _component(r, c, (*path, "components", len(comps) + k), quantity, True)
                for k, c in enumerate(added)
            )
        extras, control = read_extras(
            r,
            it,
            path,
            _control(r, merged.get("control"), (*path, "control")),
            item=True,
            us_origin=origin == "US",
        )
        out.append(
            Item(
                index=i,
                description=r.text(it["description"], (*path, "description")) or "",
                category=category,
                quantity=quantity,
                unit_value=unit,
                value=total,
                origin=origin,
                control=control,
                mde=r.flag(
                    merged.get("major_defense_equipment"), (*path, "major_defense_equipment")
                ),
                usml_category=_usml(r, merged.get("usml_category"), (*path, "usml_category")),
                system=str(system.get("id")) if system else None,
                components=tuple(comps),
                loc=r.loc(path),
                filled=tuple(filled),
                extras=extras,
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
                date=r.date(s["date"], (*path, "date")),
                value=r.money(s["value_usd"], (*path, "value_usd")) or 0.0,
                mde_value=r.money(s.get("mde_value_usd"), (*path, "mde_value_usd")),
                description=r.text(s.get("description"), (*path, "description"), optional=True)
                or "",
                loc=r.loc(path),
            )
        )
    return tuple(out)

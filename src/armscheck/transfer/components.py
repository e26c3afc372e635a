"""Reading an item's ``components``, values, controls and USML categories."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .model import COMPONENT_KEYS, CONTROLS, Component
from .values import MAX_MONEY, fold, money_text, shown
from .vocab import read_extras

if TYPE_CHECKING:
    from .reader import Reader

Path = tuple[str | int, ...]
_TOLERANCE = 0.01  # value_usd and unit_value_usd × count may differ by 1% (rounding)


def line_value(
    r: Reader, raw: dict[str, Any], path: Path, count: int
) -> tuple[float | None, float | None]:
    """A line's unit value and total from ``unit_value_usd``/``value_usd`` and ``count``."""
    # (an absent value is None: not read, nor its path made)
    unit = raw.get("unit_value_usd")
    unit = None if unit is None else r.money(unit, path + ("unit_value_usd",))
    total = raw.get("value_usd")
    total = None if total is None else r.money(total, path + ("value_usd",))
    if unit is not None and total is not None:
        expected = unit * count
        if abs(expected - total) > _TOLERANCE * max(expected, total):
            raise r.fail(
                path + ("value_usd",),
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
            path + ("unit_value_usd" if "unit_value_usd" in raw else "value_usd",),
            f"the line totals {money_text(total)}, over $10 trillion",
            "check the units and the quantity",
        )
    return unit, total


def value_path(raw: Any, path: Path) -> Path:
    """The path of the value written in ``raw`` (its unit value first), else ``path``."""
    for key in ("unit_value_usd", "value_usd"):
        if isinstance(raw, dict) and key in raw:
            return path + (key,)
    return path


def read_control(r: Reader, raw: Any, path: Path) -> str | None:
    """The export control regime written at ``path``, if any."""
    if raw is None:
        return None
    return r.choice(raw, path, CONTROLS, "control")


_ROMAN = ("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI").split()


def read_usml(r: Reader, raw: Any, path: Path) -> str | None:
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


def read_component(r: Reader, raw: Any, path: Path, quantity: int, catalogue: bool) -> Component:
    """Validate one component of an item bought ``quantity`` times."""
    c = r.mapping(raw, path, COMPONENT_KEYS, ("description",))
    # (each key left out is read as absent without a call, nor its path made)
    per_unit = 1 if c.get("per_unit") is None else r.count(c["per_unit"], path + ("per_unit",), 1)
    unit, total = line_value(r, c, path, per_unit * quantity)
    origin = None
    if c.get("origin") is not None:
        origin = r.country(c["origin"], path + ("origin",))[0]
    control = c.get("control")
    extras, control = read_extras(
        r,
        c,
        path,
        None if control is None else read_control(r, control, path + ("control",)),
        item=False,
        us_origin=origin in (None, "US"),
    )
    usml = c.get("usml_category")
    mde = c.get("major_defense_equipment")
    return Component(  # (the fields by position: by keyword, they are packed in a dictionary first)
        r.text(c["description"], path + ("description",)) or "",
        origin,
        control,
        per_unit,
        unit,
        total,
        None if usml is None else read_usml(r, usml, path + ("usml_category",)),
        None if mde is None else r.flag(mde, path + ("major_defense_equipment",)),
        r.loc(path),
        catalogue,
        extras,
    )


_GENERIC = frozenset(
    "the and for with from made part parts component components unit units system systems "
    "assembly kit set suite type series model variant engine engines motor turboshaft turbofan "
    "turbojet turboprop radar sight usa origin".split()
)


def significant_words(text: str) -> set[str]:
    """The distinctive words of a description (``T800`` in ``LHTEC T800-4A engine``)."""
    return {w for w in fold(text).split() if len(w) >= 3 and w not in _GENERIC}


def missing_us_components(catalogue: Any, listed: list[Component]) -> list[dict[str, Any]]:
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

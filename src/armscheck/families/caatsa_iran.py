"""CAATSA §107 (22 U.S.C. 9406): arms transfers to or from Iran.

§107 reaches any person who knowingly materially contributes to the supply,
sale or transfer to or from Iran of battle tanks, armoured combat vehicles,
large-calibre artillery, combat aircraft, attack helicopters, warships and
missiles as defined for the UN Register of Conventional Arms (armed UAVs are
combat aircraft, category IV), or of related materiel including spare parts,
or related training. The item categories are read from ``categories.yaml``:
its ``register`` and ``related_materiel`` keys.
"""

from __future__ import annotations

from typing import Any

from ..facts import Change, Context, Fact, FactKind
from ..transfer import Item

IRAN = "IR"
KIND = FactKind(
    "caatsa-iran-transfer",
    "caatsa",
    {
        "direction": "str",
        "iran_party": "str",
        "other_party": "str",
        "covered": "bool",
        "covered_items": "str",
        "other_items": "str",
        "date": "str",
    },
    "arms go to or from Iran (CAATSA §107)",
)


def scope(item: Item, categories: dict[str, dict[str, Any]]) -> str | None:
    """``register``, ``related`` or None: how §107 reaches the item's category."""
    info = categories.get(item.category) or {}
    if info.get("military") is False:
        return None
    if info.get("register"):
        return "register"
    if info.get("related_materiel"):
        return "related"
    return None


def _party(names: list[str], country: str) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    return f"{', '.join(names)} ({country})" if names else country


def build(ctx: Context, change: Change) -> list[Fact]:
    """The ``caatsa-iran-transfer`` fact, when exactly one side is Iran."""
    t = ctx.transfer
    from_iran = t.supplier.country == IRAN
    if from_iran == (t.recipient.country == IRAN):
        return []
    cats = ctx.reference.categories
    covered: list[tuple[Item, str]] = []
    others: list[Item] = []
    for it in t.items:
        how = scope(it, cats)
        if how is None:
            others.append(it)
        else:
            covered.append((it, how))
    supplier = _party(list(t.supplier.entities), t.supplier.country_name)
    recipient = _party(
        [t.recipient.end_user or "", *t.recipient.entities], t.recipient.country_name
    )
    assumptions = [
        f"'{it.description}' ({it.loc.path}) is taken to be related materiel for arms in the "
        "UN Register categories; if it serves other equipment (small arms, air defence), "
        "§107 does not reach it."
        for it, how in covered
        if how == "related"
    ]

    def label(it: Item, how: str) -> str:
        register = (cats.get(it.category) or {}).get("register")
        what = f"UN Register category {register}" if how == "register" else "related materiel"
        return f"{it.description} ({what})"

    iran_loc = t.loc("supplier", "country") if from_iran else t.loc("recipient", "country")
    items = [it for it, _ in covered] or list(t.items)
    return [
        Fact(
            kind=KIND.kind,
            key="caatsa:107",
            fields={
                "direction": "from" if from_iran else "to",
                "iran_party": supplier if from_iran else recipient,
                "other_party": recipient if from_iran else supplier,
                "covered": bool(covered),
                "covered_items": "; ".join(label(it, how) for it, how in covered) or "none",
                "other_items": "; ".join(it.description for it in others) or "none",
                "date": ctx.date.isoformat(),
            },
            evidence=(t.loc("date"), iran_loc, *(it.loc for it in items)),
            assumptions=tuple(assumptions),
            changes=(change,) if covered else (),
        )
    ]

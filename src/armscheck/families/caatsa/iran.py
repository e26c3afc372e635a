"""CAATSA §107 (22 U.S.C. 9406): arms transfers to or from Iran.

§107 reaches any person who knowingly materially contributes to the supply,
sale or transfer, directly or indirectly, to or from Iran, or for the use in or
benefit of Iran, of battle tanks, armoured combat vehicles, large-calibre
artillery, combat aircraft, attack helicopters, warships and missiles or
missile systems as defined for the UN Register of Conventional Arms (armed UAVs
are combat aircraft, category IV; since 2003 MANPADS are category VII), or of
related materiel including spare parts; and (a)(2) training, services or
assistance provided *to* Iran related to those arms. The Register category
comes from :func:`register.register_category`; related materiel from
``categories.yaml``'s ``related_materiel`` key, narrowed by the system it
serves when the item names one, or by the category of the weapon it serves
(``serves_category``) when the transfer states it: a stated category decides
without an assumption, either way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ...facts import Change, Context, Fact, FactKind
from ...newfact import new_fact
from ...rulebook.reference import Reference
from ...screening import curated
from ...transfer.model import Item, Loc, Transfer
from ..catalogue import system_entry
from ..parties import Hit, Named, named_parties, screen
from ..register import register_category, register_of

IRAN = "IR"
SERVICES = frozenset({"training", "defense-services"})
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
        "outside": "str",
        "date": "str",
    },
    "arms go to or from Iran (CAATSA §107)",
)


def scope(item: Item, ref: Reference, to_iran: bool = True) -> tuple[str | None, str]:
    """(how, why): how §107 reaches the item ("register", "related", "services" or None).

    ``why`` is a short reason when it does not (empty otherwise).
    """
    cats = ref.categories
    info = cats.get(item.category) or {}
    served = item.extras.serves_category
    text = f"{item.extras.for_system or ''} {item.description}"
    if served and not register_of(served, text, cats):
        return None, f"the weapon it serves ({served}) is outside the Register categories"
    if info.get("military") is False and not served:
        return None, "dual-use"
    if register_category(item, cats):
        return "register", ""
    if item.category in SERVICES and not to_iran:
        return None, "training or services provided by Iran, not materiel"
    if served:  # stated in the transfer: it decides, the catalogue does not
        return ("services" if item.category in SERVICES else "related"), ""
    if not info.get("related_materiel"):
        return None, "not in the Register categories"
    system = system_entry(ref, item.system)
    if system is not None:
        names = " ".join(str(x) for x in [system.get("name"), *(system.get("aliases") or [])])
        if not register_of(str(system.get("category") or ""), names, cats):
            return None, (
                f"for the {system.get('name')} ({system.get('category')}), a system outside "
                "the Register categories"
            )
    return ("services" if item.category in SERVICES else "related"), ""


def _party(names: list[str], country: str) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    return f"{', '.join(names)} ({country})" if names else country


def iranian_hits(ctx: Context) -> list[Hit]:
    """Iranian state or military entities named by a party outside Iran."""
    names = [n for n in named_parties(ctx.transfer) if n.country != IRAN]
    return screen(names, ctx.reference, curated.CAATSA_IRAN)


def _indirect(t: Transfer, hits: list[Hit], side: str) -> tuple[str, list[Named]]:
    mine = list(dict.fromkeys(h.named for h in hits if h.named.side == side))
    if not mine:
        return "", []
    entries = ", ".join(dict.fromkeys(str(h.entry.get("name")) for h in hits if h.named in mine))
    way = "to" if side == "recipient" else "from"
    country = t.recipient.country_name if side == "recipient" else t.supplier.country_name
    return (
        f"The transfer is consigned via {country}, but {', '.join(n.name for n in mine)} "
        f"({', '.join(n.loc.path for n in mine)}) is taken to be {entries}, an Iranian entity, "
        f"so it is treated as a transfer {way} Iran, directly or indirectly (§107(a)).",
        mine,
    )


def build(ctx: Context, change: Callable[[], Change]) -> list[Fact]:
    """The ``caatsa-iran-transfer`` fact, when exactly one side is Iran (or acts for it).

    ``change`` gives the date change the fact offers when §107 covers an item.
    """
    t = ctx.transfer
    hits = iranian_hits(ctx)
    if not hits and (t.supplier.country == IRAN) == (t.recipient.country == IRAN):
        return []  # neither side is Iran, or both are, and no party acts for it
    to_note, to_named = _indirect(t, hits, "recipient")
    from_note, from_named = _indirect(t, hits, "supplier")
    from_iran = t.supplier.country == IRAN or bool(from_named)
    to_iran = t.recipient.country == IRAN or bool(to_named)
    if from_iran == to_iran:
        return []
    covered: list[tuple[Item, str]] = []
    others: list[tuple[Item, str]] = []
    for it in t.items:
        how, why = scope(it, ctx.reference, to_iran)
        if how is None:
            others.append((it, why))
        else:
            covered.append((it, how))
    supplier = _party(list(t.supplier.entities), t.supplier.country_name)
    recipient = _party(
        [t.recipient.end_user or "", *t.recipient.entities], t.recipient.country_name
    )
    cats = ctx.reference.categories
    assumptions = [a for a in (to_note, from_note) if a]
    assumptions += [
        f"'{it.description}' ({it.loc.path}) is taken to be related materiel for arms in the "
        "UN Register categories; if it serves other equipment (small arms, air defence other "
        "than MANPADS), §107 does not reach it."
        for it, how in covered
        if how == "related" and not it.extras.serves_category
    ]
    assumptions += [
        f"'{it.description}' ({it.loc.path}) is dual-use but stated to serve a weapon of "
        f"category {it.extras.serves_category}, so it is taken as related materiel of a "
        "Register weapon "
        "(§107(a)(1)); if it is not made or adapted for that weapon, §107 may not reach it."
        for it, how in covered
        if how == "related" and cats.get(it.category, {}).get("military") is False
    ]
    assumptions += [
        f"'{it.description}' ({it.loc.path}) is taken to be training or services provided to "
        "Iran for arms in the UN Register categories (§107(a)(2)); for other equipment §107 "
        "does not reach it."
        for it, how in covered
        if how == "services" and not it.extras.serves_category
    ]

    def label(it: Item, how: str) -> str:
        what = {
            "register": f"UN Register category {register_category(it, cats)}",
            "related": f"related materiel, serving {it.extras.serves_category}"
            if it.extras.serves_category
            else "related materiel",
            "services": "training or services provided to Iran, §107(a)(2)",
        }[how]
        return f"{it.description} ({what})"

    outside = "; ".join(f"{it.description} ({why})" for it, why in others)
    iran_loc = _iran_locs(t, from_iran, from_named if from_iran else to_named)
    items = [it for it, _ in covered] or list(t.items)
    return [
        new_fact(
            kind=KIND.kind,
            key="caatsa:107",
            fields={
                "direction": "from" if from_iran else "to",
                "iran_party": supplier if from_iran else recipient,
                "other_party": recipient if from_iran else supplier,
                "covered": bool(covered),
                "covered_items": "; ".join(label(it, how) for it, how in covered) or "none",
                "other_items": outside or "none",
                "outside": f" Outside §107: {outside}." if covered and outside else "",
                "date": ctx.date.isoformat(),
            },
            evidence=(ctx.loc("date"), *iran_loc, *(it.loc for it in items)),
            assumptions=tuple(assumptions),
            changes=partial(_changes, change, covered) if covered else (),  # when asked
        )
    ]


def _changes(change: Callable[[], Change], covered: list[tuple[Item, str]]) -> tuple[Change, ...]:
    """The date change, and small arms as the weapon served when every item is a guess."""
    guessed = [it for it, how in covered if how != "register" and not it.extras.serves_category]
    if len(guessed) < len(covered):
        return (change(),)
    return (
        change(),
        Change(
            "the parts, ammunition or services serve small arms or another weapon outside "
            "the UN Register categories",
            tuple((f"items[{it.index}].serves_category", "small-arms") for it in guessed),
        ),
    )


def _iran_locs(t: Transfer, from_iran: bool, named: list[Named]) -> tuple[Loc, ...]:
    if named:
        return tuple(n.loc for n in named)
    return (t.loc("supplier", "country") if from_iran else t.loc("recipient", "country"),)

"""The parties of a CAATSA §231 transaction: the Russian sector side and the exposed side."""

from __future__ import annotations

import datetime as dt

from ...facts import Change, Context, Fact, FactKind
from ...newfact import new_fact
from ...transfer.model import Item, Loc
from ...transfer.vocab import STATE_FORCES
from ..parties import Hit
from .ventures import joint_ventures

RUSSIA = "RU"
SECTOR_TEXT = {"defense": "defence", "intelligence": "intelligence"}
CIVIL_SELLER = FactKind(
    "caatsa-russian-civil-seller",
    "caatsa",
    {"seller": "str", "buyer": "str", "items": "str", "date": "str"},
    "a Russian seller, not on the §231 list, sells only dual-use items abroad",
)
PRIVATE_BUYER = FactKind(
    "caatsa-russian-private-buyer",
    "caatsa",
    {"buyer": "str", "end_user_type": "str", "seller": "str", "items": "str", "date": "str"},
    "a Russian buyer that is not the government, not on the §231 list, buys military items",
)
# the change a private-buyer fact proposes (the same for every transfer: made once)
GOVERNMENT_BUYER = (
    Change(
        "the Russian buyer is part of, or acts for, the Russian government's "
        "defence or intelligence sector",
        (("recipient.end_user_type", "government"),),
    ),
)


def is_military(item: Item, ctx: Context) -> bool:
    """Whether the item's category is military (not dual-use)."""
    return (ctx.reference.categories.get(item.category) or {}).get("military") is not False


def military_items(ctx: Context) -> tuple[Item, ...]:
    """The transfer's items whose category is military, in order (made once a check)."""
    return ctx.once_for_transfer(
        "caatsa:military", lambda: tuple(it for it in ctx.transfer.items if is_military(it, ctx))
    )


def join(names: list[str]) -> str:
    """Unique non-empty names as "a, b and c"."""
    names = list(dict.fromkeys(n for n in names if n))
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def exposed(ctx: Context, side: str) -> tuple[str, str, tuple[Loc, ...]]:
    """(role, text, evidence) of the party exposed when ``side`` is the Russian sector.

    The text is the party's name and country; when no name is given it is
    "the buyer (Country)" or "the seller (Country)".
    """
    t = ctx.transfer
    if side == "supplier":
        names = [t.recipient.end_user or "", *t.recipient.entities]
        loc = (
            ctx.loc("recipient", "end_user")
            if t.recipient.end_user
            else ctx.loc("recipient", "country")
        )
        who = join(names) or "the buyer"
        return "buyer", f"{who} ({t.recipient.country_name})", (loc,)
    who = join(list(t.supplier.entities)) or "the seller"
    locs = tuple(ctx.loc("supplier", "entities", i) for i in range(len(t.supplier.entities)))
    return "seller", f"{who} ({t.supplier.country_name})", locs or (ctx.loc("supplier", "country"),)


def exposed_phrase(role: str, text: str) -> str:
    """``text`` with its role as an apposition, unless the text already is the role."""
    return text if text.startswith(f"the {role} (") else f"{text}, the {role},"


def inferred(
    ctx: Context, side: str, military: tuple[Item, ...]
) -> tuple[str, str, tuple[Loc, ...]] | None:
    """(counterparty text, assumption, evidence) when the Russian state is the counterparty."""
    t = ctx.transfer
    if t.supplier.country == t.recipient.country:
        return None
    if side == "supplier" and t.supplier.country == RUSSIA and military:
        named = join(list(t.supplier.entities))
        text = (
            f"{named}, a Russian arms seller"
            if named
            else "the Russian state arms-export system (seller not named)"
        )
        return (
            text,
            "The Russian seller is taken to be part of, or to act for, the defence sector of "
            "the Government of the Russian Federation: Russian state arms exports go through "
            "Rosoboronexport or state-owned producers, and the list of specified persons is "
            "not exhaustive.",
            (
                ctx.loc("supplier", "country"),
                *(ctx.loc("supplier", "entities", i) for i in range(len(t.supplier.entities))),
            ),
        )
    if (
        side == "recipient"
        and t.recipient.country == RUSSIA
        and t.recipient.end_user_type in STATE_FORCES
    ):
        buyer = t.recipient.end_user or "end user not named"
        note = (
            ""
            if t.recipient.end_user_type_given
            else " (recipient.end_user_type not given; assumed 'government')"
        )
        locs = [ctx.loc("recipient", "country")]
        if t.recipient.end_user:
            locs.append(ctx.loc("recipient", "end_user"))
        return (
            f"the Russian armed forces ({buyer})",
            "The Russian government buyer is taken to be the Ministry of Defence or the armed "
            "forces, the core of the defence sector of the Government of the Russian "
            f"Federation, whatever the items bought{note}.",
            tuple(locs),
        )
    return None


def listed_text(hits: list[Hit], day: dt.date) -> str:
    """The listed counterparties, each with its listing date and sector."""
    seen: dict[str, str] = {}
    for h in hits:
        when = h.start.isoformat() if h.start else "?"
        sector = SECTOR_TEXT.get(str(h.entry.get("sector")), str(h.entry.get("sector")))
        listed = (
            f"put on the list of specified persons on {when}"
            if h.start is not None and h.start > day
            else f"on the list of specified persons since {when}"
        )
        seen.setdefault(h.entry_name, f"{h.entry_name} ({listed}, {sector} sector)")
    return join(list(seen.values()))


def civil_seller(ctx: Context) -> list[Fact]:
    """The note fact for a Russian seller of dual-use items only, not on the list.

    Built only when the seller side is not already Russia's defence sector.
    """
    t = ctx.transfer
    if t.supplier.country != RUSSIA or t.recipient.country == RUSSIA or not t.items:
        return []
    if military_items(ctx):
        return []
    seller = join(list(t.supplier.entities)) or "the Russian seller (not named)"
    buyer = join([t.recipient.end_user or "", *t.recipient.entities]) or "the buyer"
    locs = [ctx.loc("supplier", "country")]
    locs += [ctx.loc("supplier", "entities", i) for i in range(len(t.supplier.entities))]
    return [
        new_fact(
            kind=CIVIL_SELLER.kind,
            key="caatsa:231:civil-seller",
            fields={
                "seller": seller,
                "buyer": f"{buyer} ({t.recipient.country_name})",
                "items": "; ".join(it.description for it in t.items),
                "date": ctx.date.isoformat(),
            },
            evidence=(*locs, *(it.loc for it in t.items)),
        )
    ]


def notes(ctx: Context, exposed_sides: set[str]) -> list[Fact]:
    """Note facts for the Russia transactions that are not taken as the defence sector."""
    out = civil_seller(ctx) if "recipient" not in exposed_sides else []
    out += private_buyer(ctx) if "supplier" not in exposed_sides else []
    return out + joint_ventures(ctx, exposed_sides)


def private_buyer(ctx: Context) -> list[Fact]:
    """The note fact for a Russian non-state buyer of military items, not on the list.

    A private military company, a security firm or a defence producer may act for the
    defence sector without being named on the list; the note says so instead of a silent clear.
    """
    t = ctx.transfer
    if t.recipient.country != RUSSIA or t.supplier.country == RUSSIA:
        return []
    military = military_items(ctx)
    if not military:
        return []
    buyer = join([t.recipient.end_user or "", *t.recipient.entities]) or "the Russian buyer"
    seller = join(list(t.supplier.entities)) or "the seller"
    return [
        new_fact(
            kind=PRIVATE_BUYER.kind,
            key="caatsa:231:private-buyer",
            fields={
                "buyer": buyer,
                "end_user_type": t.recipient.end_user_type,
                "seller": f"{seller} ({t.supplier.country_name})",
                "items": "; ".join(it.description for it in military),
                "date": ctx.date.isoformat(),
            },
            evidence=(
                ctx.loc("recipient", "country"),
                ctx.loc("recipient", "end_user_type")
                if t.recipient.end_user_type_given
                else ctx.loc("recipient", "country"),
                *(it.loc for it in military),
            ),
            changes=GOVERNMENT_BUYER,
        )
    ]

"""The parties of a CAATSA §231 transaction: the Russian sector side and the exposed side."""

from __future__ import annotations

from ..facts import Context
from ..transfer import Item, Loc
from .caatsa_names import Hit

RUSSIA = "RU"
SECTOR_TEXT = {"defense": "defence", "intelligence": "intelligence"}


def is_military(item: Item, ctx: Context) -> bool:
    """Whether the item's category is military (not dual-use)."""
    return (ctx.reference.categories.get(item.category) or {}).get("military") is not False


def join(names: list[str]) -> str:
    """Unique non-empty names as "a, b and c"."""
    names = list(dict.fromkeys(n for n in names if n))
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def exposed(ctx: Context, side: str) -> tuple[str, str, tuple[Loc, ...]]:
    """(role, text, evidence) of the party exposed when ``side`` is the Russian sector."""
    t = ctx.transfer
    if side == "supplier":
        names = [t.recipient.end_user or "", *t.recipient.entities]
        loc = (
            t.loc("recipient", "end_user")
            if t.recipient.end_user
            else t.loc("recipient", "country")
        )
        who = join(names) or "the buyer"
        return "buyer", f"{who} ({t.recipient.country_name})", (loc,)
    who = join(list(t.supplier.entities)) or "the seller"
    locs = tuple(t.loc("supplier", "entities", i) for i in range(len(t.supplier.entities)))
    return "seller", f"{who} ({t.supplier.country_name})", locs or (t.loc("supplier", "country"),)


def inferred(
    ctx: Context, side: str, military: list[Item]
) -> tuple[str, str, tuple[Loc, ...]] | None:
    """(counterparty text, assumption, evidence) when the Russian state is the counterparty."""
    t = ctx.transfer
    if not military or t.supplier.country == t.recipient.country:
        return None
    if side == "supplier" and t.supplier.country == RUSSIA:
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
                t.loc("supplier", "country"),
                *(t.loc("supplier", "entities", i) for i in range(len(t.supplier.entities))),
            ),
        )
    if (
        side == "recipient"
        and t.recipient.country == RUSSIA
        and t.recipient.end_user_type == "government"
    ):
        buyer = t.recipient.end_user or "end user not named"
        note = (
            ""
            if t.recipient.end_user_type_given
            else " (recipient.end_user_type not given; assumed 'government')"
        )
        return (
            f"the Russian armed forces ({buyer})",
            "The Russian government buyer of military items is taken to be part of the "
            f"defence sector of the Government of the Russian Federation{note}.",
            (t.loc("recipient", "country"),),
        )
    return None


def listed_text(hits: list[Hit]) -> str:
    """The listed counterparties, each with its listing date and sector."""
    seen: dict[str, str] = {}
    for h in hits:
        when = h.start.isoformat() if h.start else "?"
        sector = SECTOR_TEXT.get(str(h.entry.get("sector")), str(h.entry.get("sector")))
        seen.setdefault(
            h.entry_name,
            f"{h.entry_name} (on the list of specified persons since {when}, {sector} sector)",
        )
    return join(list(seen.values()))

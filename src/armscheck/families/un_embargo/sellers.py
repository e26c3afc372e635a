"""When a UN ban on a country's arms exports reaches a seller in another country.

The bans on arms from the DPRK (UNSCR 1718 para 8(b), 1874 para 9) and from Iran (1747 para
5) oblige every state to prohibit procuring such items from that country "whether or not
originating in" it. ``supplier.country`` is only one way a transfer can come from it:

* a party on the selling side is a listed entity of the country's UN regime (the regime's
  ``seller`` in ``un-sanctions-regimes.yaml``): KOMID or Mansudae selling from Sudan or
  Namibia is the DPRK selling;
* the items (or their parts) are of the country's origin, resold by a third country (the
  embargo's ``reaches_origin`` in ``un-embargoes.yaml``), read as an indirect procurement
  from it, with an assumption saying so.
"""

from __future__ import annotations

from typing import Any

from ...facts import Context, Match
from ...records import record
from ...transfer.model import Item, Loc
from ..official_names import OfficialHit, hits, missing
from . import bundled
from . import official as un_official


@record(frozen=True)
class Route:
    """How an export ban reaches this seller: who, where, which items, on what reading."""

    party: str
    evidence: tuple[Loc, ...]
    items: tuple[Item, ...] | None  # None: every item
    assumptions: tuple[str, ...]
    matches: tuple[Match, ...] = ()


def supplier_hits(ctx: Context) -> list[OfficialHit]:
    """The selling side's parties on the UN list (imported, or else the bundled copy).

    They do not depend on the recipient, nor do the ways a ban reaches the seller (below): a
    matrix finds them once for all its recipients.
    """

    def screen() -> list[OfficialHit]:
        if missing(ctx, ("un-sc",)):
            return bundled.hits(ctx, side="supplier")
        return hits(ctx, {"un-sc"}, "supplier")

    return ctx.once_for_transfer("un-embargo:supplier-hits", screen)


def route(ctx: Context, embargo: dict[str, Any]) -> Route | None:
    """The way ``embargo`` (an export ban) reaches a seller outside its target, if any.

    The way depends on the ban's target and whether it reaches items of the target's origin
    alone, so a check works it out once for the several bans on one country's exports.
    """
    key = _key_of(ctx, embargo)
    if key is None:
        return None
    known: dict[tuple[str, bool], Route | None] = ctx.once_for_transfer("un-embargo:routes", dict)
    if key not in known:
        known[key] = _route(ctx, key[0], key[1])
    return known[key]


def reach(ctx: Context, embargo: dict[str, Any]) -> bool:
    """Whether ``embargo`` (an export ban) may reach a seller outside its target at all."""
    return _key_of(ctx, embargo) is not None


Key = tuple[str, bool]


def _key_of(ctx: Context, embargo: dict[str, Any]) -> Key | None:
    """:func:`_key` of ``embargo``, looked up when it is one of the list's."""
    got = _keys(ctx).get(id(embargo))
    return got[1] if got is not None and got[0] is embargo else _key(ctx, embargo)


def _key(ctx: Context, embargo: dict[str, Any]) -> Key | None:
    """(target, reaches origin) of an export ban that a route can reach, else None.

    A route runs through a listed entity of the target's regime (the target is a regime's
    seller) or through items of the target's origin (``reaches_origin``); any other export ban
    reaches only a supplier in the target itself.
    """
    target = str(embargo.get("target") or "")
    if embargo.get("direction") != "export" or not target:
        return None
    origin = bool(embargo.get("reaches_origin"))
    return (target, origin) if origin or target in un_official.sellers(ctx) else None


def _keys(ctx: Context) -> dict[int, tuple[dict[str, Any], Key | None]]:
    """Each embargo of the list (by ``id``, with itself) and its :func:`_key`, once per process."""

    def make() -> dict[int, tuple[dict[str, Any], Key | None]]:
        embargoes = ctx.reference.get("un-embargoes").data.get("embargoes") or []
        return {id(e): (e, _key(ctx, e)) for e in embargoes}

    return ctx.reference.memo("un-embargo:route-keys", make)


def _route(ctx: Context, target: str, reaches_origin: bool) -> Route | None:
    t = ctx.transfer
    if t.supplier.country == target:
        return None
    found_all = supplier_hits(ctx) if target in un_official.sellers(ctx) else []
    regimes = un_official.regimes(ctx) if found_all else {}
    for found in found_all:
        regime = regimes.get(found.entry.extra.get("regime", ""), ({}, None, None))[0]
        if str(regime.get("seller") or "") != target:
            continue
        said = [str(regime["seller_assumption"])] if regime.get("seller_assumption") else []
        return Route(
            f"{found.named.name} ({found.entry.ref} on the UN list, {found.match_text()}), "
            f"selling from {t.supplier.country_name},",
            (found.named.loc,),
            None,
            (*found.assumptions(), *(" ".join(s.split()) for s in said)),
            (found.match(),),
        )
    if not reaches_origin or target not in _origins(ctx):
        return None
    return _by_origin(ctx, target)


def _origins(ctx: Context) -> frozenset[str | None]:
    """The countries of origin of the transfer's items and their parts."""
    items = ctx.transfer.items
    return ctx.once_for_transfer(
        "un-embargo:origins",
        lambda: frozenset(
            [*(it.origin for it in items), *(c.origin for it in items for c in it.components)]
        ),
    )


def _by_origin(ctx: Context, target: str) -> Route | None:
    t = ctx.transfer
    name = ctx.reference.countries[target].name if target in ctx.reference.countries else target
    items: list[Item] = []
    evidence: list[Loc] = []
    for it in t.items:
        parts = [c for c in it.components if c.origin == target]
        if it.origin == target:
            filled = "origin" in it.filled
            evidence.append(it.loc if filled else t.loc("items", it.index, "origin"))
        elif parts:
            evidence += [c.loc for c in parts]
        else:
            continue
        items.append(it)
    if not items:
        return None
    return Route(
        f"This sale of items made in {name}, resold from {t.supplier.country_name},",
        tuple(evidence),
        tuple(items),
        (
            f"The items (or their parts) are of {name} origin, sold on from "
            f"{t.supplier.country_name}: read as procured, indirectly, from {name}, which the "
            f"ban on its arms exports forbids whoever resells them; items that left {name} "
            "before the ban, or that were lawfully bought then, may fall outside it: confirm "
            "when and how they left.",
        ),
    )

"""UN targeted arms embargoes on persons and entities of the imported UN consolidated list.

A party on the buying side that matches an entry of the UN Security Council Consolidated
List becomes one ``un-listed-party`` fact, read with the entry's regime (the letters of its
reference number) in ``rules/lists/un-sanctions-regimes.yaml``: whether the regime bars the
supply of arms to its listed persons, and since when. Where a curated group of
``un-listed-groups.yaml`` already names the same party, its finding cites the UN entry
instead of a second finding. Without an imported UN list, the parties are screened against
the entities bundled in ``un-listed-entities.yaml`` (:mod:`.bundled`), and one
``un-list-missing`` fact says so; for a non-state end user, whose clear verdict rests on that
narrower screening, the fact also carries it as an assumption of the verdict.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...facts import Context, Fact, FactKind, list_citations
from ...newfact import new_fact
from ...transfer.vocab import end_user_class
from ..official_names import cite_also, hits, missing, missing_fact, same_party
from . import bundled

LISTED = FactKind(
    "un-listed-party",
    "un-embargo",
    {
        "party": "str",
        "entry": "str",
        "regime": "str",
        "regime_title": "str",
        "arms_embargo": "bool",
        "since": "str",
        "items_in_scope": "bool",
        "in_scope_items": "str",
        "match": "str",
    },
    "a party on the buying side is on the UN Security Council Consolidated List",
)
MISSING = FactKind(
    "un-list-missing",
    "un-embargo",
    {"lists": "str"},
    "the transfer names parties, and the UN consolidated list has not been imported",
)
KINDS = (LISTED, MISSING)


def regimes(ctx: Context) -> dict[str, tuple[dict[str, Any], dt.date | None, dt.date | None]]:
    """Each UN regime of un-sanctions-regimes.yaml by id, with its parsed dates."""
    lst = ctx.reference.get("un-sanctions-regimes")

    def make() -> dict[str, tuple[dict[str, Any], dt.date | None, dt.date | None]]:
        return {
            str(r["id"]): (
                r,
                lst.date(r.get("from"), ("regimes", i, "from")),
                lst.date(r.get("to"), ("regimes", i, "to")),
            )
            for i, r in enumerate(lst.data.get("regimes") or [])
        }

    return ctx.reference.memo("un-official:regimes", make)


def sellers(ctx: Context) -> frozenset[str]:
    """The countries whose arms a regime's listed entities sell (each regime's ``seller``)."""

    def make() -> frozenset[str]:
        found = {str(r.get("seller") or "") for r, _, _ in regimes(ctx).values()}
        return frozenset(found - {""})

    return ctx.reference.memo("un-official:sellers", make)


def build(ctx: Context, curated: list[Fact]) -> list[Fact]:
    """Official UN facts; ``curated`` facts naming the same party gain the UN citation."""
    gone = missing(ctx, ("un-sc",))
    out: list[Fact] = []
    if gone:
        non_state = end_user_class(ctx.transfer.recipient.end_user_type) == "non-state"
        note = (bundled.scope_note(ctx),) if non_state else ()
        out.append(missing_fact(ctx, MISSING.kind, "un:official:missing", gone, note))
    found_all = bundled.hits(ctx, side="recipient") if gone else hits(ctx, {"un-sc"}, "recipient")
    if not found_all:
        return out
    military = [
        it
        for it in ctx.transfer.items
        if (ctx.reference.categories.get(it.category) or {}).get("military") is not False
    ]
    groups = ctx.reference.get("un-listed-groups").data.get("groups") or []
    for found in found_all:
        listed = [f for f in curated if f.fields.get("scope") == "listed"]
        if listed and any(same_party(found, g) for g in groups):
            ids = {id(f) for f in listed}  # (by identity: facts' keys differ, so none is equal)
            curated[:] = [cite_also(f, found, not gone) if id(f) in ids else f for f in curated]
            continue
        e = found.entry
        code = e.extra.get("regime", "")
        regime, start, end = regimes(ctx).get(code, ({}, None, None))
        embargo = bool(regime.get("arms_embargo")) and (end is None or ctx.date < end)
        since = max(d for d in (start, e.listed_from) if d) if (start or e.listed_from) else None
        if embargo and since and ctx.date < since:
            embargo = False
        assumptions = found.assumptions()
        if e.extra.get("unconfirmed"):
            assumptions += (
                f"this rests on an unconfirmed entry ({e.ref} in {bundled.FILE}): "
                f"{e.extra['unconfirmed']}",
            )
        if embargo and regime.get("assumption"):
            assumptions += (str(regime["assumption"]),)
        out.append(
            new_fact(
                kind=LISTED.kind,
                key=f"un:official:{e.ref}:{found.named.loc.path}",
                fields={
                    "party": found.named.name,
                    "entry": found.label(),
                    "regime": code or "?",
                    "regime_title": str(regime.get("title") or e.extra.get("un_list_type") or "?"),
                    "arms_embargo": embargo,
                    "since": since.isoformat() if since else "?",
                    "items_in_scope": bool(military),
                    "in_scope_items": "; ".join(it.description for it in military) or "none",
                    "match": found.match_text(),
                },
                evidence=(found.named.loc,),
                citations=(found.citation(), *list_citations(regime.get("citations"))),
                assumptions=assumptions,
                matches=(found.match(),),
            )
        )
    return out

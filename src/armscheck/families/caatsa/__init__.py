"""CAATSA: §231 (Russia's defence and intelligence sectors) and §107 (Iran arms).

``caatsa-russia-deal`` — one fact per side of the transfer that is Russia's defence or
intelligence sector: a party named on the §231 list of specified persons (in force on the
date, matched with aliases), or, named or not, the Russian state selling military items (or
the Russian government buying them). The *other* side is the exposed party: usually the
buyer, the seller when Russia buys. ``designated``: an exposed party already sanctioned.

``caatsa-iran-transfer`` — a transfer to or from Iran, with whether any item
falls under §107 (UN Register categories or related materiel).

``caatsa-designated-party`` — a party designated under CAATSA, and whether it is on the
exposed side of a Russia transaction here (not carried over to unrelated deals). Notes
(``parties.notes``) cover Russia transactions not taken as the defence sector.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from ...facts import Change, Citation, Context, Fact, FactKind, Family
from ...newfact import new_fact
from ...screening import curated, normalise
from ...transfer.model import Loc
from ...transfer.values import money_text
from ..parties import Hit, named_parties, screen
from . import iran as caatsa_iran
from . import official as caatsa_official
from .dates import date_change, enactment
from .parties import (
    CIVIL_SELLER,
    PRIVATE_BUYER,
    RUSSIA,
    SECTOR_TEXT,
    exposed,
    exposed_phrase,
    inferred,
    join,
    listed_text,
    military_items,
    notes,
)
from .precedents import precedents
from .text import (
    advanced_systems,
    citations,
    primary_citation,
    significance,
    timing,
    unique_citations,
    waiver,
)
from .ventures import JOINT_VENTURE

FAMILY_ID = "caatsa"
RUSSIA_DEAL = FactKind(
    "caatsa-russia-deal",
    FAMILY_ID,
    {
        "side": "str",
        "basis": "str",
        "exposed_role": "str",
        "exposed_party": "str",
        "exposed": "str",
        "counterparty": "str",
        "sector": "str",
        "intelligence": "bool",
        "designated": "bool",
        "designated_party": "str",
        "designated_since": "str",
        "date": "str",
        "items": "str",
        "value_text": "str",
        "significance": "str",
        "precedents": "str",
        "waiver": "str",
        "timing": "str",
    },
    "a side of the transfer is Russia's defence or intelligence sector (CAATSA §231)",
)
DESIGNATED = FactKind(
    "caatsa-designated-party",
    FAMILY_ID,
    {"party": "str", "name": "str", "since": "str", "role": "str", "russia_deal": "bool"},
    "a party to the transfer is designated under CAATSA",
)


def _russia_fact(ctx: Context, side: str, lsp: list[Hit], des: list[Hit]) -> Fact | None:
    t, day = ctx.transfer, ctx.date
    # A person on the list counts from enactment: the sector existed from 2 Aug 2017 and the
    # list only specifies its members, so a later listing date does not open a gap.
    listed = [h for h in lsp if h.named.side == side and (h.end is None or day < h.end)]
    if not listed and RUSSIA not in (t.supplier.country, t.recipient.country):
        return None  # (the usual case) no listed person, and no Russian state to infer
    military = military_items(ctx)
    state = inferred(ctx, side, military)
    if not listed and state is None:
        return None
    start = enactment(ctx)
    items = list(military) if not listed and side == "supplier" else list(t.items)
    role, exposed_text, exposed_locs = exposed(ctx, side)
    other = "recipient" if side == "supplier" else "supplier"
    designated = [h for h in des if h.named.side == other]
    hits = [*listed, *designated]
    assumptions: list[str] = [a for h in hits for a in (h.assumption(), h.unconfirmed()) if a]
    if day >= start:
        assumptions += [
            f"{h.entry_name} was put on the list of specified persons only on "
            f"{h.start.isoformat()}; it is taken to have been part of the "
            f"{SECTOR_TEXT.get(str(h.entry.get('sector')), 'defence')} sector on {day.isoformat()} "
            f"already, since the sector exists from CAATSA's enactment ({start.isoformat()}) "
            "and the list only specifies its members."
            for h in listed
            if h.start is not None and h.start > day
        ]
    evidence: list[Loc] = [ctx.loc("date")]
    if listed:
        counterparty = listed_text(listed, day)
        evidence += [h.named.loc for h in listed]
        sectors = sorted({str(h.entry.get("sector")) for h in listed})
    else:
        assert state is not None
        counterparty, assumption, locs = state
        assumptions.append(assumption)
        evidence += list(locs)
        sectors = ["defense"]
    evidence += list(exposed_locs) + [h.named.loc for h in designated] + [it.loc for it in items]
    intelligence = [h.entry for h in listed if h.entry.get("sector") == "intelligence"]
    systems = advanced_systems(items, ctx.reference)
    sig, sig_assumptions, sig_cites = significance(
        items, ctx.reference, bool(intelligence), systems
    )
    if day < start:
        sig_assumptions = []  # §231 does not apply yet: the wording is moot
    other_country = t.recipient.country if side == "supplier" else t.supplier.country
    prec_text, prec_cites = precedents(ctx.reference, day, other_country, systems)
    cites: list[Citation] = [primary_citation(ctx.reference, "s231")]
    cites += [c for h in listed for c in citations(h.entry.get("citations"), 1)]
    cites += [c for h in designated for c in citations(h.entry.get("citations"), 1)]
    since = min((h.start for h in designated if h.start), default=None)
    return new_fact(
        kind=RUSSIA_DEAL.kind,
        key=f"caatsa:231:{side}",
        fields={
            "side": side,
            "basis": "listed" if listed else "inferred",
            "exposed_role": role,
            "exposed_party": exposed_text,
            "exposed": exposed_phrase(role, exposed_text),
            "counterparty": counterparty,
            "sector": " and ".join(SECTOR_TEXT.get(s, s) for s in sectors),
            "intelligence": bool(intelligence),
            "designated": bool(designated),
            "designated_party": join([_as_named(h) for h in designated]) or "none",
            "designated_since": since.isoformat() if since else "",
            "date": day.isoformat(),
            "items": "; ".join(f"{it.quantity} × {it.description}" for it in items),
            "value_text": money_text(sum(it.value for it in items)),
            "significance": sig,
            "precedents": prec_text,
            "waiver": waiver(ctx.reference, intelligence, day),
            "timing": timing(ctx.reference, day),
        },
        evidence=tuple(dict.fromkeys(evidence)),
        citations=unique_citations([*cites, *sig_cites, *prec_cites]),
        assumptions=tuple(dict.fromkeys([*assumptions, *sig_assumptions])),
        changes=partial(_russia_changes, ctx, designated, since),  # made when asked
        matches=tuple(dict.fromkeys(h.match() for h in [*listed, *designated])),
    )


def _russia_changes(
    ctx: Context, designated: list[Hit], since: dt.date | None
) -> tuple[Change, ...]:
    """Moving the date across CAATSA's enactment, and to before the first designation."""
    if since is None:
        return (date_change(ctx),)
    before = since - dt.timedelta(days=1)
    text = f"a transaction before {designated[0].entry_name} was designated on {since.isoformat()}"
    return (date_change(ctx), Change(text, (("date", before.isoformat()),)))


def _as_named(h: Hit) -> str:
    """The entry's name, with the name written in the transfer when it differs."""
    if normalise(h.named.name).flat == normalise(h.entry_name).flat:
        return h.entry_name
    return f"{h.entry_name} ('{h.named.name}')"


def _designation_facts(des: list[Hit], exposed_sides: set[str]) -> list[Fact]:
    facts: dict[str, Fact] = {}
    for h in des:
        key = f"caatsa:designated:{h.entry.get('id')}:{h.named.loc.path}"
        facts.setdefault(
            key,
            new_fact(
                kind=DESIGNATED.kind,
                key=key,
                fields={
                    "party": h.named.name,
                    "name": h.entry_name,
                    "since": h.start.isoformat() if h.start else "",
                    "role": h.named.side,
                    "russia_deal": h.named.side in exposed_sides,
                },
                evidence=(h.named.loc,),
                citations=tuple(citations(h.entry.get("citations"), 1)),
                assumptions=tuple(a for a in [h.assumption()] if a),
                context={"transaction": str(h.entry.get("transaction") or "")},
                matches=(h.match(),),
            ),
        )
    return list(facts.values())


def _hits(ctx: Context) -> tuple[list[Hit], list[Hit]]:
    names = named_parties(ctx.transfer)
    lsp = screen(names, ctx.reference, curated.CAATSA_LSP)
    des = screen(names, ctx.reference, curated.CAATSA_DESIGNATIONS)
    return lsp, des


def build(ctx: Context) -> list[Fact]:
    """The CAATSA facts for a transfer on ``ctx.date``."""
    lsp, des_all = _hits(ctx)
    des = [h for h in des_all if h.in_force(ctx.date)]
    facts: list[Fact] = []
    exposed: set[str] = set()
    t = ctx.transfer
    # (the usual case) no listed person and no Russian state: no side is the sector
    sides = (
        ("supplier", "recipient")
        if lsp or RUSSIA in (t.supplier.country, t.recipient.country)
        else ()
    )
    for side in sides:
        other = t.recipient if side == "supplier" else t.supplier
        if other.country == "RU":  # Russia's own side is not exposed for dealing with itself
            continue
        fact = _russia_fact(ctx, side, lsp, des)
        if fact is not None:
            facts.append(fact)
            exposed.add("recipient" if side == "supplier" else "supplier")
    facts += notes(ctx, exposed)  # Russia transactions not taken as the defence sector
    facts += caatsa_iran.build(ctx, lambda: date_change(ctx))
    facts += _designation_facts(des, exposed)
    return facts


def change_dates(ctx: Context) -> list[tuple[dt.date, str]]:
    """Listing and designation dates of the entries matching this transfer's parties."""
    lsp, des = _hits(ctx)
    out: list[tuple[dt.date, str]] = []
    for h in lsp:
        if h.start:
            out.append(
                (h.start, f"{h.entry_name} added to the CAATSA §231 list of specified persons")
            )
        if h.end:
            out.append(
                (h.end, f"{h.entry_name} removed from the CAATSA §231 list of specified persons")
            )
    for h in des:
        if h.start:
            out.append(
                (h.start, f"{h.entry_name} designated under CAATSA §{h.entry.get('section')}")
            )
        if h.end:
            out.append((h.end, f"CAATSA designation of {h.entry_name} ends"))
    return sorted(set(out))


def _kinds() -> tuple[FactKind, ...]:
    kinds = (RUSSIA_DEAL, caatsa_iran.KIND, DESIGNATED, CIVIL_SELLER, PRIVATE_BUYER, JOINT_VENTURE)
    return (*kinds, *caatsa_official.KINDS)


def with_official(ctx: Context) -> list[Fact]:
    """The family's facts, then those of the imported official lists."""
    facts = build(ctx)
    return facts + caatsa_official.build(ctx, facts)


FAMILY = Family(
    id=FAMILY_ID,
    title="CAATSA sanctions exposure (§231 Russia's defence and intelligence sectors, §107 Iran)",
    outcomes=("sanctioned", "exposure", "clear"),
    kinds=_kinds(),
    build=with_official,
    change_dates=change_dates,
)

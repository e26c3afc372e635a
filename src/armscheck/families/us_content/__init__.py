"""US-origin content: ITAR see-through, 22 CFR 126.1, EAR de minimis and barred parties.

Facts, all computed on the transfer's date:

* ``us-origin-piece`` for each ITAR item or component moved by a non-US supplier (the ITAR
  sees through integration and has no de minimis) and for each US-origin EAR item re-exported;
* ``us-export`` for each item a US supplier sells (FMS or licensed direct commercial sale);
* ``de-minimis`` for each foreign-made item with counted EAR content: its share, the threshold
  for the destination's country group, and whether it is over (15 CFR 734.4);
* ``proscribed-country`` for a supplier or recipient country under 22 CFR 126.1, with the
  status for this end user and whether US defense content (ITAR or 600-series) is involved;
* ``barred-party`` for a party on the buying side barred from US licences (CAATSA 235(a)(2));
* ``catalogue-entry`` for each item whose facts were filled from the systems catalogue.
"""

from __future__ import annotations

from functools import partial

from ...facts import Context, Fact, Family, in_force
from ...newfact import new_fact
from ...transfer.model import Item, Loc
from ...transfer.values import money_text
from . import changes as changes
from . import lists as lists
from . import official as us_official
from .bars import BAR, bar_dates, bar_facts
from .groups import OTHER, group_unconfirmed, groups_of, licence_policies, near_memberships
from .kinds import (
    AUTHORITY,
    BARRED,
    CATALOGUE,
    DE_MINIMIS,
    EXPORT,
    FAMILY_ID,
    PIECE,
    PROSCRIBED,
    UNREAD,
)
from .pieces import (
    EAR_CLASSES,
    Piece,
    catalogue_fact,
    catalogue_sentences,
    itar_note,
    percent,
    pieces,
)
from .proscribed import exemption_notes, proscribed_facts
from .shares import Share, ear99_counted, share


def _piece_fact(ctx: Context, p: Piece, licence: bool) -> Fact:
    t = ctx.transfer
    usml = p.comp.usml_category if p.comp else p.item.usml_category
    return new_fact(
        kind=PIECE.kind,
        key=f"us:piece:{p.path}",
        fields={
            "level": "component" if p.comp else "item",
            "control": p.control,
            "control_given": p.control_given,
            "licence_needed": licence,
            "what": p.what,
            "usml_text": f" (USML Category {usml})" if usml and p.control == "itar" else "",
            "share_text": p.share_text,
            "supplier": t.supplier.country_name,
            "recipient": t.recipient.end_user or t.recipient.country_name,
        },
        evidence=(p.loc,),
        assumptions=(*p.assumptions, *exemption_notes(ctx, p)),
        changes=partial(changes.retransfer, ctx, p) if p.control == "itar" else (),
    )


def _export_fact(ctx: Context, item: Item, counted99: bool) -> Fact:
    t = ctx.transfer
    channel = t.channel or "dcs"
    control = item.control or "itar"
    notes = list(catalogue_sentences(ctx, item))
    if item.control is None:
        notes.append(itar_note(item.description))
    key = channel if channel in ("fms", "drawdown") else ("itar" if control == "itar" else "ear")
    needed = (
        channel in ("fms", "drawdown")
        or control in ("itar", "ear-600", "ear")
        or (control == "ear99" and counted99)
    )
    text, cites = AUTHORITY[key]
    return new_fact(
        kind=EXPORT.kind,
        key=f"us:export:{item.index}",
        fields={
            "channel": channel,
            "control": control,
            "control_given": item.control is not None,
            "licence_needed": needed,
            "item": item.description,
            "value_text": money_text(item.value),
            "recipient": t.recipient.end_user or t.recipient.country_name,
            "authority_text": text,
        },
        evidence=(item.loc, ctx.loc("channel")),
        citations=cites,
        assumptions=tuple(notes),
    )


def _share_fact(ctx: Context, test: Share) -> Fact:
    t = ctx.transfer
    row = test.threshold.row
    group = test.threshold.group
    notes = [a for p in test.counted for a in p.assumptions]
    if test.value_assumed:
        notes.append(
            f"items[{test.item.index}]: a US component has no value, so the share cannot be "
            "computed; the item is taken to exceed the de minimis level (give value_usd)."
        )
    groups = groups_of(ctx.reference, t.recipient.country, ctx.date)
    if row.get("unconfirmed"):
        notes.append(
            "this rests on an unconfirmed entry (15 CFR 734.4 row in "
            "lists/ear-country-groups.yaml): " + " ".join(str(row.get("note") or "").split())
        )
    group_note = group_unconfirmed(ctx.reference, group)
    if group_note:
        notes.append(group_note)
    if test.over and {"E:1", "E:2"} & set(groups):
        notes += licence_policies(ctx.reference, t.recipient.country, ctx.date)
    if group == OTHER:  # the general level rests on the dates of a nearby group membership
        for near, when in near_memberships(ctx.reference, t.recipient.country, ctx.date):
            flag = group_unconfirmed(ctx.reference, near)
            if flag:
                notes.append(
                    f"{t.recipient.country_name} is taken to be outside Country Group {near} "
                    f"on this date (membership changes on {when.isoformat()}); {flag}"
                )
    if group != OTHER:
        label = f" (Country Group {group})"
    elif groups:
        plural = "s" if len(groups) > 1 else ""
        label = f" (Country Group{plural} {', '.join(groups)}; the general level applies)"
    else:
        label = " (in no listed country group; the general level applies)"
    return new_fact(
        kind=DE_MINIMIS.kind,
        key=f"us:deminimis:{test.item.index}",
        fields={
            "item": f"items[{test.item.index}] ({test.item.description})",
            "share": round(test.share, 6),
            "threshold": test.threshold.percent or 0.0,
            "group": group,
            "over": test.over,
            "value_assumed": test.value_assumed,
            "share_text": "share unknown (value not given); treated as over the threshold"
            if test.value_assumed
            else f"{percent(test.share)} of its value",
            "threshold_text": test.threshold_text,
            "classes_text": test.classes_text,
            "destination": t.recipient.country_name + label,
            "embargoed": bool({"E:1", "E:2"} & set(groups)),
        },
        evidence=(*(p.loc for p in test.counted), ctx.loc("recipient", "country")),
        citations=lists.citations(row.get("citations")),
        assumptions=tuple(dict.fromkeys(notes)),
        context={"note": str(row.get("note") or "")},
        changes=partial(changes.de_minimis, ctx, test) if test.over else (),
    )


def _barred_facts(ctx: Context, needs: list[str]) -> list[Fact]:
    t = ctx.transfer
    rec = t.recipient
    names = [*rec.entities, *([rec.end_user] if rec.end_user else [])]
    out = []
    for found in lists.barred_named(ctx.reference, names, rec.country):
        if not in_force(found.start, found.end, ctx.date):
            continue
        where = (
            ctx.loc("recipient", "entities", rec.entities.index(found.matched))
            if found.matched in rec.entities
            else ctx.loc("recipient", "end_user")
        )
        out.append(
            new_fact(
                kind=BARRED.kind,
                key=f"us:barred:{found.entry.get('id')}",
                fields={
                    "party": str(found.entry.get("name")),
                    "matched": found.matched,
                    "named": found.matched
                    if found.exact and found.alias == found.entry.get("name")
                    else f"{found.matched} ({found.entry.get('name')})",
                    "since": found.start.isoformat() if found.start else "",
                    "us_authorization": bool(needs),
                    "authorization_text": "; ".join(needs) or "none",
                    "blocked": bool(found.entry.get("blocked")),
                    "us_supplier": t.supplier.country == "US",
                },
                evidence=(where,),
                citations=lists.citations(found.entry.get("citations")),
                assumptions=tuple(a for a in (found.assumption(where.path),) if a),
                context={"note": str(found.entry.get("note") or "")},
                changes=partial(changes.barred, ctx, found) if needs else (),
                matches=(found.match(),),
            )
        )
    return out


def build(ctx: Context) -> list[Fact]:
    """The us-content facts for a transfer on ``ctx.date``."""
    t = ctx.transfer
    facts: list[Fact] = []
    needs: list[str] = []
    content: list[tuple[str, Loc, Piece | None]] = []
    found = pieces(ctx)
    exports = t.supplier.country == "US" and t.recipient.country != "US"
    # whether EAR99 content needs a licence there: asked only when there is some
    ear99 = (
        any(i.control == "ear99" for i in t.items)
        if exports
        else any(p.control == "ear99" and p.comp is None for p in found)
    )
    counted99 = ear99 and ear99_counted(ctx)
    facts.extend(catalogue_fact(ctx, item) for item in t.items if item.system)
    if exports:
        for item in t.items:
            fact = _export_fact(ctx, item, counted99)
            facts.append(fact)
            if fact.fields["licence_needed"]:
                needs.append(f"US export of items[{item.index}] ({fact.fields['channel']})")
            if fact.fields["control"] in ("itar", "ear-600"):
                content.append((f"{item.description} ({fact.fields['control']})", item.loc, None))
    for p in found:
        if p.control == "itar":
            facts.append(_piece_fact(ctx, p, True))
            needs.append(f"ITAR retransfer of {p.path}")
            content.append((f"{p.description} (itar)", p.loc, p))
        elif p.comp is None:
            licence = p.control != "ear99" or counted99
            facts.append(_piece_fact(ctx, p, licence))
            if licence:
                needs.append(f"EAR re-export of {p.path}")
                if p.control == "ear-600":
                    content.append((f"{p.description} (ear-600)", p.loc, p))
    by_item: dict[int, list[Piece]] = {}  # one pass, not one per item (linear in the file)
    for p in found:
        if p.comp and p.control in EAR_CLASSES:
            by_item.setdefault(id(p.item), []).append(p)
    for item in t.items:
        mine = by_item.get(id(item), [])
        test = share(ctx, item, mine) if mine else None
        if test is None:
            continue
        facts.append(_share_fact(ctx, test))
        if test.over:
            needs.append(f"EAR de minimis exceeded for items[{item.index}]")
            content.extend(
                (f"{p.description} (ear-600)", p.loc, p)
                for p in test.counted
                if p.control == "ear-600"
            )
    facts.extend(proscribed_facts(ctx, content))
    facts.extend(_barred_facts(ctx, needs))
    facts.extend(bar_facts(ctx))
    return facts


def with_official(ctx: Context) -> list[Fact]:
    """The family's facts, then those of the imported official lists."""
    facts = build(ctx)
    return facts + us_official.build(ctx, facts)


FAMILY = Family(
    id=FAMILY_ID,
    title="US-origin content: ITAR retransfer, 22 CFR 126.1, EAR de minimis, barred parties",
    outcomes=("denial", "authorization-required", "clear"),
    kinds=(
        PIECE,
        EXPORT,
        DE_MINIMIS,
        PROSCRIBED,
        UNREAD,
        BARRED,
        CATALOGUE,
        BAR,
        *us_official.KINDS,
    ),
    build=with_official,
    change_dates=lambda ctx: [*changes.change_dates(ctx), *bar_dates(ctx)],
)

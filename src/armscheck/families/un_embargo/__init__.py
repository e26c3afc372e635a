"""UN Security Council arms embargoes: facts from ``lists/un-embargoes.yaml``.

For every embargo phase in force on the transfer's date whose target is a
party to the transfer (the supplier for export bans, the recipient, its region
or a listed group for import bans), one ``embargo-party`` fact says who is
targeted, whether any item is within the phase's item scope, and what the
phase means for this end user: ``prohibited``, ``approval``,
``notification`` or ``exempt``. An export ban also reaches a seller in another
country that is a listed entity of the target's regime, or that resells items of
the target's origin (:mod:`.sellers`).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from ...facts import Change, Context, Fact, FactKind, Family
from ...newfact import new_fact
from . import bundled, sellers
from . import official as un_official
from .annexes import Judged, grouped, judge_all
from .names import group_matches, groups_matched, groups_matched_any
from .notes import phase_citations, phase_notes, unconfirmed_notes
from .scope import (
    _end_user_type,
    _item_notes,
    _status,
    _target,
    dated_phases,
    item_in_scope,
    per_phase,
    phases_for,
)

KIND = FactKind(
    "embargo-party",
    "un-embargo",
    {
        "embargo": "str",
        "title": "str",
        "direction": "str",
        "role": "str",
        "scope": "str",
        "status": "str",
        "items_in_scope": "bool",
        "region_known": "bool",
        "contested": "bool",
        "party": "str",
        "since": "str",
        "until": "str",
        "in_scope_items": "str",
        "unconfirmed": "bool",
    },
    "a party to the transfer is the target of a UN arms-embargo phase in force",
)


def build(ctx: Context) -> list[Fact]:
    """The ``embargo-party`` facts for a transfer on ``ctx.date``."""
    groups = groups_matched(ctx, ctx.date)
    t = ctx.transfer
    facts: list[Fact] = []
    for embargo, i, phase, start, end in phases_for(ctx, ctx.date, bool(groups)):
        target = _target(ctx, embargo, phase, groups)
        via = None if target else sellers.route(ctx, embargo)
        if target is None and via is None:
            continue
        role, region_known, evidence = target or ("supplier", True, via.evidence if via else ())
        eut, actor = _end_user_type(ctx, embargo)
        base = _status(phase, eut)
        scope_items = [
            it
            for it in (via.items or t.items if via else t.items)
            if item_in_scope(
                it.category, phase.get("items") or "all", ctx.reference.categories, it.description
            )
        ]
        judged = judge_all(ctx, phase, scope_items, eut, base, role)
        assumptions = phase_notes(ctx, embargo, phase, role, region_known, eut, actor, groups)
        assumptions += list(via.assumptions) if via else []
        listed = [g for g in phase.get("groups") or [] if g in groups]
        party = (
            (via.party if via else t.supplier.country_name)
            if role == "supplier"
            else (t.recipient.end_user or t.recipient.country_name)
        )
        parts = grouped(judged, base)
        for status, group in parts:
            items = [j.item for j in group]
            notes = _item_notes(ctx, phase, items)
            if phase.get("assumption") and items:
                notes.append(" ".join(str(phase["assumption"]).split()))
            facts.append(
                new_fact(
                    kind=KIND.kind,
                    key=f"un:{embargo['id']}:{i}" + (f":{status}" if len(parts) > 1 else ""),
                    fields={
                        "embargo": str(embargo["id"]),
                        "title": str(embargo.get("title") or embargo["id"]),
                        "direction": str(embargo.get("direction")),
                        "role": role,
                        "scope": str(phase.get("scope") or "territory"),
                        "status": status,
                        "items_in_scope": bool(items),
                        "region_known": region_known,
                        "contested": bool(phase.get("contested")),
                        "party": party,
                        "since": start.isoformat() if start else "",
                        "until": end.isoformat() if end else "",
                        "in_scope_items": ", ".join(it.description for it in items) or "none",
                        "unconfirmed": bool(unconfirmed_notes(ctx, embargo, phase)),
                    },
                    evidence=(*evidence, *(it.loc for it in items)),
                    citations=phase_citations(ctx, phase),
                    assumptions=tuple(
                        dict.fromkeys(
                            [*notes, *assumptions, *(a for j in group for a in j.assumptions)]
                        )
                    ),
                    contested=bool(phase.get("contested")),
                    context={"note": str(phase.get("note") or "")},
                    changes=functools.partial(_changes, ctx, phase, role, start, end, group),
                    matches=(group_matches(ctx, listed) if phase.get("scope") == "listed" else ())
                    + ((actor[2],) if actor and role == "recipient" else ())
                    + (via.matches if via else ()),
                )
            )
    return facts


def _changes(
    ctx: Context,
    phase: dict[str, Any],
    role: str,
    start: dt.date | None,
    end: dt.date | None,
    group: list[Judged],
) -> tuple[Change, ...]:
    """Changes that could lift this phase (other dates, an exempt end user), then the items'.

    Made when first asked for: only counterfactuals read them.
    """
    build = functools.partial(_phase_changes, phase, start, end)  # they depend on it alone
    dates, exempt = per_phase(ctx, "un-embargo:changes", phase, build)
    items = tuple(c for j in group for c in j.changes)
    if role != "recipient":
        return dates + items
    now = ctx.transfer.recipient.end_user_type
    return dates + tuple(c for eut, c in exempt if eut != now) + items


PhaseChanges = tuple[tuple[Change, ...], tuple[tuple[Any, Change], ...]]


def _phase_changes(
    phase: dict[str, Any], start: dt.date | None, end: dt.date | None
) -> PhaseChanges:
    """The changes of dates that lift ``phase``, and each exempt end user's change."""
    out: list[Change] = []
    if start is not None:
        before = start - dt.timedelta(days=1)
        out.append(
            Change(
                f"a transfer dated {before}, the day before this phase began",
                (("date", str(before)),),
            )
        )
    if end is not None:
        out.append(
            Change(f"a transfer dated {end}, the day this phase ended", (("date", str(end)),))
        )
    exempt = list(phase.get("exempt_end_users") or [])
    if phase.get("scope") == "non-state":
        exempt.append("government")
    users = tuple(
        (eut, Change(f"an end user of type {eut}", (("recipient.end_user_type", eut),)))
        for eut in dict.fromkeys(exempt)
    )
    return tuple(out), users


def change_dates(ctx: Context) -> list[tuple[dt.date, str]]:
    """Start and end dates of every embargo phase that could target this transfer's parties."""
    t = ctx.transfer
    named = groups_matched_any(ctx)
    out: list[tuple[dt.date, str]] = []
    starts = {(e["id"], s) for e, _, _, s, _ in dated_phases(ctx) if s}
    for embargo, _, phase, start, end in dated_phases(ctx):
        party = t.supplier.country if embargo.get("direction") == "export" else t.recipient.country
        listed = bool(set(phase.get("groups") or []) & named)
        if embargo.get("target") != party and not listed:
            continue
        cite = (phase.get("citations") or [{}])[0].get("instrument", embargo["id"])
        title = embargo.get("title", embargo["id"])
        if start is not None:
            out.append((start, f"{cite}: {title}: {_phase_words(phase)}"))
        if end is not None and (embargo["id"], end) not in starts:  # not a mere change of phase
            out.append((end, f"{title} ends"))
    groups = ctx.reference.get("un-listed-groups")
    for g in groups.data.get("groups") or []:
        if str(g.get("id")) in named:
            for key, verb in (("listed_from", "listed"), ("listed_to", "delisted")):
                day = groups.date(g.get(key), ("groups",))
                if day is not None:
                    out.append((day, f"{g.get('name')} {verb} under a UN arms embargo"))
    return out


def _phase_words(phase: dict[str, Any]) -> str:
    """A phase in a few words: ``supplies prohibited (non-state forces only)``."""
    regime = {
        "approval": "prior approval required",
        "notification": "advance notification required",
    }.get(str(phase.get("regime")), "supplies prohibited")
    scope = {
        "territory": "whole country",
        "non-state": "non-state forces only",
        "listed": "listed groups",
        "region": "named regions",
    }.get(str(phase.get("scope")), str(phase.get("scope")))
    exempt = [e for e in phase.get("exempt_end_users") or [] if e != "un-mission"]
    extra = f"; {', '.join(exempt)} exempt" if exempt and phase.get("scope") != "non-state" else ""
    for who, how in (phase.get("conditional_end_users") or {}).items():
        extra += f"; {who} needs {how}"
    return f"{regime} ({scope}{extra})"


def with_official(ctx: Context) -> list[Fact]:
    """The family's facts, then those of the imported official lists."""
    facts = build(ctx)
    return facts + un_official.build(ctx, facts)


FAMILY = Family(
    id="un-embargo",
    title="UN Security Council arms embargoes",
    outcomes=("violation", "conditional", "clear"),
    kinds=(KIND, *un_official.KINDS),
    build=with_official,
    change_dates=change_dates,
    indexes=bundled.indexes,
)

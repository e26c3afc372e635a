"""Whether a UN arms-embargo phase reaches a transfer.

Each phase of ``lists/un-embargoes.yaml`` with its parsed dates, which party it
targets, which items fall within its item scope, and what it means for the end
user.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from ...facts import Context, Match, kept_for
from ...rulebook.reference import RefList
from ...transfer.model import Loc
from ...transfer.vocab import end_user_class
from ..register import register_of
from .names import non_state_actor, place_in
from .sellers import reach

T = TypeVar("T")


def per_phase(ctx: Context, name: str, phase: dict[str, Any], build: Callable[[], T]) -> T:
    """A value that depends on ``phase`` alone (of the lists), made once per process and phase."""
    kept: dict[int, tuple[Any, T]] = ctx.reference.memo(name, dict)
    return kept_for(kept, phase, build)


def item_in_scope(
    category: str, scope: Any, categories: dict[str, dict[str, Any]], description: str = ""
) -> bool:
    """Whether an item falls within an embargo's item scope.

    Register-limited scopes use the UN Register categories, in which MANPADS are
    missiles (category VII) since 2003 even though the transfer files them under
    light weapons or air defence.
    """
    info = categories.get(category) or {}
    if info.get("military") is False:
        return False
    if isinstance(scope, list):
        return category in scope
    if scope == "register":
        return bool(register_of(category, description, categories) or info.get("related_materiel"))
    if scope == "salw":
        return bool(info.get("salw"))
    if scope == "all-except-salw":  # ammunition stays in: only SALW themselves are carved out
        return not info.get("salw") or bool(info.get("related_materiel"))
    return True


def _status(phase: dict[str, Any], end_user_type: str) -> str:
    """``exempt``, the condition for the end user, or the phase's regime.

    A finer end-user type (armed group, multinational force ...) counts as itself where the
    list names it, and otherwise as its class (government, non-state, un-mission); the finer
    types that are not the government nor a UN mission are non-state here, the stricter reading.
    """
    cls = end_user_class(end_user_type)
    conditional = phase.get("conditional_end_users") or {}
    for key in (end_user_type, cls):
        if key in conditional:
            return str(conditional[key])
    exempt = phase.get("exempt_end_users") or []
    if end_user_type in exempt or cls in exempt:
        return "exempt"
    if phase.get("scope") == "non-state" and cls != "non-state":
        return "exempt"
    return str(phase.get("regime") or "prohibited")


def _target(
    ctx: Context, embargo: dict[str, Any], phase: dict[str, Any], groups: dict[str, dict[str, Any]]
) -> tuple[str, bool, tuple[Loc, ...]] | None:
    """(role, region_known, evidence) when a party is the phase's target, else None."""
    t = ctx.transfer
    if embargo.get("direction") == "export":
        if t.supplier.country != embargo.get("target"):
            return None
        return "supplier", True, (ctx.loc("supplier", "country"),)
    scope = phase.get("scope")
    if scope == "listed":
        hit = [g for g in phase.get("groups") or [] if g in groups]
        if not hit:
            return None
        return (
            "recipient",
            True,
            (
                ctx.loc("recipient", "end_user")
                if t.recipient.end_user
                else ctx.loc("recipient", "entities"),
            ),
        )
    if t.recipient.country != embargo.get("target"):
        return None
    evidence: tuple[Loc, ...] = (ctx.loc("recipient", "country"),)
    if scope == "region":
        if t.recipient.region is None:
            return "recipient", False, evidence
        where = [t.recipient.region]
        inside = place_in(where, [str(r) for r in phase.get("regions") or []])
        if inside is None and place_in(
            where, [str(r) for r in embargo.get("regions_outside") or []]
        ):
            return None
        evidence = (*evidence, ctx.loc("recipient", "region"))
        if inside is None:  # a place the list does not know: neither inside nor outside
            return "recipient", False, evidence
    if scope == "non-state" or phase.get("exempt_end_users") or phase.get("conditional_end_users"):
        evidence = (*evidence, ctx.loc("recipient", "end_user_type"))
    return "recipient", True, evidence


def phases(embargoes: RefList) -> list[tuple[dict[str, Any], int, dict[str, Any]]]:
    """Every (embargo, phase index, phase) in the list."""
    return [
        (e, i, p)
        for e in embargoes.data.get("embargoes") or []
        for i, p in enumerate(e.get("phases") or [])
    ]


Dated = tuple[dict[str, Any], int, dict[str, Any], "dt.date | None", "dt.date | None"]


def dated_phases(ctx: Context) -> list[Dated]:
    """Every phase with its parsed start and end dates, computed once per process."""
    embargoes = ctx.reference.get("un-embargoes")

    def make() -> list[Dated]:
        return [
            (
                e,
                i,
                p,
                embargoes.date(p.get("from"), ("embargoes", str(e.get("id")), "from")),
                embargoes.date(p.get("to"), ("embargoes", str(e.get("id")), "to")),
            )
            for e, i, p in phases(embargoes)
        ]

    return ctx.reference.memo("un-embargo:phases", make)


def phases_on(ctx: Context, day: dt.date) -> list[Dated]:
    """The phases in force on ``day``, in list order.

    The set changes only on a phase's first or last day, so it is worked out once for
    each run of days between those dates, and then found by bisection.
    """
    bounds, runs = ctx.reference.memo("un-embargo:phases-by-day", lambda: _by_day(ctx))
    return list(runs[bisect.bisect_right(bounds, day)])


def phases_for(ctx: Context, day: dt.date, listed: bool) -> tuple[Dated, ...]:
    """The phases in force on ``day`` that could reach this transfer, in list order.

    That is the export bans on the supplier's country and those whose target may sell
    through a party in another country (:func:`.sellers.reach`), the import bans on the
    recipient's country, and the bans on listed groups when ``listed`` (the recipient names
    one). Each run of days keeps its phases by target, so a check looks only at these rather
    than at every phase in force; and, once asked, the phases for each pair of countries
    (with or without listed groups), in list order.
    """
    bounds, runs = ctx.reference.memo("un-embargo:phases-by-day", lambda: _by_day(ctx))
    by_party: dict[int, Run] = ctx.reference.memo("un-embargo:phases-by-party", dict)
    at = bisect.bisect_right(bounds, day)
    found_run = by_party.get(at)
    if found_run is None:
        found_run = by_party[at] = _by_party(runs[at])
    export, by_target, groups, merged, sold = found_run
    t = ctx.transfer
    key = (t.recipient.country, t.supplier.country, listed)
    found = merged.get(key)
    if found is None:
        supplier = key[1]
        bans = sold.get(supplier)  # the export bans that can reach this supplier's sales
        if bans is None:
            bans = sold[supplier] = tuple(
                n for n in export if n[1][0].get("target") == supplier or reach(ctx, n[1][0])
            )
        numbered = [*bans, *by_target.get(key[0], ()), *(groups if listed else ())]
        if len(numbered) > len(bans):
            numbered.sort(key=_first)
        found = merged[key] = tuple(p for _, p in numbered)
    return found


Numbered = tuple[tuple[int, Dated], ...]
Run = tuple[
    Numbered,
    dict[Any, Numbered],
    Numbered,
    dict[tuple[Any, Any, bool], tuple[Dated, ...]],
    dict[Any, Numbered],
]


def _first(numbered: tuple[int, Dated]) -> int:
    return numbered[0]


def _by_party(run: tuple[Dated, ...]) -> Run:
    """A run's phases as (export bans, import bans by target, bans on listed groups).

    The fourth part keeps :func:`phases_for`'s answers by recipient and supplier country and
    ``listed``, the fifth the export bans that can reach each supplier country (a matrix
    asks for one supplier with each recipient).
    Each run is grouped when a check first asks for a day in it.
    """
    export, listed = [], []
    by_target: dict[Any, list[tuple[int, Dated]]] = {}
    for n, p in enumerate(run):
        if p[0].get("direction") == "export":
            export.append((n, p))
        elif p[2].get("scope") == "listed":
            listed.append((n, p))
        else:
            by_target.setdefault(p[0].get("target"), []).append((n, p))
    grouped = {k: tuple(v) for k, v in by_target.items()}
    return tuple(export), grouped, tuple(listed), {}, {}


def _by_day(ctx: Context) -> tuple[list[dt.date], list[tuple[Dated, ...]]]:
    """The days a phase starts or ends, and the phases in force from each (in list order).

    A phase is in force over the runs from the one its first day starts to the one its
    end starts (every such day starts a run), so each is put in those runs alone.
    """
    dated = dated_phases(ctx)
    bounds = sorted({d for _, _, _, start, end in dated for d in (start, end) if d})
    firsts = [dt.date.min, *bounds]  # the first day of each run
    runs: list[list[Dated]] = [[] for _ in firsts]
    for p in dated:
        start, end = p[3], p[4]
        begin = bisect.bisect_left(firsts, start) if start else 0
        for run in runs[begin : bisect.bisect_left(firsts, end) if end else len(runs)]:
            run.append(p)
    return bounds, [tuple(run) for run in runs]


def _end_user_type(
    ctx: Context, embargo: dict[str, Any]
) -> tuple[str, tuple[str, str | None, Match] | None]:
    """The end-user type to judge by, and the non-state actor named, if any.

    An end user named in the embargo's ``non_state_actors`` (Hezbollah in Lebanon,
    the Libyan National Army, Somalia's member-state forces) is never the exempt
    government, whatever ``end_user_type`` says.
    """
    actor = non_state_actor(ctx, embargo)
    return ("non-state", actor) if actor else (ctx.transfer.recipient.end_user_type, None)


def _item_notes(ctx: Context, phase: dict[str, Any], items: list[Any]) -> list[str]:
    """Assumptions behind counting items as related materiel of an item-limited embargo."""
    scope = phase.get("items") or "all"
    if scope not in ("register", "all-except-salw"):
        return []
    out = []
    for it in items:
        info = ctx.reference.categories.get(it.category) or {}
        if not info.get("register") and info.get("note"):
            out.append(f"{it.description} ({it.category}) counted as in scope: {info['note']}.")
    return out

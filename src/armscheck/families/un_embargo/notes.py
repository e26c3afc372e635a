"""The assumptions an embargo-phase fact rests on, whatever its items."""

from __future__ import annotations

from typing import Any

from ...facts import Citation, Context, Match, list_citations
from ...transfer.vocab import end_user_class
from .annexes import annex_of
from .names import group_assumptions
from .scope import per_phase


def phase_notes(
    ctx: Context,
    embargo: dict[str, Any],
    phase: dict[str, Any],
    role: str,
    region_known: bool,
    eut: str,
    actor: tuple[str, str | None, Match] | None,
    groups: dict[str, dict[str, Any]],
) -> list[str]:
    """Region, end user, listed-group and unconfirmed-entry assumptions of one phase."""
    t = ctx.transfer
    out: list[str] = []
    if not region_known:
        said = (
            f"says {t.recipient.region!r}, which the list does not place inside or outside"
            if t.recipient.region
            else "does not say where in"
        )
        out.append(
            f"The transfer {said} the embargoed area of {t.recipient.country_name} "
            f"({', '.join(map(str, phase.get('regions') or []))}); set recipient.region to "
            "one of those, or to a place the list knows to be outside it."
        )
    if actor and role == "recipient":
        name, doubt, _ = actor
        out.append(f"{name} is not the government; treated as a non-state end user.")
        out += [doubt] if doubt else []
    if phase.get("scope") == "listed":
        out += group_assumptions(ctx, [g for g in phase.get("groups") or [] if g in groups])
    named = _named_users(ctx, phase)
    if (
        role == "recipient"
        and actor is None
        and end_user_class(eut) != eut
        and eut not in named
        and (named or phase.get("scope") == "non-state")
    ):
        out.append(
            f"recipient.end_user_type {eut} is not named by this embargo phase; it is read "
            "as neither the government nor a UN mission (not exempt as either)."
        )
    if (
        role == "recipient"
        and not t.recipient.end_user_type_given
        and actor is None
        and (phase.get("scope") == "non-state" or named)
    ):
        out.append("recipient.end_user_type not given; assumed 'government'.")
    out += unconfirmed_notes(ctx, embargo, phase)
    return out


def _named_users(ctx: Context, phase: dict[str, Any]) -> frozenset[Any]:
    """The end-user types a phase names (exempt, conditional, in item rules), once a phase."""

    def make() -> frozenset[Any]:
        named = {*(phase.get("exempt_end_users") or [])}
        named |= {*(phase.get("conditional_end_users") or {})}
        named |= {u for r in phase.get("item_rules") or [] for u in r.get("end_users") or []}
        return frozenset(named)

    return per_phase(ctx, "un-embargo:users", phase, make)


def unconfirmed_notes(ctx: Context, embargo: dict[str, Any], phase: dict[str, Any]) -> list[str]:
    """The flag of an unconfirmed phase or annex the fact rests on, with its note.

    They depend on the lists alone, so each phase's are worked out once per process.
    """
    kept: dict[tuple[int, int], tuple[Any, Any, tuple[str, ...]]] = ctx.reference.memo(
        "un-embargo:unconfirmed", dict
    )
    key = (id(embargo), id(phase))
    found = kept.get(key)
    if found is None or found[0] is not embargo or found[1] is not phase:
        found = kept[key] = (embargo, phase, tuple(_unconfirmed(ctx, embargo, phase)))
    return list(found[2])


def _unconfirmed(ctx: Context, embargo: dict[str, Any], phase: dict[str, Any]) -> list[str]:
    out = []
    if phase.get("unconfirmed"):
        note = " ".join(str(phase.get("note") or "no note").split())
        out.append(
            f"this rests on an unconfirmed entry ({embargo['id']} from {phase.get('from')} in "
            f"lists/un-embargoes.yaml): {note}"
        )
    for annex_id in _annex_ids(phase):
        annex = annex_of(ctx, annex_id)
        if annex.get("unconfirmed"):
            note = " ".join(str(annex.get("note") or "no note").split())
            out.append(
                f"this rests on an unconfirmed entry (annex {annex_id} in "
                f"lists/un-embargoes.yaml): {note}"
            )
    return out


def _annex_ids(phase: dict[str, Any]) -> list[str]:
    ids = [str(phase["annex"])] if phase.get("annex") else []
    ids += [str(r["annex"]) for r in phase.get("item_rules") or [] if r.get("annex")]
    return list(dict.fromkeys(ids))


def phase_citations(ctx: Context, phase: dict[str, Any]) -> tuple[Citation, ...]:
    """The citations of a phase and of the annexes it uses (once per process and phase)."""

    def make() -> tuple[Citation, ...]:
        out = list_citations(phase.get("citations"))
        for annex_id in _annex_ids(phase):
            out += list_citations(annex_of(ctx, annex_id).get("citations"))
        return out

    return per_phase(ctx, "un-embargo:citations", phase, make)

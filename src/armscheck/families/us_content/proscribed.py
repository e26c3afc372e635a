"""22 CFR 126.1 facts for the us-content family.

The policy of denial on the date, its exceptions by end user and for non-lethal items, and the
flag of an unconfirmed list entry the finding rests on.
"""

from __future__ import annotations

from functools import partial

from ...facts import Change, Context, Fact
from ...newfact import new_fact
from ...transfer.model import Loc
from . import changes, purposes
from . import lists as lists
from .kinds import PROSCRIBED, UNREAD
from .pieces import Piece

UNSTATED = (
    "recipient.end_user_type not given; read as an end user the policy of denial reaches, "
    "the stricter reading (give end_user_type, e.g. government, if an exception covers the "
    "end user)."
)


def _status_text(
    phase: lists.Phase, role: str, status: str, eut: str | None, non_lethal: bool = False
) -> str:
    if phase.policy == "case-by-case":
        return (
            "The policy of denial is not applied in this period; "
            "requests are reviewed case by case."
        )
    if role == "supplier":
        return "The transfer originates there, and no exception covers that."
    purpose = phase.raw.get("excepted_purpose")
    if status == "case-by-case" and non_lethal and purpose:
        return f"The country paragraph allows case-by-case review for {purpose['label']}."
    if status == "case-by-case" and non_lethal and phase.non_lethal_case_by_case:
        cond = phase.non_lethal_condition
        return "The country paragraph allows case-by-case review for non-lethal items" + (
            f" ({cond})." if cond else "."
        )
    if status == "case-by-case":
        return f"The country paragraph allows case-by-case review for {eut or 'all'} end users."
    if eut is None:
        return (
            "The end user's type is not given, and the country paragraph's exceptions do not "
            "cover every end user."
        )
    return f"No exception in the country paragraph covers a {eut} end user."


def _lethality(
    ctx: Context, phase: lists.Phase, role: str, eut: str | None
) -> tuple[bool, list[str], tuple[Change, ...]]:
    """(all items non-lethal, assumptions, changes) for a phase's non-lethal exception.

    For a phase that excepts items of a purpose instead (``excepted_purpose``), whether every
    item serves it, with the assumptions that reading rests on.
    """
    t = ctx.transfer
    purpose = phase.raw.get("excepted_purpose")
    if purpose and role == "recipient":
        if not all(purposes.serves(purpose, item) for item in t.items):
            return False, [], ()
        treated = f"which {phase.paragraph} reviews case by case"
        return True, [purposes.assumption(purpose, item, treated) for item in t.items], ()
    if role != "recipient" or not phase.non_lethal_case_by_case:
        return False, [], ()
    non_lethal = all(item.lethal is False for item in t.items)
    if non_lethal:
        cond = phase.non_lethal_condition
        return (
            True,
            [
                f"every item is stated to be non-lethal (items[].lethal: false); "
                f"{phase.paragraph} reviews non-lethal items case by case ({cond})."
            ]
            if cond
            else [],
            (),
        )
    base = phase.strictest(role) if eut is None else phase.status(eut, role)
    if base != "denial":
        return False, [], ()
    unknown = [item for item in t.items if item.lethal is None]
    notes = [
        f"items[{item.index}].lethal not given; taken as lethal ({phase.paragraph} reviews "
        "non-lethal items case by case)."
        for item in unknown
    ]
    edits = tuple((f"items[{item.index}].lethal", False) for item in unknown)
    changes = (
        (Change("every item non-lethal (items[].lethal: false)", edits),)
        if edits and all(item.lethal is not True for item in t.items)
        else ()
    )
    return False, notes, changes


def proscribed_facts(ctx: Context, content: list[tuple[str, Loc, Piece | None]]) -> list[Fact]:
    """One fact per party (recipient, supplier) whose country is under 126.1 on the date."""
    t = ctx.transfer
    out: list[Fact] = []
    eut = t.recipient.end_user_type
    unread: list[tuple[str, str]] = []  # (country name, role), placed only if a fact needs it
    for role, party in (("recipient", t.recipient), ("supplier", t.supplier)):
        phase = lists.phase_at(ctx.reference, party.country, ctx.date, party.region, role)
        if phase is None:
            if party.country != "US":
                unread.append((party.country_name, role))
            continue
        # an end user not stated is read the stricter way where the phase turns on it
        unstated = (
            role == "recipient" and not t.recipient.end_user_type_given and phase.end_user_matters()
        )
        read = None if unstated else eut
        non_lethal, lethal_notes, lethal_changes = _lethality(ctx, phase, role, read)
        status = (
            phase.strictest(role, non_lethal) if unstated else phase.status(eut, role, non_lethal)
        )
        evidence = [ctx.loc(role, "country")]
        notes: list[str] = list(lethal_notes)
        if phase.unconfirmed:
            notes.append(
                "this rests on an unconfirmed entry (22 CFR 126.1 phase of "
                f"{party.country_name} in lists/itar-126-1.yaml): {phase.unconfirmed}"
            )
        if role == "recipient" and phase.end_user_matters():
            evidence.append(ctx.loc("recipient", "end_user_type"))
            if unstated:
                notes.append(UNSTATED)
        evidence.extend(loc for _, loc, _ in content)
        for _, _, p in content:
            notes.extend(p.assumptions if p else ())
        removable = [p for _, _, p in content if p is not None]
        out.append(
            new_fact(
                kind=PROSCRIBED.kind,
                key=f"us:126.1:{role}",
                fields={
                    "country": (
                        f"{party.region} ({party.country_name})"
                        if phase.regions
                        else party.country_name
                    ),
                    "role": role,
                    "policy": phase.policy,
                    "status": status,
                    "paragraph": phase.paragraph,
                    "since": phase.since,
                    "until": phase.until,
                    "end_user_type": eut,
                    "defense_content": bool(content),
                    "content_text": "; ".join(d for d, _, _ in content) or "none",
                    "direction_text": "destined for" if role == "recipient" else "originating in",
                    "status_text": _status_text(phase, role, status, read, non_lethal),
                },
                evidence=tuple(dict.fromkeys(evidence)),
                citations=lists.citations(phase.raw.get("citations")),
                assumptions=tuple(dict.fromkeys(notes)),
                context={"note": phase.note},
                changes=(
                    partial(_changes, ctx, phase, role, status, removable, lethal_changes)
                    if content
                    else ()
                ),
            )
        )
    return out + _unread_facts(ctx, content, unread)


def _changes(
    ctx: Context,
    phase: lists.Phase,
    role: str,
    status: str,
    removable: list[Piece],
    lethal: tuple[Change, ...],
) -> tuple[Change, ...]:
    """The lethality change, then those that lift or soften the finding (when asked)."""
    return (*lethal, *changes.proscribed(ctx, phase, role, status, removable))


def _unread_facts(
    ctx: Context, content: list[tuple[str, Loc, Piece | None]], unread: list[tuple[str, str]]
) -> list[Fact]:
    """A note, and an assumption, for parties with no 126.1 entry before the earliest text read.

    Before that date only some listings are encoded, so "not listed" there means "not known
    to be listed", and the check says so instead of a silent clear.
    """
    if not content or not unread:
        return []
    gap = lists.earlier_text(ctx.reference)
    if gap is None or ctx.date >= gap[0]:
        return []
    first, note = gap
    names = " and ".join(name for name, _ in unread)
    return [
        new_fact(
            kind=UNREAD.kind,
            key="us:126.1:unread",
            fields={
                "countries": names,
                "before": first.isoformat(),
                "content_text": "; ".join(d for d, _, _ in content),
            },
            evidence=tuple(
                dict.fromkeys(
                    [*(ctx.loc(role, "country") for _, role in unread), *(c[1] for c in content)]
                )
            ),
            citations=lists.citations(
                (ctx.reference.get(lists.ITAR_LIST).data.get("earlier_text") or {}).get("citations")
            ),
            assumptions=(
                f"22 CFR 126.1 before {first.isoformat()} is encoded only in part: no entry "
                f"for {names} on {ctx.date.isoformat()} means not known to be listed, not "
                f"known not to be. {note}",
            ),
        )
    ]


def exemption_notes(ctx: Context, p: Piece) -> tuple[str, ...]:
    """What 22 CFR 123.9(e) would need for a retransfer of US components without approval.

    123.9(e) lets US-origin components incorporated into a foreign defense article go to
    NATO, a NATO government, or the governments of Australia, Israel, Japan, New Zealand or the
    Republic of Korea without prior DDTC approval, if they are not significant military
    equipment (22 CFR 120.7) or major defense equipment, are not MTCR Annex items, were
    exported under a licence or exemption, and DDTC is notified within 30 days. armscheck
    cannot check the last three, so the approval stays reported as needed, and it says why.
    """
    t = ctx.transfer
    if (
        p.control != "itar"
        or p.comp is None
        or t.supplier.country == "US"
        or t.recipient.end_user_class != "government"
        or not lists.in_nato_plus(ctx.reference, t.recipient.country, ctx.date)
    ):
        return ()
    sme, mde = p.comp.extras.sme, p.comp.mde
    if sme is True or mde is True:
        return ()
    if sme is None:
        return (
            f"{p.path}.significant_military_equipment not given: the 22 CFR 123.9(e) "
            "exemption for components retransferred to this government is not available for "
            "significant military equipment, so it is not applied.",
        )
    return (
        f"{p.path} is stated not to be significant military equipment"
        + ("" if mde is False else " (major defense equipment not stated)")
        + ": 22 CFR 123.9(e) may allow this retransfer without prior DDTC approval if the part "
        "was exported under a licence or exemption, is not an MTCR Annex item, and DDTC is "
        "notified within 30 days; armscheck cannot confirm those, so approval is still shown "
        "as needed.",
    )

"""Changes (YAML edits) that could alter a us-content finding, and the family's change dates.

Every edit value is a scalar (or ``None``, which removes the key or list entry). Components that
came from the systems catalogue are not in the file, so an edit to one of them writes out every
catalogue component of that item key by key (``items[0].components[0].origin`` ...), with the
change applied: setting a path creates the missing list entries and mappings on the way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ...facts import Change, Context
from ...transfer.model import Item
from ...transfer.values import money_text
from . import lists as lists
from .groups import de_minimis_rows, membership_dates
from .pieces import EAR_CLASSES, Piece, percent, pieces
from .shares import Share, floor_cents

END_USER_TYPES = ("government", "non-state", "un-mission")
_RANK = {None: 0, "case-by-case": 1, "denial": 2}
Edit = tuple[str, Any]


def edits(ctx: Context, mods: Iterable[tuple[Piece, dict[str, Any]]]) -> tuple[Edit, ...]:
    """YAML edits setting ``mods`` (key → value, None removes) on each piece."""
    out: list[Edit] = []
    catalogue: dict[int, dict[int, dict[str, Any]]] = {}
    for piece, new in mods:
        item = piece.item
        if piece.comp is None:
            out.extend((f"items[{item.index}].{k}", v) for k, v in new.items())
        elif piece.comp.from_catalogue:
            rows = catalogue.setdefault(item.index, _catalogue_rows(ctx, item))
            j = next(i for i, c in enumerate(item.components) if c is piece.comp)
            for k, v in new.items():
                if v is None:
                    rows[j].pop(k, None)
                else:
                    rows[j][k] = v
        else:
            out.extend((f"{piece.path}.{k}", v) for k, v in new.items())
    for i, rows in sorted(catalogue.items()):
        out.extend(
            (f"items[{i}].components[{j}].{k}", v)
            for j, row in sorted(rows.items())
            for k, v in row.items()
        )
    return tuple(out)


def _catalogue_rows(ctx: Context, item: Item) -> dict[int, dict[str, Any]]:
    """The catalogue rows behind ``item``'s catalogue components, by component index."""
    entry = lists.system_entry(ctx.reference, item.system)
    known = [dict(c) for c in entry.get("components") or [] if isinstance(c, dict)]
    out: dict[int, dict[str, Any]] = {}
    for j, comp in enumerate(item.components):
        if comp.from_catalogue:
            row = next((c for c in known if c.get("description") == comp.description), None)
            out[j] = row if row is not None else {"description": comp.description}
    return out


def _no_eccn(p: Piece) -> dict[str, Any]:
    """The edit that drops a piece's ECCN (non-US content has none)."""
    has = p.comp.extras.eccn if p.comp else p.item.extras.eccn
    return {"eccn": None} if has else {}


def replace(ctx: Context, group: list[Piece], what: str) -> Change:
    """Replace ``group`` with content made in the supplier's country, not US-controlled."""
    code = ctx.transfer.supplier.country
    return Change(
        f"replace {what} with non-US content (origin {code}, not US-controlled)",
        edits(
            ctx,
            ((p, {"origin": code, "control": "none", **_no_eccn(p)}) for p in group),
        ),
    )


def retransfer(ctx: Context, piece: Piece) -> tuple[Change, ...]:
    """Changes for an ITAR retransfer finding."""
    out = [replace(ctx, [piece], f"the US-origin {piece.description}")]
    military = piece.comp is None and ctx.reference.categories.get(piece.item.category, {}).get(
        "military", True
    )
    usml = piece.comp.usml_category if piece.comp else piece.item.usml_category
    if not piece.control_given and not military and not usml:
        out.append(
            Change(
                f"if {piece.path} is in fact EAR99, state so (control: ear99) rather than "
                "leave it to be checked as an ITAR defense article",
                edits(ctx, [(piece, {"control": "ear99"})]),
            )
        )
    return tuple(out)


def de_minimis(ctx: Context, test: Share) -> tuple[Change, ...]:
    """Changes for an item over the de minimis level."""
    out: list[Change] = []
    pct = test.threshold.percent or 0.0
    if pct > 0 and not test.value_assumed:
        big = max(test.counted, key=lambda p: p.value or 0.0)
        others = test.value - (big.value or 0.0)
        allowed = pct / 100 * test.item.value - others
        count = (big.comp.per_unit if big.comp else 1) * test.item.quantity
        unit = floor_cents(allowed / count) if allowed > 0 else 0.0
        if unit > 0:
            out.append(
                Change(
                    f"US-controlled content of items[{test.item.index}] at or below "
                    f"{percent(pct)}: {big.description} worth at most {money_text(unit * count)}",
                    edits(ctx, [(big, {"unit_value_usd": unit, "value_usd": None})]),
                )
            )
    out.append(
        replace(ctx, list(test.counted), f"the US-controlled content of items[{test.item.index}]")
    )
    return tuple(out)


def proscribed(
    ctx: Context,
    phase: lists.Phase,
    role: str,
    status: str,
    content: list[Piece],
) -> tuple[Change, ...]:
    """Changes that lift or soften a 126.1 finding: another date, end user or content."""
    t = ctx.transfer
    eut = t.recipient.end_user_type
    given = t.recipient.end_user_type_given
    name = ctx.reference.countries[phase.country].name
    out: list[Change] = []
    if role == "recipient":
        for other in END_USER_TYPES:
            if (other != eut or not given) and _RANK[phase.status(other, role)] < _RANK[status]:
                out.append(
                    Change(
                        f"an end user of type {other} ({phase.paragraph} allows case-by-case "
                        "review for it)",
                        (("recipient.end_user_type", other),),
                    )
                )
    state = ctx.reference.countries[phase.country]
    for day, text in _dates(phase):
        if not state.exists_on(day):
            continue  # no transfer to a historic state on a day it did not exist
        region = ctx.transfer.recipient.region if role == "recipient" else None
        there = lists.phase_at(ctx.reference, phase.country, day, region, role)
        if there is None:
            then = None
        elif role == "recipient" and not given and there.end_user_matters():
            then = there.strictest(role)
        else:
            then = there.status(eut, role)
        if _RANK[then] < _RANK[status]:
            out.append(Change(f"{text} ({name}, 22 CFR 126.1)", (("date", day.isoformat()),)))
    if content:
        out.append(replace(ctx, content, "the US defense content"))
    return tuple(out)


def _dates(phase: lists.Phase) -> list[tuple[dt.date, str]]:
    out = []
    if phase.start is not None and phase.start > dt.date(1945, 1, 1):
        day = phase.start - dt.timedelta(days=1)
        out.append((day, f"a transfer before {phase.start.isoformat()}"))
    if phase.end is not None:
        out.append((phase.end, f"a transfer on or after {phase.end.isoformat()}"))
    return out


def barred(ctx: Context, found: lists.Barred) -> tuple[Change, ...]:
    """Changes for a barred-party finding: an earlier date, or the party not a buyer."""
    rec = ctx.transfer.recipient
    out: list[Change] = []
    if found.start is not None:
        day = found.start - dt.timedelta(days=1)
        out.append(
            Change(
                f"a transfer before {found.start.isoformat()} (the bar's start)",
                (("date", day.isoformat()),),
            )
        )
    ident = str(found.entry.get("id"))

    def named(name: str) -> bool:
        return lists.is_barred_name(ctx.reference, name, rec.country, ident)

    removal: list[Edit] = [
        (f"recipient.entities[{k}]", None)
        for k in reversed(range(len(rec.entities)))
        if named(rec.entities[k])
    ]
    if rec.end_user and named(rec.end_user):
        removal.append(("recipient.end_user", None))
    if removal:
        out.append(Change(f"{found.matched} not a party on the buying side", tuple(removal)))
    return tuple(out)


def change_dates(ctx: Context) -> list[tuple[dt.date, str]]:
    """Dates at which a list entry read for this transfer's parties or items starts or ends."""
    t = ctx.transfer
    ref = ctx.reference
    out: list[tuple[dt.date, str]] = []
    for code in dict.fromkeys((t.recipient.country, t.supplier.country)):
        name = ref.countries[code].name
        region = t.recipient.region if code == t.recipient.country else None
        ph = [
            p
            for p in lists.phases(ref, code)
            if not p.raw.get("regions") or (region and lists.in_region(region, p.raw["regions"]))
        ]
        starts = {p.start for p in ph}
        for i, p in enumerate(ph):
            cites = lists.citations(p.raw.get("citations"))
            first = cites[0].instrument if cites else "22 CFR 126.1"
            last = cites[-1].instrument if cites else "22 CFR 126.1"
            if p.start is not None:
                joined = i > 0 and ph[i - 1].end == p.start
                verb = (
                    f"22 CFR 126.1 entry changes ({p.paragraph})"
                    if joined
                    else "added to 22 CFR 126.1"
                )
                out.append((p.start, f"{first}: {name} {verb}"))
            if p.end is not None and p.end not in starts:
                out.append((p.end, f"{last}: {name} removed from 22 CFR 126.1"))
    out.extend(membership_dates(ref, t.recipient.country))
    classes = {p.control for p in pieces(ctx)} & set(EAR_CLASSES)
    for cls in sorted(classes):
        for start, end, row in de_minimis_rows(ref, cls):
            label = f"15 CFR 734.4: {cls} de minimis level for group {row.get('group')}"
            out.extend((d, f"{label} {w}") for d, w in ((start, "starts"), (end, "ends")) if d)
    rec = t.recipient
    names = [*rec.entities, *([rec.end_user] if rec.end_user else [])]
    for found in lists.barred_named(ref, names, rec.country):
        party = str(found.entry.get("name"))
        if found.start:
            out.append((found.start, f"CAATSA §235(a)(2): licence bar on {party} begins"))
        if found.end:
            out.append((found.end, f"CAATSA §235(a)(2): licence bar on {party} ends"))
    return sorted(dict.fromkeys(out))

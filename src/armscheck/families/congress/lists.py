"""Congressional notification: reading the dated lists the ``congress`` family uses.

* ``lists/nato-plus.yaml`` says who is in the AECA's NATO+ group on a date;
* ``lists/congress-thresholds.yaml`` says what each channel, tier and measure
  needs on a date (a NATO+ recipient falls back to the standard row where no
  NATO+ row covers the channel, measure and date);
* ``lists/review-periods.yaml`` gives the informal review (advice only) and the
  split-sale window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from ...facts import Citation, Context, in_force, list_citations
from ...records import record
from ...transfer.values import fold, money_text
from .. import nato_plus
from ..nato_plus import Membership as Membership

MEASURES: dict[str, tuple[str, ...]] = {
    "fms": ("mde", "total", "design-construction"),
    "dcs": ("mde", "total", "firearms"),
    "third-party": ("mde", "total"),
}
SECTION_WORD = {"fms": "§36(b)", "dcs": "§36(c)", "third-party": "§3(d)"}
LABELS = {
    "mde": "MDE",
    "total": "total",
    "design-construction": "design-and-construction",
    "firearms": "Category I firearms",
}
NAMES = {
    "mde": "major defense equipment",
    "total": "defense articles and services (total)",
    "design-construction": "design and construction services",
    "firearms": "USML Category I firearms",
}


@record(frozen=True)
class Row:
    """One threshold row in force: amount, review period and its citations."""

    channel: str
    tier: str
    measure: str
    amount: int
    review_days: int
    start: dt.date | None
    end: dt.date | None
    citations: tuple[Citation, ...]
    unconfirmed: bool = False
    note: str = ""
    territory_condition: bool = False  # NATO+ values only with no sales territory outside

    @property
    def label(self) -> str:
        """``§36(b) nato-plus-tier MDE $25m from 2002-09-30``: which row this is."""
        since = f" from {self.start.isoformat()}" if self.start else ""
        what = f"{LABELS[self.measure]} {amount_text(self.amount)}"
        return f"{SECTION_WORD[self.channel]} {self.tier}-tier {what}{since}"

    @cached_property
    def flag(self) -> str:
        """The sentence a finding resting on this row carries when it is unconfirmed.

        Written when first asked (a row is read once per process, and never changes).
        """
        return (
            f"this rests on an unconfirmed entry ({self.label} in "
            f"lists/congress-thresholds.yaml): {self.note}"
        )


citations = list_citations


def all_rows(ctx: Context) -> list[Row]:
    """Every threshold row of the list, dated (built once per process)."""
    return ctx.reference.memo("congress:rows", lambda: _rows(ctx))


def _rows(ctx: Context) -> list[Row]:
    lst = ctx.reference.get("congress-thresholds")
    out = []
    for i, r in enumerate(lst.data.get("thresholds") or []):
        out.append(
            Row(
                channel=str(r["channel"]),
                tier=str(r["tier"]),
                measure=str(r["measure"]),
                amount=int(r["amount_usd"]),
                review_days=int(r["review_days"]),
                start=lst.date(r.get("from"), ("thresholds", i, "from")),
                end=lst.date(r.get("to"), ("thresholds", i, "to")),
                citations=citations(r.get("citations")),
                unconfirmed=bool(r.get("unconfirmed")),
                note=" ".join(str(r.get("note") or "").split()),
                territory_condition=bool(r.get("sales_territory_condition")),
            )
        )
    return out


# NATO (or its procurement agency) named as the buyer; "Major Non-NATO Ally" is not.
_NATO_BUYER = re.compile(r"(?<!\bnon )\b(?:nato|nspa|north atlantic treaty organi[sz]ation)\b")


def names_nato(ctx: Context) -> bool:
    """Whether ``recipient.end_user`` names NATO itself (or NSPA) as the buyer.

    Worked out once a check, and once for all the recipients of a matrix (the end user stays).
    """
    return ctx.once_for_transfer(
        "congress:names-nato", lambda: _names_nato(ctx.transfer.recipient.end_user)
    )


def _names_nato(end_user: str | None) -> bool:
    return bool(end_user) and _NATO_BUYER.search(fold(end_user or "")) is not None


def memberships(ctx: Context) -> list[Membership]:
    """Every NATO+ entry for the recipient country, any date (read once per process)."""
    ctx.reference.get(nato_plus.LIST)  # the list is required here (a clear error if absent)
    return list(nato_plus.memberships(ctx.reference, ctx.transfer.recipient.country))


def membership_on(ctx: Context, day: dt.date) -> Membership | None:
    """The NATO+ entry covering the recipient on ``day``, if any.

    The tier follows ``recipient.country``: NATO (or NSPA) named as the buyer adds its
    own entry only when that country is itself in the group, because the NATO+ values
    apply only if the transfer includes no other countries (22 CFR 123.15(a)(2)). A check asks
    more than once for a day: each answer is kept for the check.
    """
    known: dict[dt.date, Membership | None] = ctx.once("congress:membership-on", dict)
    if day in known:
        return known[day]
    found = known[day] = _membership_on(ctx, day)
    return found


def _membership_on(ctx: Context, day: dt.date) -> Membership | None:
    member = next((m for m in memberships(ctx) if in_force(m.start, m.end, day)), None)
    lst = ctx.reference.get("nato-plus")
    org = lst.data.get("nato_organisation")
    if member is None or not isinstance(org, dict) or not names_nato(ctx):
        return member
    own = nato_plus.membership(lst, org, ("nato_organisation",))
    if not in_force(own.start, own.end, day):
        return member
    return Membership(
        max((d for d in (member.start, own.start) if d), default=None),
        member.end,
        f"{member.basis}; the buyer is the North Atlantic Treaty Organization itself",
        member.note,
        (*own.citations, *member.citations),
        member.unconfirmed or own.unconfirmed,
    )


def in_group(ctx: Context, country: str, day: dt.date) -> bool:
    """Whether ``country`` is in the AECA NATO+ group on ``day``."""
    ctx.reference.get(nato_plus.LIST)
    return nato_plus.in_group(ctx.reference, country, day)


_TERRITORY_LAW = {
    "third-party": ("§3(d)", "22 U.S.C. 2753(d)(5)"),
    "dcs": ("§36(c)", "22 U.S.C. 2776(c)(1); 22 CFR 123.15(a)(2)"),
}


def territory_problem(ctx: Context, day: dt.date, channel: str = "fms") -> str | None:
    """Why the NATO+ values cannot be used for lack of a sales territory inside the group.

    22 U.S.C. 2776(b)(1), (c)(1) (22 CFR 123.15(a)(2)) and 2753(d)(5) give the NATO+ values
    only when the sale or transfer authorizes no sales territory (re-export) beyond the
    group. ``None`` when it is established that it does not. The statutes tie only the
    values to the sales territory; the review period follows the recipient.
    """
    section, law = _TERRITORY_LAW.get(channel, ("§36(b)", "22 U.S.C. 2776(b)(1)"))
    period = (
        "the standard dollar thresholds apply (the 15-day review period follows the "
        "recipient and does not turn on the sales territory)"
    )
    st = ctx.transfer.sales_territory
    if st is None:
        return (
            f"sales_territory not given: the NATO+ thresholds of AECA {section} apply only "
            "when the transfer authorizes no sales territory (re-export) outside the NATO+ "
            f"group ({law}); it is read as authorizing one, so {period}."
        )
    outside = [c for c in st if c != ctx.transfer.recipient.country and not in_group(ctx, c, day)]
    if not outside:
        return None
    names = ", ".join(ctx.reference.countries[c].name for c in outside)
    return (
        f"the transfer authorizes re-export to {names}, outside the NATO+ group on that date "
        f"({law}), so {period}."
    )


def nato_outside_note(ctx: Context, day: dt.date) -> str | None:
    """The assumption to report when NATO buys for a country outside the group."""
    if not names_nato(ctx) or membership_on(ctx, day) is not None:
        return None
    name = ctx.transfer.recipient.country_name
    return (
        f"end_user names NATO as the buyer, but the articles go to {name}, which is not in "
        "the AECA NATO+ group on that date; the NATO+ values apply only if the transfer "
        "includes no other countries (22 CFR 123.15(a)(2)), so the standard tier is used."
    )


def informal_days(ctx: Context, nato_plus: bool, day: dt.date) -> int:
    """The informal (tiered) review period for the tier, advice only; 0 if unknown."""
    tier = "nato-plus" if nato_plus else "standard"
    for r, start, end in ctx.reference.memo("congress:informal", lambda: _informal(ctx)):
        if r.get("tier") == tier and in_force(start, end, day):
            return int(r["days"])
    return 0


def _informal(ctx: Context) -> list[tuple[dict[str, Any], dt.date | None, dt.date | None]]:
    lst = ctx.reference.get("review-periods")
    return [
        (
            r,
            lst.date(r.get("from"), ("informal_review", i, "from")),
            lst.date(r.get("to"), ("informal_review", i, "to")),
        )
        for i, r in enumerate(lst.data.get("informal_review") or [])
    ]


def window_months(ctx: Context) -> int:
    """The split-sale look-back window in months (policy)."""
    raw = ctx.reference.get("review-periods").data.get("split_sale_window") or {}
    return int(raw.get("months") or 12)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def amount_text(amount: int) -> str:
    """A threshold as written in the statute's style: ``$14m``, ``$1m``, ``$200m``."""
    if amount % 1_000_000 == 0 and amount < 1_000_000_000:
        return f"${amount // 1_000_000:,}m"
    return money_text(amount)


def value_text(value: int, near: int | Iterable[int] | None = None) -> str:
    """Dollars, exact when ``value`` is within 1% of (but not at) a threshold in ``near``."""
    for a in [near] if isinstance(near, int) else near or ():
        if 0 < abs(value - a) <= a / 100:
            return f"${value:,}"
    return money_text(value)


def headroom(value: int, amount: int, measure: str) -> str:
    """``$2.0m under the $14m MDE threshold``, ``$22.0m over ...``, ``exactly at ...``."""
    gap = value - amount
    where = f"the {amount_text(amount)} {LABELS[measure]} threshold"
    if value == 0:
        return f"nothing counted toward {where}"
    if gap == 0:
        return f"exactly at {where}"
    return f"{value_text(abs(gap))} {'over' if gap > 0 else 'under'} {where}"

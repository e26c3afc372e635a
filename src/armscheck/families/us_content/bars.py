"""Statutory bars: Acts of Congress that forbid US defense articles to a named country.

A bar names one country, or every foreign country (``recipient: any``: the F-22 ban). It covers
named systems (``scope: systems``: F-35s for Turkey, with their parts under ``related``) or every
US-origin defense article (``scope: defense-articles``: the Glenn and Pressler amendments, the 1975
Turkey embargo, the Chile and Argentina amendments): a US supplier's item that is not
EAR-controlled, and ITAR content (or US content whose control is not given) that another country
sells on. ``effect`` is ``prohibited`` (a denial) or ``certification`` (allowed only on a
Presidential certification); ``end_users`` limits a bar to those end-user types, and ``lethal_only``
to items not stated to be non-lethal (``items[].lethal``); ``excepted_purpose`` leaves out items of
a purpose the act excepts (see :mod:`.purposes`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from ...facts import Context, Fact, FactKind, in_force, list_citations
from ...newfact import new_fact
from ...records import record
from ...rulebook.reference import Reference, RefList
from ...transfer.model import Item, Loc
from ...transfer.values import fold
from ...transfer.vocab import END_USER_TYPES, denial_reaches
from . import purposes
from .pieces import pieces

FAMILY_ID = "us-content"
BAR = FactKind(
    "us-statutory-bar",
    FAMILY_ID,
    {
        "bar": "str",
        "item": "str",
        "recipient": "str",
        "summary": "str",
        "since": "str",
        "effect": "str",
        "scope_text": "str",
        "waivers_text": "str",
    },
    "an item is a US defense article (or named system) an Act of Congress bars from this recipient",
)
T = TypeVar("T")
_NOT_ARTICLES = ("ear-600", "ear", "ear99", "none")


def _named(names: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` holds one of ``names`` (folded, spaced) as whole words."""
    if not names:
        return False
    spaced = f" {fold(text)} "
    return any(n in spaced for n in names)


def applies_to(bar: dict[str, Any], country: str) -> bool:
    """Whether ``bar`` names ``country``; ``recipient: any`` names every foreign country."""
    recipient = bar.get("recipient")
    return recipient == country or (recipient == "any" and country != "US")


def _covered_by_system(bar: Bar, item: Item) -> tuple[bool, tuple[str, ...]]:
    """Whether ``item`` is one of the bar's named systems, and the assumption if by name.

    With ``related: true`` the bar also covers what serves the system: an item whose
    ``for_system`` is the system or names it, and an item with a component named after it.
    """
    names, systems = bar.names, bar.systems
    if item.system in systems:
        return True, ()
    if _named(names, item.description):
        return True, (
            f"'{item.description}' ({item.loc.path}) is taken to be the system the act "
            "names, from its description.",
        )
    if not bar.related or not (
        item.origin == "US" or any(c.origin in ("US", None) for c in item.components)
    ):
        return False, ()
    serves = item.extras.for_system
    if serves and (serves in systems or _named(names, serves)):
        return True, (
            f"'{item.description}' ({item.loc.path}) serves the system the act names "
            f"(for_system: {serves}); the act also covers its parts and support.",
        )
    for c in item.components:
        if _named(names, c.description):
            return True, (
                f"'{c.description}' in {item.loc.path} is taken to be a part of the system "
                "the act names, from its description; the act also covers its parts.",
            )
    return False, ()


def _defense_articles(ctx: Context) -> list[tuple[Item, Loc, tuple[str, ...]]]:
    """(item, where, assumptions) for every US-origin defense article in the transfer."""
    t = ctx.transfer
    if t.supplier.country == "US":
        return [(i, i.loc, ()) for i in t.items if i.control not in _NOT_ARTICLES]
    out: dict[int, tuple[Item, Loc, tuple[str, ...]]] = {}
    for p in pieces(ctx):
        if p.control == "itar" and p.item.index not in out:
            out[p.item.index] = (p.item, p.loc, p.assumptions)
    return list(out.values())


def _lethal(
    covered: list[tuple[Item, Loc, tuple[str, ...]]],
) -> list[tuple[Item, Loc, tuple[str, ...]]]:
    """The covered items a bar on lethal articles reaches: all but those stated non-lethal."""
    return [
        (
            item,
            where,
            why
            if item.lethal is True
            else (
                *why,
                f"items[{item.index}].lethal not given; taken as lethal (the bar covers lethal "
                "defense articles only).",
            ),
        )
        for item, where, why in covered
        if item.lethal is not False
    ]


def _waivers(bar: dict[str, Any], lst: Any, i: int, day: dt.date) -> str:
    """The partial waivers and reliefs in force by ``day``, as one sentence."""
    texts = []
    for j, w in enumerate(bar.get("waivers") or []):
        start = lst.date(w.get("from"), ("bars", i, "waivers", j, "from"))
        if start is None or start <= day:
            texts.append(" ".join(str(w.get("text") or "").split()))
    return f" Partial relief that did not lift the bar: {'; '.join(texts)}." if texts else ""


@record(frozen=True)
class Bar:
    """A bar of the list, read once per process: its place, dates and the names it uses."""

    index: int
    raw: dict[str, Any]
    start: dt.date | None
    end: dt.date | None
    names: tuple[str, ...]  # folded, each with a space either side
    systems: tuple[str, ...]
    related: bool
    end_users: tuple[str, ...]  # the end-user types it covers (empty: every one)
    any_end_user: bool  # whether it covers some end-user type (for one not stated)
    unstated: tuple[str, ...]  # the assumption for an end-user type not stated
    unconfirmed: tuple[str, ...]  # the flag of an entry marked unconfirmed
    systems_only: bool  # scope: systems (else every US-origin defense article)
    lethal_only: bool


def _bars_of(ref: Reference, lst: RefList, country: str) -> tuple[Bar, ...]:
    """The bars naming ``country`` (and every foreign country), in list order."""
    return tuple(
        bar for _, bar in bars_for(ref.memo("us-content:bars", lambda: _read(lst)), country)
    )


def _read(lst: RefList) -> dict[Any, list[tuple[int, Bar]]]:
    """Every bar of the list, read once per process, by recipient."""
    return {
        recipient: [(i, _bar(lst, i, bar)) for i, bar in rows]
        for recipient, rows in _by_recipient(lst).items()
    }


def _bar(lst: RefList, i: int, bar: dict[str, Any]) -> Bar:
    end_users = tuple(bar.get("end_users") or ())
    return Bar(
        i,
        bar,
        lst.date(bar.get("from"), ("bars", i, "from")),
        lst.date(bar.get("to"), ("bars", i, "to")),
        tuple(f" {fold(str(n))} " for n in bar.get("names") or []),
        tuple(str(s) for s in bar.get("systems") or []),
        bool(bar.get("related")),
        end_users,
        any(denial_reaches(e, end_users) for e in END_USER_TYPES),
        (
            "recipient.end_user_type not given; read as an end user the bar covers "
            f"({', '.join(end_users)}), the stricter reading.",
        ),
        (
            "this rests on an unconfirmed entry (statutory bar "
            f"{bar.get('id')} in lists/us-statutory-bars.yaml): "
            + " ".join(str(bar.get("note") or "not confirmed").split()),
        )
        if bar.get("unconfirmed")
        else (),
        str(bar.get("scope") or "systems") == "systems",
        bool(bar.get("lethal_only")),
    )


def _by_recipient(lst: RefList) -> dict[Any, list[tuple[int, dict[str, Any]]]]:
    """The bars of each recipient country, with their places in the list, in list order."""
    out: dict[Any, list[tuple[int, dict[str, Any]]]] = {}
    for i, bar in enumerate(lst.data.get("bars") or []):
        out.setdefault(bar.get("recipient"), []).append((i, bar))
    return out


def bars_for(by_recipient: dict[Any, list[tuple[int, T]]], country: str) -> list[tuple[int, T]]:
    """The bars naming ``country``, and those naming every foreign country, in list order."""
    own = list(by_recipient.get(country, ()))
    if country != "US":
        own += by_recipient.get("any", ())
    return sorted(own, key=lambda ib: ib[0])


def bar_facts(ctx: Context) -> list[Fact]:
    """One fact per item that a bar in force covers."""
    lst = ctx.reference.lists.get("us-statutory-bars")
    if lst is None:
        return []
    t = ctx.transfer
    out = []
    country = t.recipient.country
    kept: dict[str, tuple[Bar, ...]] = ctx.reference.memo("us-content:bars-of", dict)
    mine = kept.get(country)
    if mine is None:
        mine = kept[country] = _bars_of(ctx.reference, lst, country)
    for prepared in mine:
        i, bar, start = prepared.index, prepared.raw, prepared.start
        if not in_force(start, prepared.end, ctx.date):
            continue
        common = prepared.unconfirmed
        if prepared.end_users:
            if not t.recipient.end_user_type_given:
                if not prepared.any_end_user:
                    continue
                common = (*prepared.unstated, *common)
            elif not denial_reaches(t.recipient.end_user_type, prepared.end_users):
                continue
        covered: list[tuple[Item, Loc, tuple[str, ...]]] = []
        if prepared.systems_only:
            known = ctx.once_for_transfer(f"us-content:bar-systems:{i}", dict[int, Any])
            for item in t.items:
                found = known.get(item.index) or _covered_by_system(prepared, item)
                hit, why = known[item.index] = found
                if hit:
                    covered.append((item, item.loc, why))
            scope_text = "named systems"
        else:
            covered = _defense_articles(ctx)
            scope_text = "every US-origin defense article, retransfers by other countries included"
        if prepared.lethal_only:
            covered = _lethal(covered)
            scope_text += " (lethal items only)"
        purpose = bar.get("excepted_purpose")
        if purpose:  # items of the excepted purpose are outside the bar, on that reading
            read = [c for c in covered if purposes.serves(purpose, c[0])]
            said = [purposes.assumption(purpose, c[0], "which the act excepts") for c in read]
            common = (*common, *said)
            covered = [c for c in covered if c not in read]
        for item, where, why in covered:
            out.append(
                new_fact(
                    kind=BAR.kind,
                    key=f"us:bar:{bar['id']}:{item.index}",
                    fields={
                        "bar": str(bar["id"]),
                        "item": item.description,
                        "recipient": t.recipient.country_name,
                        "summary": " ".join(str(bar.get("summary") or "").split()).rstrip("."),
                        "since": start.isoformat() if start else "",
                        "effect": str(bar.get("effect") or "prohibited"),
                        "scope_text": scope_text,
                        "waivers_text": _waivers(bar, lst, i, ctx.date),
                    },
                    evidence=tuple(dict.fromkeys((ctx.loc("recipient", "country"), where))),
                    citations=list_citations(bar.get("citations")),
                    assumptions=tuple(dict.fromkeys((*why, *common))),
                )
            )
    return out


def bar_dates(ctx: Context) -> list[tuple[dt.date, str]]:
    """Start and end dates of the bars that name this transfer's recipient."""
    lst = ctx.reference.lists.get("us-statutory-bars")
    out: list[tuple[dt.date, str]] = []
    for i, bar in enumerate(lst.data.get("bars") or [] if lst else []):
        if lst is None or not applies_to(bar, ctx.transfer.recipient.country):
            continue
        cite = (bar.get("citations") or [{}])[0].get("instrument", bar.get("id"))
        for key, verb in (("from", "bar applies"), ("to", "bar ends")):
            day = lst.date(bar.get(key), ("bars", i, key))
            if day is not None:
                out.append((day, f"{cite}: {bar.get('id')} {verb}"))
    return out

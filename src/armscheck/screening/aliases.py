"""Matching names in a transfer against UN-listed groups and listed places."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..facts import Context, Match, in_force
from ..transfer.values import fold

_WORD = re.compile(r"[^\W_]+")
SHORT = 4  # aliases this short are acronyms: matched as written, in their own country only


def names_match(
    names: list[str], aliases: list[str], home: str | None = None, country: str | None = None
) -> str | None:
    """The alias that one of ``names`` contains as whole words, or ``None``.

    Acronyms (``SHORT`` characters or fewer, such as JAS or JeM) match only with the
    same capitals, and only when ``country`` is the group's ``home`` country.
    """
    for alias in aliases:
        key = fold(alias)
        if not key:
            continue
        short = len(key.replace(" ", "")) <= SHORT
        if short and home and country != home:
            continue
        for name in names:
            if short:
                words = f" {' '.join(_WORD.findall(name))} "
                hit = f" {alias} " in words
            else:
                hit = f" {key} " in f" {fold(name)} "  # fold() keeps single spaces
            if hit:
                return alias
    return None


GroupKeys = tuple[str, dict[str, Any], list[tuple[str, str, bool]], dt.date | None, dt.date | None]
_GROUPS: dict[int, tuple[Any, list[GroupKeys]]] = {}


def _group_keys(groups: Any) -> list[GroupKeys]:
    """(id, group, [(alias, folded alias, is acronym)], listed from, listed to) per group.

    Folded and dated once per list, not on every check.
    """
    cached = _GROUPS.get(id(groups))
    if cached is None or cached[0] is not groups:
        rows = []
        for g in groups.data.get("groups") or []:
            keys = []
            for alias in [str(g.get("name") or ""), *map(str, g.get("aliases") or [])]:
                key = fold(alias)
                if key:
                    keys.append((alias, key, len(key.replace(" ", "")) <= SHORT))
            start = groups.date(g.get("listed_from"), ("groups",))
            end = groups.date(g.get("listed_to"), ("groups",))
            rows.append((str(g.get("id")), g, keys, start, end))
        cached = _GROUPS[id(groups)] = (groups, rows)
    return cached[1]


def _named(ctx: Context) -> tuple[list[str], list[str], list[str]]:
    """The recipient's names, as written, folded and as words (each computed once)."""
    rec = ctx.transfer.recipient
    names = [n for n in [rec.end_user, *rec.entities] if n]
    folded = [f" {fold(n)} " for n in names]
    words = [f" {' '.join(_WORD.findall(n))} " for n in names]
    return names, folded, words


def _hit(keys: list[tuple[str, str, bool]], named: Any, home: Any, country: str) -> bool:
    """:func:`names_match` over pre-folded aliases and names."""
    _, folded, words = named
    for alias, key, short in keys:
        if short and home and country != home:
            continue
        if short:
            if any(f" {alias} " in w for w in words):
                return True
        elif any(f" {key} " in f for f in folded):
            return True
    return False


def groups_matched(ctx: Context, day: dt.date) -> dict[str, dict[str, Any]]:
    """UN-listed groups named as the end user or a recipient entity, by id."""
    groups = ctx.reference.get("un-listed-groups")
    rec = ctx.transfer.recipient
    named = _named(ctx)
    out: dict[str, dict[str, Any]] = {}
    if not named[0]:
        return out
    for _, g, keys, start, end in _group_keys(groups):
        if not in_force(start, end, day):
            continue
        if _hit(keys, named, g.get("country"), rec.country):
            out[str(g["id"])] = g
    return out


def groups_matched_any(ctx: Context) -> set[str]:
    """Ids of UN-listed groups named by the recipient, whatever their listing dates."""
    groups = ctx.reference.get("un-listed-groups")
    named = _named(ctx)
    if not named[0]:
        return set()
    rec = ctx.transfer.recipient
    return {
        gid
        for gid, g, keys, _, _ in _group_keys(groups)
        if _hit(keys, named, g.get("country"), rec.country)
    }


def group_matches(ctx: Context, ids: list[str]) -> tuple[Match, ...]:
    """The (recipient name, listed group) pairs behind the groups ``ids``."""
    groups = ctx.reference.get("un-listed-groups")
    rec = ctx.transfer.recipient
    out: list[Match] = []
    for g in groups.data.get("groups") or []:
        if str(g.get("id")) not in ids:
            continue
        aliases = [str(g.get("name") or ""), *map(str, g.get("aliases") or [])]
        for name in [n for n in [rec.end_user, *rec.entities] if n]:
            if names_match([name], aliases, g.get("country"), rec.country):
                exact = fold(name) in {fold(a) for a in aliases}
                out.append(Match(name, "un-listed-groups", str(g["id"]), exact))
    return tuple(out)

"""Screening party names against the CAATSA lists, with aliases and transliterations.

A name matches a list entry *exactly* when, after folding case, accents and
punctuation, normalising common transliteration variants (``x``/``ks``,
``y``/``i``, doubled letters) and dropping legal-form words (JSC, OAO, LLC,
Corporation/Corp...), it equals the entry's name or one of its aliases, with or
without the spaces between words. It matches *partially* when an alias occurs
as whole words inside a longer name; a partial match counts,
but is reported as an assumption. Short aliases (acronyms such as ROE, KBP,
SSB) match inside longer names only on the side of the entry's own country,
so an unrelated "Oak ..." company is never taken for the OAK corporation.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from ..facts import Match, in_force
from ..reference import RefList
from ..transfer import Loc, Transfer
from ..values import fold

LEGAL_FORMS = frozenset(
    "jsc pjsc ojsc cjsc ao oao pao zao ooo llc ltd co inc corp plc fsue fgup the".split()
)
SHORT_ALIAS = 4  # aliases of this many characters or fewer are treated as acronyms


SHORT_FORMS = {"corporation": "corp", "company": "co", "incorporated": "inc", "limited": "ltd"}


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A folded, transliteration-normalised form of ``name`` for comparison.

    Legal-form words are shortened first ("Corporation" and "Corp." compare
    equal), then ``x``/``ks`` and ``y``/``i`` are unified and doubled letters
    single.
    """
    words = [SHORT_FORMS.get(w, w) for w in fold(name.replace("ı", "i")).split()]
    text = " ".join(words).replace("x", "ks").replace("y", "i")
    return re.sub(r"(\w)\1+", r"\1", text)


@functools.lru_cache(maxsize=4096)
def core_key(name: str) -> str:
    """:func:`name_key` without legal-form words (JSC, OAO, LLC...)."""
    words = [w for w in name_key(name).split() if w not in LEGAL_FORMS]
    return " ".join(words)


@dataclass(frozen=True)
class Named:
    """A party name written in the transfer, with its side and place."""

    name: str
    side: str  # "supplier" or "recipient"
    country: str
    loc: Loc


@dataclass(frozen=True)
class Hit:
    """A party name that matched a list entry."""

    entry: dict[str, Any]
    named: Named
    alias: str
    exact: bool
    start: dt.date | None
    end: dt.date | None
    list: str = ""

    @property
    def entry_name(self) -> str:
        """The entry's own name."""
        return str(self.entry.get("name") or self.entry.get("id"))

    def in_force(self, day: dt.date) -> bool:
        """Whether the entry applies on ``day``."""
        return in_force(self.start, self.end, day)

    def match(self) -> Match:
        """The (party name, list entry) pair, for reports and ``not-a-match`` decisions."""
        return Match(self.named.name, self.list, str(self.entry.get("id")), self.exact)

    def assumption(self) -> str | None:
        """The sentence to report when the match is only partial."""
        if self.exact:
            return None
        return (
            f"'{self.named.name}' ({self.named.loc.path}) was taken to be {self.entry_name} "
            f"because it contains '{self.alias}'; check that it is the same organisation."
        )


def named_parties(t: Transfer) -> list[Named]:
    """Every organisation or end user named in the transfer, by side."""
    out = [
        Named(n, "supplier", t.supplier.country, t.loc("supplier", "entities", i))
        for i, n in enumerate(t.supplier.entities)
    ]
    out += [
        Named(n, "recipient", t.recipient.country, t.loc("recipient", "entities", i))
        for i, n in enumerate(t.recipient.entities)
    ]
    if t.recipient.end_user:
        out.append(
            Named(
                t.recipient.end_user,
                "recipient",
                t.recipient.country,
                t.loc("recipient", "end_user"),
            )
        )
    return out


Alias = tuple[str, str, str, str]  # (alias as written, core key, " name key ", flat core)
_INDEX: dict[tuple[int, str], list[tuple[int, dict[str, Any], list[Alias]]]] = {}


def _entries(ref: RefList, entries_key: str) -> list[tuple[int, dict[str, Any], list[Alias]]]:
    """The list's entries with their aliases' keys, computed once per list."""
    ident = (id(ref), entries_key)
    if ident not in _INDEX:
        rows = []
        for i, entry in enumerate(ref.data.get(entries_key) or []):
            names = [str(entry.get("name") or ""), *map(str, entry.get("aliases") or [])]
            rows.append((i, entry, alias_keys(names)))
        _INDEX[ident] = rows
    return _INDEX[ident]


@functools.lru_cache(maxsize=4096)
def _flat(core: str) -> str:
    return core.replace(" ", "")


@functools.lru_cache(maxsize=4096)
def _bounds(core: str) -> frozenset[int]:
    """Where the words of ``core`` start and end in its spaceless form :func:`_flat`."""
    out, at = {0}, 0
    for word in core.split():
        at += len(word)
        out.add(at)
    return frozenset(out)


def _is_run(a_flat: str, flat: str, bounds: frozenset[int]) -> bool:
    """Whether ``a_flat`` is a run of whole consecutive words of the name, spaces removed.

    Linear in the name's length: each occurrence of ``a_flat`` in ``flat`` is found by
    ``str.find`` and kept only if it starts and ends where words do.
    """
    at = flat.find(a_flat)
    while at >= 0:
        if at in bounds and at + len(a_flat) in bounds:
            return True
        at = flat.find(a_flat, at + 1)
    return False


def alias_keys(aliases: list[str]) -> list[Alias]:
    """The comparison keys of ``aliases`` (those that fold to nothing are dropped)."""
    return [
        (a, core_key(a), f" {name_key(a)} ", _flat(core_key(a))) for a in aliases if core_key(a)
    ]


def match_name(
    name: str, aliases: list[Alias], country: str, home: str, *, strict: bool = False
) -> tuple[str, bool] | None:
    """(alias, exact) when ``name``, written by a party in ``country``, matches an alias.

    Core keys are also compared with their spaces removed, so "Rosoboron Export" and
    "Ural Vagon Zavod" match their one-word forms; an alias found inside a longer name is
    a partial match. An acronym (``SHORT_ALIAS`` characters or fewer) is found inside a
    longer name only for a party in the entry's own country ``home``; with ``strict`` it
    must be in ``home`` even to match alone (so India's "SSB" is not Turkey's).
    """
    core = core_key(name)
    flat = _flat(core)
    bounds = _bounds(core)
    partial: str | None = None
    for alias, a_core, _, a_flat in aliases:
        abroad = len(a_core) <= SHORT_ALIAS and bool(home) and country != home
        if abroad and strict:
            continue
        if a_core == core or a_flat == flat:
            return alias, True
        if partial is None and not abroad and a_flat and _is_run(a_flat, flat, bounds):
            partial = alias
    return (partial, False) if partial else None


def screen(
    names: list[Named],
    ref: RefList,
    entries_key: str,
    from_key: str,
    to_key: str,
    default_country: str | None = None,
) -> list[Hit]:
    """Every (name, entry) match between ``names`` and the list's entries, any date."""
    hits: list[Hit] = []
    for i, entry, aliases in _entries(ref, entries_key):
        country = str(entry.get("country") or default_country or "")
        for named in names:
            found = match_name(named.name, aliases, named.country, country)
            if found is None:
                continue
            hits.append(
                Hit(
                    entry=entry,
                    named=named,
                    alias=found[0],
                    exact=found[1],
                    start=ref.date(entry.get(from_key), (entries_key, i, from_key)),
                    end=ref.date(entry.get(to_key), (entries_key, i, to_key)),
                    list=ref.name,
                )
            )
    return hits

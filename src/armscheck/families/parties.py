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
from ..rulebook.reference import RefList
from ..transfer.model import Loc, Transfer
from ..transfer.values import fold

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
Row = tuple[int, dict[str, Any], list[Alias]]
_INDEX: dict[tuple[int, str], tuple[RefList, list[Row], AliasIndex]] = {}


class AliasIndex:
    """The alias keys of a list's entries, looked up instead of compared one by one.

    :meth:`matches` gives exactly what :func:`match_name` gives for each entry, but
    finds its candidates in two dictionaries (whole-name keys, and flat keys for the
    runs of words inside a longer name), so its cost grows with the name's length,
    not with the list's. Build it once per list.
    """

    def __init__(self, aliases: list[list[Alias]]) -> None:
        self.aliases = aliases
        self._whole: dict[str, list[tuple[int, int]]] = {}
        self._flat: dict[str, list[tuple[int, int]]] = {}
        self._longest = 0
        for row, keys in enumerate(aliases):
            for k, (_, a_core, _, a_flat) in enumerate(keys):
                self._whole.setdefault(a_core, []).append((row, k))
                self._whole.setdefault(a_flat, []).append((row, k))
                self._flat.setdefault(a_flat, []).append((row, k))
                self._longest = max(self._longest, len(a_flat))

    def matches(
        self, name: str, country: str, homes: list[str], *, strict: bool = False
    ) -> dict[int, tuple[str, bool]]:
        """Entry row → (alias, exact) for every entry that ``name`` matches (see match_name)."""
        core = core_key(name)
        exact = set(self._whole.get(core, ())) | set(self._whole.get(_flat(core), ()))
        inside: set[tuple[int, int]] = set()
        words = core.split()
        for i in range(len(words)):  # runs longer than any alias cannot be one
            run = ""
            for word in words[i:]:
                run += word
                if len(run) > self._longest:
                    break
                inside.update(self._flat.get(run, ()))
        candidates: dict[int, list[int]] = {}
        for row, k in sorted(exact | inside):
            candidates.setdefault(row, []).append(k)
        out: dict[int, tuple[str, bool]] = {}
        for row, ks in candidates.items():
            home, partial = homes[row], None
            for k in ks:  # in alias order, as match_name scans them
                alias, a_core = self.aliases[row][k][:2]
                abroad = len(a_core) <= SHORT_ALIAS and bool(home) and country != home
                if abroad and strict:
                    continue
                if (row, k) in exact:
                    out[row] = (alias, True)
                    break
                if partial is None and (row, k) in inside and not abroad:
                    partial = alias
            else:
                if partial:
                    out[row] = (partial, False)
        return out


def _entries(ref: RefList, entries_key: str) -> tuple[list[Row], AliasIndex]:
    """The list's entries with their aliases' keys, and their index, computed once per list."""
    ident = (id(ref), entries_key)
    cached = _INDEX.get(ident)
    if cached is None or cached[0] is not ref:  # the same id may come back for a new list
        rows = []
        for i, entry in enumerate(ref.data.get(entries_key) or []):
            names = [str(entry.get("name") or ""), *map(str, entry.get("aliases") or [])]
            rows.append((i, entry, alias_keys(names)))
        cached = _INDEX[ident] = (ref, rows, AliasIndex([keys for _, _, keys in rows]))
        for other in [k for k in _HOMES if k[:2] == ident]:
            del _HOMES[other]
    return cached[1], cached[2]


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


_HOMES: dict[tuple[int, str, str | None], list[str]] = {}


def _homes(ref: RefList, entries_key: str, default_country: str | None) -> list[str]:
    """Each entry's own country (``default_country`` when it names none), once per list."""
    rows = _entries(ref, entries_key)[0]  # first: a new list drops the old homes
    ident = (id(ref), entries_key, default_country)
    if ident not in _HOMES:
        _HOMES[ident] = [str(e.get("country") or default_country or "") for _, e, _ in rows]
    return _HOMES[ident]


def screen(
    names: list[Named],
    ref: RefList,
    entries_key: str,
    from_key: str,
    to_key: str,
    default_country: str | None = None,
) -> list[Hit]:
    """Every (name, entry) match between ``names`` and the list's entries, any date."""
    rows, index = _entries(ref, entries_key)
    homes = _homes(ref, entries_key, default_country)
    found: list[tuple[int, int, tuple[str, bool]]] = []
    for n, named in enumerate(names):
        for row, match in index.matches(named.name, named.country, homes).items():
            found.append((row, n, match))
    hits: list[Hit] = []
    for row, n, (alias, exact) in sorted(found, key=lambda f: (f[0], f[1])):
        i, entry, _ = rows[row]
        hits.append(
            Hit(
                entry=entry,
                named=names[n],
                alias=alias,
                exact=exact,
                start=ref.date(entry.get(from_key), (entries_key, i, from_key)),
                end=ref.date(entry.get(to_key), (entries_key, i, to_key)),
                list=ref.name,
            )
        )
    return hits

"""A minimal exact-match index with the screening module's interface.

Used only until the shared scored matcher is available: an entry matches when a
name, folded (case, accents, punctuation) and without legal-form words, equals
one of the entry's names folded the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..values import fold

LEGAL_FORMS = frozenset(
    "jsc pjsc ojsc cjsc ao oao pao zao ooo llc ltd co inc corp plc fsue fgup the".split()
)


@dataclass(frozen=True)
class Entry:
    """One party on a list."""

    list_id: str
    ref: str
    names: tuple[str, ...]
    kind: str = "entity"
    countries: tuple[str, ...] = ()
    listed_from: dt.date | None = None
    listed_to: dt.date | None = None
    programs: tuple[str, ...] = ()
    source: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """A name that matched an entry."""

    entry: Entry
    tier: str
    score: float
    alias: str
    reasons: tuple[str, ...] = ()


def key(name: str) -> str:
    """The comparison key of a name."""
    return " ".join(w for w in fold(name).split() if w not in LEGAL_FORMS)


class Index:
    """Entries by the keys of their names."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._by_key: dict[str, list[tuple[Entry, str]]] = {}
        for entry in entries:
            for name in entry.names:
                k = key(name)
                if k:
                    self._by_key.setdefault(k, []).append((entry, name))

    def screen(
        self,
        name: str,
        country: str | None = None,
        kind: str | None = None,
        on: dt.date | None = None,
    ) -> list[Hit]:
        """Entries one of whose names equals ``name`` (in force ``on``, of ``kind``)."""
        out: list[Hit] = []
        seen: set[tuple[str, str]] = set()
        for entry, alias in self._by_key.get(key(name), []):
            if kind and entry.kind != kind:
                continue
            if on and (
                (entry.listed_from and on < entry.listed_from)
                or (entry.listed_to and on >= entry.listed_to)
            ):
                continue
            if (entry.list_id, entry.ref) in seen:
                continue
            seen.add((entry.list_id, entry.ref))
            out.append(Hit(entry, "exact", 1.0, alias, (f"'{name}' equals '{alias}'",)))
        return out

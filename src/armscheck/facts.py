"""Facts: the flat, typed records the rules match on.

Each rule family turns a :class:`~armscheck.transfer.model.Transfer` into facts of a
few declared kinds (see :class:`FactKind`). A fact carries only plain scalar
fields for the engine, and keeps on the Python side where in the YAML it came
from, the citations of the reference-list entries behind it, and the
assumptions made while building it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from .later import Later
from .records import field, record
from .rulebook.reference import Reference
from .transfer.model import Loc, Transfer

if TYPE_CHECKING:
    from .screening.index import Index

Scalar = str | int | float | bool
T = TypeVar("T")
_UNMADE = object()  # no value yet (see Context.once)
_SET = object.__setattr__


@record(frozen=True)
class Citation:
    """A legal source: instrument, pinpoint and a link."""

    instrument: str
    url: str
    pinpoint: str | None = None
    quote: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form used in reports."""
        out: dict[str, Any] = {"instrument": self.instrument, "url": self.url}
        if self.pinpoint:
            out["pinpoint"] = self.pinpoint
        if self.quote:
            out["quote"] = self.quote
        return out


MAX_KEPT = 4096  # answers kept per object-keyed table (then it starts afresh)


def kept_for(
    table: dict[Any, tuple[Any, T]],
    obj: object,
    make: Callable[[], T],
    tag: str | None = None,
    limit: int = MAX_KEPT,
) -> T:
    """``make()`` for ``obj`` (and ``tag``), kept in ``table`` for the next time they ask.

    For answers that depend only on a part of the lists, which do not change once read. The
    table holds the object with its answer, so its ``id`` cannot be reused by another; at
    ``limit`` answers it starts afresh.
    """
    key = id(obj) if tag is None else (tag, id(obj))
    kept = table.get(key)
    if kept is not None and kept[0] is obj:
        return kept[1]
    value = make()
    if len(table) >= limit:
        table.clear()
    table[key] = (obj, value)
    return value


def list_citations(raw: Any) -> tuple[Citation, ...]:
    """The citations of a reference-list entry (entries without an instrument are skipped).

    Reference lists do not change once read, so the answer for one ``citations`` value (the
    same object) is kept for the next time it is asked (a bounded number of them).
    """
    return kept_for(_CITED, raw, lambda: _read_citations(raw))


_CITED: dict[int, tuple[Any, tuple[Citation, ...]]] = {}


def _read_citations(raw: Any) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            str(c["instrument"]),
            str(c.get("url") or ""),
            str(c["pinpoint"]) if c.get("pinpoint") else None,
        )
        for c in raw or []
        if isinstance(c, dict) and c.get("instrument")
    )


@record(frozen=True)
class Change:
    """A change to the transfer that could alter a finding, as YAML edits.

    ``edits`` are ``(path, value)`` pairs in the report's path form
    (``date``, ``recipient.end_user_type``, ``items[0].components[1].origin``);
    a value of ``None`` removes the key. The checker applies the edits, checks
    the changed transfer, and reports the outcome it really gets.
    """

    text: str
    edits: tuple[tuple[str, Any], ...]


@record(frozen=True)
class Match:
    """A party name in the transfer that a screening list entry matched.

    ``party`` is the name as written in the transfer, ``list`` the reference list's
    name and ``entry`` the entry's id; a ``not-a-match`` decision names the same pair.
    ``match`` is the screening tier (``exact`` or ``possible``, a score in the review
    band), ``alias`` the entry's name that matched and ``why`` the explanation.
    """

    party: str
    list: str
    entry: str
    exact: bool = True
    score: float = 1.0
    alias: str = ""
    why: str = field(default="", compare=False)

    @property
    def match(self) -> str:
        """``exact`` or ``possible``."""
        return "exact" if self.exact else "possible"

    def as_dict(self) -> dict[str, Any]:
        """The JSON form used in reports."""
        out: dict[str, Any] = {
            "party": self.party,
            "list": self.list,
            "entry": self.entry,
            "exact": self.exact,
            "match": self.match,
            "score": self.score,
        }
        if self.alias:
            out["alias"] = self.alias
        if self.why:
            out["why"] = self.why
        return out

    @classmethod
    def of(cls, party: str, list_name: str, entry: str, hit: Any) -> Match:
        """The match a screening hit (:class:`armscheck.screening.Hit`) makes."""
        return cls(party, list_name, entry, hit.exact, hit.score, hit.alias, hit.why())


@record(frozen=True)
class FactKind:
    """The declared shape of one kind of fact: field name → type name."""

    kind: str
    family: str
    fields: Mapping[str, str]
    doc: str = ""


@record(frozen=True)
class Fact:
    """One fact about the transfer under check."""

    kind: str
    key: str
    fields: Mapping[str, Scalar]
    evidence: tuple[Loc, ...] = ()
    citations: tuple[Citation, ...] = ()
    assumptions: tuple[str, ...] = ()
    contested: bool = False
    context: Mapping[str, Any] = field(default_factory=dict)
    # the changes that could alter a finding on this fact: a function gives them when asked
    changes: Later[tuple[Change, ...]] = Later(())
    matches: tuple[Match, ...] = ()

    def __init__(
        self,
        kind: str,
        key: str,
        fields: Mapping[str, Scalar],
        evidence: tuple[Loc, ...] = (),
        citations: tuple[Citation, ...] = (),
        assumptions: tuple[str, ...] = (),
        contested: bool = False,
        context: Mapping[str, Any] | None = None,
        changes: tuple[Change, ...] | Callable[[], tuple[Change, ...]] = (),
        matches: tuple[Match, ...] = (),
    ) -> None:
        # a check makes many facts: the instance is given its dictionary whole (it stays
        # frozen: setting an attribute later still fails), which Python 3.11 reads attributes
        # from faster than from the shared-key one writing into self.__dict__ makes
        _SET(
            self,
            "__dict__",
            {
                "kind": kind,
                "key": key,
                "fields": fields,
                "evidence": evidence,
                "citations": citations,
                "assumptions": assumptions,
                "contested": contested,
                "context": {} if context is None else context,
                "changes": changes,
                "matches": matches,
            },
        )


@record(frozen=True)
class Context:
    """What a family needs to build its facts."""

    transfer: Transfer
    date: dt.date
    reference: Reference
    _once: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)
    _locs: dict[tuple[str | int, ...], Loc] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # where :meth:`once_for_transfer` keeps its values when they outlive the check
    _shared: dict[str, Any] | None = field(default=None, init=False, compare=False, repr=False)

    # both are asked for values a check has not made yet as often as for made ones: a lookup
    # that misses costs less than a KeyError caught

    def loc(self, *path: str | int) -> Loc:
        """``transfer.loc(*path)``, kept for the rest of this check (several facts cite it)."""
        found = self._locs.get(path)
        if found is None:
            found = self._locs[path] = self.transfer.loc(*path)
        return found

    def once(self, name: str, build: Callable[[], T]) -> T:
        """A value several families need in this check, built by the first that asks."""
        value: T = self._once.get(name, _UNMADE)  # (no typing.cast: a call, many a check)
        if value is _UNMADE:
            value = self._once[name] = build()
        return value

    def once_for_transfer(self, name: str, build: Callable[[], T]) -> T:
        """A value of the transfer and the date that does not depend on the recipient.

        It is built once a check, as :meth:`once` builds values, or once for all the checks
        that share a table of them (:meth:`sharing`): the recipient matrix checks one transfer
        on one date for each recipient. Such a value holds nothing of the recipient, not even
        a place in the recipient's part of the file.
        """
        kept = self._once if self._shared is None else self._shared
        value: T = kept.get(name, _UNMADE)
        if value is _UNMADE:
            value = kept[name] = build()
        return value

    def sharing(self, kept: dict[str, Any]) -> Context:
        """This context, with :meth:`once_for_transfer`'s values kept in ``kept``."""
        self.__dict__["_shared"] = kept
        return self


@record(frozen=True)
class Family:
    """A rule family: its id, title, declared fact kinds and fact builder."""

    id: str
    title: str
    outcomes: tuple[str, ...]
    kinds: tuple[FactKind, ...]
    build: Callable[[Context], list[Fact]]
    change_dates: Callable[[Context], list[tuple[dt.date, str]]] = lambda ctx: []
    # how to get each screening index the family builds from the lists, by memo name: the
    # rulebook cache keeps them as built, so a new process need not build them again
    indexes: Callable[[Reference], Mapping[str, Callable[[], Index]]] = lambda ref: {}


def in_force(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """True when ``start <= day < end`` (open ends allowed)."""
    return (start is None or start <= day) and (end is None or day < end)

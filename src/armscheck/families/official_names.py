"""Screening a transfer's parties against the imported official lists (shared by families).

Every name the transfer gives a party — the supplier's entities, the recipient's end user
and entities — is screened once per process and date with the shared screening index,
using the party's country as evidence. A hit carries its entry, tier and score; a possible
match becomes an assumption of the finding it supports, never a silent "clear".
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from ..facts import Citation, Context, Fact, Match, kept_for
from ..official import LISTS
from ..official.loaded import loaded
from ..records import record, replace
from ..screening import Entry, Hit, normalise
from .parties import Named, named_parties

# where each list's entries can be looked up by a person
LIST_URLS = {
    "un-sc": "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list",
    "us-sdn": "https://sanctionssearch.ofac.treas.gov/",
}
CSL_URL = "https://www.trade.gov/consolidated-screening-list"


@record(frozen=True)
class OfficialHit:
    """A party name that matched an entry of an imported official list."""

    named: Named
    hit: Hit
    list_date: str

    @property
    def entry(self) -> Entry:
        """The matched entry."""
        return self.hit.entry

    @property
    def exact(self) -> bool:
        """Whether the match is exact (not one to be confirmed)."""
        return self.hit.exact

    def label(self) -> str:
        """The entry as a reader finds it on its list: name and reference."""
        e = self.entry
        ref = e.ref if len(e.ref) <= 24 else e.extra.get("federal_register_notice", "")
        return f"{e.name} ({', '.join(x for x in (LISTS.get(e.list_id, e.list_id), ref) if x)})"

    def citation(self) -> Citation:
        """The list entry as a citation, with the imported file's date."""
        e = self.entry
        bits = [e.name if len(e.ref) > 24 else f"{e.name}, {e.ref}"]
        if e.listed_from:
            bits.append(f"listed {e.listed_from.isoformat()}")
        if e.extra.get("federal_register_notice"):
            bits.append(e.extra["federal_register_notice"])
        bits.append(f"list of {self.list_date}")
        url = e.extra.get("source_list_url") or LIST_URLS.get(e.list_id, CSL_URL)
        return Citation(LISTS.get(e.list_id, e.list_id), url, "; ".join(bits))

    def assumptions(self) -> tuple[str, ...]:
        """A possible match is an assumption to confirm."""
        if self.exact:
            return ()
        return (
            f"'{self.named.name}' ({self.named.loc.path}) is taken to be {self.label()}: a "
            f"possible match (score {self.hit.score:.2f}, via '{self.hit.alias}'), "
            "to be confirmed before relying on it.",
        )

    def match(self) -> Match:
        """The (party name, list entry) pair, for reports and ``not-a-match`` decisions."""
        return Match.of(self.named.name, self.entry.list_id, self.entry.ref, self.hit)

    def match_text(self) -> str:
        """``exact match`` or ``possible match (score 0.91)``."""
        return "exact match" if self.exact else f"possible match (score {self.hit.score:.2f})"


def hits(ctx: Context, list_ids: AbstractSet[str], side: str | None = None) -> list[OfficialHit]:
    """The hits of the transfer's parties on ``list_ids`` in force on ``ctx.date``."""
    lists = ctx.once("official-lists", loaded)
    if not lists.has_files():
        return []
    out: list[OfficialHit] = []
    seen: set[tuple[str, str, str]] = set()
    for named in named_parties(ctx.transfer):
        if side and named.side != side:
            continue
        for hit in lists.index().screen(named.name, country=named.country, on=ctx.date):
            e = hit.entry
            if e.list_id not in list_ids or (named.side, e.list_id, e.ref) in seen:
                continue
            seen.add((named.side, e.list_id, e.ref))
            out.append(OfficialHit(named, hit, lists.date_of(e.list_id) or "?"))
    return out


def missing(ctx: Context, wanted: tuple[str, ...]) -> list[str]:
    """Titles of the ``wanted`` lists not imported, when the transfer names any party.

    Several families ask, some many times a check: each answer is kept for the check (and
    for the other recipients of a matrix: the parties' names and the lists stay the same).
    """
    known: dict[tuple[str, ...], list[str]] = ctx.once_for_transfer("official-missing", dict)
    gone = known.get(wanted)
    if gone is None:
        gone = known[wanted] = (
            ctx.once("official-lists", loaded).missing(wanted)
            if named_parties(ctx.transfer)
            else []
        )
    return list(gone)


def missing_fact(
    ctx: Context, kind: str, key: str, gone: list[str], assumptions: tuple[str, ...] = ()
) -> Fact:
    """The fact that the lists ``gone`` are not imported.

    It is the same for every check without those lists, so it is made once per process and
    shared: nothing may change a fact once made.
    """
    kept: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], Fact] = ctx.reference.memo(
        "official:missing-facts", dict
    )
    ident = (kind, key, tuple(gone), assumptions)
    fact = kept.get(ident)
    if fact is None:
        fact = kept[ident] = Fact(kind, key, {"lists": ", ".join(gone)}, assumptions=assumptions)
    return fact


def same_party(found: OfficialHit, curated: dict[str, Any]) -> bool:
    """Whether a curated list entry and an official entry are the same party.

    The same when the curated entry declares the official one (``official_refs:
    [un-sc:YEi.004]``) or when a name of one equals a name of the other, normalised.
    """
    e = found.entry
    refs, mine = _curated_keys(curated)
    if f"{e.list_id}:{e.ref}" in refs:
        return True
    return any(normalise(n).flat in mine for n in e.names)


def _curated_keys(curated: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """(official refs, normalised names) of a curated entry, kept per entry (lists stay put)."""
    return kept_for(_KEYS, curated, lambda: _keys_of(curated))


def _keys_of(curated: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    refs = frozenset(str(r) for r in curated.get("official_refs") or [])
    names = [curated.get("name"), *(curated.get("aliases") or [])]
    mine = {normalise(str(n)).flat for n in names}
    mine.discard("")
    return refs, frozenset(mine)


_KEYS: dict[int, tuple[Any, tuple[frozenset[str], frozenset[str]]]] = {}


def cite_also(fact: Fact, found: OfficialHit, match: bool = True) -> Fact:
    """``fact`` with the official entry added to its citations (one hit, both sources).

    ``match=False`` leaves the entry out of the fact's matches, so that a not-a-match
    decision on the curated entry settles the finding (for a bundled copy of the list).
    """
    return replace(
        fact,
        citations=(*fact.citations, found.citation()),
        matches=(*fact.matches, *((found.match(),) if match else ())),
        assumptions=(*fact.assumptions, *found.assumptions()),
    )

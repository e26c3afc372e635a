"""Reference-list lookups for the us-content family.

Reads ``itar-126-1.yaml`` (dated 22 CFR 126.1 phases), ``us-barred-parties.yaml``,
``systems.yaml`` and ``nato-plus.yaml``. The EAR country groups and de minimis levels are in
``groups.py``. Everything here is plain Python over the lists; no rule logic.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any

from ...facts import Match, list_citations
from ...records import field, record
from ...rulebook.reference import Reference
from ...screening import Hit as Found
from ...screening import curated
from ...screening.index import Searchable
from ...transfer.values import fold
from ...transfer.vocab import END_USER_TYPES, denial_reaches, end_user_matches
from .. import catalogue, nato_plus
from ..parties import Matched, assumption

ITAR_LIST = "itar-126-1"
BARRED_LIST = "us-barred-parties"


citations = list_citations


@record(frozen=True)
class Phase:
    """One dated 22 CFR 126.1 phase of a country (read once per process, answers kept)."""

    country: str
    index: int
    start: dt.date | None
    end: dt.date | None
    raw: dict[str, Any]
    regions: list[str] | None = None  # the regions of a country it alone covers
    destination_only: bool = False  # a policy on exports to the country, not from it
    _said: dict[tuple[Any, ...], str] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @cached_property
    def policy(self) -> str:
        """``denial`` or ``case-by-case``."""
        return str(self.raw.get("policy") or "denial")

    @cached_property
    def since(self) -> str:
        """The first day, ISO (empty when open)."""
        return self.start.isoformat() if self.start else ""

    @cached_property
    def until(self) -> str:
        """The day it ends, ISO (empty when open)."""
        return self.end.isoformat() if self.end else ""

    @cached_property
    def note(self) -> str:
        """The list's note on the phase."""
        return str(self.raw.get("note") or "")

    @cached_property
    def paragraph(self) -> str:
        """The country's 126.1 paragraphs, e.g. ``126.1(d)(2), 126.1(f)``."""
        return str(self.raw.get("paragraph") or "126.1")

    def status(self, end_user_type: str, role: str, non_lethal: bool = False) -> str:
        """``denial`` or ``case-by-case`` for this end user (recipient) or as origin (supplier).

        ``non_lethal``: every item is stated to be non-lethal, which some country paragraphs
        review case by case whoever the end user is.
        """
        key = (end_user_type, role, non_lethal)
        said = self._said.get(key)
        if said is None:
            said = self._said[key] = self._status(end_user_type, role, non_lethal)
        return said

    def _status(self, end_user_type: str, role: str, non_lethal: bool) -> str:
        if self.policy == "case-by-case":
            return "case-by-case"
        if role == "supplier":
            return "denial"
        if non_lethal and (self.non_lethal_case_by_case or self.raw.get("excepted_purpose")):
            return "case-by-case"
        deny = self.raw.get("denial_end_users")
        if deny is not None:
            return "denial" if denial_reaches(end_user_type, deny) else "case-by-case"
        allowed = self.raw.get("case_by_case_end_users") or []
        return "case-by-case" if end_user_matches(end_user_type, allowed) else "denial"

    def strictest(self, role: str, non_lethal: bool = False) -> str:
        """The status for an end user not stated: ``denial`` if it reaches any end-user type."""
        key = ("strictest", role, non_lethal, True)  # apart from the keys of status()
        said = self._said.get(key)
        if said is None:
            statuses = {self.status(e, role, non_lethal) for e in END_USER_TYPES}
            said = self._said[key] = "denial" if "denial" in statuses else "case-by-case"
        return said

    @cached_property
    def non_lethal_case_by_case(self) -> bool:
        """Whether non-lethal items are reviewed case by case in this phase."""
        return self.policy != "case-by-case" and self.raw.get("non_lethal") == "case-by-case"

    @cached_property
    def non_lethal_condition(self) -> str:
        """The condition the paragraph puts on the non-lethal exception ("" if none)."""
        return str(self.raw.get("non_lethal_condition") or "")

    @cached_property
    def unconfirmed(self) -> str | None:
        """The list note when this phase is marked unconfirmed, else ``None``."""
        if not self.raw.get("unconfirmed"):
            return None
        return " ".join(str(self.raw.get("note") or "not confirmed").split())

    def end_user_matters(self) -> bool:
        """Whether the end-user type changes the outcome of this phase."""
        return self._end_user_matters

    @cached_property
    def _end_user_matters(self) -> bool:
        return self.policy != "case-by-case" and bool(
            self.raw.get("case_by_case_end_users") or self.raw.get("denial_end_users")
        )


def phases(ref: Reference, country: str) -> list[Phase]:
    """Every 126.1 phase of ``country``, in list order (read once per process)."""
    return list(_phases(ref).get(country, ()))


def _phases(ref: Reference) -> dict[Any, tuple[Phase, ...]]:
    """Country → its 126.1 phases, in list order, built once per process."""
    return ref.memo("us-content:126.1-phases", lambda: _read_phases(ref))


def _read_phases(ref: Reference) -> dict[Any, tuple[Phase, ...]]:
    lst = ref.get(ITAR_LIST)
    out: dict[Any, list[Phase]] = {}
    for entry in lst.data.get("countries") or []:
        country = entry.get("country")
        mine = out.setdefault(country, [])
        for i, p in enumerate(entry.get("phases") or []):
            mine.append(
                Phase(
                    country,
                    i,
                    lst.date(p.get("from"), ("countries",)),
                    lst.date(p.get("to"), ("countries",)),
                    p,
                    p.get("regions") or None,
                    bool(p.get("destination_only")),
                )
            )
    return {country: tuple(found) for country, found in out.items()}


def phase_at(
    ref: Reference, country: str, day: dt.date, region: str | None = None, role: str = "recipient"
) -> Phase | None:
    """The 126.1 phase of ``country`` in force on ``day``, if any.

    A phase with ``regions`` (occupied Crimea, say) covers only a ``region`` that names one of
    them, and comes before the country's own phase. A ``destination_only`` phase (a policy on
    exports to the country) does not cover it as the supplier.
    """
    own = None
    for p in _phases(ref).get(country, ()):
        if (p.start is not None and day < p.start) or (p.end is not None and day >= p.end):
            continue  # not in force
        if role == "supplier" and p.destination_only:
            continue
        if not p.regions:
            own = own or p
        elif region and in_region(region, p.regions):
            return p
    return own


def in_region(region: str, names: list[str]) -> bool:
    """Whether ``region`` (free text) names one of ``names`` (whole words, any case)."""
    text = f" {fold(region)} "
    return any(f" {fold(n)} " in text for n in names)


def earlier_text(ref: Reference) -> tuple[dt.date, str] | None:
    """(first day of the earliest 126.1 text read, what is encoded before it), if declared."""
    return ref.memo("us-content:126.1-earlier-text", lambda: _earlier_text(ref))


def _earlier_text(ref: Reference) -> tuple[dt.date, str] | None:
    lst = ref.get(ITAR_LIST)
    raw = lst.data.get("earlier_text")
    if not isinstance(raw, dict):
        return None
    day = lst.date(raw.get("to"), ("earlier_text", "to"))
    return (day, " ".join(str(raw.get("note") or "").split())) if day else None


def status_at(
    ref: Reference,
    country: str,
    day: dt.date,
    end_user_type: str,
    role: str,
    non_lethal: bool = False,
    region: str | None = None,
) -> str | None:
    """The 126.1 status (``denial``/``case-by-case``) on ``day``, ``None`` when not listed."""
    p = phase_at(ref, country, day, region, role)
    return p.status(end_user_type, role, non_lethal) if p else None


def barred_index(ref: Reference) -> Searchable:
    """The screening index of the barred parties, built once per process."""
    return curated.index(ref, curated.US_BARRED)


def is_barred_name(ref: Reference, name: str, country: str, entry_id: str) -> bool:
    """Whether ``name`` (of a party in ``country``) matches the barred party ``entry_id``."""
    return any(h.entry.ref == entry_id for h in barred_index(ref).screen(name, country=country))


@record(frozen=True)
class Barred(Matched):
    """A barred party named on the buying side."""

    entry: dict[str, Any]
    matched: str
    found: Found
    start: dt.date | None
    end: dt.date | None

    def assumption(self, where: str) -> str | None:
        """What the finding assumes about the match (nothing for a plain exact one)."""
        return assumption(self.matched, where, str(self.entry.get("name")), self.found)

    def match(self) -> Match:
        """The (party name, list entry) pair, for reports and ``not-a-match`` decisions."""
        return Match.of(self.matched, BARRED_LIST, str(self.entry.get("id")), self.found)


def barred_named(ref: Reference, names: list[str], country: str) -> list[Barred]:
    """Barred parties that one of ``names`` (in ``country``) matches, the first name each."""
    rows: dict[str, dict[str, Any]] = ref.memo(
        "us-content:barred-rows",
        lambda: {str(p.get("id")): p for p in ref.get(BARRED_LIST).data.get("parties") or []},
    )
    index = barred_index(ref)
    out: dict[str, Barred] = {}
    for name in names:
        for found in index.screen(name, country=country):
            e = found.entry
            if e.ref not in out:
                out[e.ref] = Barred(rows[e.ref], name, found, e.listed_from, e.listed_to)
    return list(out.values())


def system_entry(ref: Reference, system_id: str | None) -> dict[str, Any]:
    """The catalogue entry with id ``system_id`` (empty when absent; shared: read only)."""
    return catalogue.system_entry(ref, system_id) or {}


def in_nato_plus(ref: Reference, country: str, day: dt.date) -> bool:
    """Whether ``country`` is in the NATO+ group of lists/nato-plus.yaml on ``day``."""
    return nato_plus.in_group(ref, country, day)

"""Reference-list lookups for the us-content family.

Reads ``itar-126-1.yaml`` (dated 22 CFR 126.1 phases), ``ear-country-groups.yaml`` (dated
country-group membership and the de minimis rows of 15 CFR 734.4), ``us-barred-parties.yaml``
and ``systems.yaml``. Everything here is plain Python over the lists; no rule logic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ...facts import Match, in_force, list_citations
from ...rulebook.reference import Reference, RefList
from ...screening import Hit as Found
from ...screening import curated
from ...screening.index import Searchable
from ...transfer.vocab import denial_reaches, end_user_matches, normal_eccn
from ..parties import assumption

ITAR_LIST = "itar-126-1"
GROUPS_LIST = "ear-country-groups"
BARRED_LIST = "us-barred-parties"
OTHER = "other"


citations = list_citations


@dataclass(frozen=True)
class Phase:
    """One dated 22 CFR 126.1 phase of a country."""

    country: str
    index: int
    start: dt.date | None
    end: dt.date | None
    raw: dict[str, Any]

    @property
    def policy(self) -> str:
        """``denial`` or ``case-by-case``."""
        return str(self.raw.get("policy") or "denial")

    @property
    def paragraph(self) -> str:
        """The country's 126.1 paragraphs, e.g. ``126.1(d)(2), 126.1(f)``."""
        return str(self.raw.get("paragraph") or "126.1")

    def status(self, end_user_type: str, role: str, non_lethal: bool = False) -> str:
        """``denial`` or ``case-by-case`` for this end user (recipient) or as origin (supplier).

        ``non_lethal``: every item is stated to be non-lethal, which some country paragraphs
        review case by case whoever the end user is.
        """
        if self.policy == "case-by-case":
            return "case-by-case"
        if role == "supplier":
            return "denial"
        if non_lethal and self.non_lethal_case_by_case:
            return "case-by-case"
        deny = self.raw.get("denial_end_users")
        if deny is not None:
            return "denial" if denial_reaches(end_user_type, deny) else "case-by-case"
        allowed = self.raw.get("case_by_case_end_users") or []
        return "case-by-case" if end_user_matches(end_user_type, allowed) else "denial"

    @property
    def non_lethal_case_by_case(self) -> bool:
        """Whether non-lethal items are reviewed case by case in this phase."""
        return self.policy != "case-by-case" and self.raw.get("non_lethal") == "case-by-case"

    @property
    def non_lethal_condition(self) -> str:
        """The condition the paragraph puts on the non-lethal exception ("" if none)."""
        return str(self.raw.get("non_lethal_condition") or "")

    @property
    def unconfirmed(self) -> str | None:
        """The list note when this phase is marked unconfirmed, else ``None``."""
        if not self.raw.get("unconfirmed"):
            return None
        return " ".join(str(self.raw.get("note") or "not confirmed").split())

    def end_user_matters(self) -> bool:
        """Whether the end-user type changes the outcome of this phase."""
        return self.policy != "case-by-case" and bool(
            self.raw.get("case_by_case_end_users") or self.raw.get("denial_end_users")
        )


def phases(ref: Reference, country: str) -> list[Phase]:
    """Every 126.1 phase of ``country``, in list order."""
    lst = ref.get(ITAR_LIST)
    out: list[Phase] = []
    for entry in lst.data.get("countries") or []:
        if entry.get("country") != country:
            continue
        for i, p in enumerate(entry.get("phases") or []):
            out.append(
                Phase(
                    country,
                    i,
                    lst.date(p.get("from"), ("countries",)),
                    lst.date(p.get("to"), ("countries",)),
                    p,
                )
            )
    return out


def phase_at(ref: Reference, country: str, day: dt.date) -> Phase | None:
    """The 126.1 phase of ``country`` in force on ``day``, if any."""
    for p in phases(ref, country):
        if in_force(p.start, p.end, day):
            return p
    return None


def status_at(
    ref: Reference,
    country: str,
    day: dt.date,
    end_user_type: str,
    role: str,
    non_lethal: bool = False,
) -> str | None:
    """The 126.1 status (``denial``/``case-by-case``) on ``day``, ``None`` when not listed."""
    p = phase_at(ref, country, day)
    return p.status(end_user_type, role, non_lethal) if p else None


def _groups(ref: Reference) -> tuple[RefList, dict[str, Any]]:
    lst = ref.get(GROUPS_LIST)
    return lst, dict(lst.data.get("groups") or {})


def groups_of(ref: Reference, country: str, day: dt.date) -> list[str]:
    """The country groups (of the list) that hold ``country`` on ``day``."""
    spans = ref.memo("us-content:group-spans", lambda: _group_spans(ref))
    return list(
        dict.fromkeys(n for n, start, end in spans.get(country, []) if in_force(start, end, day))
    )


def _group_spans(ref: Reference) -> dict[str, list[tuple[str, dt.date | None, dt.date | None]]]:
    """Country → (group, start, end) for every membership in the list."""
    lst, groups = _groups(ref)
    out: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for name, g in groups.items():
        for m in g.get("members") or []:
            start = lst.date(m.get("from"), ("groups", name))
            end = lst.date(m.get("to"), ("groups", name))
            out.setdefault(str(m.get("country")), []).append((str(name), start, end))
    return out


def membership_dates(ref: Reference, country: str) -> list[tuple[dt.date, str]]:
    """Every start or end of ``country``'s membership in a listed country group."""
    lst, groups = _groups(ref)
    out: list[tuple[dt.date, str]] = []
    for name, g in groups.items():
        for m in g.get("members") or []:
            if m.get("country") != country:
                continue
            start = lst.date(m.get("from"), ("groups", name))
            end = lst.date(m.get("to"), ("groups", name))
            label = f"15 CFR part 740 Supp. 1: {ref.countries[country].name}"
            if start:
                out.append((start, f"{label} enters Country Group {name}"))
            if end:
                out.append((end, f"{label} leaves Country Group {name}"))
    return out


@dataclass(frozen=True)
class Threshold:
    """The de minimis level for one content class at one destination on one day."""

    content: str
    percent: float | None  # None: this content is not counted for the destination
    group: str
    row: dict[str, Any]
    start: dt.date | None


def de_minimis_rows(
    ref: Reference, content: str
) -> list[tuple[dt.date | None, Any, dict[str, Any]]]:
    """(from, to, row) for every de minimis row of ``content``."""
    lst = ref.get(GROUPS_LIST)
    return [
        (lst.date(r.get("from"), ("de_minimis",)), lst.date(r.get("to"), ("de_minimis",)), r)
        for r in lst.data.get("de_minimis") or []
        if r.get("content") == content
    ]


def first_row_date(ref: Reference, content: str) -> dt.date | None:
    """The earliest date any de minimis row for ``content`` applies from."""
    starts = [s for s, _, _ in de_minimis_rows(ref, content) if s is not None]
    return min(starts) if starts else None


def threshold(ref: Reference, content: str, country: str, day: dt.date) -> Threshold | None:
    """The applicable de minimis level, the lowest of the country's groups; ``None`` if no row."""
    rows = [(s, r) for s, e, r in de_minimis_rows(ref, content) if in_force(s, e, day)]
    if not rows:
        return None
    groups = set(groups_of(ref, country, day))
    mine = [(s, r) for s, r in rows if r.get("group") in groups]
    if not mine:
        mine = [(s, r) for s, r in rows if r.get("group") == OTHER]
    if not mine:
        return None
    counted = [(s, r) for s, r in mine if r.get("threshold_percent") is not None]
    if not counted:
        s, r = mine[0]
        return Threshold(content, None, str(r.get("group")), r, s)
    s, r = min(counted, key=lambda sr: float(sr[1]["threshold_percent"]))
    return Threshold(content, float(r["threshold_percent"]), str(r.get("group")), r, s)


def barred_index(ref: Reference) -> Searchable:
    """The screening index of the barred parties, built once per process."""
    return curated.index(ref, curated.US_BARRED)


def is_barred_name(ref: Reference, name: str, country: str, entry_id: str) -> bool:
    """Whether ``name`` (of a party in ``country``) matches the barred party ``entry_id``."""
    return any(h.entry.ref == entry_id for h in barred_index(ref).screen(name, country=country))


@dataclass(frozen=True)
class Barred:
    """A barred party named on the buying side."""

    entry: dict[str, Any]
    matched: str
    found: Found
    start: dt.date | None
    end: dt.date | None

    @property
    def alias(self) -> str:
        """The party's name or alias that matched."""
        return self.found.alias

    @property
    def exact(self) -> bool:
        """Whether the match is exact, not one to be confirmed."""
        return self.found.exact

    def assumption(self, where: str) -> str | None:
        """What the finding assumes about the match (nothing for a plain exact one)."""
        return assumption(self.matched, where, str(self.entry.get("name")), self.found)

    def match(self) -> Match:
        """The (party name, list entry) pair, for reports and ``not-a-match`` decisions."""
        return Match.of(self.matched, BARRED_LIST, str(self.entry.get("id")), self.found)


def barred_named(ref: Reference, names: list[str], country: str) -> list[Barred]:
    """Barred parties that one of ``names`` (in ``country``) matches, the first name each."""
    rows = {str(p.get("id")): p for p in ref.get(BARRED_LIST).data.get("parties") or []}
    out: dict[str, Barred] = {}
    for name in names:
        for found in barred_index(ref).screen(name, country=country):
            e = found.entry
            if e.ref not in out:
                out[e.ref] = Barred(rows[e.ref], name, found, e.listed_from, e.listed_to)
    return list(out.values())


def system_entry(ref: Reference, system_id: str | None) -> dict[str, Any]:
    """The catalogue entry with id ``system_id`` (empty when absent)."""
    if not system_id or "systems" not in ref.lists:
        return {}
    for entry in ref.get("systems").data.get("systems") or []:
        if str(entry.get("id")) == system_id:
            return dict(entry)
    return {}


def exclusions_at(ref: Reference, country: str, day: dt.date) -> list[dict[str, Any]]:
    """The 15 CFR 734.4(a) rows (no de minimis level) in force for ``country`` on ``day``."""
    lst = ref.get(GROUPS_LIST)
    groups = set(groups_of(ref, country, day))
    out = []
    for i, row in enumerate(lst.data.get("de_minimis_exclusions") or []):
        start = lst.date(row.get("from"), ("de_minimis_exclusions", i, "from"))
        end = lst.date(row.get("to"), ("de_minimis_exclusions", i, "to"))
        if not in_force(start, end, day):
            continue
        dest = row.get("destinations")
        if dest == "all" or (
            isinstance(dest, dict)
            and (country in (dest.get("countries") or []) or groups & set(dest.get("groups") or []))
        ):
            out.append(row)
    return out


def exclusion_hits(row: dict[str, Any], eccn: str, item_eccn: str | None, military: bool) -> bool:
    """Whether a part with ``eccn`` (in an item with ``item_eccn``) falls under ``row``."""
    e = normal_eccn(eccn)
    pattern = row.get("eccn_pattern")
    hit = any(e.startswith(normal_eccn(str(x))) for x in row.get("eccns") or []) or bool(
        pattern and re.match(str(pattern), e)
    )
    if not hit:
        return False
    wanted = row.get("item_eccns")
    if wanted and not (
        item_eccn and any(normal_eccn(item_eccn).startswith(normal_eccn(str(x))) for x in wanted)
    ):
        return False
    return military or not row.get("military_items_only")


def group_unconfirmed(ref: Reference, group: str) -> str | None:
    """The flag for a country group whose membership dates are marked unconfirmed."""
    _, groups = _groups(ref)
    g = groups.get(group)
    if not isinstance(g, dict) or not g.get("unconfirmed"):
        return None
    notes = [g.get("note")] if g.get("note") else g.get("membership_notes") or ["not confirmed"]
    return (
        f"this rests on an unconfirmed entry (Country Group {group} in "
        f"lists/ear-country-groups.yaml): {' '.join(str(notes[0]).split())}"
    )


def in_nato_plus(ref: Reference, country: str, day: dt.date) -> bool:
    """Whether ``country`` is in the NATO+ group of lists/nato-plus.yaml on ``day``."""
    lst = ref.lists.get("nato-plus")
    for i, m in enumerate(lst.data.get("members") or [] if lst else []):
        if lst is not None and str(m.get("country")) == country:
            start = lst.date(m.get("from"), ("members", i, "from"))
            end = lst.date(m.get("to"), ("members", i, "to"))
            if in_force(start, end, day):
                return True
    return False

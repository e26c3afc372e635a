"""EAR country groups and de minimis levels, for the us-content family.

Reads ``ear-country-groups.yaml``: dated country-group membership (15 CFR part 740 Supp. 1),
the de minimis rows of 15 CFR 734.4 and the 734.4(a) exclusions. Plain Python over the list;
no rule logic.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...facts import in_force
from ...records import record
from ...rulebook.reference import Reference, RefList
from ...transfer.vocab import normal_eccn

GROUPS_LIST = "ear-country-groups"
OTHER = "other"
KEPT = 4096  # answers kept per lookup table (by country and day) before it starts afresh


def kept_table(ref: Reference, table: str) -> dict[Any, Any]:
    """A table of answers derived from the lists only, for this process (bounded)."""
    found: dict[Any, Any] = ref.memo(table, dict)
    if len(found) >= KEPT:
        found.clear()
    return found


def _groups(ref: Reference) -> tuple[RefList, dict[str, Any]]:
    lst = ref.get(GROUPS_LIST)
    return lst, dict(lst.data.get("groups") or {})


def groups_of(ref: Reference, country: str, day: dt.date) -> list[str]:
    """The country groups (of the list) that hold ``country`` on ``day``."""
    kept = kept_table(ref, "us-content:groups-of")
    found: tuple[str, ...] | None = kept.get((country, day))
    if found is None:
        spans = ref.memo("us-content:group-spans", lambda: _group_spans(ref))
        found = kept[country, day] = tuple(
            dict.fromkeys(
                n for n, start, end in spans.get(country, []) if in_force(start, end, day)
            )
        )
    return list(found)


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


def licence_policies(ref: Reference, country: str, day: dt.date) -> list[str]:
    """The ``licence_policy`` notes of ``country``'s memberships in force on ``day``.

    A member row says so where the country's licences follow a policy of its own rather
    than the group's (Sudan in E:1: 15 CFR 742.10(b), case by case for some end users).
    """
    rows = ref.memo("us-content:licence-policies", lambda: _policies(ref)).get(country, ())
    return [policy for policy, start, end in rows if in_force(start, end, day)]


def _policies(ref: Reference) -> dict[str, list[tuple[str, dt.date | None, dt.date | None]]]:
    """Country → (licence policy, from, to) of its member rows that state one, in list order."""
    lst, groups = _groups(ref)
    out: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for name, g in groups.items():
        for m in g.get("members") or []:
            if m.get("licence_policy"):
                out.setdefault(str(m.get("country")), []).append(
                    (
                        " ".join(str(m["licence_policy"]).split()),
                        lst.date(m.get("from"), ("groups", name)),
                        lst.date(m.get("to"), ("groups", name)),
                    )
                )
    return out


def near_memberships(
    ref: Reference, country: str, day: dt.date, days: int = 365
) -> list[tuple[str, dt.date]]:
    """(group, date) for each membership of ``country`` ending or starting within ``days``.

    Only memberships not in force on ``day``: a country just out of (or just before) a group
    gets the general de minimis level, which is only as good as the group's dates.
    """
    spans = ref.memo("us-content:group-spans", lambda: _group_spans(ref))
    window = dt.timedelta(days=days)
    out: list[tuple[str, dt.date]] = []
    for name, start, end in spans.get(country, []):
        if in_force(start, end, day):
            continue
        if end is not None and day - window <= end <= day:
            out.append((name, end))
        elif start is not None and day < start <= day + window:
            out.append((name, start))
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


@record(frozen=True)
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
    """(from, to, row) for every de minimis row of ``content`` (read once per process)."""
    lst = ref.get(GROUPS_LIST)
    return list(
        ref.memo(
            f"us-content:de-minimis:{content}",
            lambda: tuple(
                (
                    lst.date(r.get("from"), ("de_minimis",)),
                    lst.date(r.get("to"), ("de_minimis",)),
                    r,
                )
                for r in lst.data.get("de_minimis") or []
                if r.get("content") == content
            ),
        )
    )


def first_row_date(ref: Reference, content: str) -> dt.date | None:
    """The earliest date any de minimis row for ``content`` applies from."""
    starts = [s for s, _, _ in de_minimis_rows(ref, content) if s is not None]
    return min(starts) if starts else None


def threshold(ref: Reference, content: str, country: str, day: dt.date) -> Threshold | None:
    """The applicable de minimis level, the lowest of the country's groups; ``None`` if no row."""
    kept = kept_table(ref, "us-content:thresholds")
    key = (content, country, day)
    if key not in kept:
        kept[key] = _threshold(ref, content, country, day)
    found: Threshold | None = kept[key]
    return found


def _threshold(ref: Reference, content: str, country: str, day: dt.date) -> Threshold | None:
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


def exclusions_at(ref: Reference, country: str, day: dt.date) -> list[dict[str, Any]]:
    """The 15 CFR 734.4(a) rows (no de minimis level) in force for ``country`` on ``day``."""
    kept = kept_table(ref, "us-content:exclusions")
    found: tuple[dict[str, Any], ...] | None = kept.get((country, day))
    if found is None:
        found = kept[country, day] = tuple(_exclusions_at(ref, country, day))
    return list(found)


def _exclusions(ref: Reference) -> tuple[tuple[dt.date | None, dt.date | None, Any], ...]:
    """(from, to, row) for every 734.4(a) exclusion row (read once per process)."""
    lst = ref.get(GROUPS_LIST)
    return tuple(
        (
            lst.date(row.get("from"), ("de_minimis_exclusions", i, "from")),
            lst.date(row.get("to"), ("de_minimis_exclusions", i, "to")),
            row,
        )
        for i, row in enumerate(lst.data.get("de_minimis_exclusions") or [])
    )


def _exclusions_at(ref: Reference, country: str, day: dt.date) -> list[dict[str, Any]]:
    groups = set(groups_of(ref, country, day))
    out = []
    for start, end, row in ref.memo("us-content:exclusion-rows", lambda: _exclusions(ref)):
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
    kept = kept_table(ref, "us-content:group-flags")
    if group not in kept:
        kept[group] = _group_unconfirmed(ref, group)
    flag: str | None = kept[group]
    return flag


def _group_unconfirmed(ref: Reference, group: str) -> str | None:
    g = (ref.get(GROUPS_LIST).data.get("groups") or {}).get(group)
    if not isinstance(g, dict) or not g.get("unconfirmed"):
        return None
    notes = [g.get("note")] if g.get("note") else g.get("membership_notes") or ["not confirmed"]
    return (
        f"this rests on an unconfirmed entry (Country Group {group} in "
        f"lists/ear-country-groups.yaml): {' '.join(str(notes[0]).split())}"
    )

"""Applying decisions to a verdict: findings are marked, never removed."""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from pathlib import PurePath
from typing import Any

from ..checker import rests_on_contested
from ..records import replace
from ..transfer.model import Transfer
from ..transfer.values import fold
from ..verdict import Finding, Verdict, family_outcome, overall
from .model import SATISFIES, Decision, Decisions
from .reader import today as run_day

_ITEM = re.compile(r"^items\[(\d+)\](?:\.components\[(\d+)\])?")
DEFAULT_REVIEW_DAYS = 30  # the longer statutory period, when a finding does not say


def apply_decisions(
    verdict: Verdict, transfer: Transfer, decisions: Decisions, *, today: dt.date | None = None
) -> Verdict:
    """``verdict`` with the findings that ``decisions`` answer marked and the verdict recomputed.

    Licences, notifications and UN approvals are judged at the verdict's date (the
    transfer's date or ``--as-of``); waivers expire against ``today`` (the run's date).
    """
    day = dt.date.fromisoformat(verdict.date)
    now = today or run_day()
    findings = list(verdict.findings)
    applied: list[dict[str, Any]] = []
    not_applied: list[dict[str, str]] = []
    order = sorted(decisions.entries, key=lambda d: d.kind != "not-a-match")
    dismissed = _dismissals([d for d in order if d.kind == "not-a-match"], transfer)
    for d in order:
        reason = _out_of_scope(d, transfer, day, now)
        answered: list[int] = []
        if reason is None:
            reasons: list[str] = []
            for i, f in enumerate(findings):
                why = _why_not(d, f, transfer, day, dismissed)
                if why is None:
                    answered.append(i)
                elif why:
                    reasons.append(why)
            reason = reasons[0] if reasons else _nothing(d)
        if not answered:
            not_applied.append({"ref": d.ref, "reason": reason})
            continue
        for i in answered:
            if findings[i].open:
                if d.kind == "waiver":
                    findings[i] = replace(findings[i], waived_by=d.ref)
                else:
                    findings[i] = replace(findings[i], satisfied_by=d.ref)
        applied.append(
            {"ref": d.ref, "kind": d.kind, "findings": [findings[i].rule for i in answered]}
        )
    families = {
        fam: family_outcome(fam, findings) if out in _OUTCOMES else out
        for fam, out in verdict.families.items()
    }
    result = overall(families)
    return replace(
        verdict,
        findings=findings,
        families=families,
        verdict=result,
        contested=rests_on_contested(findings, result),
        decisions={
            "file": decisions.file,
            "sha256": decisions.sha256,
            "applied": applied,
            "not_applied": not_applied,
        },
    )


def _dismissals(nams: list[Decision], t: Transfer) -> dict[tuple[str, str], str]:
    """(folded party name, entry id) → the reference of the not-a-match dismissing it."""
    out: dict[tuple[str, str], str] = {}
    for d in nams:
        if _files_match(d, t):
            out.setdefault((fold(d.party or ""), d.entry or ""), d.ref)
    return out


def _files_match(d: Decision, t: Transfer) -> bool:
    if not d.files:
        return True
    path = PurePath(t.file).as_posix()
    return any(fnmatch.fnmatch(path, p) or PurePath(path).match(p) for p in d.files)


def _out_of_scope(d: Decision, t: Transfer, day: dt.date, now: dt.date) -> str | None:
    """Why ``d`` cannot apply to this transfer at all, or ``None``."""
    if not _files_match(d, t):
        return f"the file {t.file} matches none of its patterns ({', '.join(d.files)})"
    if d.kind == "waiver":
        if d.end is not None and now > d.end:
            return f"the waiver expired on {d.end} (today is {now})"
        return None
    if d.kind == "licence":
        if d.start is not None and d.start > day:
            return f"the licence was issued on {d.start}, after the transfer's date {day}"
        if d.end is not None and d.end < day:
            return f"the licence expired on {d.end}, before the transfer's date {day}"
    elif d.kind != "not-a-match" and d.start is not None and d.start > day:
        return f"dated {d.start}, after the transfer's date {day}"
    s = d.scope
    if s.destination and s.destination != t.recipient.country:
        return f"it covers {s.destination_name}, not the recipient {t.recipient.country_name}"
    if s.parties:
        named = [n for n in [t.recipient.end_user, *t.recipient.entities] if n]
        if not named:
            return "it names parties, but the transfer names no end user or recipient entity"
        allowed = {fold(p) for p in s.parties}
        for n in named:
            if fold(n) not in allowed:
                return f"it does not name the party {n!r}"
    return None


def _why_not(
    d: Decision, f: Finding, t: Transfer, day: dt.date, dismissed: dict[tuple[str, str], str]
) -> str | None:
    """``None`` when ``d`` answers ``f``; else why not ('' when ``f`` is not its concern)."""
    if d.kind == "not-a-match":
        pair = (fold(d.party or ""), d.entry or "")
        mine = [m for m in f.matches if (fold(m.party), m.entry) == pair]
        if not mine or (d.list and all(m.list != d.list for m in mine)):
            return ""
        left = [m for m in f.matches if (fold(m.party), m.entry) not in dismissed]
        if left:
            rest = ", ".join(f"{m.party!r} → {m.entry}" for m in left)
            return f"{f.rule} also rests on {rest}, which no not-a-match dismisses"
        return None
    if d.kind == "waiver":
        return None if f.rule == d.rule else ""
    if f.outcome != SATISFIES[d.kind]:
        return ""
    if d.scope.rules and f.rule not in d.scope.rules:
        return ""
    if d.scope.items:
        missing = _uncovered(d, f, t)
        if missing:
            return f"it does not cover {missing!r} ({f.rule})"
    if d.kind == "notification" and d.start is not None:
        ends = d.start + dt.timedelta(days=f.review_days or DEFAULT_REVIEW_DAYS)
        if ends > day:
            return (
                f"the {f.review_days or DEFAULT_REVIEW_DAYS}-day review period runs until "
                f"{ends}, after the transfer's date {day}"
            )
    return None


def _uncovered(d: Decision, f: Finding, t: Transfer) -> str | None:
    """The first item or component of ``f`` that the decision's items do not cover."""
    covered = {fold(x) for x in d.scope.items}
    spots: list[tuple[int, int | None]] = []
    for e in f.evidence:
        m = _ITEM.match(e.path)
        if m:
            spots.append((int(m.group(1)), int(m.group(2)) if m.group(2) else None))
    if not spots:
        spots = [(it.index, None) for it in t.items]
    for i, c in spots:
        if i >= len(t.items):
            continue
        item = t.items[i]
        names = {fold(item.description), fold(item.category)}
        what = item.description
        if c is not None and c < len(item.components):
            names.add(fold(item.components[c].description))
            what = item.components[c].description
        if not names & covered:
            return what
    return None


def _nothing(d: Decision) -> str:
    if d.kind == "not-a-match":
        return f"no finding rests on a match of {d.party!r} to the list entry {d.entry!r}"
    if d.kind == "waiver":
        return f"no {d.rule} finding in this transfer"
    return f"no {SATISFIES[d.kind]} finding that it covers"


_OUTCOMES = {"violation", "conditional", "denial", "authorization-required"}
_OUTCOMES |= {"notification-required", "sanctioned", "exposure", "clear"}

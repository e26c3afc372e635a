"""Gathering a check's findings: matched facts' places and values once, each rule's first few."""

from __future__ import annotations

import operator
from typing import Any

from .facts import Citation, Fact
from .transfer.loc import Loc
from .verdict import Finding

# A report stays readable whatever the input: at most this many findings of each rule are listed.
MAX_FINDINGS_PER_RULE = 25
_PATH = operator.attrgetter("path")


def bounded(findings: list[Finding], notes: list[str]) -> list[Finding]:
    """At most :data:`MAX_FINDINGS_PER_RULE` findings of each rule; a note counts the rest."""
    if len(findings) <= MAX_FINDINGS_PER_RULE:  # no rule can have more
        return findings
    kept: list[Finding] = []
    shown: dict[str, int] = {}
    left: dict[str, int] = {}
    for f in findings:
        if shown.get(f.rule, 0) >= MAX_FINDINGS_PER_RULE:
            left[f.rule] = left.get(f.rule, 0) + 1
        else:
            shown[f.rule] = shown.get(f.rule, 0) + 1
            kept.append(f)
    for rule, n in left.items():
        notes.append(
            f"{rule}: {n:,} more findings with the same outcome are not listed "
            f"(the first {MAX_FINDINGS_PER_RULE} are)."
        )
    return kept


def citations_once(cites: list[Citation]) -> tuple[Citation, ...]:
    """Citations in order, each (instrument, pinpoint) pair once."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for c in cites:
        if (c.instrument, c.pinpoint) in seen:
            continue
        seen.add((c.instrument, c.pinpoint))
        out.append(c)
    return tuple(out)


def unique(items: Any) -> tuple[Any, ...]:
    """``items`` in order, each once."""
    return tuple(dict.fromkeys(items))


def places(facts: list[Fact]) -> tuple[Loc, ...]:
    """The facts' evidence in order, each place once."""
    if len(facts) != 1:
        return each(facts, "evidence")
    values = facts[0].evidence
    if len(values) < 2 or len(set(map(_PATH, values))) == len(values):
        return tuple(values)  # no two places share a path, so none equals another
    return tuple(dict.fromkeys(values))


def first_time(seen: dict[Any, list[tuple[Loc, ...]]], rule: str, where: tuple[Loc, ...]) -> bool:
    """Whether ``rule`` is found at ``where`` for the first time (equal places share paths)."""
    found = seen.setdefault((rule, tuple(map(_PATH, where))), [])
    if where in found:
        return False
    found.append(where)
    return True


def each(facts: list[Fact], name: str) -> tuple[Any, ...]:
    """The facts' ``name`` values (evidence, assumptions ...) in order, each once."""
    if len(facts) == 1:
        values = getattr(facts[0], name)
        return tuple(values) if len(values) < 2 else tuple(dict.fromkeys(values))
    return tuple(dict.fromkeys(v for f in facts for v in getattr(f, name)))

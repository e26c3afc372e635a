"""Rule coverage: which scenarios fire each rule, and which keep it silent.

A scenario keeps a rule *silent* when it lists the rule in ``not_rules``, or when
facts of the kind the rule matches were present and the rule still did not
fire: a near miss that shows the rule's conditions really discriminate.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..api import load_transfer
from ..checker import Checker
from ..errors import ComplianceError
from ..records import field, record
from .runner import fired, official_lists


@record
class RuleCoverage:
    """The scenarios that fire a rule and those where it stays silent."""

    rule: str
    fires: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)


def rule_coverage(checker: Checker, files: Iterable[Path]) -> list[RuleCoverage]:
    """Coverage of every rule over the scenario ``files`` (unreadable files are skipped)."""
    table = {r.id: RuleCoverage(r.id) for r in checker.rulebook.rules}
    kinds = {r.id: r.patterns[0].kind for r in checker.rulebook.rules}
    for path in files:
        try:
            transfer = load_transfer(path, checker.rulebook.reference)
            with official_lists(checker, transfer, path):
                verdict = checker.check(transfer)
                present = {f.kind for f in checker.facts(transfer, transfer.date)}
        except ComplianceError:
            continue
        ids = fired(verdict)
        named_silent = set((transfer.expect or {}).get("not_rules") or [])
        for rid, cov in table.items():
            if rid in ids:
                cov.fires.append(str(path))
            elif rid in named_silent or kinds[rid] in present:
                cov.silent.append(str(path))
    return list(table.values())

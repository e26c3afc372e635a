"""Scenario regression: run a scenario's ``expect`` block and list mismatches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from ..api import load_transfer
from ..checker import Checker
from ..errors import ComplianceError, InputError
from ..records import field, record
from ..transfer.model import Transfer
from ..verdict import FAMILY_OUTCOMES, NOT_EVALUATED, VERDICTS, Verdict


@record
class ScenarioResult:
    """The outcome of one scenario: mismatches (empty when it passes)."""

    file: str
    verdict: Verdict | None
    mismatches: list[str] = field(default_factory=list)
    error: str | None = None
    known_gap: str | None = None

    @property
    def passed(self) -> bool:
        """True when the check ran and matched every expectation."""
        return self.error is None and not self.mismatches


def fired(verdict: Verdict) -> set[str]:
    """Ids of every rule that fired, including rules whose outcome is clear."""
    ids = {f.rule for f in verdict.findings}
    ids |= {n.split(":", 1)[0] for n in verdict.notes if "/" in n.split(":", 1)[0]}
    return ids


def compare(expect: dict[str, Any], verdict: Verdict) -> list[str]:
    """Every way ``verdict`` differs from the ``expect`` block."""
    out: list[str] = []
    want = expect.get("verdict")
    if want is not None and want != verdict.verdict:
        out.append(f"verdict: expected {want}, got {verdict.verdict}")
    for fam, outcome in (expect.get("families") or {}).items():
        got = verdict.families.get(fam)
        if got != outcome:
            out.append(f"family {fam}: expected {outcome}, got {got}")
    ids = fired(verdict)
    for rid in expect.get("rules") or []:
        if rid not in ids:
            out.append(f"rule {rid}: expected to fire, did not")
    for rid in expect.get("not_rules") or []:
        if rid in ids:
            out.append(f"rule {rid}: expected not to fire, fired")
    return out


def validate_expect(expect: Any, file: str) -> dict[str, Any]:
    """Check an ``expect`` block's vocabulary; raise :class:`InputError` if wrong."""
    if not isinstance(expect, dict):
        raise InputError(
            "the scenario has no 'expect' block",
            file=file,
            hint="add expect: {verdict: ..., families: {...}}",
        )
    if expect.get("verdict") is not None and expect["verdict"] not in VERDICTS:
        raise InputError(
            f"expect.verdict {expect['verdict']!r} is not a verdict",
            file=file,
            hint=f"use one of: {', '.join(VERDICTS)}",
        )
    for fam, outcome in (expect.get("families") or {}).items():
        if fam not in FAMILY_OUTCOMES or outcome not in (*FAMILY_OUTCOMES[fam], NOT_EVALUATED):
            raise InputError(
                f"expect.families: {fam}: {outcome} is not a family outcome",
                file=file,
                hint="see the contract's family table",
            )
    return expect


def official_lists(
    checker: Checker, transfer: Transfer, path: Path
) -> AbstractContextManager[None]:
    """Check ``transfer`` against the official files its ``expect.official_lists`` names.

    A scenario that names none is checked with no official list, whatever the user has
    imported, so that its expectation holds on every machine.
    """
    from ..official.model import country_codes
    from ..official.scenario import scenario_lists

    raw = (transfer.expect or {}).get("official_lists")
    folder = (Path(path).parent / str(raw)) if raw else None
    if folder is not None and not folder.is_dir():
        raise InputError(
            f"expect.official_lists: {raw!r} is not a folder",
            file=str(path),
            hint="give the folder of official list files, relative to the scenario",
        )
    return scenario_lists(folder, country_codes(checker.rulebook.reference))


def run_scenario(checker: Checker, path: Path, as_of: dt.date | None = None) -> ScenarioResult:
    """Check one scenario file against its expectations."""
    try:
        transfer = load_transfer(path, checker.rulebook.reference)
        expect = validate_expect(transfer.expect, str(path))
        for rid in [*(expect.get("rules") or []), *(expect.get("not_rules") or [])]:
            if rid not in {r.id for r in checker.rulebook.rules}:
                raise InputError(
                    f"expect names unknown rule {rid!r}",
                    file=str(path),
                    hint="run 'armscheck rules' for the ids",
                )
        with official_lists(checker, transfer, path):
            verdict = checker.check(transfer, as_of)
    except ComplianceError as exc:
        return ScenarioResult(str(path), None, error=str(exc))
    return ScenarioResult(
        str(path), verdict, compare(expect, verdict), known_gap=transfer.known_gap
    )


def scenario_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every ``*.yaml`` under ``paths`` (files are taken as given), sorted."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        out.extend(sorted(p.rglob("*.yaml")) if p.is_dir() else [p])
    return out

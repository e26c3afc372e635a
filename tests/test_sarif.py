"""SARIF 2.1.0: valid against the official schema, one result per finding, right levels."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from armscheck import __version__, load_checker
from armscheck.api import load_transfer
from armscheck.decisions import apply_decisions, read_decisions
from armscheck.report import sarif

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))
T129 = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
SEEDS = sorted((ROOT / "scenarios" / "seeds").glob("*.yaml"))


def _validate(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_every_seed_gives_a_valid_log_with_one_result_per_finding() -> None:
    checker = load_checker()
    results = [checker.check_file(str(p)).as_dict() for p in SEEDS]
    log = sarif.render(
        results, checker.rulebook, version=__version__, errors=[("bad.yaml", "bad: x")]
    )
    _validate(log)
    [run] = log["runs"]
    assert len(run["results"]) == sum(len(r["findings"]) for r in results)
    assert run["invocations"][0]["executionSuccessful"] is False
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {r.id for r in checker.rulebook.rules}
    assert all(r["helpUri"].startswith("http") and r["help"]["text"] for r in rules)


def test_locations_point_at_the_yaml_line_and_column() -> None:
    checker = load_checker()
    log = sarif.render(
        [checker.check_file(str(T129)).as_dict()], checker.rulebook, version=__version__
    )
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    res = by_rule["us-content/itar-retransfer"]
    region = res["locations"][0]["physicalLocation"]["region"]
    line = T129.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith("description: LHTEC T800-4A")
    assert res["level"] == "warning"
    rule = log["runs"][0]["tool"]["driver"]["rules"][res["ruleIndex"]]
    assert rule["id"] == "us-content/itar-retransfer"


@pytest.mark.parametrize(
    ("outcome", "level"),
    [
        ("violation", "error"),
        ("denial", "error"),
        ("sanctioned", "error"),
        ("exposure", "warning"),
        ("conditional", "warning"),
        ("authorization-required", "warning"),
        ("notification-required", "warning"),
    ],
)
def test_levels_follow_the_outcome(outcome: str, level: str) -> None:
    assert sarif.level(outcome) == level


def test_decided_findings_are_suppressed_notes() -> None:
    checker = load_checker()
    book = checker.rulebook
    transfer = load_transfer(T129, book.reference)
    text = """\
decisions:
  - {ref: W-1, kind: waiver, rule: congress/third-party-3d, files: ["*"], reason: r,
     approver: a, expires: 2030-01-01}
"""
    found = read_decisions(text, "d.yaml", book.reference, {r.id: r.outcome for r in book.rules})
    v = apply_decisions(checker.check(transfer), transfer, found, today=dt.date(2026, 1, 1))
    log = sarif.render([v.as_dict()], book, version=__version__)
    _validate(log)
    [res] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "congress/third-party-3d"]
    assert res["level"] == "note"
    assert res["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "waived by W-1"}
    ]

"""The regression machinery bites: a flipped expectation or a missing scenario fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from armscheck.api import load_checker
from armscheck.cli import main
from armscheck.regression.coverage import rule_coverage
from armscheck.regression.runner import scenario_files

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "scenarios" / "seeds" / "iraq-iran-arms-2014.yaml"


def test_all_scenarios_pass_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(ROOT / "scenarios")]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].endswith("0 failed")


def test_a_flipped_expectation_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flipped = tmp_path / SEED.name
    flipped.write_text(SEED.read_text().replace("verdict: prohibited", "verdict: clear"))
    assert main(["test", str(flipped)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "expected clear, got prohibited" in out
    assert "un-embargo/supplier-export-ban" in out  # the reasoning is shown


def test_a_flipped_expectation_fails_under_pytest(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(ROOT / "tests", project / "tests")
    shutil.copytree(ROOT / "scenarios", project / "scenarios")
    target = project / "scenarios" / "seeds" / SEED.name
    target.write_text(target.read_text().replace("verdict: prohibited", "verdict: clear"))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(project / "tests" / "test_scenarios.py"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
    )
    assert run.returncode == 1, run.stdout[-2000:]
    assert "1 failed" in run.stdout and "expected clear, got prohibited" in run.stdout


def test_known_gap_that_passes_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gap = tmp_path / "gap.yaml"
    gap.write_text(SEED.read_text() + "known_gap: pretend the rules miss this\n")
    assert main(["test", str(gap)]) == 1
    assert "known_gap" in capsys.readouterr().out


def test_removing_a_rules_scenarios_makes_coverage_fail(tmp_path: Path) -> None:
    files = scenario_files([ROOT / "scenarios"])
    checker = load_checker()
    full = {c.rule: c for c in rule_coverage(checker, files)}
    rule = "un-embargo/region-unstated"
    assert full[rule].fires
    kept = [f for f in files if str(f) not in full[rule].fires]
    thinned = {c.rule: c for c in rule_coverage(checker, kept)}
    assert not thinned[rule].fires
    assert main(["test", "--coverage", *map(str, kept)]) == 1

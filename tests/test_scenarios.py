"""Every scenario under scenarios/ is its own test: its expect block must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from armscheck.api import load_checker
from armscheck.regression.runner import run_scenario, scenario_files

ROOT = Path(__file__).resolve().parents[1]
FILES = scenario_files([ROOT / "scenarios"])


def _param(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    marks = []
    if "\nknown_gap:" in text:
        marks.append(pytest.mark.xfail(reason="known gap", strict=True))
    return pytest.param(path, id=str(path.relative_to(ROOT)), marks=marks)


@pytest.mark.parametrize("path", [_param(p) for p in FILES])
def test_scenario(path: Path) -> None:
    res = run_scenario(load_checker(), path)
    if res.error:
        pytest.fail(f"{res.file}: {res.error}", pytrace=False)
    if res.mismatches:
        v = res.verdict
        assert v is not None
        lines = [
            f"{res.file}:",
            *(f"  {m}" for m in res.mismatches),
            f"  actual verdict {v.verdict}: {v.families}",
            *(f"  - {f.rule} ({f.outcome}): {f.why}" for f in v.findings),
        ]
        pytest.fail("\n".join(lines), pytrace=False)

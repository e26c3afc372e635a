from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from armscheck.rulebook.reference import Reference, load_reference

ROOT = Path(__file__).resolve().parents[1]

# Results carry the time of the run (run.timestamp); fix it so that outputs of two runs compare.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1764547200")

# In CI the property tests draw the same examples on every run, with no deadline: a CI run on a
# loaded machine must not fail at random. Elsewhere they explore new examples each time.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference(ROOT / "rules")


def changes_lifted(check: Any, data: dict[str, Any], family: str, *, overlap: bool = False) -> int:
    """Apply every change each ``family`` finding proposes and re-check: the finding must go.

    ``check`` maps YAML data to a verdict. With ``overlap``, a finding of the same rule that
    shares any evidence counts as the same finding; otherwise its evidence must be identical.
    Returns how many changes were verified.
    """
    from armscheck.explore.counterfactuals import edit

    count = 0
    for f in check(data).findings:
        if f.family != family:
            continue
        for change in f.changes:
            changed = data
            for path, value in change.edits:
                changed = edit(changed, path, value)
            same = [
                g
                for g in check(changed).findings
                if g.rule == f.rule
                and (set(g.evidence) & set(f.evidence) if overlap else g.evidence == f.evidence)
            ]
            assert not same, f"{change.text!r} did not lift {f.rule}"
            count += 1
    return count


@pytest.fixture(autouse=True, scope="session")
def _no_user_lists(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Tests never read the official lists the developer imported: an empty data folder."""
    import os

    old = os.environ.get("ARMSCHECK_DATA_DIR")
    os.environ["ARMSCHECK_DATA_DIR"] = str(tmp_path_factory.mktemp("no-lists"))
    yield
    if old is None:
        os.environ.pop("ARMSCHECK_DATA_DIR", None)
    else:
        os.environ["ARMSCHECK_DATA_DIR"] = old

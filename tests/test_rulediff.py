"""Rule diffs: a deliberately edited rule changes exactly what it should, nothing else."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from armscheck.errors import InputError, RuleError
from armscheck.explore.rulediff import (
    compare_results,
    diff_rules,
    load_rulebook_from,
    rules_at_revision,
)

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "scenarios").rglob("*.yaml"))
RULE = "us-content/itar-retransfer"


def _edit(rules: Path) -> None:
    """Make the ITAR retransfer rule a denial."""
    path = rules / "us-content" / "itar-retransfer.yaml"
    text = path.read_text(encoding="utf-8")
    assert "outcome: authorization-required" in text
    path.write_text(text.replace("outcome: authorization-required", "outcome: denial"), "utf-8")


def _expected(base: object) -> set[tuple[str, str, str, str]]:
    """The changes the edit must cause: computed from the base results alone."""
    from armscheck.api import load_transfer
    from armscheck.checker import Checker

    assert isinstance(base, Checker)
    out: set[tuple[str, str, str, str]] = set()
    for f in FILES:
        try:
            r = base.check(load_transfer(f, base.rulebook.reference)).as_dict()
        except Exception:  # noqa: BLE001 - error files are the same under both rulebooks
            continue
        hits = [x for x in r["findings"] if x["rule"] == RULE]
        if not hits:
            continue
        out.add((str(f), "finding", RULE, "denial"))
        if r["families"]["us-content"] != "denial":
            out.add((str(f), "family", "us-content", "denial"))
        if r["verdict"] != "prohibited":
            out.add((str(f), "verdict", "verdict", "prohibited"))
    return out


def _got(diffs: list) -> set[tuple[str, str, str, str]]:  # type: ignore[type-arg]
    return {(d.file, c["kind"], c["name"], c["head"]) for d in diffs for c in d.changes}


def test_two_folders_show_exactly_the_edit(tmp_path: Path) -> None:
    head = tmp_path / "head"
    shutil.copytree(ROOT / "rules", head)
    _edit(head)
    base_checker = load_rulebook_from(ROOT / "rules")
    diffs = diff_rules(FILES, base_checker, load_rulebook_from(head))
    expected = _expected(base_checker)
    assert len(expected) >= 5, "the edited rule should fire in several scenarios"
    # a finding whose outcome changes is reported once, base → head
    assert _got(diffs) == expected
    for d in diffs:
        for c in d.changes:
            if c["kind"] == "finding":
                assert (c["base"], c["head"]) == ("authorization-required", "denial")


def test_git_revisions(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "rules", repo / "rules")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "rules")
    git("commit", "-q", "-m", "rules")
    _edit(repo / "rules")
    git("commit", "-q", "-am", "edit")
    base = load_rulebook_from(rules_at_revision(repo / "rules", "HEAD~1", tmp_path / "base"))
    head = load_rulebook_from(rules_at_revision(repo / "rules", "HEAD", tmp_path / "head"))
    seeds = sorted((ROOT / "scenarios" / "seeds").glob("*.yaml"))
    diffs = diff_rules(seeds, base, head)
    assert {c["name"] for d in diffs for c in d.changes} <= {"verdict", "us-content", RULE}
    assert any(d.file.endswith("iraq-turkey-t129-2021.yaml") for d in diffs)
    same = diff_rules(seeds, base, load_rulebook_from(ROOT / "rules"))
    assert same == []
    with pytest.raises(InputError, match="git"):
        rules_at_revision(repo / "rules", "no-such-rev", tmp_path / "x")


def test_not_a_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not a rules folder"):
        load_rulebook_from(tmp_path)


def test_compare_results_reports_errors() -> None:
    ok = {"verdict": "clear", "families": {"caatsa": "clear"}, "findings": []}
    bad = {"verdict": "error", "families": {}, "findings": [], "error": "x: broken"}
    kinds = [c["kind"] for c in compare_results("f", ok, bad).changes]
    assert kinds == ["verdict", "error", "family"]

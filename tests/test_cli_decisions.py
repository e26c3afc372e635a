"""The command line for decisions, records, verify, diff, SARIF and baselines."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from armscheck.cli import build_parser, main
from test_decisions_hostile import BROKEN

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "scenarios" / "seeds"
T129 = SEEDS / "iraq-turkey-t129-2021.yaml"
SSB = ROOT / "scenarios" / "real" / "us-f16-kits-ssb-dcs-variant-2024.yaml"
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))
LICENCE = """\
decisions:
  - ref: DDTC-GC-0417-21
    kind: licence
    authority: DDTC
    number: GC 0417-21
    covers:
      rules: [us-content/itar-retransfer, us-content/proscribed-destination-case-by-case]
      destination: Iraq
    issued: 2021-07-01
    expires: 2025-06-30
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _deal(tmp_path: Path, decisions: str | None = LICENCE) -> Path:
    shutil.copy(T129, tmp_path / T129.name)
    if decisions is not None:
        (tmp_path / "armscheck-decisions.yaml").write_text(decisions, encoding="utf-8")
    return tmp_path / T129.name


def test_check_reads_the_decisions_beside_the_transfer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deal = _deal(tmp_path)
    code, out, err = _run(capsys, "check", "--format", "json", str(deal))
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["families"]["us-content"] == "clear"
    assert result["decisions"]["applied"][0]["ref"] == "DDTC-GC-0417-21"
    assert result["run"]["decisions"]["applied"] == ["DDTC-GC-0417-21"]
    assert result["run"]["as_of"] == "2021-08-27"
    code, out, _ = _run(capsys, "check", "--format", "json", "--no-decisions", str(deal))
    assert "decisions" not in json.loads(out)
    assert json.loads(out)["families"]["us-content"] == "authorization-required"


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_decisions_file_is_one_located_error_on_the_command_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, fragment, located = BROKEN[case]
    path = tmp_path / "decisions.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, out, err = _run(capsys, "check", "--format", "json", "--decisions", str(path), str(T129))
    assert (code, out) == (2, "")
    assert "Traceback" not in err and err.count("\n") == 1, err
    where = re.escape(str(path)) + (r":\d+:\d+: " if located else r": ")
    assert re.match(rf"^Error: {where}", err), err
    assert fragment in err


def test_missing_decisions_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "check", "--decisions", str(tmp_path / "none.yaml"), str(T129))
    assert code == 2 and "no such decisions file" in err


def test_record_then_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deal = _deal(tmp_path, None)
    records = tmp_path / "records"
    code, _, _ = _run(capsys, "check", "--format", "json", "--record", str(records), str(deal))
    [record] = list(records.glob("*.json"))
    assert _run(capsys, "verify", "--format", "json", str(record))[0] == 0
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    rule = rules / "us-content" / "itar-retransfer.yaml"
    rule.write_text(
        rule.read_text("utf-8").replace("outcome: authorization-required", "outcome: denial"),
        "utf-8",
    )
    code, out, _ = _run(capsys, "--rules", str(rules), "verify", "--format", "json", str(record))
    assert code == 1
    result = json.loads(out)
    assert result["verdict"] == {"recorded": "approval-required", "now": "prohibited"}
    assert "verdict: approval-required → prohibited" in result["changes"]
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert _run(capsys, "verify", str(bad))[0] == 2


def test_diff_of_two_rules_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = tmp_path / "head"
    shutil.copytree(ROOT / "rules", head)
    rule = head / "us-content" / "itar-retransfer.yaml"
    rule.write_text(
        rule.read_text("utf-8").replace("outcome: authorization-required", "outcome: denial"),
        "utf-8",
    )
    argv = ["diff", "--base-rules", str(ROOT / "rules"), "--head-rules", str(head)]
    code, out, _ = _run(capsys, *argv, "--format", "json", str(SEEDS))
    assert code == 0
    doc = json.loads(out)
    [t129] = [d for d in doc["changed"] if d["file"].endswith(T129.name)]
    assert (t129["base"], t129["head"]) == ("approval-required", "prohibited")
    names = {c["name"] for d in doc["changed"] for c in d["changes"]}
    assert names <= {"verdict", "us-content", "us-content/itar-retransfer"}
    assert _run(capsys, *argv, "--fail-on-change", "--format", "json", str(SEEDS))[0] == 1
    code, out, _ = _run(capsys, *argv, "--format", "human", str(SEEDS))
    assert "prohibited" in out and "approval-required" in out
    code, _, err = _run(capsys, "diff", str(SEEDS))
    assert code == 2 and "--base" in err


def test_sarif_from_check_and_batch_validates(capsys: pytest.CaptureFixture[str]) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA)
    code, out, _ = _run(capsys, "check", "--format", "sarif", str(T129), str(SSB))
    assert code == 1  # the SSB deal is prohibited
    log = json.loads(out)
    assert not list(validator.iter_errors(log))
    assert log["runs"][0]["properties"]["run"]["rules"]["sha256"]
    code, out, _ = _run(capsys, "batch", "-q", "-j", "1", "--format", "sarif", str(SEEDS))
    assert not list(validator.iter_errors(json.loads(out)))


def test_baseline_lets_only_new_findings_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    shutil.copy(SSB, deals / SSB.name)
    code, out, _ = _run(capsys, "batch", "-q", "-j", "1", "--format", "jsonl", str(deals))
    assert code == 1
    base = tmp_path / "baseline.jsonl"
    base.write_text(out, encoding="utf-8")
    argv = ["batch", "-q", "-j", "1", "--format", "jsonl", "--baseline", str(base), str(deals)]
    assert _run(capsys, *argv)[0] == 0
    assert _run(capsys, "check", "--baseline", str(base), str(deals / SSB.name))[0] == 0
    shutil.copy(SSB, deals / "another.yaml")  # the same findings in a new file are new
    assert _run(capsys, *argv)[0] == 1


def test_pre_commit_hooks_and_action_use_real_options() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    parser = build_parser()
    ids = {h["id"] for h in hooks}
    assert "armscheck" in ids
    for hook in hooks:
        assert re.search(hook["files"], "deals/x.yaml") and re.search(hook["files"], "a.yml")
        argv = hook["entry"].split()[1:] + hook["args"] + ["x.yaml"]
        parser.parse_args(argv)
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    script = next(s["run"] for s in steps if s.get("id") == "check")
    assert "batch --quiet --format sarif" in script
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    parser.parse_args(
        [
            "batch",
            "--quiet",
            "--format",
            "sarif",
            "--fail-on",
            "prohibited",
            "--baseline",
            "b.json",
            "--decisions",
            "d.yaml",
            "deals",
        ]
    )

"""Baselines: only findings new since a previous result fail the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armscheck import load_checker
from armscheck.decisions.baseline import fails, load_baseline, new_findings
from armscheck.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SSB = "scenarios/real/us-f16-kits-ssb-dcs-variant-2024.yaml"


def _result() -> dict[str, object]:
    return load_checker().check_file(str(ROOT / SSB)).as_dict() | {"file": SSB}


def test_baseline_findings_do_not_fail(tmp_path: Path) -> None:
    result = _result()
    assert result["verdict"] == "prohibited"
    base = tmp_path / "base.json"
    base.write_text(json.dumps([result]), encoding="utf-8")
    keys = load_baseline(base)
    assert new_findings(result, keys) == []
    assert not fails(result, keys, "prohibited")
    assert fails(result, None, "prohibited")


def test_lines_do_not_matter_but_files_rules_and_paths_do(tmp_path: Path) -> None:
    result = _result()
    old = json.loads(json.dumps(result))
    for f in old["findings"]:
        for e in f["evidence"]:
            e["line"] = 999
    denial = next(f for f in old["findings"] if f["outcome"] == "denial")
    old["findings"].remove(denial)
    base = tmp_path / "base.jsonl"
    base.write_text(json.dumps(old) + "\n" + json.dumps({"file": "x", "error": "e"}) + "\n")
    keys = load_baseline(base)
    fresh = new_findings(result, keys)
    assert [f["rule"] for f in fresh] == [denial["rule"]]
    assert fails(result, keys, "prohibited")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"a": 1}\nnope\n'])
def test_bad_baseline_is_an_input_error(tmp_path: Path, content: str) -> None:
    base = tmp_path / "base.json"
    base.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_baseline(base)

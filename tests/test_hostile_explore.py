"""Counterfactuals on hostile transfers: bounded work and output, edits on one place only."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from armscheck.cli import main
from armscheck.explore.counterfactuals import edit

SHARED = """\
name: Two items share one parts list
date: 2021-08-27
supplier: {country: Turkey}
recipient: {country: Iraq, end_user_type: government}
items:
  - description: Helicopter A
    category: attack-helicopter
    unit_value_usd: 60m
    components: &parts
      - {description: LHTEC T800 engine, origin: US, control: itar, unit_value_usd: 1.5m}
  - description: Helicopter B
    category: attack-helicopter
    unit_value_usd: 60m
    components: *parts
"""


def _aliased(times: int) -> str:
    parts = "\n".join(
        f"      - {{description: P{i}, origin: US, control: itar, unit_value_usd: 1m}}"
        for i in range(8)
    )
    head = SHARED.split("items:")[0] + "items:\n"
    item = (
        "  - &it\n    description: Helicopter\n    category: attack-helicopter\n"
        f"    unit_value_usd: 60m\n    components:\n{parts}\n"
    )
    return head + item + "  - *it\n" * (times - 1)


def test_an_edit_through_an_anchor_changes_one_place() -> None:
    shared = [{"description": "engine", "origin": "US"}]
    data = {"items": [{"components": shared}, {"components": shared}]}
    out = edit(data, "items[0].components[0]", None)
    assert out["items"][0]["components"] == []
    assert out["items"][1]["components"] == [{"description": "engine", "origin": "US"}]
    assert data["items"][0]["components"] == shared == [{"description": "engine", "origin": "US"}]
    out = edit(data, "items[1].components[0].origin", "TR")
    assert out["items"][0]["components"][0]["origin"] == "US"
    assert out["items"][1]["components"][0]["origin"] == "TR"


def test_a_counterfactual_on_a_shared_part_keeps_the_other_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shared.yaml"
    path.write_text(SHARED)
    main(["check", "--format", "json", str(path)])
    data = json.loads(capsys.readouterr().out)
    per_part = [f for f in data["findings"] if f["rule"] == "us-content/itar-retransfer"]
    assert len(per_part) == 2
    for f in per_part:  # replacing the engine of one item leaves the other's
        (cf,) = f["counterfactuals"]
        assert "authorization-required" in cf["outcome"] and "verdict clear" not in cf["outcome"]


def test_one_item_aliased_500_times_is_quick_and_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aliased.yaml"
    path.write_text(_aliased(500))
    assert path.stat().st_size < 5_000
    for fmt in ("json", "markdown", "human"):
        start = time.perf_counter()
        main(["check", "--format", fmt, str(path)])
        out = capsys.readouterr().out
        assert time.perf_counter() - start < 15, fmt  # was 20-50 s
        assert len(out) < 150_000, (fmt, len(out))  # was 5-8 MB
    main(["check", "--format", "json", str(path)])
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "approval-required"
    assert data["families"]["us-content"] == "authorization-required"
    assert any("3,975 more findings" in n for n in data["notes"])
    assert any("not re-checked" in n and "4,500" in n for n in data["notes"])
    assert all(len(f["evidence"]) <= 50 for f in data["findings"])


@pytest.mark.parametrize(
    "argv",
    [["timeline"], ["matrix", "--recipients", "all"], ["matrix", "--over-time"]],
    ids=["timeline", "matrix", "over-time"],
)
def test_timeline_and_matrix_refuse_work_beyond_their_budget(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aliased.yaml"
    path.write_text(_aliased(500))
    start = time.perf_counter()
    assert main([*argv, "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert time.perf_counter() - start < 15  # the timeline took 20 s, the matrix minutes
    assert err.startswith(f"Error: {path}: 4,500 items and components") and " — " in err


def test_a_small_transfer_still_gets_its_whole_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    seed = (
        Path(__file__).resolve().parents[1] / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
    )
    assert main(["matrix", "--recipients", "all", "--format", "json", str(seed)]) in (0, 1)
    assert len(json.loads(capsys.readouterr().out)["rows"]) > 200

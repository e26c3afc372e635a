"""Paths and batches that once gave tracebacks or hung: dead workers, odd files and folders."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from armscheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "scenarios" / "seeds").glob("*.yaml"))
GOOD = SEEDS[-1]  # the T129 seed: approval-required

TINY_ITEM = """\
name: Tiny item, huge part
date: 2021-08-27
supplier: {country: Turkey}
recipient: {country: Iraq}
items:
  - description: Widget
    category: other-military
    unit_value_usd: 0.01
    components:
      - {description: US part, origin: US, control: itar, unit_value_usd: "$9,999bn"}
"""


def _rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def _one_error(err: str, file: str, fragment: str) -> None:
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith(f"Error: {file}") and " — " in err and fragment in err, err


def test_a_part_worth_a_billion_items_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY_ITEM)
    assert main(["check", "--format", "json", str(bad)]) == 2
    _one_error(capsys.readouterr().err, f"{bad}:10:", "over a billion times the item")


def test_items_adding_up_past_ten_trillion_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = "  - {description: Ship, category: warship, quantity: 1000, unit_value_usd: 9bn}\n"
    bad = tmp_path / "sum.yaml"
    bad.write_text(TINY_ITEM.split("items:")[0] + "items:\n" + line * 3)
    assert main(["check", "--format", "json", str(bad)]) == 2
    _one_error(capsys.readouterr().err, f"{bad}:7:", "items total")


def test_good_files_around_a_bad_one_are_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY_ITEM)
    code = main(["check", "--format", "json", str(GOOD), str(bad), str(GOOD)])
    out, err = capsys.readouterr()
    assert code == 2
    assert [v["verdict"] for v in json.loads(out)] == ["approval-required"] * 2
    _one_error(err, str(bad), "billion")


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda d: d / ("x" * 300 + ".yaml"), "over the limit"),
        (lambda d: d / "nowhere.yaml", "No such file"),
    ],
    ids=["name-over-255-bytes", "missing"],
)
def test_unreachable_paths_are_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, fragment: str
) -> None:
    path = str(make(tmp_path))  # type: ignore[operator]
    assert main(["check", str(path)]) == 2
    _one_error(capsys.readouterr().err, path, fragment)
    assert main(["batch", "--format", "jsonl", "--jobs", "1", path]) == 2
    (row,) = _rows(capsys.readouterr().out)
    assert row["file"] == path and fragment in str(row["error"])


def test_dangling_symlink_is_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(GOOD, tmp_path / "good.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone.yaml")
    assert main(["batch", "--format", "jsonl", "--jobs", "1", str(tmp_path)]) == 2
    rows = _rows(capsys.readouterr().out)
    assert [Path(str(r["file"])).name for r in rows] == ["good.yaml", "link.yaml"]
    assert "symbolic link to" in str(rows[1]["error"])


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Act as if ``denied`` had no read or search permission (tests may run as root)."""
    real_scandir, real_stat, real_listdir = os.scandir, os.stat, os.listdir
    locked = os.path.abspath(denied)

    def refuse(path: object) -> None:
        if os.path.abspath(os.fsdecode(path)) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fsdecode(path))  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        refuse(path)
        return real_scandir(path)  # type: ignore[arg-type]

    def listdir(path: object = ".") -> object:
        refuse(path)
        return real_listdir(path)  # type: ignore[arg-type]

    def stat(path: object, *a: object, **k: object) -> object:
        p = os.path.abspath(os.fsdecode(path))  # type: ignore[arg-type]
        if os.path.dirname(p) == locked:
            raise PermissionError(13, "Permission denied", p)
        return real_stat(path, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(os, "stat", stat)


def test_unreadable_folder_is_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(GOOD, tmp_path / "a.yaml")
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(GOOD, locked / "b.yaml")
    from armscheck.api import load_checker

    load_checker()  # read the rules before the file system starts refusing
    _deny(monkeypatch, locked)
    assert main(["batch", "--format", "jsonl", "--jobs", "1", str(tmp_path)]) == 2
    rows = _rows(capsys.readouterr().out)
    assert [r["file"] for r in rows] == [str(tmp_path / "a.yaml"), str(locked)]
    assert "cannot list the folder" in str(rows[1]["error"])


def test_file_in_unsearchable_folder_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(GOOD, locked / "b.yaml")
    from armscheck.api import load_checker

    load_checker()
    _deny(monkeypatch, locked)
    assert main(["check", str(locked / "b.yaml")]) == 2
    _one_error(capsys.readouterr().err, str(locked / "b.yaml"), "permission denied")


def test_a_dying_worker_becomes_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from armscheck.checker import Checker

    for i in range(4):
        shutil.copy(GOOD, tmp_path / f"f{i}.yaml")
    shutil.copy(GOOD, tmp_path / "f1-dies.yaml")
    real = Checker.check_file

    def check_file(self: Checker, path: str, as_of: object = None) -> object:
        if "dies" in path:
            os._exit(3)  # a worker killed mid-check, as a crash in C code would
        return real(self, path, as_of)  # type: ignore[arg-type]

    monkeypatch.setattr(Checker, "check_file", check_file)  # workers are forked with it
    code = main(["batch", "--format", "jsonl", "--jobs", "2", str(tmp_path)])
    rows = _rows(capsys.readouterr().out)
    assert code == 2
    assert [Path(str(r["file"])).name for r in rows] == [
        "f0.yaml", "f1-dies.yaml", "f1.yaml", "f2.yaml", "f3.yaml",
    ]  # fmt: skip
    assert "stopped abruptly" in str(rows[1]["error"])
    assert all(r.get("verdict") == "approval-required" for i, r in enumerate(rows) if i != 1)

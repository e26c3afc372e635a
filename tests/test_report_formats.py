"""--format html and svg from the command line, matrix --over-time, and finding names."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from armscheck.api import load_checker, load_transfer
from armscheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "scenarios/seeds/iraq-turkey-t129-2021.yaml")
SVG = "{http://www.w3.org/2000/svg}"


def out_of(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> str:
    assert main(argv) == code
    return capsys.readouterr().out


def test_check_html(capsys: pytest.CaptureFixture[str]) -> None:
    page = out_of(capsys, ["check", "--format", "html", SEED])
    assert page.startswith("<!DOCTYPE html>") and 'class="badge approval-required"' in page
    assert "<mark>" in page  # the YAML lines behind a finding


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--format", "svg", SEED],
        ["matrix", "--format", "svg", "--recipients", "Iraq,Iran", SEED],
        ["matrix", "--over-time", "--format", "svg", "--recipients", "IQ,IR", SEED],
    ],
    ids=["timeline", "map", "heat-map"],
)
def test_svg_alone(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    root = ET.fromstring(out_of(capsys, argv))
    assert root.tag == f"{SVG}svg" and root.find(f"{SVG}title") is not None


def test_over_time_periods_hold_between_change_dates(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["matrix", "--over-time", "--format", "json", "--recipients", "Iraq,Iran,Syria"]
    data = json.loads(out_of(capsys, [*argv, "--from", "1990-01-01", "--to", "2026-01-01", SEED]))
    checker = load_checker(None)
    transfer = load_transfer(SEED, checker.rulebook.reference)
    from armscheck.explore.counterfactuals import apply_change
    from armscheck.facts import Change

    assert [r["recipient"] for r in data["rows"]] == ["IR", "IQ", "SY"]  # by name
    for row in data["rows"]:
        code = row["recipient"]
        moved, _ = apply_change(
            checker,
            transfer,
            Change(code, (("recipient.country", code), ("recipient.region", None))),
        )
        periods = row["periods"]
        assert periods[0]["from"] == "1990-01-01" and periods[-1]["to"] == "2026-01-01"
        keys = ("verdict", "families", "review_days", "contested")
        for p, q in zip(periods, periods[1:], strict=False):
            assert p["to"] == q["from"]
            assert [p[k] for k in keys] != [q[k] for k in keys]  # equal neighbours merged
        for p in periods:  # first and last day of every period have its verdict
            first = dt.date.fromisoformat(p["from"])
            last = dt.date.fromisoformat(p["to"]) - dt.timedelta(days=1)
            for day in (first, last):
                assert checker.check(moved, day).verdict == p["verdict"], (code, day)


def test_unknown_system_suggests_names_people_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        Path(SEED)
        .read_text()
        .replace("category: attack-helicopter", "category: combat-aircraft\n    system: F-16")
    )
    path = tmp_path / "f16.yaml"
    path.write_text(text)
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert "did you mean 'F-16V' or 'F-16 Block 70'" in err


@pytest.mark.parametrize(
    ("written", "said", "not_said"),
    [
        ("Houthis", "not a country: write it as recipient.end_user", "Haiti"),
        ("Hezbollah", "end_user_type: non-state", "did you mean"),
        ("Irak", "did you mean 'Iraq'", "Réunion"),
    ],
)
def test_unknown_country_hints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, said: str, not_said: str
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(Path(SEED).read_text().replace("country: Iraq", f"country: {written}"))
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert said in err and not_said not in err


def test_batch_html(capsys: pytest.CaptureFixture[str]) -> None:
    seeds = str(ROOT / "scenarios/seeds")
    page = out_of(capsys, ["batch", "--format", "html", "--jobs", "1", seeds], code=1)
    files = sorted((ROOT / "scenarios/seeds").glob("*.yaml"))
    assert page.startswith("<!DOCTYPE html>") and page.count('class="transfer"') == len(files)
    assert "<mark>" in page  # few files: each finding quotes its lines

"""Reports that stay well-formed whatever the input holds."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from armscheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "scenarios" / "seeds").glob("*.yaml"))
IRAN = ROOT / "scenarios" / "seeds" / "iraq-iran-arms-2014.yaml"


def test_junit_parses_whatever_the_names_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    text = IRAN.read_text()
    escapes = ["\\x0b", "\\x00", "\\x1b[31m", "\\uFFFE", "\\x7f", "\\u0085"]
    for i, esc in enumerate(escapes):  # YAML escapes: legal YAML, illegal XML 1.0
        bad = text.replace("country: Iraq", f'country: "Ira{esc}q"', 1)  # an error row
        (tmp_path / f"err{i}.yaml").write_text(bad)
        named = text.replace("\nname: ", f'\nname: "x{esc}y"\nknown_gap: ', 1)
        (tmp_path / f"ok{i}.yaml").write_text(named)
    (tmp_path / "file\x0bname.yaml").write_text(text)
    main(["batch", "--format", "junit", "--jobs", "1", "--fail-on", "clear", str(tmp_path)])
    out = capsys.readouterr().out
    suite = ET.fromstring(out)  # raises if the XML does not parse
    cases = suite.findall("testcase")
    assert len(cases) == len(SEEDS) + 2 * len(escapes) + 1
    assert int(suite.get("errors", "0")) == len(escapes)
    assert any("\\x0b" in str(c.get("name")) for c in cases)
    errors = [c.find("error") for c in cases if c.find("error") is not None]
    messages = [str(e.get("message")) for e in errors if e is not None]
    assert any("U+000B LINE TABULATION" in m for m in messages), messages


# Verdicts that claim no more than the rules know

T129 = str(ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml")


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    import json

    main([*argv, "--format", "json"])
    return dict(json.loads(capsys.readouterr().out))


def test_a_family_with_no_rule_in_force_is_not_evaluated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    d = _json(capsys, "check", "--as-of", "1950-01-01", T129)
    fams = d["families"]
    assert isinstance(fams, dict)
    assert fams["us-content"] == fams["congress"] == "not-evaluated"
    assert d["verdict"] == "clear" and d["complete"] is False
    assert d["not_evaluated"] == ["us-content", "congress"]
    main(["check", "--as-of", "1950-01-01", "--format", "human", T129])
    human = " ".join(capsys.readouterr().out.split())
    assert (
        "CLEAR for un-embargo, caatsa — us-content, congress not evaluated on 1950-01-01" in human
    )
    main(["check", "--as-of", "1950-01-01", "--format", "markdown", T129])
    assert "us-content, congress not evaluated on 1950-01-01" in capsys.readouterr().out


def test_a_fully_evaluated_check_keeps_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    d = _json(capsys, "check", T129)
    assert d["verdict"] == "approval-required" and d["complete"] is True
    assert d["not_evaluated"] == []
    assert "not-evaluated" not in dict(d["families"]).values()  # type: ignore[call-overload]


def test_the_timeline_draws_unknown_periods_as_not_evaluated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    d = _json(capsys, "timeline", T129)
    periods = d["periods"]
    assert isinstance(periods, list)
    first = periods[0]
    assert first["from"] == "1946-01-01" and first["complete"] is False
    assert first["families"]["us-content"] == "not-evaluated"
    assert periods[-1]["complete"] is True
    main(["timeline", "--format", "human", T129])
    verdict_row = next(
        ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("verdict")
    )
    assert verdict_row.split()[1] == "–"  # not the clear mark


def test_every_output_says_when_the_law_was_reviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from armscheck.api import load_checker

    reviewed = load_checker().rulebook.law_reviewed
    assert reviewed is not None
    later = tmp_path / "later.yaml"
    later.write_text(Path(T129).read_text().replace("date: 2021-08-27", "date: 2031-01-01"))
    d = _json(capsys, "check", str(later))
    assert d["law_reviewed"] == reviewed.isoformat()
    notes = d["notes"]
    assert isinstance(notes, list) and notes[0].startswith("Warning: checked at 2031-01-01")
    main(["check", "--format", "human", str(later)])
    human = " ".join(capsys.readouterr().out.split())
    assert f"law data last reviewed {reviewed}" in human and "Warning: 2031-01-01 is after" in human
    main(["check", "--format", "markdown", str(later)])
    md = capsys.readouterr().out
    assert f"law data last reviewed {reviewed}" in md and "**Warning: 2031-01-01" in md
    d = _json(capsys, "check", T129)
    assert not any(str(n).startswith("Warning: checked at") for n in d["notes"])  # type: ignore[attr-defined]

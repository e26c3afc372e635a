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
    assert any("\\x0b" in str(e.get("message")) for e in errors if e is not None)

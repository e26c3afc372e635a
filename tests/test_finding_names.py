"""Finding your way: systems and countries listed, historic states, examples in --help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armscheck.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
DEAL = """\
name: A tank sale
date: {date}
supplier: {{country: {supplier}}}
recipient: {{country: {recipient}}}
items:
  - {{description: tank, category: battle-tank, quantity: 10, unit_value_usd: 1m}}
"""


def write(tmp_path: Path, date: str, supplier: str, recipient: str) -> str:
    path = tmp_path / "deal.yaml"
    path.write_text(DEAL.format(date=date, supplier=supplier, recipient=recipient))
    return str(path)


def test_systems_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["systems", "--format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert len(every) > 10 and {"id", "name", "aliases", "category"} <= set(every[0])
    assert main(["systems", "F-16", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in found] == ["f-16-block-70"]
    assert main(["systems", "nothing-like-this"]) == 1


def test_countries_lists_names_codes_and_historic_states(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["countries", "--format", "json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["SU"]["existed"] == "until 1991-12-26" and rows["SU"]["historic"]
    assert rows["DD"]["existed"] == "1949-10-07 to 1990-10-03"
    assert "West Germany" in rows["DE"]["aliases"] and rows["DE"]["existed"] is None
    assert main(["countries", "soviet union", "--format", "json"]) == 0
    assert [r["code"] for r in json.loads(capsys.readouterr().out)] == ["SU"]


def test_soviet_union_is_not_reunion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", write(tmp_path, "1985-01-01", "Soviet Union", "Sovet Union")]) == 2
    err = capsys.readouterr().err
    assert "Réunion" not in err and "Soviet Union" in err


def test_historic_state_outside_its_years_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", write(tmp_path, "1995-01-01", "Russia", "East Germany")]) == 2
    err = capsys.readouterr().err
    assert (
        ":4:" in err and "East Germany existed 1949-10-07 to 1990-10-03, not on 1995-01-01" in err
    )


def test_historic_states_say_what_the_rules_cover(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json", write(tmp_path, "1985-01-01", "USSR", "GDR")]) == 0
    v = json.loads(capsys.readouterr().out)
    notes = " ".join(v["assumptions"])
    assert "Soviet Union (SU) is a historic state" in notes and "East Germany (DD)" in notes
    assert "126.1" in notes  # what is not encoded is said, not taken as clear


def test_yugoslavia_under_its_later_names_meets_the_un_embargo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "1993-05-01", "Russia", "Serbia and Montenegro")
    assert main(["check", "--format", "json", path]) == 1
    v = json.loads(capsys.readouterr().out)
    assert v["families"]["un-embargo"] == "violation"


def test_every_command_help_has_examples() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    choices = getattr(sub, "choices", {})
    assert {"check", "batch", "timeline", "matrix", "systems", "countries"} <= set(choices)
    for name, command in choices.items():
        assert "examples:" in (command.epilog or ""), name
        assert f"armscheck {name}" in command.format_help(), name


def test_the_docs_list_every_vocabulary() -> None:
    from armscheck.rulebook.reference import load_reference
    from armscheck.transfer.model import CHANNELS, CONTROLS, END_USER_TYPES

    text = (ROOT / "scenarios" / "README.md").read_text()
    words = [*load_reference(ROOT / "rules").categories, *CONTROLS, *END_USER_TYPES, *CHANNELS]
    assert [w for w in words if f"`{w}`" not in text] == []


def test_readme_pictures_exist() -> None:
    import re

    readme = (ROOT / "README.md").read_text()
    pictures = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", readme)
    assert len(pictures) >= 3
    assert all((ROOT / p).is_file() for p in pictures)

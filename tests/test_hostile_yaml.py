"""YAML read as written: explicit tags follow the same YAML 1.2 rules as plain values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armscheck.cli import main
from armscheck.errors import InputError
from armscheck.transfer.yamldoc import parse

BASE = """\
name: Test transfer
date: 2021-08-27
supplier: {country: Turkey}
recipient: {country: Iraq}
items:
  - description: Helicopter
    category: attack-helicopter
    quantity: 2
    unit_value_usd: 60m
"""


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("!!int 014000000", 14_000_000),  # never octal ($3.1m)
        ("014000000", 14_000_000),
        ("!!int 1_000", 1000),
        ("!!int -5", -5),
        ("!!int '12'", 12),
        ("!!float 5", 5.0),
        ("!!float +1.5e3", 1500.0),
        ('!!float "2e6"', 2e6),
        ("!!bool true", True),
        ("!!bool False", False),
        ("!!null ~", None),
        ("!!null", None),
        ("!!str 014", "014"),
        ("!!str 0x10", "0x10"),
        ("!!str yes", "yes"),
        ("0x10", "0x10"),  # plain: text, then refused where a number is needed
        ("1:30:00", "1:30:00"),
        ("yes", "yes"),
    ],
)
def test_tags_read_as_yaml_1_2(text: str, value: object) -> None:
    assert parse(f"a: {text}\n", "t.yaml").data["a"] == value


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("!!int 0x10", "decimal only"),
        ("!!int 0o17", "decimal only"),
        ("!!int 0b11", "decimal only"),
        ("!!int 1:30", "decimal only"),
        ("!!int 1.5", "decimal only"),
        ("!!float 1:30:00", "decimal only"),
        ("!!float 0x1p3", "decimal only"),
        ("!!bool yes", "true and false"),
        ("!!bool on", "true and false"),
        ("!!null nothing", "null"),
        ('!!int ""', "cannot read"),
    ],
)
def test_tags_outside_yaml_1_2_are_located_errors(text: str, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        parse(f"x: 1\na: {text}\n", "t.yaml")
    assert info.value.line == 2 and info.value.column == 4
    assert fragment in str(info.value) and info.value.hint


def test_octal_looking_value_needs_notification(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``!!int 014000000`` is $14m, at the §36 MDE threshold, not $3.1m."""
    text = BASE.replace("quantity: 2\n    unit_value_usd: 60m", "quantity: 1\n    value_usd: 1")
    text += (
        "    components:\n"
        "      - description: US engine\n        origin: US\n        control: itar\n"
        "        major_defense_equipment: true\n        unit_value_usd: !!int 014000000\n"
    )
    octal = tmp_path / "octal.yaml"
    octal.write_text(text.replace("value_usd: 1\n", "value_usd: 20m\n"))
    plain = tmp_path / "plain.yaml"
    plain.write_text(octal.read_text().replace("!!int 014000000", "014000000"))
    main(["check", "--format", "json", str(octal), str(plain)])
    a, b = json.loads(capsys.readouterr().out)
    assert a["families"] == b["families"] and a["verdict"] == b["verdict"]
    assert "$14.0m" in json.dumps(a)


def test_hex_quantity_with_a_tag_is_refused_at_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hex.yaml"
    path.write_text(BASE.replace("quantity: 2", "quantity: !!int 0x10"))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {path}:8:15: ") and "decimal only" in err

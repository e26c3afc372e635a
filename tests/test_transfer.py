"""Loading transfers: values, countries, and one located error for each mistake."""

from __future__ import annotations

import textwrap

import pytest

from armscheck.api import read_transfer
from armscheck.errors import InputError
from armscheck.rulebook.reference import Reference
from armscheck.transfer.values import ValueProblem, parse_money

BASE = """\
name: Test transfer
date: 2021-08-27
supplier:
  country: {supplier}
recipient:
  country: {recipient}
items:
  - description: Helicopter
    category: attack-helicopter
    quantity: 2
    unit_value_usd: {value}
"""


def load(reference: Reference, text: str | None = None, **kw: str):  # type: ignore[no-untyped-def]
    fields = {"supplier": "Türkiye", "recipient": "Iraq", "value": "60m", **kw}
    return read_transfer(text if text is not None else BASE.format(**fields), "t.yaml", reference)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.5m", 1_500_000),
        ("$4.2bn", 4_200_000_000),
        ("195 million", 195_000_000),
        ("12,000,000", 12_000_000),
        (12000000, 12_000_000),
        ("US$ 3 billion", 3e9),
        ("950k", 950_000),
        ("$60M", 60_000_000),
    ],
)
def test_money(raw: object, value: float) -> None:
    assert parse_money(raw) == value


@pytest.mark.parametrize(
    "raw", ["-5m", "0", 0, float("nan"), float("inf"), "lots", True, "20 trillion", "1e400"]
)
def test_bad_money(raw: object) -> None:
    with pytest.raises(ValueProblem):
        parse_money(raw)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Türkiye", "TR"),
        ("turkey", "TR"),
        ("TUR", "TR"),
        ("Russian Federation", "RU"),
        ("DPRK", "KP"),
        ("UK", "GB"),
        ("Iran", "IR"),
        ("Cote d'Ivoire", "CI"),
        ("DRC", "CD"),
    ],
)
def test_country_names(reference: Reference, name: str, code: str) -> None:
    assert load(reference, supplier=name).supplier.country == code


def test_values_and_lines(reference: Reference) -> None:
    t = load(reference)
    item = t.items[0]
    assert item.value == 120_000_000 and item.unit_value == 60_000_000
    assert item.origin == "TR" and item.loc.line == 8
    assert t.recipient.end_user_type == "government" and not t.recipient.end_user_type_given


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (BASE.replace("quantity: 2", "quantity: 2\n    colour: red"), 11, "unknown key 'colour'"),
        (BASE.replace("quantity: 2", "quantity: 2\n    quantity: 3"), 11, "duplicate key"),
        (BASE.replace("quantity: 2", "quantty: 2"), 10, "did you mean 'quantity'"),
        (BASE.replace("quantity: 2", "quantity: two"), 10, "whole number"),
        (BASE.replace("quantity: 2", "quantity: -1"), 10, "out of range"),
        (BASE.replace("2021-08-27", "2021-02-30"), 2, "not a real date"),
        (BASE.replace("attack-helicopter", "attack-helicopters"), 9, "did you mean"),
        (BASE.replace("{recipient}", "Atlantis"), 6, "unknown country 'Atlantis'"),
        (BASE.replace("{value}", "-3m"), 11, "more than zero"),
        (BASE.replace("{value}", ".nan"), 11, "finite"),
        (BASE.split("items:")[0] + "items: 3\n", 7, "expected a list"),
        (BASE + "  - [", None, "YAML syntax error"),
    ],
)
def test_one_located_error(
    reference: Reference, text: str, line: int | None, fragment: str
) -> None:
    text = text.format(supplier="Türkiye", recipient="Iraq", value="60m") if "{" in text else text
    with pytest.raises(InputError) as info:
        load(reference, text)
    err = info.value
    assert fragment in str(err)
    assert err.file == "t.yaml"
    if line is not None:
        assert err.line == line, str(err)
    assert err.hint


def test_us_supplier_needs_channel(reference: Reference) -> None:
    with pytest.raises(InputError, match="channel"):
        load(reference, supplier="US")


def test_inconsistent_values(reference: Reference) -> None:
    text = BASE.format(supplier="TR", recipient="IQ", value="60m") + "    value_usd: 100m\n"
    with pytest.raises(InputError, match="disagrees"):
        load(reference, text)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01binary",
        b"\xff\xfe\xfa",
        b"- a\n- b\n",
        b"a: !!python/object/apply:os.system [ls]",
    ],
)
def test_unreadable_files(reference: Reference, data: bytes) -> None:
    with pytest.raises(InputError):
        read_transfer(data, "t.yaml", reference)


def test_component_values_cover_the_whole_line(reference: Reference) -> None:
    text = BASE.format(supplier="TR", recipient="IQ", value="60m") + textwrap.indent(
        "components:\n  - description: engine\n    origin: US\n    per_unit: 2\n"
        "    unit_value_usd: 1.5m\n",
        "    ",
    )
    comp = load(reference, text).items[0].components[0]
    assert comp.value == 6_000_000 and comp.origin == "US" and comp.control is None

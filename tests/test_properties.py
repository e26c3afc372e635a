"""Properties of the loader and the whole pipeline, over generated transfers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armscheck.api import load_checker, read_transfer
from armscheck.checker import Checker
from armscheck.errors import ComplianceError, InputError
from armscheck.rulebook.reference import Reference, load_reference
from armscheck.transfer.model import CHANNELS, CONTROLS, END_USER_TYPES
from armscheck.transfer.values import parse_money
from armscheck.transfer.yamldoc import parse

ROOT = Path(__file__).resolve().parents[1]
REF: Reference = load_reference(ROOT / "rules")
CODES = sorted(c for c, e in REF.countries.items() if not e.historic)  # states of any date
CATEGORIES = sorted(REF.categories)
MILITARY = [c for c in CATEGORIES if (REF.categories[c] or {}).get("military") is not False]

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker(None)


ANY_COUNTRY = st.sampled_from(CODES)
# Free text, less what the loader refuses on purpose: characters YAML takes as line breaks
# where editors show none, and a BOM (tests/test_hostile_unicode.py covers those).
# no lone surrogates (Cs): no file can hold one, so no transfer is ever written with one
free_text = st.characters(exclude_categories=["Cs"], exclude_characters="\x85\u2028\u2029\ufeff")
dates = st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2035, 12, 31))
# An item's value: at most 4 lines of at most 1,000 units of $2.1bn stay under the $10tn a
# transfer may total (transfer/values.py, MAX_MONEY), so that every drawn transfer is valid.
money = st.one_of(
    st.integers(min_value=1, max_value=10**8),
    st.sampled_from(["1.5m", "$2.1bn", "195 million", "12,000,000", "950k", "60m"]),
)
# A part may be worth at most a billion times its line (transfer/items.py, MAX_PART_RATIO), and a
# line can be worth $1: parts stay at or under $1bn so that every drawn transfer is valid.
part_money = st.one_of(
    st.integers(min_value=1, max_value=10**8),
    st.sampled_from(["1.5m", "195 million", "12,000,000", "950k", "60m"]),
)


@st.composite
def components(draw: st.DrawFn) -> dict[str, Any]:
    comp: dict[str, Any] = {
        "description": draw(st.text(free_text, min_size=1, max_size=20).filter(str.strip))
    }
    if draw(st.booleans()):
        comp["origin"] = draw(st.sampled_from(CODES))
    if draw(st.booleans()):
        comp["control"] = draw(st.sampled_from(CONTROLS))
    if draw(st.booleans()):
        comp["per_unit"] = draw(st.integers(min_value=1, max_value=2))
    if draw(st.booleans()):
        comp["unit_value_usd"] = draw(part_money)
    if draw(st.booleans()):
        comp["major_defense_equipment"] = draw(st.booleans())
    return comp


@st.composite
def items(draw: st.DrawFn, categories: list[str] = CATEGORIES) -> dict[str, Any]:
    item: dict[str, Any] = {
        "description": draw(st.text(free_text, min_size=1, max_size=30).filter(str.strip)),
        "category": draw(st.sampled_from(categories)),
        "quantity": draw(st.integers(min_value=1, max_value=1_000)),
        "unit_value_usd": draw(money),
    }
    if draw(st.booleans()):
        item["origin"] = draw(st.sampled_from(CODES))
    if draw(st.booleans()):
        item["control"] = draw(st.sampled_from(CONTROLS))
    if draw(st.booleans()):
        item["major_defense_equipment"] = draw(st.booleans())
    if draw(st.booleans()):
        item["components"] = draw(st.lists(components(), max_size=3))
    return item


@st.composite
def transfers(
    draw: st.DrawFn,
    supplier: st.SearchStrategy[str] = ANY_COUNTRY,
    date: st.SearchStrategy[dt.date] = dates,
    categories: list[str] = CATEGORIES,
) -> dict[str, Any]:
    sup = draw(supplier)
    out: dict[str, Any] = {
        "name": draw(st.text(free_text, min_size=1, max_size=40).filter(str.strip)),
        "date": draw(date).isoformat(),
        "supplier": {"country": sup},
        "recipient": {
            "country": draw(st.sampled_from(CODES).filter(lambda c: c != sup)),
            "end_user_type": draw(st.sampled_from(END_USER_TYPES)),
        },
        "items": draw(st.lists(items(categories), min_size=1, max_size=4)),
    }
    if sup == "US":  # channel is for US suppliers only (refused elsewhere)
        out["channel"] = draw(st.sampled_from(CHANNELS))
    return out


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def run(checker: Checker, data: dict[str, Any]) -> dict[str, Any]:
    transfer = read_transfer(dump(data), "gen.yaml", checker.rulebook.reference)
    return checker.check(transfer).as_dict()


@SETTINGS
@given(transfers())
def test_generated_transfers_raise_only_our_errors(checker: Checker, data: dict[str, Any]) -> None:
    try:
        run(checker, data)
    except ComplianceError:
        pass


@SETTINGS
@given(transfers())
def test_same_input_same_output(checker: Checker, data: dict[str, Any]) -> None:
    try:
        first = json.dumps(run(checker, data), sort_keys=True)
    except ComplianceError:
        return
    assert json.dumps(run(checker, data), sort_keys=True) == first


@SETTINGS
@given(transfers(), st.randoms(use_true_random=False))
def test_item_order_does_not_matter(checker: Checker, data: dict[str, Any], rnd: Any) -> None:
    try:
        a = run(checker, data)
    except ComplianceError:
        return
    shuffled = dict(data, items=list(data["items"]))
    rnd.shuffle(shuffled["items"])
    b = run(checker, shuffled)
    assert a["verdict"] == b["verdict"]
    assert a["families"] == b["families"]
    assert {f["rule"] for f in a["findings"]} == {f["rule"] for f in b["findings"]}


IRAN_BAN = st.dates(min_value=dt.date(2007, 3, 24), max_value=dt.date(2016, 1, 15))


@SETTINGS
@given(transfers(supplier=st.just("IR"), date=IRAN_BAN, categories=MILITARY))
def test_iran_as_supplier_inside_1747_is_a_violation(
    checker: Checker, data: dict[str, Any]
) -> None:
    assert run(checker, data)["families"]["un-embargo"] == "violation"


# The text loader, over mutated files.

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "scenarios").rglob("*.yaml"))]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        lines = text.splitlines(keepends=True)
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent"]))
        if not lines:
            break
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = " " + lines[i]
        text = "".join(lines)
        if op == "swap" and len(text) > 1:
            j = draw(st.integers(min_value=0, max_value=len(text) - 2))
            text = text[:j] + text[j + 1] + text[j] + text[j + 2 :]
        elif op == "insert":
            j = draw(st.integers(min_value=0, max_value=len(text)))
            text = text[:j] + draw(st.text(max_size=3)) + text[j:]
    return text


@SETTINGS
@given(mutated())
def test_mutated_files_raise_only_input_errors(checker: Checker, text: str) -> None:
    try:
        transfer = read_transfer(text, "m.yaml", checker.rulebook.reference)
    except InputError as exc:
        assert exc.file == "m.yaml" and exc.hint and "\n" not in str(exc)
        return
    try:
        checker.check(transfer)
    except ComplianceError:
        pass


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_the_loader_takes_any_text(data: str | bytes) -> None:
    try:
        parse(data, "x.yaml")
    except InputError as exc:
        assert exc.hint and "\n" not in str(exc)


# Monotonicity of the families others encode: run once those modules exist.


@SETTINGS
@given(transfers(supplier=st.sampled_from([c for c in CODES if c != "US"])))
def test_adding_an_itar_component_never_clears_us_content(
    checker: Checker, data: dict[str, Any]
) -> None:
    pytest.importorskip("armscheck.families.us_content")
    from armscheck.verdict import FAMILY_OUTCOMES

    order = FAMILY_OUTCOMES["us-content"]
    try:
        before = run(checker, data)["families"]["us-content"]
    except ComplianceError:
        return
    itar = {
        "description": "US-origin ITAR part",
        "origin": "US",
        "control": "itar",
        "unit_value_usd": "1m",
    }
    more = json.loads(json.dumps(data))
    more["items"][0].setdefault("components", []).append(itar)
    after = run(checker, more)["families"]["us-content"]
    if before in order and after in order:  # never less severe than before
        assert order.index(after) <= order.index(before)


@SETTINGS
@given(transfers(supplier=st.just("US")), st.integers(min_value=2, max_value=1000))
def test_raising_a_value_never_removes_a_notification(
    checker: Checker, data: dict[str, Any], factor: int
) -> None:
    pytest.importorskip("armscheck.families.congress")
    try:
        before = run(checker, data)["families"]["congress"]
    except ComplianceError:
        return
    more = json.loads(json.dumps(data))
    for item in more["items"]:
        value = parse_money(item["unit_value_usd"])
        item["unit_value_usd"] = max(value, min(value * factor, 10**12))
    try:
        after = run(checker, more)["families"]["congress"]
    except ComplianceError:
        return  # e.g. a line total over the $10 trillion ceiling
    if before == "notification-required":
        assert after == "notification-required"

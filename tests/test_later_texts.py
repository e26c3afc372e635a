"""Texts written when first read give what writing them at once gave.

* :class:`Fields` answers as the dictionary of every field in declared order, whatever is
  read first, and its facts are judged at once only while the texts are not written;
* a CAATSA Russia deal's wording and citations, made when a finding reads them, are those
  the family wrote for every fact before.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

import pytest

from armscheck.api import load_checker
from armscheck.checker import Checker
from armscheck.errors import EngineError
from armscheck.facts import Context, Fact, FactKind
from armscheck.families import caatsa
from armscheck.families.caatsa import text as caatsa_text
from armscheck.families.caatsa.dates import enactment
from armscheck.families.caatsa.parties import military_items
from armscheck.families.caatsa.precedents import precedents
from armscheck.fields import Fields, LaterTexts
from armscheck.shapes import check_fact, fact_shapes, fits
from armscheck.transfer.loader import load_transfer
from armscheck.transfer.values import money_text

ROOT = Path(__file__).resolve().parents[1]
KIND = FactKind("sample", "test", {"a": "str", "n": "int", "t": "str", "b": "bool", "u": "str"})
TEXTS = LaterTexts(KIND, ("t", "u"))
EVERY = {"a": "x", "n": 3, "t": "text t", "b": True, "u": "text u"}


def made(written: list[str] | None = None) -> Fields:
    def write(name: str) -> str:
        if written is not None:
            written.append(name)
        return str(EVERY[name])

    return TEXTS.fields({"a": "x", "n": 3, "b": True}, write)


@pytest.mark.parametrize(
    "first",
    [
        lambda f: f["t"],
        lambda f: f.get("u"),
        lambda f: "t" in f,
        lambda f: f.get("absent", 7),
        lambda f: None,
    ],
)
def test_fields_answer_as_the_whole_dictionary(first: Any) -> None:
    fields = made()
    first(fields)
    assert list(fields) == list(EVERY)
    assert dict(fields) == EVERY and fields == EVERY and EVERY == fields
    assert list(fields.items()) == list(EVERY.items())
    assert len(fields) == len(EVERY) and repr(fields) == repr(EVERY)
    assert fields.copy() == EVERY and type(fields.copy()) is dict
    assert {**fields} == EVERY and fields | {} == EVERY


def test_a_text_is_written_once_when_read_and_the_rest_when_all_are_asked() -> None:
    written: list[str] = []
    fields = made(written)
    assert "t" in fields and "u" in fields and "zz" not in fields
    assert written == []
    assert fields["u"] == "text u" and fields.get("u") == "text u"
    assert written == ["u"]
    with pytest.raises(KeyError):
        fields["zz"]
    assert fields.get("zz") is None
    assert list(fields.values()) == list(EVERY.values())
    assert written == ["u", "t"]
    for copied in (copy.copy(fields), copy.deepcopy(fields), pickle.loads(pickle.dumps(fields))):
        assert copied == EVERY and list(copied) == list(EVERY)


def test_fields_with_texts_not_written_are_judged_at_once_as_check_fact_judges() -> None:
    kinds = {KIND.kind: KIND}
    shapes = fact_shapes(kinds)
    written: list[str] = []
    fact = Fact(KIND.kind, "k", made(written))
    assert fits(fact, shapes) and written == []
    check_fact(fact, kinds)  # (it reads every field)
    wrong = Fact(KIND.kind, "w", TEXTS.fields({"a": "x", "n": "3", "b": True}, str))
    assert not fits(wrong, shapes)
    with pytest.raises(ValueError, match="must be int"):
        check_fact(wrong, kinds)
    bad = Fact(KIND.kind, "b", TEXTS.fields({"a": "x", "n": 3, "b": True}, lambda n: 1))  # type: ignore[arg-type,return-value]
    assert fits(bad, shapes)
    with pytest.raises(EngineError, match="must be str"):
        bad.fields["t"]
    with pytest.raises(ValueError, match="not declared as text"):
        LaterTexts(KIND, ("n",))


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker()


def russia_scenarios() -> list[Path]:
    return [
        p
        for p in sorted((ROOT / "scenarios").rglob("*.yaml"))
        if "caatsa" in p.name or "russia" in p.name or "s400" in p.name
    ]


def test_a_russia_deal_reads_as_it_was_written_at_once(checker: Checker) -> None:
    seen = 0
    for path in russia_scenarios():
        transfer = load_transfer(path, checker.rulebook.reference)
        for fact in checker.facts(transfer, transfer.date):
            if fact.kind != caatsa.RUSSIA_DEAL.kind:
                continue
            seen += 1
            ctx = Context(transfer, transfer.date, checker.rulebook.reference)
            want_fields, want_cites, sig_assumptions = _at_once(ctx, fact)
            assert dict(fact.fields) == want_fields, path
            assert list(fact.fields) == list(caatsa.RUSSIA_DEAL.fields)
            assert fact.citations == want_cites, path
            assert all(a in fact.assumptions for a in sig_assumptions), path
    assert seen >= 10


def _at_once(ctx: Context, fact: Fact) -> tuple[dict[str, Any], tuple[Any, ...], list[str]]:
    """The wording and citations as the family wrote them for every fact (reference)."""
    t, day, ref = ctx.transfer, ctx.date, ctx.reference
    side = str(fact.fields["side"])
    lsp, des_all = caatsa._hits(ctx)  # noqa: SLF001
    des = [h for h in des_all if h.in_force(day)]
    listed = [h for h in lsp if h.named.side == side and (h.end is None or day < h.end)]
    other = "recipient" if side == "supplier" else "supplier"
    designated = [h for h in des if h.named.side == other]
    items = list(military_items(ctx)) if not listed and side == "supplier" else list(t.items)
    intelligence = [h.entry for h in listed if h.entry.get("sector") == "intelligence"]
    systems = caatsa_text.advanced_systems(items, ref)
    sig, sig_assumptions, sig_cites = caatsa_text.significance(
        items, ref, bool(intelligence), systems
    )
    if day < enactment(ctx):
        sig_assumptions = []
    other_country = t.recipient.country if side == "supplier" else t.supplier.country
    prec_text, prec_cites = precedents(ref, day, other_country, systems)
    cites = [caatsa_text.primary_citation(ref, "s231")]
    cites += [c for h in listed for c in caatsa_text.citations(h.entry.get("citations"), 1)]
    cites += [c for h in designated for c in caatsa_text.citations(h.entry.get("citations"), 1)]
    fields = {
        name: fact.fields[name] for name in caatsa.RUSSIA_DEAL.fields if name not in TEXT_NAMES
    }
    fields.update(
        {
            "items": "; ".join(f"{it.quantity} × {it.description}" for it in items),
            "value_text": money_text(sum(it.value for it in items)),
            "significance": sig,
            "precedents": prec_text,
            "waiver": caatsa_text.waiver(ref, intelligence, day),
            "timing": caatsa_text.timing(ref, day),
        }
    )
    order = {name: fields[name] for name in caatsa.RUSSIA_DEAL.fields}
    return order, caatsa_text.unique_citations([*cites, *sig_cites, *prec_cites]), sig_assumptions


TEXT_NAMES = caatsa.RUSSIA_TEXTS.names


def test_no_russian_state_is_inferred_without_a_russian_side(checker: Checker) -> None:
    """The Russia deal's early return: with no Russian side, inference finds none."""
    from armscheck.families.caatsa.parties import RUSSIA, inferred

    paths = sorted((ROOT / "scenarios").rglob("*.yaml"))
    for path in paths:
        transfer = load_transfer(path, checker.rulebook.reference)
        ctx = Context(transfer, transfer.date, checker.rulebook.reference)
        if RUSSIA in (transfer.supplier.country, transfer.recipient.country):
            continue
        for side in ("supplier", "recipient"):
            assert inferred(ctx, side, military_items(ctx)) is None, path

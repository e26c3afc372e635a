"""Fast paths give exactly what the general paths they replace give.

* the screening index finds what judging every alias of every entry finds, and gives a
  name screened again with another country or kind what a new index gives;
* explanations render as string.Formatter renders them;
* a fact laid out as its kind declares is judged at once as :func:`check_fact` judges it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.facts import Fact
from armscheck.screening import Entry, Index, normalise
from armscheck.screening.score import Candidate, judge

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = [
    ["Rosoboronexport", "Rosoboron Export", "ROE", "JSC Rosoboronexport"],
    ["Almaz-Antey", "Almaz Antei", "Concern VKO Almaz-Antey"],
    ["Presidency of Defense Industries", "SSB", "Savunma Sanayii Baskanligi"],
    ["Ural Vagon Zavod", "Uralvagonzavod", "UVZ"],
    ["KBP Instrument Design Bureau", "KBP"],
    ["United Aircraft Corporation", "UAC", "OAK"],
]
HOMES = ["RU", "RU", "TR", "RU", "RU", ""]
WORDS = sorted(
    {w for names in ENTRIES for n in names for w in n.replace("-", " ").split()}
    | {"Oak", "Trading", "Ltd", "the", "of", "Export", "Concern", "Corp", "Rosoboronexpot"}
)
LISTED = [
    Entry("test", str(row), tuple(names), countries=(HOMES[row],) if HOMES[row] else ())
    for row, names in enumerate(ENTRIES)
]
INDEX = Index(LISTED)


def scanned(name: str, country: str) -> set[str]:
    """Entries a fuzzy judgement of every alias finds (what the index must not miss)."""
    q = normalise(name)
    out = set()
    for entry in LISTED:
        for alias in entry.names:
            if judge(Candidate(q, alias, normalise(alias), "fuzzy"), entry, country, None):
                out.add(entry.ref)
    return out


# derandomized: the known gap below must not turn the suite red at random
@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=7),
    st.sampled_from(["RU", "TR", "IN", "US"]),
)
def test_the_index_finds_what_scanning_every_alias_finds(words: list[str], country: str) -> None:
    name = " ".join(words)
    found = {h.entry.ref for h in INDEX.screen(name, country=country)}
    assert scanned(name, country) <= found


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=5),
    st.lists(
        st.tuples(st.sampled_from(["RU", "TR", "IN", None]), st.sampled_from(["individual", None])),
        min_size=2,
        max_size=4,
    ),
)
def test_a_name_screened_again_with_other_evidence_gets_what_a_new_index_gives(
    words: list[str], evidence: list[tuple[str | None, str | None]]
) -> None:
    name = " ".join(words)
    for country, kind in evidence:  # what one index keeps of a name must not carry the evidence
        fresh = Index(LISTED).screen(name, country=country, kind=kind)
        assert INDEX.screen(name, country=country, kind=kind) == fresh


@pytest.mark.xfail(
    strict=True,
    reason="known gap: a one-word name split into two words in reverse order has no shared key",
)
def test_a_compound_name_split_and_reversed_is_found() -> None:
    name = "Export Rosoboron"
    found = {h.entry.ref for h in INDEX.screen(name, country="RU")}
    assert scanned(name, "RU") <= found


def test_a_long_name_costs_little() -> None:
    name = " ".join(["word"] * 90 + ["Rosoboronexport"])
    (hit,) = INDEX.screen(name, country="RU")
    assert (hit.entry.ref, hit.alias, hit.exact) == ("0", "Rosoboronexport", False)


@pytest.mark.parametrize(
    "template",
    [
        "plain text",
        "plain {{braces}} and }} alone",
        "{a} and {b} {{literal}} {missing}: {n}{z}",
        "{a} and {b!r} {{literal}} {missing}",
        "{n:,.2f} {n:>12} {a!s:^9}",
        "{ctx.where} {ctx.nothing} {ctx.o} {z}",
        "{a[0]}",
        "{n.real:,.1f} {a.}",
        "{n.real.imag!r:>5} {ctx.o.real}",
        "{} positional",
        "{n:{width}}",
    ],
)
def test_explanations_render_as_the_general_formatter_does(template: str) -> None:
    import string

    from armscheck.explanations import render

    class Ctx:
        def __init__(self, data: dict[str, Any]) -> None:
            self.data = data

        def __getattr__(self, name: str) -> Any:
            return self.data.get(name, f"<{name}>")

    class Fields(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return f"<{key}>"

    facts = [
        Fact("k", "x", {"a": "alpha", "b": "b", "n": 1234.5, "width": 9}, context={"where": "hi"}),
        Fact("k", "y", {"a": "later", "ctx": "no", "z": 1}, context={"where": "there", "o": 2}),
    ]
    values = Fields()  # every fact's fields, the first fact's value where several have one
    context: dict[str, Any] = {}
    for fact in reversed(facts):
        values.update(fact.fields)
        context.update(fact.context)
    values["ctx"] = Ctx(context)
    try:
        expected = string.Formatter().vformat(template, (), values)
    except Exception as exc:  # noqa: BLE001 - the same error type is expected
        with pytest.raises(type(exc)):
            render(template, facts)
        return
    assert render(template, facts) == expected


@pytest.mark.parametrize(
    "template",
    ["plain", "{a} {b!r} {missing} {n:,.2f} {a!s:^9}", "{ctx.where} {ctx.o} {z} {long}"],
)
def test_an_explanation_of_one_fact_is_what_the_general_path_writes(template: str) -> None:
    from armscheck.explanations import _FORMATTER, _Fields, render

    many = "; ".join(f"item {i}" for i in range(400))
    for fields in (
        {"a": "alpha", "b": "b", "n": 1234.5, "long": many},
        {"a": "x", "ctx": "no", "z": 1, "long": many[:1000]},
        {},
    ):
        facts = [Fact("k", "x", fields, context={"where": "hi", "o": many})]
        try:
            expected = _FORMATTER.vformat(template, (), _Fields(facts))
        except ValueError:  # a number's format for the text of a missing name: both refuse
            with pytest.raises(ValueError):
                render(template, facts)
            continue
        assert render(template, facts) == expected


@pytest.mark.parametrize(
    "name",
    ["seeds/iraq-turkey-t129-2021.yaml", "real/un-belarus-sudan-su24-darfur-variant-2013.yaml"],
)
def test_the_matrix_varies_only_the_recipient(name: str) -> None:
    """The matrix's recipient is the one the file would give, read again, for every state."""
    import dataclasses

    from armscheck.api import load_checker, load_transfer
    from armscheck.cli.pictures import recipients
    from armscheck.explore.counterfactuals import apply_change, with_recipient
    from armscheck.facts import Change
    from armscheck.transfer.model import Party, Transfer

    checker = load_checker()
    ref = checker.rulebook.reference
    transfer = load_transfer(ROOT / "scenarios" / name, ref)
    # the fast path copies an instance's dictionary: it must hold the fields and nothing else
    for record, cls in ((transfer, Transfer), (transfer.recipient, Party)):
        assert set(vars(record)) == {f.name for f in dataclasses.fields(cls)}
    for code in recipients(ref, transfer, "all"):
        change = Change(code, (("recipient.country", code), ("recipient.region", None)))
        read_again = apply_change(checker, transfer, change)[0]
        fast = with_recipient(checker, transfer, code)
        assert fast == read_again and fast.doc.data == read_again.doc.data
        assert vars(fast.recipient) == vars(read_again.recipient)
        assert fast.doc.marks == read_again.doc.marks
        if code in ("IR", "PK", "US", "SD", "TR"):
            assert checker.check(fast).as_dict() == checker.check(read_again).as_dict()
    assert transfer == load_transfer(ROOT / "scenarios" / name, ref)  # left as it was


def test_changes_given_as_a_function_are_made_when_first_read() -> None:
    from armscheck.api import load_checker, load_transfer
    from armscheck.facts import Change

    made: list[int] = []

    def changes() -> tuple[Change, ...]:
        made.append(1)
        return (Change("earlier", (("date", "2001-01-01"),)),)

    fact = Fact("k", "k:1", {}, changes=changes)
    assert not made
    assert fact.changes == changes() and fact.changes is fact.changes and len(made) == 2
    assert Fact("k", "k:2", {}).changes == ()
    # a check's findings give the changes their facts propose, when asked
    checker = load_checker()
    seed = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
    verdict = checker.check(load_transfer(seed, checker.rulebook.reference))
    proposed = [c for f in verdict.findings for c in f.changes]
    assert proposed and all(isinstance(c, Change) for c in proposed)


def test_the_keys_that_skip_reading_extras_are_the_keys_read() -> None:
    """An item with only a key missing from the shortcut's list would lose it silently."""
    import inspect
    import re

    from armscheck.transfer import vocab

    read = set(re.findall(r'raw(?:\.get\(|\[)"(\w+)"', inspect.getsource(vocab.read_extras)))
    assert read, "no keys found: the pattern no longer fits read_extras"
    assert read == set(vocab._EXTRA_KEYS)


def test_a_fact_judged_at_once_fits_exactly_when_its_kind_says_it_does() -> None:
    from armscheck.api import load_checker, load_transfer
    from armscheck.shapes import check_fact, fact_shapes, fits

    checker = load_checker()
    kinds = {k.kind: k for f in checker.rulebook.families for k in f.kinds}
    shapes = fact_shapes(kinds)

    def passes(fact: Fact) -> bool:
        try:
            check_fact(fact, kinds)
        except ValueError:
            return False
        return True

    judged = 0
    for path in sorted((ROOT / "scenarios").rglob("*.yaml"))[::3]:
        transfer = load_transfer(path, checker.rulebook.reference)
        for fact in checker.facts(transfer, transfer.date):
            fields = dict(fact.fields)
            first = next(iter(fields))
            variants = [
                fields,
                dict(reversed(fields.items())),  # the declared names in another order
                {**fields, first: 1},  # an int: right only where a float or int is declared
                {**fields, first: True},
                {**fields, first: 1.5},
                {**fields, "extra": "x"},
                {k: v for k, v in fields.items() if k != first},
            ]
            for variant in variants:
                changed = Fact(fact.kind, fact.key, variant)
                assert fits(changed, shapes) == passes(changed), (path.name, variant)
                judged += 1
    assert judged > 1000


def test_a_template_naming_no_field_is_one_text_at_every_use() -> None:
    from armscheck.explanations import render

    facts = [Fact("k", "x", {"a": 1})]
    first = render("Ask first {{in braces}}.", facts)
    assert first == "Ask first {in braces}." and render("Ask first {{in braces}}.", []) is first

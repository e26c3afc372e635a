"""The compact JSON of a verdict, written from pieces, is what encoding its dictionary gives."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck import compact, facts
from armscheck.api import load_checker
from armscheck.checker import Checker
from armscheck.compact import finding_text, verdict_text
from armscheck.errors import ComplianceError
from armscheck.facts import Citation, Match
from armscheck.transfer.loc import Loc
from armscheck.verdict import Finding, Verdict

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"


def encoded(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker()


def test_every_scenario_is_written_as_its_dictionary_encodes(checker: Checker) -> None:
    checked = 0
    for path in sorted((ROOT / "scenarios").rglob("*.yaml")):
        try:
            verdict = checker.check_file(str(path))
        except ComplianceError:
            continue
        whole = encoded(verdict.as_dict())
        assert verdict_text(verdict) == whole, path
        assert verdict_text(verdict) == verdict_text(verdict)  # the second time, from kept pieces
        assert compact.verdict_bytes(verdict) == whole.encode("utf-8"), path  # batch's bytes
        checked += 1
    assert checked > 100


def test_decisions_matches_and_counterfactuals_are_written_as_encoded(checker: Checker) -> None:
    verdict = checker.check_file(str(SEED))
    first = verdict.findings[0]
    match = Match('Öz "Ltd"', "un", "e1", exact=False, score=0.875, alias="Oz", why="w")
    variants = [
        replace(first, satisfied_by="licence 1"),
        replace(first, waived_by="w\n2"),
        replace(first, matches=(match,)),
        replace(first, matches=(match, Match("P", "ofac", "e2")), satisfied_by="l", waived_by="w"),
        replace(first, counterfactuals=(("recipient.country: TR", "clear"),)),
        replace(first, advice="ask \\ first", review_days=30, contested=True),
        replace(first, evidence=(Loc("items[0]", 3, "x\ty"), Loc("a", None), Loc("b", 7, ""))),
        replace(first, citations=(Citation("I", "u", "p", "q\u2028"), Citation("J", "v"))),
        replace(first, assumptions=("ä", "\x00")),
        replace(first, why=first.why + ' "quoted", \\ and\na\ttab, \x1f, \x7f, é, \u2028'),
    ]
    for f in variants:
        assert finding_text(f) == encoded(f.as_dict())
    whole = replace(
        verdict,
        findings=variants,
        decisions={"file": "d.yaml", "applied": [1, 2.5, None, True]},
        run={"at": "2026-01-01", "by": "\u00e9"},
        notes=["n\u00e9", '"q"'],
        law_reviewed=None,
    )
    assert verdict_text(whole) == encoded(whole.as_dict())


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, TEXT, st.one_of(st.none(), st.integers(), TEXT), st.lists(TEXT, max_size=3))
def test_any_text_is_written_as_encoded(
    why: str, title: str, path: str, line: Any, notes: list[str]
) -> None:
    f = Finding(
        rule=f"r/{title}",
        family="un-embargo",
        title=title,
        outcome="violation",
        why=why,
        citations=(Citation(title, why, path or None, why or None),),
        evidence=(Loc(path, line if isinstance(line, int) else None, why),),
        assumptions=tuple(notes),
        advice=why,
    )
    v = Verdict(path, title, "2020-01-01", "prohibited", {"un-embargo": "violation"}, [f], notes)
    assert verdict_text(v) == encoded(v.as_dict())


def test_a_run_is_written_as_encoded_for_every_verdict_that_carries_it(checker: Checker) -> None:
    from armscheck.decisions.record import run_info, with_run

    run = run_info(checker.rulebook)
    verdict = checker.check_file(str(SEED))
    decided = replace(verdict, decisions={"file": "d.yaml", "sha256": "ab", "applied": []})
    for v in (verdict, decided, verdict):  # the run's shared parts written again from kept text
        carried = with_run(v, run)
        assert verdict_text(carried) == encoded(carried.as_dict())
    own = dict(run, rules={"sha256": "other", "files": 1}, lists={"é": {"n": [1, 2.5, None]}})
    again = replace(verdict, run=own)
    assert verdict_text(again) == encoded(again.as_dict())


def test_pieces_made_afresh_are_written_as_encoded(
    checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # with one piece kept at a time, every table starts afresh at each new piece: each
    # finding's head, citation, note and family outcomes is encoded, not taken as kept
    monkeypatch.setattr(compact, "MAX_KEPT", 1)
    monkeypatch.setattr(compact, "MAX_KNOWN", 1)
    monkeypatch.setattr(facts, "MAX_KEPT", 1)
    for table in (
        compact._CITED,
        compact._HEADS,
        compact._KNOWN,
        compact._FAMILIES,
        compact._RUN_PARTS,
    ):
        table.clear()
    checked = 0
    for path in sorted((ROOT / "scenarios").rglob("*.yaml"))[::4]:
        try:
            verdict = checker.check_file(str(path))
        except ComplianceError:
            continue
        assert verdict_text(verdict) == encoded(verdict.as_dict()), path
        assert len(compact._HEADS) <= 1 and len(compact._KNOWN) <= 1
        checked += 1
    assert checked > 25


def test_values_that_are_not_text_are_written_as_encoded() -> None:
    # values outside a verdict's declared types take the ordinary encoder's way
    place = Loc("items[0]", None, "x")
    odd: Any = Loc("items[1]", 2, 3.5)  # a value that is not text
    cites = (Citation("I", "u"),)
    assumptions: Any = ("a", 1, None, 2.5, True)
    f = Finding("r/1", "un-embargo", "t", "violation", "w", cites, (place, odd), assumptions)
    f = replace(f, review_days=7)
    no_text = replace(f, why=cast(Any, None))
    findings = [f, no_text, replace(f, advice=cast(Any, 5))]
    for one in findings:
        assert finding_text(one) == encoded(one.as_dict())
    families: Any = {"un-embargo": ["violation"], 3: "not-evaluated", "congress": None}
    v = Verdict("f.yaml", cast(Any, 12), "2020-01-01", "prohibited", families, findings)
    v.notes = cast(Any, [1, None, "n", 2.5, False, {"a": 1}])
    v.assumptions = cast(Any, [["x"], 0.1])
    assert v.not_evaluated == [3]  # a family name that is not text
    assert verdict_text(v) == encoded(v.as_dict())
    v.families = {"un-embargo": "violation", "congress": "clear"}
    assert verdict_text(v) == encoded(v.as_dict())  # outcomes kept as text
    assert verdict_text(v) == encoded(v.as_dict())  # and taken as kept


_RUN_VALUES = st.sampled_from(["a", "é", "", 1, 1.0, True, False, None, 0, 2.5, "list", "dict"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), _RUN_VALUES), max_size=12))
def test_runs_one_after_another_are_each_written_as_encoded(
    steps: list[tuple[int, int, Any]],
) -> None:
    # an item is written as the last run's only where its key holds the same unchanging object
    shapes = [("tool", "rules", "as_of", "decisions"), ("as_of", "tool"), ("rules", "lists"), ()]
    values: list[Any] = ["armscheck", {"sha256": "x", "files": 2}, "2020-01-01", None]
    for shape, at, value in steps:
        made = {"list": [1], "dict": {"k": "v"}}
        values[at] = made.get(value, value) if type(value) is str else value
        run = {name: values[i] for i, name in enumerate(shapes[shape])}
        assert compact._run(run).decode() == encoded(run)
        assert compact._run(dict(run)).decode() == encoded(run)


def test_a_run_item_that_changed_in_place_is_written_anew() -> None:
    decisions: dict[str, Any] = {"file": "a.yaml"}
    run = {"as_of": "2020-01-01", "decisions": decisions, "n": 1}
    assert compact._run(run).decode() == encoded(run)
    decisions["file"] = "b.yaml"
    run["n"] = True  # equal to 1, written otherwise
    assert compact._run(run).decode() == encoded(run)

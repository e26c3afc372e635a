"""The shortcuts the fact builders take give what the long way gives.

* a name none of whose words begins a joint venture's name is one the ventures' pattern
  does not find;
* a check's NATO+ membership and NATO-buyer answers, kept for the check, are those worked
  out afresh;
* the note on a fact every check shares, and a finding's citations, kept by the checker, are
  those worked out afresh;
* a family's outcome is the most severe one, as sorting finds it;
* a fact with no place in the file, judged once, is not judged again (one found unsound is).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest

from armscheck.api import load_checker, load_transfer
from armscheck.facts import Context
from armscheck.families.caatsa import ventures
from armscheck.families.congress import lists as congress_lists
from armscheck.families.parties import named_parties
from armscheck.screening.normalise import text_key

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
DAY = dt.date


def _scenario_names() -> list[str]:
    ref = load_checker().rulebook.reference
    names = []
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        names += [n.name for n in named_parties(load_transfer(path, ref))]
    return names


def test_a_name_the_first_words_pass_by_is_one_no_venture_pattern_finds() -> None:
    ref = load_checker().rulebook.reference
    _, pairs, _, every, firsts = ventures._prepared(ref)
    assert every is not None and firsts
    own = [n for v, _ in pairs for n in ventures._names(v)]
    tried = [
        *own,
        *(f"{n} Ltd" for n in own),
        *(f"The {n} branch" for n in own),
        *(n.split()[-1] for n in own),
        *_scenario_names(),
        "Indo Russian Rifles",
        "brahmos",
        "BrahMos-Aerospace",
    ]
    skipped = 0
    for name in tried:
        key = f" {text_key(name)} "
        if firsts.isdisjoint(key.split()):
            skipped += 1
            assert every.search(key) is None, name
        else:
            assert name not in own or every.search(key) is not None, name
    assert skipped > 50  # the scenarios' names are mostly not ventures'


def test_a_checks_nato_answers_are_those_worked_out_afresh() -> None:
    ref = load_checker().rulebook.reference
    days = [DAY(1990, 1, 1), DAY(2001, 6, 1), DAY(2012, 6, 1), DAY(2021, 3, 1), DAY(2026, 1, 1)]
    seen = 0
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        transfer = load_transfer(path, ref)
        kept = Context(transfer, transfer.date, ref)
        for day in [*days, transfer.date, *days]:  # asked again: from what the check kept
            fresh = Context(transfer, transfer.date, ref)
            got = congress_lists.membership_on(kept, day)
            assert got == congress_lists._membership_on(fresh, day), (path.name, day)
            seen += got is not None
            nato = congress_lists.names_nato(kept)
            assert nato == congress_lists._names_nato(transfer.recipient.end_user)
            assert nato == bool(
                congress_lists._NATO_BUYER.search(
                    congress_lists.fold(transfer.recipient.end_user or "")
                )
            )
    assert seen > 20


@pytest.mark.parametrize("kept", [256, 1])  # with one note kept, the table starts afresh often
def test_notes_and_citations_kept_by_the_checker_are_those_made_afresh(
    kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from armscheck import checker as checker_module
    from armscheck.checker import Checker

    monkeypatch.setattr(checker_module, "MAX_NOTES", kept)
    warm = Checker(load_checker().rulebook)
    for path in sorted(SCENARIOS.rglob("*.yaml"))[::3]:
        transfer = load_transfer(path, warm.rulebook.reference)
        got = warm.check(transfer)
        again = warm.check(transfer)  # its shared facts' notes and citations kept now
        fresh = Checker(warm.rulebook).check(transfer)
        assert got.as_dict() == again.as_dict() == fresh.as_dict(), path.name
        assert 0 < len(warm._notes) <= max(kept, 3) and len(warm._cited) <= max(kept, 3)


def test_outcomes_are_the_most_severe_as_sorting_finds_them() -> None:
    from armscheck.verdict import (
        ERROR,
        FAMILY_OUTCOMES,
        NOT_EVALUATED,
        VERDICTS,
        Finding,
        family_outcome,
        level,
        overall,
    )

    def finding(family: str, outcome: str, answered: str | None) -> Finding:
        return Finding("r/x", family, "t", outcome, "w", (), (), satisfied_by=answered)

    pool = [
        finding(fam, outcome, answered)
        for fam, order in FAMILY_OUTCOMES.items()
        for outcome in (*order, "odd")
        for answered in (None, "d.yaml")
    ]
    for fam, order in FAMILY_OUTCOMES.items():
        for many in range(4):
            for found in itertools.combinations(pool, many):
                mine = [
                    f.outcome for f in found if f.family == fam and f.outcome in order and f.open
                ]
                slow = min(mine, key=order.index) if mine else "clear"
                assert family_outcome(fam, list(found)) == slow
    every = [NOT_EVALUATED, ERROR, *{o for order in FAMILY_OUTCOMES.values() for o in order}]
    for outcomes in itertools.product(every, repeat=3):
        families = dict(zip(("a", "b", "c"), outcomes, strict=True))
        levels = [level(o) for o in outcomes if o not in (NOT_EVALUATED, ERROR)]
        worst = min(levels, key=VERDICTS.index) if levels else "clear"
        slow = ERROR if worst == "clear" and ERROR in outcomes else worst
        assert overall(families) == slow


def test_a_fact_with_no_place_is_judged_until_it_is_found_sound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A shared fact is judged once; one that does not fit its kind is refused every time."""
    from armscheck.checker import Checker
    from armscheck.errors import EngineError
    from armscheck.facts import Fact

    warm = Checker(load_checker().rulebook)
    transfer = load_transfer(sorted(SCENARIOS.rglob("*.yaml"))[0], warm.rulebook.reference)
    first = warm.facts(transfer, transfer.date)
    shared = [f for f in first if not f.evidence]
    assert shared and all(warm._judged[id(f)][0] is f for f in shared)
    again = warm.facts(transfer, transfer.date)
    assert [f for f in again if not f.evidence] == shared
    kind = warm.rulebook.families[0].kinds[0].kind
    bad = Fact(kind, "bad", {"not-a-field": 1})
    only = SimpleNamespace(build=lambda ctx: [bad])
    book = SimpleNamespace(families=[only], reference=warm.rulebook.reference)
    monkeypatch.setattr(warm, "rulebook", book)
    for _ in range(2):
        with pytest.raises(EngineError, match="invalid fact"):
            warm.facts(transfer, transfer.date)
    assert id(bad) not in warm._judged


def test_no_russian_state_is_inferred_without_a_russian_side() -> None:
    """The CAATSA Russia deal's early return: with no Russian party, inference finds none."""
    from armscheck.families.caatsa.parties import RUSSIA, inferred, military_items

    ref = load_checker().rulebook.reference
    checked = 0
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        transfer = load_transfer(path, ref)
        if RUSSIA in (transfer.supplier.country, transfer.recipient.country):
            continue
        ctx = Context(transfer, transfer.date, ref)
        for side in ("supplier", "recipient"):
            assert inferred(ctx, side, military_items(ctx)) is None, path
        checked += 1
    assert checked > 100

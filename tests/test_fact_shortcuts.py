"""The shortcuts the fact builders take give what the long way gives.

* a name none of whose words begins a joint venture's name is one the ventures' pattern
  does not find;
* a check's NATO+ membership and NATO-buyer answers, kept for the check, are those worked
  out afresh;
* the note on a fact every check shares, kept by the checker, is the one written afresh.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
def test_a_note_kept_on_a_shared_fact_is_the_one_written_afresh(
    kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from armscheck import checker as checker_module
    from armscheck.checker import Checker

    monkeypatch.setattr(checker_module, "MAX_NOTES", kept)
    warm = Checker(load_checker().rulebook)
    for path in sorted(SCENARIOS.rglob("*.yaml"))[::3]:
        transfer = load_transfer(path, warm.rulebook.reference)
        got = warm.check(transfer)
        again = warm.check(transfer)  # its shared facts' notes from the table now
        fresh = Checker(warm.rulebook).check(transfer)
        assert got.notes == again.notes == fresh.notes, path.name
        assert 0 < len(warm._notes) <= max(kept, 3)

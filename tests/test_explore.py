"""Timeline, counterfactuals and the recipient matrix, checked against the rule data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from armscheck.api import load_checker, load_transfer
from armscheck.cli import main
from armscheck.explore.counterfactuals import apply_change, counterfactuals, timeline
from armscheck.explore.recipients import matrix
from armscheck.facts import in_force
from armscheck.verdict import rank

ROOT = Path(__file__).resolve().parents[1]
IRAN = ROOT / "scenarios" / "seeds" / "iraq-iran-arms-2014.yaml"
OUTCOME = {"prohibited": "violation", "approval": "conditional", "notification": "conditional"}


def _phases(embargo_id: str) -> list[tuple[dt.date, dt.date | None, str]]:
    ref = load_checker().rulebook.reference.get("un-embargoes")
    entry = next(e for e in ref.data["embargoes"] if e["id"] == embargo_id)
    return [
        (
            dt.date.fromisoformat(str(p["from"])),
            dt.date.fromisoformat(str(p["to"])) if p.get("to") else None,
            p["regime"],
        )
        for p in entry["phases"]
    ]


def test_timeline_follows_the_iran_export_phases_exactly() -> None:
    checker = load_checker()
    transfer = load_transfer(IRAN, checker.rulebook.reference)
    periods = timeline(checker, transfer, dt.date(2007, 1, 1))
    starts = {p.start: p for p in periods}
    phases = _phases("iran-exports")
    for start, end, regime in phases:
        assert start in starts, f"no period starts at {start}"
        assert starts[start].families["un-embargo"] == OUTCOME[regime]
        if end is not None and not any(
            s <= end < (e or dt.date.max) for s, e, _ in phases if s != start
        ):
            assert starts[end].families["un-embargo"] == "clear"
    # no un-embargo change point that the list does not explain
    bounds = {d for s, e, _ in phases for d in (s, e) if d}
    changes = [
        b.start
        for a, b in zip(periods, periods[1:], strict=False)
        if a.families["un-embargo"] != b.families["un-embargo"]
    ]
    assert set(changes) <= bounds
    assert periods[-1].end is None and periods[-1].contested


def test_timeline_periods_agree_with_point_checks() -> None:
    checker = load_checker()
    transfer = load_transfer(IRAN, checker.rulebook.reference)
    for p in timeline(checker, transfer, dt.date(2000, 1, 1)):
        days = [p.start] + ([p.end - dt.timedelta(days=1)] if p.end else [])
        for day in days:
            assert checker.check(transfer, day).families == p.families


def test_timeline_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--format", "json", "--from", "2007-01-01", str(IRAN)]) == 0
    periods = json.loads(capsys.readouterr().out)["periods"]
    un = [p["families"]["un-embargo"] for p in periods]
    un = [o for i, o in enumerate(un) if i == 0 or o != un[i - 1]]
    assert un == ["clear", "violation", "conditional", "clear", "violation"]
    assert periods[1]["from"] == "2007-03-24" and periods[1]["changed_by"]


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").rglob("*.yaml")), ids=lambda p: p.name)
def test_every_counterfactual_holds_when_re_checked(path: Path) -> None:
    checker = load_checker()
    transfer = load_transfer(path, checker.rulebook.reference)
    verdict = counterfactuals(checker, transfer, checker.check(transfer))
    for finding in verdict.findings:
        assert len(finding.counterfactuals) == len(finding.changes)
        for change, (text, outcome) in zip(finding.changes, finding.counterfactuals, strict=True):
            changed, new_date = apply_change(checker, transfer, change)
            again = checker.check(changed, new_date)
            assert text == change.text
            assert outcome.startswith(f"{finding.family} {again.families[finding.family]}")
            assert outcome.endswith(f"verdict {again.verdict}")
            still = any(f.rule == finding.rule for f in again.findings)
            assert ("no longer applies" in outcome) == (not still)


def test_some_counterfactual_clears_the_iran_seed() -> None:
    checker = load_checker()
    transfer = load_transfer(IRAN, checker.rulebook.reference)
    v = counterfactuals(checker, transfer, checker.check(transfer))
    outcomes = [o for f in v.findings for _, o in f.counterfactuals]
    assert any(o.startswith("un-embargo clear") for o in outcomes)


def test_matrix_over_all_recipients_is_sorted_and_complete() -> None:
    checker = load_checker()
    transfer = load_transfer(IRAN, checker.rulebook.reference)
    countries = checker.rulebook.reference.countries
    codes = [c for c, e in countries.items() if not e.historic and c != "IR"]
    rows = matrix(checker, transfer, codes)
    assert {r["recipient"] for r in rows} == set(codes)
    ranks = [rank(str(r["verdict"])) for r in rows]
    assert ranks == sorted(ranks)
    # Iran's export ban makes every destination a violation in 2014
    assert all(r["families"]["un-embargo"] == "violation" for r in rows)


def test_matrix_distinguishes_embargoed_recipients(capsys: pytest.CaptureFixture[str]) -> None:
    seed = ROOT / "scenarios" / "seeds" / "iraq-russia-mi28-pantsir-2012.yaml"
    assert (
        main(["matrix", "--format", "json", "--recipients", "Iraq,North Korea,Eritrea", str(seed)])
        == 0
    )
    rows = {r["recipient"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["KP"]["families"]["un-embargo"] == "violation"
    assert rows["ER"]["families"]["un-embargo"] == "violation"
    assert rows["IQ"]["families"]["un-embargo"] == "clear"
    assert in_force(dt.date(2009, 12, 23), dt.date(2018, 11, 14), dt.date(2012, 10, 10))

"""Decisions on live deals: licences, notifications, UN approvals, not-a-match, waivers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from armscheck import load_checker
from armscheck.api import load_transfer
from armscheck.decisions import apply_decisions, read_decisions
from armscheck.errors import InputError
from armscheck.verdict import Verdict

ROOT = Path(__file__).resolve().parents[1]
T129 = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
HOUTHIS = ROOT / "scenarios" / "real" / "un-iran-houthis-dhow-2021.yaml"
SSB = ROOT / "scenarios" / "real" / "us-f16-kits-ssb-dcs-variant-2024.yaml"
CONDITIONAL = ROOT / "scenarios" / "real" / "un-belarus-sudan-su24-2013.yaml"
TODAY = dt.date(2026, 12, 1)

LICENCE = """\
decisions:
  - ref: DDTC-GC-0417-21
    kind: licence
    authority: DDTC
    number: GC 0417-21
    covers:
      rules: [us-content/itar-retransfer]
      items: [{items}]
      parties: [Iraqi Ministry of Defence]
      destination: Iraq
    issued: 2021-07-01
    expires: {expires}
"""


def _run(path: Path, text: str, today: dt.date = TODAY) -> Verdict:
    checker = load_checker()
    book = checker.rulebook
    transfer = load_transfer(path, book.reference)
    decisions = read_decisions(
        text, "armscheck-decisions.yaml", book.reference, {r.id: r.outcome for r in book.rules}
    )
    return apply_decisions(checker.check(transfer), transfer, decisions, today=today)


def _finding(v: Verdict, rule: str) -> dict[str, object]:
    return next(f for f in v.as_dict()["findings"] if f["rule"] == rule)


def _licence(items: str = "LHTEC T800-4A turboshaft engine", expires: str = "2025-06-30") -> str:
    return LICENCE.format(items=items, expires=expires)


def test_licence_satisfies_the_t129_retransfer_finding() -> None:
    plain = load_checker().check_file(str(T129))
    v = _run(T129, _licence())
    assert len(v.findings) == len(plain.findings)  # never deleted
    assert _finding(v, "us-content/itar-retransfer")["satisfied_by"] == "DDTC-GC-0417-21"
    assert v.decisions is not None
    assert v.decisions["applied"] == [
        {"ref": "DDTC-GC-0417-21", "kind": "licence", "findings": ["us-content/itar-retransfer"]}
    ]
    # the case-by-case 126.1 finding is still open, so us-content still needs authorization
    assert v.families["us-content"] == "authorization-required"


def test_licence_notification_and_approval_clear_the_t129() -> None:
    text = _licence().replace(
        "rules: [us-content/itar-retransfer]",
        "rules: [us-content/itar-retransfer, us-content/proscribed-destination-case-by-case]",
    )
    text += """\
  - ref: DDTC-3D-21-07
    kind: notification
    transmittal: DDTC 21-07 (AECA 3(d)(1))
    date: 2021-07-15
    covers: {destination: Iraq}
"""
    v = _run(T129, text)
    assert v.verdict == "clear"
    assert set(v.families.values()) == {"clear"}
    assert all(not f.open for f in v.findings)
    assert _finding(v, "congress/third-party-3d")["satisfied_by"] == "DDTC-3D-21-07"


def test_expired_licence_bites_again() -> None:
    v = _run(T129, _licence(expires="2021-08-01"))
    assert "satisfied_by" not in _finding(v, "us-content/itar-retransfer")
    assert v.families["us-content"] == "authorization-required"
    assert v.decisions is not None
    assert v.decisions["applied"] == []
    [why] = v.decisions["not_applied"]
    assert why["ref"] == "DDTC-GC-0417-21"
    assert "expired on 2021-08-01, before the transfer's date 2021-08-27" in why["reason"]


def test_licence_not_yet_issued_does_not_apply() -> None:
    v = _run(T129, _licence().replace("issued: 2021-07-01", "issued: 2021-09-01"))
    assert v.decisions is not None
    assert (
        "issued on 2021-09-01, after the transfer's date" in v.decisions["not_applied"][0]["reason"]
    )


def test_licence_for_other_items_does_not_apply() -> None:
    v = _run(T129, _licence(items="Koral electronic warfare system (Aselsan)"))
    assert "satisfied_by" not in _finding(v, "us-content/itar-retransfer")
    assert v.decisions is not None
    [why] = v.decisions["not_applied"]
    assert "does not cover 'LHTEC T800-4A turboshaft engine'" in why["reason"]


def test_licence_for_another_destination_or_party_does_not_apply() -> None:
    v = _run(T129, _licence().replace("destination: Iraq", "destination: Jordan"))
    assert v.decisions is not None
    assert "covers Jordan, not the recipient Iraq" in v.decisions["not_applied"][0]["reason"]
    v = _run(T129, _licence().replace("Iraqi Ministry of Defence]", "Iraqi Army]"))
    assert v.decisions is not None
    assert (
        "does not name the party 'Iraqi Ministry of Defence'"
        in (v.decisions["not_applied"][0]["reason"])
    )


def test_licence_item_by_category_or_parent_item() -> None:
    v = _run(T129, _licence(items="attack-helicopter"))
    assert _finding(v, "us-content/itar-retransfer")["satisfied_by"] == "DDTC-GC-0417-21"


def test_notification_counts_only_once_the_review_period_has_run() -> None:
    text = """\
decisions:
  - ref: N-1
    kind: notification
    transmittal: DDTC 21-09
    date: 2021-08-10
"""
    v = _run(T129, text)
    assert "satisfied_by" not in _finding(v, "congress/third-party-3d")
    assert v.decisions is not None
    reason = v.decisions["not_applied"][0]["reason"]
    assert "30-day review period runs until 2021-09-09, after the transfer's date" in reason
    v = _run(T129, text.replace("2021-08-10", "2021-07-28"))  # 30 days before 2021-08-27
    assert _finding(v, "congress/third-party-3d")["satisfied_by"] == "N-1"


def test_waiver_for_a_violation_is_refused() -> None:
    text = """\
decisions:
  - ref: W-1
    kind: waiver
    rule: un-embargo/listed-group
    files: ["*"]
    reason: we disagree
    approver: someone
    expires: 2030-01-01
"""
    with pytest.raises(InputError) as exc:
        _run(HOUTHIS, text)
    message = str(exc.value)
    assert message.startswith("armscheck-decisions.yaml:4:11: decisions[0].rule:")
    assert "a waiver cannot cover un-embargo/listed-group: its outcome is violation" in message
    assert "only a not-a-match on the screening facts" in message


def test_licence_for_a_denial_is_refused() -> None:
    text = _licence().replace("us-content/itar-retransfer", "us-content/barred-party")
    with pytest.raises(InputError, match="cannot be licensed away"):
        _run(T129, text)


def test_licence_for_a_notification_rule_is_refused_with_the_right_kind() -> None:
    text = _licence().replace("us-content/itar-retransfer", "congress/third-party-3d")
    with pytest.raises(InputError, match="record a notification for it"):
        _run(T129, text)


def test_not_a_match_removes_a_violation_resting_on_one_name() -> None:
    plain = load_checker().check_file(str(HOUTHIS))
    [hit] = [f for f in plain.findings if f.rule == "un-embargo/listed-group"]
    [m] = hit.matches
    text = f"""\
decisions:
  - ref: NAM-7
    kind: not-a-match
    party: "{m.party.upper()}"
    entry: {m.entry}
    reason: a different organisation with a similar name (registry extract on file)
    by: A. Analyst
    date: 2026-11-30
"""
    v = _run(HOUTHIS, text)
    assert _finding(v, "un-embargo/listed-group")["satisfied_by"] == "NAM-7"
    assert v.families["un-embargo"] != "violation"
    assert len(v.findings) == len(plain.findings)


def test_not_a_match_for_another_entry_does_not_apply() -> None:
    text = """\
decisions:
  - ref: NAM-8
    kind: not-a-match
    party: Houthis (Ansar Allah)
    entry: al-shabaab
    reason: x
    by: A. Analyst
    date: 2026-11-30
"""
    v = _run(HOUTHIS, text)
    assert v.verdict == "prohibited"
    assert v.decisions is not None
    assert "no finding rests on a match" in v.decisions["not_applied"][0]["reason"]


def test_denial_from_a_barred_party_only_goes_with_a_not_a_match() -> None:
    waiver = """\
decisions:
  - ref: W-2
    kind: waiver
    rule: us-content/barred-party
    files: ["*"]
    reason: x
    approver: y
    expires: 2030-01-01
"""
    with pytest.raises(InputError, match="cannot be waived"):
        _run(SSB, waiver)
    plain = load_checker().check_file(str(SSB))
    [hit] = [f for f in plain.findings if f.rule == "us-content/barred-party"]
    nam = f"""\
decisions:
  - ref: NAM-9
    kind: not-a-match
    party: {hit.matches[0].party}
    entry: {hit.matches[0].entry}
    list: us-barred-parties
    reason: x
    by: y
    date: 2026-01-01
"""
    v = _run(SSB, nam)
    assert _finding(v, "us-content/barred-party")["satisfied_by"] == "NAM-9"
    assert v.verdict != "prohibited"


WAIVER = """\
decisions:
  - ref: CI-WAIVE-12
    kind: waiver
    rule: congress/third-party-3d
    files: ["*/seeds/*.yaml"]
    reason: the notification is tracked in ticket 12
    approver: Head of Compliance
    expires: 2026-12-31
"""


def test_waiver_applies_until_it_expires() -> None:
    v = _run(T129, WAIVER, today=dt.date(2026, 12, 31))
    assert _finding(v, "congress/third-party-3d")["waived_by"] == "CI-WAIVE-12"
    assert v.families["congress"] == "clear"
    v = _run(T129, WAIVER, today=dt.date(2027, 1, 1))
    assert "waived_by" not in _finding(v, "congress/third-party-3d")
    assert v.families["congress"] == "notification-required"
    assert v.decisions is not None
    assert v.decisions["not_applied"] == [
        {"ref": "CI-WAIVE-12", "reason": "the waiver expired on 2026-12-31 (today is 2027-01-01)"}
    ]


def test_waiver_outside_its_file_pattern_does_not_apply() -> None:
    v = _run(T129, WAIVER.replace("*/seeds/*.yaml", "deals/*.yaml"))
    assert v.decisions is not None
    assert "matches none of its patterns" in v.decisions["not_applied"][0]["reason"]


def test_un_approval_satisfies_conditional() -> None:
    plain = load_checker().check_file(str(CONDITIONAL))
    cond = [f for f in plain.findings if f.outcome == "conditional"]
    assert cond, "the scenario should need a UN approval or notification"
    text = f"""\
decisions:
  - ref: UN-1591-2013-02
    kind: un-approval
    committee: Security Council Committee (resolution 1591)
    reference: S/AC.47/2013/NOTE.2
    date: {plain.date}
"""
    v = _run(CONDITIONAL, text)
    assert all(
        f.satisfied_by == "UN-1591-2013-02" for f in v.findings if f.outcome == "conditional"
    )


EXAMPLES = ROOT / "docs" / "examples"


def _example(transfer: Path, decisions: Path, today: dt.date) -> Verdict:
    from armscheck.decisions.session import Session, Settings

    checker = load_checker()
    t = load_transfer(transfer, checker.rulebook.reference)
    settings = Settings(decisions=str(decisions), today=today)
    return Session(checker.rulebook, settings).finish(t, checker.check(t))


def test_readme_examples() -> None:
    t129 = _example(T129, EXAMPLES / "t129-decisions.yaml", dt.date(2026, 12, 1))
    assert _finding(t129, "us-content/itar-retransfer")["satisfied_by"] == "DDTC-GC-0417-21"
    assert _finding(t129, "congress/third-party-3d")["waived_by"] == "CI-WAIVE-12"
    later = _example(T129, EXAMPLES / "t129-decisions.yaml", dt.date(2027, 1, 1))
    assert later.families["congress"] == "notification-required"
    assert later.decisions is not None
    assert later.decisions["not_applied"][0]["ref"] == "CI-WAIVE-12"
    club = EXAMPLES / "riyadh-club-rifles-2024.yaml"
    plain = load_checker().check_file(str(club))
    assert plain.verdict == "prohibited"
    decided = _example(club, EXAMPLES / "armscheck-decisions.yaml", dt.date(2026, 12, 1))
    assert decided.verdict == "clear"
    assert _finding(decided, "un-embargo/listed-group")["satisfied_by"] == "NAM-2024-007"

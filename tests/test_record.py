"""The audit record: ``run`` on every result, records written once, verified again."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from armscheck.api import read_transfer
from armscheck.checker import Checker
from armscheck.decisions import record as record_module
from armscheck.decisions.record import (
    read_record,
    register_list_info,
    rules_hash,
    run_info,
    with_run,
    write_record,
)
from armscheck.decisions.verify import recheck, verify
from armscheck.errors import InputError
from armscheck.rulebook.book import load_rulebook

ROOT = Path(__file__).resolve().parents[1]
T129 = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
NOW = dt.datetime(2026, 12, 1, 16, 40, 5, tzinfo=dt.timezone.utc)


def _rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    return rules


def _record(checker: Checker, folder: Path, now: dt.datetime = NOW) -> Path:
    data = T129.read_bytes()
    transfer = read_transfer(data, str(T129), checker.rulebook.reference)
    verdict = with_run(checker.check(transfer), run_info(checker.rulebook, now=now))
    return write_record(folder, str(T129), data, verdict)


def test_run_says_which_rules_lists_and_date(tmp_path: Path) -> None:
    book = load_rulebook(ROOT / "rules")
    run = run_info(book, now=NOW)
    assert run["tool"] == "armscheck" and run["version"]
    assert run["timestamp"] == "2026-12-01T16:40:05Z"
    assert len(run["rules"]["sha256"]) == 64
    assert run["lists"]["un-embargoes"]["last_reviewed"]
    verdict = with_run(Checker(book).check_file(str(T129)), run)
    out = verdict.as_dict()
    assert out["run"]["as_of"] == "2021-08-27"
    assert out["run"]["decisions"] is None
    json.dumps(out)  # plain data


def test_rules_hash_follows_the_content(tmp_path: Path) -> None:
    rules = _rules(tmp_path)
    before = rules_hash(rules)
    assert before == rules_hash(ROOT / "rules")
    target = rules / "lists" / "nato-plus.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert rules_hash(rules)[0] != before[0]


def _rglob_hash(root: Path) -> tuple[str, int]:
    from armscheck.rulebook.fingerprint import _rules_digest

    found = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    return _rules_digest((p.relative_to(root).as_posix(), p.read_bytes()) for p in found)


def test_rules_hash_takes_the_files_rglob_finds_in_its_order(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    for rel in ("a/x.yaml", "a-b/x.yaml", "a.b/y.yaml", "ab.yaml", "a/b/.z.yaml", "c/n.yml"):
        (rules / rel).parent.mkdir(parents=True, exist_ok=True)
        (rules / rel).write_text(f"at: {rel}\n", encoding="utf-8")
    assert rules_hash(rules) == _rglob_hash(rules) and rules_hash(rules)[1] == 5
    (rules / "d.yaml").mkdir()  # a folder so named is no file, and turns the quick way off
    (rules / "d.yaml" / "e.yaml").write_text("e: 1\n", encoding="utf-8")
    assert rules_hash(rules) == _rglob_hash(rules) and rules_hash(rules)[1] == 6
    (rules / "link.yaml").symlink_to(rules / "ab.yaml")
    assert rules_hash(rules) == _rglob_hash(rules) and rules_hash(rules)[1] == 7
    assert rules_hash(tmp_path / "nowhere") == _rglob_hash(tmp_path / "nowhere")


def test_official_lists_hook_adds_provenance() -> None:
    def provider(book: object) -> dict[str, dict[str, str]]:
        return {"un-consolidated": {"generated": "2026-11-30", "sha256": "ab" * 32}}

    register_list_info(provider)
    try:
        run = run_info(load_rulebook(ROOT / "rules"), now=NOW)
    finally:
        record_module._LIST_INFO.remove(provider)
    assert run["lists"]["un-consolidated"] == {"generated": "2026-11-30", "sha256": "ab" * 32}


def test_record_is_written_once_and_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checker = Checker(load_rulebook(ROOT / "rules"))
    path = _record(checker, tmp_path / "records")
    record = read_record(path)
    assert record["input"]["sha256"][:12] in path.name
    assert record["result"]["verdict"] == "approval-required"
    again = _record(checker, tmp_path / "records")
    assert again != path and again.read_bytes() != b""
    with monkeypatch.context() as m:
        m.setattr(record_module, "_clock", lambda: NOW)
        first = _record(checker, tmp_path / "frozen")
        before = first.read_bytes()
        with pytest.raises(InputError, match="never overwritten"):
            _record(checker, tmp_path / "frozen")
        assert first.read_bytes() == before
    result = verify(path, lambda rec: recheck(rec, checker))
    assert result.same and result.changes == []


def test_record_fails_to_verify_after_a_rule_edit(tmp_path: Path) -> None:
    rules = _rules(tmp_path)
    path = _record(Checker(load_rulebook(rules)), tmp_path / "records")
    rule = rules / "us-content" / "itar-retransfer.yaml"
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace("outcome: authorization-required", "outcome: denial"), "utf-8")
    edited = Checker(load_rulebook(rules))
    result = verify(path, lambda rec: recheck(rec, edited))
    assert not result.same
    assert result.changes[0] == "verdict: approval-required → prohibited"
    assert "us-content: authorization-required → denial" in result.changes
    assert any("new finding: us-content/itar-retransfer (denial)" in c for c in result.changes)
    assert any("the rules changed" in n for n in result.notes)


def test_altered_record_is_refused(tmp_path: Path) -> None:
    path = _record(Checker(load_rulebook(ROOT / "rules")), tmp_path)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["input"]["text"] = record["input"]["text"].replace("quantity: 12", "quantity: 1")
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(InputError, match="altered"):
        read_record(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="not an armscheck record"):
        read_record(path)


def test_markdown_and_terminal_reports_carry_run_and_decisions() -> None:
    from io import StringIO

    from rich.console import Console

    from armscheck.api import load_transfer
    from armscheck.decisions import apply_decisions, read_decisions
    from armscheck.report import human, markdown

    checker = Checker(load_rulebook(ROOT / "rules"))
    book = checker.rulebook
    transfer = load_transfer(T129, book.reference)
    text = """\
decisions:
  - {ref: W-9, kind: waiver, rule: congress/third-party-3d, files: ["*"], reason: r,
     approver: a, expires: 2030-01-01}
  - {ref: W-10, kind: waiver, rule: congress/fms-36b, files: ["*"], reason: r,
     approver: a, expires: 2030-01-01}
"""
    found = read_decisions(text, "d.yaml", book.reference, {r.id: r.outcome for r in book.rules})
    v = apply_decisions(checker.check(transfer), transfer, found, today=NOW.date())
    v = with_run(v, run_info(book, now=NOW))
    md = markdown.render([v])
    assert "**Waived by `W-9`**" in md
    assert "- applied: `W-9` (waiver) to `congress/third-party-3d`" in md
    assert "- not applied: `W-10`: no congress/fms-36b finding in this transfer" in md
    assert f"- rules sha256 `{v.run['rules']['sha256']}`" in md  # type: ignore[index]
    assert "- decisions `d.yaml` sha256" in md
    out = StringIO()
    human.render(Console(file=out, width=200), v)
    shown = out.getvalue()
    assert "waived by W-9" in shown
    assert "not applied: W-10" in shown
    assert "as of 2021-08-27" in shown


def test_source_date_epoch_fixes_the_timestamp(monkeypatch: pytest.MonkeyPatch) -> None:
    from armscheck.decisions.record import timestamp

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert timestamp() == "1970-01-01T00:00:00Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert timestamp() != "1970-01-01T00:00:00Z"

"""The command line: formats, exit codes, and one clean error for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armscheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "scenarios" / "seeds"
IRAN = str(SEEDS / "iraq-iran-arms-2014.yaml")
T129 = str(SEEDS / "iraq-turkey-t129-2021.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_iran_iraq_seed_is_prohibited_citing_1747(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", IRAN)
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "prohibited"
    f = next(f for f in data["findings"] if f["rule"] == "un-embargo/supplier-export-ban")
    assert any(
        c["instrument"].startswith("UNSCR 1747") and "5" in (c.get("pinpoint") or "")
        for c in f["citations"]
    )
    assert {"path": "supplier.country", "line": 8, "value": "Iran"} in f["evidence"]
    assert f["contested"] is False and f["review_days"] is None


def test_as_of_changes_the_law_applied(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "json", "--as-of", "2021-03-01", IRAN)
    assert json.loads(out)["families"]["un-embargo"] == "clear"
    code, out, _ = run(capsys, "check", "--format", "json", "--as-of", "2025-10-01", IRAN)
    data = json.loads(out)
    assert data["families"]["un-embargo"] == "violation" and data["contested"] is True
    assert all(f["contested"] for f in data["findings"] if f["family"] == "un-embargo")


def test_several_files_give_an_array(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "json", IRAN, T129)
    assert [d["name"][:4] for d in json.loads(out)] == ["Iraq", "Iraq"]


def test_markdown_and_human(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "markdown", IRAN)
    assert "**Verdict: prohibited**" in out and "not legal advice" in out.lower()
    _, out, _ = run(capsys, "check", "--format", "human", IRAN)
    assert "PROHIBITED" in out and "UNSCR 1747" in out
    assert out.lower().count("not legal advice") == 1


def test_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "--format", "json", "--fail-on", "clear", T129)[0] == 1
    assert run(capsys, "check", "--format", "json", T129)[0] == 0


def test_bad_input_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(Path(IRAN).read_text().replace("date: 2014-02-24", "date: 2014-13-01"))
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{bad}:5:7" in err and "Traceback" not in err


def test_bad_usage_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "--as-of", "yesterday", IRAN])
    assert info.value.code == 2


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rules", "--format", "json")
    rows = json.loads(out)
    assert {
        "id",
        "family",
        "outcome",
        "title",
        "citations",
        "effective_from",
        "effective_to",
    } <= set(rows[0])
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("argv", "imported"),
    [
        (["check", "a.yaml"], ["check"]),
        (["--rules", "check", "rules"], ["rules"]),  # a folder named like a command
        (["--rules=x", "timeline", "a.yaml"], ["timeline"]),
        (["--version"], []),
        (["nonsense", "check"], []),
        ([], []),
    ],
)
def test_the_command_named_is_imported_before_parsing(
    argv: list[str], imported: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from armscheck.cli import commands

    seen: list[str] = []
    monkeypatch.setattr(commands, "_module", seen.append)
    commands.preload(argv)
    assert seen == imported

"""The terminal reports at 80 and 120 columns: no URL split, no word split in a table cell."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from armscheck.api import load_checker, load_transfer
from armscheck.checker import Checker
from armscheck.cli import main
from armscheck.explore.counterfactuals import counterfactuals
from armscheck.report import human

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "scenarios/seeds/iraq-turkey-t129-2021.yaml")
SEEDS = str(ROOT / "scenarios/seeds")
OSC8 = re.compile(r"\x1b\]8;[^;]*;([^\x1b]*)\x1b\\")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WIDTHS = [80, 120]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker(None)


def plain(text: str) -> list[str]:
    return ANSI.sub("", OSC8.sub("", text)).splitlines()


@pytest.mark.parametrize("width", WIDTHS)
def test_check_report_links_whole_urls_and_fits(checker: Checker, width: int) -> None:
    t = load_transfer(SEED, checker.rulebook.reference)
    v = counterfactuals(checker, t, checker.check(t))
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=True, color_system="truecolor")
    human.render(console, v)
    out = buf.getvalue()
    targets = {u for u in OSC8.findall(out) if u}
    assert targets == {c.url for f in v.findings for c in f.citations}
    lines = plain(out)
    assert max(len(line) for line in lines) <= min(width, human.PROSE)
    assert not any("http" in line or "│" in line for line in lines)
    text = "\n".join(lines)
    assert "rests on 2 assumptions or defaults" in text
    for f in v.findings:
        assert any(f.rule in line for line in lines), f.rule  # never folded mid-id


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, list[str]]:
    code = main(argv)
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("width", WIDTHS)
def test_tables_never_split_a_word(
    checker: Checker,
    width: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.chdir(ROOT)  # short file names, as a user in the repository would see them
    rule_ids = [r.id for r in checker.rulebook.rules]
    outcomes = {r.outcome for r in checker.rulebook.rules}
    cases = {
        "rules": (["rules"], [*rule_ids, *outcomes]),
        "coverage": (["test", "--coverage", SEEDS], rule_ids),
        "batch": (
            ["batch", "--format", "human", "--jobs", "1", "scenarios/seeds"],
            [p.name for p in Path(SEEDS).glob("*.yaml")] + ["sanctions-exposure", "prohibited"],
        ),
        "timeline": (["timeline", "--format", "human", SEED], ["notification-required"]),
        "matrix": (
            ["matrix", "--format", "human", "--recipients", "Iraq,Iran,North Korea", SEED],
            ["Iran", "prohibited", "notification-required", "Korea"],
        ),
    }
    for name, (argv, words) in cases.items():
        _, lines = run(capsys, argv)
        lines = plain("\n".join(lines))
        assert max(len(line) for line in lines) <= width, name
        for word in words:
            assert any(word in line for line in lines), f"{name}: {word!r} split or missing"


def test_rules_show_prints_one_rule_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, ["rules", "show", "us-content/barred-party"])
    text = "\n".join(lines)
    assert code == 0
    for part in ("Rationale", "CAATSA §235(a)(2)", "in force 2017-08-02", "fire it"):
        assert part in text
    assert "us-f16-kits-ssb-dcs-variant-2024" in text
    code, lines = run(capsys, ["rules", "show", "us-content/barred-party", "--format", "json"])
    assert json.loads("\n".join(lines))["rationale"].startswith("CAATSA")


def test_rules_show_unknown_rule_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "show", "us-content/barred"]) == 2
    assert "did you mean 'us-content/barred-party'" in capsys.readouterr().err


def test_batch_brief_is_one_line_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, ["batch", "--format", "human", "--brief", "--jobs", "1", SEEDS])
    files = sorted(Path(SEEDS).glob("*.yaml"))
    listed = lines[: lines.index("")]  # the summary follows a blank line
    assert len(listed) == len(files)
    assert [line.split()[-1] for line in listed] == [str(f) for f in files]
    assert all(
        line.split()[0] in ("prohibited", "sanctions-exposure", "approval-required", "clear")
        for line in listed
    )


def test_slowest_leaves_out_warm_up(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, ["batch", "--format", "human", "--brief", "--jobs", "1", SEEDS])
    code, lines = run(capsys, ["batch", "--format", "human", "--brief", "--jobs", "1", SEEDS])
    text = "\n".join(lines)
    first = sorted(Path(SEEDS).glob("*.yaml"))[0].name
    slow = text[text.index("Slowest") :]
    assert "leaving out 1 worker warm-up" in slow and first not in slow

"""``armscheck screen``, and possible matches in ``check`` output and decisions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from armscheck import load_checker
from armscheck.api import load_transfer
from armscheck.cli import main
from armscheck.decisions import apply_decisions, read_decisions

ROOT = Path(__file__).resolve().parents[1]
TYPO = ROOT / "scenarios" / "real" / "caatsa-india-s400-rosoboronexpot-typo-variant-2018.yaml"
CYRILLIC = ROOT / "scenarios" / "real" / "caatsa-india-s400-cyrillic-variant-2018.yaml"


@pytest.fixture(autouse=True)
def no_imported_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARMSCHECK_DATA_DIR", str(tmp_path / "data"))


def screen(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["screen", *args, "--format", "json"]) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def test_a_cyrillic_name_is_an_exact_hit_with_its_explanation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = screen(capsys, "ОАО «Рособоронэкспорт»")
    (hit,) = out["hits"]  # type: ignore[misc]
    assert (hit["list"], hit["ref"], hit["match"], hit["score"]) == (
        "caatsa/specified-persons",
        "rosoboronexport",
        "exact",
        1.0,
    )
    assert hit["alias"] == "Rosoboronexport"
    assert "Cyrillic transliterated" in hit["normalised"]
    assert "legal form 'OAO' removed" in hit["normalised"]
    assert hit["listed_from"] == "2017-10-27"


def test_a_typo_is_a_possible_hit(capsys: pytest.CaptureFixture[str]) -> None:
    out = screen(capsys, "Rosobornexport", "--country", "Russia")
    assert out["country"] == "RU" and out["possible"] == 1 and out["exact"] == 0
    (hit,) = out["hits"]  # type: ignore[misc]
    assert hit["match"] == "possible" and 0.86 <= hit["score"] < 1
    assert any("similar spelling" in r for r in hit["reasons"])


def test_an_acronym_abroad_finds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert screen(capsys, "ROE Ltd", "--country", "IN")["hits"] == []
    (hit,) = screen(capsys, "ROE Ltd")["hits"]  # type: ignore[misc]
    assert hit["match"] == "possible"


def test_a_date_keeps_the_entries_listed_then(capsys: pytest.CaptureFixture[str]) -> None:
    assert screen(capsys, "Rosoboronexport", "--date", "2017-10-26")["hits"] == []
    assert screen(capsys, "Rosoboronexport", "--date", "2017-10-27")["hits"]


def test_the_human_report_names_list_entry_score_and_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screen", "Rosobornexport"]) == 0
    out = capsys.readouterr().out
    assert "possible 0.8" in out or "possible 0.9" in out
    assert "caatsa/specified-persons rosoboronexport" in out and "similar spelling" in out
    assert main(["screen", "Rostelecom", "--country", "RU"]) == 0
    assert "No match" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Rosoboronexport", "--country", "Narnia"], "--country 'Narnia': not a country"),
        (["x" * 600], "over the limit"),
        (["Rosoboronexport", "--date", "2017-13-01"], "Error:"),
    ],
)
def test_bad_input_is_one_error_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) if "--date" in args else _no_raise():
        assert main(["screen", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


class _no_raise:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> bool:
        return False


def test_check_json_marks_the_possible_match_and_the_verdict_resting_on_it() -> None:
    v = load_checker().check_file(str(TYPO)).as_dict()
    assert v["rests_on_possible_match"] is True
    assert v["notes"][0].startswith("The verdict (sanctions-exposure) rests on findings")
    f = next(f for f in v["findings"] if f["rule"] == "caatsa/listed-counterparty")
    assert f["match"] == "possible" and f["alias"] == "Rosoboronexport"
    assert 0.86 <= f["score"] < 1
    (m,) = f["matches"]
    assert m["match"] == "possible" and "similar spelling" in m["why"]
    assert any("possible match" in a for a in f["assumptions"])
    exact = load_checker().check_file(str(CYRILLIC)).as_dict()
    assert exact["rests_on_possible_match"] is False
    f = next(f for f in exact["findings"] if f["rule"] == "caatsa/listed-counterparty")
    assert f["match"] == "exact" and f["score"] == 1.0


def test_a_not_a_match_decision_answers_a_possible_match() -> None:
    checker = load_checker()
    book = checker.rulebook
    transfer = load_transfer(TYPO, book.reference)
    text = """\
decisions:
  - ref: NAM-1
    kind: not-a-match
    party: Rosoboronexpot
    entry: rosoboronexport
    reason: a typo checked against the contract; the seller is another firm
    by: A. Analyst
    date: 2026-11-30
"""
    decisions = read_decisions(
        text, "armscheck-decisions.yaml", book.reference, {r.id: r.outcome for r in book.rules}
    )
    v = apply_decisions(checker.check(transfer), transfer, decisions, today=dt.date(2026, 12, 1))
    f = next(f for f in v.findings if f.rule == "caatsa/listed-counterparty")
    assert f.satisfied_by == "NAM-1"
    assert v.as_dict()["rests_on_possible_match"] is False


def test_imported_official_lists_are_screened_too(capsys: pytest.CaptureFixture[str]) -> None:
    fixtures = ROOT / "tests" / "fixtures" / "official"
    assert main(["lists", "import", str(fixtures / "sdn.xml")]) == 0
    capsys.readouterr()
    hits = screen(capsys, "Rosoboronexport OAO", "--country", "RU")["hits"]
    found = {(h["list"], h["match"]) for h in hits}  # type: ignore[union-attr]
    assert ("caatsa/specified-persons", "exact") in found
    assert ("us-sdn", "exact") in found

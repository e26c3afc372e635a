"""Country names that mean more than one country are refused, offering each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from armscheck.cli import main
from armscheck.rulebook.reference import load_reference

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml").read_text()


@pytest.mark.parametrize(
    ("name", "offers"),
    [
        ("Congo", ["Republic of the Congo (CG)", "DR Congo (CD)"]),
        ("the Congo", ["(CG)", "(CD)"]),
        ("CONGO", ["(CG)", "(CD)"]),
        ("Korea", ["South Korea (KR)", "North Korea (KP)"]),
        ("Virgin Islands", ["(VG)", "(VI)"]),
    ],
)
@pytest.mark.parametrize("side", ["recipient", "supplier"])
def test_an_ambiguous_country_is_refused_offering_each(
    name: str, offers: list[str], side: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = "country: Iraq" if side == "recipient" else "country: Turkey"
    path = tmp_path / "t.yaml"
    path.write_text(SEED.replace(line, f"country: {name}"))
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {path}:") and f"{side}.country" in err and "could mean" in err
    assert all(o in err for o in offers) and err.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "code"),
    [("Congo-Brazzaville", "CG"), ("DRC", "CD"), ("DR Congo", "CD"), ("South Korea", "KR")],
)
def test_the_unambiguous_names_still_resolve(name: str, code: str) -> None:
    ref = load_reference(ROOT / "rules")
    found = ref.country(name)
    assert found is not None and found.code == code


def test_an_ambiguous_name_that_is_also_an_alias_is_a_rule_error(tmp_path: Path) -> None:
    from armscheck.errors import RuleError

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    table = rules / "lists" / "countries.yaml"
    text = table.read_text()
    table.write_text(text.replace("  - Congo-Brazzaville\n", "  - Congo-Brazzaville\n  - Congo\n"))
    with pytest.raises(RuleError, match="also a name of CG"):
        load_reference(rules)

"""Name screening: linear in the name's length, and over-long names refused where written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armscheck.cli import main
from armscheck.families.parties import alias_keys, match_name
from armscheck.transfer.values import MAX_NAME_CHARS, MAX_NAME_WORDS

ALIASES = alias_keys(["Rosoboronexport", "Rosoboron Export", "JSC Rosoboronexport", "ROE"])

BASE = """\
name: Test transfer
date: 2021-08-27
supplier:
  country: Russia
  entities: [{name}]
recipient:
  country: Iraq
items:
  - {{description: Helicopter, category: attack-helicopter, unit_value_usd: 60m}}
"""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Rosoboronexport", ("Rosoboronexport", True)),
        ("JSC Rosoboron Export", ("Rosoboronexport", True)),
        ("Moscow office of Rosoboron Export", ("Rosoboronexport", False)),
        ("the Rosoboronexport trading arm", ("Rosoboronexport", False)),
        ("XRosoboronexport trading", None),  # inside a word: not a run of words
        ("Rosoboronexports", None),
        ("ROE", ("ROE", True)),
        ("ROE trading", ("ROE", False)),
    ],
)
def test_matching_is_unchanged(name: str, expected: tuple[str, bool] | None) -> None:
    assert match_name(name, ALIASES, "RU", "RU") == expected


def _old_partial(name: str) -> bool:
    """The former rule: the alias's spaceless core is one of the name's runs of words."""
    from armscheck.families.parties import core_key

    words = core_key(name).split()
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return any(a_flat in runs for _, _, _, a_flat in ALIASES)


@given(
    st.lists(
        st.sampled_from(["rosoboron", "export", "exp", "ort", "Rosoboronexport", "x", "jsc"]),
        max_size=8,
    )
)
def test_partial_matches_agree_with_every_run_of_words(words: list[str]) -> None:
    name = " ".join(words)
    found = match_name(name, ALIASES, "RU", "RU")
    assert (found is not None) == _old_partial(name)


def test_screening_is_linear_in_the_name() -> None:
    words = " ".join(f"w{i % 97}ab" for i in range(20_000))  # 140 KB, no match
    start = time.perf_counter()
    assert match_name(words, ALIASES, "RU", "RU") is None
    assert match_name(words + " Rosoboron Export", ALIASES, "RU", "RU") is not None
    assert time.perf_counter() - start < 5  # every run of words would be 2e8 strings


@pytest.mark.parametrize(
    "name",
    [
        "A" * (MAX_NAME_CHARS + 1),
        " ".join(["word"] * (MAX_NAME_WORDS + 1)),
        " ".join(["Rosoboronexport"] * 1_500),
    ],
    ids=["chars", "words", "1500-words"],
)
def test_an_over_long_entity_name_is_a_located_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(BASE.format(name=name))
    start = time.perf_counter()
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {path}:5:") and "over the limit" in err and " — " in err
    assert err.count("\n") == 1 and time.perf_counter() - start < 5


def test_an_over_long_end_user_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "eu.yaml"
    text = BASE.format(name="Rosoboronexport").replace(
        "  country: Iraq", "  country: Iraq\n  end_user: " + "x" * 5_000
    )
    path.write_text(text)
    assert main(["check", "--format", "json", str(path)]) == 2
    assert f"{path}:8:" in capsys.readouterr().err


def test_a_name_at_the_limit_is_screened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    name = "Rosoboronexport " + "x" * (MAX_NAME_CHARS - len("Rosoboronexport "))
    path = tmp_path / "ok.yaml"
    path.write_text(BASE.format(name=name))
    assert main(["check", "--format", "json", str(path)]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["families"]["caatsa"] != "clear"

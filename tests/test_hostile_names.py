"""Name screening: linear in the name's length, and over-long names refused where written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armscheck.cli import main
from armscheck.screening import MAX_NAME_CHARS as MAX_SCREENED
from armscheck.screening import Entry, Index, NameTooLong, normalise
from armscheck.transfer.values import MAX_NAME_CHARS, MAX_NAME_WORDS

ENTRY = Entry(
    "caatsa/specified-persons",
    "rosoboronexport",
    ("Rosoboronexport", "Rosoboron Export", "JSC Rosoboronexport", "ROE"),
    countries=("RU",),
)
INDEX = Index([ENTRY])


def match_name(name: str) -> tuple[str, bool] | None:
    """(alias, exact) of the best hit of ``name`` (a party in Russia), or None."""
    hits = INDEX.screen(name, country="RU")
    return (hits[0].alias, hits[0].exact) if hits else None


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
        ("ROE", ("ROE", True)),
        ("ROE trading", ("ROE", False)),
    ],
)
def test_matching(name: str, expected: tuple[str, bool] | None) -> None:
    assert match_name(name) == expected


@given(
    st.lists(
        st.sampled_from(["rosoboron", "export", "exp", "ort", "Rosoboronexport", "x", "jsc"]),
        max_size=8,
    )
)
def test_a_name_holding_the_alias_as_words_always_matches(words: list[str]) -> None:
    name = " ".join(words)
    joined = "".join(w.lower() for w in words if w.lower() != "jsc")
    if "rosoboronexport" in joined and any(
        "".join(w.lower() for w in words[i:j]) == "rosoboronexport"
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    ):
        assert match_name(name) is not None


def test_screening_is_linear_in_the_name() -> None:
    words = " ".join(f"w{i % 97}ab" for i in range(60))  # at the length limit
    start = time.perf_counter()
    for _ in range(200):
        assert match_name(words[: MAX_SCREENED - 20]) is None
        assert match_name(words[: MAX_SCREENED - 20] + " Rosoboron Export") is not None
        normalise.cache_clear()
    assert time.perf_counter() - start < 5  # every run of words would be 2e5 strings each
    with pytest.raises(NameTooLong):
        match_name(" ".join(f"w{i % 97}ab" for i in range(20_000)))


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


LONG = "x" * 100_000
ITEM = "  - {description: Helicopter, category: attack-helicopter, unit_value_usd: 60m}"


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("country: Iraq", f"country: {LONG}", "over the limit of 300"),
        ("country: Iraq", "country: " + " ".join(["Iraq"] * 20_000), "over the limit of 300"),
        ("category: attack-helicopter", f"category: attack-helicopter, system: {LONG}", "system"),
        ("category: attack-helicopter", f"category: {LONG}", "unknown category"),
    ],
    ids=["country-100k", "country-20k-words", "system-100k", "category-100k"],
)
def test_long_text_where_a_word_is_expected_is_refused_quickly(
    old: str, new: str, fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BASE.format(name="Acme")
    assert ITEM in text and old in text
    path = tmp_path / "long.yaml"
    path.write_text(text.replace(old, new, 1))
    start = time.perf_counter()
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert time.perf_counter() - start < 5  # a "did you mean" over 100 KB once took minutes
    assert err.startswith(f"Error: {path}:") and fragment in err and err.count("\n") == 1, err


@pytest.mark.parametrize(
    ("escape", "named"), [("\\0", "U+0000 NULL"), ("\\x7f", "U+007F DELETE"), ("\\e", "U+001B")]
)
def test_a_control_character_inside_a_name_is_refused(
    escape: str, named: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cc.yaml"
    path.write_text(BASE.format(name=f'"Rosoboron{escape}export"'))
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {path}:5:") and named in err


def test_a_line_break_in_a_name_reads_as_a_space(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    path = tmp_path / "nl.yaml"
    path.write_text(BASE.format(name='"Rosoboron\\nexport\\n"'))
    main(["check", "--format", "json", str(path)])
    assert json.loads(capsys.readouterr().out)["families"]["caatsa"] != "clear"


def test_an_unknown_key_with_a_look_alike_names_the_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "key.yaml"
    path.write_text(BASE.format(name="Acme").replace("name: Test", "nаme: Test"))
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert "did you mean 'name'" in err and "'а' (U+0430 CYRILLIC SMALL LETTER A)" in err

"""Text that reads differently from how it looks: hidden breaks, encodings, names."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armscheck.api import load_checker, read_transfer
from armscheck.checker import Checker
from armscheck.cli import main
from armscheck.errors import ComplianceError, InputError

BASE = """\
name: Test transfer
date: 2021-08-27
supplier:
  country: {supplier}
  entities: [{supplier_entity}]
recipient:
  country: {recipient}
  end_user: {end_user}
items:
  - description: Rifles
    category: small-arms
    quantity: 100
    unit_value_usd: 1000
"""


def _transfer(
    supplier: str = "Russia",
    supplier_entity: str = "Acme",
    recipient: str = "India",
    end_user: str = "Army",
) -> str:
    return BASE.format(
        supplier=json.dumps(supplier),
        supplier_entity=json.dumps(supplier_entity),
        recipient=json.dumps(recipient),
        end_user=json.dumps(end_user),
    )


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes) -> tuple:
    path = tmp_path / "t.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    code = main(["check", "--format", "json", str(path)])
    out, err = capsys.readouterr()
    return code, out, err, str(path)


# The file as a whole


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
        ("\x85", "U+0085 NEXT LINE"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
@pytest.mark.parametrize("where", ["after-key", "in-quotes", "in-comment"])
def test_hidden_line_breaks_are_one_located_error(
    char: str, name: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _transfer()
    if where == "after-key":
        text = text.replace("  end_user:", f"  end_user:{char}", 1)
    elif where == "in-quotes":
        text = text.replace('"Army"', f'"Ar{char}my"')
    else:
        text = text.replace("items:", f"# a note{char}more\nitems:")
    code, out, err, path = _check(tmp_path, capsys, text)
    assert code == 2 and out == ""
    line = 8 if where != "in-comment" else 9
    assert err.startswith(f"Error: {path}:{line}:"), err
    assert name in err and "invisible" in err and " — " in err and err.count("\n") == 1


def test_a_bom_at_the_start_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err, _ = _check(tmp_path, capsys, "\ufeff" + _transfer())
    assert code in (0, 1) and err == ""


@pytest.mark.parametrize(
    ("codec", "bom", "expected"),
    [
        ("utf-32-le", True, "UTF-32 text (little-endian, with a byte-order mark)"),
        ("utf-32-be", True, "UTF-32 text (big-endian, with a byte-order mark)"),
        ("utf-32-le", False, "UTF-32 text (little-endian, without a byte-order mark)"),
        ("utf-32-be", False, "UTF-32 text (big-endian, without a byte-order mark)"),
        ("utf-16-le", True, "UTF-16 text (little-endian, with a byte-order mark)"),
        ("utf-16-be", True, "UTF-16 text (big-endian, with a byte-order mark)"),
        ("utf-16-le", False, "UTF-16 text (little-endian, without a byte-order mark)"),
        ("utf-16-be", False, "UTF-16 text (big-endian, without a byte-order mark)"),
    ],
)
def test_utf16_and_utf32_are_named(
    codec: str, bom: bool, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ("\ufeff" if bom else "") + _transfer(end_user="Armée de terre")
    code, _, err, path = _check(tmp_path, capsys, text.encode(codec))
    assert code == 2
    assert err == f"Error: {path}: the file is {expected}, not UTF-8 — " + (
        "save the file as UTF-8 (in most editors: Save As, encoding UTF-8)\n"
    )


def test_a_stray_nul_in_utf8_text_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _transfer(end_user="Armée de terre").encode("utf-8")
    at = text.index(b"date")
    code, _, err, path = _check(tmp_path, capsys, text[:at] + b"\x00" + text[at:])
    line = text[:at].count(b"\n") + 1
    assert code == 2
    assert err.startswith(f"Error: {path}: a NUL character (byte 0) at line {line}, column 1 — ")


# Names


def _families(tmp_path: Path, capsys: pytest.CaptureFixture[str], **kw: str) -> dict[str, str]:
    code, out, err, _ = _check(tmp_path, capsys, _transfer(**kw))
    assert code in (0, 1), err
    return dict(json.loads(out)["families"])


@pytest.mark.parametrize(
    "hidden", ["\u00ad", "\u200d", "\u200c", "\u200b", "\u2060", "\ufeff", "\u180e"]
)
def test_invisible_characters_in_a_name_are_removed(
    hidden: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _families(tmp_path, capsys, recipient="Lebanon", end_user="Hezbollah")
    assert plain["un-embargo"] == "violation"
    assert _families(tmp_path, capsys, recipient="Lebanon", end_user=f"Hez{hidden}bollah") == plain
    plain = _families(tmp_path, capsys, supplier_entity="Rosoboronexport")
    assert plain["caatsa"] != "clear"
    hidden_roe = f"Roso{hidden}boron{hidden}export"
    assert _families(tmp_path, capsys, supplier_entity=hidden_roe) == plain


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2066", "\u2067", "\u200f", "\u061c"])
def test_bidi_controls_in_a_name_are_refused(
    control: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _transfer(recipient="Lebanon", end_user=f"Hez{control}bollah")
    code, out, err, path = _check(tmp_path, capsys, text)
    assert code == 2 and out == "" and err.startswith(f"Error: {path}:8:")
    assert f"U+{ord(control):04X} {unicodedata.name(control)}" in err


@pytest.mark.parametrize(
    ("field", "value", "foreign"),
    [
        ("supplier_entity", "Rosоboronexport", "'о' (U+043E CYRILLIC SMALL LETTER O)"),
        ("supplier_entity", "SSВ", "'В' (U+0412 CYRILLIC CAPITAL LETTER VE)"),
        ("recipient", "Irаn", "'а' (U+0430 CYRILLIC SMALL LETTER A)"),
        ("end_user", "Ηezbollah", "'Η' (U+0397 GREEK CAPITAL LETTER ETA)"),
        ("supplier", "Turkеy", "'е' (U+0435 CYRILLIC SMALL LETTER IE)"),
    ],
)
def test_mixed_script_names_are_refused_naming_the_character(
    field: str, value: str, foreign: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, path = _check(tmp_path, capsys, _transfer(**{field: value}))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"Error: {path}:") and foreign in err and "mixes scripts" in err
    latin = value.translate(str.maketrans("оВаΗе", "oBaHe"))
    assert f"retype it as {latin!r}" in err


def test_a_name_in_one_other_script_is_fine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fams = _families(tmp_path, capsys, supplier_entity="Rosoboronexport Рособоронэкспорт")
    assert fams["caatsa"] != "clear"


# Properties

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
HOSTILE = st.characters(categories=["Cf", "Zl", "Zp", "Cc", "Zs", "Mn"])
LOOK_ALIKES = st.sampled_from(list("аеорсхуАВЕКМНОРСТХαορΑΒΕΗΙΚΜΝΟΡΤΧ"))
NAME_TEXT = st.text(
    st.one_of(HOSTILE, LOOK_ALIKES, st.characters(), st.sampled_from(list("Rosoboronexport "))),
    max_size=60,
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker(None)


@SETTINGS
@given(name=NAME_TEXT, field=st.sampled_from(["supplier_entity", "end_user", "recipient"]))
def test_any_name_gives_a_verdict_or_one_located_error(
    checker: Checker, name: str, field: str
) -> None:
    text = _transfer(**{field: name})
    try:
        transfer = read_transfer(text, "t.yaml", checker.rulebook.reference)
    except InputError as exc:
        assert exc.file == "t.yaml" and exc.hint
        assert "\n" not in str(exc)
        return
    try:
        checker.check(transfer)
    except ComplianceError as exc:
        assert exc.hint, str(exc)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _accents(s: str, i: int) -> str:
    return "".join(c + ("\u0301" if j % 3 == i % 3 else "") for j, c in enumerate(s))


def _invisible(s: str, i: int) -> str:
    return "".join(
        c + ("\u00ad\u200b\u200d\u2060"[i % 4] if j % 2 else "") for j, c in enumerate(s)
    )


VARIANTS = {
    "case": lambda s, _: s.upper() if len(s) > 5 else s.lower(),
    "width": lambda s, _: _fullwidth(s),
    "diacritics": _accents,
    "invisible": _invisible,
}


@SETTINGS
@given(
    kinds=st.lists(st.sampled_from(sorted(VARIANTS)), min_size=1, max_size=4, unique=True),
    seed=st.integers(0, 11),
)
def test_names_differing_only_in_invisible_case_width_or_accents_screen_the_same(
    checker: Checker, kinds: list[str], seed: int
) -> None:
    def families(**kw: str) -> dict[str, str]:
        return checker.check(
            read_transfer(_transfer(**kw), "t.yaml", checker.rulebook.reference)
        ).families

    for field, name, extra in (
        ("supplier_entity", "Rosoboronexport", {}),
        ("end_user", "Hezbollah", {"recipient": "Lebanon"}),
    ):
        variant = name
        for kind in kinds:
            variant = VARIANTS[kind](variant, seed)
        assert families(**{field: variant}, **extra) == families(**{field: name}, **extra), variant


@SETTINGS
@given(
    inserts=st.lists(
        st.tuples(st.integers(0, 10_000), st.text(st.one_of(HOSTILE, LOOK_ALIKES), min_size=1)),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_anywhere_gives_a_verdict_or_one_located_error(
    inserts: list[tuple[int, str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = _transfer(supplier_entity="Rosoboronexport", end_user="Iraqi Army")
    for at, piece in inserts:
        at %= len(text) + 1
        text = text[:at] + piece + text[at:]
    path = tmp_path_factory.mktemp("any") / "t.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--format", "json", str(path)])
    assert code in (0, 1, 2)
    if code == 2:
        message = err.getvalue()
        assert message.startswith(f"Error: {path}") and message.count("\n") == 1, message
        assert " — " in message

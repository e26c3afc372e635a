"""Transliterating without importing anyascii gives exactly what anyascii gives."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import anyascii as theirs
import pytest

from armscheck.screening import transliterate
from armscheck.screening.normalise import _spaced_han
from armscheck.screening.transliterate import anyascii

DATA = Path(theirs.__file__).parent / "_data"
BLOCKS = sorted(int(p.name, 16) for p in DATA.iterdir() if len(p.name) == 3)


def test_the_tables_are_read_from_the_installed_anyascii() -> None:
    assert len(BLOCKS) > 500
    assert transliterate._find() == str(DATA)


def test_every_code_point_reads_as_anyascii_reads_it() -> None:
    for block in range(max(BLOCKS) + 2):  # and a block past the last table
        points = range(block << 8, (block + 1) << 8)
        text = "".join(chr(p) for p in points if not 0xD800 <= p < 0xE000)
        if text:
            assert anyascii(text) == theirs.anyascii(text), hex(block)
            assert [anyascii(ch) for ch in text] == [theirs.anyascii(ch) for ch in text]


def test_mixed_text_and_names() -> None:
    for text in (
        "Rosoboronexport",
        "Рособоронэкспорт",
        "Türkiye",
        "中国北方工业公司",
        "ĞÜŞ x\u200d",
        "",
    ):
        assert anyascii(text) == theirs.anyascii(text)


def test_without_the_tables_anyascii_itself_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transliterate, "_ITS_WAY", ("a line anyascii never wrote",))
    monkeypatch.setattr(transliterate, "_folder", [])
    monkeypatch.setattr(transliterate, "_tables", {})
    monkeypatch.setattr(transliterate, "_ascii", {})
    monkeypatch.setattr(transliterate, "_done", {chr(p) for p in range(0x80)})
    assert transliterate._find() is None
    assert anyascii("Рособоронэкспорт") == theirs.anyascii("Рособоронэкспорт")


def test_a_table_that_cannot_be_read_is_left_to_anyascii(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "004").write_bytes(b"not deflated")
    monkeypatch.setattr(transliterate, "_folder", [str(tmp_path)])
    monkeypatch.setattr(transliterate, "_tables", {})
    monkeypatch.setattr(transliterate, "_ascii", {})
    monkeypatch.setattr(transliterate, "_done", {chr(p) for p in range(0x80)})
    assert anyascii("Рос") == theirs.anyascii("Рос") == "Ros"
    assert 4 not in transliterate._tables


def test_a_check_does_not_import_the_resource_readers() -> None:
    import subprocess

    code = (
        "import sys; from armscheck.screening.normalise import normalise; "
        "normalise('Рособоронэкспорт'); print('importlib.resources' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_chinese_characters_are_spaced_as_the_pattern_of_their_ranges_spaces_them() -> None:
    pattern = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")
    for block in range(0x110000 >> 8):
        points = range(block << 8, (block + 1) << 8)
        text = "".join(chr(p) for p in points if not 0xD800 <= p < 0xE000)
        if text:
            assert _spaced_han(text) == pattern.sub(r" \1 ", text), hex(block)

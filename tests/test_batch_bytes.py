"""A batch result is kept as UTF-8 and written as it is: the same bytes as its text, encoded.

That every scenario's verdict bytes are its dictionary's JSON in UTF-8 is in test_compact.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from armscheck.api import load_checker
from armscheck.batch import BatchResult, result_of
from armscheck.checker import Checker
from armscheck.compact import encode, verdict_text
from armscheck.errors import ComplianceError
from armscheck.report.batch import writer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker()


@pytest.fixture(scope="module")
def results(checker: Checker) -> list[BatchResult]:
    out = []
    for path in sorted((ROOT / "scenarios").rglob("*.yaml"))[::3]:
        try:
            out.append(result_of(str(path), checker.check_file(str(path)), None, 0.0))
        except ComplianceError as exc:
            out.append(result_of(str(path), None, str(exc), 0.0))
    out.append(
        result_of("gone.yaml", None, "gone.yaml: cannot read the file — check the path", 0.0)
    )
    assert len(out) > 40 and not out[-1].payload.isascii()
    return out


def _written(results: list[BatchResult], fmt: str, stream: Any) -> Any:
    one, finish = writer(fmt, stream, "prohibited")
    for r in results:
        one(r)
    finish()
    stream.flush()
    return stream


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_lines_written_as_bytes_are_the_lines_written_as_text(
    results: list[BatchResult], fmt: str
) -> None:
    as_text = _written(results, fmt, io.StringIO()).getvalue()
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    stream.write("before\n")  # text the stream holds first stays first
    _written(results, fmt, stream)
    assert raw.getvalue() == ("before\n" + as_text).encode("utf-8")
    assert [json.loads(r.payload) for r in results][0]["file"] == results[0].file


def test_a_stream_in_another_encoding_gets_text(results: list[BatchResult]) -> None:
    ascii_only = [r for r in results if r.payload.isascii()]
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="latin-1", newline="\n")
    _written(ascii_only, "jsonl", stream)
    lines = raw.getvalue().decode("latin-1").splitlines()
    assert lines == [r.payload.decode() for r in ascii_only]  # type: ignore[union-attr]
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", newline="\n")
    with pytest.raises(UnicodeEncodeError):  # as any text the stream cannot hold
        _written([r for r in results if not r.payload.isascii()], "jsonl", stream)


def test_a_file_name_that_is_not_utf8_keeps_its_text(checker: Checker) -> None:
    seed = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
    verdict = checker.check_file(str(seed))
    verdict.file = "deals/b\udcff.yaml"  # as os.walk names a file whose name is not UTF-8
    res = result_of(verdict.file, verdict, None, 0.0)
    assert res.payload == encode(verdict.as_dict())  # text: no UTF-8 holds it
    assert verdict_text(verdict) == res.payload
    failed = result_of("b\udcff.yaml", None, "b\udcff.yaml: not a regular file", 0.0)
    assert failed.payload == encode({"file": "b\udcff.yaml", "error": failed.error})
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="\n")
    _written([res, failed], "jsonl", stream)
    assert raw.getvalue() == (res.payload + "\n" + failed.payload + "\n").encode(  # type: ignore[operator]
        "utf-8", "surrogateescape"
    )


def test_a_result_written_as_text_keeps_its_place_among_bytes(
    results: list[BatchResult], checker: Checker
) -> None:
    """A result the text layer writes (a file name not in UTF-8) is not overtaken by bytes."""
    seed = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
    verdict = checker.check_file(str(seed))
    verdict.file = "deals/b\udcff.yaml"
    odd = result_of(verdict.file, verdict, None, 0.0)
    order = [results[0], odd, results[1], odd, results[2]]
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="\n")
    _written(order, "jsonl", stream)
    expected = "".join(_text_of(r) + "\n" for r in order)
    assert raw.getvalue() == expected.encode("utf-8", "surrogateescape")


def _text_of(r: BatchResult) -> str:
    return r.payload.decode() if type(r.payload) is bytes else r.payload  # type: ignore[return-value]

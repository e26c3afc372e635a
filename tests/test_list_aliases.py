"""List files with anchors and aliases: each shared value read once, as the events read it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from armscheck.errors import RuleError
from armscheck.rulebook.aliases import parse_list
from armscheck.transfer.yamldoc import MAX_NODES, Doc, parse

ROOT = Path(__file__).resolve().parents[1]
LAUGHS = "a: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def _shape(value: Any, seen: dict[int, int]) -> Any:
    """``value`` as nested tuples, a value met again written as the number it was first met."""
    if not isinstance(value, (dict, list)):
        return (type(value).__name__, value)
    if id(value) in seen:
        return ("again", seen[id(value)])
    seen[id(value)] = len(seen)
    if isinstance(value, dict):
        return tuple((k, _shape(v, seen)) for k, v in value.items())
    return [_shape(v, seen) for v in value]


def _outcome(read: Any, text: str) -> Any:
    try:
        doc: Doc = read(text, "list.yaml")
    except RuleError as exc:
        return str(exc), exc.line, exc.column, exc.hint
    paths = [(), ("a",), ("b", 0), ("b", 0, "x"), ("c", "d"), ("z",)]
    return (
        _shape(doc.data, {}),
        [doc.where(p) for p in paths],
        [doc.where_key(p) for p in paths],
    )


def _events(text: str, file: str) -> Doc:
    return parse(text, file, RuleError)


def _values(count: int) -> str:
    """A document that expands, through one alias used many times, to ``count`` values."""
    per = 1_000
    return (
        f"a: &x [{', '.join(['1'] * per)}]\n"
        f"b: [{', '.join(['*x'] * (count // per - 1))}]\n"
        f"c: [{', '.join(['1'] * (count % per))}]\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, {x: yes}]\nb: [*x, *x]\n",
        "a: &x {d: 2021-01-01, e: ~}\nb:\n- *x\nc: {d: *x}\n",
        "a: &x [1, *x]\n",  # an alias inside its own anchor
        "&k a: 1\nb: *k\n",  # an alias to a key
        "a: &v 1\n*v : 2\n",  # an alias as a key
        "a: &v 1\nb: [c, *v]\nd: {*v : 2}\n",  # an alias as a key, met after it as an item
        "a: &x [1]\n? *x\n: 2\n",  # an alias to a list as a key
        "a: &x 1\n? [b]\n: *x\n? {c: d}\n: e\n",  # a list and a mapping as keys
        "a: &x {b: 1, b: 2}\nc: *x\n",
        "a: *nope\nb: &x 1\n",
        "a: &x 1\n---\nb: *x\n",
        "a: &x 0x1F\nb: [*x, &x .inf, *x]\n",
        "a: &x !!str 1\nb: *x\n",
        "<<: &x {a: 1}\nb: *x\n",
        "a: &x " + "[" * 45 + "]" * 45 + "\nb: *x\n",
        LAUGHS,
        _values(MAX_NODES),
        _values(MAX_NODES + 1),
    ],
)
def test_a_list_with_aliases_reads_as_the_event_stream_reads_it(text: str) -> None:
    assert _outcome(parse_list, text) == _outcome(_events, text)


def test_a_billion_laughs_is_refused_with_its_location() -> None:
    with pytest.raises(RuleError) as info:
        parse_list(LAUGHS, "list.yaml")
    assert f"more than {MAX_NODES:,} values" in str(info.value) and info.value.line


def test_every_list_file_reads_the_same_either_way() -> None:
    for path in sorted((ROOT / "rules" / "lists").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert _shape(parse_list(text, str(path)).data, {}) == _shape(
            _events(text, str(path)).data, {}
        ), path


@pytest.mark.parametrize("first", ["marks", "key_marks", "where"])
def test_a_list_with_aliases_gives_its_marks_whichever_is_read_first(first: str) -> None:
    text = "a: &x [1, {x: yes}]\nb: [*x, *x]\nc: {d: 2}\n"
    reference = _events(text, "list.yaml")
    doc = parse_list(text, "list.yaml")
    if first == "where":
        assert doc.where(("c", "d")) == (3, 8)
    else:
        assert getattr(doc, first) == getattr(reference, first)
    assert doc.marks == reference.marks and doc.key_marks == reference.key_marks
    assert doc.where_key(("c", "d")) == reference.where_key(("c", "d")) == (3, 5)


def test_a_document_given_marks_alone_keeps_them_when_its_key_marks_are_read() -> None:
    doc = Doc({"a": {"b": 1}}, "t.yaml", {(): (1, 1), ("a",): (1, 1), ("a", "b"): (1, 5)})
    assert doc.key_marks == {}
    assert doc.where(("a", "b", "c")) == (1, 5)
    assert doc.where_key(("a", "b")) == (1, 5)
    assert doc.marks == {(): (1, 1), ("a",): (1, 1), ("a", "b"): (1, 5)}

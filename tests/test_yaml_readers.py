"""The quick YAML reader (libyaml's node tree) reads exactly what the event-stream reader reads.

Where the quick reader gives data, the event-stream reader gives the same data (same types)
and the same line marks; where the event-stream reader refuses a document, the quick one
is never sure of it (so the refusal, and its location, come from the event-stream reader).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.errors import ComplianceError, InputError
from armscheck.transfer import nodes
from armscheck.transfer.decoding import decode
from armscheck.transfer.stream import read_events
from armscheck.transfer.yamldoc import Doc, parse

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    p for folder in ("scenarios", "rules", "docs", "tests") for p in (ROOT / folder).rglob("*.yaml")
)


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down (1, 1.0 and True differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def compare(text: str) -> str:
    """'quick' or 'unsure' after checking the quick reader against the event-stream reader."""
    try:
        expected: Any = read_events(text, "t.yaml", InputError)
    except ComplianceError as exc:
        expected = exc
    try:
        data, tree = nodes.compose(text)
    except nodes.Unsure:
        return "unsure"
    assert not isinstance(expected, ComplianceError), f"quick reader took: {expected}"
    want, marks, key_marks = expected
    assert same(data, want)
    got_marks, got_keys = tree.marks() if tree is not None else ({}, {})
    assert list(got_marks.items()) == list(marks.items())
    assert list(got_keys.items()) == list(key_marks.items())
    quick = Doc(data, "t.yaml")
    quick.tree = tree
    reference = Doc(want, "t.yaml", marks, key_marks)
    probes = [()] + [
        (*p, extra) for p in marks for extra in ((), ("zz",), (0,), (-1,), ("0",), (99, "a"))
    ]
    for p in probes:
        assert quick.where(p) == reference.where(p), p
        assert quick.where_key(p) == reference.where_key(p), p
    assert quick.marks == marks and quick.key_marks == key_marks  # drawn from the tree
    return "quick"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_in_the_repository_reads_the_same(path: Path) -> None:
    try:
        text = decode(path.read_bytes(), str(path))
    except ComplianceError:
        return
    compare(text)


def test_the_quick_reader_takes_ordinary_transfers() -> None:
    # a transfer is shorter than the probe's nesting: libyaml's composer is given it
    # whether or not libyaml stops deep nesting itself (as older PyYAML wheels do not)
    quick = [compare(decode(p.read_bytes(), str(p))) for p in FILES if "seeds" in p.parts]
    assert quick and set(quick) == ({"quick"} if nodes.USABLE else {"unsure"})


def test_only_a_text_longer_than_the_probe_asks_whether_libyaml_limits_nesting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []

    def probe() -> bool:
        asked.append(1)
        return False  # as a libyaml that nests without limit answers

    monkeypatch.setattr(nodes, "_nesting_is_limited", probe)
    monkeypatch.setattr(nodes, "_limited", [])
    short = "a: " + "[" * 998 + "]" * 998 + "\n"
    assert len(short) <= nodes.PROBE_DEPTH
    assert nodes.usable(short) is nodes.USABLE and not asked
    assert compare(short) == "unsure"  # too deep for the walk: the event-stream reader's error
    long = "a: " + "x" * nodes.PROBE_DEPTH + "\n"
    assert nodes.usable(long) is False and nodes.usable(long) is False
    assert asked == ([1] if nodes.USABLE else [])
    with pytest.raises(nodes.Unsure):
        nodes.compose(long)


def test_a_long_text_is_composed_only_where_libyaml_limits_nesting() -> None:
    long = "a: " + "x" * nodes.PROBE_DEPTH
    assert nodes.usable(long) is (nodes.USABLE and nodes._nesting_is_limited())


def test_the_depth_libyaml_says_it_stops_at_is_the_one_it_stops_at() -> None:
    level = nodes.said_limit()
    if level is None or not nodes.USABLE:
        return  # (the probe answers: nothing to compare)
    assert nodes._nesting_is_limited() is nodes._composing_stops() is (0 < level < 2_000)
    deep = "[" * level + "]" * level
    nodes._Composer(deep).get_single_node()  # as deep as it says it goes
    for block in ("[" * (level + 1) + "]" * (level + 1), "- " * (level + 1) + "x"):
        with pytest.raises(yaml.YAMLError, match="nesting"):
            nodes._Composer(block).get_single_node()


TRICKY = [
    "",
    "# only a comment\n",
    "hello\n",
    "- a\n- b\n",
    "a: 1\na: 2\n",
    "a: 1\n? [x]\n: 2\n",
    "{a: 1, {b: c}: 2}\n",
    "!!null ~: x\n",
    "! a: ! 012\nb: ! '012'\n",
    "a: !!int 5\n",
    "a: !!str 5\n",
    "a: !!map {b: c}\n",
    "a: !!seq [b]\n",
    "a: !local x\n",
    "a: !!python/name:os.system\n",
    "a: <<\n",
    "<<: {a: 1}\n",
    "a: =\n",
    "a: &x 1\nb: *x\n",
    "a: *x\n",
    "a: &x 1\nb: &x 2\n",
    "a: &x [1, 2]\nb: 3\n",
    "a: b\n---\nc: d\n",
    "--- a\n...\n",
    "a: [\n",
    "a:\n\tb: c\n",
    "a: 'b\n",
    'a: "\x07"\n',
    "a: " + "[" * 41 + "]" * 41 + "\n",
    "a: " + "[" * 39 + "]" * 39 + "\n",
    "a: " + "[" * 2000 + "]" * 2000 + "\n",
    "".join(" " * i + "k:\n" for i in range(45)) + " " * 45 + "v\n",
    "[" + ", ".join(["1"] * 50_001) + "]\n",
    "[" + ", ".join(["1"] * 49_999) + "]\n",
    "{" + ", ".join(f"k{i}" for i in range(25_001)) + "}\n",
    "a: 0x10\nb: 0o17\nc: 1:30\nd: 1_000\ne: 1e3\nf: 1.5e3\ng: .inf\nh: -.NaN\n",
    "a: yes\nb: No\nc: ON\nd: ~\ne: null\nf: Null\ng:\nh: ''\ni: true\nj: FALSE\n",
    "a: 2021-08-27\nb: 2021-08-27 10:00:00\nc: 20210827\nd: '2021-08-27'\n",
    "a: " + "9" * 5_000 + "\n",
    "true: 1\nnull: 2\n1: 3\n~: 4\n'': 5\n",
    "a: |\n  text\n  more\nb: >\n  folded\n",
    "a: [1, [2, {b: c}], {d: [e]}]\n",
    "a: 1\r\nb:\r\n  - c\r\n",
    "a: x & y * z\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_documents_read_the_same(text: str) -> None:
    compare(text)


def test_hostile_documents_are_left_to_the_event_stream_reader() -> None:
    assert compare("a: &x [1]\nb: *x\n") == "unsure"
    assert compare("a: 1\na: 2\n") == "unsure"
    assert compare("a: !!python/name:os.system\n") == "unsure"
    assert compare("a: " + "[" * 41 + "]" * 41 + "\n") == "unsure"
    for key in ("{b: c}", "[b]", "{}", "[]"):  # a mapping or a list as a key
        assert compare(f"{key}: 1\n") == "unsure"
        assert compare(f"a:\n  x: 1\n  {key}: [2]\n") == "unsure"
    with pytest.raises(InputError, match="duplicate key 'a'") as caught:
        parse("a: 1\na: 2\n", "t.yaml")
    assert caught.value.line == 2


SCALARS = st.sampled_from(
    ["x", "US", "0", "012", "1.5", "1e3", "0x1F", "1:30", "yes", "No", "~", "null", "true", "''",
     '"q"', "-1", "+.5", "2021-08-27", "<<", "=", "!!int 5", "!!str 5", "! 7", "&a 1", "*a",
     "a b", "[]", "{}", "|\n  lit\n"]
)  # fmt: skip
KEYS = st.sampled_from(["a", "b", "c", "1", "true", "<<", "? [k]", "!!str d", "'e'"])


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    """Small YAML texts in flow style, often valid, sometimes not."""
    if depth >= 3 or draw(st.booleans()):
        return draw(SCALARS)
    if draw(st.booleans()):
        items = draw(st.lists(documents(depth + 1), max_size=4))
        return "[" + ", ".join(items) + "]"
    pairs = draw(st.lists(st.tuples(KEYS, documents(depth + 1)), max_size=4))
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(documents())
def test_generated_documents_read_the_same(text: str) -> None:
    compare(text + "\n")
    compare("top: " + text + "\nnext: [1, 2]\n")


def test_a_file_that_grew_since_it_was_looked_at_is_read_to_the_same_limit(
    tmp_path: Path,
) -> None:
    from armscheck.transfer.decoding import MAX_BYTES, read_at_most

    f = tmp_path / "t.yaml"
    f.write_bytes(b"a: 1\n")
    assert read_at_most(f, 5) == b"a: 1\n"
    f.write_bytes(b"a: 1\nb: 2\n")
    assert read_at_most(f, 5) == b"a: 1\nb: 2\n"
    f.write_bytes(b"x" * (MAX_BYTES + 10))
    assert len(read_at_most(f, 5)) == MAX_BYTES + 1
    assert len(read_at_most(f, MAX_BYTES + 10)) == MAX_BYTES + 1


def test_a_file_read_at_its_size_is_read_once_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from armscheck.transfer import decoding

    reads: list[int] = []
    real = os.read

    def counted(fd: int, n: int) -> bytes:
        reads.append(n)
        return real(fd, n)

    monkeypatch.setattr(decoding.os, "read", counted)
    f = tmp_path / "t.yaml"
    for body, size, calls in [
        (b"a: 1\n", 5, 1),  # read at its size: the end is met at once
        (b"a: 1\n", 9, 2),  # shrunk since: read on to find the end
        (b"", 0, 1),
        (b"x" * decoding.MAX_BYTES, decoding.MAX_BYTES, 2),  # at the limit: read on
    ]:
        f.write_bytes(body)
        reads.clear()
        assert decoding.read_at_most(f, size) == body
        assert len(reads) == calls, (size, reads)


@contextmanager
def another_thread_running() -> Iterator[None]:
    """A second thread, waiting, for as long as the block runs."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        yield
    finally:
        stop.set()
        other.join()


def test_the_composer_s_node_classes_are_lent_only_while_it_composes() -> None:
    import yaml
    import yaml._yaml as cyaml

    theirs = (cyaml.ScalarNode, cyaml.SequenceNode, cyaml.MappingNode)
    text = "a: [1, 'x', {b: no}]\nc: 2021-01-01\n"
    data, tree = nodes.compose(text)
    assert (cyaml.ScalarNode, cyaml.SequenceNode, cyaml.MappingNode) == theirs
    with pytest.raises(nodes.Unsure):
        nodes.compose("a: [1, 2\nb: }")  # libyaml refuses it: PyYAML's classes are back
    assert (cyaml.ScalarNode, cyaml.SequenceNode, cyaml.MappingNode) == theirs
    assert type(yaml.compose("a: 1", Loader=yaml.CSafeLoader)) is yaml.MappingNode
    # with another thread running, the event-stream reader reads it, to the same data and marks
    with another_thread_running():
        with pytest.raises(nodes.Unsure):
            nodes.compose(text)
        busy = parse(text, "t.yaml")
    assert busy.tree is None and same(busy.data, data)
    assert (busy.marks, busy.key_marks) == tree.marks()


def test_a_composer_that_does_not_make_the_lent_classes_leaves_the_file_to_the_other_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import yaml

    text = "a: [1, 'x', {b: no}]\nc: 2021-01-01\n"
    quick = parse(text, "t.yaml")
    monkeypatch.setattr(nodes, "lent", lambda t: yaml.compose(t, Loader=yaml.CSafeLoader))
    with pytest.raises(nodes.Unsure):
        nodes.compose(text)
    other = parse(text, "t.yaml")
    assert other.tree is None and same(other.data, quick.data)
    assert (other.marks, other.key_marks) == (quick.marks, quick.key_marks)


def test_a_long_plain_word_is_text_as_the_resolver_reads_it() -> None:
    from armscheck.transfer import scalars

    assert set(scalars._WORDY) == set("yYnNtTfFoO")
    words = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False"]
    words += ["FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", ""]
    for word in [*words, *(w + "\n" for w in words), "Tehran", "North Korea", "off-shore"]:
        assert scalars.plain(word) == scalars._plain(word), word

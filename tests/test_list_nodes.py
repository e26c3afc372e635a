"""List files composed with cheap node classes read exactly as the quick reader reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings

from armscheck.errors import RuleError
from armscheck.rulebook import listnodes
from armscheck.rulebook.aliases import parse_list
from armscheck.transfer import composer, nodes
from armscheck.transfer.yamldoc import parse
from test_yaml_readers import TRICKY, another_thread_running, documents, same

ROOT = Path(__file__).resolve().parents[1]
LISTS = sorted((ROOT / "rules" / "lists").glob("*.yaml"))
FILES = sorted(p for folder in ("scenarios", "rules") for p in (ROOT / folder).rglob("*.yaml"))


def _theirs_in_place() -> bool:
    module = yaml._yaml  # type: ignore[attr-defined]
    return (
        module.ScalarNode is yaml.nodes.ScalarNode
        and module.SequenceNode is yaml.nodes.SequenceNode
        and module.MappingNode is yaml.nodes.MappingNode
    )


def _plain_read(text: str) -> Any:
    """(data) read from the cheap nodes, or "unsure"."""
    try:
        return listnodes.read_plain(listnodes.composed(text))
    except listnodes.Unsure:
        return "unsure"


def _quick_read(text: str) -> Any:
    """(data) read by the quick reader, or "unsure"."""
    try:
        return nodes.compose(text)[0] if nodes.USABLE else "unsure"
    except nodes.Unsure:
        return "unsure"


def _agree(text: str) -> None:
    mine = _plain_read(text)
    assert _theirs_in_place()
    if mine == "unsure" or ("&" in text and "*" in text):
        return  # read by the other readers, as before
    assert same(mine, _quick_read(text)), text


@pytest.mark.skipif(not nodes.USABLE, reason="libyaml's composer is not used")
def test_every_list_file_is_read_through_the_cheap_nodes() -> None:
    for path in LISTS:
        text = path.read_text(encoding="utf-8")
        doc = parse_list(text, str(path))
        # a text longer than the nesting probe is composed only where libyaml limits nesting
        # itself (not in the libyaml of older PyYAML wheels): else the reader of record reads it
        assert (type(doc).__name__ == "_LateMarks") is nodes.usable(text), path
        assert _theirs_in_place()
        reference = parse(text, str(path), RuleError)
        assert same(doc.data, reference.data), path
        assert doc.marks == reference.marks and doc.key_marks == reference.key_marks, path


@pytest.mark.skipif(not nodes.USABLE, reason="libyaml's composer is not used")
def test_rule_files_and_the_list_schema_read_as_the_reader_of_record_reads_them() -> None:
    rules = sorted(p for p in (ROOT / "rules").rglob("*.yaml") if p.parent.name != "lists")
    assert len(rules) > 50
    for path in rules:
        text = path.read_text(encoding="utf-8")
        doc = parse_list(text, str(path))
        reference = parse(text, str(path), RuleError)
        assert same(doc.data, reference.data), path
        paths = [(), *list(reference.marks)[:40], ("nowhere",), ("when", "nowhere", 3)]
        for p in paths:
            assert doc.where(p) == reference.where(p), (path, p)
            assert doc.where_key(p) == reference.where_key(p), (path, p)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_reads_as_the_quick_reader_reads_it(path: Path) -> None:
    _agree(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_documents_read_as_the_quick_reader_reads_them(text: str) -> None:
    _agree(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(documents())
def test_generated_documents_read_as_the_quick_reader_reads_them(text: str) -> None:
    _agree(text + "\n")
    _agree("top: " + text + "\nnext: [1, 2]\n")


def test_the_composer_keeps_its_own_classes_after_a_refusal() -> None:
    for text in ("a: [\n", "a: b\n---\nc: d\n", "a: *x\n", "a: &x 1\nb: &x 2\n"):
        with pytest.raises(listnodes.Unsure):
            listnodes.composed(text)
        assert _theirs_in_place()
    node = yaml.compose("a: [1]\n", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert type(node) is yaml.MappingNode and node.value[0][1].tag.endswith(":seq")


def test_a_composer_that_ignores_the_lent_classes_leaves_the_list_to_the_reader_of_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # as a PyYAML whose C module no longer looks its node classes up in its module would do
    path = ROOT / "rules" / "lists" / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    alone = parse_list(text, str(path))
    monkeypatch.setattr(composer, "_OURS", {n: getattr(yaml, n) for n in composer._CLASSES})
    with pytest.raises(listnodes.Unsure):
        listnodes.composed(text)
    assert _theirs_in_place()
    assert same(parse_list(text, str(path)).data, alone.data)


def test_with_another_thread_running_the_lists_read_the_same_without_cheap_nodes() -> None:
    path = ROOT / "rules" / "lists" / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    alone = parse_list(text, str(path))
    with another_thread_running():
        with pytest.raises(listnodes.Unsure):
            listnodes.composed(text)
        shared = parse_list(text, str(path))
    assert same(shared.data, alone.data)
    assert shared.where(("countries", 3, "name")) == alone.where(("countries", 3, "name"))


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_list_read_from_its_bytes_reads_as_from_its_text(bom: bytes) -> None:
    for path in LISTS[:3] + [ROOT / "rules" / "lists" / "schema" / "lists.yaml"]:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        mine, theirs = parse_list(bom + raw, str(path)), parse_list(text, str(path))
        assert type(mine) is type(theirs) and same(mine.data, theirs.data), path
        assert mine.marks == theirs.marks and mine.key_marks == theirs.key_marks, path


def test_the_yaml_files_of_a_folder_are_those_glob_finds_in_its_order(tmp_path: Path) -> None:
    from armscheck.transfer.decoding import yaml_files

    for name in ("b.yaml", "a.yaml", "B.yaml", ".yaml", ".h.yaml", "c.yml", "a-b.yaml", "ä.yaml"):
        (tmp_path / name).write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "d.yaml").mkdir()
    for folder in (tmp_path, ROOT / "rules" / "lists", ROOT / "rules" / "caatsa"):
        assert yaml_files(folder) == sorted(folder.glob("*.yaml"))

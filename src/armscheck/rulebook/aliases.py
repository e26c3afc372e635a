"""Reading a list file whose entries share values through YAML anchors and aliases.

The quick reader (:mod:`..transfer.nodes`) leaves every document holding both ``&`` and
``*`` to the event-stream reader, which expands each alias while it counts what the
document expands to. Here libyaml's composer builds the node tree (where an alias is the
anchored node itself) and one walk reads each node once: an alias gives the anchored
value itself, as the event-stream reader does, and adds what it expands to without
expanding it, so the limits of :mod:`..transfer.stream` (values, depth) hold unchanged
and a "billion laughs" costs no more than its own text. Whatever the walk is not sure
of (tags, keys that are aliases or anchored, an alias inside its own anchor, duplicate
keys, a document near a limit) is read by :func:`..transfer.yamldoc.parse`, which
gives the data or the located error.

Line marks are needed only for an error; they are read from the event stream when one
is first asked for, so every location is the one the event-stream reader gives.
"""

from __future__ import annotations

from typing import Any

from ..errors import RuleError
from ..pyyaml import yaml
from ..transfer import nodes
from ..transfer.decoding import decode
from ..transfer.scalars import REFUSED, TRIGGERS, plain
from ..transfer.stream import read_events
from ..transfer.yamldoc import MAX_DEPTH, MAX_NODES, Doc, Marks, parse


def parse_list(raw: str | bytes, file: str) -> Doc:
    """A list file's :class:`Doc`, its shared values read once; errors are RuleErrors."""
    text = decode(raw, file, RuleError)
    if "&" in text and "*" in text and "!" not in text and nodes.usable(text):
        try:
            data = _Walk().read(text)
        except _Unsure:
            pass
        else:
            return _LateMarks(data, file, text)
    return parse(text, file, RuleError)


class _LateMarks(Doc):
    """A :class:`Doc` whose line marks are read from the event stream when first needed.

    They are needed by :meth:`where` and :meth:`where_key`, and when ``marks`` or
    ``key_marks`` is read.
    """

    def __init__(self, data: Any, file: str, text: str) -> None:
        super().__init__(data, file)
        self._text = text

    def drawn_marks(self) -> tuple[Marks, Marks]:
        """(marks, key marks) as the event-stream reader records them; the text is let go."""
        text, self._text = self._text, ""
        _, marks, key_marks = read_events(text, self.file, RuleError)
        return marks, key_marks


class _Unsure(Exception):
    """The walk does not read this document; :func:`..transfer.yamldoc.parse` must."""


class _Walk:
    """One walk over a node tree, each node read once, counting as the event stream does.

    A value's weight is what the event-stream reader adds for an alias to it: one for a
    plain value, and for a mapping or a list one plus its keys and its values' weights.
    ``total`` is what the event-stream reader counts against :data:`MAX_NODES`: every plain
    value and key where it is written, and an alias's weight where the alias is.

    A plain value weighs one and reads the same wherever it is met, so only the mappings
    and lists are kept by node (an alias to one adds its weight without reading it again);
    plain values are read in line, their nodes noted only to tell an alias used as a key.
    """

    def __init__(self) -> None:
        self.total = 0
        self.done: dict[int, tuple[Any, int]] = {}  # mapping or list node id -> (value, weight)
        self.plain: set[int] = set()  # the ids of the plain value nodes read
        self.keys: set[int] = set()  # the ids of the nodes read as keys
        self.open: set[int] = set()  # the mappings and lists being read

    def read(self, text: str) -> Any:
        """The data of the one document in ``text``."""
        try:
            root = nodes._Composer(text).get_single_node()
        except Exception:  # noqa: BLE001 - any refusal is the other reader's to report
            raise _Unsure from None
        if root is None:
            raise _Unsure
        if type(root) is yaml.ScalarNode:
            self.total = 1
            return _scalar(root)
        value = self.value(root, 0)[0]
        if self.total > MAX_NODES:
            raise _Unsure
        return value

    def value(self, node: Any, depth: int) -> tuple[Any, int]:
        """(value, weight) of the mapping or list ``node``, written at ``depth`` deep."""
        n = id(node)
        if n in self.open:
            raise _Unsure  # an alias inside its own anchor
        got = self.done.get(n)
        if got is not None:
            self.total += got[1]  # an alias: what the anchored value expands to
        elif node.tag is not None or depth >= MAX_DEPTH:
            raise _Unsure
        else:
            self.open.add(n)
            got = (
                self._mapping(node, depth)
                if type(node) is yaml.MappingNode
                else self._list(node, depth)
            )
            self.open.discard(n)
            self.done[n] = got
        if self.total > MAX_NODES:
            raise _Unsure
        return got

    def _list(self, node: Any, depth: int) -> tuple[list[Any], int]:
        items = []
        weight = 1
        plains = 0
        keys, seen = self.keys, self.plain
        for item in node.value:
            if type(item) is yaml.ScalarNode:  # read in line: see _mapping
                n = id(item)
                if n in keys or item.tag is not None:
                    raise _Unsure
                seen.add(n)
                text = item.value
                items.append(
                    text if item.style or (text and text[0] not in TRIGGERS) else _plain(text)
                )
                plains += 1
            else:
                value, w = self.value(item, depth + 1)
                items.append(value)
                weight += w
        self.total += plains
        return items, weight + plains

    def _mapping(self, node: Any, depth: int) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        weight = 1
        plains = 0
        keys, seen = self.keys, self.plain
        for key, item in node.value:
            k = id(key)
            if type(key) is not yaml.ScalarNode or key.tag is not None:
                raise _Unsure
            if k in seen or k in keys:
                raise _Unsure  # an alias as a key
            keys.add(k)
            if type(item) is yaml.ScalarNode:  # a plain value weighs one wherever it is met
                n = id(item)
                if n in keys or item.tag is not None:
                    raise _Unsure  # an alias to a key (read as its text), or a tag
                seen.add(n)
                text = item.value
                out[key.value] = (
                    text if item.style or (text and text[0] not in TRIGGERS) else _plain(text)
                )
                plains += 2
            else:
                value, w = self.value(item, depth + 1)
                out[key.value] = value
                plains += 1
                weight += w
        if len(out) < len(node.value):
            raise _Unsure  # a key written twice
        self.total += plains
        return out, weight + plains


def _scalar(node: Any) -> Any:
    if node.tag is not None:
        raise _Unsure
    text = node.value
    if node.style or (text and text[0] not in TRIGGERS):
        return text
    return _plain(text)


def _plain(text: str) -> Any:
    value = plain(text)
    if value is REFUSED:
        raise _Unsure
    return value

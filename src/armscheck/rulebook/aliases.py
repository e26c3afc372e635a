"""Reading a list file, whose entries may share values through YAML anchors and aliases.

Every list file is composed by libyaml with cheap node classes (see :mod:`.listnodes`) and
read in one walk. A document without aliases is read as :func:`..transfer.nodes.compose`
reads it. The quick reader leaves every document holding both ``&`` and ``*`` to the
event-stream reader, which expands each alias while it counts what the document expands
to; here the composer's node tree (where an alias is the anchored node itself) is read
with each node once: an alias gives the anchored value itself, as the event-stream reader
does, and adds what it expands to without expanding it, so the limits of
:mod:`..transfer.stream` (values, depth) hold unchanged and a "billion laughs" costs no
more than its own text. Whatever a walk is not sure of (tags, keys that are aliases or
anchored, an alias inside its own anchor, duplicate keys, a document near a limit) is read
by :func:`..transfer.yamldoc.parse`, which gives the data or the located error.

Line marks are needed only for an error; they are read from the event stream when one
is first asked for, so every location is the one the event-stream reader gives.
"""

from __future__ import annotations

from codecs import BOM_UTF8
from itertools import chain
from operator import itemgetter
from typing import Any

from ..errors import RuleError
from ..transfer.composer import Mapping, Scalar
from ..transfer.decoding import decode
from ..transfer.nodes import KNOWN, Unsure, plain_value, scalar_value
from ..transfer.scalars import TRIGGERS
from ..transfer.yamldoc import MAX_DEPTH, MAX_NODES, Doc, Marks, parse
from .listnodes import composed, read_plain

_KEY = itemgetter(0)
_VALUE = itemgetter(1)


def parse_list(raw: str | bytes, file: str) -> Doc:
    """A list file's :class:`Doc`, its shared values read once; errors are RuleErrors."""
    text = decode(raw, file, RuleError)
    shared = "&" in text and "*" in text
    if not shared or "!" not in text:
        # the file's bytes are the text's UTF-8 (once decoded, and without a byte-order mark)
        utf8 = raw if type(raw) is bytes and not raw.startswith(BOM_UTF8) else None
        try:
            root = composed(text, utf8)
            data = _Walk().read(root) if shared else read_plain(root, "!" in text)
        except Unsure:
            pass
        else:
            return _LateMarks(data, file, text, root)
    return parse(text, file, RuleError)


class _LateMarks(Doc):
    """A :class:`Doc` whose line marks are read from the event stream when first needed.

    They are needed by :meth:`where` and :meth:`where_key`, and when ``marks`` or
    ``key_marks`` is read.
    """

    def __init__(self, data: Any, file: str, text: str, nodes: Any = None) -> None:
        super().__init__(data, file)
        self._text = text
        # the composed nodes, kept as a document's node tree is and freed with the document:
        # freeing them one by one as soon as they are read costs a tenth of making them
        self._nodes = nodes

    def drawn_marks(self) -> tuple[Marks, Marks]:
        """(marks, key marks) as the event-stream reader records them; the text is let go."""
        from ..transfer.stream import read_events  # (only a list with an error needs it)

        text, self._text = self._text, ""
        _, marks, key_marks = read_events(text, self.file, RuleError)
        return marks, key_marks


class _Walk:
    """One walk over a node tree, each node read once, counting as the event stream does.

    A value's weight is what the event-stream reader adds for an alias to it: one for a
    plain value, and for a mapping or a list one plus its keys and its values' weights.
    ``total`` is what the event-stream reader counts against :data:`MAX_NODES`: every plain
    value and key where it is written, and an alias's weight where the alias is.

    A plain value weighs one and reads the same wherever it is met, so only the mappings
    and lists are kept by node (an alias to one adds its weight without reading it again);
    plain values are read in line. A key read from an alias (a key node met twice, or met
    as a value too) is looked for once the whole tree is read, among the keys and the
    items of every mapping and list read; a key that is a mapping or a list (whose value,
    a Python list, cannot be a key) is refused where it is stored. The text holds no ``!``
    (see :func:`parse_list`): no node carries a tag.
    """

    def __init__(self) -> None:
        self.total = 0
        self.done: dict[Any, tuple[Any, int]] = {}  # mapping or list node -> (value, weight)
        self.open: set[Any] = set()  # the mappings and lists being read
        self.pairs: list[list[tuple[Any, Any]]] = []  # the (key, value) nodes of each mapping
        self.items: list[list[Any]] = []  # the item nodes of each list

    def read(self, root: Any) -> Any:
        """The data of the document whose root node is ``root``."""
        if type(root) is Scalar:
            self.total = 1
            return scalar_value(root)
        value = self.value(root, 0)[0]
        if self.total > MAX_NODES:
            raise Unsure
        pairs = [*chain.from_iterable(self.pairs)]
        keys = set(map(_KEY, pairs))
        if (
            len(keys) < len(pairs)
            or not keys.isdisjoint(map(_VALUE, pairs))
            or not keys.isdisjoint(chain.from_iterable(self.items))
        ):
            raise Unsure  # an alias as a key, or to a key
        return value

    def value(self, node: Any, depth: int) -> tuple[Any, int]:
        """(value, weight) of the mapping or list ``node``, written at ``depth`` deep."""
        if node in self.open:
            raise Unsure  # an alias inside its own anchor
        got = self.done.get(node)
        if got is not None:
            self.total += got[1]  # an alias: what the anchored value expands to
        elif depth >= MAX_DEPTH:
            raise Unsure
        else:
            self.open.add(node)
            got = self._mapping(node, depth) if type(node) is Mapping else self._list(node, depth)
            self.open.discard(node)
            self.done[node] = got
        if self.total > MAX_NODES:
            raise Unsure
        return got

    def _list(self, node: Any, depth: int) -> tuple[list[Any], int]:
        items = []
        nodes = node.args[1]
        self.items.append(nodes)
        plains = len(nodes)  # less one for each mapping or list
        weight = 1 + plains  # and its weight for each
        known = KNOWN
        for item in nodes:
            if type(item) is Scalar:
                _, text, _, _, style = item.args
                items.append(
                    text
                    if style or (text and text[0] not in TRIGGERS)
                    else known.get(text) or plain_value(text)
                )
            else:
                value, w = self.value(item, depth + 1)
                items.append(value)
                weight += w - 1
                plains -= 1
        self.total += plains
        return items, weight

    def _mapping(self, node: Any, depth: int) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        pairs = node.args[1]
        self.pairs.append(pairs)
        plains = 2 * len(pairs)  # keys and values, less one for each mapping or list
        weight = 1 + plains  # and its weight for each
        known = KNOWN
        try:
            for key, item in pairs:
                if type(item) is Scalar:  # a plain value weighs one wherever it is met
                    _, text, _, _, style = item.args
                    out[key.args[1]] = (
                        text
                        if style or (text and text[0] not in TRIGGERS)
                        else known.get(text) or plain_value(text)
                    )
                else:
                    value, w = self.value(item, depth + 1)
                    out[key.args[1]] = value
                    weight += w - 1
                    plains -= 1
        except TypeError:  # a key that is a mapping or a list
            raise Unsure from None
        if len(out) < len(pairs):
            raise Unsure  # a key written twice
        self.total += plains
        return out, weight

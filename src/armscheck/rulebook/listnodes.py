"""A list file's node tree, made by libyaml's composer with cheap node classes.

A list file is composed as a transfer is, with the node classes :mod:`..transfer.composer`
lends PyYAML's C module: a node's ``args`` are (tag, value, start mark, end mark, style),
an untagged node's tag is ``""``. A list file's nodes are only read into data (its line
marks come from the event stream, when an error needs them: see :mod:`.aliases`).

:func:`read_plain` reads a document without aliases exactly as :func:`..transfer.nodes.compose`
reads it (same data, same refusals, same limits); whatever it is not sure of raises
:class:`Unsure`, and the caller reads the text with the reader of record.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any

from ..transfer import nodes
from ..transfer.composer import MADE, Scalar, Sequence, lent
from ..transfer.nodes import Unsure, plain_value, scalar_value
from ..transfer.scalars import TRIGGERS
from ..transfer.yamldoc import MAX_DEPTH, MAX_NODES


def composed(text: str, utf8: bytes | None = None) -> Any:
    """The root node of the one document in ``text``, made of the lent node classes.

    ``utf8``, when given, is ``text`` encoded as UTF-8 (without a byte-order mark): libyaml
    reads it as it is, where ``text`` would be encoded again. :class:`Unsure` with other
    threads running, or for anything libyaml refuses.
    """
    if not nodes.usable(text):
        raise Unsure
    try:
        root = lent(text if utf8 is None else utf8)
    except Exception:  # noqa: BLE001 - Busy, or a refusal that is the other reader's to report
        raise Unsure from None
    if type(root) not in MADE or len(root.args) != 5:
        raise Unsure  # (no document, or a PyYAML whose composer does not use the lent classes)
    return root


def read_plain(root: Any, tagged: bool = True) -> Any:
    """The data of ``root``, a document without aliases, as :func:`.nodes.compose` reads it.

    ``tagged=False`` says the text holds no ``!``, so no node can carry a tag: none is
    looked for.
    """
    if type(root) is Scalar:
        return scalar_value(root)
    counted = [0]
    data = _box(root, 0, counted, tagged)
    if counted[0] > MAX_NODES:
        raise Unsure
    return data


_ARGS = attrgetter("args")
_TAG = itemgetter(0)


def _box(node: Any, depth: int, counted: list[int], tagged: bool) -> Any:
    """The mapping or list ``node``, ``depth`` deep, read as :class:`.nodes.Tree` reads it.

    A key that is a mapping or a list (whose value, a Python list, cannot be a key) is
    refused where it is stored. Where the text may hold tags, the tags of a mapping's keys
    and values, or of a list's items, are looked at together once they are read (a plain
    value read meanwhile is only read, and kept in :data:`.nodes.KNOWN` as its text reads).
    """
    tag, pairs, _, _, _ = node.args
    if tag or depth >= MAX_DEPTH:
        raise Unsure
    known = nodes.KNOWN
    if type(node) is Sequence:
        counted[0] += len(pairs)
        items: list[Any] = []
        for item in pairs:
            if type(item) is not Scalar:
                items.append(_box(item, depth + 1, counted, tagged))
                continue
            _, text, _, _, style = item.args
            items.append(
                text
                if style or (text and text[0] not in TRIGGERS)
                else known.get(text) or plain_value(text)
            )
        if tagged and any(map(_TAG, map(_ARGS, pairs))):
            raise Unsure
        return items
    counted[0] += 2 * len(pairs)  # keys and values
    out: dict[str, Any] = {}
    try:
        for key, item in pairs:
            if type(item) is not Scalar:
                out[key.args[1]] = _box(item, depth + 1, counted, tagged)
                continue
            _, text, _, _, style = item.args
            out[key.args[1]] = (
                text
                if style or (text and text[0] not in TRIGGERS)
                else known.get(text) or plain_value(text)
            )
    except TypeError:  # a key that is a mapping or a list
        raise Unsure from None
    if len(out) < len(pairs):
        raise Unsure  # a key written twice
    if tagged and any(map(_TAG, map(_ARGS, chain.from_iterable(pairs)))):
        raise Unsure
    return out

"""A list file's node tree, made by libyaml's composer with cheap node classes.

libyaml's composer (PyYAML's C extension) makes each node by calling the node classes it
finds in its own module, with (tag, value, start mark, end mark, style), and PyYAML's
classes set each of these in a Python ``__init__``. A list file's nodes are only read into
data (its line marks come from the event stream, when an error needs them: see
:mod:`.aliases`), so while one is composed the module is lent cheaper classes: an exception
class keeps the arguments it is given, with no Python step. A node's ``args`` are (tag,
value, start mark, end mark, style); a mapping's or a list's end mark is set once its
content is read. The composer resolves no tag: an untagged node's tag is a slice (made by
a C call, where a Python method would run for every node), a tagged one's the tag's text.

:func:`read_plain` reads a document without aliases exactly as :func:`..transfer.nodes.compose`
reads it (same data, same refusals, same limits); whatever it is not sure of raises
:class:`Unsure`, and the caller reads the text with the reader of record.
"""

from __future__ import annotations

import sys
from typing import Any

from ..garbage import no_collection
from ..transfer import nodes
from ..transfer.scalars import TRIGGERS
from ..transfer.yamldoc import MAX_DEPTH, MAX_NODES


class Unsure(Exception):
    """Not read here; :func:`..transfer.yamldoc.parse` must read the document."""


class Scalar(BaseException):
    """A plain value's node: ``args`` are (tag, text, start mark, end mark, style)."""

    __slots__ = ()


class Sequence(BaseException):
    """A list's node: ``args`` are (tag, items, start mark, None, flow style)."""

    __slots__ = ("end_mark",)


class Mapping(BaseException):
    """A mapping's node: ``args`` are (tag, (key, value) pairs, start mark, None, flow style)."""

    __slots__ = ("end_mark",)


class _Composer(nodes._CParser):  # type: ignore[misc]
    """libyaml's composer, as :class:`..transfer.nodes._Composer`, with no instance dictionary.

    The composer looks up these three on itself around every node: with no instance
    dictionary, each is found on the class alone.
    """

    __slots__ = ()
    resolve = slice  # called as (kind, value, implicit) for an untagged node
    descend_resolver = nodes._NOTHING.get  # (parent, index), ignored
    ascend_resolver = nodes._NOTHING.clear  # (), ignored


_CLASSES = ("ScalarNode", "SequenceNode", "MappingNode")
_OURS = dict(zip(_CLASSES, (Scalar, Sequence, Mapping), strict=True))
_MADE = frozenset(_OURS.values())


def composed(text: str) -> Any:
    """The root node of the one document in ``text``, made of the classes above.

    The classes are lent only while nothing else can use the composer: with no other
    thread running and no garbage collection, composing runs no Python code, so no other
    thread gets in before PyYAML's own classes are put back. With other threads running,
    or for anything libyaml refuses, :class:`Unsure`.
    """
    module = sys.modules.get("yaml._yaml")
    threading = sys.modules.get("threading")
    if module is None or not nodes.usable(text):
        raise Unsure
    if threading is not None and threading.active_count() > 1:
        raise Unsure
    theirs = {name: vars(module)[name] for name in _CLASSES}
    try:
        with no_collection():
            vars(module).update(_OURS)
            try:
                root = _Composer(text).get_single_node()
            finally:
                vars(module).update(theirs)
    except Exception:  # noqa: BLE001 - any refusal is the other reader's to report
        raise Unsure from None
    if type(root) not in _MADE or len(root.args) != 5:
        raise Unsure  # (no document, or a PyYAML whose composer does not use the lent classes)
    return root


def read_plain(root: Any) -> Any:
    """The data of ``root``, a document without aliases, as :func:`.nodes.compose` reads it."""
    if type(root) is Scalar:
        return scalar(root)
    counted = [0]
    data = _box(root, 0, counted)
    if counted[0] > MAX_NODES:
        raise Unsure
    return data


def _box(node: Any, depth: int, counted: list[int]) -> Any:
    """The mapping or list ``node``, ``depth`` deep, read as :class:`.nodes.Tree` reads it."""
    tag, pairs, _, _, _ = node.args
    if type(tag) is not slice or depth >= MAX_DEPTH:
        raise Unsure
    known = nodes._KNOWN
    if type(node) is Sequence:
        counted[0] += len(pairs)
        items: list[Any] = []
        for item in pairs:
            if type(item) is not Scalar:
                items.append(_box(item, depth + 1, counted))
                continue
            tag, text, _, _, style = item.args
            if type(tag) is not slice:
                raise Unsure
            items.append(
                text
                if style or (text and text[0] not in TRIGGERS)
                else known.get(text) or _known(text)
            )
        return items
    counted[0] += 2 * len(pairs)  # keys and values
    out: dict[str, Any] = {}
    for key, item in pairs:
        if type(key) is not Scalar:
            raise Unsure
        tag, name, _, _, _ = key.args
        if type(tag) is not slice:
            raise Unsure
        if type(item) is not Scalar:
            out[name] = _box(item, depth + 1, counted)
            continue
        tag, text, _, _, style = item.args
        if type(tag) is not slice:
            raise Unsure
        out[name] = (
            text if style or (text and text[0] not in TRIGGERS) else known.get(text) or _known(text)
        )
    if len(out) < len(pairs):
        raise Unsure  # a key written twice
    return out


def _known(text: str) -> Any:
    """A plain value that may be more than text, as :func:`.nodes._plain` reads (and keeps) it."""
    try:
        return nodes._plain(text)
    except nodes.Unsure:
        raise Unsure from None


def scalar(node: Any) -> Any:
    """The value of a scalar node, as :func:`.nodes._scalar` reads it."""
    tag, text, _, _, style = node.args
    if type(tag) is not slice:
        raise Unsure
    if style or (text and text[0] not in TRIGGERS):
        return text
    return _known(text)

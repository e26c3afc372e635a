"""libyaml's composer as the quick reader uses it, and the node classes it lends PyYAML.

libyaml's composer (PyYAML's C extension) makes each node by calling the node classes it
finds in its own module, with (tag, value, start mark, end mark, style), and PyYAML's
classes set each of these in a Python ``__init__``, which costs more than the rest of the
node. While :func:`lent` composes a document, the module is lent cheaper classes: an
exception class keeps the arguments it is given, with no Python step. A node's ``args``
are (tag, value, start mark, end mark, style); a mapping's or a list's end mark is set
once its content is read. An untagged node's tag is the empty text (given by a C call,
where a Python method would run for every node), a tagged one's the tag's text.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

_NOTHING: dict[Any, Any] = {}  # stays empty
_CParser: Any = object  # PyYAML built without libyaml: the event-stream reader does everything
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover
    pass


class _Composer(_CParser):  # type: ignore[misc]
    """libyaml's composer with every implicit tag left as ``None`` (resolved in the walk)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
        return None

    # The composer calls these two around every node and ignores what they return; C
    # functions that do nothing with their arguments cost less than Python methods.
    descend_resolver = _NOTHING.get  # (parent, index)
    ascend_resolver = _NOTHING.clear  # ()


class Scalar(BaseException):
    """A plain value's node: ``args`` are (tag, text, start mark, end mark, style)."""

    __slots__ = ()


class Sequence(BaseException):
    """A list's node: ``args`` are (tag, items, start mark, None, flow style)."""

    __slots__ = ("end_mark",)


class Mapping(BaseException):
    """A mapping's node: ``args`` are (tag, (key, value) pairs, start mark, None, flow style)."""

    __slots__ = ("end_mark",)


class _Lent(_Composer):
    """The composer of :func:`lent`: an untagged node's tag is ``""``, given by a C call.

    The composer looks up its resolvers on itself around every node: with no instance
    dictionary, each is found on the class alone.
    """

    __slots__ = ()
    resolve = "".format  # type: ignore[assignment]  # called as (kind, value, implicit)


_CLASSES = ("ScalarNode", "SequenceNode", "MappingNode")
_OURS = dict(zip(_CLASSES, (Scalar, Sequence, Mapping), strict=True))
MADE = frozenset(_OURS.values())  # a node of any other class was not made by :func:`lent`


def lent(text: str | bytes) -> Any:
    """The root node of the one document in ``text`` (or in its UTF-8 bytes), of the classes above.

    The classes are lent only while nothing else can use the composer: with no other
    thread running and no garbage collection, composing runs no Python code, so no other
    thread gets in before PyYAML's own classes are put back. With other threads running,
    or without PyYAML's C module, :class:`Busy`; whatever libyaml refuses is raised.
    """
    module = sys.modules.get("yaml._yaml")
    threading = sys.modules.get("threading")
    if module is None or (threading is not None and threading.active_count() > 1):
        raise Busy
    space = vars(module)
    theirs = {"ScalarNode": space["ScalarNode"], "SequenceNode": space["SequenceNode"]}
    theirs["MappingNode"] = space["MappingNode"]  # (written out: a comprehension is a call)
    collecting = gc.isenabled()  # (no_collection, written out: it costs two calls a file)
    gc.disable()
    space.update(_OURS)
    try:
        return _Lent(text).get_single_node()
    finally:
        space.update(theirs)
        if collecting:
            gc.enable()


class Busy(Exception):
    """Not composed here: another thread could use PyYAML's composer meanwhile."""

"""Safe YAML loading that remembers where every value came from.

Hostile input is refused before it can cost memory or recursion (see :mod:`.stream`):

* only the core YAML tags are accepted (no Python objects);
* documents larger than :data:`.decoding.MAX_BYTES`, nested deeper than :data:`MAX_DEPTH`
  or expanding (through aliases) to more than :data:`MAX_NODES` values are refused;
* duplicate mapping keys are errors;
* timestamps stay strings, so the caller validates dates itself.

A plain document is read through libyaml's composer (:mod:`.nodes`), and its line marks
are looked up in the node tree only when asked for; anything else is read from the
event stream (:mod:`.stream`), which gives the same data and marks, or the located error.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar, overload

from ..errors import ComplianceError, InputError
from ..records import field, record
from . import nodes
from .decoding import decode
from .nodes import MAX_DEPTH, MAX_NODES

__all__ = ["MAX_DEPTH", "MAX_NODES", "Doc", "parse", "path_text", "steps_text"]

Path = tuple[str | int, ...]
Marks = dict[Path, tuple[int, int]]
E = TypeVar("E", bound=ComplianceError)


class _LazyMarks:
    """A :class:`Doc` field holding marks, drawn when first read if none were given.

    When neither marks nor key marks were given, both are drawn (:meth:`Doc.drawn_marks`)
    when either is first read; one kind given alone leaves the other empty.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    @overload
    def __get__(self, doc: None, owner: type) -> None: ...

    @overload
    def __get__(self, doc: Doc, owner: type) -> Marks: ...

    def __get__(self, doc: Doc | None, owner: type) -> Marks | None:
        if doc is None:
            return None  # the field's default: no marks given
        own = doc.__dict__
        got: Marks | None = own[self.slot]
        if got is None:
            if own["_marks"] is None and own["_key_marks"] is None:
                own["_marks"], own["_key_marks"] = doc.drawn_marks()
            else:
                own[self.slot] = {}
            got = own[self.slot]
        return got

    def __set__(self, doc: Doc, marks: Marks | None) -> None:
        doc.__dict__[self.slot] = marks


@record
class Doc:
    """A loaded YAML document: plain Python data and a mark for every path."""

    data: Any
    file: str
    marks: _LazyMarks = _LazyMarks()
    key_marks: _LazyMarks = _LazyMarks()
    # libyaml's node tree the data was read from, where marks are looked up until
    # ``marks`` is read; None when the marks were given or read from the event stream
    tree: nodes.Tree | None = field(default=None, init=False, repr=False, compare=False)

    def drawn_marks(self) -> tuple[Marks, Marks]:
        """(marks, key marks) for a document given neither: from its node tree, else none."""
        return self.tree.marks() if self.tree is not None else ({}, {})

    def where(self, path: Path) -> tuple[int | None, int | None]:
        """Return (line, column) of ``path``, or of its nearest marked ancestor."""
        if self.tree is not None and self.__dict__["_marks"] is None:
            return self.tree.where(tuple(path))
        marks = self.marks
        p = tuple(path)
        while True:
            if p in marks:
                return marks[p]
            if not p:
                return (None, None)
            p = p[:-1]

    def where_key(self, path: Path) -> tuple[int | None, int | None]:
        """Return (line, column) of the key that ends ``path`` (else as :meth:`where`)."""
        if self.tree is not None and self.__dict__["_marks"] is None:
            pos, key_pos = self.tree.find(tuple(path))
            return key_pos or pos
        return self.key_marks.get(tuple(path)) or self.where(path)

    def value_text(self, path: tuple[str | int, ...]) -> str | None:
        """The plain value at ``path`` as short text; ``None`` for mappings, lists or gaps."""
        node: Any = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        if isinstance(node, (dict, list)) or node is None:
            return None
        text = str(node)
        return text if len(text) <= 80 else text[:77] + "..."

    def error(
        self,
        cls: type[E],
        path: tuple[str | int, ...],
        message: str,
        hint: str,
        *,
        at_key: bool = False,
    ) -> E:
        """An error of type ``cls`` located at ``path`` (its key with ``at_key``)."""
        line, col = self.where_key(path) if at_key else self.where(path)
        where = path_text(path)
        return cls(
            f"{where}: {message}" if where else message,
            file=self.file,
            line=line,
            column=col,
            hint=hint,
        )


def path_text(path: tuple[str | int, ...]) -> str:
    """A key path as the reports show it: ``items[0].components[1].origin``."""
    return steps_text(path) if type(path) is tuple else _written(path)


@functools.lru_cache(maxsize=4096)  # a check asks for the same few paths again and again
def steps_text(path: tuple[str | int, ...]) -> str:
    """:func:`path_text` of a path given as a tuple (called at once where it surely is one)."""
    return _written(path)


def _written(path: tuple[str | int, ...]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def parse(text: str | bytes, file: str, error: type[ComplianceError] = InputError) -> Doc:
    """Parse one YAML document into a :class:`Doc`, refusing unsafe input."""
    text = decode(text, file, error)
    try:
        data, tree = nodes.compose(text)
    except nodes.Unsure:
        from .stream import read_events  # the reader of what the quick one is unsure of

        data, marks, key_marks = read_events(text, file, error)
        return Doc(data, file, marks, key_marks)
    doc = Doc(data, file)
    doc.tree = tree
    return doc

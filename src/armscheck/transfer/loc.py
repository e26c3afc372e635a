"""Where a value sits in a YAML file: the one type every layer above points with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from ..records import record

Steps = tuple[str | int, ...]


class Located(Protocol):
    """A parsed document that can say where a path is and what is written there."""

    def where(self, path: Steps) -> tuple[int | None, int | None]:
        """(line, column) of ``path``, or of its nearest marked ancestor."""
        ...

    def value_text(self, path: Steps) -> str | None:
        """The plain value at ``path`` as short text; ``None`` for mappings, lists or gaps."""
        ...


@record(frozen=True, init=False, eq=False)
class Loc:
    """Where a value sits in the YAML file.

    A Loc made by :meth:`at` looks up its line and value in the document when one of
    them is first read: most places a check notes are never reported. Two Locs are
    equal when their path, line and value are.
    """

    path: str
    line: int | None
    value: str | None  # the value written there, when it is a plain value

    def __init__(self, path: str, line: int | None, value: str | None = None) -> None:
        own = self.__dict__
        own["path"], own["line"], own["value"] = path, line, value

    @classmethod
    def at(cls, doc: Located, steps: Steps, path: str) -> Loc:
        """The place of ``steps`` (written as ``path``) in ``doc``, looked up when read."""
        loc = object.__new__(cls)
        own = loc.__dict__
        own["path"], own["_at"] = path, (doc, steps)
        return loc

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Loc):
            return NotImplemented
        if self.path != other.path:
            return False
        mine, theirs = self.__dict__.get("_at"), other.__dict__.get("_at")
        if mine and theirs and mine[0] is theirs[0] and mine[1] == theirs[1]:
            return True  # one path of one document: the same place, not looked up
        return self.line == other.line and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.path)  # equal Locs have equal paths; the line is not looked up

    def __reduce__(self) -> tuple[type[Loc], tuple[str, int | None, str | None]]:
        return Loc, (self.path, self.line, self.value)


class _Drawn:
    """``line`` or ``value`` of a :class:`Loc`: the instance's own, else drawn on first reading.

    A Loc made by :meth:`Loc.at` holds neither until one is read; both are then looked up
    and kept in the instance, where later readings find them first (a descriptor without
    ``__set__`` gives way to the instance's own value), without raising and catching the
    ``AttributeError`` a ``__getattr__`` costs on every first reading.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, loc: Loc | None, owner: type) -> Any:
        if loc is None:
            return self
        own = loc.__dict__
        at = own.get("_at")
        if at is None:
            raise AttributeError(self.name)
        doc, steps = at
        own["line"], own["value"] = doc.where(steps)[0], doc.value_text(steps)
        own.pop("_at", None)  # (another reader may have drawn them meanwhile)
        return own[self.name]


if not TYPE_CHECKING:  # (type checkers see the fields)
    Loc.line = _Drawn("line")
    Loc.value = _Drawn("value")

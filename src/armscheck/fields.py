"""Text fields of a fact that only findings read, written when first read.

A kind names such fields in :class:`LaterTexts`; its facts are then given :class:`Fields`,
which answer as the dictionary of every field would, writing a text on its first read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import EngineError
from .facts import FactKind, Scalar


class LaterTexts:
    """The text fields of a kind of fact that only findings read, written when first read.

    A fact of the kind can then be given :meth:`fields` with the other fields and a function
    that writes any of these texts by name (see :class:`Fields`). Each must be declared
    ``str``; a fact's other fields are given as ever, in their declared order.
    """

    __slots__ = ("_judged", "kind", "names", "order")

    def __init__(self, kind: FactKind, names: tuple[str, ...]) -> None:
        wrong = [n for n in names if kind.fields.get(n) != "str"]
        if wrong:
            raise ValueError(f"{kind.kind}: not declared as text: {', '.join(wrong)}")
        self.kind = kind.kind
        self.names = frozenset(names)
        self.order = tuple(kind.fields)  # every field's name, as declared
        # the names and usual types of the fields written at once, by shape (see shapes.fits)
        self._judged: dict[int, tuple[Any, tuple[str, ...], tuple[type, ...]] | None] = {}

    def fields(self, made: dict[str, Scalar], write: Callable[[str], str]) -> Fields:
        """A fact's fields: ``made`` (the others, in declared order), then these by ``write``."""
        return Fields(made, self, write)


class Fields(dict[str, Scalar]):
    """A fact's fields, of which the :class:`LaterTexts` are written when first read.

    It answers as the dictionary of every field in declared order would: reading a text
    (``[]``, ``get``) writes it, and anything that goes through all the fields (iterating,
    ``len``, ``==``, ``repr``, copying, changing) writes the rest first. The rules engine reads
    only fields written at once.
    """

    __slots__ = ("_texts", "_write")

    def __init__(
        self, made: dict[str, Scalar], texts: LaterTexts | None, write: Callable[[str], str]
    ) -> None:
        dict.__init__(self, made)
        self._texts = texts
        self._write = write

    @property
    def later(self) -> LaterTexts | None:
        """The texts not all written yet (``None`` once every field is written)."""
        return self._texts

    def __missing__(self, name: str) -> Scalar:
        texts = self._texts
        if texts is None or name not in texts.names:
            raise KeyError(name)
        value = self._write(name)
        if not isinstance(value, str):
            raise EngineError(
                f"invalid fact: {texts.kind} field {name!r} must be str, got {value!r}",
                hint="this is a bug in a fact builder; please report it",
            )
        dict.__setitem__(self, name, value)
        return value

    def get(self, name: str, default: Any = None) -> Any:
        """The field ``name`` (written now if it is a text not yet written), else ``default``."""
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        texts = self._texts
        return dict.__contains__(self, name) or (texts is not None and name in texts.names)

    def whole(self) -> None:
        """Write every text not written yet, keeping the declared order of the fields."""
        texts = self._texts
        if texts is None:
            return
        every = {name: self[name] for name in texts.order}
        dict.clear(self)
        dict.update(self, every)
        self._texts = None
        self._write = _written

    def __eq__(self, other: object) -> bool:
        self.whole()
        if isinstance(other, Fields):
            other.whole()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return self.__reduce__()


def _written(name: str) -> str:
    raise KeyError(name)


def _whole_first(name: str) -> Callable[..., Any]:
    """``dict``'s method ``name``, called once every field of the instance is written."""
    method = getattr(dict, name)

    def call(self: Fields, *args: Any, **kwargs: Any) -> Any:
        self.whole()
        return method(self, *args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = method.__doc__
    return call


for _name in (
    "__iter__",
    "__reversed__",
    "__len__",
    "__repr__",
    "__or__",
    "__ror__",
    "__ior__",
    "__setitem__",
    "__delitem__",
    "keys",
    "values",
    "items",
    "copy",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "clear",
):
    setattr(Fields, _name, _whole_first(_name))

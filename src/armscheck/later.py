"""A field of a frozen dataclass that may be given as a function, called when first read.

Some values a check can report are wanted only by a few callers: the changes proposed
for a finding are re-checked by ``armscheck check``, never by ``batch``, ``matrix`` or
``timeline``. A field declared as :class:`Later` takes the value itself or a function of
no arguments that makes it; the function is called when the field is first read (by its
reader, ``==``, ``repr`` or :func:`dataclasses.replace`), and its answer kept in its place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class Later(Generic[T]):
    """The descriptor of such a field; ``default`` is its value when none is given."""

    def __init__(self, default: T) -> None:
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: Any = None) -> T: ...

    @overload
    def __get__(self, obj: object, owner: Any = None) -> T: ...

    def __get__(self, obj: object | None, owner: Any = None) -> T:
        if obj is None:
            return self.default
        own = obj.__dict__
        value = own[self.name]
        if callable(value):
            value = own[self.name] = value()
        return value  # type: ignore[no-any-return]

    def __set__(self, obj: object, value: T | Callable[[], T]) -> None:
        # a dataclass field(default=Later(...)) passes the descriptor itself when none is given
        obj.__dict__[self.name] = self.default if isinstance(value, Later) else value

"""The fields of a record (see :mod:`.records`), read as :mod:`dataclasses` reads them.

:func:`read_fields` takes a class's fields from its annotations and class attributes
(defaults, :func:`field` options), refusing what the standard decorator refuses; the
record's ``__dataclass_fields__`` and ``__dataclass_params__`` are made by
:mod:`dataclasses` itself only when something reads them (:class:`StandardView`), so that a
command that never asks imports neither :mod:`dataclasses` nor :mod:`inspect`, which it
imports. :func:`fields`, :func:`replace` and :func:`is_record` are ``dataclasses.fields``,
``replace`` and ``is_dataclass`` for records.
"""

from __future__ import annotations

import sys
import types
from typing import Any, TypeVar

T = TypeVar("T")
WITH_REPLACE = sys.version_info >= (3, 13)  # dataclasses give a __replace__ for copy.replace()
_SPECIAL = frozenset({"ClassVar", "InitVar", "KW_ONLY"})  # annotations record() refuses


class _Missing:
    """No default given (``dataclasses.MISSING``'s counterpart)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """One field of a record: its name, type and the options :func:`field` gives."""

    __slots__ = ("name", "type", "default", "default_factory", "init", "repr", "hash", "compare")

    def __init__(  # noqa: PLR0913 - the options of dataclasses.field
        self,
        default: Any,
        default_factory: Any,
        init: bool,
        repr: bool,  # noqa: A002
        hash: bool | None,  # noqa: A002
        compare: bool,
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name: str = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Field({shown})"

    def __set_name__(self, owner: type, name: str) -> None:
        # as dataclasses.Field does: a default that is a descriptor learns its name
        hook = getattr(type(self.default), "__set_name__", None)
        if hook is not None:
            hook(self.default, owner, name)


def field(  # noqa: PLR0913 - the options of dataclasses.field
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    init: bool = True,
    repr: bool = True,  # noqa: A002
    hash: bool | None = None,  # noqa: A002
    compare: bool = True,
) -> Any:
    """:func:`dataclasses.field`, for a record."""
    return Field(default, default_factory, init, repr, hash, compare)


def _from_standard(given: Any) -> Field:
    """A :class:`Field` with the options of ``given``, a ``dataclasses.Field``."""
    import dataclasses

    if given.metadata or given.kw_only is True:
        raise TypeError("record() does not support a field's metadata or kw_only")
    made = Field(
        MISSING if given.default is dataclasses.MISSING else given.default,
        MISSING if given.default_factory is dataclasses.MISSING else given.default_factory,
        given.init,
        given.repr,
        given.hash,
        given.compare,
    )
    made.name, made.type = given.name, given.type  # None before the decorator names them
    return made


def _special(kind: Any) -> bool:
    """Whether an annotation is ClassVar, InitVar or KW_ONLY (as text or as the object)."""
    if isinstance(kind, str):
        return kind.split("[", 1)[0].strip().rpartition(".")[2] in _SPECIAL
    import typing

    if kind is typing.ClassVar or typing.get_origin(kind) is typing.ClassVar:
        return True
    standard = sys.modules.get("dataclasses")  # an object of dataclasses: it is imported
    if standard is None:
        return False
    kw_only = getattr(standard, "KW_ONLY", None)  # (Python 3.10+)
    return (
        kind is standard.InitVar
        or isinstance(kind, standard.InitVar)
        or (kw_only is not None and kind is kw_only)
    )


def read_fields(cls: type) -> tuple[Field, ...]:
    """``cls``'s fields, read from its annotations and class attributes as dataclasses reads them.

    A class attribute that is a field is replaced by its default (or removed when it has none),
    so that the class shows real defaults, as with the standard decorator.
    """
    for base in cls.__mro__[1:]:
        if "__record_fields__" in base.__dict__ or "__dataclass_fields__" in base.__dict__:
            raise TypeError(f"record() does not support fields inherited ({cls.__name__})")
    standard = sys.modules.get("dataclasses")
    annotations = cls.__dict__.get("__annotations__", {})
    every: list[Field] = []
    for name, kind in annotations.items():
        text = kind if isinstance(kind, str) else repr(kind)
        if _special(kind):
            raise TypeError(f"record() does not support {text} ({cls.__name__}.{name})")
        default = getattr(cls, name, MISSING)  # through a descriptor, as dataclasses reads it
        if isinstance(default, Field):
            made = default
        elif standard is not None and isinstance(default, standard.Field):
            made = _from_standard(default)
        else:
            if isinstance(default, types.MemberDescriptorType):  # a slot: no default
                default = MISSING
            made = Field(default, MISSING, True, True, None, True)
        made.name, made.type = name, kind
        if made.default is not MISSING and type(made.default).__hash__ is None:
            raise ValueError(
                f"mutable default {type(made.default)} for field {name} is not allowed: "
                "use default_factory"
            )
        every.append(made)
    for name, value in cls.__dict__.items():
        if name not in annotations and (
            isinstance(value, Field) or (standard is not None and isinstance(value, standard.Field))
        ):
            raise TypeError(f"{name!r} is a field but has no type annotation")
    for made in every:
        value = cls.__dict__.get(made.name)
        if isinstance(value, Field) or (standard is not None and isinstance(value, standard.Field)):
            if made.default is MISSING:
                delattr(cls, made.name)
            else:
                setattr(cls, made.name, made.default)
    if WITH_REPLACE and "__replace__" not in cls.__dict__:  # as dataclasses give (3.13+)
        cls.__replace__ = replace  # type: ignore[attr-defined]
    return tuple(every)


def slotted(cls: type, every: tuple[Field, ...]) -> type:
    """``cls`` made again with a slot for each field, as ``dataclass(slots=True)`` makes it."""
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    inherited: set[str] = set()
    for base in cls.__mro__[1:-1]:
        slots = base.__dict__.get("__slots__", ())
        inherited.update((slots,) if isinstance(slots, str) else slots)
    space = dict(cls.__dict__)
    space["__slots__"] = tuple(f.name for f in every if f.name not in inherited)
    for f in every:
        space.pop(f.name, None)
    space.pop("__dict__", None)
    space.pop("__weakref__", None)
    made = type(cls)(cls.__name__, cls.__bases__, space)
    made.__qualname__ = cls.__qualname__
    return made


class StandardView:
    """A record's ``__dataclass_fields__`` or ``__dataclass_params__``, made when first read.

    :mod:`dataclasses` makes both, from a class with the record's fields and options, so
    that ``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` answer for a
    record as for any dataclass; both then take this descriptor's place in the class.
    """

    def __init__(self, owner: type, name: str) -> None:
        self.owner, self.name = owner, name

    def __get__(self, obj: object, objtype: type | None = None) -> Any:
        import dataclasses

        owner = self.owner
        init, repr_, eq, frozen, unsafe_hash, slots = owner.__record_options__  # type: ignore[attr-defined]
        space: dict[str, Any] = {"__module__": owner.__module__, "__annotations__": {}}
        placeholder = object()  # the real default is put in afterwards: no __set_name__ on the twin
        for f in owner.__record_fields__:  # type: ignore[attr-defined]
            space["__annotations__"][f.name] = f.type
            space[f.name] = dataclasses.field(
                default=dataclasses.MISSING if f.default is MISSING else placeholder,
                default_factory=(
                    dataclasses.MISSING if f.default_factory is MISSING else f.default_factory
                ),
                init=f.init,
                repr=f.repr,
                hash=f.hash,
                compare=f.compare,
            )
        twin: Any = dataclasses.dataclass(
            type(owner.__name__, (), space), init=False, repr=False, eq=False
        )
        for f in owner.__record_fields__:  # type: ignore[attr-defined]
            if f.default is not MISSING:
                twin.__dataclass_fields__[f.name].default = f.default
        params = twin.__dataclass_params__
        if hasattr(params, "slots"):  # Python 3.12+
            params.slots = slots
        params.init, params.repr, params.eq, params.frozen = init, repr_, eq, frozen
        params.unsafe_hash = unsafe_hash
        made = {"__dataclass_fields__": twin.__dataclass_fields__, "__dataclass_params__": params}
        for name, value in made.items():
            type.__setattr__(owner, name, value)
        return made[self.name]


def fields(class_or_instance: Any) -> tuple[Field, ...]:
    """``dataclasses.fields`` of a record class or instance: its fields, in order.

    Those of a class or instance of the standard decorator are given as a record's.
    """
    try:
        every: tuple[Field, ...] = class_or_instance.__record_fields__
    except AttributeError:
        if not hasattr(class_or_instance, "__dataclass_fields__"):
            raise TypeError("must be called with a record type or instance") from None
        import dataclasses

        every = tuple(_from_standard(f) for f in dataclasses.fields(class_or_instance))
    return every


def replace(obj: T, /, **changes: Any) -> T:
    """``dataclasses.replace``: a new record like ``obj``, ``changes`` given to its initialiser."""
    if isinstance(obj, type):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(
                    f"field {f.name} is declared with init=False, it cannot be specified with "
                    "replace()"
                )
        elif f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def is_record(obj: object) -> bool:
    """``dataclasses.is_dataclass`` for records: whether ``obj`` is a record or its class."""
    return hasattr(obj if isinstance(obj, type) else type(obj), "__record_fields__")

"""``record``: :func:`dataclasses.dataclass` for the package's classes, made at less cost.

The standard decorator compiles Python source for every method it writes: for a frozen
dataclass six small modules (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``); it tests each field's annotation against ``ClassVar``
and ``InitVar`` with patterns, and importing :mod:`dataclasses` imports :mod:`inspect` (with
``ast``, ``dis`` and ``tokenize``). :func:`record` reads the fields itself as the standard
decorator does (see :mod:`.recordfields`) and compiles only ``__init__``, when the class is
first instantiated (a command uses about two thirds of the classes it imports); the other
methods are shared functions over the class's fields that answer exactly as the generated
ones do. :func:`fields`, :func:`replace` and :func:`is_record` are ``dataclasses.fields``,
``replace`` and ``is_dataclass`` for records; the standard functions work on them too.

Supported options: ``init``, ``repr``, ``eq``, ``frozen``, ``slots``, ``unsafe_hash`` (the
package uses no others; any other option is refused), and no ``ClassVar``, ``InitVar`` or
``KW_ONLY`` annotations, nor records derived from records. :func:`field` takes the options
of :func:`dataclasses.field` but ``metadata`` and ``kw_only``; type checkers see
:func:`dataclasses.dataclass` and :func:`dataclasses.field` themselves.
"""

from __future__ import annotations

import abc
import operator
import reprlib
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .recordfields import MISSING, Field, StandardView, is_record, read_fields, slotted
from .recordtext import init_text

__all__ = ["MISSING", "Field", "copied", "field", "fields", "is_record", "record", "replace"]

T = TypeVar("T")
_OPTIONS = frozenset({"init", "repr", "eq", "frozen", "slots", "unsafe_hash"})


def _make(  # noqa: PLR0913 - the options of dataclasses.dataclass
    cls: type,
    init: bool,
    repr: bool,
    eq: bool,
    frozen: bool,
    slots: bool,
    unsafe_hash: bool,  # noqa: A002
) -> type:
    documented = bool(cls.__doc__)
    own = set(cls.__dict__)
    class_hash = cls.__dict__.get("__hash__", MISSING)
    explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in own))
    if frozen and own & {"__setattr__", "__delattr__"}:
        raise TypeError(f"cannot overwrite __setattr__ or __delattr__ of frozen {cls.__name__}")
    every = read_fields(cls)
    if init:
        defaulted = ""
        for f in every:
            if not f.init:
                continue
            if f.default is not MISSING or f.default_factory is not MISSING:
                defaulted = f.name
            elif defaulted:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
    if "__match_args__" not in own:
        setattr(cls, "__match_args__", tuple(f.name for f in every if f.init))  # noqa: B010
    if slots:
        cls = slotted(cls, every)
    cls.__record_fields__ = every  # type: ignore[attr-defined]
    cls.__record_options__ = (init, repr, eq, frozen, unsafe_hash, slots)  # type: ignore[attr-defined]
    for name in ("__dataclass_fields__", "__dataclass_params__"):
        setattr(cls, name, StandardView(cls, name))
    methods: dict[str, Any] = {}
    if init and "__init__" not in own:
        methods["__init__"] = _LaterInit(cls, every, frozen, slots)
    if repr and "__repr__" not in own:
        methods["__repr__"] = _repr(tuple(f.name for f in every if f.repr))
    if eq and "__eq__" not in own:
        methods["__eq__"] = _eq(_getter(tuple(f.name for f in every if f.compare)))
    if unsafe_hash and explicit_hash:
        raise TypeError(f"cannot overwrite attribute __hash__ in class {cls.__name__}")
    if not explicit_hash and (unsafe_hash or (eq and frozen)):
        hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
        methods["__hash__"] = _hash(_getter(hashed))
    elif eq and not frozen and not explicit_hash:
        cls.__hash__ = None  # type: ignore[assignment]
    if frozen:
        names = frozenset(f.name for f in every)
        methods["__setattr__"] = _frozen_set(cls, names)
        methods["__delattr__"] = _frozen_del(cls, names)
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    if frozen and slots:  # as the standard decorator does: pickle and copy cannot set fields
        setattr(cls, "__getstate__", _getstate)  # noqa: B010 - not a method of type
        setattr(cls, "__setstate__", _setstate)  # noqa: B010
    if not documented:  # the standard decorator's text, from the real __init__
        import inspect

        cls.__doc__ = cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
    abc.update_abstractmethods(cls)
    return cls


class _LaterInit:
    """A class's ``__init__``, compiled from its fields when the class is first instantiated.

    The first call (or a first look at its signature) compiles the function :func:`_init`
    writes and puts it in the class in place of this one, so later calls cost nothing more.
    """

    def __init__(self, cls: type, every: tuple[Field, ...], frozen: bool, slots: bool) -> None:
        self.__qualname__ = f"{cls.__qualname__}.__init__"
        self._made: tuple[type, tuple[Field, ...], bool, bool] | None = (
            cls,
            every,
            frozen,
            slots,
        )
        self._function: Any = None

    def _compiled(self) -> Any:
        if self._function is None and self._made is not None:
            cls, every, frozen, slots = self._made
            function = _init(cls, every, frozen, slots)
            function.__qualname__ = self.__qualname__
            self._function, self._made = function, None
            if cls.__dict__.get("__init__") is self:
                type.__setattr__(cls, "__init__", function)
        return self._function

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        return self if obj is None else types.MethodType(self, obj)

    def __call__(self, obj: object, /, *args: Any, **kwargs: Any) -> None:
        self._compiled()(obj, *args, **kwargs)

    @property
    def __signature__(self) -> Any:  # what inspect.signature() reads first
        import inspect

        return inspect.signature(self._compiled())


def _init(cls: type, every: tuple[Field, ...], frozen: bool, slots: bool) -> Any:
    """``__init__`` as the standard decorator writes it.

    The function is compiled from its text, unless :mod:`.recordinits` holds the text's
    code already (compiled with the package, and kept in Python's byte-code cache).
    """
    text, scope, defaults = init_text(every, frozen, slots, hasattr(cls, "__post_init__"))
    code = _written().get(text)
    if code is not None:
        function = types.FunctionType(code, scope, "__init__", defaults or None)
    else:
        defined: dict[str, Any] = {}
        exec(text, scope, defined)  # noqa: S102 - text made above from the field names alone
        function = defined["__init__"]
    function.__annotations__ = {f.name: f.type for f in every if f.init} | {"return": None}
    return function


_WRITTEN: dict[str, types.CodeType] | None = None


def _written() -> dict[str, types.CodeType]:
    global _WRITTEN
    if _WRITTEN is None:
        from .recordinits import CODE

        _WRITTEN = CODE
    return _WRITTEN


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields ``names`` of an object, as a tuple (also for one field or none)."""
    if len(names) >= 2:
        return operator.attrgetter(*names)
    if names:
        (name,) = names
        return lambda obj: (getattr(obj, name),)
    return lambda obj: ()


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _eq(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _frozen_set(owner: type, names: frozenset[str]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is owner or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(owner, self).__setattr__(name, value)  # type: ignore[arg-type]

    return __setattr__


def _frozen_del(owner: type, names: frozenset[str]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is owner or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(owner, self).__delattr__(name)  # type: ignore[arg-type]

    return __delattr__


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(fields(self), state, strict=False):
        object.__setattr__(self, f.name, value)


def _record(cls: type | None = None, /, **options: bool) -> Any:
    """:func:`dataclasses.dataclass` with the options the package uses (see above)."""
    unknown = set(options) - _OPTIONS
    if unknown:
        raise TypeError(f"record() got unsupported options {sorted(unknown)}")
    chosen = dict.fromkeys(_OPTIONS, False) | {"init": True, "repr": True, "eq": True}
    chosen.update(options)

    def wrap(c: type) -> type:
        return _make(c, **chosen)

    return wrap if cls is None else wrap(cls)


if TYPE_CHECKING:
    from dataclasses import dataclass as record
    from dataclasses import field, fields, replace
else:
    from .recordfields import field, fields, replace

    record = _record


def copied(instance: T, **changes: Any) -> T:
    """``dataclasses.replace(instance, **changes)`` for a record, without its general steps.

    A record made without slots keeps its fields in its instance and nothing else, and its
    initialiser only writes them there: a copy of the instance with ``changes`` written in
    is a new one.
    """
    new: T = object.__new__(type(instance))
    own = new.__dict__
    own.update(instance.__dict__)
    own.update(changes)
    return new

"""``record`` makes the classes :func:`dataclasses.dataclass` makes, method for method."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import os
import pickle
import pkgutil
import textwrap
from pathlib import Path
from typing import Any

import pytest

import armscheck
from armscheck.later import Later
from armscheck.records import _record

ROOT = Path(__file__).resolve().parents[1]
T129 = ROOT / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"


def _package_records() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(armscheck.__path__, "armscheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == info.name
                and "__dataclass_fields__" in value.__dict__  # decorated, not inherited
            ):
                found[f"{info.name}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


RECORDS = _package_records()


def _twin(cls: type) -> type:
    """``cls`` made again from its source by the standard decorator."""
    module = importlib.import_module(cls.__module__)
    source = textwrap.dedent(inspect.getsource(cls)).replace("@record", "@dataclasses.dataclass")
    # the standard decorator reads the standard field(): records have their own
    space = {**vars(module), "dataclasses": dataclasses, "field": dataclasses.field}
    flags = annotations.compiler_flag  # the source is read as this module reads it
    exec(compile(source, module.__file__ or "", "exec", flags=flags, dont_inherit=True), space)  # noqa: S102
    twin = space[cls.__name__]
    assert isinstance(twin, type)
    return twin


def _shape(cls: type) -> list[tuple[Any, ...]]:
    return [
        (f.name, f.type, f.init, f.repr, f.compare, f.hash, type(f.default), made)
        for f in dataclasses.fields(cls)
        for made in [getattr(f.default_factory, "__qualname__", f.default_factory)]
    ]


def _signature(cls: type) -> list[tuple[str, Any, str, bool]]:
    return [
        (p.name, p.kind, str(p.annotation), p.default is inspect.Parameter.empty)
        for p in inspect.signature(cls).parameters.values()
    ]


def test_every_dataclass_of_the_package_is_a_record() -> None:
    assert len(RECORDS) > 60
    for cls in RECORDS:
        assert "@record" in inspect.getsource(cls), cls


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_a_record_class_has_the_dataclass_shape(cls: type) -> None:
    twin = _twin(cls)
    assert _shape(cls) == _shape(twin)
    assert _signature(cls) == _signature(twin)
    assert cls.__doc__ == twin.__doc__
    assert cls.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    assert getattr(cls, "__slots__", None) == getattr(twin, "__slots__", None)
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        mine, theirs = cls.__dict__.get(name), twin.__dict__.get(name)
        assert (mine is None) == (theirs is None), name
        if mine is not None:
            assert mine.__qualname__ == theirs.__qualname__
    for name in ("init", "repr", "eq", "frozen"):
        assert getattr(cls.__dataclass_params__, name) == getattr(twin.__dataclass_params__, name)  # type: ignore[attr-defined]


def _walk(value: Any, seen: dict[int, Any]) -> None:
    if id(value) in seen:
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        seen[id(value)] = value
        for f in dataclasses.fields(value):
            _walk(getattr(value, f.name), seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _walk(v, seen)
    elif isinstance(value, dict):
        for v in value.values():
            _walk(v, seen)


def _hash(value: object) -> int | str:
    try:
        return hash(value)
    except TypeError as exc:  # a field holds a list or a mapping, as in a dataclass
        return str(exc)


def test_the_records_of_a_check_answer_as_dataclasses_do() -> None:
    from armscheck.api import load_checker, load_transfer
    from armscheck.explore.counterfactuals import counterfactuals

    checker = load_checker()
    transfer = load_transfer(T129, checker.rulebook.reference)
    verdict = counterfactuals(checker, transfer, checker.check(transfer), None)
    seen: dict[int, Any] = {}
    _walk([transfer, verdict, checker.facts(transfer, transfer.date), checker.rulebook], seen)
    twins: dict[type, type] = {}
    for value in seen.values():
        cls = type(value)
        if "__dataclass_fields__" not in cls.__dict__:
            continue  # a subclass with its own __init__ (a document whose marks come later)
        twin = twins.setdefault(cls, _twin(cls))
        given = {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.init}
        made = [cls(**given), twin(**given), twin(**given)]
        for copy_ in made:  # a field __init__ makes (a factory's fresh value): copied across
            for f in dataclasses.fields(value):
                if not f.init:
                    object.__setattr__(copy_, f.name, getattr(value, f.name))
        again, other, other2 = made
        assert repr(value) == repr(again) == repr(other)
        assert (value == again) == (other == other2)
        assert value != other and other != value  # not of the same class
        assert (cls.__hash__ is None) == (twin.__hash__ is None)
        if cls.__hash__ is not None and cls.__eq__ is not object.__eq__:
            assert _hash(value) == _hash(again) == _hash(other)
    assert len(twins) > 10


@_record(frozen=True, slots=True)
class _Slotted:
    """A frozen, slotted record (module level, for pickle)."""

    a: int
    b: list[int] = dataclasses.field(default_factory=list, compare=False)
    c: str = "c"
    d: int = dataclasses.field(default=4, init=False, repr=False)


@_record(frozen=True)
class _Lazy:
    """A record with a :class:`Later` field."""

    a: int
    later: Later[tuple[int, ...]] = dataclasses.field(default=Later(()), compare=False)


@_record
class _Plain:
    """A mutable record."""

    a: int
    b: dict[str, int] = dataclasses.field(default_factory=dict)
    c: int = dataclasses.field(default=0, hash=False)
    seen: list[str] = dataclasses.field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.seen.append("post")


@_record(eq=False)
class _Same:
    a: int


def test_record_semantics() -> None:
    s = _Slotted(1)
    assert (s.a, s.b, s.c, s.d) == (1, [], "c", 4)
    assert repr(s) == "_Slotted(a=1, b=[], c='c')"
    assert s == _Slotted(1, [2]) and s != _Slotted(2) and hash(s) == hash(_Slotted(1, [3]))
    assert _Slotted(1).b is not _Slotted(1).b
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.a = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del s.a  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(s)) == s and copy.deepcopy(s) == s
    assert dataclasses.replace(s, a=5).a == 5 and dataclasses.asdict(s)["d"] == 4
    with pytest.raises(TypeError):
        _Slotted()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Slotted(1, x=2)  # type: ignore[call-arg]

    lazy = _Lazy(1, lambda: (7,))
    assert lazy.later == (7,) and _Lazy(2).later == () and lazy == _Lazy(1)
    assert repr(_Lazy(2)) == "_Lazy(a=2, later=())"

    p = _Plain(1)
    assert p.seen == ["post"] and p.b == {} and p == _Plain(1) and p != _Plain(1, c=2)
    p.a = 3
    assert p.a == 3 and _Plain.__hash__ is None
    with pytest.raises(TypeError):
        hash(p)
    assert _Same(1) != _Same(1)
    assert _Same.__eq__ is object.__eq__
    assert (
        str(inspect.signature(_Slotted))
        == "(a: 'int', b: 'list[int]' = <factory>, c: 'str' = 'c') -> None"
    )
    assert _Same.__doc__ == "_Same(a: 'int')"


def test_recursive_repr() -> None:
    p = _Plain(1)
    p.b = {"self": p}  # type: ignore[dict-item]
    assert repr(p) == "_Plain(a=1, b={'self': ...}, c=0, seen=['post'])"


def test_unsupported_options_are_refused() -> None:
    with pytest.raises(TypeError):
        _record(order=True)


def test_an_initialiser_is_compiled_when_first_called_and_then_kept() -> None:
    @_record(frozen=True)
    class Later:
        """A class no one has made yet."""

        a: int
        b: tuple[int, ...] = ()

    waiting = Later.__dict__["__init__"]
    assert not inspect.isfunction(waiting)  # not compiled yet
    assert (
        waiting.__qualname__
        == "test_an_initialiser_is_compiled_when_first_called_and_then_kept.<locals>.Later.__init__"
    )
    made = Later(1)
    compiled = Later.__dict__["__init__"]
    assert inspect.isfunction(compiled) and compiled.__qualname__ == waiting.__qualname__
    assert made == Later(1, ()) and made.b == () and Later.__dict__["__init__"] is compiled
    with pytest.raises(TypeError, match="missing 1 required positional argument"):
        Later()  # type: ignore[call-arg]

    @_record
    class Base:
        """Its signature read, and its initialiser first called through a subclass."""

        x: int

    class Child(Base):
        pass

    assert str(inspect.signature(Base)) == "(x: 'int') -> None"  # read from the compiled one
    assert Child(3).x == 3 and Base(4).x == 4 and inspect.isfunction(Base.__dict__["__init__"])


def test_copied_is_replace_for_the_records_it_copies() -> None:
    from armscheck.api import load_checker, load_transfer
    from armscheck.records import copied

    checker = load_checker()
    path = (
        Path(__file__).resolve().parents[1] / "scenarios" / "seeds" / "iraq-turkey-t129-2021.yaml"
    )
    transfer = load_transfer(path, checker.rulebook.reference)
    verdict = checker.check(transfer)
    for record, changes in (
        (verdict, {"run": {"rules": "x"}}),
        (transfer, {"name": "changed"}),
        (transfer.recipient, {"country": "FR", "region": None}),
    ):
        assert set(vars(record)) == {f.name for f in dataclasses.fields(record)}  # type: ignore[arg-type]
        made = copied(record, **changes)
        assert made == dataclasses.replace(record, **changes)  # type: ignore[type-var]
        assert type(made) is type(record) and made is not record
        assert vars(made) == vars(dataclasses.replace(record, **changes))  # type: ignore[type-var]
    p = _Plain(1)
    assert copied(p, a=4) == dataclasses.replace(p, a=4) and p.a == 1


def test_replace_and_fields_answer_as_the_standard_functions() -> None:
    from armscheck.records import MISSING, fields, is_record, replace

    for value in (_Slotted(1, [2]), _Plain(3, {"x": 1}, 2), _Lazy(4, lambda: (5,))):
        mine, theirs = fields(value), dataclasses.fields(value)  # type: ignore[arg-type]
        assert [f.name for f in mine] == [f.name for f in theirs]
        for m, t in zip(mine, theirs, strict=True):
            assert (m.type, m.init, m.repr, m.hash, m.compare) == (
                t.type,
                t.init,
                t.repr,
                t.hash,
                t.compare,
            )
            assert (m.default is MISSING) == (t.default is dataclasses.MISSING)
            assert (m.default_factory is MISSING) == (t.default_factory is dataclasses.MISSING)
        assert is_record(value) and is_record(type(value)) and not is_record(1)
        changes = {fields(value)[0].name: 9}
        made, standard = replace(value, **changes), dataclasses.replace(value, **changes)  # type: ignore[type-var]
        assert type(made) is type(standard) and repr(made) == repr(standard)
    with pytest.raises(ValueError, match="init=False"):
        replace(_Plain(1), seen=[])
    with pytest.raises(TypeError):
        fields(1)


@pytest.mark.parametrize(
    "body",
    [
        "a: list[int] = []",  # a mutable default
        "a: int = 1\n    b: int",  # a field with no default after one with a default
        "a = field(default=1)",  # a field with no annotation
    ],
)
def test_a_record_refuses_what_the_standard_decorator_refuses(body: str) -> None:
    from armscheck.records import field

    def made(decorator: Any, field_: Any) -> None:
        source = f"@decorator\nclass C:\n    {body}\n"
        exec(source, {"decorator": decorator, "field": field_})  # noqa: S102

    with pytest.raises((TypeError, ValueError)) as standard:
        made(dataclasses.dataclass, dataclasses.field)
    with pytest.raises(type(standard.value), match=re_escape(str(standard.value))):
        made(_record, field)


def re_escape(text: str) -> str:
    import re

    return re.escape(text)


@pytest.mark.parametrize("annotation", ["ClassVar[int]", "typing.ClassVar[int]", "InitVar[int]"])
def test_special_annotations_are_refused(annotation: str) -> None:
    with pytest.raises(TypeError, match="does not support"):
        exec(f"@record\nclass C:\n    a: {annotation}\n", {"record": _record})  # noqa: S102


def test_special_annotations_given_as_objects_are_refused() -> None:
    """In a module without postponed annotations they arrive as objects, not text."""
    for annotation in (dataclasses.InitVar[int], dataclasses.KW_ONLY, "ClassVar[int]"):
        with pytest.raises(TypeError, match="does not support"):
            _record(type("C", (), {"__annotations__": {"a": annotation}}))


def test_the_standard_view_of_a_record_keeps_its_defaults_owner_and_slots() -> None:
    """Reading ``__dataclass_fields__`` does not name a descriptor default again elsewhere."""
    import sys

    from armscheck.records import field

    class Owned:
        def __set_name__(self, owner: type, name: str) -> None:
            self.owner = owner

    kept = Owned()
    made = _record(type("R", (), {"__annotations__": {"a": "int"}, "a": field(default=kept)}))
    assert dataclasses.fields(made)[0].default is kept and kept.owner is made
    slotted = _record(slots=True)(type("S", (), {"__annotations__": {"a": "int"}}))
    params = slotted.__dataclass_params__
    if sys.version_info >= (3, 12):
        assert params.slots is True  # type: ignore[attr-defined]


def test_replace_is_refused_for_a_class_and_given_to_copy_replace() -> None:
    import sys

    from armscheck.records import replace

    with pytest.raises(TypeError, match="dataclass instances"):
        replace(_Plain)  # type: ignore[type-var]
    if sys.version_info >= (3, 13):
        assert copy.replace(_Plain(1), a=2) == _Plain(2)  # type: ignore[attr-defined]


def test_a_check_imports_neither_dataclasses_nor_inspect_and_compiles_nothing(
    tmp_path: Path,
) -> None:
    """What a cold check would pay for: importing them, and the first compile() of a process.

    The first compile() sets up Python's syntax-tree types (typing.NamedTuple compiles each
    annotation given as text); the records' initialisers are made with exec(), which does not.
    """
    import subprocess
    import sys

    probe = (
        "import builtins, io, sys\n"
        "compiled = []\n"
        "real = builtins.compile\n"
        "def counted(source, *args, **kwargs):\n"
        "    if type(source) is str:  # not a module's bytes, read when its byte code is stale\n"
        "        compiled.append(source)\n"
        "    return real(source, *args, **kwargs)\n"
        "builtins.compile = counted\n"
        "from armscheck.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        f"main(['check', '--format', 'json', {str(T129)!r}])\n"
        "sys.stdout = sys.__stdout__\n"
        "print(sorted({'dataclasses', 'inspect'} & set(sys.modules)), compiled)\n"
    )
    for cache in ("1", ""):  # with the rulebook read from its files, then from the cache
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "ARMSCHECK_NO_CACHE": cache}
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.strip().splitlines()[-1] == "[] []", done.stdout

"""The schema of every reference list under ``rules/lists/``, checked before the list is used.

The schemas are data, in ``rules/lists/schema/lists.yaml`` (its header explains the notation):
for each list file, the keys it may hold, the type of each value and which keys are
required. An unknown key is refused with a "did you mean" (``listed_form`` is not
``listed_from``), a value of the wrong type or a date that is not a real ``YYYY-MM-DD``
date is refused, and every error names the file, line and column. A list file without a
schema is refused too: add its schema with the file.

A ``null`` value counts as absent: it is allowed for every key that is not required.

Each spec is also compiled into a test that only says whether a value passes (no paths, no
messages); a list is walked by the error-reporting checker only when that test fails.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable
from itertools import repeat
from os import PathLike
from typing import Any

from ..errors import RuleError
from ..records import field, record
from ..transfer.values import suggest
from ..transfer.yamldoc import Doc

Path = tuple[str | int, ...]
FilePath = str | PathLike[str]


@record(frozen=True)
class Scalar:
    """A plain value: ``text``, ``date``, ``url``, ``int``, ``number`` or ``bool``."""

    kind: str


@record(frozen=True)
class ListOf:
    """A list whose entries all follow ``item``."""

    item: Spec


@record(frozen=True)
class Map:
    """A mapping with known ``fields`` (or any keys whose ``values`` all follow one spec)."""

    fields: dict[str, Spec] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    values: Spec | None = None


@record(frozen=True)
class OneOf:
    """Any one of ``options``."""

    options: tuple[Spec, ...]


Spec = Scalar | ListOf | Map | OneOf

_KINDS = {k: Scalar(k) for k in ("text", "date", "url", "int", "number", "bool")}
TEXT, DATE, URL, INT, NUMBER, BOOL = _KINDS.values()
CITATIONS = ListOf(
    Map(
        {"instrument": TEXT, "url": URL, "pinpoint": TEXT, "quote": TEXT},
        required={"instrument", "url"},
    )
)
SOURCES = ListOf(Map({"title": TEXT, "url": URL}, required={"title", "url"}))
COMMON: dict[str, Spec] = {"title": TEXT, "last_reviewed": DATE, "sources": SOURCES}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EXAMPLES = {
    "text": "a plain string",
    "date": "a date written 'YYYY-MM-DD'",
    "url": "an http(s) link",
    "int": "a whole number",
    "number": "a number",
    "bool": "true or false",
}


def load_schemas(path: FilePath) -> dict[str, Map]:
    """The list schemas in ``path`` (``rules/lists/schema/lists.yaml``), compiled."""
    from ..transfer.decoding import read_file
    from .aliases import parse_list

    doc = parse_list(read_file(path, RuleError), str(path))
    if not isinstance(doc.data, dict):
        raise doc.error(RuleError, (), "expected a mapping of list names", "see its header")
    out = {}
    for name, raw in doc.data.items():
        spec = _compile(raw, (name,), doc)
        if not isinstance(spec, Map):
            raise doc.error(RuleError, (name,), "a list's schema is a mapping", "see the header")
        out[name] = spec
    return out


def _compile(raw: Any, path: Path, doc: Doc) -> Spec:
    if isinstance(raw, str):
        kind = raw.rstrip("!")
        if kind == "citations":
            return CITATIONS
        if kind == "sources":
            return SOURCES
        if kind in _EXAMPLES:
            return _KINDS[kind]
    elif isinstance(raw, list) and len(raw) == 1:
        return ListOf(_compile(raw[0], (*path, 0), doc))
    elif isinstance(raw, dict) and set(raw) == {"one of"} and isinstance(raw["one of"], list):
        return OneOf(
            tuple(_compile(r, (*path, "one of", i), doc) for i, r in enumerate(raw["one of"]))
        )
    elif isinstance(raw, dict) and set(raw) == {"*"}:
        return Map(values=_compile(raw["*"], (*path, "*"), doc))
    elif isinstance(raw, dict):
        fields = {str(k): _compile(v, (*path, k), doc) for k, v in raw.items()}
        required = {str(k) for k, v in raw.items() if isinstance(v, str) and v.endswith("!")}
        return Map(fields, required)
    raise doc.error(
        RuleError,
        path,
        f"unknown schema type {raw!r}",
        f"use one of: {', '.join([*_EXAMPLES, 'citations', 'sources'])}, [type] or a mapping",
    )


def check_list(name: str, doc: Doc, schemas: dict[str, Map]) -> None:
    """Check the list file ``name`` (its stem) against its schema; a located RuleError if not."""

    def fail(path: Path, message: str, hint: str, at_key: bool = False) -> RuleError:
        return doc.error(RuleError, path, message, hint, at_key=at_key)

    spec = schemas.get(name)
    if spec is None:
        raise fail(
            (),
            f"the list {name!r} has no schema",
            "add its schema to rules/lists/schema/lists.yaml, or "
            + (suggest(name, set(schemas)) or "remove the file"),
        )
    top = Map({**COMMON, **spec.fields}, required={*COMMON, *spec.required})
    if not _passes(top)(doc.data):
        _check(doc.data, top, (), fail)  # finds and reports the first error


def _check(value: Any, spec: Spec, path: Path, fail: Callable[..., RuleError]) -> None:
    if isinstance(spec, OneOf):
        for option in spec.options:
            try:
                _check(value, option, path, fail)
                return
            except RuleError:
                continue
        _check(value, spec.options[-1], path, fail)  # report against the fullest form
    elif isinstance(spec, ListOf):
        if not isinstance(value, list):
            raise fail(path, f"expected a list, found {_kind(value)}", "write '- ...' entries")
        for i, item in enumerate(value):
            _check(item, spec.item, (*path, i), fail)
    elif isinstance(spec, Map):
        if not isinstance(value, dict):
            raise fail(
                path, f"expected a mapping, found {_kind(value)}", "write 'key: value' lines"
            )
        for key, item in value.items():
            inner = spec.values if spec.values is not None else spec.fields.get(key)
            if inner is None:
                tip = suggest(key, set(spec.fields)) or f"allowed keys: {', '.join(spec.fields)}"
                raise fail((*path, key), f"unknown key {key!r}", tip, at_key=True)
            if item is not None:
                _check(item, inner, (*path, key), fail)
        for key in sorted(spec.required):
            if value.get(key) in (None, "", []):
                where = (*path, key) if key in value else path
                raise fail(
                    where, f"missing {key!r}", f"add '{key}:' here ({_describe(spec.fields[key])})"
                )
    else:
        _scalar(value, spec.kind, path, fail)


Test = Callable[[Any], bool]
_SHARED: dict[int, Test] = {}  # the tests of CITATIONS and SOURCES
_BLANKS = (str, list)  # the types of "" and [], which count as absent as None does
_STR = repeat(str)  # (never runs out)


def _passes(spec: Spec) -> Test:
    """A test of whether a value passes ``spec`` (exactly when :func:`_check` raises nothing)."""
    if isinstance(spec, Scalar):
        return _SCALAR_TESTS[spec.kind]
    if spec is CITATIONS or spec is SOURCES:  # in most lists: made once (from an equal spec)
        if id(spec) not in _SHARED:
            _SHARED[id(spec)] = _passes(ListOf(spec.item))
        return _SHARED[id(spec)]
    if isinstance(spec, ListOf):
        if type(spec.item) is Scalar and spec.item.kind in _RAW:  # each item tested in C
            raw = _RAW[spec.item.kind]
            return lambda v: (
                isinstance(v, list) and all(map(isinstance, v, _STR)) and all(map(raw, v))
            )
        item = _passes(spec.item)
        return lambda value: isinstance(value, list) and all(map(item, value))
    if isinstance(spec, OneOf):
        options = tuple(_passes(o) for o in spec.options)
        return lambda value: any(ok(value) for ok in options)
    return _map_test(spec)


def _map_test(spec: Map) -> Test:
    required = sorted(spec.required)
    each = None if spec.values is None else _passes(spec.values)  # every key's, if any may come
    raw = {k: _RAW.get(s.kind) for k, s in spec.fields.items() if type(s) is Scalar}
    fields = {k: raw.get(k) or _passes(s) for k, s in spec.fields.items() if each is None}

    def fields_pass(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        try:
            for key, item in value.items():
                ok = fields.get(key, each)
                if ok is None or (item is not None and not ok(item)):
                    return False
        except (TypeError, AttributeError):  # (from a raw test)
            return False
        for key in required:
            got = value.get(key)
            if got is None or not got and type(got) in _BLANKS:
                return False
        return True

    return fields_pass


def _scalar(value: Any, kind: str, path: Path, fail: Callable[..., RuleError]) -> None:
    ok = _SCALAR_TESTS[kind](value)
    if not ok:
        raise fail(path, f"expected {_EXAMPLES[kind]}, found {_kind(value)}", _hint(kind))


@functools.lru_cache(maxsize=4096)  # the lists write the same days again and again
def _is_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# whether a text passes: a value that is not text raises TypeError or AttributeError
_RAW: dict[str, Callable[[Any], Any]] = {
    "text": str.strip,
    "date": _is_date,
    "url": operator.methodcaller("startswith", ("https://", "http://")),
}


_SCALAR_TESTS: dict[str, Test] = {
    "text": lambda v: isinstance(v, str) and bool(v.strip()),
    "date": lambda v: isinstance(v, str) and _is_date(v),
    "url": lambda v: isinstance(v, str) and v.startswith(("https://", "http://")),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
}


def _hint(kind: str) -> str:
    return {
        "date": "quote it: '2017-08-02' (and check that the day exists)",
        "url": "e.g. https://www.ecfr.gov/...",
        "bool": "write true or false",
    }.get(kind, f"write {_EXAMPLES[kind]}")


def _describe(spec: Spec) -> str:
    if isinstance(spec, Scalar):
        return _EXAMPLES[spec.kind]
    return "a list" if isinstance(spec, ListOf) else "a mapping"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return f"{type(value).__name__} {str(value)[:40]!r}"

"""YAML scalars read by the YAML 1.2 core schema, and errors placed at a parser mark.

Only the core tags are accepted (no Python objects); timestamps stay strings, so
the caller validates dates itself. Hex, octal, binary and sexagesimal forms are
never numbers, and ``yes``/``no``/``on``/``off`` are text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..errors import ComplianceError
from ..lazyre import deferred
from ..pyyaml import yaml
from .values import shorten

CORE = "tag:yaml.org,2002:"
_INT = re.compile(r"^[-+]?[0-9][0-9_]*$")
_FLOAT = deferred(r"^[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$")
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}
_RESOLVER = yaml.resolver.Resolver()


REFUSED = object()  # what :func:`plain` gives for a value :func:`scalar` refuses
_WORDS = {  # PyYAML's patterns of YAML 1.1's booleans and null, as its resolver writes them
    "^(?:yes|Yes|YES|no|No|NO\n                    |true|True|TRUE|false|False|FALSE\n"
    "                    |on|On|ON|off|Off|OFF)$",
    "^(?: ~\n                    |null|Null|NULL\n                    | )$",
}
TRIGGERS = frozenset(k for k in _RESOLVER.yaml_implicit_resolvers if k)
"""First characters of the plain scalars that may be more than text (YAML 1.1's resolvers)."""


def plain(text: str) -> Any:
    """The value of an untagged plain scalar ``text`` (as :func:`scalar` reads it), or REFUSED."""
    return _plain_short(text) if len(text) <= 64 else _plain(text)  # only short ones kept


def _wordy() -> str:
    """The first letters of plain scalars that YAML 1.1 reads as text when they are long.

    For these letters PyYAML's resolver knows only YAML 1.1's booleans and null (yes, No,
    TRUE, off, null...), words of five letters at most; none if its table is not the usual.
    """
    found = _RESOLVER.yaml_implicit_resolvers
    bools, nulls = found.get("y") or [], found.get("~") or []
    if None in found or len(bools) != 1 or len(nulls) != 1:
        return ""
    (is_bool, words), (is_null, nothing) = bools[0], nulls[0]
    if (
        (is_bool, is_null) != (CORE + "bool", CORE + "null")
        or {words.pattern, nothing.pattern} != _WORDS
        or not words.flags & nothing.flags & re.VERBOSE
    ):
        return ""
    usual = [bools] * 8 + [bools + nulls] * 2
    return "yYtTfFoOnN" if list(map(found.get, "yYtTfFoOnN")) == usual else ""


_WORDY = _wordy()


def _plain(text: str) -> Any:
    if len(text) > 6 and text[0] in _WORDY:  # (a word and a line break would be six)
        return text
    tag = str(_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)))  # type: ignore[no-untyped-call]
    kind = tag[len(CORE) :]
    if not tag.startswith(CORE) or kind not in _SCALAR_TAGS:
        return REFUSED
    if kind in ("str", "timestamp"):
        return text
    value = _core_value(kind, text)
    return text if value is _NOTCORE else value


_plain_short = functools.lru_cache(maxsize=4096)(_plain)


def fail_at(
    cls: type[ComplianceError], file: str, mark: Any, message: str, hint: str
) -> ComplianceError:
    """An error of type ``cls`` at the parser ``mark`` (unlocated when it is ``None``)."""
    line = mark.line + 1 if mark is not None else None
    col = mark.column + 1 if mark is not None else None
    return cls(message, file=file, line=line, column=col, hint=hint)


def scalar(ev: Any, file: str, cls: type[ComplianceError]) -> Any:
    """The value of the scalar event ``ev``; a disallowed tag or unreadable value raises."""
    tag = ev.tag
    if tag in (None, "!"):
        if not ev.style and ev.implicit[0]:
            tag = str(_RESOLVER.resolve(yaml.ScalarNode, ev.value, (True, False)))  # type: ignore[no-untyped-call]
        else:
            tag = CORE + "str"
    if not tag.startswith(CORE) or tag[len(CORE) :] not in _SCALAR_TAGS:
        raise fail_at(
            cls,
            file,
            ev.start_mark,
            f"the YAML tag {tag!r} is not allowed",
            "remove the tag; only plain values, lists and mappings are accepted",
        )
    kind = tag[len(CORE) :]
    explicit = ev.tag not in (None, "!")
    if kind in ("str", "timestamp"):
        return ev.value
    value = _core_value(kind, ev.value)
    if value is not _NOTCORE:
        return value
    if not explicit:
        return ev.value  # YAML 1.2 reads it as text: yes/no, 0x10, 0o17, 1:30 (Norway stays "NO")
    raise fail_at(
        cls,
        file,
        ev.start_mark,
        f"cannot read {shorten(ev.value)!r} as !!{kind}: {_TAG_RULES[kind]}",
        _TAG_HINTS[kind],
    )


_NOTCORE = object()
_TAG_RULES = {
    "int": "whole numbers are read in decimal only, never as octal, hex, binary or 1:30",
    "float": "numbers are read in decimal only, never as 1:30:00 or hex",
    "bool": "YAML 1.2 knows only true and false (yes, no, on and off are text)",
    "null": "YAML 1.2 writes null as null, ~ or nothing",
}
_TAG_HINTS = {
    "int": "write a decimal whole number such as 14000000 (no octal, hex or 1:30 forms)",
    "float": "write a decimal number such as 1.5 or 2e6 (no 1:30:00 or hex forms)",
    "bool": "write true or false",
    "null": "write null, or leave the value empty",
}


def _core_value(kind: str, text: str) -> Any:
    """``text`` read as ``kind`` by YAML 1.2's core schema, or :data:`_NOTCORE`.

    The same rules apply with and without an explicit tag: ``!!int 014000000`` is
    fourteen million (never octal), and hex, octal, binary and sexagesimal forms are
    never numbers. Digits may be grouped with ``_`` as in plain values.
    """
    number = text.replace("_", "")
    try:
        if kind == "int" and _INT.match(text):
            return int(number)
        if kind == "float" and _FLOAT.match(text) and any(c.isdigit() for c in text):
            return float(number)
        if kind == "float" and number.lower().lstrip("+-") in (".inf", ".nan"):
            return float(number.lower().replace(".", ""))
    except ValueError:  # e.g. more digits than Python converts
        return _NOTCORE
    if kind == "bool" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    if kind == "null" and text in ("", "~", "null", "Null", "NULL"):
        return None
    return _NOTCORE

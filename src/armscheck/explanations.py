"""A rule's explanation and advice, filled from the fields of the facts it matched.

A template names fields as ``{name}`` and a fact's context as ``{ctx.name}``; where
several matched facts carry a name, the first fact's value is used, and a name no fact
carries is written as ``<name>``. Only the names a template uses are looked up.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Sequence
from typing import Any

from .facts import Fact

MAX_FIELD_CHARS = 1_500  # longer than any sentence a rule writes; only lists reach it


class _Context:
    """``ctx`` in a template: the matched facts' context values by attribute."""

    __slots__ = ("_facts",)

    def __init__(self, facts: Sequence[Fact]) -> None:
        self._facts = facts

    def __getattr__(self, name: str) -> Any:
        for fact in self._facts:
            if name in fact.context:
                return _short(fact.context[name])
        return f"<{name}>"


class _Fields(dict[str, Any]):
    """The matched facts' fields by name, each looked up when a template asks for it."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        super().__init__()
        self._facts = facts

    def __missing__(self, key: str) -> Any:
        if key == "ctx":
            return _Context(self._facts)
        for fact in self._facts:
            if key in fact.fields:
                return _short(fact.fields[key])
        return f"<{key}>"


def render(template: str, facts: Sequence[Fact]) -> str:
    """Fill a rule's explanation template from the matched facts' fields."""
    obj: Any
    plain = _plain(template)
    if plain is not None:  # names only (the commonest): what the loop below does for them
        out: list[str] = []
        for literal, name in plain:
            out.append(literal)
            if name is None:
                continue
            for fact in facts:
                fields = fact.fields
                if name in fields:
                    obj = fields[name]
                    break
            else:
                out.append(f"<{name}>")
                continue
            if isinstance(obj, str):
                if len(obj) > MAX_FIELD_CHARS:
                    obj = _short(obj)
                out.append(obj if type(obj) is str else format(obj, ""))
            else:
                out.append(format(obj, ""))
        return "".join(out)
    parts = _compiled(template)
    if parts is None:  # positional or nested fields: the general path
        return _FORMATTER.vformat(template, (), _Fields(facts))
    out = []
    for literal, name, attrs, spec, conversion in parts:  # what vformat does, inline
        out.append(literal)
        if name is None:
            continue
        if attrs is None:  # an index: the formatter's own lookup
            obj = _FORMATTER.get_field(name, (), _Fields(facts))[0]
        else:
            if name == "ctx":  # as _Fields looks a name up, written out
                obj = _Context(facts)
            else:
                for fact in facts:
                    if name in fact.fields:
                        obj = fact.fields[name]
                        if isinstance(obj, str) and len(obj) > MAX_FIELD_CHARS:
                            obj = _short(obj)
                        break
                else:
                    obj = f"<{name}>"
            for attr in attrs:
                obj = getattr(obj, attr)
        if conversion is not None:
            obj = _FORMATTER.convert_field(obj, conversion)
        out.append(obj if not spec and type(obj) is str else format(obj, spec))
    return "".join(out)


_FORMATTER = string.Formatter()
# literal text, then the field: its name, its attributes (None: it has an index), spec, conversion
_Part = tuple[str, str | None, tuple[str, ...] | None, str, str | None]


@functools.lru_cache(maxsize=2048)
def _compiled(template: str) -> tuple[_Part, ...] | None:
    """``template`` parsed once; ``None`` when it has positional or nested fields."""
    parts: list[_Part] = []
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        if field is None:
            parts.append((literal, None, None, "", None))
            continue
        first = field.partition(".")[0].partition("[")[0]
        if not first or first.isdigit() or "{" in (spec or ""):
            return None
        name, *attrs = field.split(".")
        if "[" in field or not all(attrs):  # an index or an empty attribute: the general way
            parts.append((literal, field, None, spec or "", conversion))
        else:
            parts.append((literal, name, tuple(attrs), spec or "", conversion))
    return tuple(parts)


@functools.lru_cache(maxsize=2048)
def _plain(template: str) -> tuple[tuple[str, str | None], ...] | None:
    """(literal, name) pairs when every field is a plain name other than ``ctx``, else None."""
    parts = _compiled(template)
    if parts is None or any(p[1] == "ctx" or p[2] or p[3] or p[4] for p in parts):
        return None
    if any(p[1] is not None and p[2] is None for p in parts):  # an index
        return None
    return tuple((p[0], p[1]) for p in parts)


def _short(value: Any) -> Any:
    """A long list written as text cut to :data:`MAX_FIELD_CHARS`, naming how many are left."""
    if not isinstance(value, str) or len(value) <= MAX_FIELD_CHARS:
        return value
    sep = max(("; ", ", "), key=value.count)
    cut = value.rfind(sep, 0, MAX_FIELD_CHARS)
    if cut < 0:
        return value[: MAX_FIELD_CHARS - 1] + "…"
    return f"{value[:cut]} and {value.count(sep, cut):,} more"

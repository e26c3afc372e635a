"""A rule's explanation and advice, filled from the fields of the facts it matched.

A template names fields as ``{name}`` and a fact's context as ``{ctx.name}``; where
several matched facts carry a name, the first fact's value is used, and a name no fact
carries is written as ``<name>``. Only the names a template uses are looked up.
"""

from __future__ import annotations

import functools
import operator
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


def _value(facts: Sequence[Fact], name: str) -> Any:
    """What ``{name}`` stands for: the first matched fact's field (a long list cut short)."""
    if name == "ctx":
        return _Context(facts)
    for fact in facts:
        fields = fact.fields
        if name in fields:
            value = fields[name]
            if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                return _short(value)
            return value
    return f"<{name}>"


class _Fields(dict[str, Any]):
    """The matched facts' fields by name, each looked up when a template asks for it."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        super().__init__()
        self._facts = facts

    def __missing__(self, key: str) -> Any:
        return _value(self._facts, key)


def render(template: str, facts: Sequence[Fact]) -> str:
    """Fill a rule's explanation template from the matched facts' fields."""
    compiled = _compiled(template)
    if compiled is None:  # positional or nested fields: the general path
        return _FORMATTER.vformat(template, (), _Fields(facts))
    text, names, whole = compiled
    if not names:  # the text itself, made once (see _compiled)
        return text
    if len(facts) != 1:
        return text.format(*[_value(facts, name) for name in names])
    # one fact (the usual case): its fields read in line, short text as it is
    fields = facts[0].fields
    if whole is not None:  # each value written whole: none longer than the sentence
        try:
            out = text.format(*whole(fields)) if len(names) > 1 else text.format(whole(fields))
        except KeyError:  # a name the fact does not carry
            pass
        else:
            if len(out) <= MAX_FIELD_CHARS:
                return out
    values = []
    for name in names:
        value = fields.get(name, _ABSENT)
        if (
            value is _ABSENT
            or name == "ctx"
            or (isinstance(value, str) and len(value) > MAX_FIELD_CHARS)
        ):
            value = _value(facts, name)
        values.append(value)
    return text.format(*values)


_ABSENT = object()  # a name the fact does not carry


_FORMATTER = string.Formatter()


@functools.lru_cache(maxsize=2048)
def _compiled(template: str) -> tuple[str, tuple[str, ...], Any] | None:
    """``template`` with each field's name made a position, the names in order, and ``whole``.

    Formatting the result with each name's value gives what the general formatter gives
    (attributes, indexes, conversions and specs stay as written); ``None`` when the
    template has positional or nested fields. A template naming no field gives the text
    it stands for, already formatted: one object, the same at every use. ``whole`` (else
    ``None``) gives the names' values from a fact's fields, when no field is ``ctx`` or has
    an attribute, an index or a spec: each value's text is then written whole (or longer,
    converted), so a sentence no longer than :data:`MAX_FIELD_CHARS` holds no text value
    longer than that.
    """
    text: list[str] = []
    names: list[str] = []
    whole = True
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        text.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is None:
            continue
        first = field.partition(".")[0].partition("[")[0]
        if not first or first.isdigit() or "{" in (spec or ""):
            return None
        text.append(f"{{{len(names)}{field[len(first) :]}")
        text.append(f"!{conversion}" if conversion else "")
        text.append(f":{spec}}}" if spec else "}")
        names.append(first)
        whole = whole and field == first != "ctx" and not spec
    if not names:
        return "".join(text).format(), (), None
    return "".join(text), tuple(names), operator.itemgetter(*names) if whole else None


def _short(value: Any) -> Any:
    """A long list written as text cut to :data:`MAX_FIELD_CHARS`, naming how many are left."""
    if not isinstance(value, str) or len(value) <= MAX_FIELD_CHARS:
        return value
    sep = max(("; ", ", "), key=value.count)
    cut = value.rfind(sep, 0, MAX_FIELD_CHARS)
    if cut < 0:
        return value[: MAX_FIELD_CHARS - 1] + "…"
    return f"{value[:cut]} and {value.count(sep, cut):,} more"

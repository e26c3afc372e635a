"""A rule's ``when`` patterns and its message templates, checked against the fact kinds."""

from __future__ import annotations

import string
from typing import Any

from ..facts import FactKind, Family
from ..records import record
from ..transfer.values import suggest

PATTERN_KEYS = {"fact", "where", "as"}


OPERATORS = {"eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "ref"}


@record(frozen=True)
class Pattern:
    """One fact pattern of a rule: a fact kind and conditions on its fields."""

    alias: str
    kind: str
    where: tuple[tuple[str, str, Any], ...]  # (field, operator, value)


class _Anything:
    """A stand-in for a template's ``ctx`` values: any attribute, any format."""

    def __getattr__(self, name: str) -> _Anything:
        return self

    def __getitem__(self, key: Any) -> _Anything:
        return self

    def __format__(self, spec: str) -> str:
        return "x"


_SAMPLE: dict[str, Any] = {"str": "x", "int": 1, "float": 1.5, "bool": True}


def check_template(
    template: str, path: tuple[str | int, ...], types: dict[str, str], fail: Any
) -> None:
    """Refuse a template that names unknown fields or cannot be filled."""
    fields = set(types) | {"key"}
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise fail(
            path, f"malformed template ({exc})", "write '{{' and '}}' for literal braces"
        ) from None
    for _, name, _, _ in parsed:
        if name is None:
            continue
        root = name.partition(".")[0].partition("[")[0]  # the name before any . or [
        if root != "ctx" and (root not in fields or name != root):
            raise fail(
                path,
                f"template field {{{name}}} is not a fact field",
                suggest(root, fields) or f"fields: {', '.join(sorted(fields))}",
            )
    sample = {f: _SAMPLE.get(t, "x") for f, t in types.items()}
    sample.update(key="x", ctx=_Anything())
    try:
        template.format_map(sample)  # as string.Formatter fills it, in C; for an error, see below
        return
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        pass
    try:
        string.Formatter().vformat(template, (), sample)  # its own words for what is wrong
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise fail(
            path, f"the template cannot be filled ({exc})", "fix the {field} syntax"
        ) from None


def read_when(
    raw: Any, kinds: dict[str, FactKind], family: Family, fail: Any
) -> tuple[Pattern, ...]:
    """The rule's ``when`` list as patterns on the family's fact kinds; ``fail`` locates errors."""
    if not isinstance(raw, dict):
        raise fail(
            ("when",),
            "'when' must be a mapping",
            "e.g. when: {fact: embargo-party, where: {role: supplier}}",
        )
    entries = raw.get("all") if "all" in raw else [raw]
    if not isinstance(entries, list) or not entries:
        raise fail(
            ("when",),
            "'when' needs a fact pattern",
            "e.g. when: {fact: embargo-party, where: {role: supplier}}",
        )
    out = []
    for i, entry in enumerate(entries):
        path = ("when",) if len(entries) == 1 and "all" not in raw else ("when", "all", i)
        if not isinstance(entry, dict) or "fact" not in entry:
            raise fail(path, "a pattern needs 'fact: <kind>'", "name the fact kind it matches")
        for key in entry:
            if key not in PATTERN_KEYS:
                tip = suggest(str(key), PATTERN_KEYS) or "a pattern has fact, where and as"
                raise fail((*path, key), f"unknown key {key!r} in a pattern", tip)
        kind = str(entry["fact"])
        if kind not in kinds:
            raise fail(
                (*path, "fact"),
                f"unknown fact kind {kind!r}",
                suggest(kind, set(kinds)) or f"kinds: {', '.join(sorted(kinds))}",
            )
        spec = kinds[kind]
        conds: list[tuple[str, str, Any]] = []
        where = entry.get("where") or {}
        if not isinstance(where, dict):
            raise fail(
                (*path, "where"),
                "'where' must be a mapping of field conditions",
                "e.g. where: {role: supplier, items_in_scope: true}",
            )
        for name, cond in where.items():
            if name not in spec.fields:
                raise fail(
                    (*path, "where", name),
                    f"{kind} facts have no field {name!r}",
                    suggest(name, set(spec.fields)) or f"fields: {', '.join(spec.fields)}",
                )
            if isinstance(cond, dict):
                if len(cond) != 1 or next(iter(cond)) not in OPERATORS:
                    raise fail(
                        (*path, "where", name),
                        f"bad condition {cond!r}",
                        f"use one operator of: {', '.join(sorted(OPERATORS))}",
                    )
                op, value = next(iter(cond.items()))
            else:
                op, value = "eq", cond
            if op in ("in", "not_in") and (not isinstance(value, list) or not value):
                raise fail((*path, "where", name), f"'{op}' needs a non-empty list", "e.g. [a, b]")
            conds.append((str(name), str(op), value))
        out.append(Pattern(str(entry.get("as") or f"m{i}"), kind, tuple(conds)))
    return tuple(out)

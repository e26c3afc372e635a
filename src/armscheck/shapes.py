"""A fact's declared shape: whether each fact has exactly its kind's fields, typed.

:func:`check_fact` judges a fact and says what is wrong with it; :func:`fits` is its quick
form for the facts every check makes, from each kind's shape made once by :func:`fact_shapes`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .facts import Fact, FactKind

FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "str": str,
    "int": int,
    "float": (int, float),
    "bool": bool,
}
RESERVED = {"id", "sid", "kind", "key", "date_ord"}


def check_fact(fact: Fact, kinds: Mapping[str, FactKind]) -> None:
    """Raise ``ValueError`` unless ``fact`` has exactly its kind's fields, typed."""
    spec = kinds.get(fact.kind)
    if spec is None:
        raise ValueError(f"fact {fact.key!r} has undeclared kind {fact.kind!r}")
    clash = RESERVED & set(fact.fields)
    if clash:
        raise ValueError(f"fact {fact.key!r} uses reserved field names {sorted(clash)}")
    missing = set(spec.fields) - set(fact.fields)
    extra = set(fact.fields) - set(spec.fields)
    if missing or extra:
        raise ValueError(
            f"fact {fact.key!r} ({fact.kind}): missing {sorted(missing)}, "
            f"undeclared {sorted(extra)}"
        )
    for name, type_name in spec.fields.items():
        value = fact.fields[name]
        want = FIELD_TYPES[type_name]
        if isinstance(value, bool) and type_name != "bool" or not isinstance(value, want):
            raise ValueError(
                f"fact {fact.key!r}: field {name!r} must be {type_name}, got {value!r}"
            )


# field names; each field's name and exact types; the names in declared order, and each one's
# usual type (``float`` for a float field, which takes an int too): those two as lists, which a
# fact's own are compared with as lists (made with fewer steps than tuples)
Shape = tuple[frozenset[str], tuple[tuple[str, frozenset[type]], ...], list[str], list[type]]
# the exact types each field type name accepts on the fast path of :func:`fits`; a value of
# another type (a subclass, say) is left to :func:`check_fact`, which judges it the same way
_EXACT: dict[str, frozenset[type]] = {
    "str": frozenset({str}),
    "int": frozenset({int}),
    "float": frozenset({int, float}),
    "bool": frozenset({bool}),
}
_USUAL: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


def fact_shapes(kinds: Mapping[str, FactKind]) -> dict[str, Shape]:
    """Each kind's field names and types, for :func:`fits`.

    A kind that uses a reserved name or an unknown type is left out: only
    :func:`check_fact` judges its facts (and says what is wrong).
    """
    out: dict[str, Shape] = {}
    for kind, spec in kinds.items():
        items = tuple(spec.fields.items())
        if not RESERVED & set(spec.fields) and all(t in FIELD_TYPES for _, t in items):
            out[kind] = (
                frozenset(spec.fields),
                tuple((n, _EXACT[t]) for n, t in items),
                [n for n, _ in items],
                [_USUAL[t] for _, t in items],
            )
    return out


def fits(fact: Fact, shapes: Mapping[str, Shape]) -> bool:
    """Whether ``fact`` surely has exactly its kind's fields, typed (as :func:`check_fact` asks).

    ``False`` means "not sure": the caller then asks :func:`check_fact`.
    """
    shape = shapes.get(fact.kind)
    if shape is None:
        return False
    names, types, order, usual = shape
    fields = fact.fields
    if [*map(type, fields.values())] == usual and [*fields] == order:
        return True  # (the usual case, at once) the declared names in order, of the usual types
    if fields.keys() != names:
        return False
    for name, exact in types:
        if type(fields[name]) not in exact:
            return False
    return True

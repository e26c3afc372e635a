"""OFAC programme tags and the law behind them (``rules/lists/ofac-programs.yaml``)."""

from __future__ import annotations

from typing import Any

from ..facts import Citation, Context, list_citations


def programs(ctx: Context) -> dict[str, dict[str, Any]]:
    """Each programme tag's row, by tag."""
    rows = ctx.reference.get("ofac-programs").data.get("programs") or []
    return {str(r["tag"]): r for r in rows if isinstance(r, dict) and r.get("tag")}


def blocking_citations(ctx: Context, tags: tuple[str, ...]) -> tuple[Citation, ...]:
    """The blocking regulations of an SDN entry's programmes (IEEPA when none is known)."""
    rows = programs(ctx)
    out: list[Citation] = []
    for tag in tags:
        out.extend(list_citations((rows.get(tag) or {}).get("blocking")))
    if not out:
        default = ctx.reference.get("ofac-programs").data.get("default_blocking") or {}
        out.extend(list_citations(default.get("citations")))
    return tuple(dict.fromkeys(out))


def caatsa_tags(ctx: Context, tags: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    """The programmes of an SDN entry that are CAATSA sanctions or codified by CAATSA."""
    rows = programs(ctx)
    return [(t, rows[t]) for t in tags if (rows.get(t) or {}).get("caatsa")]

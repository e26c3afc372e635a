"""Lint of the reference lists: every entry of the law is linked to a primary source.

An entry is any mapping inside a list of a law list file (not the `sources` or `citations`
themselves). It is covered when it, or a mapping that contains it, has `citations` with an
https:// link, or when it only groups entries that are each covered (a country whose dated
phases each cite their rule). Every entry marked `unconfirmed: true` says in its `note` what
is uncertain.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "rules" / "lists"
# Vocabularies, not law: country codes, item categories, the systems catalogue.
VOCABULARIES = {"countries", "categories", "systems"}
# Lists with entries still to be linked; strict, so that fixing them makes this fail until the
# mark is removed.
PENDING: dict[str, str] = {}
LAW_LISTS = sorted(p for p in LISTS.glob("*.yaml") if p.stem not in VOCABULARIES)
Path_ = tuple[str | int, ...]


UNEXPLAINED: dict[str, str] = {}


def _params(pending: dict[str, str]) -> list[Any]:
    return [
        pytest.param(
            p,
            id=p.stem,
            marks=[pytest.mark.xfail(strict=True, reason=pending[p.stem])]
            if p.stem in pending
            else [],
        )
        for p in LAW_LISTS
    ]


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _where(path: Path, at: Path_) -> str:
    return f"rules/lists/{path.name}: " + "".join(
        f"[{p}]" if isinstance(p, int) else f".{p}" for p in at
    )


def _cited(node: dict[str, Any]) -> bool:
    """Whether ``node`` has a citation that links to an https:// address."""
    cites = node.get("citations") or []
    return any(isinstance(c, dict) and str(c.get("url", "")).startswith("https://") for c in cites)


def _uncovered(node: Any, at: Path_, covered: bool) -> Iterator[Path_]:
    """Paths of entries with no citation on themselves, an ancestor, or all their children."""
    if isinstance(node, dict):
        covered = covered or _cited(node)
        for key, value in node.items():
            if key not in ("citations", "sources"):
                yield from _uncovered(value, (*at, key), covered)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if not isinstance(value, dict):
                continue
            here = (*at, i)
            inner = list(_uncovered(value, here, covered or _cited(value)))
            has_entries = any(
                isinstance(v, list) and any(isinstance(e, dict) for e in v) for v in value.values()
            )
            if not (covered or _cited(value) or (has_entries and not inner)):
                yield here
            else:
                yield from inner


def _citations(node: Any, at: Path_ = ()) -> Iterator[tuple[Path_, dict[str, Any]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "citations" and isinstance(value, list):
                for i, c in enumerate(value):
                    yield (*at, key, i), c
            else:
                yield from _citations(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _citations(value, (*at, i))


def _unconfirmed(node: Any, at: Path_ = ()) -> Iterator[tuple[Path_, dict[str, Any]]]:
    if isinstance(node, dict):
        if node.get("unconfirmed") is True:
            yield at, node
        for key, value in node.items():
            yield from _unconfirmed(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _unconfirmed(value, (*at, i))


@pytest.mark.parametrize("path", _params(PENDING))
def test_every_list_entry_has_a_primary_source_link(path: Path) -> None:
    missing = list(_uncovered(_load(path), (), False))
    assert not missing, (
        f"{_where(path, missing[0])}: add 'citations' (instrument, pinpoint, https url of the "
        f"primary source) - {len(missing)} entries lack one"
    )


@pytest.mark.parametrize("path", _params(UNEXPLAINED))
def test_unconfirmed_entries_say_what_is_uncertain(path: Path) -> None:
    for at, node in _unconfirmed(_load(path)):
        assert any(node.get(k) for k in ("note", "membership_notes", "notes")), (
            f"{_where(path, at)}: an entry marked 'unconfirmed: true' needs a 'note' saying what "
            "could not be confirmed"
        )

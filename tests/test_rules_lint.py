"""Lint of the rulebook itself: ids, citations, dates, explanations, list sources.

Each failure message names the file and says how to fix it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from armscheck.api import load_checker
from armscheck.regression.coverage import rule_coverage
from armscheck.regression.runner import scenario_files

ROOT = Path(__file__).resolve().parents[1]
RULE_FILES = sorted(
    p for p in (ROOT / "rules").glob("*/*.yaml") if p.parent.name != "lists" and p.stem != "index"
)
LIST_FILES = sorted((ROOT / "rules" / "lists").glob("*.yaml"))


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", RULE_FILES, ids=_rel)
def test_rule_file_is_complete(path: Path) -> None:
    rule = _load(path)
    where = _rel(path)
    assert rule.get("id") == f"{path.parent.name}/{path.stem}", (
        f"{where}: id must be '{path.parent.name}/{path.stem}' (folder/file stem)"
    )
    assert str(rule.get("explanation") or "").strip(), f"{where}: add a non-empty 'explanation'"
    assert str(rule.get("title") or "").strip(), f"{where}: add a one-line 'title'"
    cites = rule.get("citations") or []
    assert cites, f"{where}: add at least one citation with instrument and url"
    for c in cites:
        assert str(c.get("url", "")).startswith("https://"), (
            f"{where}: citation {c.get('instrument')!r} needs an https:// 'url'"
        )
    start = dt.date.fromisoformat(str(rule.get("effective_from")))
    end = rule.get("effective_to")
    assert end is None or dt.date.fromisoformat(str(end)) > start, (
        f"{where}: effective_to must be after effective_from (or null)"
    )
    dt.date.fromisoformat(str(rule.get("last_reviewed")))


def test_rule_ids_are_unique() -> None:
    ids = [_load(p).get("id") for p in RULE_FILES]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, f"duplicate rule ids {sorted(dupes)}: rename one of each pair"


def _citations(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "citations" and isinstance(v, list):
                out += [(f"{path}.{k}[{i}]", c) for i, c in enumerate(v)]
            else:
                out += _citations(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _citations(v, f"{path}[{i}]")
    return out


@pytest.mark.parametrize("path", LIST_FILES, ids=_rel)
def test_list_file_has_sources_and_review_date(path: Path) -> None:
    data = _load(path)
    where = _rel(path)
    assert data.get("title"), f"{where}: add a 'title'"
    dt.date.fromisoformat(str(data.get("last_reviewed")))
    sources = data.get("sources") or []
    assert sources and all(s.get("title") and s.get("url") for s in sources), (
        f"{where}: 'sources' needs entries with title and url"
    )
    for at, cite in _citations(data):
        assert cite.get("instrument"), f"{where}{at}: a citation needs an 'instrument'"
        assert str(cite.get("url", "")).startswith("http"), (
            f"{where}{at}: citation {cite.get('instrument')!r} needs a 'url'"
        )


def test_every_rule_fires_and_stays_silent_in_some_scenario() -> None:
    coverage = rule_coverage(load_checker(), scenario_files([ROOT / "scenarios"]))
    missing = [
        f"{c.rule}: no scenario fires it; add one under scenarios/real/"
        for c in coverage
        if not c.fires
    ]
    missing += [
        f"{c.rule}: no scenario keeps it silent; add a near miss or list it in "
        "a scenario's expect.not_rules"
        for c in coverage
        if not c.silent
    ]
    assert not missing, "\n".join(missing)


def test_every_seed_is_cited_by_a_scenario() -> None:
    seeds = sorted(p.name for p in (ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("shared/seeds is not beside this checkout")
    text = "\n".join(p.read_text() for p in (ROOT / "scenarios").rglob("*.yaml"))
    uncited = [s for s in seeds if s not in text]
    assert not uncited, f"no scenario's source: names {uncited}; add one under scenarios/seeds/"

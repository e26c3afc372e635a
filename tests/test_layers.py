"""Import rules that keep the design honest.

* the library never imports the presentation layer (cli, report) or rich;
* durable-rules is imported only by engine.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "armscheck"
PRESENTATION = {"cli", "report", "__main__.py"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            sep = "" if base.endswith(".") else "."
            names.add(base)
            names |= {f"{base}{sep}{a.name}" for a in node.names}
    return names


def _is_library(path: Path) -> bool:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] not in PRESENTATION


@pytest.mark.parametrize(
    "path", [p for p in _modules() if _is_library(p)], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_library_does_not_import_presentation(path: Path) -> None:
    bad = {
        n
        for n in _imports(path)
        if n.split(".")[0] == "rich" or ".cli" in n or ".report" in n or n in (".report",)
    }
    assert not bad, f"{path.name} imports {sorted(bad)}: move the rendering to report/ or cli"


def test_only_the_engine_imports_durable() -> None:
    roots = {"durable", "durable_rules_engine"}
    users = [p.name for p in _modules() if any(n.split(".")[0] in roots for n in _imports(p))]
    assert users == ["engine.py"], f"durable-rules must stay behind engine.py, found {users}"

"""Import rules that keep the design honest, read from the source with ``ast``.

* no import cycles anywhere in the package (every import counts, lazy or for typing);
* the library never imports the presentation layer (``cli/``, ``report/``);
* only ``report/`` and ``cli/`` import rich; only ``engine.py`` imports durable-rules;
* no family imports another family's modules;
* no module is longer than ``MAX_LINES``, and no file name repeats its folder's name.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "armscheck"
PRESENTATION = ("cli", "report")
MAX_LINES = 300
# Modules still being split along their seams, with the length they may not grow past.
NOT_YET_SPLIT: dict[str, int] = {}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    """The dotted module name of ``path`` (a package is named by its folder)."""
    parts = ("armscheck", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _known() -> frozenset[str]:
    return frozenset(_name(p) for p in _modules())


def _package_of(path: Path) -> str:
    name = _name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


@cache
def _imports(path: Path) -> frozenset[str]:
    """Every absolute module name that ``path`` imports, relative imports resolved.

    ``from X import Y`` counts as an import of ``X.Y`` when that is a module, else of ``X``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(path).split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                full = f"{module}.{alias.name}"
                out.add(full if full in _known() else module)
    return frozenset(out)


def _graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports."""
    return {
        _name(p): {n for n in _imports(p) if n in _known() and n != _name(p)} for p in _modules()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _top(name: str) -> str:
    """The first folder or module under armscheck: ``cli``, ``families``, ``engine``..."""
    return name.split(".")[1] if name.count(".") else ""


def _family(name: str) -> str | None:
    """The family a module belongs to (``armscheck.families.<family>...``), if any."""
    parts = name.split(".")
    if len(parts) > 2 and parts[1] == "families" and (PACKAGE / "families" / parts[2]).is_dir():
        return parts[2]
    return None


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_relative_imports_are_resolved() -> None:
    imports = _imports(PACKAGE / "families" / "congress" / "__init__.py")
    assert "armscheck.facts" in imports
    assert "armscheck.families.congress.thresholds" in imports


def test_no_import_cycles() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles: " + "; ".join(" ↔ ".join(c) for c in cycles)


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if _top(_name(p)) not in PRESENTATION and p.name != "__main__.py"],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_library_does_not_import_presentation(path: Path) -> None:
    bad = {
        n
        for n in _imports(path)
        if n.split(".")[0] == "rich" or (n.startswith("armscheck.") and _top(n) in PRESENTATION)
    }
    assert not bad, f"{path.name} imports {sorted(bad)}: move the rendering to report/ or cli/"


def test_only_report_and_cli_import_rich() -> None:
    users = {
        _name(p)
        for p in _modules()
        if any(n.split(".")[0] == "rich" for n in _imports(p))
        and _top(_name(p)) not in PRESENTATION
    }
    assert not users, f"rich belongs to report/ and cli/, found in {sorted(users)}"


def test_only_the_engine_imports_durable() -> None:
    roots = {"durable", "durable_rules_engine"}
    users = [_name(p) for p in _modules() if any(n.split(".")[0] in roots for n in _imports(p))]
    assert users == ["armscheck.engine"], f"durable-rules must stay behind engine.py: {users}"


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if _family(_name(p))],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_no_family_imports_another(path: Path) -> None:
    mine = _family(_name(path))
    others = {n for n in _imports(path) if _family(n) not in (None, mine)}
    assert not others, (
        f"{path.name} ({mine}) imports {sorted(others)}: share it beside the families"
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    if path.name == "recordinits.py":  # written by tests/test_recordinits.py
        return
    lines = len(path.read_text(encoding="utf-8").splitlines())
    limit = NOT_YET_SPLIT.get(str(path.relative_to(PACKAGE).as_posix()), MAX_LINES)
    assert lines <= limit, f"{lines} lines: split it along a seam (at most {MAX_LINES})"


def test_no_file_name_repeats_its_folder() -> None:
    bad = [
        str(p.relative_to(PACKAGE))
        for p in _modules()
        if p.parent != PACKAGE and p.parent.name in p.stem
    ]
    assert not bad, f"name files for what they hold, not for their folder: {bad}"


def test_every_package_is_installed() -> None:
    """A non-editable install ships every package: pyproject lists each folder of src/."""
    import re

    text = (PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(armscheck[\w.]*)"', text.split("packages = [", 1)[1].split("]")[0]))
    folders = {_name(p) for p in _modules() if p.name == "__init__.py"}
    assert folders <= listed, f"add to pyproject's packages: {sorted(folders - listed)}"

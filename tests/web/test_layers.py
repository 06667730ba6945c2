"""The web package's modules import one another without a cycle (imports inside functions count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dateline

SRC = Path(dateline.__file__).resolve().parent


def module_imports(package: str) -> dict[str, set[str]]:
    """For each module of `package` (dotted, under dateline), the modules of `package` it imports."""
    folder = SRC.joinpath(*package.split(".")[1:])
    modules = {
        ".".join([package, *path.relative_to(folder).with_suffix("").parts]).removesuffix(".__init__")
        for path in folder.rglob("*.py")
    }
    found: dict[str, set[str]] = {}
    for name in modules:
        relative = name.split(".")[1:]
        path = SRC.joinpath(*relative).with_suffix(".py")
        if not path.exists():
            path = SRC.joinpath(*relative, "__init__.py")
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        found[name] = {t for t in targets if t in modules and t != name and t != package}
    return found


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of `graph` as the modules along it (first repeated at the end), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
    ],
)
def test_cycle_finds_a_loop_or_none(graph: dict[str, set[str]], expected: list[str]) -> None:
    assert cycle(graph) == expected


def test_web_has_no_import_cycle() -> None:
    graph = module_imports("dateline.web")
    assert "dateline.web.data" in graph["dateline.web.pages"]  # the walk sees the imports at all
    assert cycle(graph) == []


def test_views_never_import_the_app() -> None:
    graph = module_imports("dateline.web")
    importers = sorted(name for name, targets in graph.items() if "dateline.web.app" in targets)
    assert importers == []

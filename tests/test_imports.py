"""No import cycles inside the package: the graph of dateline modules importing dateline modules is acyclic.

Every `import` and `from ... import` of a dateline module counts, at any depth (imports inside functions
too), except those under `if TYPE_CHECKING:`, which never run. `from P import n` is an edge to the module
`P.n` when that is a module, else to `P`. A cycle makes import order matter and hides which module is the
lower layer; break it by moving the shared piece down, not by importing inside a function.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dateline"


def _module_names(root: Path) -> dict[str, Path]:
    """Every module of the package under `root` by dotted name ("dateline.nlp.events" -> its file)."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """The import statements of `tree` at any depth, leaving out the bodies of `if TYPE_CHECKING:`."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return found


def _imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package modules that module `name` (the file `path`) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            child = f"{base}.{alias.name}"
            targets.add(child if child in modules else base)
    return {target for target in targets if target in modules}


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package modules it imports, for every module of the package at `root`."""
    modules = _module_names(root)
    return {name: _imported(name, path, modules) - {name} for name, path in modules.items()}


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of two or more modules (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return sorted((c for c in components if len(c) > 1), key=min)


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (modules, the first repeated at the end) per tangle: the shortest through its first module."""
    return sorted(_shortest_cycle(graph, component) for component in tangles(graph))


def _shortest_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    start = min(component)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph.get(node, set()) & component):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no cycle through {start} in its component")  # unreachable for a real component


@pytest.mark.parametrize(
    "graph, expected",
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b", "a"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c", "a"]]),
        (
            {"x": {"y"}, "y": {"x"}, "p": {"q"}, "q": {"r"}, "r": {"p", "x"}},
            [["p", "q", "r", "p"], ["x", "y", "x"]],
        ),
        ({"a": {"b", "d"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "d", "a"]]),
    ],
)
def test_find_cycles_on_small_graphs(graph, expected):
    assert find_cycles(graph) == expected


@pytest.mark.parametrize(
    "files, expected",
    [
        (
            {"__init__.py": "", "a.py": "from pkg import b\n", "b.py": "import pkg.a\n"},
            [["pkg.a", "pkg.b", "pkg.a"]],
        ),
        (
            {"__init__.py": "", "a.py": "def f():\n    from .b import g\n", "b.py": "from pkg.a import f\n"},
            [["pkg.a", "pkg.b", "pkg.a"]],
        ),
        (
            {
                "__init__.py": "",
                "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import g\n",
                "b.py": "from pkg.a import f\n",
            },
            [],
        ),
        (
            {
                "__init__.py": "from pkg.a import f\n",
                "a.py": "from pkg.sub.c import h\n",
                "sub/__init__.py": "",
                "sub/c.py": "from ..a import f\n",
            },
            [["pkg.a", "pkg.sub.c", "pkg.a"]],
        ),
    ],
)
def test_import_graph_finds_a_planted_cycle(tmp_path, files, expected):
    for name, text in files.items():
        (tmp_path / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pkg" / name).write_text(text, encoding="utf-8")
    assert find_cycles(import_graph(tmp_path / "pkg")) == expected


def test_import_graph_sees_the_package():
    graph = import_graph()
    assert {"dateline.nlp.events", "dateline.errors"} <= graph["dateline.nlp.pipeline"]
    assert "dateline.nlp.pipeline" in graph["dateline.scale.workers"]  # imported inside a function


def test_no_import_cycles():
    graph = import_graph()
    found = [
        " -> ".join(_shortest_cycle(graph, component)) + f"  (tangle: {', '.join(sorted(component))})"
        for component in tangles(graph)
    ]
    assert not found, "import cycles in src/dateline:\n" + "\n".join(found)


def test_web_views_never_import_the_app():
    """The web's layering: `app` assembles the views; `pages`, `api` and what they use never import it."""
    graph = import_graph()
    assert "dateline.web.context" in graph["dateline.web.pages"]  # the walk sees the web's imports at all
    web = {name: targets for name, targets in graph.items() if name.startswith("dateline.web")}
    importers = sorted(name for name, targets in web.items() if "dateline.web.app" in targets)
    assert importers == []


def test_scripts_never_shadow_the_standard_library():
    """A script runs with its own folder first on `sys.path`: `bench/profile.py` once hid the standard
    library's `profile`, so that `cProfile`, which the model's libraries import, failed on import."""
    root = Path(__file__).resolve().parents[1]
    scripts = sorted(path for folder in ("bench", "scripts") for path in (root / folder).glob("*.py"))
    assert scripts, "no scripts found under bench/ and scripts/"
    shadowing = [str(path.relative_to(root)) for path in scripts if path.stem in sys.stdlib_module_names]
    assert shadowing == []

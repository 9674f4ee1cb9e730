"""The package's layout is its flow: reading -> catalogue -> extraction -> building -> across -> flow -> views.

Every ``analysis`` import, lazy ones inside functions included, must point to the importer's own layer or an
earlier one (views may read everything; extraction never reads views or the build), and no group of modules
may import each other in a circle. A new upward import or circle fails here with the line that made it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

#: Each layer and the layers it may import (itself and every earlier one). The foundation, ``datafiles``
#: (reading packaged data files), is read by all; the entry points (``analysis/__init__``, the CLI, the
#: evaluation against gold sets, the README generator) may read everything.
LAYERS = (
    "analysis.datafiles",
    "analysis.reading",
    "analysis.catalogue",
    "analysis.extraction",
    "analysis.building",
    "analysis.across",
    "analysis.flow",
    "analysis.views",
)
ENTRY_POINTS = ("analysis", "analysis.__main__", "analysis.cli", "analysis.evaluation", "analysis.readme")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py")) if "__pycache__" not in path.parts}


def imports(path: Path, known: set[str]) -> list[tuple[str, int]]:
    """The ``analysis`` modules a file imports, with the line of each import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names if alias.name.split(".")[0] == "analysis"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "analysis":
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.append((child if child in known else node.module, node.lineno))
    return found


def layer(module: str) -> int | None:
    """The position of ``module``'s layer in :data:`LAYERS`; None for an entry point."""
    for rank, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return rank
    assert module in ENTRY_POINTS, f"{module} belongs to no layer: add it to a layer's folder"
    return None


def upward_imports(root: Path) -> list[str]:
    found = modules(root)
    problems = []
    for module, path in found.items():
        own = layer(module)
        for target, line in imports(path, set(found)):
            theirs = layer(target)
            if own is not None and (theirs is None or theirs > own):
                problems.append(f"{path.relative_to(root.parent)}:{line}: {module} ({LAYERS[own]}) imports {target}")
    return problems


def circles(root: Path) -> list[list[str]]:
    """Groups of modules that import each other in a circle (a package's ``__init__`` re-exporting its own
    modules, which import each other but not the ``__init__``, is no circle)."""
    found = modules(root)
    graph = {m: sorted({t for t, _ in imports(p, set(found)) if t != m}) for m, p in found.items()}
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, []):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def test_every_import_points_down_the_flow():
    assert upward_imports(PACKAGE) == []


def test_no_modules_import_each_other_in_a_circle():
    assert circles(PACKAGE) == []


@pytest.mark.parametrize(
    "importer, line, expected",
    [
        ("extraction/planted.py", "from analysis.views import charts\n", "imports analysis.views.charts"),
        ("reading/planted.py", "import analysis.building.schema\n", "imports analysis.building.schema"),
        ("building/planted.py", "from analysis.flow import build\n", "imports analysis.flow"),
    ],
)
def test_a_planted_upward_import_is_found(tmp_path, importer, line, expected):
    root = tmp_path / "analysis"
    for layer_folder in ("reading", "extraction", "building", "views/charts"):
        (root / layer_folder).mkdir(parents=True, exist_ok=True)
        (root / layer_folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "flow.py").write_text("")
    (root / "building" / "schema.py").write_text("")
    (root / importer).write_text(line)
    problems = upward_imports(root)
    assert len(problems) == 1 and problems[0].endswith(expected)


def test_a_planted_circle_is_found(tmp_path):
    root = tmp_path / "analysis"
    (root / "extraction").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "extraction" / "__init__.py").write_text("")
    (root / "extraction" / "a.py").write_text("from analysis.extraction.b import x\n")
    (root / "extraction" / "b.py").write_text("def f():\n    from analysis.extraction import a\n")
    assert circles(root) == [["analysis.extraction.a", "analysis.extraction.b"]]

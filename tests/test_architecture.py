"""The layout's rules, checked on the source: no module imports from a
layer above its own, the generators and the recognizer (mirrors of each
other) do not import each other, and no modules import each other in a
circle. Registries import their block and kind modules by discovery
(importlib), which is not an import of a layer above."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lowest first, by package or module (the longest name that matches counts);
# a package may import its own layer's other packages except the pairs in
# PEERS_FORBIDDEN. The worker pool is a supervisor that knows no document
# (converters run LibreOffice on it); its jobs are what render and import.
LAYERS = (
    ("nd30", "workers"),
    ("schemas",),
    ("generators", "recognizer", "converters", "companions"),
    ("workers.jobs", "publishing"),
    ("api", "web", "cli"),
    ("app", "serve"),
)
PEERS_FORBIDDEN = {("generators", "recognizer"), ("recognizer", "generators"),
                   ("generators", "converters"), ("recognizer", "converters"),
                   ("converters", "generators"), ("converters", "recognizer")}
SKIPPED = {"tests", "bench", "frontend", "static", "templates", "docs", "examples", "scripts", "deploy"}


def layer_of(module: str) -> int | None:
    """The layer of the longest entry of LAYERS that is ``module`` or holds it."""
    matches = [(len(name), index) for index, names in enumerate(LAYERS) for name in names
               if module == name or module.startswith(name + ".")]
    return max(matches)[1] if matches else None


def unit_of(module: str) -> str:
    """The LAYERS entry ``module`` belongs to ("workers.jobs", "recognizer")."""
    return max((name for names in LAYERS for name in names if module == name or module.startswith(name + ".")),
               key=len, default=module.split(".")[0])


def project_modules() -> dict[str, Path]:
    modules = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in SKIPPED or relative.parts[0].startswith("."):
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _run_time_nodes(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:`` (annotations only)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and getattr(child.test, "id", None) == "TYPE_CHECKING":
                pending.extend(child.orelse)
            else:
                pending.append(child)


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Project modules that ``name`` imports at module level or in functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def test_every_top_level_package_has_a_layer():
    unknown = {name.split(".")[0] for name in project_modules()} - {p for layer in LAYERS for p in layer}
    assert not unknown, f"put these in LAYERS: {unknown}"


def test_no_module_imports_from_a_layer_above_its_own():
    wrong = []
    for module, targets in graph().items():
        own = unit_of(module)
        for target in targets:
            other = unit_of(target)
            if other == own:
                continue
            if layer_of(other) > layer_of(own) or (own, other) in PEERS_FORBIDDEN:
                wrong.append(f"{module} → {target}")
    assert not wrong


def test_no_import_cycles():
    edges = graph()
    # Importing a package's own __init__ from its submodules (registries) is
    # the package's interface, not a cycle: the __init__ discovers them.
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if target == node.rpartition(".")[0] or node.startswith(target + "."):
                continue
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target):] + [target] if target in trail else [node, target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles

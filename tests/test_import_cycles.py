"""No import cycles in server/ and sync/ (docs/architecture.md, rule 7).

A small walker over the AST: every `import` and `from … import` (at any depth, so a
function-level import counts too) is an edge to the module it names; `from package import
name` is an edge to `package.name` when that is a module. The implicit import of a parent
package is not an edge (every tool counts it so: grimp, pydeps).
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("server", "pwa", "sync")


def module_names() -> dict[str, Path]:
    """Every first-party module, dotted name → file (migrations excluded: Alembic loads them)."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imported(node: ast.AST, here: str, is_package: bool) -> list[str]:
    """The dotted names one import statement names (relative imports resolved)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        anchor = here.split(".") if is_package else here.split(".")[:-1]
        anchor = anchor[:len(anchor) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def import_graph() -> dict[str, set[str]]:
    """Module → the first-party modules it imports."""
    modules = module_names()
    graph = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = _imported(node, name, is_package)
            if isinstance(node, ast.ImportFrom):
                found = [n for n in names[:-1] if n in modules]
                names = found or names[-1:]
            edges |= {n for n in names if n in modules and n != name}
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for succ in sorted(graph[node]):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_walker_sees_the_imports():
    """The walker finds edges that exist (so an empty answer below means something)."""
    graph = import_graph()
    assert "server.services.transaction" in graph["server.services.sync"]
    assert "server.demo.catalogue" in graph["server.demo.data"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles_in_server_and_sync():
    """No module of server/, pwa/ or sync/ reaches itself through its imports."""
    assert cycles(import_graph()) == []

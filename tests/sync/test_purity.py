"""Rule 1 of docs/architecture.md: `sync/` imports only the standard library, merge3 and itself.

Two independent proofs: every import statement under sync/ is read with `ast`, and every
sync module is imported in a fresh interpreter whose import system refuses (and records)
the server's frameworks. Each checker is also shown to flag a bad example.
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYNC_DIR = ROOT / "sync"
ALLOWED_TOP = {"merge3", "__future__"}
FORBIDDEN = ("flask", "sqlalchemy", "marshmallow", "server")
DYNAMIC_IMPORTERS = {"__import__", "import_module"}

GUARD = """
import importlib, json, sys
FORBIDDEN = {forbidden!r}
preloaded = sorted(n for n in sys.modules if n.split(".")[0] in FORBIDDEN)
attempted = []

class Guard:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in FORBIDDEN:
            attempted.append(name)
            raise ModuleNotFoundError("sync purity: " + name + " is forbidden", name=name)
        return None

sys.meta_path.insert(0, Guard())
for module in {modules!r}:
    importlib.import_module(module)
loaded = sorted(n for n in sys.modules if n.split(".")[0] in FORBIDDEN)
print(json.dumps({{"preloaded": preloaded, "attempted": attempted, "loaded": loaded}}))
"""


def sync_modules() -> list[str]:
    """Dotted names of every module in the sync package."""
    return sorted("sync" if p.stem == "__init__" else f"sync.{p.stem}"
                  for p in SYNC_DIR.glob("*.py"))


def imported_names(source: str) -> list[str]:
    """Every module a source imports; relative imports resolved inside `sync`."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(_absolute(node))
        elif isinstance(node, ast.Call) and _callee(node.func) in DYNAMIC_IMPORTERS:
            names.append(f"<dynamic import at line {node.lineno}>")
    return names


def _absolute(node: ast.ImportFrom) -> str:
    """The module a `from` import names; relative ones resolved in the flat sync package."""
    if node.level == 0:
        return node.module
    if node.level == 1:
        return f"sync.{node.module}" if node.module else "sync"
    return "." * node.level + (node.module or "")


def _callee(func: ast.expr) -> str | None:
    """The called name of `name(...)` or `obj.name(...)`."""
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def allowed(name: str) -> bool:
    """Whether an import is the standard library, merge3, __future__ or sync itself."""
    top = name.split(".")[0]
    return top in sys.stdlib_module_names or top in ALLOWED_TOP or top == "sync"


def violations(source: str) -> list[str]:
    """The imports of a source that rule 1 forbids."""
    return [name for name in imported_names(source) if not allowed(name)]


def guarded_import(modules: list[str], extra_path: Path | None = None) -> dict[str, list[str]]:
    """Import modules in a fresh interpreter that refuses the server's frameworks."""
    env_path = [str(ROOT)] + ([str(extra_path)] if extra_path else [])
    script = GUARD.format(forbidden=FORBIDDEN, modules=modules)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(env_path)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env=env)
    if done.returncode != 0:
        return {"failed": [done.stderr.strip().splitlines()[-1]]}
    return json.loads(done.stdout)


def test_the_sync_package_is_found_and_flat():
    assert {"sync", "sync.engine", "sync.merge", "sync.memory_store"} <= set(sync_modules())
    assert not list(SYNC_DIR.glob("*/*.py")), "a subpackage needs these checkers extended"


@pytest.mark.parametrize("path", sorted(SYNC_DIR.glob("*.py")), ids=lambda p: p.name)
def test_every_import_under_sync_is_allowed(path):
    assert violations(path.read_text(encoding="utf-8")) == []


def test_the_merge3_allowance_is_in_use():
    used = {name for p in SYNC_DIR.glob("*.py") for name in imported_names(p.read_text())}
    assert "merge3" in used, "the allowance for merge3 is still needed"


@pytest.mark.parametrize("source, expected", [
    ("import flask", ["flask"]),
    ("import os, sqlalchemy.orm", ["sqlalchemy.orm"]),
    ("from marshmallow import fields", ["marshmallow"]),
    ("from server.extensions import db", ["server.extensions"]),
    ("def f():\n    from server import create_app", ["server"]),
    ("from ..server import models", ["..server"]),
    ("import importlib\nimportlib.import_module('flask')", ["<dynamic import at line 2>"]),
    ("mod = __import__('sqlalchemy')", ["<dynamic import at line 1>"]),
    ("import requests", ["requests"]),
])
def test_the_import_checker_flags_bad_sources(source, expected):
    assert violations(source) == expected


def test_the_import_checker_accepts_what_rule_1_allows():
    source = ("from __future__ import annotations\nimport json, os.path\n"
              "from merge3 import Merge3\nfrom sync.types import Actor\nfrom . import units\n"
              "from .merge import merge\n")
    assert violations(source) == []


def test_importing_every_sync_module_loads_no_framework():
    assert guarded_import(sync_modules()) == {"preloaded": [], "attempted": [], "loaded": []}


def test_the_import_guard_flags_an_import_even_when_it_is_swallowed(tmp_path):
    (tmp_path / "sneaky.py").write_text("try:\n    import flask\nexcept ImportError:\n    pass\n")
    report = guarded_import(["sync.engine", "sneaky"], tmp_path)
    assert report["attempted"] == ["flask"]


def test_the_import_guard_fails_on_a_forbidden_import():
    report = guarded_import(["server.services.sql_store"])
    assert report["failed"] and "forbidden" in report["failed"][0]


def test_the_module_check_flags_a_framework_that_bypassed_the_guard(tmp_path):
    (tmp_path / "bypass.py").write_text(
        "import sys\nsys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != 'Guard']"
        "\nimport sqlalchemy\n")
    report = guarded_import(["bypass"], tmp_path)
    assert report["attempted"] == [] and "sqlalchemy" in report["loaded"]

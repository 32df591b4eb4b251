"""Every service writes through services/transaction.py (docs/architecture.md, rule 2).

No module of server/ but the transaction module calls `commit()` or `begin_write()`; the
retention prune is the one module still listed (issue 11 rewrites it for purges per team).
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSACTION = Path("server/services/transaction.py")
NOT_YET = {Path("server/services/retention.py")}
WRITE_CALLS = {"commit", "begin_write"}


def _called(node: ast.Call) -> str:
    """The called name: `f` of `f()` and of `x.f()`."""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def hand_rolled_writes() -> list[str]:
    """`path:line call` of every commit or begin_write outside the transaction module."""
    found = []
    for path in sorted((ROOT / "server").rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative == TRANSACTION or relative in NOT_YET or "migrations" in relative.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _called(node) in WRITE_CALLS:
                found.append(f"{relative}:{node.lineno} {_called(node)}()")
    return found


def test_only_the_transaction_module_commits():
    """Services write with in_write_transaction; nothing else begins or commits a write."""
    assert hand_rolled_writes() == []
